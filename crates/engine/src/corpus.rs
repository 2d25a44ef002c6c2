//! Reading a corpus folder: `catalog.toml` plus one UTF-8 text file per article.
//!
//! [`load`] validates everything and collects *all* problems, each as `path:line: message`,
//! so an editor fixes a broken corpus in one pass. The build and `dispatches check` both call it.

use crate::catalog::{self, CatalogEntry};
use crate::ingest::{self, Hints};
use crate::model::{Article, ArticleMeta, BlockKind, Corpus};
use crate::text::line_of;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

pub const CATALOG_FILE: &str = "catalog.toml";
/// Article texts are the `*.txt` files of the folder.
pub const ARTICLE_EXTENSION: &str = "txt";

/// One problem in a corpus, located at a file and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl std::error::Error for CorpusError {}

/// Every file the corpus is read from (for build scripts' `rerun-if-changed`).
pub fn input_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![dir.join(CATALOG_FILE)];
    if let Ok(entries) = std::fs::read_dir(dir) {
        files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| is_article_file(p)));
    }
    files.sort();
    files
}

fn is_article_file(p: &Path) -> bool {
    p.is_file() && p.extension().map_or(false, |e| e == ARTICLE_EXTENSION)
}

/// Loads and validates the corpus in `dir`.
pub fn load(dir: &Path) -> Result<Corpus, Vec<CorpusError>> {
    let catalog_path = dir.join(CATALOG_FILE);
    let err = |path: &Path, line: usize, message: String| CorpusError { path: path.to_path_buf(), line, message };
    if !dir.is_dir() {
        let message = if dir.exists() {
            format!("`{}` is a file, not a corpus folder (a folder holding {CATALOG_FILE} and the article texts)", dir.display())
        } else {
            format!("corpus folder `{}` does not exist", dir.display())
        };
        return Err(vec![err(dir, 1, message)]);
    }
    let source = match std::fs::read(&catalog_path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let line = line_of(&String::from_utf8_lossy(&e.as_bytes()[..valid]), valid);
                return Err(vec![err(&catalog_path, line, "the catalog is not valid UTF-8".into())]);
            }
        },
        Err(e) => {
            return Err(vec![err(&catalog_path, 1, format!("cannot read the catalog: {e}"))]);
        }
    };
    let catalog::Parsed { info, entries, problems, named_files } = catalog::parse(&source);
    let mut errors: Vec<CorpusError> = problems.into_iter().map(|p| err(&catalog_path, p.line, p.message)).collect();

    // Duplicate ids (the id is the file stem, so `a.txt` twice is the same article twice).
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut unique = Vec::new();
    for entry in entries {
        let id = article_id(&entry.file);
        if let Some(first) = first_line.get(&id) {
            errors.push(err(&catalog_path, entry.line, format!("duplicate article id `{id}` (file `{}`): already listed at line {first}", entry.file)));
        } else {
            first_line.insert(id, entry.line);
            unique.push(entry);
        }
    }

    // Text files without a catalog entry.
    let mut on_disk: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| is_article_file(p)).collect())
        .unwrap_or_default();
    on_disk.sort();
    let named: HashSet<&str> = named_files.iter().map(String::as_str).collect();
    for path in &on_disk {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if !named.contains(name) {
            errors.push(err(path, 1, format!("`{name}` has no [[article]] entry in {CATALOG_FILE}")));
        }
    }

    // Links are judged against the folder's real path, so a corpus reached through a link still works.
    // Should the folder not resolve, its path as given is the stricter yardstick: any link is outside.
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut articles = Vec::new();
    let read = crate::par::map(unique.into_iter(), |entry| {
        let path = dir.join(&entry.file);
        let article = read_article(&path, &root, &entry);
        (entry, path, article)
    });
    for (entry, path, article) in read {
        match article {
            Ok(article) => articles.push(article),
            Err(CatalogOrFile::Catalog(message)) => errors.push(err(&catalog_path, entry.file_line, message)),
            Err(CatalogOrFile::File(line, message)) => errors.push(err(&path, line, message)),
        }
    }
    if errors.is_empty() {
        Ok(Corpus::new(articles).with_info(info))
    } else {
        Err(errors)
    }
}

enum CatalogOrFile {
    Catalog(String),
    File(usize, String),
}

fn read_article(path: &Path, root: &Path, entry: &CatalogEntry) -> Result<Article, CatalogOrFile> {
    // Whatever the corpus holds is published, so a link must not bring in a file from elsewhere.
    if let Some(target) = link_outside(root, path) {
        return Err(CatalogOrFile::Catalog(format!(
            "`file = \"{}\"` is a symlink to `{}`, outside the corpus folder; only files inside the folder are published",
            entry.file,
            target.display()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CatalogOrFile::Catalog(format!("file `{}` listed in the catalog does not exist", entry.file)),
        _ => CatalogOrFile::Catalog(format!("cannot read `{}`: {e}", entry.file)),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        CatalogOrFile::File(line, format!("not valid UTF-8 (byte 0x{:02X} at offset {valid}); save the file as UTF-8", bytes[valid]))
    })?;
    let article = build_article(article_id(&entry.file), entry.file.clone(), meta_of(entry), text);
    if article.paragraph_count() == 0 {
        let why = if article.text.trim().is_empty() { "the file is empty" } else { "no body paragraph was found (only headline, metadata or boilerplate)" };
        return Err(CatalogOrFile::File(1, format!("empty body: {why}")));
    }
    Ok(article)
}

/// Where `path` leads when it is a symlink out of the folder whose real path is `root`.
fn link_outside(root: &Path, path: &Path) -> Option<PathBuf> {
    // The catalog only accepts bare file names, so the last component is the only link left to follow.
    if !std::fs::symlink_metadata(path).ok()?.file_type().is_symlink() {
        return None;
    }
    // A dangling link resolves to nothing; reading it then reports the file as missing.
    let target = path.canonicalize().ok()?;
    (!target.starts_with(root)).then_some(target)
}

/// The article metadata a catalog entry gives (values trimmed).
pub fn meta_of(entry: &CatalogEntry) -> ArticleMeta {
    ArticleMeta {
        outlet: entry.outlet.trim().to_string(),
        headline: entry.headline.trim().to_string(),
        byline: entry.byline.trim().to_string(),
        dateline: entry.dateline.trim().to_string(),
        published: entry.published,
        published_raw: entry.published_raw.trim().to_string(),
        url: entry.url.trim().to_string(),
        language: entry.language.trim().to_string(),
    }
}

/// Structures `text` and fills metadata the catalog left empty from the text itself
/// (a headline line, a "By …" byline).
pub fn build_article(id: String, file: String, mut meta: ArticleMeta, text: String) -> Article {
    let blocks = ingest::structure(&text, &Hints { headline: &meta.headline, byline: &meta.byline });
    let first_of = |kind: BlockKind| blocks.iter().find(|b| b.kind == kind).map(|b| text[b.span.range()].trim().to_string());
    if meta.headline.is_empty() {
        meta.headline = first_of(BlockKind::Headline).unwrap_or_default();
    }
    if meta.byline.is_empty() {
        if let Some(b) = blocks.iter().find(|b| b.kind == BlockKind::Byline && !text[b.span.range()].trim_start().starts_with('*')) {
            meta.byline = ingest::byline_name(&text[b.span.range()]).to_string();
        }
    }
    Article { id, file, meta, text, blocks }
}

/// The article id: the file name without its extension.
pub fn article_id(file: &str) -> String {
    Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or(file).to_string()
}
