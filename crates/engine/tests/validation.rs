//! Every catalog or seed problem is reported with the file and line it comes from.

use dispatches_engine::corpus::{self, CorpusError};
use std::path::Path;

const ARTICLE: &str = "Headline of the story\n\nThe first paragraph says something.\n\nThe second paragraph says more.\n";

fn entry(file: &str, published: &str) -> String {
    format!("[[article]]\nfile = \"{file}\"\noutlet = \"Example News\"\npublished = \"{published}\"\n\n")
}

/// Writes a corpus folder and loads it, returning the problems (rendered `path:line: message`).
fn problems(catalog: &str, files: &[(&str, &[u8])]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalog.toml"), catalog).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    load_problems(dir.path())
}

/// Loads the corpus in `dir`, returning the problems with `dir` written as `DIR`.
fn load_problems(dir: &Path) -> Vec<String> {
    let root = dir.display().to_string();
    match corpus::load(dir) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e: &CorpusError| e.to_string().replace(&root, "DIR")).collect(),
    }
}

#[test]
fn a_valid_corpus_loads() {
    let p = problems(&(entry("a.txt", "2016-12-01") + &entry("b.txt", "2016-12-02T10:00:00+03:00")), &[("a.txt", ARTICLE.as_bytes()), ("b.txt", ARTICLE.as_bytes())]);
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn missing_file() {
    let p = problems(&(entry("a.txt", "2016-12-01") + &entry("gone.txt", "2016-12-01")), &[("a.txt", ARTICLE.as_bytes())]);
    assert_eq!(p, ["DIR/catalog.toml:7: file `gone.txt` listed in the catalog does not exist"]);
}

#[test]
fn file_without_catalog_entry() {
    let p = problems(&entry("a.txt", "2016-12-01"), &[("a.txt", ARTICLE.as_bytes()), ("stray.txt", ARTICLE.as_bytes())]);
    assert_eq!(p, ["DIR/stray.txt:1: `stray.txt` has no [[article]] entry in catalog.toml"]);
}

#[test]
fn duplicate_id() {
    let p = problems(&(entry("a.txt", "2016-12-01") + &entry("a.txt", "2016-12-02")), &[("a.txt", ARTICLE.as_bytes())]);
    assert_eq!(p, ["DIR/catalog.toml:6: duplicate article id `a` (file `a.txt`): already listed at line 1"]);
}

#[test]
fn bad_date() {
    let p = problems(&(entry("a.txt", "2016-12-01") + &entry("b.txt", "2016-02-30")), &[("a.txt", ARTICLE.as_bytes()), ("b.txt", ARTICLE.as_bytes())]);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("DIR/catalog.toml:9: bad `published` date: `2016-02-30` is not a real calendar day"), "{p:?}");
    let p = problems(&entry("a.txt", "1 Dec 2016"), &[("a.txt", ARTICLE.as_bytes())]);
    assert!(p[0].starts_with("DIR/catalog.toml:4: bad `published` date"), "{p:?}");
}

#[test]
fn missing_date() {
    let catalog = "[[article]]\nfile = \"a.txt\"\noutlet = \"Example News\"\n";
    let p = problems(catalog, &[("a.txt", ARTICLE.as_bytes())]);
    assert_eq!(p, ["DIR/catalog.toml:1: [[article]] is missing the required field `published`"]);
}

#[test]
fn unknown_field() {
    let catalog = entry("a.txt", "2016-12-01").replace("outlet =", "author = \"Jane\"\noutlet =");
    let p = problems(&catalog, &[("a.txt", ARTICLE.as_bytes())]);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("DIR/catalog.toml:3: unknown field `author`"), "{p:?}");
    let p = problems(&format!("title = \"x\"\n{}", entry("a.txt", "2016-12-01")), &[("a.txt", ARTICLE.as_bytes())]);
    assert!(p[0].starts_with("DIR/catalog.toml:1: unknown field `title`"), "{p:?}");
}

