//! Query latency of the search engine, natively or in WebAssembly (WASI), on the same inputs.
//!
//! Native: `cargo run --release -p dispatches-engine --example search_latency`
//! Wasm:   `node tests/bench/wasm-search.mjs` (builds this for wasm32-wasip1 and runs it in
//!         Node's WASI, i.e. V8's WebAssembly engine, the one Chromium runs the app with).
//! Reads the 10,000-article bench corpus in place (`$DISPATCHES_BENCH_CORPUS` or
//! `../shared/bench-corpus/allsides-10k.jsonl.gz`), first `$SEARCH_BENCH_ARTICLES` lines.

#[path = "../benches/support/corpus.rs"]
mod support;

use dispatches_engine::search::{SearchIndex, SearchRequest};
use dispatches_engine::Corpus;
use std::time::{Duration, Instant};

fn main() {
    let target = if cfg!(target_arch = "wasm32") { "wasm32" } else { "native" };
    report(target, "seeds", &support::seeds(), support::SEED_QUERIES, 200);
    let n = std::env::var("SEARCH_BENCH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    match support::load_big(n) {
        Some(big) => report(target, "bench corpus", &big, support::BIG_QUERIES, 20),
        None => println!("{target}: bench corpus skipped ({} not found)", support::bench_corpus_path().display()),
    }
}

fn report(target: &str, name: &str, corpus: &Corpus, queries: &[&str], rounds: usize) {
    let t = Instant::now();
    let index = SearchIndex::build(corpus);
    let build = t.elapsed();
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
        "{target}: {name} ({} articles): build {:.1} ms; query p50 {:.1} µs, p95 {:.1} µs, max {:.1} µs over {} runs",
        corpus.articles.len(),
        build.as_secs_f64() * 1e3,
        pct(0.5).as_secs_f64() * 1e6,
        pct(0.95).as_secs_f64() * 1e6,
        times.last().unwrap().as_secs_f64() * 1e6,
        times.len()
    );
}
