//! The catalog: `catalog.toml`, one `[[article]]` table per text file of the corpus.
//!
//! Every problem is reported with the catalog line it comes from, so an editor can jump to it.

use crate::date::Date;
use crate::text::line_of;
use serde::Deserialize;

/// Fields an `[[article]]` table may have. Unknown fields are errors: a typo
/// (`publised = …`) must not silently drop a value.
pub const FIELDS: &[&str] = &["file", "outlet", "headline", "byline", "dateline", "published", "url", "language"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    corpus: Option<CorpusTable>,
    #[serde(default)]
    article: Vec<toml::Table>,
}

/// The optional `[corpus]` table: the title and description the page shows.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusTable {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

/// One validated catalog entry, with the catalog line of each field for later messages.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogEntry {
    pub file: String,
    pub outlet: String,
    pub headline: String,
    pub byline: String,
    pub dateline: String,
    pub published: Date,
    pub published_raw: String,
    pub url: String,
    pub language: String,
    /// Line of the `[[article]]` header.
    pub line: usize,
    /// Line of the `file = …` field.
    pub file_line: usize,
}

/// A catalog problem: line number and message (the caller adds the path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogProblem {
    pub line: usize,
    pub message: String,
}

/// The parsed catalog: valid entries, every problem found, and every file name the catalog
/// mentions (also those of invalid entries, so their files are not reported as unlisted).
#[derive(Debug, Default)]
pub struct Parsed {
    pub info: crate::model::CorpusInfo,
    pub entries: Vec<CatalogEntry>,
    pub problems: Vec<CatalogProblem>,
    pub named_files: Vec<String>,
}

/// Parses and validates the catalog text.
pub fn parse(source: &str) -> Parsed {
    let mut out = Parsed::default();
    let parsed: CatalogFile = match toml::from_str(source) {
        Ok(c) => c,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(source, s.start));
            let message = e.message().trim().to_string();
            let message = if message.starts_with("unknown field") {
                format!("{message} (the catalog has a [corpus] table and [[article]] tables)")
            } else {
                format!("invalid TOML: {message}")
            };
            out.problems.push(CatalogProblem { line, message });
            return out;
        }
    };
    if let Some(c) = parsed.corpus {
        if let Some(t) = c.title.filter(|t| !t.trim().is_empty()) {
            out.info.title = t.trim().to_string();
        }
        out.info.description = c.description.unwrap_or_default().trim().to_string();
    }
    if parsed.article.is_empty() {
        out.problems.push(CatalogProblem { line: 1, message: "the catalog lists no [[article]]".into() });
    }
    // Split once: looking a field's line up from the top of the file for every entry made
    // parsing quadratic (8 s for 9,000 entries).
    let lines: Vec<&str> = source.lines().map(str::trim_start).collect();
    // The n-th table belongs to the n-th `[[article]]` header line.
    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].strip_prefix("[[").map_or(false, |r| r.trim_start().starts_with("article")))
        .map(|i| i + 1)
        .collect();
    for (n, table) in parsed.article.into_iter().enumerate() {
        if let Some(toml::Value::String(f)) = table.get("file") {
            out.named_files.push(f.clone());
        }
        let header_line = headers.get(n).copied().unwrap_or(1);
        match entry(&lines, header_line, table) {
            Ok(e) => out.entries.push(e),
            Err(mut p) => out.problems.append(&mut p),
        }
    }
    out
}

