//! `dispatches speakers`, `--help` on every subcommand, `--version`.

mod support;
use support::{dispatches, text};


#[test]
fn speakers_of_the_seeds_most_quoted_first() {
    let out = dispatches(&["speakers", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.len() >= 10);
    for r in &rows {
        for k in ["name", "aliases", "role", "kind", "quotes", "outlets"] {
            assert!(r.get(k).is_some(), "missing {k} in {r}");
        }
    }
    let counts: Vec<u64> = rows.iter().filter(|r| r["kind"] != "unnamed").map(|r| r["quotes"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let egeland = rows.iter().find(|r| r["name"] == "Jan Egeland").expect("Jan Egeland listed");
    assert_eq!(egeland["kind"], "person");
    assert_eq!(egeland["quotes"], 3);
    assert_eq!(egeland["outlets"].as_array().unwrap().len(), 2);

    let listing = dispatches(&["speakers", "seeds", "--limit", "3"]);
    assert!(listing.status.success());
    assert_eq!(text(&listing.stdout).lines().count(), 3);
}

#[test]
fn speakers_of_any_folder_join_a_surname_to_its_full_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "Mayor sets budget\n\n\"We will balance it,\" Mayor Ann Lee said on Monday.\n").unwrap();
    std::fs::write(d.join("b.txt"), "Budget passes\n\n\"It is done,\" Lee said.\n").unwrap();
    std::fs::write(
        d.join("catalog.toml"),
        "[[article]]\nfile = \"a.txt\"\noutlet = \"Daily\"\nheadline = \"Mayor sets budget\"\npublished = \"2020-01-01\"\n\n[[article]]\nfile = \"b.txt\"\noutlet = \"Weekly\"\nheadline = \"Budget passes\"\npublished = \"2020-01-02\"\n",
    )
    .unwrap();
    let out = dispatches(&["speakers", d.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["name"], "Ann Lee");
    assert_eq!(rows[0]["quotes"], 2);
    assert_eq!(rows[0]["aliases"], serde_json::json!(["Lee"]));
}

#[test]
fn every_subcommand_answers_help() {
    for cmd in ["check", "list", "import", "generate", "search", "publish", "quotes", "speakers"] {
        for flag in ["--help", "-h"] {
            let out = dispatches(&[cmd, flag]);
            assert!(out.status.success(), "{cmd} {flag}: {}", text(&out.stderr));
            let s = text(&out.stdout);
            assert!(s.starts_with("USAGE:") && s.contains(&format!("dispatches {cmd}")), "{cmd} {flag}: {s}");
        }
    }
    // After `--` it is a search word, not an option.
    let out = dispatches(&["search", "--json", "--", "--help"]);
    assert!(out.status.success());
    assert!(!text(&out.stdout).starts_with("USAGE:"));
    let top = dispatches(&["--help"]);
    assert!(top.status.success() && text(&top.stdout).contains("dispatches speakers"));
}

#[test]
fn version() {
    let out = dispatches(&["--version"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).trim(), format!("dispatches {}", env!("CARGO_PKG_VERSION")));
}
