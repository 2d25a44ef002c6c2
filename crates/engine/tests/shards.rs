//! The sharded corpus answers exactly as the whole index does, in both layouts: with every
//! shard at hand (inline) and fetching what each read names (split), with shards cut small so
//! every query crosses several of them.

mod search_support;

use dispatches_engine::search::{SearchRequest, Sort};
use dispatches_engine::shards::{self, Library, Need, Sizing};
use dispatches_engine::Date;
use std::collections::HashMap;

const TINY: Sizing = Sizing { dictionary: 200, postings: 300, positions: 300, group: 2_000, cards: None, ids_per_shard: 2, speakers: 300, said: 300, trails: None };

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
    let egeland = fetching(&mut split, &files, |l| l.speaker_named("Jan Egeland"), &mut rounds).expect("Jan Egeland is quoted");
    let (_, speaker) = fetching(&mut split, &files, |l| l.speakers(&[egeland]), &mut rounds).pop().unwrap();
    assert_eq!(speaker.name, "Jan Egeland");
    for &packed in &speaker.quotes {
        let (d, k) = shards::library::unpack_quote(packed);
        let g = fetching(&mut split, &files, |l| l.article(d), &mut rounds);
        // A report's quotations number their speakers in its own list, which names them.
        let q = &g.quotes(d)[k];
        assert_eq!(q.speaker.and_then(|s| g.speakers(d).get(s)).map(|s| s.1.as_str()), Some("Jan Egeland"));
    }
}

