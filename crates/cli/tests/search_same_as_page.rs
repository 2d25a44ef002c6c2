//! `dispatches search` and the page rank a query identically and cut the same snippets: the
//! CLI's `--json` hits equal what the page's own reader (`shards::Library`) answers over the
//! files the page's build writes — the inline blob build.rs embeds, and the split layout's
//! files `dispatches publish` writes (fetched shard by shard, as the page fetches them).

mod support;
use support::{repo, text};

use dispatches_engine::search::SearchRequest;
use dispatches_engine::shards::{self, InlineBlob, Layout, Library, Need, Sizing};
use std::io::Read;
use std::path::Path;
use std::process::Command;

/// Queries exercising each part of ranking: one word, a common word, two words (proximity),
/// a phrase, an exclusion, a prefix being typed, acronyms (known, defined by a seed, spelled
/// out), a name.
const QUERIES: &[&str] = &["aleppo", "the", "civilians fled", "\"east aleppo\"", "aleppo -idlib", "evacu", "UN", "al haj", "syria aid", "IS ", "united nations "];

/// What both sides show of a hit.
#[derive(Debug, PartialEq)]
struct Shown {
    article: String,
    score: f64,
    snippet: String,
    block: u64,
    paragraphs: Vec<u64>,
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("every published file is gzip");
    out
}

/// Runs a read of the page's reader, handing it the shards it asks for from `folder` (the
/// published files) until it answers.
fn answer<T>(lib: &mut Library, folder: Option<&Path>, mut read: impl FnMut(&mut Library) -> Result<T, Need>) -> T {
    loop {
        match read(lib) {
            Ok(t) => return t,
            Err(Need::Fetch(refs)) => {
                let folder = folder.expect("the inline layout has every shard at hand");
                for r in refs {
                    lib.provide(&r.name, &gunzip(&std::fs::read(folder.join(&r.name)).unwrap())).unwrap();
                }
            }
            Err(Need::Broken(e)) => panic!("{e}"),
        }
    }
}

/// The page's hits for `query`: the search, then the result cards it shows them from.
fn page_hits(lib: &mut Library, folder: Option<&Path>, query: &str) -> Vec<Shown> {
    let req = SearchRequest { query: query.into(), ..Default::default() };
    let results = answer(lib, folder, |l| l.search(&req));
    let ids: Vec<usize> = results.hits.iter().map(|h| h.article).collect();
    let groups = answer(lib, folder, |l| l.cards(&ids));
    results
        .hits
        .iter()
        .map(|h| {
            let a = groups.iter().find_map(|g| g.article(h.article)).expect("a card for every hit");
            Shown {
                article: a.id.clone(),
                // As the CLI prints it: rounded in f32, written in its shortest form.
                score: ((h.score * 1000.0).round() / 1000.0).to_string().parse().unwrap(),
                snippet: h.snippet.text.clone(),
                block: h.snippet.block as u64,
                paragraphs: h.paragraphs.iter().map(|p| p.block as u64).collect(),
            }
        })
        .collect()
}

fn cli_hits(layout: Option<&str>, query: &str) -> Vec<Shown> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dispatches"));
    cmd.args(["search", "--json", "--corpus", "seeds", "--", query]).current_dir(repo()).env_remove("DISPATCHES_LAYOUT").env_remove("DISPATCHES_CORPUS");
    if let Some(l) = layout {
        cmd.env("DISPATCHES_LAYOUT", l);
    }
    let out = cmd.output().expect("the binary runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            Shown {
                article: v["article"].as_str().unwrap().into(),
                score: v["score"].as_f64().unwrap(),
                snippet: v["snippet"].as_str().unwrap().into(),
                block: v["block"].as_u64().unwrap(),
                paragraphs: v["paragraphs"].as_array().unwrap().iter().map(|p| p.as_u64().unwrap()).collect(),
            }
        })
        .collect()
}

fn assert_same(cli: Vec<Shown>, page: Vec<Shown>, query: &str, layout: &str) {
    assert!(!page.is_empty(), "{query:?} finds something");
    assert_eq!(cli.len(), page.len(), "{layout}: {query:?}");
    for (k, (c, p)) in cli.iter().zip(&page).enumerate() {
        assert_eq!(c, p, "{layout}: {query:?}, hit {k}");
    }
}

#[test]
fn the_cli_ranks_as_the_inline_page_does() {
    let dir = repo().join("seeds");
    assert_eq!(Layout::for_folder(None, &dir), Layout::Inline, "the page's build embeds the seeds");
    // What build.rs embeds.
    let corpus = dispatches_engine::corpus::load(&dir).unwrap();
    let text_bytes: u64 = corpus.articles.iter().map(|a| a.text.len() as u64).sum();
    let sizing = Sizing::for_corpus(Layout::Inline, corpus.articles.len(), text_bytes);
    let blob = InlineBlob::from_set(shards::build(corpus, sizing, |b| b.to_vec())).to_bytes();
    let mut lib = Library::inline(&blob).unwrap();
    for q in QUERIES {
        let page = page_hits(&mut lib, None, q);
        assert_same(cli_hits(None, q), page, q, "inline");
    }
}

#[test]
fn the_cli_ranks_as_the_split_page_does() {
    let out_dir = tempfile::tempdir().unwrap();
    let published = support::dispatches(&["publish", "seeds", out_dir.path().to_str().unwrap(), "--layout", "split"]);
    assert!(published.status.success(), "{}", text(&published.stderr));
    let folder = out_dir.path().join(shards::SHARD_DIR);
    let manifest = gunzip(&std::fs::read(folder.join(shards::MANIFEST_FILE)).unwrap());
    let mut lib = Library::open(&manifest, None).unwrap();
    for q in QUERIES {
        let page = page_hits(&mut lib, Some(&folder), q);
        assert_same(cli_hits(Some("split"), q), page, q, "split");
    }
}
