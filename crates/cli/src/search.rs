//! `dispatches search [--source NAME]... [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]
//! [--json] [--corpus DIR] [--] QUERY...`: the engine's search, as the web app runs it.
//!
//! The query words are joined with spaces (so `aleppo evacuation` and `"aleppo evacuation"`
//! are the same query); a word such as `-russia` is an exclusion, not an option. With
//! `--json`, one object per hit, best first; `matches` are character (Unicode scalar) ranges
//! in `snippet`. Exit code 0 also when nothing matches.

use crate::args::{default_corpus_dir, load_or_report, output_done, value_string, CommandResult, UsageError};
use dispatches_engine::search::SearchRequest;
use dispatches_engine::shards::{self, Need};
use dispatches_engine::Article;
use std::collections::HashMap;
use dispatches_engine::text::char_offset;
use dispatches_engine::Date;
use serde::Serialize;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Serialize)]
struct JsonHit<'a> {
    article: &'a str,
    score: f32,
    outlet: &'a str,
    headline: &'a str,
    published: String,
    snippet: &'a str,
    /// Character ranges `[start, end)` in `snippet`.
    matches: Vec<[usize; 2]>,
    /// Index of the snippet's block in the article.
    block: usize,
    /// Blocks (indexes) with matches.
    paragraphs: Vec<usize>,
}

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut req = SearchRequest::default();
    let mut json = false;
    let mut dir: Option<PathBuf> = None;
    let mut words: Vec<String> = Vec::new();
    let date = |v: OsString, flag: &str| -> Result<Date, UsageError> {
        let s = value_string(v)?;
        Date::parse(&s).map_err(|e| UsageError(format!("{flag}: {e}")))
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("source") => req.outlets.push(value_string(parser.value()?)?),
            Long("from") => req.from = Some(date(parser.value()?, "--from")?),
            Long("to") => req.to = Some(date(parser.value()?, "--to")?),
            Long("limit") => {
                let v = value_string(parser.value()?)?;
                req.limit = Some(v.parse().map_err(|_| UsageError(format!("--limit: `{v}` is not a number")))?);
            }
            Long("json") => json = true,
            Long("corpus") => dir = Some(PathBuf::from(parser.value()?)),
            // `-russia`: an exclusion in the query, not an option.
            Short(c) => {
                let rest = parser.optional_value().map(value_string).transpose()?.unwrap_or_default();
                words.push(format!("-{c}{rest}"));
            }
            Value(v) => words.push(value_string(v)?),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    req.query = words.join(" ");
    let dir = dir.unwrap_or_else(default_corpus_dir);
    let corpus = match load_or_report(&dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    // Through the page's own reader over the page's own shards, in the layout the page's
    // build would choose (or DISPATCHES_LAYOUT forces), so both rank and cut snippets alike.
    let forced = match shards::Layout::parse(&std::env::var("DISPATCHES_LAYOUT").unwrap_or_default()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("dispatches: DISPATCHES_LAYOUT: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut library = shards::open_in_memory(corpus, forced);
    let results = match library.search(&req) {
        Ok(r) => r,
        // Every shard is in memory, so only a broken build can get here.
        Err(need) => {
            let why = match need {
                Need::Broken(e) => e,
                Need::Fetch(refs) => format!("{} shards missing", refs.len()),
            };
            eprintln!("dispatches: {why}");
            return Ok(ExitCode::from(1));
        }
    };
    let ids: Vec<usize> = results.hits.iter().map(|h| h.article).collect();
    // What the page's result cards read: the cards in the split layout, the articles inline.
    let groups = library.cards(&ids).unwrap_or_default();
    let articles: HashMap<usize, &Article> = ids.iter().filter_map(|&d| groups.iter().find_map(|g| g.article(d)).map(|a| (d, a))).collect();

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = if json {
        (|| -> std::io::Result<()> {
            for hit in &results.hits {
                let Some(a) = articles.get(&hit.article) else { continue };
                let s = &hit.snippet;
                let row = JsonHit {
                    article: &a.id,
                    score: (hit.score * 1000.0).round() / 1000.0,
                    outlet: &a.meta.outlet,
                    headline: &a.meta.headline,
                    published: a.meta.published.to_string(),
                    snippet: &s.text,
                    matches: s.matches.iter().map(|&(x, y)| [char_offset(&s.text, x as usize), char_offset(&s.text, y as usize)]).collect(),
                    block: s.block,
                    paragraphs: hit.paragraphs.iter().map(|p| p.block).collect(),
                };
                writeln!(out, "{}", serde_json::to_string(&row).expect("hits serialize"))?;
            }
            Ok(())
        })()
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        print_readable(&mut out, &articles, &results, &req, colour)
    };
    output_done(result)
}

struct Style {
    on: bool,
}

impl Style {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
}

fn print_readable(
    out: &mut impl Write,
    articles: &HashMap<usize, &Article>,
    results: &dispatches_engine::search::SearchResults,
    req: &SearchRequest,
    colour: bool,
) -> std::io::Result<()> {
    let st = Style { on: colour };
    if results.hits.is_empty() {
        writeln!(out, "No article matches {}.", if req.query.trim().is_empty() { "these filters".to_string() } else { format!("`{}`", req.query.trim()) })?;
    }
    for (rank, hit) in results.hits.iter().enumerate() {
        let Some(a) = articles.get(&hit.article) else { continue };
        writeln!(out, "{:>2}. {}", rank + 1, st.wrap("1", &a.meta.headline))?;
        let score = if req.query.trim().is_empty() { String::new() } else { format!(" · score {:.2}", hit.score) };
        writeln!(out, "    {}", st.wrap("2", &format!("{} · {} · {}{}", a.meta.outlet, a.meta.published, a.id, score)))?;
        let s = &hit.snippet;
        let mut line = String::new();
        let mut at = 0usize;
        for &(x, y) in &s.matches {
            let (x, y) = (x as usize, y as usize);
            if x < at || y > s.text.len() {
                continue;
            }
            line.push_str(&s.text[at..x]);
            line.push_str(&if colour { st.wrap("1;33", &s.text[x..y]) } else { format!("[{}]", &s.text[x..y]) });
            at = y;
        }
        line.push_str(&s.text[at..]);
        writeln!(out, "    {}", line.split_whitespace().collect::<Vec<_>>().join(" "))?;
        writeln!(out)?;
    }
    let outlets: Vec<String> = results.outlet_facets.iter().filter(|(_, c)| *c > 0).map(|(o, c)| format!("{o} {c}")).collect();
    let shown = if results.hits.len() < results.total { format!(" (showing {})", results.hits.len()) } else { String::new() };
    writeln!(
        out,
        "{}",
        st.wrap(
            "2",
            &format!(
                "{} article{}{shown}{}",
                results.total,
                if results.total == 1 { "" } else { "s" },
                if outlets.is_empty() { String::new() } else { format!(" · by outlet, any outlet: {}", outlets.join(", ")) }
            )
        )
    )
}