/// A speaker's page reads what they said from its own runs, never the reports' articles:
/// the same words, roles, ids and headlines as the articles give, for every quotation of
/// every speaker, in both layouts, the runs cut small enough to split speakers.
#[test]
fn what_speakers_said_comes_from_its_runs_as_the_articles_give_it() {
    let set = shard_set();
    assert!(set.manifest.speakers.said.len() > 3, "cut small: {} runs", set.manifest.speakers.said.len());
    assert!(set.manifest.speakers.said.windows(2).any(|w| w[0].0 == w[1].0), "some run starts inside a speaker's list");
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let mut split = Library::open(&set.manifest_bytes, None).unwrap();
    let mut inline = inline_library(&set);
    let mut rounds = 0;
    let mut checked = 0;
    for number in 0..split.speaker_count() {
        let (_, speaker) = fetching(&mut split, &files, |l| l.speakers(&[number]), &mut rounds).pop().unwrap();
        // Asked out of order, as a page grouped by outlet asks.
        let indexes: Vec<usize> = (0..speaker.quotes.len()).rev().collect();
        let before = rounds;
        let said = fetching(&mut split, &files, |l| l.said(number, &indexes), &mut rounds);
        assert!(rounds - before <= 1, "one round");
        assert_eq!(said, inline.said(number, &indexes).unwrap());
        for (&i, got) in indexes.iter().zip(&said) {
            let (d, k) = shards::library::unpack_quote(speaker.quotes[i]);
            let g = fetching(&mut split, &files, |l| l.article(d), &mut rounds);
            let (article, q) = (g.article(d).unwrap(), &g.quotes(d)[k]);
            assert_eq!(got.said.article as usize, d);
            assert_eq!((got.id.as_str(), got.headline.as_str()), (article.id.as_str(), article.meta.headline.as_str()));
            assert_eq!(got.said.text, article.text[q.span.range()].trim_end_matches([',', ' ']));
            let role = q.role.clone().or_else(|| q.speaker.and_then(|s| g.speakers(d).get(s)).and_then(|s| s.2.clone()));
            assert_eq!(got.said.role, role, "{} in {}", speaker.name, article.id);
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked} quotations");
    // A quotation the speaker does not have is an error, not a silent gap.
    let n = split.speaker_count() - 1;
    assert!(matches!(inline.said(n, &[10_000]), Err(Need::Broken(_))));
}

/// Who said what read page by page and name by name equals the speaker index built whole.
#[test]
fn speakers_come_in_rank_pages_and_by_name() {
    let (corpus, _) = search_support::seeds();
    let index = dispatches_engine::quotes::QuoteIndex::build(&corpus);
    let set = shard_set();
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let dir = &set.manifest.speakers;
    assert!(dir.pages.len() > 2 && dir.names.len() > 2, "cut small, the speakers take several shards: {} pages, {} name shards", dir.pages.len(), dir.names.len());
    let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
    let mut rounds = 0;
    assert_eq!(lib.speaker_count(), index.speakers.len());
    // Rank order, screen by screen, with nothing fetched twice in one screen.
    let mut ranked = Vec::new();
    while ranked.len() < lib.speaker_count() {
        let start = ranked.len();
        ranked.extend(fetching(&mut lib, &files, |l| l.speakers_ranked(start, 7), &mut rounds).into_iter().map(|(_, s)| s.name));
    }
    let want: Vec<String> = index.speakers.iter().map(|s| s.name.clone()).collect();
    assert_eq!(ranked, want);
    assert!(fetching(&mut lib, &files, |l| l.speakers_ranked(10_000, 5), &mut rounds).is_empty());
    // By name: every speaker once, in name order.
    let mut by_name = Vec::new();
    for i in 0..lib.name_shard_count() {
        by_name.extend(fetching(&mut lib, &files, |l| l.speakers_by_name(i), &mut rounds).into_iter().map(|e| (shards::speakers::words_joined(&e.name), e.number)));
    }
    let mut sorted = by_name.clone();
    sorted.sort();
    assert_eq!(by_name, sorted);
    assert_eq!(by_name.len(), index.speakers.len());
    // Found by any word of the name or an alias, its start typed, or several words.
    for (n, s) in index.speakers.iter().enumerate() {
        for form in std::iter::once(&s.name).chain(&s.aliases) {
            let words = dispatches_engine::search::names::folded_name(form);
            for w in &words {
                let typed: String = w.chars().take(3).collect();
                if typed.chars().count() < 2 {
                    continue;
                }
                let found = fetching(&mut lib, &files, |l| l.speakers_named(std::slice::from_ref(&typed)), &mut rounds);
                assert!(found.iter().any(|e| e.number as usize == n), "{typed:?} finds {}", s.name);
                assert!(found.windows(2).all(|p| p[0].quotes >= p[1].quotes), "most quoted first");
            }
            let found = fetching(&mut lib, &files, |l| l.speakers_named(&words), &mut rounds);
            assert!(found.iter().any(|e| e.number as usize == n), "{form:?} finds {}", s.name);
        }
        if s.kind != dispatches_engine::quotes::SpeakerKind::Unnamed {
            assert_eq!(fetching(&mut lib, &files, |l| l.speaker_named(&s.name.to_uppercase()), &mut rounds), Some(n), "{}", s.name);
        }
    }
    assert_eq!(fetching(&mut lib, &files, |l| l.speaker_named("Nobody Atall"), &mut rounds), None);
    // A letter's name shards fetched ahead answer any two letters starting with it.
    for s in &index.speakers {
        let Some(word) = dispatches_engine::search::names::folded_name(&s.name).into_iter().find(|w| w.chars().count() >= 2) else { continue };
        let mut fresh = Library::open(&set.manifest_bytes, None).unwrap();
        let first = word.chars().next().unwrap();
        for r in fresh.name_shards_ahead(first) {
            fresh.provide(&r.name, &files[&r.name]).unwrap();
        }
        let typed: String = word.chars().take(2).collect();
        assert!(fresh.speakers_named(&[typed.clone()]).is_ok(), "{typed:?} answers from the shards of {first:?}");
        assert!(fresh.name_shards_ahead(first).is_empty());
    }
    assert!(fetching(&mut lib, &files, |l| l.speakers_named(&["e".to_string()]), &mut rounds).is_empty(), "one letter names nobody");
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
        let sizing = Sizing { cards: Some(shards::CardSizing { shard: 3_000, text, quoted_widely: 1 }), ..TINY };
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
                    // As much of it as a result shows (a long quotation is kept that far).
                    let (got, want) = (card.article(*d).unwrap().slice(c.span), corpus.articles[*d].slice(q.span));
                    let mut n = want.len().min(shards::cards::QUOTE_SHOWN_MAX + 1);
                    while !want.is_char_boundary(n) {
                        n -= 1;
                    }
                    assert_eq!(got.get(..n), Some(&want[..n]), "quotation {} of {}", q.span.start, corpus.articles[*d].id);
                    kept += 1;
                }
            }
        }
        assert!(kept > 0, "cards keep some quotations");
    }
}

