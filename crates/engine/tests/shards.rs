//! The sharded corpus answers exactly as the whole index does, in both layouts: with every
//! shard at hand (inline) and fetching what each read names (split), with shards cut small so
//! every query crosses several of them.

mod search_support;

use dispatches_engine::search::{SearchRequest, Sort};
use dispatches_engine::shards::{self, Library, Need, Sizing};
use dispatches_engine::Date;
use std::collections::HashMap;

const TINY: Sizing = Sizing { dictionary: 200, postings: 300, group: 2_000, cards: None, ids_per_shard: 2 };

fn shard_set() -> shards::ShardSet {
    let (corpus, _) = search_support::seeds();
    shards::build(corpus.clone(), TINY, |b| b.to_vec())
}

fn inline_library(set: &shards::ShardSet) -> Library {
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    Library::open(&set.manifest_bytes, Some(Box::new(move |n: &str| files.get(n).cloned()))).unwrap()
}

/// Answers a read the way the page does: fetch what it names, provide it, ask again.
fn fetching<T>(lib: &mut Library, files: &HashMap<String, Vec<u8>>, mut read: impl FnMut(&mut Library) -> Result<T, Need>, rounds: &mut usize) -> T {
    lib.begin();
    loop {
        match read(lib) {
            Ok(x) => return x,
            Err(Need::Fetch(refs)) => {
                *rounds += 1;
                assert!(*rounds < 1000, "a read must not ask forever");
                for r in refs {
                    lib.provide(&r.name, &files[&r.name]).unwrap();
                }
            }
            Err(Need::Broken(e)) => panic!("{e}"),
        }
    }
}

const QUERIES: &[&str] = &[
    "", "aleppo", "aleppo evacuation", "\"hellish corner\"", "evac", "egelund", "syria -turkey", "aleppo OR mosul", "the", "civilians killed",
    "rebel", "un", "u.n.", "ceasefire", "Assad regime forces", "zzzz", "s", "hospita", "\"we are about to die\"", "humanitarian -aid",
    // Acronyms: the known list, and those the seeds define ("Islamic State (IS)"), which the
    // split layout reads from its manifest.
    "UN ", "U.N. aid", "united nations ", "IS ", "islamic state ", "SAA ",
];

fn requests() -> Vec<SearchRequest> {
    let mut out = Vec::new();
    for q in QUERIES {
        for sort in [Sort::Relevance, Sort::Newest] {
            out.push(SearchRequest { query: q.to_string(), sort, limit: Some(3), ..Default::default() });
        }
        out.push(SearchRequest { query: q.to_string(), outlets: vec!["TIME".into()], from: Date::parse("2016-12-12").ok(), limit: None, ..Default::default() });
    }
    out
}

#[test]
fn the_shards_are_small_and_many() {
    let set = shard_set();
    let m = &set.manifest;
    assert!(m.dictionary.len() > 10 && m.postings.len() > 10 && m.groups.len() >= 3, "{} {} {}", m.dictionary.len(), m.postings.len(), m.groups.len());
    let names: std::collections::HashSet<&str> = set.files.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(names.len(), set.files.len(), "names are unique");
    assert!(m.shards().all(|s| names.contains(s.name.as_str())));
}

#[test]
fn inline_and_split_search_like_the_whole_index() {
    let (corpus, index) = search_support::seeds();
    let set = shard_set();
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let mut inline = inline_library(&set);
    let mut split = Library::open(&set.manifest_bytes, None).unwrap().with_budget(4_000);
    let mut rounds = 0;
    for req in requests() {
        let want = index.search(corpus, &req);
        inline.begin();
        assert_eq!(inline.search(&req).unwrap(), want, "inline: {req:?}");
        let got = fetching(&mut split, &files, |l| l.search(&req), &mut rounds);
        assert_eq!(got, want, "split: {req:?}");
    }
    assert!(split.cached_bytes() < 40_000, "the cache stays near its bound: {}", split.cached_bytes());
}

