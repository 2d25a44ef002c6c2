//! The `dispatches` binary: check, list and import, as an editor runs them.

mod support;
use support::{dispatches, repo, text};

use std::path::{Path, PathBuf};

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

/// A JSON line that import and generate skip (line 2 of their fixtures).
const NO_DATE: &str = r#"{"title":"No date here","body":"Text.","source":"Coast Herald","date":null}"#;

/// Writes `lines` as the JSON-lines file `dir/name`.
fn write_jsonl(dir: &Path, name: &str, lines: &[&str]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    path
}

#[test]
fn import_writes_a_corpus_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write_jsonl(
        dir.path(),
        "archive.jsonl",
        &[r#"{"title":"Floods close roads","body":"Water rose overnight.\n\n\"We lost everything,\" said Ana Ruiz.","source":"Coast Herald","date":"2019-03-02"}"#, NO_DATE],
    );
    let out_dir = dir.path().join("corpus");
    let out = dispatches(&["import", jsonl.to_str().unwrap(), out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("archive.jsonl:2: skipped: no `date`"), "{}", text(&out.stderr));
    let check = dispatches(&["check", out_dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("1 articles"));
}

/// `generate` reuses each source article with a new id, a moved date and its later paragraphs
/// reordered; the same source, count and seed give the same bytes.
#[test]
fn generate_writes_a_deterministic_corpus_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write_jsonl(
        dir.path(),
        "source.jsonl",
        &[
            r#"{"id":"a1","title":"Floods close roads","body":"Water rose overnight.\n\n\"We lost everything,\" said Ana Ruiz.\n\nSchools stay shut.\n\nThe river peaks on Friday.","source":"Coast Herald","date":"2019-03-02"}"#,
            NO_DATE,
            r#"{"id":7,"title":"Mayor opens bridge","body":"The bridge opened at noon.\n\nTraffic moved at once.","source":"Valley Post","date":"2020-01-31T09:30:00Z"}"#,
        ],
    );
    let generate = |name: &str, seed: &str| {
        let out_dir = dir.path().join(name);
        let out = dispatches(&["generate", jsonl.to_str().unwrap(), out_dir.to_str().unwrap(), "--articles", "7", "--seed", seed]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("source.jsonl:2: skipped: no `date`"), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains("wrote 7 articles made from 2 source articles (seed "), "{}", text(&out.stdout));
        out_dir
    };
    let first = generate("first", "5");
    let check = dispatches(&["check", first.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("7 articles"), "{}", text(&check.stdout));

    let files = |d: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> =
            std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()).map(|p| (p.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read(&p).unwrap())).collect();
        files.sort();
        files
    };
    let written = files(&first);
    assert_eq!(written, files(&generate("again", "5")), "same source, count and seed: same bytes");
    assert_ne!(written, files(&generate("other", "6")), "another seed: another corpus");
    let names: Vec<&str> = written.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[..4], ["00000_a1.txt", "00001_7.txt", "00002_a1-2.txt", "00003_7-2.txt"]);
    assert_eq!(names[names.len() - 2..], ["00006_a1-4.txt", "catalog.toml"]);

    // Copies keep the source's headline, first paragraph and paragraphs, and move the date by whole days.
    let paragraphs = |b: &[u8]| -> Vec<String> { text(b).trim_end().split("\n\n").map(str::to_string).collect() };
    let source = paragraphs(&written[0].1);
    for (_, copy) in written.iter().filter(|(n, _)| n.contains("_a1-")) {
        let copy = paragraphs(copy);
        assert_eq!(copy[..2], source[..2]);
        let (mut a, mut b) = (source.clone(), copy.clone());
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }
    let catalog = text(&written.last().unwrap().1);
    let dates: Vec<&str> = catalog.lines().filter_map(|l| l.strip_prefix("published = ")).collect();
    assert_eq!(dates.len(), 7);
    assert_eq!(dates[..2], ["\"2019-03-02\"", "\"2020-01-31T09:30:00Z\""]);
    assert!(dates[2..].iter().all(|d| !dates[..2].contains(d)), "{dates:?}");
    assert!(dates.iter().skip(1).step_by(2).all(|d| d.ends_with("T09:30:00Z\"")), "{dates:?}");

    assert_eq!(dispatches(&["generate", jsonl.to_str().unwrap(), dir.path().join("none").to_str().unwrap()]).status.code(), Some(2), "--articles is required");
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

/// `dispatches list … | head -1`: the reader closes the pipe after one line; the command stops
/// quietly with success (it used to panic on the closed pipe, "failed printing to stdout").
#[test]
fn list_stops_quietly_when_the_pipe_closes() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    for args in [&["list", "seeds", "--json"][..], &["list", "seeds"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dispatches")).args(args).current_dir(repo()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // Read nothing: close the pipe at once, before the command writes.
        drop(child.stdout.take());
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        assert!(status.success(), "{args:?}: {status:?} {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
