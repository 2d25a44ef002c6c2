//! `dispatches check [DIR]`: validate a corpus folder the way the build does.

use crate::args::{load_dir_or_report, CommandResult, UsageError};
use dispatches_engine::BlockKind;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut dir: Option<PathBuf> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Value(v) if dir.is_none() => dir = Some(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    let (dir, corpus) = match load_dir_or_report(dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let boilerplate: usize = corpus.articles.iter().map(|a| a.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Boilerplate(_))).count()).sum();
    let paragraphs: usize = corpus.articles.iter().map(|a| a.paragraph_count()).sum();
    println!(
        "{}: ok — {} articles, {} paragraphs, {} boilerplate blocks set aside",
        dir.display(),
        corpus.articles.len(),
        paragraphs,
        boilerplate
    );
    Ok(ExitCode::SUCCESS)
}