#[test]
fn non_utf8_text() {
    let bytes = b"Headline\n\nGood first line.\nBad \xff byte on line four.\n";
    let p = problems(&entry("a.txt", "2016-12-01"), &[("a.txt", bytes)]);
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("DIR/a.txt:4: not valid UTF-8 (byte 0xFF"), "{p:?}");
}

#[test]
fn empty_body() {
    let p = problems(&entry("a.txt", "2016-12-01"), &[("a.txt", b"  \n\n")]);
    assert_eq!(p, ["DIR/a.txt:1: empty body: the file is empty"]);
    let p = problems(&entry("a.txt", "2016-12-01"), &[("a.txt", "Skip to main content\n\n4 min read\n".as_bytes())]);
    assert!(p[0].starts_with("DIR/a.txt:1: empty body: no body paragraph"), "{p:?}");
}

#[test]
fn malformed_toml_and_missing_catalog() {
    let p = problems("[[article]]\nfile = \"a.txt\nouTlet = 1\n", &[]);
    assert!(p[0].starts_with("DIR/catalog.toml:2: invalid TOML"), "{p:?}");
    let dir = tempfile::tempdir().unwrap();
    let errors = corpus::load(dir.path()).unwrap_err();
    assert_eq!(errors[0].line, 1);
    assert!(errors[0].message.contains("cannot read the catalog"));
    assert!(corpus::load(Path::new("/nonexistent/corpus")).unwrap_err()[0].message.contains("does not exist"));
    let file = dir.path().join("catalog.toml");
    std::fs::write(&file, "").unwrap();
    let errors = corpus::load(&file).unwrap_err();
    assert_eq!(errors[0].to_string(), format!("{}:1: `{}` is a file, not a corpus folder (a folder holding catalog.toml and the article texts)", file.display(), file.display()));
}

#[test]
fn all_problems_are_reported_at_once() {
    let catalog = entry("a.txt", "2016-13-01") + &entry("missing.txt", "2016-12-01");
    let p = problems(&catalog, &[("stray.txt", ARTICLE.as_bytes())]);
    assert_eq!(p.len(), 3, "{p:?}");
}

#[test]
fn corpus_table_gives_title_and_rejects_unknown_keys() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let catalog = format!("[corpus]\ntitle = \"Storms\"\ndescription = \"Weather reports\"\n\n{}", entry("a.txt", "2016-12-01"));
    std::fs::write(dir.path().join("catalog.toml"), &catalog).unwrap();
    let c = corpus::load(dir.path()).unwrap();
    assert_eq!((c.info.title.as_str(), c.info.description.as_str()), ("Storms", "Weather reports"));
    let p = problems(&catalog.replace("description", "subtitle"), &[("a.txt", ARTICLE.as_bytes())]);
    assert!(p[0].starts_with("DIR/catalog.toml:3: unknown field `subtitle`"), "{p:?}");
}

/// A symlink leading out of the folder would publish a file that is not part of the corpus.
#[cfg(unix)]
#[test]
fn symlink_out_of_the_folder() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, ARTICLE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    symlink(&secret, dir.path().join("link.txt")).unwrap();
    let catalog = entry("a.txt", "2016-12-01") + &entry("link.txt", "2016-12-02");
    std::fs::write(dir.path().join("catalog.toml"), &catalog).unwrap();
    let p = load_problems(dir.path());
    let target = secret.canonicalize().unwrap();
    assert_eq!(
        p,
        [format!("DIR/catalog.toml:7: `file = \"link.txt\"` is a symlink to `{}`, outside the corpus folder; only files inside the folder are published", target.display())]
    );

    // A link that stays inside the folder is fine, also when the folder itself is reached through a link.
    std::fs::remove_file(dir.path().join("link.txt")).unwrap();
    symlink("a.txt", dir.path().join("link.txt")).unwrap();
    assert!(load_problems(dir.path()).is_empty());
    let via = outside.path().join("corpus-link");
    symlink(dir.path(), &via).unwrap();
    assert!(load_problems(&via).is_empty());
}