/// `lines` are the catalog's lines with leading white space trimmed.
fn entry(lines: &[&str], line: usize, table: toml::Table) -> Result<CatalogEntry, Vec<CatalogProblem>> {
    let mut problems = Vec::new();
    // Field lines: toml::Table does not keep spans, so find `key =` lines inside this table.
    let field_line = |key: &str| -> usize { find_key_line(lines, line, key).unwrap_or(line) };
    for key in table.keys() {
        if !FIELDS.contains(&key.as_str()) {
            problems.push(CatalogProblem {
                line: field_line(key),
                message: format!("unknown field `{key}` in [[article]]; expected one of: {}", FIELDS.join(", ")),
            });
        }
    }
    let mut string = |key: &str, required: bool| -> String {
        match table.get(key) {
            Some(toml::Value::String(s)) => {
                if required && s.trim().is_empty() {
                    problems.push(CatalogProblem { line: field_line(key), message: format!("field `{key}` is empty") });
                }
                s.clone()
            }
            Some(other) => {
                problems.push(CatalogProblem {
                    line: field_line(key),
                    message: format!("field `{key}` must be a string, found {}", other.type_str()),
                });
                String::new()
            }
            None => {
                if required {
                    problems.push(CatalogProblem { line, message: format!("[[article]] is missing the required field `{key}`") });
                }
                String::new()
            }
        }
    };
    let file = string("file", true);
    let outlet = string("outlet", true);
    let headline = string("headline", false);
    let byline = string("byline", false);
    let dateline = string("dateline", false);
    let published_raw = string("published", true);
    let url = string("url", false);
    let mut language = string("language", false);
    if language.is_empty() {
        language = "en".into();
    }
    let published = if published_raw.trim().is_empty() {
        None
    } else {
        match Date::parse(&published_raw) {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(CatalogProblem { line: field_line("published"), message: format!("bad `published` date: {e}") });
                None
            }
        }
    };
    if !file.is_empty() && (file.contains('/') || file.contains('\\') || file.starts_with('.')) {
        problems.push(CatalogProblem {
            line: field_line("file"),
            message: format!("`file = \"{file}\"` must be a file name inside the corpus folder, not a path"),
        });
    }
    match (problems.is_empty(), published) {
        (true, Some(published)) => Ok(CatalogEntry {
            file_line: field_line("file"),
            file,
            outlet,
            headline,
            byline,
            dateline,
            published,
            published_raw,
            url,
            language,
            line,
        }),
        _ => Err(problems),
    }
}

/// The line of `key = …` in the table whose header is on `header_line`: a scan of that table's
/// lines only (up to the next `[` line), so each entry costs its own length.
fn find_key_line(lines: &[&str], header_line: usize, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    // Line numbers are 1-based, so the line after the header has index `header_line`.
    let after_header = lines.get(header_line..).unwrap_or_default();
    for (l, line_no) in after_header.iter().zip(header_line + 1..) {
        if l.starts_with('[') {
            return None;
        }
        if let Some(rest) = l.strip_prefix(key).or_else(|| l.strip_prefix(quoted.as_str())) {
            if rest.trim_start().starts_with('=') {
                return Some(line_no);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[[article]]\nfile = \"a.txt\"\noutlet = \"X\"\npublished = \"2016-12-01\"\n";

    #[test]
    fn parses_a_minimal_entry() {
        let parsed = parse(GOOD);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let e = &parsed.entries[0];
        assert_eq!((e.file.as_str(), e.line, e.file_line, e.language.as_str()), ("a.txt", 1, 2, "en"));
    }

    #[test]
    fn reports_problems_with_their_lines() {
        let src = "# c\n[[article]]\nfile = \"a.txt\"\noutlet = \"X\"\npublished = \"2016-13-01\"\nauthor = \"Y\"\n";
        let problems = parse(src).problems;
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert!(lines.contains(&5), "{problems:?}");
        assert!(lines.contains(&6), "{problems:?}");
        assert!(problems.iter().any(|p| p.message.contains("unknown field `author`")));
        let problems = parse("[[article]]\nfile = \"a.txt\"\noutlet = \"X\"\n").problems;
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("`published`"));
        let problems = parse("[[article]]\nfile = \"a.txt\"\noutlet = \n").problems;
        assert_eq!(problems[0].line, 3, "{problems:?}");
        assert!(problems[0].message.starts_with("invalid TOML"));
    }
}
