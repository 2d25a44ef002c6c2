//! Shared by the search test files: the seeds, loaded and indexed once per test binary.

use dispatches_engine::search::SearchIndex;
use dispatches_engine::Corpus;
use std::path::Path;
use std::sync::OnceLock;

pub fn seeds() -> &'static (Corpus, SearchIndex) {
    static SEEDS: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let corpus = dispatches_engine::corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds load");
        let index = SearchIndex::build(&corpus);
        (corpus, index)
    })
}
