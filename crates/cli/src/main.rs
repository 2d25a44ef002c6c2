//! `dispatches`: the editor's command line over the Dispatches engine.
//!
//! A thin shell: every command parses its arguments, calls the engine and prints.
//! Exit codes: 0 success, 1 the corpus or input has problems, 2 bad usage.

mod args;
mod check;
mod generate;
mod import;
mod list;
mod publish;
mod quotes;
mod search;

use std::process::ExitCode;

const USAGE: &str = "\
dispatches — validate and preview a Dispatches corpus

USAGE:
    dispatches check [DIR]                     validate catalog.toml and texts (default DIR: seeds)
    dispatches list [DIR] [--json]             one line per article
    dispatches import FILE.jsonl DIR [--limit N]
                                               write a corpus folder from JSON lines (title/body/source/date)
    dispatches generate FILE.jsonl DIR --articles N [--seed S]
                                               write a corpus of N articles made from FILE's, for scale tests
                                               (each reused with a new id, moved date, reordered paragraphs)
    dispatches search [--source NAME]... [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                      [--limit N] [--json] [--corpus DIR] [--] QUERY...
    dispatches publish [DIR] OUT [--layout inline|split|auto]
                                               write the corpus's shards for the page into OUT/corpus/
                                               (split layout; inline: the app embeds the corpus)
    dispatches quotes [--json] [--corpus DIR] [FILE...]
                                               quotations and speakers (FILE: a seed or any UTF-8 text)

Errors name file and line (`path:line: message`).";

fn main() -> ExitCode {
    let mut argv = std::env::args_os().skip(1);
    let Some(command) = argv.next() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<std::ffi::OsString> = argv.collect();
    let result = match command.to_str().unwrap_or("") {
        "check" => check::run(rest),
        "list" => list::run(rest),
        "import" => import::run(rest),
        "generate" => generate::run(rest),
        "search" => search::run(rest),
        "publish" => publish::run(rest),
        "quotes" => quotes::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(args::UsageError(format!("unknown command `{other}`"))),
    };
    match result {
        Ok(code) => code,
        Err(args::UsageError(message)) => {
            eprintln!("dispatches: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