/// A card keeps a quotation of every widely quoted named speaker of its report (as much as a
/// result shows), so a search naming one shows their words without reading whole reports:
/// checked for every such speaker of the seeds, and against cards that keep none. A name
/// still being typed reads no whole report for them.
#[test]
fn a_search_naming_a_widely_quoted_speaker_reads_their_words_from_the_cards() {
    let (corpus, _) = search_support::seeds();
    let quotes = dispatches_engine::quotes::QuoteIndex::build(corpus);
    let build = |quoted_widely| {
        let sizing = Sizing { cards: Some(shards::CardSizing { shard: 3_000, text: 420, quoted_widely }), ..TINY };
        let set = shards::build(corpus.clone(), sizing, |b| b.to_vec());
        let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
        (set, files)
    };
    let (keeping, keeping_files) = build(1);
    let (none, none_files) = build(u32::MAX);
    let mut lib = Library::open(&keeping.manifest_bytes, None).unwrap();
    let mut rounds = 0;
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let cards = fetching(&mut lib, &keeping_files, |l| l.cards(&all), &mut rounds);
    let mut surnames: Vec<String> = Vec::new();
    for (d, card) in all.iter().zip(&cards) {
        let listed = |s: usize| quotes.quotes.iter().any(|q| q.article == *d && q.speaker == Some(s) && q.kind.is_speech() && q.repeat_of.is_none());
        let mut named: Vec<usize> = quotes.quotes.iter().filter(|q| q.article == *d).filter_map(|q| q.speaker).collect();
        named.sort_unstable();
        named.dedup();
        for s in named.into_iter().filter(|&s| quotes.speakers[s].kind != dispatches_engine::quotes::SpeakerKind::Unnamed && listed(s)) {
            let theirs = |q: &dispatches_engine::quotes::Quote| q.speaker.and_then(|k| card.speakers(*d).get(k)).is_some_and(|x| x.1 == quotes.speakers[s].name);
            assert!(card.quotes(*d).iter().any(|q| theirs(q) && q.span.end > q.span.start), "the card of {} keeps a quotation of {}", corpus.articles[*d].id, quotes.speakers[s].name);
            surnames.extend(quotes.speakers[s].name.split_whitespace().last().filter(|w| w.chars().count() >= 3).map(str::to_string));
        }
    }
    surnames.sort();
    surnames.dedup();
    assert!(surnames.len() >= 3, "the seeds name several speakers: {surnames:?}");
    // Searching each: whole reports are read only where the cards that keep nothing read them.
    let groups_read = |set: &shards::ShardSet, files: &HashMap<String, Vec<u8>>, q: &str| {
        let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
        let req = SearchRequest { query: q.to_string(), limit: Some(10), ..Default::default() };
        lib.begin();
        let mut read = 0;
        loop {
            match lib.search(&req) {
                Ok(_) => return read,
                Err(Need::Fetch(refs)) => refs.iter().for_each(|r| {
                    read += usize::from(r.name.starts_with("articles-"));
                    lib.provide(&r.name, &files[&r.name]).unwrap();
                }),
                Err(Need::Broken(e)) => panic!("{e}"),
            }
        }
    };
    let (mut with, mut without) = (0, 0);
    for q in &surnames {
        let (a, b) = (groups_read(&keeping, &keeping_files, q), groups_read(&none, &none_files, q));
        assert!(a <= b, "{q}: {a} article groups read, {b} by cards that keep no quotation");
        (with, without) = (with + a, without + b);
    }
    assert!(with < without, "fewer whole reports read: {with} against {without}");
    // A name still being typed reads no report for its speakers' quotations (the hits list
    // what the cards hold): whether the cards keep any changes nothing.
    let mut typed = 0;
    for q in surnames.iter().filter(|q| q.chars().count() >= 4) {
        let prefix: String = q.chars().take(q.chars().count() - 1).collect();
        let (a, b) = (groups_read(&keeping, &keeping_files, &prefix), groups_read(&none, &none_files, &prefix));
        assert_eq!(a, b, "{prefix:?}: reports read for its matches only");
        typed += 1;
    }
    assert!(typed >= 2, "names long enough to type: {surnames:?}");
}

/// The overview of a search's matches: every match (no snippets), and the people quoted in
/// the most of them, counted as the speaker index counts them.
#[test]
fn people_quoted_in_the_matches() {
    let (corpus, index) = search_support::seeds();
    let quotes = dispatches_engine::quotes::QuoteIndex::build(&corpus);
    let set = shard_set();
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
    let mut rounds = 0;
    for q in ["aleppo", "egeland", "civilians killed", "zzzz", ""] {
        let req = SearchRequest { query: q.to_string(), sort: Sort::Newest, limit: None, ..Default::default() };
        let want: Vec<usize> = index.search(corpus, &req).hits.iter().map(|h| h.article).collect();
        let got = fetching(&mut lib, &files, |l| l.matching(&SearchRequest { limit: Some(1), sort: Sort::Relevance, ..req.clone() }), &mut rounds);
        assert_eq!(got, want, "{q:?}: every match, newest first, whatever the request's limit and order");
        // Named speakers by number of matching articles quoting them.
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &d in &got {
            let mut seen: Vec<usize> = quotes.quotes.iter().filter(|x| x.article == d && x.kind != dispatches_engine::quotes::QuoteKind::Scare).filter_map(|x| x.speaker).collect();
            seen.sort_unstable();
            seen.dedup();
            for s in seen.into_iter().filter(|&s| quotes.speakers[s].kind != dispatches_engine::quotes::SpeakerKind::Unnamed) {
                *counts.entry(s).or_default() += 1;
            }
        }
        let mut want: Vec<(usize, usize)> = counts.into_iter().collect();
        want.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        want.truncate(5);
        let top = fetching(&mut lib, &files, |l| l.quoted_in(&got, 5), &mut rounds);
        assert_eq!(top, want, "{q:?}");
    }
}

