//! `dispatches list [DIR] [--json]`: one line per article, newest first.

use crate::args::{load_dir_or_report, output_done, CommandResult, UsageError};
use std::io::Write;
use serde::Serialize;
use std::ffi::OsString;
use std::path::PathBuf;

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
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    output_done(print_rows(&mut out, &corpus, json).and_then(|_| out.flush()))
}

/// Writes the rows; a write error (a closed pipe: `| head`) ends it, for `output_done`.
fn print_rows(out: &mut impl Write, corpus: &dispatches_engine::Corpus, json: bool) -> std::io::Result<()> {
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
            writeln!(out, "{}", serde_json::to_string(&row).expect("rows serialize"))?;
        } else {
            writeln!(out, "{}  {:<16} {:>3} ¶ {:>5} w  {}  ({})", row.published, truncate(row.outlet, 16), row.paragraphs, row.words, row.headline, row.id)?;
        }
    }
    Ok(())
}

/// `s` cut to `n` characters, the last one an ellipsis when anything was cut.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { s.chars().take(n - 1).chain(['…']).collect() }
}
