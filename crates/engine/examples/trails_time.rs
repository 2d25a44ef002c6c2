//! Times quote trails on a corpus folder: loading, the quotation index and `Trails::build`
//! apart, then what was found. Peak memory with `/usr/bin/time -v`:
//! `cargo build --release -p dispatches-engine --example trails_time &&
//!  /usr/bin/time -v target/release/examples/trails_time /tmp/c10k`
use dispatches_engine::quotes::QuoteIndex;
use dispatches_engine::trails::{Trails, MIN_QUOTE_WORDS};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let started = Instant::now();
    let corpus = match dispatches_engine::corpus::load(std::path::Path::new(&dir)) {
        Ok(c) => c,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            std::process::exit(1);
        }
    };
    let loaded = started.elapsed();
    let t = Instant::now();
    let index = QuoteIndex::build(&corpus);
    let quoted = t.elapsed();
    let peak_before = peak_rss_mib();
    let t = Instant::now();
    let trails = Trails::build(&corpus, &index);
    let trailed = t.elapsed();
    let peak_after = peak_rss_mib();
    let long_enough = index.quotes.iter().filter(|q| q.repeat_of.is_none() && q.text(&corpus).split_whitespace().count() >= MIN_QUOTE_WORDS).count();
    let occurrences: usize = trails.trails.iter().map(|t| t.occurrences.len()).sum();
    let widest = trails.trails.first().map_or(0, |t| t.outlets);
    let outlets_at_least = |n: usize| trails.trails.iter().filter(|t| t.outlets >= n).count();
    let agree = trails.trails.iter().filter(|t| t.speakers_agree()).count();
    let credited = trails.trails.iter().filter(|t| t.speaker.is_some()).count();
    println!("{} articles, {} quotations (about {long_enough} of {MIN_QUOTE_WORDS}+ words)", corpus.articles.len(), index.quotes.len());
    println!("load {:.2} s, quotations {:.2} s, trails {:.3} s", loaded.as_secs_f64(), quoted.as_secs_f64(), trailed.as_secs_f64());
    println!(
        "{} trails across reports ({occurrences} occurrences); {} carried by 2+ outlets, {} by 3+; widest {widest} outlets",
        trails.trails.len(),
        outlets_at_least(2),
        outlets_at_least(3)
    );
    if let (Some(before), Some(after)) = (peak_before, peak_after) {
        println!("peak resident memory: {before:.0} MiB before trails, {after:.0} MiB after");
    }
    println!("speakers: {agree} trails agree as printed, {credited} credit one speaker, {} disagree or name nobody", trails.trails.len() - credited);
}

/// The process's peak resident set so far (Linux `VmHWM`), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
