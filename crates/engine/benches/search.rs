//! Search benchmarks: `cargo bench -p dispatches-engine --bench search`.
//!
//! First a report of its own (latency percentiles per query set, build time, serialized
//! size, peak heap measured by a counting allocator), then criterion's measurements.
//! `SEARCH_BENCH_REPORT_ONLY=1` skips criterion. The 10,000-article corpus is read from
//! `../shared/bench-corpus/allsides-10k.jsonl.gz` (or `$DISPATCHES_BENCH_CORPUS`) and
//! skipped when absent; `SEARCH_BENCH_ARTICLES=N` takes the first N lines.

use criterion::{black_box, Criterion};
use dispatches_engine::search::{SearchIndex, SearchRequest};
use dispatches_engine::{Corpus, Date};
#[path = "support/corpus.rs"]
mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use support::{bench_corpus_path, load_big, seeds, BIG_QUERIES, SEED_QUERIES};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// Counts live heap bytes and their peak.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            if new > l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn reset_peak() -> usize {
    let live = LIVE.load(Relaxed);
    PEAK.store(live, Relaxed);
    live
}

fn mib(b: usize) -> String {
    format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0))
}

/// p50, p95 and max of per-query latencies (each query run `rounds` times).
fn percentiles(index: &SearchIndex, corpus: &Corpus, reqs: &[SearchRequest], rounds: usize) -> (Duration, Duration, Duration, Vec<(String, Duration)>) {
    let mut all = Vec::new();
    let mut per_query = Vec::new();
    for req in reqs {
        for _ in 0..3 {
            black_box(index.search(corpus, req));
        }
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let t = Instant::now();
            black_box(index.search(corpus, req));
            times.push(t.elapsed());
        }
        times.sort();
        per_query.push((req.query.clone(), times[times.len() / 2]));
        all.extend(times);
    }
    all.sort();
    let p = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    (p(0.5), p(0.95), *all.last().unwrap(), per_query)
}

fn requests(queries: &[&str], index: &SearchIndex, filtered: bool) -> Vec<SearchRequest> {
    let mut reqs: Vec<SearchRequest> = queries.iter().map(|q| SearchRequest { query: q.to_string(), limit: Some(20), ..Default::default() }).collect();
    if filtered {
        let outlets: Vec<String> = index.outlets().iter().take(3).cloned().collect();
        reqs.extend(queries.iter().take(6).map(|q| SearchRequest {
            query: q.to_string(),
            outlets: outlets.clone(),
            from: Date::new(2016, 1, 1),
            to: Date::new(2017, 12, 31),
            limit: Some(20),
            ..Default::default()
        }));
    }
    reqs
}

fn report_set(name: &str, corpus: &Corpus, queries: &[&str], rounds: usize) -> SearchIndex {
    let text_bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let before = reset_peak();
    let t = Instant::now();
    let index = SearchIndex::build(corpus);
    let build = t.elapsed();
    let build_peak = PEAK.load(Relaxed) - before;
    let retained = LIVE.load(Relaxed) - before;
    let bytes = postcard::to_allocvec(&index).unwrap();
    let gz = {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&bytes).unwrap();
        e.finish().unwrap().len()
    };
    let t = Instant::now();
    let decoded: SearchIndex = postcard::from_bytes(&bytes).unwrap();
    let decode = t.elapsed();
    drop(decoded);
    let n = corpus.articles.len();
    println!("## {name}: {n} articles, {:.1} MB of text, {} terms", text_bytes as f64 / 1e6, index.term_count());
    println!("build            {:>10.1} ms  ({:.0} ms per 1,000 articles)", build.as_secs_f64() * 1e3, build.as_secs_f64() * 1e6 / n as f64);
    println!("serialized       {:>10} bytes ({:.0}% of the text; gzip -9: {} bytes)", bytes.len(), 100.0 * bytes.len() as f64 / text_bytes as f64, gz);
    println!("decode (postcard){:>10.1} ms", decode.as_secs_f64() * 1e3);
    println!("heap: build peak {} (above the corpus), index in memory {}", mib(build_peak), mib(retained));
    for filtered in [false, true] {
        let reqs = requests(queries, &index, filtered);
        let before = reset_peak();
        let (p50, p95, max, per) = percentiles(&index, corpus, &reqs, rounds);
        let qpeak = PEAK.load(Relaxed) - before;
        println!(
            "queries{} ({} × {rounds}, limit 20): p50 {:.1} µs, p95 {:.1} µs, max {:.1} µs; heap peak while querying {}",
            if filtered { " with outlet+date filters" } else { "" },
            reqs.len(),
            p50.as_secs_f64() * 1e6,
            p95.as_secs_f64() * 1e6,
            max.as_secs_f64() * 1e6,
            mib(qpeak)
        );
        if !filtered {
            for (q, med) in per {
                println!("    {:>9.1} µs  {q:?}", med.as_secs_f64() * 1e6);
            }
        }
    }
    // A hostile query: 10,000 characters of words, phrases, operators and typos.
    let hostile: String = "aleppo \"human rights\" -russia OR civilans ".chars().cycle().take(10_000).collect();
    let req = SearchRequest { query: hostile, limit: Some(20), ..Default::default() };
    let t = Instant::now();
    for _ in 0..20 {
        black_box(index.search(corpus, &req));
    }
    println!("hostile 10,000-character query: {:.1} µs", t.elapsed().as_secs_f64() * 1e6 / 20.0);
    println!();
    index
}

fn main() {
    let corpus = seeds();
    let seeds_index = report_set("seeds", &corpus, SEED_QUERIES, 2000);
    let limit = std::env::var("SEARCH_BENCH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let big = if limit == 0 { None } else { load_big(limit) };
    let big_index = match &big {
        Some(c) => Some(report_set("allsides", c, BIG_QUERIES, 50)),
        None => {
            println!("## allsides: skipped ({} not found)\n", bench_corpus_path().display());
            None
        }
    };
    if std::env::var_os("SEARCH_BENCH_REPORT_ONLY").is_some() {
        return;
    }

    let mut c = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500)).configure_from_args();
    {
        let mut g = c.benchmark_group("seeds");
        g.bench_function("build", |b| b.iter(|| SearchIndex::build(black_box(&corpus))));
        for q in SEED_QUERIES {
            let req = SearchRequest { query: q.to_string(), limit: Some(20), ..Default::default() };
            g.bench_function(format!("query {q:?}"), |b| b.iter(|| seeds_index.search(&corpus, black_box(&req))));
        }
        g.finish();
    }
    if let (Some(corpus), Some(index)) = (&big, &big_index) {
        let mut g = c.benchmark_group("allsides");
        g.sample_size(10);
        for q in BIG_QUERIES {
            let req = SearchRequest { query: q.to_string(), limit: Some(20), ..Default::default() };
            g.bench_function(format!("query {q:?}"), |b| b.iter(|| index.search(corpus, black_box(&req))));
        }
        g.finish();
    }
    c.final_summary();
}
