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
mod speakers;
mod trails;

use std::process::ExitCode;

/// Every subcommand: its synopsis (as in the overview) and what `dispatches COMMAND --help` adds.
const COMMANDS: &[(&str, &str, &str)] = &[
    ("check", "dispatches check [DIR]                     validate catalog.toml and texts (default DIR: seeds)", "Reads DIR/catalog.toml and every text it lists; prints a summary, or every problem as\n`path:line: message` (exit code 1)."),
    ("list", "dispatches list [DIR] [--json]             one line per article", "Newest first: date, outlet, paragraphs, words, headline and id. --json: one object per line."),
    ("import", "dispatches import FILE.jsonl DIR [--limit N]\n                                               write a corpus folder from JSON lines (title/body/source/date)", "FILE.jsonl.gz is read through gzip; `-` reads standard input. Lines that cannot make an article\nare skipped and reported as `FILE:line: skipped: …`. --limit N: the first N articles."),
    ("generate", "dispatches generate FILE.jsonl DIR --articles N [--seed S]\n                                               write a corpus of N articles made from FILE's, for scale tests\n                                               (each reused with a new id, moved date, reordered paragraphs)", "The same FILE, N and seed (default 1) give byte-identical folders."),
    ("search", "dispatches search [--source NAME]... [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n                      [--limit N] [--json] [--corpus DIR] [--] QUERY...", "The engine's search as the web app runs it, over the corpus (default: the seeds). The QUERY words\nare joined with spaces; a word such as `-russia` is an exclusion, not an option. --source keeps\nan outlet (repeatable); --from/--to bound the date; --json prints one object per hit, best first."),
    ("publish", "dispatches publish [DIR] OUT [--layout inline|split|auto] [--timings]\n                                               write the corpus's shards for the page into OUT/corpus/\n                                               (split layout; inline: the app embeds the corpus)", "The page's build runs it with the same corpus and layout as build.rs (default DIR: the seeds). --timings: the wall time of each build stage. DISPATCHES_THREADS=N: threads used (default: every core)."),
    ("quotes", "dispatches quotes [--json] [--corpus DIR] [FILE...]\n                                               quotations and speakers (FILE: a seed or any UTF-8 text)", "With no FILE, the corpus (default: the seeds). --json: one object per quotation with `start`/`end`\nand `speaker_start`/`speaker_end` (the mention the attribution hangs on) as character offsets."),
    ("speakers", "dispatches speakers [DIR] [--json] [--limit N]\n                                               the speaker index: name, aliases, role, kind, quotes, outlets", "One line per speaker, most quoted first (unnamed sources last), so an editor can check it\nbefore publishing: the name, the other forms it was printed as (aliases), the role most often\ngiven, its kind (person, organisation, unnamed), how many quotations and from which outlets.\n--json: one object per line. --limit N: the first N speakers."),
    ("trails", "dispatches trails [DIR] [--json] [--min-outlets N]\n                                               quotations several outlets ran: first appearance, changes, credits", "The corpus folder's quote trails (default DIR: the seeds), widest first: each quotation that\nreports of N or more outlets ran (default 2; 1 keeps reports of one outlet), its first appearance\n(earliest date, then outlet), its longest form, per report the words it omitted, added or changed,\nand whom each outlet credited (and whether the trail merges a name or credits an unnamed report).\n--json: one object per trail with `trail`, `text`, `speakers`, `first` and `occurrences` (`article`,\n`outlet`, `published`, `start`/`end` as character offsets, `text`, `speaker`, `credit`, `changes`)."),
];

/// The overview printed by `dispatches --help` and after a usage error.
fn usage() -> String {
    let mut s = String::from("dispatches — validate and preview a Dispatches corpus\n\nUSAGE:\n");
    for (_, synopsis, _) in COMMANDS {
        s.push_str("    ");
        s.push_str(synopsis);
        s.push('\n');
    }
    s.push_str("    dispatches COMMAND --help                  more on one command\n    dispatches --version\n\nErrors name file and line (`path:line: message`).");
    s
}

/// `dispatches COMMAND --help` (or `-h`) anywhere before a `--`.
fn wants_help(rest: &[std::ffi::OsString]) -> bool {
    rest.iter().take_while(|a| a.to_str() != Some("--")).any(|a| matches!(a.to_str(), Some("--help" | "-h")))
}

fn main() -> ExitCode {
    let mut argv = std::env::args_os().skip(1);
    let Some(command) = argv.next() else {
        eprintln!("{}", usage());
        return ExitCode::from(2);
    };
    let rest: Vec<std::ffi::OsString> = argv.collect();
    let name = command.to_str().unwrap_or("");
    if let Some((_, synopsis, more)) = COMMANDS.iter().find(|(c, _, _)| *c == name).filter(|_| wants_help(&rest)) {
        println!("USAGE:\n    {synopsis}\n\n{more}");
        return ExitCode::SUCCESS;
    }
    let result = match name {
        "check" => check::run(rest),
        "list" => list::run(rest),
        "import" => import::run(rest),
        "generate" => generate::run(rest),
        "search" => search::run(rest),
        "publish" => publish::run(rest),
        "quotes" => quotes::run(rest),
        "speakers" => speakers::run(rest),
        "trails" => trails::run(rest),
        "-h" | "--help" | "help" => {
            println!("{}", usage());
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" | "version" => {
            println!("dispatches {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(args::UsageError(format!("unknown command `{other}`"))),
    };
    match result {
        Ok(code) => code,
        Err(args::UsageError(message)) => {
            eprintln!("dispatches: {message}\n\n{}", usage());
            ExitCode::from(2)
        }
    }
}
