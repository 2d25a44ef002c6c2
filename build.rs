//! Compiles the corpus into the app: reads the corpus folder (`DISPATCHES_CORPUS`, default
//! `seeds/`), validates it, runs ingestion, quotation extraction and indexing through the
//! engine, cuts the result into the sharded format (`dispatches_engine::shards`) and writes
//! the inline layout's blob (manifest and every shard) to `$OUT_DIR/corpus.bin`, embedded by
//! `src/data.rs`. Any corpus problem fails the build with `path:line: message` lines.
//!
//! The page reads this blob through the same reader, and so the same query path, as the CLI
//! and as the split layout's fetched shards (`dispatches publish`).

use dispatches_engine::corpus;
use dispatches_engine::shards::{self, InlineBlob, Layout, Sizing};
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=DISPATCHES_CORPUS");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = match std::env::var_os("DISPATCHES_CORPUS") {
        Some(d) if !d.is_empty() => {
            let d = PathBuf::from(d);
            if d.is_absolute() { d } else { manifest.join(d) }
        }
        _ => manifest.join("seeds"),
    };
    println!("cargo:rerun-if-env-changed=DISPATCHES_LAYOUT");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    let forced = match Layout::parse(&std::env::var("DISPATCHES_LAYOUT").unwrap_or_default()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: DISPATCHES_LAYOUT: {e}");
            std::process::exit(1);
        }
    };
    // The folder itself: files added or removed (which may change the layout).
    println!("cargo:rerun-if-changed={}", dir.display());
    if Layout::for_folder(forced, &dir) == Layout::Split {
        // The split layout: the app embeds nothing, so its code is the same for every corpus
        // (a rebuilt corpus keeps the wasm's name); `dispatches publish`, run by
        // scripts/postbuild.mjs, validates the corpus and writes its shards.
        println!("cargo:rerun-if-changed={}", dir.join(corpus::CATALOG_FILE).display());
        std::fs::write(&out, []).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        return;
    }
    for file in corpus::input_files(&dir) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let corpus = match corpus::load(&dir) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                // `cargo:warning` makes each problem visible in Cargo's and Trunk's output too.
                println!("cargo:warning={e}");
                eprintln!("{e}");
            }
            eprintln!("error: the corpus in {} has {} problem(s); fix them or run `dispatches check {}`", dir.display(), errors.len(), dir.display());
            std::process::exit(1);
        }
    };
    let text: u64 = corpus.articles.iter().map(|a| a.text.len() as u64).sum();
    let sizing = Sizing::for_corpus(Layout::Inline, corpus.articles.len(), text);
    let bytes = InlineBlob::from_set(shards::build(corpus, sizing, |b| b.to_vec())).to_bytes();
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