/// While one letter is typed, its dictionary is fetched ahead: the second letter's search then
/// needs postings only.
#[test]
fn a_letter_being_typed_fetches_its_dictionary_ahead() {
    let set = shard_set();
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let dictionary: Vec<&str> = set.manifest.dictionary.iter().map(|t| t.shard.name.as_str()).collect();
    let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
    assert!(lib.ahead_of_typing("aleppo ").is_empty(), "nothing is being typed");
    assert!(lib.ahead_of_typing("aleppo ev").is_empty(), "two letters are searched, not fetched ahead");
    let ahead = lib.ahead_of_typing("aleppo e");
    assert!(!ahead.is_empty() && ahead.iter().all(|r| dictionary.contains(&r.name.as_str())));
    for r in &ahead {
        lib.provide(&r.name, &files[&r.name]).unwrap();
    }
    assert!(lib.ahead_of_typing("aleppo e").is_empty(), "fetched once");
    let req = SearchRequest { query: "ev".into(), limit: Some(3), ..Default::default() };
    match lib.search(&req) {
        Err(Need::Fetch(refs)) => assert!(refs.iter().all(|r| !dictionary.contains(&r.name.as_str())), "only postings left: {refs:?}"),
        other => panic!("the postings are still to fetch: {other:?}"),
    }
    assert!(inline_library(&set).ahead_of_typing("aleppo e").is_empty(), "inline: everything is at hand");
}

/// The seeds cut into small shards, cards apart (as the split layout cuts a large corpus),
/// with their files by name.
fn seeds_with_cards() -> (&'static dispatches_engine::Corpus, &'static dispatches_engine::search::SearchIndex, shards::ShardSet, HashMap<String, Vec<u8>>) {
    let (corpus, index) = search_support::seeds();
    let sizing = Sizing { cards: Some(shards::CardSizing { shard: 3_000, text: 420, quoted_widely: 1 }), ..TINY };
    let set = shards::build(corpus.clone(), sizing, |b| b.to_vec());
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    (corpus, index, set, files)
}

/// A search, fetching what it asks for, with the names of each round's files.
fn search_by_rounds(lib: &mut Library, files: &HashMap<String, Vec<u8>>, req: &SearchRequest) -> (dispatches_engine::search::SearchResults, Vec<Vec<String>>) {
    let mut rounds: Vec<Vec<String>> = Vec::new();
    lib.begin();
    loop {
        match lib.search(req) {
            Ok(got) => return (got, rounds),
            Err(Need::Fetch(refs)) => {
                rounds.push(refs.iter().map(|r| r.name.clone()).collect());
                refs.iter().for_each(|r| lib.provide(&r.name, &files[&r.name]).unwrap());
            }
            Err(Need::Broken(e)) => panic!("{e}"),
        }
    }
}

#[test]
fn a_short_prefix_being_typed_fetches_its_hits_cards_with_its_postings() {
    // The lone letter before it fetched the dictionary (`ahead_of_typing`); the dictionary's
    // typing hints name the prefix's first hits, so their cards come with the postings and
    // only a hit whose card lacks its matches costs another round (for its article).
    let (corpus, index, set, files) = seeds_with_cards();
    let (mut tried, mut one_round) = (0, 0);
    for q in ["al", "ev", "ci", "re", "hu", "sy", "Ru", "fo", "ale", "eva", "reb"] {
        let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
        for r in lib.ahead_of_typing(&q[..1]) {
            lib.provide(&r.name, &files[&r.name]).unwrap();
        }
        let req = SearchRequest { query: q.into(), limit: Some(dispatches_engine::search::TYPING_HINT_HITS), ..Default::default() };
        let (got, rounds) = search_by_rounds(&mut lib, &files, &req);
        let want = index.search(corpus, &req);
        assert_eq!(got.hits.iter().map(|h| h.article).collect::<Vec<_>>(), want.hits.iter().map(|h| h.article).collect::<Vec<_>>(), "{q:?}");
        if !want.hits.is_empty() {
            tried += 1;
            assert!(rounds.len() <= 2 && rounds.iter().skip(1).flatten().all(|n| n.starts_with("articles-")), "{q:?}: {rounds:?}");
            one_round += usize::from(rounds.len() == 1);
            // The hits' cards come in one file, the prefix family's typing cards, not a card
            // shard per hit.
            assert_eq!(rounds[0].iter().filter(|n| n.starts_with("typing-")).count(), 1, "{q:?}: {rounds:?}");
            assert!(rounds.iter().flatten().all(|n| !n.starts_with("cards-")), "{q:?}: {rounds:?}");
        }
        // Filtered, the hint does not apply: its hits' cards are fetched after the ranking.
        let filtered = SearchRequest { outlets: vec!["TIME".into()], ..req.clone() };
        let mut rounds = 0;
        let got = fetching(&mut Library::open(&set.manifest_bytes, None).unwrap(), &files, |l| l.search(&filtered), &mut rounds);
        assert_eq!(got.hits.iter().map(|h| h.article).collect::<Vec<_>>(), index.search(corpus, &filtered).hits.iter().map(|h| h.article).collect::<Vec<_>>(), "{q:?} in TIME");
    }
    assert!(tried >= 5 && one_round >= 3, "most of the prefixes match, most in one round ({one_round} of {tried})");
}

