//! `dispatches publish`: the split layout's files, as the page's build writes them.

mod support;
use support::dispatches;

use std::io::Read;

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("every file is gzip");
    out
}

#[test]
fn split_layout_writes_a_manifest_and_every_shard_it_names() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = dispatches(&["publish", "seeds", out_dir.path().to_str().unwrap(), "--layout", "split"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("split layout"));
    let folder = out_dir.path().join("corpus");
    let manifest = gunzip(&std::fs::read(folder.join("manifest.bin")).unwrap());
    let mut lib = dispatches_engine::shards::Library::open(&manifest, None).unwrap();
    assert_eq!(lib.len(), 5);
    let files: Vec<String> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    let named: Vec<String> = lib.manifest().shards().map(|s| s.name.clone()).collect();
    assert_eq!(files.len(), named.len() + 1, "the manifest and the shards it names, nothing else");
    for name in &named {
        let gz = std::fs::read(folder.join(name)).unwrap();
        assert_eq!(lib.manifest().shards().find(|s| &s.name == name).unwrap().bytes as usize, gz.len(), "sizes on the wire");
        lib.provide(name, &gunzip(&gz)).unwrap();
    }
    // Same corpus, same names: a rebuild changes nothing.
    let again = tempfile::tempdir().unwrap();
    assert!(dispatches(&["publish", "seeds", again.path().to_str().unwrap(), "--layout", "split"]).status.success());
    let mut a: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name()).collect();
    let mut b: Vec<_> = std::fs::read_dir(again.path().join("corpus")).unwrap().map(|e| e.unwrap().file_name()).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn the_seeds_are_inline_by_default_and_bad_input_is_refused() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = dispatches(&["publish", "seeds", out_dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("inline layout"));
    assert!(!out_dir.path().join("corpus").exists());
    let out = dispatches(&["publish", "seeds", out_dir.path().to_str().unwrap(), "--layout", "sideways"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown layout"));
    let bad = tempfile::tempdir().unwrap();
    std::fs::write(bad.path().join("catalog.toml"), "[[article]]\nfile = \"missing.txt\"\noutlet = \"X\"\npublished = \"2016-12-01\"\n").unwrap();
    let out = dispatches(&["publish", bad.path().to_str().unwrap(), out_dir.path().to_str().unwrap(), "--layout", "split"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("catalog.toml:2"), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `--timings` lists every stage of the build once, in order; the files are the same on one
/// thread as on every core.
#[test]
fn timings_name_every_stage_and_one_thread_writes_the_same_files() {
    let many = tempfile::tempdir().unwrap();
    let out = dispatches(&["publish", "seeds", many.path().to_str().unwrap(), "--layout", "split", "--timings"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut at = 0;
    for stage in std::iter::once("catalog, texts and structure").chain(dispatches_engine::shards::BUILD_STAGES).chain(["manifest and writing the files"]) {
        let found = stdout[at..].find(&format!(" s  {stage}\n")).unwrap_or_else(|| panic!("stage {stage:?} after byte {at}:\n{stdout}"));
        at += found + 1;
    }
    let one = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dispatches"))
        .args(["publish", "seeds", one.path().to_str().unwrap(), "--layout", "split"])
        .current_dir(support::repo())
        .env("DISPATCHES_THREADS", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let read = |dir: &std::path::Path| {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("corpus")).unwrap().map(|e| e.unwrap()).map(|e| (e.file_name().into_string().unwrap(), std::fs::read(e.path()).unwrap())).collect();
        files.sort();
        files
    };
    assert!(read(many.path()) == read(one.path()), "one thread and every core write the same files");
}
