//! Shared by the search benchmark and the wasm latency example: the query sets and the
//! 10,000-article bench corpus read in place (never copied into the repository).
#![allow(dead_code)]

use dispatches_engine::{ArticleMeta, Corpus, Date};
use std::io::BufRead;
use std::path::{Path, PathBuf};

pub const SEED_QUERIES: &[&str] = &[
    "aleppo",
    "Aleppo civ",
    "civilians evacuation",
    "\"human rights\"",
    "Egelund",
    "al-Haj",
    "U.N. humanitarian",
    "defense OR neighborhood",
    "aleppo -russia",
    "413",
    "Çelik",
    "rebel forces eastern districts",
    "",
];

pub const BIG_QUERIES: &[&str] = &[
    "trump",
    "climate change",
    "\"health care\"",
    "immigration -trump",
    "obama OR clinton",
    "suprme court",
    "elect",
    "federal reserve interest rates",
    "gun control legislation",
    "brexit",
    "north korea missile",
    "senat",
    "\"white house\" press secretary",
    "syria refugees",
    "neighbourhood defence",
    "the",
    "",
];

pub fn seeds() -> Corpus {
    dispatches_engine::corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds load")
}

pub fn bench_corpus_path() -> PathBuf {
    std::env::var_os("DISPATCHES_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench-corpus/allsides-10k.jsonl.gz"))
}

/// The JSON-lines corpus as articles (records without a body are skipped).
pub fn load_big(limit: usize) -> Option<Corpus> {
    let path = bench_corpus_path();
    let file = std::fs::File::open(&path).ok()?;
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let mut articles = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        if articles.len() >= limit {
            break;
        }
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let (body, title) = (s("body"), s("title"));
        // Undated records (about one in nine) get a placeholder day so all 10,000 are searched.
        let published = Date::parse(&s("date")).unwrap_or(Date { year: 2000, month: 1, day: 1 });
        if body.trim().is_empty() {
            continue;
        }
        let byline = match v.get("authors") {
            Some(serde_json::Value::String(a)) => a.clone(),
            Some(serde_json::Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", "),
            _ => String::new(),
        };
        let meta = ArticleMeta {
            outlet: s("source"),
            headline: title.clone(),
            byline,
            dateline: String::new(),
            published,
            published_raw: s("date"),
            url: s("url"),
            language: "en".into(),
        };
        let id = match s("id") {
            id if !id.is_empty() => id,
            _ => format!("{i:05}"),
        };
        let text = if title.is_empty() { body } else { format!("{title}\n\n{}", body.trim_start()) };
        articles.push(dispatches_engine::corpus::build_article(id.clone(), format!("{id}.txt"), meta, text));
    }
    Some(Corpus::new(articles))
}