#[test]
fn a_common_word_searched_cold_reads_its_hits_cards_in_one_file() {
    // The build also ranks the prefixes of the corpus's commonest words from the fourth letter
    // on, the whole word included: a reader who searches one of them (or types it) reads the
    // cards of its first page in its family's typing-cards file, not a card shard per hit.
    let (corpus, index, set, files) = seeds_with_cards();
    let long: Vec<String> = index.typing_hints().into_iter().map(|(k, _)| k).filter(|k| k.chars().count() >= 4).collect();
    assert!(long.len() >= 20, "the seeds' commonest words have hints from their fourth letter on: {long:?}");
    let words: Vec<&String> = long.iter().filter(|k| index.document_frequency(k).is_some()).take(25).collect();
    assert!(words.len() >= 10, "whole words among them: {words:?}");
    for word in words {
        let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
        let req = SearchRequest { query: word.clone(), limit: Some(dispatches_engine::search::TYPING_HINT_HITS), ..Default::default() };
        let (got, rounds) = search_by_rounds(&mut lib, &files, &req);
        let want = index.search(corpus, &req);
        let ranked = |r: &dispatches_engine::search::SearchResults| r.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>();
        assert_eq!(ranked(&got), ranked(&want), "{word:?}");
        assert!(!want.hits.is_empty(), "{word:?}");
        // Snippets cut from the typing cards, as from card shards: the words searched for shown.
        for (g, w) in got.hits.iter().zip(&want.hits) {
            let a = &corpus.articles[g.article];
            let in_headline = !dispatches_engine::search::highlight_terms(&a.meta.headline, &got.terms).is_empty();
            assert!(!g.snippet.matches.is_empty() || w.snippet.matches.is_empty() || in_headline, "{word:?}: snippet of {}", a.id);
        }
        assert_eq!(rounds.iter().flatten().filter(|n| n.starts_with("typing-")).count(), 1, "{word:?}: {rounds:?}");
        assert!(rounds.iter().flatten().all(|n| !n.starts_with("cards-")), "{word:?}: {rounds:?}");
        assert!(rounds.len() <= 3, "{word:?}: dictionary (and guessed postings), then cards: {rounds:?}");
        // The manifest lists the families with typing cards: the word's is fetched with its
        // dictionary (so when the postings were guessed right and the cards hold the matches,
        // the first page is one round).
        assert!(rounds[0].iter().any(|n| n.starts_with("typing-")), "{word:?}: {rounds:?}");
        // With a word excluded it has no hint, but it is still the one word searched: its
        // family's file is guessed in the first round too.
        let excluding = SearchRequest { query: format!("{word} -qqqq"), ..req.clone() };
        let (got, rounds) = search_by_rounds(&mut Library::open(&set.manifest_bytes, None).unwrap(), &files, &excluding);
        assert_eq!(ranked(&got), ranked(&index.search(corpus, &excluding)), "{excluding:?}");
        assert!(rounds[0].iter().any(|n| n.starts_with("typing-")), "{excluding:?}: {rounds:?}");
    }
    // Two words searched together rank other reports first: no typing file is guessed.
    let two = SearchRequest { query: "aleppo rebels".into(), limit: Some(10), ..Default::default() };
    let (_, rounds) = search_by_rounds(&mut Library::open(&set.manifest_bytes, None).unwrap(), &files, &two);
    assert!(rounds[0].iter().all(|n| !n.starts_with("typing-")), "{rounds:?}");
}

