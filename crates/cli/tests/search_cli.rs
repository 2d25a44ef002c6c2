//! `dispatches search` end to end over the seeds.

use std::path::PathBuf;
use std::process::{Command, Output};

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn search(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dispatches"))
        .arg("search")
        .arg("--corpus")
        .arg(seeds())
        .args(args)
        .env_remove("DISPATCHES_CORPUS")
        .env("NO_COLOR", "1")
        .output()
        .expect("run dispatches")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

fn articles(rows: &[serde_json::Value]) -> Vec<String> {
    rows.iter().map(|r| r["article"].as_str().unwrap()[..3].to_string()).collect()
}

#[test]
fn json_rows_have_the_documented_fields() {
    let rows = json_lines(&search(&["--json", "413"]));
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r["article"], "002_26bb532be2815d85");
    assert_eq!(r["outlet"], "Middle East Eye");
    assert_eq!(r["published"], "2016-12-12");
    assert!(r["headline"].as_str().unwrap().starts_with("Fall of Aleppo"));
    assert!(r["score"].as_f64().unwrap() > 0.0);
    let snippet = r["snippet"].as_str().unwrap();
    let m = r["matches"].as_array().unwrap();
    assert_eq!(m.len(), 1);
    let (a, b) = (m[0][0].as_u64().unwrap() as usize, m[0][1].as_u64().unwrap() as usize);
    let marked: String = snippet.chars().skip(a).take(b - a).collect();
    assert_eq!(marked, "413");
}

#[test]
fn match_ranges_count_characters_not_bytes() {
    // The Syria Direct snippet has curly quotes before the match: byte and char offsets differ.
    let rows = json_lines(&search(&["--json", "we’ve"]));
    assert_eq!(articles(&rows), ["001"]);
    let snippet = rows[0]["snippet"].as_str().unwrap();
    assert!(snippet.len() > snippet.chars().count(), "the snippet has multi-byte characters");
    for m in rows[0]["matches"].as_array().unwrap() {
        let (a, b) = (m[0].as_u64().unwrap() as usize, m[1].as_u64().unwrap() as usize);
        let marked: String = snippet.chars().skip(a).take(b - a).collect();
        assert_eq!(marked, "we’ve");
    }
}

#[test]
fn filters_and_exclusions() {
    let rows = json_lines(&search(&["--json", "--source", "the national", "--source", "TIME", "Aleppo"]));
    assert_eq!(articles(&rows).len(), 2);
    assert!(rows.iter().all(|r| r["outlet"] == "The National" || r["outlet"] == "TIME"));
    let rows = json_lines(&search(&["--json", "--from", "2016-12-07", "--to", "2016-12-09", "Aleppo"]));
    let mut got = articles(&rows);
    got.sort();
    assert_eq!(got, ["001", "003"]);
    // `-Egeland` is an exclusion, not an option; so is a word after `--`.
    let rows = json_lines(&search(&["--json", "Aleppo", "-Egeland"]));
    let mut got = articles(&rows);
    got.sort();
    assert_eq!(got, ["001", "004"]);
    let rows = json_lines(&search(&["--json", "--", "-Egeland", "Aleppo"]));
    assert_eq!(rows.len(), 2);
    let rows = json_lines(&search(&["--json", "--limit", "2", "Aleppo"]));
    assert_eq!(rows.len(), 2);
    // Phrase passed as one shell word.
    let rows = json_lines(&search(&["--json", "\"rights human\""]));
    assert!(rows.is_empty());
}

#[test]
fn no_match_exits_zero() {
    let out = search(&["--json", "zzzzqqq"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = search(&["zzzzqqq"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No article matches"));
}

#[test]
fn readable_output_marks_matches() {
    let out = search(&["Egeland"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[Egeland]"), "{text}");
    assert!(text.contains("Middle East Eye · 2016-12-12"), "{text}");
    assert!(text.contains("3 articles"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn empty_query_lists_everything_newest_first() {
    let rows = json_lines(&search(&["--json"]));
    assert_eq!(articles(&rows), ["004", "002", "003", "001", "000"]);
}

#[test]
fn usage_errors_exit_two() {
    for args in [&["--from", "yesterday", "x"][..], &["--limit", "many", "x"], &["--bogus"], &["--source"]] {
        let out = search(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = Command::new(env!("CARGO_BIN_EXE_dispatches")).args(["search", "--corpus", "/nonexistent/corpus", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}
