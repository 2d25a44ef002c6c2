//! `dispatches quotes [--json] [--corpus DIR] [FILE...]`: every quotation and who said it.
//!
//! With no FILE, the corpus (default: the seeds). Each FILE is one article: a text file listed
//! in the `catalog.toml` of its folder takes that entry's metadata; any other UTF-8 text file
//! is read whole as a body. `--json` prints one object per quotation with `start`/`end` (and
//! `speaker_start`/`speaker_end`) as Unicode scalar offsets into the file's text; without it,
//! a listing grouped by speaker. A missing or non-UTF-8 file is reported as `path: message`
//! with exit code 1.

use crate::args::{output_done, default_corpus_dir, load_or_report, CommandResult, UsageError};
use dispatches_engine::catalog;
use dispatches_engine::corpus::{self, CATALOG_FILE};
use dispatches_engine::quotes::{QuoteIndex, QuoteKind};
use dispatches_engine::text::char_offset;
use dispatches_engine::{Article, ArticleMeta, Corpus, Date};
use serde::Serialize;
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Serialize)]
struct JsonQuote<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue: Option<&'a str>,
    kind: &'static str,
    role: Option<&'a str>,
    paragraph: usize,
    speaker_kind: Option<&'static str>,
    /// For a headline or pull quote: the `start` of the quotation it repeats.
    repeat_of: Option<usize>,
}

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut json = false;
    let mut dir: Option<PathBuf> = None;
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => json = true,
            Long("corpus") => dir = Some(PathBuf::from(parser.value()?)),
            Value(v) => files.push(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    let corpus = if files.is_empty() {
        let dir = dir.unwrap_or_else(default_corpus_dir);
        match load_or_report(&dir) {
            Ok(c) => c,
            Err(code) => return Ok(code),
        }
    } else {
        let mut articles = Vec::new();
        let mut failed = false;
        let mut catalogs = FolderCatalogs::default();
        for f in &files {
            match read_article(f, &mut catalogs) {
                Ok(a) => articles.push(a),
                Err(message) => {
                    eprintln!("{}: {message}", f.display());
                    failed = true;
                }
            }
        }
        if failed {
            return Ok(ExitCode::from(1));
        }
        // Keep the command-line order (Corpus::new would sort by date).
        Corpus { articles, ..Corpus::default() }
    };
    let index = QuoteIndex::build(&corpus);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = if json { print_json(&mut out, &corpus, &index) } else { print_listing(&mut out, &corpus, &index, std::io::stdout().is_terminal()) };
    output_done(result.and_then(|_| out.flush()))
}

/// One file as an article: catalog metadata when its folder lists it, else a bare body.
fn read_article(path: &Path, catalogs: &mut FolderCatalogs) -> Result<Article, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        _ => format!("cannot read: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        format!("not valid UTF-8 (byte 0x{:02X} at offset {valid}); save the file as UTF-8", e.as_bytes()[valid])
    })?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let id = corpus::article_id(&name);
    let meta = catalogs.meta(path, &name).unwrap_or_else(|| ArticleMeta {
        outlet: String::new(),
        headline: String::new(),
        byline: String::new(),
        dateline: String::new(),
        published: Date::new(1970, 1, 1).expect("a valid date"),
        published_raw: String::new(),
        url: String::new(),
        language: String::new(),
    });
    Ok(corpus::build_article(id, name, meta, text))
}

/// The catalog of each folder named on the command line, parsed once: re-reading it for every
/// file made 100 files of a 10,000-article folder take minutes.
#[derive(Default)]
struct FolderCatalogs {
    /// Folder → file name → the metadata its catalog entry gives.
    listed: HashMap<PathBuf, HashMap<String, ArticleMeta>>,
}

impl FolderCatalogs {
    /// The metadata the catalog beside `path` gives the file `name`, when it lists it.
    fn meta(&mut self, path: &Path, name: &str) -> Option<ArticleMeta> {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let listed = self.listed.entry(folder.to_path_buf()).or_insert_with(|| listed_in(folder));
        listed.get(name).cloned()
    }
}