#[test]
fn a_search_waiting_for_its_cards_is_not_mistaken_for_another() {
    // A search that stopped to fetch its hits' cards keeps its ranking for the round that
    // delivers them; a different request in between (the next keystroke) must rank its own.
    let (corpus, index, set, files) = seeds_with_cards();
    let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
    let req = |q: &str, outlets: &[&str]| SearchRequest { query: q.into(), limit: Some(10), outlets: outlets.iter().map(|o| o.to_string()).collect(), ..Default::default() };
    let ids = |r: &dispatches_engine::search::SearchResults| r.hits.iter().map(|h| h.article).collect::<Vec<_>>();
    let mut stopped_for_cards = 0;
    // (Two words: a common word alone has a typing hint, and its cards come with its postings.)
    for (first, then) in [(req("aleppo rebels", &[]), req("evacuation", &[])), (req("aleppo rebels", &[]), req("aleppo rebels", &["TIME"])), (req("rebel forces", &[]), req("rebels", &[]))] {
        // Fetch until the first request's only missing shards are its cards, then leave it.
        loop {
            match lib.search(&first) {
                // (Card shards, or the typing cards of a common word.)
                Err(Need::Fetch(refs)) if refs.iter().all(|r| r.name.starts_with("cards-") || r.name.starts_with("typing-")) => {
                    stopped_for_cards += 1;
                    break;
                }
                Err(Need::Fetch(refs)) => refs.iter().for_each(|r| lib.provide(&r.name, &files[&r.name]).unwrap()),
                Err(Need::Broken(e)) => panic!("{e}"),
                Ok(_) => break,
            }
        }
        let mut rounds = 0;
        assert_eq!(ids(&fetching(&mut lib, &files, |l| l.search(&then), &mut rounds)), ids(&index.search(corpus, &then)), "{then:?}");
        assert_eq!(ids(&fetching(&mut lib, &files, |l| l.search(&first), &mut rounds)), ids(&index.search(corpus, &first)), "{first:?}");
    }
    assert!(stopped_for_cards > 0, "some searches stopped for their cards (what is tested)");
}

/// A search whose dictionary is at hand (typed ahead, or read by the keystroke before) costs
/// at most two rounds of fetches: the postings of its terms, then its hits' cards together
/// with the whole articles of the hits whose cards, the postings' marks say, lack the words
/// searched for (their snippets come from the whole text).
#[test]
fn a_search_with_its_dictionary_at_hand_costs_two_rounds() {
    let (corpus, index, set, files) = seeds_with_cards();
    let dictionary: Vec<&str> = set.manifest.dictionary.iter().map(|t| t.shard.name.as_str()).collect();
    let mut whole = 0;
    for q in ["aleppo", "evac", "egeland", "civilians killed", "hospita", "rebel fighters", "ceasefire", "russia OR turkey", "Assad regime forces", "humanitarian -aid", "bombardment", "wounded"] {
        let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
        for n in &dictionary {
            lib.provide(n, &files[*n]).unwrap();
        }
        let req = SearchRequest { query: q.into(), limit: Some(10), ..Default::default() };
        let mut rounds = 0;
        let got = fetching(&mut lib, &files, |l| l.search(&req), &mut rounds);
        assert!(rounds <= 2, "{q:?}: {rounds} rounds");
        let want = index.search(corpus, &req);
        assert_eq!(got.hits.iter().map(|h| h.article).collect::<Vec<_>>(), want.hits.iter().map(|h| h.article).collect::<Vec<_>>(), "{q:?}");
        whole += got.hits.iter().filter(|h| lib.has_article(h.article)).count();
    }
    assert!(whole > 0, "some hits' cards lack their matches (what the marks are for)");
}

/// A common word's postings are stored without its positions, which most searches do not
/// rank by: a word alone (or being typed) reads postings only, and finds its snippet in the
/// text; a phrase, an acronym (its name is a phrase), or words whose proximity counts read
/// the positions of their common words too. A rare word keeps its few positions in its
/// postings: words found in one report only read no positions shard. All answer as the
/// whole index does.
#[test]
fn a_word_alone_reads_no_positions_a_phrase_or_two_words_do() {
    let (corpus, index, set, files) = seeds_with_cards();
    assert!(!set.manifest.positions.is_empty());
    assert_eq!(set.manifest.positions_apart_from, 2, "the seeds: words in two reports or more");
    let positions: std::collections::HashSet<&str> = set.manifest.positions.iter().map(|t| t.shard.name.as_str()).collect();
    for (q, sort, reads_positions) in [
        ("aleppo", Sort::Relevance, false),
        ("evac", Sort::Relevance, false),
        ("hospita", Sort::Relevance, false),
        ("civilians killed", Sort::Newest, false),
        ("civilians killed", Sort::Relevance, true),
        ("\"hellish corner\"", Sort::Relevance, true),
        ("aleppo -\"east aleppo\"", Sort::Newest, true),
        ("UN ", Sort::Relevance, true),
        ("colville imminent", Sort::Relevance, false),
        ("\"colville described\"", Sort::Relevance, true),
    ] {
        let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
        let req = SearchRequest { query: q.into(), sort, limit: Some(10), ..Default::default() };
        let mut read: Vec<String> = Vec::new();
        lib.begin();
        let got = loop {
            match lib.search(&req) {
                Ok(x) => break x,
                Err(Need::Fetch(refs)) => {
                    assert!(read.len() < 1000);
                    for r in refs {
                        lib.provide(&r.name, &files[&r.name]).unwrap();
                        read.push(r.name);
                    }
                }
                Err(Need::Broken(e)) => panic!("{e}"),
            }
        };
        assert_eq!(read.iter().any(|n| positions.contains(n.as_str())), reads_positions, "{q:?} {sort:?}: {read:?}");
        let want = index.search(corpus, &req);
        assert_eq!(got.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(), want.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(), "{q:?}");
        assert_eq!(got.total, want.total, "{q:?}");
    }
}

