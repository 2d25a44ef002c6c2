//! `dispatches speakers [DIR] [--json] [--limit N]`: the speaker index of a corpus folder
//! (default: the seeds), most quoted first, one line per speaker: name, aliases (the other
//! forms of the name the corpus prints), role (the one given most often), kind, number of
//! quotations and outlets. An editor checks it before publishing.

use crate::args::{dir_json_and_number, load_dir_or_report, output_done, CommandResult};
use dispatches_engine::quotes::QuoteIndex;
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    aliases: &'a [String],
    role: Option<&'a str>,
    kind: &'static str,
    quotes: usize,
    /// Outlets in the order of their first quotation, each with its number of quotations.
    outlets: Vec<(&'a str, usize)>,
}

pub fn run(args: Vec<OsString>) -> CommandResult {
    let (dir, json, limit) = dir_json_and_number(args, "--limit", usize::MAX)?;
    let (_, corpus) = match load_dir_or_report(dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let index = QuoteIndex::build(&corpus);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut result = Ok(());
    for s in index.speakers.iter().take(limit) {
        let row = Row {
            name: &s.name,
            aliases: &s.aliases,
            role: s.role.as_deref(),
            kind: s.kind.label(),
            quotes: s.quotes.len(),
            outlets: s.by_outlet(&index, &corpus).into_iter().map(|(o, qs)| (o, qs.len())).collect(),
        };
        result = if json {
            writeln!(out, "{}", serde_json::to_string(&row).expect("rows serialize"))
        } else {
            let aliases = if row.aliases.is_empty() { String::new() } else { format!(" (also: {})", row.aliases.join("; ")) };
            let role = row.role.map(|r| format!(", {r}")).unwrap_or_default();
            let outlets: Vec<String> = row.outlets.iter().map(|(o, n)| if o.is_empty() { format!("{n}") } else { format!("{o} {n}") }).collect();
            writeln!(out, "{:>5}  {}{aliases}{role} [{}] — {}", row.quotes, row.name, row.kind, outlets.join(", "))
        };
        if result.is_err() {
            break;
        }
    }
    output_done(result.and_then(|_| out.flush()))
}
