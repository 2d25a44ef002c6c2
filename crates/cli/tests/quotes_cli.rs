//! `dispatches quotes`: the seeds, arbitrary files, JSON offsets, errors.

mod support;
use support::dispatches;


#[test]
fn json_offsets_are_characters_into_the_file() {
    let out = dispatches(&["quotes", "--json", "seeds/003_ff5b592e9810a17d.txt"]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/003_ff5b592e9810a17d.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.len() >= 10);
    for r in &rows {
        let (s, e) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..e].iter().collect::<String>(), r["text"].as_str().unwrap());
        assert_eq!(r["article"], "003_ff5b592e9810a17d");
        for k in ["speaker", "speaker_start", "speaker_end", "cue", "kind", "role", "paragraph"] {
            assert!(r.get(k).is_some(), "missing {k}");
        }
    }
    assert!(rows.iter().any(|r| r["speaker"] == "Jan Egeland" && r["kind"] == "speech"));
}

#[test]
fn any_text_file_and_the_listing() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("note.txt");
    std::fs::write(&f, "Town floods\n\n\"We are safe,\" said Mayor Ann Lee. \"The school is open.\"\n").unwrap();
    let out = dispatches(&["quotes", f.to_str().unwrap()]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Ann Lee") && s.contains("We are safe"), "{s}");
    let all = dispatches(&["quotes"]);
    assert!(all.status.success() && String::from_utf8(all.stdout).unwrap().contains("Jan Egeland"));
}

#[test]
fn missing_and_non_utf8_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"caf\xe9 \"x\"").unwrap();
    let out = dispatches(&["quotes", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt: not valid UTF-8"));
    let out = dispatches(&["quotes", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt: no such file"));
}

/// Files of one folder take their own entries of its catalog; a file of another folder does not
/// take them (each folder's catalog is read once, and only for its own files).
#[test]
fn files_take_their_folders_catalog_entries() {
    let listed = tempfile::tempdir().unwrap();
    let text = "Town floods\n\n\"We are safe,\" said Mayor Ann Lee.\n";
    for name in ["a.txt", "b.txt"] {
        std::fs::write(listed.path().join(name), text).unwrap();
    }
    std::fs::write(
        listed.path().join("catalog.toml"),
        "[[article]]\nfile = \"a.txt\"\noutlet = \"Coast Herald\"\npublished = \"2019-03-02\"\n\n[[article]]\nfile = \"b.txt\"\noutlet = \"Valley Post\"\npublished = \"2019-03-03\"\n",
    )
    .unwrap();
    let unlisted = tempfile::tempdir().unwrap();
    std::fs::write(unlisted.path().join("a.txt"), text).unwrap();
    let path = |dir: &tempfile::TempDir, name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let out = dispatches(&["quotes", &path(&listed, "a.txt"), &path(&listed, "b.txt"), &path(&unlisted, "a.txt")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Ann Lee") && s.contains("3 quotation"), "{s}");
    assert_eq!((s.matches("  Coast Herald\n").count(), s.matches("  Valley Post\n").count()), (1, 1), "{s}");
}
