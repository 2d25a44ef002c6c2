//! `dispatches import FILE.jsonl DIR [--limit N]`: a corpus folder from JSON lines
//! (`.jsonl.gz` is read through gzip; `-` reads standard input).

use crate::args::{value_string, CommandResult, UsageError};
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<PathBuf> = Vec::new();
    let mut limit = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("limit") => {
                let v = value_string(parser.value()?)?;
                limit = Some(v.parse::<usize>().map_err(|_| UsageError(format!("--limit needs a number, got `{v}`")))?);
            }
            Value(v) if positional.len() < 2 => positional.push(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    let [input, dir] = <[PathBuf; 2]>::try_from(positional).map_err(|_| UsageError("import needs FILE.jsonl and DIR".into()))?;
    let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let file = match std::fs::File::open(&input) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{}: cannot open: {e}", input.display());
                return Ok(ExitCode::from(1));
            }
        };
        if input.extension().map_or(false, |e| e == "gz") {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
        } else {
            Box::new(BufReader::new(file))
        }
    };
    match dispatches_engine::import::import(reader, &dir, limit) {
        Ok(report) => {
            for (line, why) in &report.skipped {
                eprintln!("{}:{line}: skipped: {why}", input.display());
            }
            println!("wrote {} articles and catalog.toml to {} ({} lines skipped)", report.written, dir.display(), report.skipped.len());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("dispatches import: {e}");
            Ok(ExitCode::from(1))
        }
    }
}
