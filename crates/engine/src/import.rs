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

/// What an import or a generation did: articles written, the source lines they were made from,
/// and each skipped line with its reason.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub written: usize,
    /// Source lines that became articles (for an import, one per article written).
    pub sources: usize,
    pub skipped: Vec<(usize, String)>,
}

/// Reads JSON lines from `input` and writes `dir/*.txt` plus `dir/catalog.toml`.
/// Stops after `limit` articles when given. `dir` must not already hold a catalog.
pub fn import(input: impl BufRead, dir: &Path, limit: Option<usize>) -> Result<ImportReport, String> {
    let mut folder = FolderWriter::create(dir)?;
    let mut report = ImportReport::default();
    let mut lines = source_lines(input);
    while limit.map_or(true, |l| folder.entries.len() < l) {
        match lines.next().transpose()? {
            Some((_, Ok(article))) => folder.write(&article, &article.name, &article.body, &article.date)?,
            Some((line_no, Err(why))) => report.skipped.push((line_no, why)),
            None => break,
        }
    }
    report.written = folder.finish("# Written by `dispatches import`. One [[article]] per text file.")?;
    report.sources = report.written;
    Ok(report)
}

/// Writes a corpus of `articles` articles to `dir` made from the usable lines of `input`, for
/// scale tests: the first pass over the source articles writes them as `import` would; every
/// later pass writes each again with a new id (`…-2` for the second copy), its date moved by up
/// to three years and its paragraphs after the first in a new order. The moves and orders come
/// from `seed` and the article's position alone, so the same input, count and seed give the
/// same bytes on every machine.
pub fn generate(input: impl BufRead, dir: &Path, articles: usize, seed: u64) -> Result<ImportReport, String> {
    let mut folder = FolderWriter::create(dir)?;
    let mut report = ImportReport::default();
    let mut sources = Vec::new();
    for line in source_lines(input) {
        match line? {
            (_, Ok(article)) => sources.push(article),
            (line_no, Err(why)) => report.skipped.push((line_no, why)),
        }
    }
    if sources.is_empty() {
        return Err("the input has no line that can become an article".into());
    }
    for n in 0..articles {
        let source = &sources[n % sources.len()];
        let copy = n / sources.len();
        if copy == 0 {
            folder.write(source, &source.name, &source.body, &source.date)?;
            continue;
        }
        let mut rng = SplitMix64::for_article(seed, n as u64);
        let name = if source.name.is_empty() { (copy + 1).to_string() } else { format!("{}-{}", source.name, copy + 1) };
        folder.write(source, &name, &reorder_paragraphs(&source.body, &mut rng), &shift_date(&source.date, &mut rng))?;
    }
    report.written = folder.finish(&format!(
        "# Written by `dispatches generate --articles {articles} --seed {seed}` from {} source articles: \
         each used again with a new id, a moved date and reordered paragraphs. One [[article]] per text file.",
        sources.len()
    ))?;
    report.sources = sources.len();
    Ok(report)
}

/// A JSON line that can become an article (headline, outlet, date and byline trimmed).
struct SourceArticle {
    title: String,
    body: String,
    outlet: String,
    /// A date `Date::parse` accepts.
    date: String,
    byline: String,
    url: String,
    language: String,
    /// What names its file after the number: the record's id, else its title, as a slug.
    name: String,
}

/// The non-blank lines of `input` with their numbers, each as an article or the reason it is
/// skipped. A line that cannot be read is an error.
fn source_lines(input: impl BufRead) -> impl Iterator<Item = Result<(usize, Result<SourceArticle, String>), String>> {
    input.lines().zip(1..).filter_map(|(line, line_no)| match line {
        Err(e) => Some(Err(format!("line {line_no}: cannot read: {e}"))),
        Ok(line) if line.trim().is_empty() => None,
        Ok(line) => Some(Ok((line_no, parse_record(&line)))),
    })
}

/// One JSON line as an article, or why it cannot be one.
fn parse_record(line: &str) -> Result<SourceArticle, String> {
    let rec: Record = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let body = rec.body.unwrap_or_default();
    if body.trim().is_empty() {
        return Err("no `body` text".into());
    }
    let Some(date) = rec.date.as_deref().filter(|d| !d.trim().is_empty()) else {
        return Err("no `date` (the catalog needs a published date)".into());
    };
    Date::parse(date).map_err(|e| format!("bad `date`: {e}"))?;
    let outlet = rec.source.unwrap_or_default();
    if outlet.trim().is_empty() {
        return Err("no `source` (the outlet)".into());
    }
    let title = rec.title.unwrap_or_default().trim().to_string();
    let id_part = match rec.id {
        Some(serde_json::Value::String(s)) => slug(&s),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let byline = match rec.authors {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
        _ => String::new(),
    };
    Ok(SourceArticle {
        name: if id_part.is_empty() { slug(&title) } else { id_part },
        title,
        body,
        outlet: outlet.trim().to_string(),
        date: date.trim().to_string(),
        byline: byline.trim().to_string(),
        url: rec.url.unwrap_or_default(),
        language: rec.language.unwrap_or_else(|| "en".into()),
    })
}

/// A new corpus folder: text files as they come, the catalog at the end.
struct FolderWriter<'a> {
    dir: &'a Path,
    entries: Vec<EntryOut>,
    used_stems: std::collections::HashSet<String>,
}

