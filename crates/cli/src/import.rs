//! `dispatches import FILE.jsonl DIR [--limit N]`: a corpus folder from JSON lines
//! (`.jsonl.gz` is read through gzip; `-` reads standard input).

use crate::args::{number_value, CommandResult, UsageError};
use dispatches_engine::import::ImportReport;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<PathBuf> = Vec::new();
    let mut limit = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("limit") => limit = Some(number_value(parser.value()?, "--limit")?),
            Value(v) if positional.len() < 2 => positional.push(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    let [input, dir] = <[PathBuf; 2]>::try_from(positional).map_err(|_| UsageError("import needs FILE.jsonl and DIR".into()))?;
    let reader = match open_input(&input) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let result = dispatches_engine::import::import(reader, &dir, limit);
    Ok(report(&input, "import", result, |r| format!("wrote {} articles and catalog.toml to {}", r.written, dir.display())))
}

/// The JSON lines of `input`: standard input for `-`, through gzip for `.gz`. A file that cannot
/// be opened is reported as `path: cannot open: …` with exit code 1.
pub fn open_input(input: &Path) -> Result<Box<dyn BufRead>, ExitCode> {
    if input.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    let file = std::fs::File::open(input).map_err(|e| {
        eprintln!("{}: cannot open: {e}", input.display());
        ExitCode::from(1)
    })?;
    if input.extension().map_or(false, |e| e == "gz") {
        Ok(Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file))))
    } else {
        Ok(Box::new(BufReader::new(file)))
    }
}

/// Prints what `command` did: each skipped line as `input:line: skipped: why`, then `done`'s
/// summary; or the error, with exit code 1.
pub fn report(input: &Path, command: &str, result: Result<ImportReport, String>, done: impl Fn(&ImportReport) -> String) -> ExitCode {
    match result {
        Ok(report) => {
            for (line, why) in &report.skipped {
                eprintln!("{}:{line}: skipped: {why}", input.display());
            }
            println!("{} ({} lines skipped)", done(&report), report.skipped.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dispatches {command}: {e}");
            ExitCode::from(1)
        }
    }
}
