//! `dispatches list [DIR] [--json]`: one line per article, newest first.

use crate::args::{load_dir_or_report, CommandResult, UsageError};
use serde::Serialize;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    outlet: &'a str,
    headline: &'a str,
    byline: &'a str,
    published: String,
    paragraphs: usize,
    words: usize,
}

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut dir: Option<PathBuf> = None;
    let mut json = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Value(v) if dir.is_none() => dir = Some(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    let (_, corpus) = match load_dir_or_report(dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    for a in &corpus.articles {
        let row = Row {
            id: &a.id,
            outlet: &a.meta.outlet,
            headline: &a.meta.headline,
            byline: &a.meta.byline,
            published: a.meta.published.to_string(),
            paragraphs: a.paragraph_count(),
            words: a.word_count(),
        };
        if json {
            println!("{}", serde_json::to_string(&row).expect("rows serialize"));
        } else {
            println!("{}  {:<16} {:>3} ¶ {:>5} w  {}  ({})", row.published, truncate(row.outlet, 16), row.paragraphs, row.words, row.headline, row.id);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `s` cut to `n` characters, the last one an ellipsis when anything was cut.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { s.chars().take(n - 1).chain(['…']).collect() }
}