impl<'a> FolderWriter<'a> {
    /// Refuses a folder that already holds a catalog, so nothing is overwritten.
    fn create(dir: &'a Path) -> Result<Self, String> {
        if dir.join(crate::corpus::CATALOG_FILE).exists() {
            return Err(format!("{} already holds a catalog.toml; write into a new folder", dir.display()));
        }
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(FolderWriter { dir, entries: Vec::new(), used_stems: Default::default() })
    }

    /// Writes `article` with `body` and `published` as the next file, named by its number and `name`.
    fn write(&mut self, article: &SourceArticle, name: &str, body: &str, published: &str) -> Result<(), String> {
        let mut stem = format!("{:05}", self.entries.len());
        if !name.is_empty() {
            stem = format!("{stem}_{name}");
        }
        while !self.used_stems.insert(stem.clone()) {
            stem.push('x');
        }
        let file = format!("{stem}.txt");
        // The headline opens the text, as on a page; the body keeps its paragraphs.
        let title = &article.title;
        let text = if title.is_empty() { body.to_string() } else { format!("{title}\n\n{}", body.trim_start()) };
        std::fs::write(self.dir.join(&file), text).map_err(|e| format!("cannot write {file}: {e}"))?;
        self.entries.push(EntryOut {
            file,
            outlet: article.outlet.clone(),
            headline: article.title.clone(),
            byline: article.byline.clone(),
            dateline: String::new(),
            published: published.to_string(),
            url: article.url.clone(),
            language: article.language.clone(),
        });
        Ok(())
    }

    /// Writes the catalog, opened by the comment `header`; returns how many articles it lists.
    fn finish(self, header: &str) -> Result<usize, String> {
        let mut catalog = format!("{header}\n\n");
        catalog.push_str(&toml::to_string(&CatalogOut { article: &self.entries }).map_err(|e| format!("cannot write the catalog: {e}"))?);
        std::fs::write(self.dir.join(crate::corpus::CATALOG_FILE), catalog).map_err(|e| format!("cannot write the catalog: {e}"))?;
        Ok(self.entries.len())
    }
}

/// SplitMix64 (Steele, Lea and Flood): a fixed, tiny generator, so a seed means the same corpus
/// everywhere without a dependency whose algorithm could change.
struct SplitMix64(u64);

impl SplitMix64 {
    /// Article `n`'s own stream: its moves do not depend on how many numbers earlier articles drew.
    fn for_article(seed: u64, n: u64) -> Self {
        let mut mixer = SplitMix64(seed);
        SplitMix64(mixer.next() ^ n.wrapping_mul(0xD1B5_4A32_D192_ED03))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0); the modulo bias is far below what a test corpus notices.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `date` (valid) moved by 1 to 1,095 whole days either way; a time of day is kept as written.
fn shift_date(date: &str, rng: &mut SplitMix64) -> String {
    const MAX_DAYS: u64 = 3 * 365;
    let day = Date::parse(date).expect("source dates are validated when read");
    let magnitude = 1 + rng.below(MAX_DAYS) as i32;
    let shift = if rng.below(2) == 0 { -magnitude } else { magnitude };
    // `Date::parse` read the day from the first ten bytes; the rest is the time.
    format!("{}{}", Date::from_days(day.to_days() + shift), &date[10..])
}

/// `body`'s paragraphs (runs of non-blank lines) with all but the first shuffled; the first
/// stays because it often carries the dateline or repeats the headline.
fn reorder_paragraphs(body: &str, rng: &mut SplitMix64) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines().chain([""]) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    // Fisher–Yates over paragraphs 1.. .
    for i in (2..paragraphs.len()).rev() {
        let j = 1 + rng.below(i as u64) as usize;
        paragraphs.swap(i, j);
    }
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
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

    #[test]
    fn moved_dates_keep_their_time_and_stay_within_three_years() {
        let mut rng = SplitMix64::for_article(1, 0);
        for _ in 0..200 {
            let moved = shift_date("2016-02-29T10:00:00+03:00", &mut rng);
            assert!(moved.ends_with("T10:00:00+03:00"), "{moved}");
            let days = Date::parse(&moved).unwrap().to_days() - Date::new(2016, 2, 29).unwrap().to_days();
            assert!(days != 0 && days.abs() <= 3 * 365, "{moved}");
        }
    }

    #[test]
    fn reordering_keeps_the_first_paragraph_and_every_other() {
        let body = "Lead.\n\nTwo,\nstill two.\n\n  \nThree.\n\nFour.\n\nFive.\n";
        let mut seen = std::collections::HashSet::new();
        for n in 0..50 {
            let text = reorder_paragraphs(body, &mut SplitMix64::for_article(3, n));
            let mut paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
            assert_eq!(paragraphs[0], "Lead.");
            seen.insert(text.clone());
            paragraphs.sort();
            assert_eq!(paragraphs, ["Five.", "Four.", "Lead.", "Three.", "Two,\nstill two."]);
        }
        assert!(seen.len() > 10, "orders vary with the article: {}", seen.len());
    }
}
