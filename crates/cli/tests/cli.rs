//! The `dispatches` binary: check, list and import, as an editor runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dispatches(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dispatches")).args(args).current_dir(repo()).output().expect("the binary runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn check_passes_on_the_seeds() {
    let out = dispatches(&["check", "seeds"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("5 articles"));
    // No DIR: the seeds are the default.
    assert!(dispatches(&["check"]).status.success());
}

#[test]
fn check_fails_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Headline here\n\nBody text of the article.\n").unwrap();
    std::fs::write(dir.path().join("stray.txt"), "Body.\n").unwrap();
    std::fs::write(
        dir.path().join("catalog.toml"),
        "[[article]]\nfile = \"a.txt\"\noutlet = \"X\"\npublished = \"2016-12-32\"\n\n[[article]]\nfile = \"missing.txt\"\noutlet = \"X\"\npublished = \"2016-12-01\"\n",
    )
    .unwrap();
    let out = dispatches(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let d = dir.path().display();
    assert!(err.contains(&format!("{d}/catalog.toml:4: bad `published` date")), "{err}");
    assert!(err.contains(&format!("{d}/catalog.toml:7: file `missing.txt` listed in the catalog does not exist")), "{err}");
    assert!(err.contains(&format!("{d}/stray.txt:1: `stray.txt` has no [[article]] entry")), "{err}");
    assert!(err.contains("3 problems"), "{err}");
}

/// A text file linked from outside the folder would be published: `check` refuses it at the
/// catalog line of its `file =` field.
#[cfg(unix)]
#[test]
fn check_rejects_a_symlink_out_of_the_folder() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "Private notes\n\nNot for publication.\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("link.txt")).unwrap();
    std::fs::write(dir.path().join("catalog.toml"), "[[article]]\nfile = \"link.txt\"\noutlet = \"X\"\npublished = \"2016-12-01\"\n").unwrap();
    let out = dispatches(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let expected = format!("{}/catalog.toml:2: `file = \"link.txt\"` is a symlink to `{}`, outside the corpus folder", dir.path().display(), secret.canonicalize().unwrap().display());
    assert!(err.contains(&expected), "{err}");
}

#[test]
fn list_json_has_one_line_per_article() {
    let out = dispatches(&["list", "seeds", "--json"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 5);
    for key in ["id", "outlet", "headline", "byline", "published", "paragraphs", "words"] {
        assert!(rows.iter().all(|r| r.get(key).is_some()), "every row has {key}");
    }
    let yeni = rows.iter().find(|r| r["outlet"] == "Yeni Şafak").unwrap();
    assert_eq!(yeni["id"], "004_5c5a243ea61812fc");
    assert_eq!(yeni["byline"], "Ersin Çelik");
    assert_eq!(yeni["published"], "2016-12-13");
    assert_eq!(rows[0]["published"], "2016-12-13", "newest first");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dispatches(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(dispatches(&["list", "--nope"]).status.code(), Some(2));
    assert_eq!(dispatches(&[]).status.code(), Some(2));
}

#[test]
fn import_writes_a_corpus_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("archive.jsonl");
    std::fs::write(
        &jsonl,
        concat!(
            r#"{"title":"Floods close roads","body":"Water rose overnight.\n\n\"We lost everything,\" said Ana Ruiz.","source":"Coast Herald","date":"2019-03-02"}"#, "\n",
            r#"{"title":"No date here","body":"Text.","source":"Coast Herald","date":null}"#, "\n",
        ),
    )
    .unwrap();
    let out_dir = dir.path().join("corpus");
    let out = dispatches(&["import", jsonl.to_str().unwrap(), out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("archive.jsonl:2: skipped: no `date`"), "{}", text(&out.stderr));
    let check = dispatches(&["check", out_dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("1 articles"));
}

/// The 10,000-article benchmark corpus, when present beside the repository (never copied in).
#[test]
fn import_of_the_bench_corpus_checks() {
    let bench = repo().join("../shared/bench-corpus/allsides-10k.jsonl.gz");
    if !bench.exists() {
        eprintln!("skipped: {} not present", bench.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("allsides");
    let out = dispatches(&["import", bench.to_str().unwrap(), out_dir.to_str().unwrap(), "--limit", "300"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let check = dispatches(&["check", out_dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("300 articles"), "{}", text(&check.stdout));
}
