//! `dispatches trails`: the seeds (no trail), an invented folder with trails, JSON shape and
//! offsets, `--min-outlets`, bad usage.

mod support;
use support::{dispatches, text};

const SAID: &str = "The people of this city will not be intimidated, and we will rebuild every school that was damaged before the winter comes";

/// A corpus folder: the statement in full (Coast Herald, first), altered a word (Valley Post,
/// after accented text so byte and character offsets differ), trimmed (Coast Herald again,
/// later), and another statement run twice by Bay Times only.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let other = "Every family that lost a home in the flood will receive help from the relief fund by the end of the month";
    let files = [
        ("a.txt", "Coast Herald", "2020-03-02", format!("Storm damage\n\n\"{SAID},\" Mayor Ann Lee said.\n")),
        ("b.txt", "Valley Post", "2020-03-03", format!("Après la tempête\n\nÀ l’école, « déjà » fermée. \"{},\" Mayor Ann Lee said.\n", SAID.replace("city", "town"))),
        ("c.txt", "Coast Herald", "2020-03-05", "Schools\n\n\"We will rebuild every school that was damaged before the winter comes,\" Lee said.\n".to_string()),
        ("d.txt", "Bay Times", "2020-03-04", format!("Relief\n\n\"{other},\" said Tom Reed.\n")),
        ("e.txt", "Bay Times", "2020-03-06", format!("Relief, again\n\n\"{other},\" Tom Reed said again.\n")),
    ];
    let mut catalog = String::new();
    for (name, outlet, date, body) in &files {
        std::fs::write(dir.path().join(name), body).unwrap();
        catalog.push_str(&format!("[[article]]\nfile = \"{name}\"\noutlet = \"{outlet}\"\npublished = \"{date}\"\n\n"));
    }
    std::fs::write(dir.path().join("catalog.toml"), catalog).unwrap();
    dir
}

fn json_rows(out: &std::process::Output) -> Vec<serde_json::Value> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn the_seeds_say_plainly_that_no_quotation_travelled() {
    let out = dispatches(&["trails"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("No quotation was carried by two outlets"), "{}", text(&out.stdout));
    assert!(json_rows(&dispatches(&["trails", "--json"])).is_empty());
}

#[test]
fn json_trails_with_offsets_first_appearance_changes_and_credits() {
    let dir = folder();
    let rows = json_rows(&dispatches(&["trails", dir.path().to_str().unwrap(), "--json"]));
    assert_eq!(rows.len(), 1, "{rows:?}");
    let t = &rows[0];
    assert_eq!(t["trail"], 1);
    assert_eq!(t["first"], "a");
    assert_eq!(t["outlets"], 2);
    assert_eq!(t["text"].as_str().unwrap(), format!("{SAID},"));
    assert_eq!(t["speakers"], serde_json::json!(["Ann Lee"]));
    let occ = t["occurrences"].as_array().unwrap();
    assert_eq!(occ.iter().map(|o| o["article"].as_str().unwrap()).collect::<Vec<_>>(), ["a", "b", "c"]);
    for o in occ {
        let body = std::fs::read_to_string(dir.path().join(format!("{}.txt", o["article"].as_str().unwrap()))).unwrap();
        let chars: Vec<char> = body.chars().collect();
        let (s, e) = (o["start"].as_u64().unwrap() as usize, o["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..e].iter().collect::<String>(), o["text"].as_str().unwrap());
        for c in o["changes"].as_array().unwrap() {
            let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), c["text"].as_str().unwrap());
        }
        for k in ["outlet", "published", "speaker", "credit"] {
            assert!(o.get(k).is_some(), "missing {k}");
        }
    }
    assert_eq!(occ[1]["outlet"], "Valley Post");
    assert_eq!(occ[1]["published"], "2020-03-03");
    assert_eq!(occ[1]["changes"], serde_json::json!([{"kind": "changed", "text": "town", "start": occ[1]["changes"][0]["start"], "end": occ[1]["changes"][0]["end"], "longest": "city"}]));
    assert_eq!(occ[2]["changes"][0]["kind"], "omitted");
    assert_eq!(occ[2]["changes"][0]["longest"], "The people of this city will not be intimidated, and");
    assert!(occ[0]["changes"].as_array().unwrap().is_empty());
}

#[test]
fn min_outlets_selects_trails_and_says_when_none_is_left() {
    let dir = folder();
    let path = dir.path().to_str().unwrap();
    let one = json_rows(&dispatches(&["trails", path, "--json", "--min-outlets", "1"]));
    assert_eq!(one.len(), 2);
    assert_eq!((one[1]["trail"].as_u64(), one[1]["outlets"].as_u64()), (Some(2), Some(1)));
    let out = dispatches(&["trails", path, "--min-outlets", "3"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("No quotation was carried by three outlets"), "{}", text(&out.stdout));
    let listing = text(&dispatches(&["trails", path]).stdout);
    assert!(listing.contains("#1 2 outlets, 3 reports") && listing.contains("“town” for “city”") && listing.contains("every outlet credits Ann Lee"), "{listing}");
}

#[test]
fn bad_usage_and_missing_folders_are_errors() {
    let out = dispatches(&["trails", "--min-outlets", "many"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--min-outlets needs a number"));
    assert_eq!(dispatches(&["trails", "--colour"]).status.code(), Some(2));
    assert_eq!(dispatches(&["trails", "no/such/folder"]).status.code(), Some(1));
    let help = dispatches(&["trails", "--help"]);
    assert!(help.status.success() && text(&help.stdout).contains("--min-outlets N"));
}
