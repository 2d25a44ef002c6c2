//! Quotation extraction throughput: `cargo bench -p dispatches-engine --bench quotes`.
//!
//! Prints its own report first (MB/s of article text through `quotes::extract`, quotations
//! and speakers found), then criterion's measurements. Articles are ingested beforehand, so
//! only extraction is timed. The 10,000-article bench corpus is read from
//! `../shared/bench-corpus/allsides-10k.jsonl.gz` (or `$DISPATCHES_BENCH_CORPUS`) at bench
//! time and skipped when absent; `QUOTES_BENCH_ARTICLES=N` takes the first N lines;
//! `QUOTES_BENCH_REPORT_ONLY=1` skips criterion.

use criterion::{black_box, Criterion, Throughput};
use dispatches_engine::quotes::{extract, QuoteIndex};
use dispatches_engine::{corpus, Article, ArticleMeta, Corpus, Date};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn seeds() -> Corpus {
    corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds load")
}

fn bench_corpus_path() -> PathBuf {
    std::env::var_os("DISPATCHES_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench-corpus/allsides-10k.jsonl.gz"))
}

/// The bench corpus as articles (title line, blank line, body), or None when absent.
fn bench_corpus() -> Option<Vec<Article>> {
    let path = bench_corpus_path();
    let file = std::fs::File::open(&path).ok()?;
    let limit: usize = std::env::var("QUOTES_BENCH_ARTICLES").ok().and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    for (i, line) in reader.lines().take(limit).enumerate() {
        let line = line.ok()?;
        let v: serde_json::Value = serde_json::from_str(&line).ok()?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let meta = ArticleMeta {
            outlet: s("source"),
            headline: s("title"),
            byline: String::new(),
            dateline: String::new(),
            published: Date::new(1970, 1, 1).unwrap(),
            published_raw: s("date"),
            url: String::new(),
            language: "en".into(),
        };
        let text = format!("{}\n\n{}", s("title"), s("body"));
        out.push(corpus::build_article(format!("b{i:05}"), format!("b{i:05}.txt"), meta, text));
    }
    Some(out)
}

fn mb(articles: &[Article]) -> f64 {
    articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6
}

/// Best of `rounds` passes of extraction over every article: (seconds, quotations).
fn time_extract(articles: &[Article], rounds: usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut quotes = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        quotes = articles.iter().map(|a| black_box(extract(a)).len()).sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, quotes)
}

fn report(name: &str, articles: &[Article], rounds: usize) {
    let (secs, quotes) = time_extract(articles, rounds);
    let size = mb(articles);
    println!("{name}: {} articles, {size:.2} MB, {quotes} quotations, extract {:.1} ms = {:.1} MB/s", articles.len(), secs * 1e3, size / secs);
}

fn main() {
    let seeds = seeds();
    println!("== quotes report (best of several passes, extraction only)");
    report("seeds", &seeds.articles, 50);
    let t = Instant::now();
    let index = QuoteIndex::build(&seeds);
    println!("seeds QuoteIndex::build: {:.2} ms, {} quotations, {} speakers", t.elapsed().as_secs_f64() * 1e3, index.quotes.len(), index.speakers.len());
    let bench = bench_corpus();
    match &bench {
        Some(b) => {
            report("bench corpus", b, 3);
            let corpus = Corpus { articles: b.clone(), ..Corpus::default() };
            let t = Instant::now();
            let index = QuoteIndex::build(&corpus);
            println!(
                "bench corpus QuoteIndex::build: {:.0} ms, {} quotations ({} with a speaker), {} speakers",
                t.elapsed().as_secs_f64() * 1e3,
                index.quotes.len(),
                index.quotes.iter().filter(|q| q.speaker.is_some()).count(),
                index.speakers.len()
            );
        }
        None => println!("bench corpus: {} not found, skipped", bench_corpus_path().display()),
    }
    if std::env::var_os("QUOTES_BENCH_REPORT_ONLY").is_some() {
        return;
    }
    let mut c = Criterion::default().configure_from_args().measurement_time(Duration::from_secs(5)).sample_size(20);
    {
        let mut g = c.benchmark_group("quotes");
        g.throughput(Throughput::Bytes(seeds.articles.iter().map(|a| a.text.len() as u64).sum()));
        g.bench_function("extract/seeds", |b| b.iter(|| seeds.articles.iter().map(|a| extract(a).len()).sum::<usize>()));
        if let Some(bench) = &bench {
            let sample: Vec<Article> = bench.iter().take(500).cloned().collect();
            g.throughput(Throughput::Bytes(sample.iter().map(|a| a.text.len() as u64).sum()));
            g.bench_function("extract/bench-500", |b| b.iter(|| sample.iter().map(|a| extract(a).len()).sum::<usize>()));
        }
        g.finish();
    }
    c.final_summary();
}
