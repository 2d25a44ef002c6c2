//! `dispatches publish [DIR] OUT [--layout inline|split|auto] [--timings]`: writes a corpus's shards for
//! the split layout into `OUT/corpus/` (gzip-compressed, content-named, plus `manifest.bin`),
//! or, for the inline layout, nothing (the app embeds the corpus; see build.rs). The page's
//! build runs it from scripts/postbuild.mjs with the same corpus and layout as build.rs, so
//! both always agree on the layout.

use crate::args::{default_corpus_dir, load_or_report, value_string, CommandResult, UsageError};
use dispatches_engine::shards::{self, Layout, Sizing, MANIFEST_FILE, SHARD_DIR};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: Vec<OsString>) -> CommandResult {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut forced = std::env::var("DISPATCHES_LAYOUT").ok().map(|s| Layout::parse(&s)).transpose().map_err(UsageError)?.flatten();
    let mut timings = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("layout") => forced = Layout::parse(&value_string(parser.value()?)?).map_err(UsageError)?,
            Long("timings") => timings = true,
            Value(v) => paths.push(PathBuf::from(v)),
            _ => return Err(UsageError(arg.unexpected().to_string())),
        }
    }
    let (dir, out) = match paths.len() {
        1 => (default_corpus_dir(), paths.remove(0)),
        2 => {
            let out = paths.remove(1);
            (paths.remove(0), out)
        }
        _ => return Err(UsageError("publish needs an output folder (and optionally the corpus folder before it)".into())),
    };
    let started = Instant::now();
    let layout = Layout::for_folder(forced, &dir);
    let corpus = match load_or_report(&dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    // Wall time of each stage, for `--timings` (each build stage should stay near-linear in
    // the corpus: a stage that grows faster shows here first).
    let mut stages: Vec<(&'static str, f64)> = vec![("catalog, texts and structure", started.elapsed().as_secs_f64())];
    let mut stage_start = Instant::now();
    let text: u64 = corpus.articles.iter().map(|a| a.text.len() as u64).sum();
    if corpus.articles.len() > shards::MAX_ARTICLES {
        eprintln!("dispatches: {} has {} articles; a published corpus holds at most {}", dir.display(), corpus.articles.len(), shards::MAX_ARTICLES);
        return Ok(ExitCode::from(1));
    }
    if layout == Layout::Inline {
        println!("{}: {} articles, inline layout: the app embeds the corpus, nothing to write", dir.display(), corpus.articles.len());
        return Ok(ExitCode::SUCCESS);
    }
    let articles = corpus.articles.len();
    let set = shards::build_reporting(corpus, Sizing::for_corpus(layout, articles, text), gzip, |stage| {
        stages.push((stage, stage_start.elapsed().as_secs_f64()));
        stage_start = Instant::now();
    });
    let folder = out.join(SHARD_DIR);
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(&folder)?;
        for (name, bytes) in &set.files {
            std::fs::write(folder.join(name), bytes)?;
        }
        // The manifest last: a folder with a manifest has every shard it names.
        std::fs::write(folder.join(MANIFEST_FILE), &set.manifest_bytes)
    };
    if let Err(e) = write() {
        eprintln!("dispatches: cannot write {}: {e}", folder.display());
        return Ok(ExitCode::from(1));
    }
    stages.push(("manifest and writing the files", stage_start.elapsed().as_secs_f64()));
    let m = &set.manifest;
    println!(
        "{}: {articles} articles, split layout: {} files in {} ({} KB gzip; manifest {} KB; {} dictionary, {} postings, {} positions, {} card, {} typing-card, {} article groups, {} id shards) in {:.1} s",
        dir.display(),
        set.files.len() + 1,
        folder.display(),
        (m.total_bytes() + set.manifest_bytes.len() as u64) / 1024,
        set.manifest_bytes.len() / 1024,
        m.dictionary.len(),
        m.postings.len(),
        m.positions.len(),
        m.cards.len(),
        m.typing.len(),
        m.groups.len(),
        m.ids.len(),
        started.elapsed().as_secs_f64()
    );
    if timings {
        for (stage, seconds) in &stages {
            println!("  {seconds:>8.2} s  {stage}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Shards are gzip-compressed at build time so they stay small on any host, compressing or
/// not; the page undoes it with the browser's `DecompressionStream`.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::new(6));
    e.write_all(bytes).expect("writing to memory cannot fail");
    e.finish().expect("writing to memory cannot fail")
}
