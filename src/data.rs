//! The corpus, compiled into the wasm by build.rs in the sharded format's inline layout, and
//! read through the engine's [`Library`] — the reader the CLI uses too, so the page and
//! `dispatches search` rank alike.
//!
//! The components still read whole articles and quotations synchronously, so the articles and
//! the quotation index are laid out once from the library's article groups at start-up
//! (cheap for the small corpora the inline layout is for); every search goes through
//! [`Library::search`].

use dispatches_engine::model::Corpus;
use dispatches_engine::quotes::{Quote, QuoteIndex, Speaker};
use dispatches_engine::search::{SearchRequest, SearchResults};
use dispatches_engine::shards::library::unpack_quote;
use dispatches_engine::shards::{Library, Need};
use std::cell::RefCell;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The corpus as the components read it.
pub struct Data {
    library: RefCell<Library>,
    pub corpus: Corpus,
    pub quotes: QuoteIndex,
}

impl Data {
    /// Runs a search through the library.
    pub fn search(&self, req: &SearchRequest) -> SearchResults {
        let mut library = self.library.borrow_mut();
        library.begin();
        match library.search(req) {
            Ok(results) => results,
            // The inline layout holds every shard: only a broken build gets here.
            Err(Need::Broken(e)) => {
                gloo::console::error!(format!("search: {e}"));
                SearchResults::default()
            }
            Err(Need::Fetch(refs)) => {
                gloo::console::error!(format!("search: {} shards missing from the embedded corpus", refs.len()));
                SearchResults::default()
            }
        }
    }
}

thread_local! {
    static DATA: &'static Data = Box::leak(Box::new(open().unwrap_or_else(|e| panic!("embedded corpus: {e}"))));
}

/// The decoded corpus. A blob that fails to decode is a build bug, not user input: panicking
/// (with the reason) is right, as nothing can be shown without it.
pub fn bundle() -> &'static Data {
    DATA.with(|d| *d)
}

fn open() -> Result<Data, String> {
    let mut library = Library::inline(CORPUS_BYTES)?;
    let broken = |n: Need| match n {
        Need::Broken(e) => e,
        Need::Fetch(r) => format!("{} shards missing", r.len()),
    };
    let all: Vec<usize> = (0..library.len()).collect();
    let groups = library.articles(&all).map_err(broken)?;
    let speakers = library.speakers().map_err(broken)?;
    let mut articles = Vec::with_capacity(all.len());
    let mut quotes: Vec<Quote> = Vec::new();
    // Global number of each article's first quotation.
    let mut first_quote = Vec::with_capacity(all.len());
    for g in &groups {
        for (i, article) in g.group.articles.iter().enumerate() {
            let d = g.group.first as usize + i;
            let base = quotes.len();
            first_quote.push(base);
            quotes.extend(g.quotes(d).iter().cloned().map(|mut q| {
                q.repeat_of = q.repeat_of.map(|r| base + r);
                q
            }));
            articles.push(article.clone());
        }
    }
    let speakers: Vec<Speaker> = speakers
        .speakers
        .iter()
        .map(|s| {
            let mut s = s.clone();
            s.quotes = s.quotes.iter().map(|&p| unpack_quote(p)).filter_map(|(d, k)| first_quote.get(d).map(|b| b + k)).collect();
            s
        })
        .collect();
    let info = library.info().clone();
    Ok(Data { library: RefCell::new(library), corpus: Corpus { info, articles }, quotes: QuoteIndex { quotes, speakers } })
}