/// A reader that asks again as soon as a dictionary arrives (`Library::opens_more_reads`)
/// learns the next round's shards while the postings guessed with it are still on their way:
/// a cold search of common words names its positions then, not a round later. Shards given
/// one at a time, in any order, still give the whole index's answer.
#[test]
fn a_search_names_its_next_shards_once_its_dictionary_is_in() {
    let (corpus, index, set, files) = seeds_with_cards();
    let positions: std::collections::HashSet<&str> = set.manifest.positions.iter().map(|t| t.shard.name.as_str()).collect();
    let req = SearchRequest { query: "civilians killed".into(), sort: Sort::Relevance, limit: Some(10), ..Default::default() };
    let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
    lib.begin();
    let Err(Need::Fetch(first)) = lib.search(&req) else { panic!("a cold search fetches") };
    let dictionaries: Vec<&shards::ShardRef> = first.iter().filter(|r| lib.opens_more_reads(&r.name)).collect();
    assert!(!dictionaries.is_empty() && dictionaries.len() < first.len(), "the dictionary, and postings guessed with it: {first:?}");
    assert!(first.iter().all(|r| !positions.contains(r.name.as_str())), "positions are not guessed");
    for r in &dictionaries {
        lib.provide(&r.name, &files[&r.name]).unwrap();
    }
    // The postings are still on their way; asking again names the positions already.
    let Err(Need::Fetch(next)) = lib.search(&req) else { panic!("postings still missing") };
    assert!(next.iter().any(|r| positions.contains(r.name.as_str())), "positions named with the dictionary alone: {next:?}");
    // Everything else arrives one shard at a time, last asked first.
    let mut pending: Vec<shards::ShardRef> = first.iter().chain(&next).filter(|r| !lib.opens_more_reads(&r.name)).cloned().collect();
    let got = loop {
        match lib.search(&req) {
            Ok(x) => break x,
            Err(Need::Fetch(refs)) => {
                pending.extend(refs);
                let r = pending.pop().expect("a shard to give");
                lib.provide(&r.name, &files[&r.name]).unwrap();
            }
            Err(Need::Broken(e)) => panic!("{e}"),
        }
    };
    let want = index.search(corpus, &req);
    assert_eq!(got.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(), want.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>());
    assert_eq!(got.total, want.total);
}

/// The first screen (the newest reports, before any search) reads one card shard holding
/// their cards alone; the other cards come in runs as before, and a search answers as the
/// whole index does.
#[test]
fn the_first_screen_has_a_card_shard_of_its_own() {
    let (seeds, _) = search_support::seeds();
    // The seeds five times over, under other ids: more reports than a screen shows.
    let mut articles = Vec::new();
    for copy in 0..5 {
        for a in &seeds.articles {
            let mut a = a.clone();
            a.id = format!("{}-{copy}", a.id);
            a.file = format!("{}.txt", a.id);
            articles.push(a);
        }
    }
    let corpus = dispatches_engine::Corpus::new(articles);
    let n = corpus.articles.len();
    let index = dispatches_engine::search::SearchIndex::build(&corpus);
    // Runs of several cards (about 1.5 KB each), so the first would hold more than a screen.
    let sizing = Sizing { cards: Some(shards::CardSizing { shard: 10_000, text: 420, quoted_widely: 1 }), ..TINY };
    let set = shards::build(corpus.clone(), sizing, |b| b.to_vec());
    let cards = &set.manifest.cards;
    assert_eq!(cards[0].0, 0);
    assert_eq!(cards[1].0 as usize, shards::SPLIT_PAGE_SIZE, "the first shard: the first screen's cards alone: {cards:?}");
    assert!(cards.len() >= 3 && cards.windows(2).skip(1).any(|w| w[1].0 - w[0].0 > 1), "the others in runs: {cards:?}");
    let files: HashMap<String, Vec<u8>> = set.files.iter().cloned().collect();
    let mut lib = Library::open(&set.manifest_bytes, None).unwrap();
    let mut rounds = 0;
    let screen = fetching(&mut lib, &files, |l| l.search(&SearchRequest { limit: Some(shards::SPLIT_PAGE_SIZE), ..Default::default() }), &mut rounds);
    assert_eq!(screen.hits.iter().map(|h| h.article).collect::<Vec<_>>(), (0..shards::SPLIT_PAGE_SIZE).collect::<Vec<_>>(), "the newest first");
    for q in ["aleppo", "civilians killed", "egeland"] {
        let req = SearchRequest { query: q.into(), limit: Some(10), ..Default::default() };
        let got = fetching(&mut lib, &files, |l| l.search(&req), &mut rounds);
        let want = index.search(&corpus, &req);
        assert_eq!(got.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(), want.hits.iter().map(|h| (h.article, h.score)).collect::<Vec<_>>(), "{q}");
        assert_eq!(got.total, want.total, "{q}");
    }
    assert!(n > 2 * shards::SPLIT_PAGE_SIZE);
}

