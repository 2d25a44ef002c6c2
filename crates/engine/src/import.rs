//! Import: a corpus folder from JSON lines, the shape newsrooms often export their archive in.
//!
//! Each line is an object with `title`, `body`, `source` (the outlet) and `date`; `authors`,
//! `url`, `id` and `language` are used when present. Lines that cannot become an article
//! (bad JSON, no body, no usable date) are reported with their line number, never silently lost.

use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    authors: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

#[derive(Serialize)]
struct CatalogOut<'a> {
    article: &'a [EntryOut],
}

#[derive(Serialize)]
struct EntryOut {
    file: String,
    outlet: String,
    headline: String,
    byline: String,
    dateline: String,
    published: String,
    url: String,
    language: String,
}

/// What an import did: articles written, and each skipped line with its reason.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub written: usize,
    pub skipped: Vec<(usize, String)>,
}

/// Reads JSON lines from `input` and writes `dir/*.txt` plus `dir/catalog.toml`.
/// Stops after `limit` articles when given. `dir` must not already hold a catalog.
pub fn import(input: impl BufRead, dir: &Path, limit: Option<usize>) -> Result<ImportReport, String> {
    if dir.join(crate::corpus::CATALOG_FILE).exists() {
        return Err(format!("{} already holds a catalog.toml; import into a new folder", dir.display()));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut report = ImportReport::default();
    let mut entries: Vec<EntryOut> = Vec::new();
    let mut used = std::collections::HashSet::new();
    for (i, line) in input.lines().enumerate() {
        let line_no = i + 1;
        if limit.map_or(false, |l| entries.len() >= l) {
            break;
        }
        let line = line.map_err(|e| format!("line {line_no}: cannot read: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                report.skipped.push((line_no, format!("not a JSON object: {e}")));
                continue;
            }
        };
        let body = rec.body.unwrap_or_default();
        if body.trim().is_empty() {
            report.skipped.push((line_no, "no `body` text".into()));
            continue;
        }
        let Some(date) = rec.date.as_deref().filter(|d| !d.trim().is_empty()) else {
            report.skipped.push((line_no, "no `date` (the catalog needs a published date)".into()));
            continue;
        };
        if let Err(e) = Date::parse(date) {
            report.skipped.push((line_no, format!("bad `date`: {e}")));
            continue;
        }
        let outlet = rec.source.unwrap_or_default();
        if outlet.trim().is_empty() {
            report.skipped.push((line_no, "no `source` (the outlet)".into()));
            continue;
        }
        let title = rec.title.unwrap_or_default().trim().to_string();
        let id_part = match rec.id {
            Some(serde_json::Value::String(s)) => slug(&s),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let mut stem = format!("{:05}", entries.len());
        let tail = if id_part.is_empty() { slug(&title) } else { id_part };
        if !tail.is_empty() {
            stem = format!("{stem}_{tail}");
        }
        while !used.insert(stem.clone()) {
            stem.push('x');
        }
        let file = format!("{stem}.txt");
        // The headline opens the text, as on a page; the body keeps its paragraphs.
        let text = if title.is_empty() { body.clone() } else { format!("{title}\n\n{}", body.trim_start()) };
        std::fs::write(dir.join(&file), text).map_err(|e| format!("cannot write {file}: {e}"))?;
        let byline = match rec.authors {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Array(a)) => a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
            _ => String::new(),
        };
        entries.push(EntryOut {
            file,
            outlet: outlet.trim().to_string(),
            headline: title,
            byline: byline.trim().to_string(),
            dateline: String::new(),
            published: date.trim().to_string(),
            url: rec.url.unwrap_or_default(),
            language: rec.language.unwrap_or_else(|| "en".into()),
        });
    }
    let mut catalog = String::from("# Written by `dispatches import`. One [[article]] per text file.\n\n");
    catalog.push_str(&toml::to_string(&CatalogOut { article: &entries }).map_err(|e| format!("cannot write the catalog: {e}"))?);
    std::fs::write(dir.join(crate::corpus::CATALOG_FILE), catalog).map_err(|e| format!("cannot write the catalog: {e}"))?;
    report.written = entries.len();
    Ok(report)
}

/// A file-name-safe ASCII slug of at most 40 characters.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_and_reports_skipped_lines() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("corpus");
        let input = concat!(
            r#"{"id":"a1","title":"Storm hits \"coast\"","body":"Rain fell all day.\n\nPeople stayed in.","source":"Daily Wire","date":"2016-09-20","authors":"A. B."}"#, "\n",
            r#"{"title":"No date","body":"Text.","source":"X","date":null}"#, "\n",
            "not json\n",
            r#"{"title":"Empty","body":"  ","source":"X","date":"2016-01-01"}"#, "\n",
        );
        let report = import(input.as_bytes(), &out, None).unwrap();
        assert_eq!(report.written, 1);
        assert_eq!(report.skipped.iter().map(|s| s.0).collect::<Vec<_>>(), vec![2, 3, 4]);
        let corpus = crate::corpus::load(&out).expect("imported corpus validates");
        assert_eq!(corpus.articles[0].meta.headline, "Storm hits \"coast\"");
        assert_eq!(corpus.articles[0].paragraph_count(), 2);
        assert!(import("".as_bytes(), &out, None).is_err(), "refuses to overwrite a catalog");
    }
}
