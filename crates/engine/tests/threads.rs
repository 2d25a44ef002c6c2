//! A build spreads its per-report and per-shard work over threads (`par`); what it writes
//! must not depend on how many. Its own test binary: it sets `DISPATCHES_THREADS`, which
//! every map of the process reads.

use dispatches_engine::shards::{self, CardSizing, Sizing};
use std::path::Path;

/// The seeds cut into shards of a few hundred bytes, cards apart, so every kind of shard
/// comes in runs of several.
const SMALL: Sizing = Sizing {
    dictionary: 200,
    postings: 300,
    positions: 300,
    group: 2_000,
    cards: Some(CardSizing { shard: 1_500, text: 420, quoted_widely: 1 }),
    ids_per_shard: 2,
    speakers: 300,
    said: 300,
    trails: Some(600),
};

fn build_on(threads: &str) -> (Vec<String>, shards::ShardSet) {
    std::env::set_var("DISPATCHES_THREADS", threads);
    let corpus = dispatches_engine::corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds load");
    let ids = corpus.articles.iter().map(|a| a.id.clone()).collect();
    (ids, shards::build(corpus, SMALL, |b| b.to_vec()))
}

#[test]
fn the_shards_are_the_same_on_one_thread_or_several() {
    let (ids, one) = build_on("1");
    assert!(one.files.len() > 20, "small shards: {} files", one.files.len());
    for threads in ["2", "7"] {
        let (ids_n, many) = build_on(threads);
        assert_eq!(ids_n, ids, "{threads} threads: corpus order");
        assert_eq!(many.manifest_bytes, one.manifest_bytes, "{threads} threads: manifest");
        assert_eq!(many.files, one.files, "{threads} threads: shard files, in order");
    }
}
