//! `dispatches generate SOURCE.jsonl[.gz] DIR --articles N [--seed S]`: a corpus folder of N
//! articles made from the articles of a JSON-lines file (the shape `import` reads), for scale
//! tests: each source article is used again and again with a new id, a moved date and its
//! paragraphs reordered. The same source, N and seed give byte-identical folders.

use crate::args::{number_value, CommandResult, UsageError};
use crate::import::{open_input, report};
use std::ffi::OsString;
use std::path::PathBuf;

/// The seed when none is given, so a bare command is reproducible too.
const DEFAULT_SEED: u64 = 1;

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<PathBuf> = Vec::new();
    let mut articles: Option<usize> = None;
    let mut seed = DEFAULT_SEED;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("articles") => articles = Some(number_value(parser.value()?, "--articles")?),
            Long("seed") => seed = number_value(parser.value()?, "--seed")?,
            Value(v) if positional.len() < 2 => positional.push(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    let [input, dir] = <[PathBuf; 2]>::try_from(positional).map_err(|_| UsageError("generate needs SOURCE.jsonl and DIR".into()))?;
    let articles = articles.filter(|&n| n > 0).ok_or_else(|| UsageError("generate needs --articles N (at least 1)".into()))?;
    let reader = match open_input(&input) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let result = dispatches_engine::import::generate(reader, &dir, articles, seed);
    Ok(report(&input, "generate", result, |r| {
        format!("wrote {} articles made from {} source articles (seed {seed}) and catalog.toml to {}", r.written, r.sources, dir.display())
    }))
}