#[test]
fn articles_ids_and_speakers_come_from_their_shards() {
    let (corpus, _) = search_support::seeds();
    let set = shard_set();
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let mut split = Library::open(&set.manifest_bytes, None).unwrap();
    let mut rounds = 0;
    for (d, a) in corpus.articles.iter().enumerate() {
        let n = fetching(&mut split, &files, |l| l.number_of(&a.id), &mut rounds);
        assert_eq!(n, Some(d));
        let g = fetching(&mut split, &files, |l| l.article(d), &mut rounds);
        assert_eq!(g.article(d), Some(a));
    }
    assert_eq!(fetching(&mut split, &files, |l| l.number_of("no-such-report"), &mut rounds), None);
    // Every article once, each group once.
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let groups = fetching(&mut split, &files, |l| l.articles(&all), &mut rounds);
    assert_eq!(groups.iter().map(|g| g.group.articles.len()).sum::<usize>(), corpus.articles.len());
    let speakers = fetching(&mut split, &files, |l| l.speakers(), &mut rounds);
    let egeland = speakers.speakers.iter().find(|s| s.name == "Jan Egeland").expect("Jan Egeland is quoted");
    for &packed in &egeland.quotes {
        let (d, k) = shards::library::unpack_quote(packed);
        let g = fetching(&mut split, &files, |l| l.article(d), &mut rounds);
        let q = &g.quotes(d)[k];
        assert_eq!(speakers.speakers[q.speaker.unwrap()].name, "Jan Egeland");
    }
}

#[test]
fn a_shard_of_another_build_or_damaged_is_refused() {
    let set = shard_set();
    let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
    let (name, bytes) = &set.files[0];
    assert!(lib.provide("dict-0000000000000000.bin", bytes).unwrap_err().contains("not a shard of this build"));
    let mut damaged = bytes.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert!(lib.provide(name, &damaged).unwrap_err().contains("does not match"));
    assert!(lib.provide(name, &bytes[..bytes.len() / 2]).is_err());
    lib.provide(name, bytes).unwrap();
    assert!(Library::open(&bytes[..3], None).is_err());
}

/// The split layout's result cards: with room for every block they give exactly the whole
/// index's snippets; with a card's usual budget the ranking, counts and facets are the same,
/// and every snippet is the article's own text at its offset, with its marks inside it (and
/// marks whenever the whole article's snippet has them).
#[test]
fn cards_snippet_like_the_whole_index_from_less_text() {
    let (corpus, index) = search_support::seeds();
    for (text, exact) in [(1_000_000, true), (420, false)] {
        let sizing = Sizing { cards: Some(shards::CardSizing { shard: 3_000, text }), ..TINY };
        let set = shards::build(corpus.clone(), sizing, |b| b.to_vec());
        assert!(set.manifest.cards.len() >= 2, "cards are cut into several shards");
        let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
        let mut split = Library::open(&set.manifest_bytes, None).unwrap();
        let mut rounds = 0;
        for req in requests() {
            let want = index.search(corpus, &req);
            let got = fetching(&mut split, &files, |l| l.search(&req), &mut rounds);
            let ranked = |r: &dispatches_engine::search::SearchResults| r.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>();
            assert_eq!(ranked(&got), ranked(&want), "{req:?}");
            assert_eq!((got.total, &got.outlet_facets, &got.day_facets, &got.terms), (want.total, &want.outlet_facets, &want.day_facets, &want.terms));
            for (g, w) in got.hits.iter().zip(&want.hits) {
                let a = &corpus.articles[g.article];
                let s = &g.snippet;
                assert_eq!(a.text.get(s.start as usize..s.start as usize + s.text.len()), Some(s.text.as_str()), "{req:?}: snippet of {}", a.id);
                assert!(s.matches.iter().all(|&(x, y)| x < y && y as usize <= s.text.len()));
                if exact {
                    assert_eq!(g.snippet, w.snippet, "{req:?}: snippet of {}", a.id);
                }
                // Never a result without the words searched for shown: in the snippet, or
                // (the card's opening then standing in) marked in the headline.
                let in_headline = !dispatches_engine::search::highlight_terms(&a.meta.headline, &got.terms).is_empty();
                assert!(!g.snippet.matches.is_empty() || w.snippet.matches.is_empty() || in_headline, "{req:?}: snippet of {}", a.id);
            }
        }
        // A card's kept quotations are the article's, numbered as in the article.
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let cards = fetching(&mut split, &files, |l| l.cards(&all), &mut rounds);
        let groups = fetching(&mut split, &files, |l| l.articles(&all), &mut rounds);
        let mut kept = 0;
        for (d, card) in all.iter().zip(&cards) {
            let whole = groups.iter().find(|g| g.article(*d).is_some()).unwrap();
            assert_eq!(card.quotes(*d).len(), whole.quotes(*d).len());
            for (c, q) in card.quotes(*d).iter().zip(whole.quotes(*d)) {
                if c.span.end > c.span.start {
                    assert_eq!(c, q);
                    assert_eq!(card.article(*d).unwrap().slice(c.span), corpus.articles[*d].slice(q.span));
                    kept += 1;
                }
            }
        }
        assert!(kept > 0, "cards keep some quotations");
    }
}