/// Newsrooms rebuild daily: a report added (the newest, or an older one anywhere), removed or
/// edited leaves the other reports' article groups and card shards as they were, names
/// included, so a returning visitor's cache (and a corpus made available offline) keeps them;
/// only the shards around the change get new names. And every report still reads back under
/// its new number, its quotations with it.
#[test]
fn a_report_added_or_removed_leaves_the_other_reports_shards_as_they_were() {
    let (seeds, _) = search_support::seeds();
    // The seeds sixteen times over, under other ids, on 80 days in a shuffled order (copies in
    // the same order each time would make the runs repeat in step with them, which no corpus
    // does), from September to November 2016.
    let day = |k: u32| match k {
        0..30 => Date { year: 2016, month: 9, day: 1 + k as u8 },
        30..61 => Date { year: 2016, month: 10, day: (k - 29) as u8 },
        _ => Date { year: 2016, month: 11, day: (k - 60) as u8 },
    };
    let mut articles = Vec::new();
    for copy in 0..16u32 {
        for (i, a) in seeds.articles.iter().enumerate() {
            let mut a = a.clone();
            a.id = format!("{}-{copy}", a.id);
            a.file = format!("{}.txt", a.id);
            a.meta.published = day((copy * 5 + i as u32) * 37 % 80);
            articles.push(a);
        }
    }
    // Runs of about a dozen reports (as at any real size: a run's end is drawn among several
    // reports), several of each kind.
    let sizing = Sizing { group: 100_000, cards: Some(shards::CardSizing { shard: 16_000, text: 420, quoted_widely: 1 }), ..TINY };
    let build = |articles: Vec<dispatches_engine::model::Article>| shards::build(dispatches_engine::Corpus::new(articles), sizing, |b| b.to_vec());
    let before = build(articles.clone());
    let (groups, cards) = (&before.manifest.groups, &before.manifest.cards);
    assert!(groups.len() >= 5 && cards.len() >= 6, "several of each: {} groups, {} card shards", groups.len(), cards.len());

    // Two reports of another corpus: the next day's, and one dated among the others.
    let other = dispatches_engine::corpus::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus-b")).expect("corpus-b loads");
    let dated = |k: usize, day: u8| {
        let mut a = other.articles[k].clone();
        a.meta.published = Date { year: 2016, month: 11, day };
        a
    };
    let mut added_newest = articles.clone();
    added_newest.push(dated(0, 25));
    let mut added_older = articles.clone();
    added_older.push(dated(1, 4));
    let mut removed = articles.clone();
    removed.remove(17);
    for (what, changed, new_cards) in [("a new report", added_newest, 2), ("an older report added", added_older, 2), ("a report removed", removed, 2)] {
        let after = build(changed.clone());
        let kept = |old: &[(u32, shards::ShardRef)], new: &[(u32, shards::ShardRef)]| old.iter().filter(|(_, r)| new.iter().any(|(_, n)| n.name == r.name)).count();
        let kept_groups = kept(groups, &after.manifest.groups);
        let kept_cards = kept(cards, &after.manifest.cards);
        // The group the change falls in, and at most the next one (until the cuts fall in step again).
        assert!(kept_groups + 2 >= groups.len(), "{what}: {kept_groups} of {} groups kept", groups.len());
        // Cards: also the first screen's run, which holds the ten newest.
        assert!(kept_cards + 1 + new_cards >= cards.len(), "{what}: {kept_cards} of {} card shards kept", cards.len());

        // Every report reads back, under its new number, from its group and from its card.
        let corpus = dispatches_engine::Corpus::new(changed);
        let files: HashMap<String, Vec<u8>> = after.files.iter().cloned().collect();
        let mut lib = Library::open(&after.manifest_bytes, None).unwrap();
        let mut rounds = 0;
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let card_groups = fetching(&mut lib, &files, |l| l.cards(&all), &mut rounds);
        for (d, a) in corpus.articles.iter().enumerate() {
            let g = fetching(&mut lib, &files, |l| l.article(d), &mut rounds);
            assert_eq!(g.article(d).map(|x| &x.id), Some(&a.id), "{what}: article {d}");
            assert!(g.quotes(d).iter().all(|q| q.article == d), "{what}: the quotations of article {d}");
            assert!(g.quotes(d).iter().filter_map(|q| q.speaker).all(|s| s < g.speakers(d).len()), "{what}: each speaker named in the report's list");
            assert_eq!(card_groups[d].article(d).map(|x| &x.id), Some(&a.id), "{what}: card {d}");
            assert!(card_groups[d].quotes(d).iter().all(|q| q.article == d), "{what}: the card's quotations of article {d}");
        }
    }
}

