//! Shared argument helpers.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

/// A usage mistake: printed with the usage text, exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl From<lexopt::Error> for UsageError {
    fn from(e: lexopt::Error) -> Self {
        UsageError(e.to_string())
    }
}

pub type CommandResult = Result<ExitCode, UsageError>;

/// The corpus folder used when none is given: `DISPATCHES_CORPUS`, else `seeds/` of the
/// repository (found from the current directory, then from the binary's build location).
pub fn default_corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DISPATCHES_CORPUS") {
        return PathBuf::from(dir);
    }
    let here = PathBuf::from("seeds");
    if here.join("catalog.toml").is_file() {
        return here;
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    if repo.join("catalog.toml").is_file() {
        return repo;
    }
    here
}

pub fn value_string(v: OsString) -> Result<String, UsageError> {
    v.into_string().map_err(|v| UsageError(format!("argument is not valid UTF-8: {}", v.to_string_lossy())))
}

/// The value of a numeric option such as `--limit`.
pub fn number_value<T: std::str::FromStr>(v: OsString, option: &str) -> Result<T, UsageError> {
    let v = value_string(v)?;
    v.parse().map_err(|_| UsageError(format!("{option} needs a number, got `{v}`")))
}

/// The corpus folder given (or the default one) and its corpus, or the exit code once its
/// problems are printed.
pub fn load_dir_or_report(dir: Option<PathBuf>) -> Result<(PathBuf, dispatches_engine::Corpus), ExitCode> {
    let dir = dir.unwrap_or_else(default_corpus_dir);
    load_or_report(&dir).map(|c| (dir, c))
}

/// Loads a corpus or prints every problem as `path:line: message` and returns exit code 1.
pub fn load_or_report(dir: &std::path::Path) -> Result<dispatches_engine::Corpus, ExitCode> {
    dispatches_engine::corpus::load(dir).map_err(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!("dispatches: {} problem{} in {}", errors.len(), if errors.len() == 1 { "" } else { "s" }, dir.display());
        ExitCode::from(1)
    })
}

/// The exit code once a command has written its output: a closed pipe (`| head`) is success,
/// any other write error is printed with exit code 1.
pub fn output_done(written: std::io::Result<()>) -> CommandResult {
    match written {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("dispatches: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// The arguments `[DIR] [--json] [--OPTION N]` of a command that prints an index of one corpus
/// folder (`speakers --limit`, `trails --min-outlets`): the folder, whether JSON, the number
/// (`default` when not given).
pub fn dir_json_and_number<T: std::str::FromStr>(args: Vec<OsString>, option: &str, default: T) -> Result<(Option<PathBuf>, bool, T), UsageError> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let (mut dir, mut json, mut number) = (None, false, default);
    let name = option.trim_start_matches("--");
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Long(o) if o == name => number = number_value(parser.value()?, option)?,
            Value(v) if dir.is_none() => dir = Some(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    Ok((dir, json, number))
}
