//! What the split layout fetches, measured natively over a folder `dispatches publish` wrote:
//! for each query (10 results, as the split layout shows), cold (nothing cached but the manifest) and warm (after the other queries),
//! the fetch rounds, files and gzip bytes the page would request, and the time the reader
//! takes once the bytes are there (decompression included, as the browser's
//! `DecompressionStream` would do it; network excluded).
//!
//! ```sh
//! dispatches publish /tmp/corpus-10k /tmp/pub-10k --layout split
//! cargo run --release -p dispatches-engine --example shard_fetch -- /tmp/pub-10k/corpus
//! ```
//!
//! `SHARD_FETCH_VERBOSE=1` also prints each round's files.

use dispatches_engine::search::SearchRequest;
use dispatches_engine::shards::{Library, Need, MANIFEST_FILE};
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

const QUERIES: &[&str] = &["president", "climate change", "supreme court ruling", "\"health care\"", "immigration -trump", "electon", "econom", "syria OR iraq"];

/// The peer harness's warm queries, run before the keystroke states.
const HARNESS_QUERIES: &[&str] = &["president", "election", "climate change", "police", "economy", "Trump", "vaccine", "immigration", "health care", "Supreme Court"];

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("a gzip shard");
    out
}

struct Run {
    rounds: usize,
    files: usize,
    bytes: usize,
    decode: Duration,
}

fn search(lib: &mut Library, dir: &Path, req: &SearchRequest) -> (Run, Duration) {
    let mut run = Run { rounds: 0, files: 0, bytes: 0, decode: Duration::ZERO };
    let started = Instant::now();
    lib.begin();
    loop {
        match lib.search(req) {
            Ok(_) => return (run.clone_counts(), started.elapsed()),
            Err(Need::Fetch(refs)) => {
                run.rounds += 1;
                if std::env::var_os("SHARD_FETCH_VERBOSE").is_some() {
                    eprintln!("  {:?} round {}: {}", req.query, run.rounds, refs.iter().map(|r| format!("{} ({} B)", r.name, r.bytes)).collect::<Vec<_>>().join(", "));
                }
                for r in refs {
                    let gz = std::fs::read(dir.join(&r.name)).expect("a shard the manifest names");
                    run.files += 1;
                    run.bytes += gz.len();
                    let t = Instant::now();
                    let raw = gunzip(&gz);
                    lib.provide(&r.name, &raw).expect("a valid shard");
                    run.decode += t.elapsed();
                }
            }
            Err(Need::Broken(e)) => panic!("{e}"),
        }
    }
}

impl Run {
    fn clone_counts(&self) -> Run {
        Run { rounds: self.rounds, files: self.files, bytes: self.bytes, decode: self.decode }
    }
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: shard_fetch PUBLISHED/corpus");
    let dir = Path::new(&dir);
    let manifest_gz = std::fs::read(dir.join(MANIFEST_FILE)).expect("manifest.bin");
    let t = Instant::now();
    // `SHARD_FETCH_BUDGET_MB` replays with another bound of decoded shards kept.
    let budget = std::env::var("SHARD_FETCH_BUDGET_MB").ok().and_then(|m| m.parse::<usize>().ok()).map_or(dispatches_engine::shards::library::DEFAULT_BUDGET, |m| m << 20);
    let open = |_| Library::open(&gunzip(&manifest_gz), None).expect("manifest").with_budget(budget);
    let mut lib = open(());
    println!("manifest: {:.1} KB gzip, opened in {:.2} ms; {} articles", manifest_gz.len() as f64 / 1024.0, t.elapsed().as_secs_f64() * 1e3, lib.len());
    // First screen: the empty query (newest first), 10 results as the split layout shows.
    let (run, time) = search(&mut lib, dir, &SearchRequest { limit: Some(10), ..Default::default() });
    println!("first screen: {} rounds, {} files, {:.1} KB gzip, {:.2} ms (decode {:.2} ms)", run.rounds, run.files, run.bytes as f64 / 1024.0, time.as_secs_f64() * 1e3, run.decode.as_secs_f64() * 1e3);
    println!("| query | cold rounds | cold files | cold KB gzip | cold ms (decode) | warm ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for q in QUERIES {
        let req = SearchRequest { query: q.to_string(), limit: Some(10), ..Default::default() };
        let mut cold_lib = open(());
        let (cold, cold_time) = search(&mut cold_lib, dir, &req);
        let _ = search(&mut lib, dir, &req);
        let (_, warm) = search(&mut lib, dir, &req);
        println!(
            "| `{q}` | {} | {} | {:.1} | {:.1} ({:.1}) | {:.2} |",
            cold.rounds,
            cold.files,
            cold.bytes as f64 / 1024.0,
            cold_time.as_secs_f64() * 1e3,
            cold.decode.as_secs_f64() * 1e3,
            warm.as_secs_f64() * 1e3
        );
    }
    // The peer harness's keystroke states (`SHARD_FETCH_TYPING=president,climate,vote`): after
    // the queries above, each prefix of each word as typed, with what a lone letter fetches
    // ahead (`Library::ahead_of_typing`) counted as its own round.
    if let Ok(words) = std::env::var("SHARD_FETCH_TYPING") {
        for q in HARNESS_QUERIES {
            let _ = search(&mut lib, dir, &SearchRequest { query: q.to_string(), limit: Some(10), ..Default::default() });
        }
        println!("| state | rounds | files | KB gzip | ms (decode) | again, all at hand: ms |");
        println!("|---|---:|---:|---:|---:|---:|");
        for w in words.split(',') {
            for end in w.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let state = &w[..end];
                let ahead = lib.ahead_of_typing(state);
                let (mut rounds, mut files, mut bytes) = (0, 0, 0);
                if !ahead.is_empty() {
                    rounds += 1;
                    for r in ahead {
                        let gz = std::fs::read(dir.join(&r.name)).expect("a shard the manifest names");
                        files += 1;
                        bytes += gz.len();
                        lib.provide(&r.name, &gunzip(&gz)).expect("a valid shard");
                    }
                }
                let req = SearchRequest { query: state.to_string(), limit: Some(10), ..Default::default() };
                let (run, time) = search(&mut lib, dir, &req);
                let (_, again) = search(&mut lib, dir, &req);
                println!(
                    "| `{state}` | {} | {} | {:.1} | {:.1} ({:.1}) | {:.1} |",
                    rounds + run.rounds,
                    files + run.files,
                    (bytes + run.bytes) as f64 / 1024.0,
                    time.as_secs_f64() * 1e3,
                    run.decode.as_secs_f64() * 1e3,
                    again.as_secs_f64() * 1e3
                );
            }
        }
    }
    println!("decoded shards kept after all queries: {:.1} MB (bound {:.1} MB)", lib.cached_bytes() as f64 / 1048576.0, budget as f64 / 1048576.0);
}