/// Every valid entry of `folder`'s catalog by file name (none when it has no readable catalog).
fn listed_in(folder: &Path) -> HashMap<String, ArticleMeta> {
    let mut listed = HashMap::new();
    let Ok(source) = std::fs::read_to_string(folder.join(CATALOG_FILE)) else {
        return listed;
    };
    for e in catalog::parse(&source).entries {
        // A name listed twice takes its first entry, as `corpus::load` keeps the first too.
        listed.entry(e.file.clone()).or_insert_with(|| corpus::meta_of(&e));
    }
    listed
}

fn print_json(out: &mut impl Write, corpus: &Corpus, index: &QuoteIndex) -> std::io::Result<()> {
    for q in &index.quotes {
        let a = &corpus.articles[q.article];
        let speaker = q.speaker.map(|s| &index.speakers[s]);
        let row = JsonQuote {
            article: &a.id,
            start: char_offset(&a.text, q.span.start as usize),
            end: char_offset(&a.text, q.span.end as usize),
            text: a.slice(q.span),
            speaker: speaker.map(|s| s.name.as_str()),
            speaker_start: q.mention.map(|m| char_offset(&a.text, m.start as usize)),
            speaker_end: q.mention.map(|m| char_offset(&a.text, m.end as usize)),
            cue: q.cue.as_deref(),
            kind: q.kind.label(),
            role: q.role.as_deref(),
            paragraph: q.block,
            speaker_kind: speaker.map(|s| s.kind.label()),
            repeat_of: q.repeat_of.map(|r| char_offset(&a.text, index.quotes[r].span.start as usize)),
        };
        writeln!(out, "{}", serde_json::to_string(&row).expect("rows serialize"))?;
    }
    Ok(())
}

fn print_listing(out: &mut impl Write, corpus: &Corpus, index: &QuoteIndex, color: bool) -> std::io::Result<()> {
    let (bold, dim, reset) = if color { ("\x1b[1m", "\x1b[2m", "\x1b[0m") } else { ("", "", "") };
    let line = |q: usize| -> String {
        let q = &index.quotes[q];
        let a = &corpus.articles[q.article];
        let kind = if q.kind == QuoteKind::Speech { String::new() } else { format!(" [{}]", q.kind.label()) };
        let cue = q.cue.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
        format!("    {dim}{} ¶{}{reset} “{}”{cue}{kind}", a.id, q.block, a.slice(q.span))
    };
    for s in &index.speakers {
        let role = s.role.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
        writeln!(out, "{bold}{}{reset}{role} {dim}({}, {} quotation{}){reset}", s.name, s.kind.label(), s.quotes.len(), if s.quotes.len() == 1 { "" } else { "s" })?;
        for (outlet, qs) in s.by_outlet(index, corpus) {
            if !outlet.is_empty() {
                writeln!(out, "  {outlet}")?;
            }
            for q in qs {
                writeln!(out, "{}", line(q))?;
            }
        }
    }
    let repeats: Vec<usize> = (0..index.quotes.len()).filter(|&i| index.quotes[i].repeat_of.is_some()).collect();
    if !repeats.is_empty() {
        writeln!(out, "{bold}Repeated in headlines and pull quotes{reset}")?;
        for q in repeats {
            writeln!(out, "{}", line(q))?;
        }
    }
    let loose: Vec<usize> = (0..index.quotes.len()).filter(|&i| index.quotes[i].speaker.is_none() && index.quotes[i].repeat_of.is_none()).collect();
    if !loose.is_empty() {
        writeln!(out, "{bold}No speaker{reset} {dim}(scare quotes, names in quotes, unattributed){reset}")?;
        for q in loose {
            writeln!(out, "{}", line(q))?;
        }
    }
    let speech = index.quotes.iter().filter(|q| q.kind.is_speech()).count();
    writeln!(out, "{dim}{} quotations ({speech} speech or fragments) from {} speakers in {} articles{reset}", index.quotes.len(), index.speakers.len(), corpus.articles.len())?;
    Ok(())
}
