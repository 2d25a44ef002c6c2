//! Query latency of the search engine, natively or in WebAssembly (WASI), on the same inputs.
//!
//! Native: `cargo run --release -p dispatches-engine --example search_latency`
//! Wasm:   `node tests/bench/wasm-search.mjs` (builds this for wasm32-wasip1 and runs it in
//!         Node's WASI, i.e. V8's WebAssembly engine, the one Chromium runs the app with).
//! Reads the 10,000-article bench corpus in place (`$DISPATCHES_BENCH_CORPUS` or
//! `../shared/bench-corpus/allsides-10k.jsonl.gz`), first `$SEARCH_BENCH_ARTICLES` lines.
//!
//! `--write-prebuilt FILE` (native) also writes the big corpus and its index as postcard;
//! `--prebuilt FILE` (wasm) queries that instead of importing and indexing in wasm. The app
//! only ever decodes a prebuilt index, so this is how the 10,000 articles are measured in wasm.

#[path = "../benches/support/corpus.rs"]
mod support;

use dispatches_engine::search::{SearchIndex, SearchRequest};
use dispatches_engine::Corpus;
use std::time::{Duration, Instant};

fn main() {
    let target = if cfg!(target_arch = "wasm32") { "wasm32" } else { "native" };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    if let Some(path) = flag("--prebuilt") {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let t = Instant::now();
        let (big, index): (Corpus, SearchIndex) = postcard::from_bytes(&bytes).expect("a prebuilt file written by --write-prebuilt");
        println!("{target}: decoded {} MB of prebuilt corpus and index in {:.0} ms", bytes.len() / 1_000_000, t.elapsed().as_secs_f64() * 1e3);
        drop(bytes);
        measure(target, "bench corpus, prebuilt", &big, &index, None, support::BIG_QUERIES, 20);
        #[cfg(target_arch = "wasm32")]
        println!("{target}: linear memory {} MB", core::arch::wasm32::memory_size(0) * 65536 / 1_000_000);
        return;
    }
    report(target, "seeds", &support::seeds(), support::SEED_QUERIES, 200);
    let n = std::env::var("SEARCH_BENCH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    if n == 0 {
        return;
    }
    match support::load_big(n) {
        Some(big) => {
            let index = report(target, "bench corpus", &big, support::BIG_QUERIES, 20);
            if let Some(path) = flag("--write-prebuilt") {
                let bytes = postcard::to_allocvec(&(&big, &index)).expect("serializing in memory cannot fail");
                std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
            }
        }
        None => println!("{target}: bench corpus skipped ({} not found)", support::bench_corpus_path().display()),
    }
}

/// Builds the index (timed), then measures queries on it.
fn report(target: &str, name: &str, corpus: &Corpus, queries: &[&str], rounds: usize) -> SearchIndex {
    let t = Instant::now();
    let index = SearchIndex::build(corpus);
    let build = t.elapsed();
    measure(target, name, corpus, &index, Some(build), queries, rounds);
    index
}

fn measure(target: &str, name: &str, corpus: &Corpus, index: &SearchIndex, build: Option<Duration>, queries: &[&str], rounds: usize) {
    let mut times: Vec<Duration> = Vec::new();
    for q in queries {
        let req = SearchRequest { query: q.to_string(), limit: Some(20), ..Default::default() };
        index.search(corpus, &req); // warm-up
        for _ in 0..rounds {
            let t = Instant::now();
            std::hint::black_box(index.search(corpus, &req));
            times.push(t.elapsed());
        }
    }
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{target}: {name} ({} articles): {}query p50 {:.1} µs, p95 {:.1} µs, max {:.1} µs over {} runs",
        corpus.articles.len(),
        build.map_or(String::new(), |b| format!("build {:.1} ms; ", b.as_secs_f64() * 1e3)),
        pct(0.5).as_secs_f64() * 1e6,
        pct(0.95).as_secs_f64() * 1e6,
        times.last().unwrap().as_secs_f64() * 1e6,
        times.len()
    );
}
