//! Table of search cases over the five seeds: one row per rule of the search engine
//! (normalisation, query language, filters, facets, snippets). Articles are named by the
//! first three characters of their id: 000 The National (12-01), 001 Syria Direct (12-07),
//! 002 Middle East Eye (12-12), 003 TIME (12-09), 004 Yeni Şafak (12-13).

use dispatches_engine::search::{highlight, highlight_terms, SearchIndex, SearchRequest, SearchResults, Sort};
use dispatches_engine::{Corpus, Date};

mod search_support;
use search_support::seeds;

fn run(req: &SearchRequest) -> SearchResults {
    let (corpus, index) = seeds();
    index.search(corpus, req)
}

fn query(q: &str) -> SearchRequest {
    SearchRequest { query: q.to_string(), ..Default::default() }
}

fn ids(r: &SearchResults) -> Vec<String> {
    let (corpus, _) = seeds();
    r.hits.iter().map(|h| corpus.articles[h.article].id[..3].to_string()).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// What a case expects of its hits (article id prefixes).
enum Expect {
    /// Exactly these articles, in any order.
    Set(&'static [&'static str]),
    /// Exactly these articles, in this order.
    Order(&'static [&'static str]),
    /// The same articles as another query.
    SameAs(&'static str),
    /// These among the hits.
    Includes(&'static [&'static str]),
    /// None of these among the hits (and at least one hit).
    Excludes(&'static [&'static str]),
    Nothing,
}

struct Case {
    rule: &'static str,
    query: &'static str,
    outlets: &'static [&'static str],
    from: Option<&'static str>,
    to: Option<&'static str>,
    expect: Expect,
    /// A word that must be marked in the top hit's snippet.
    marked: Option<&'static str>,
}

const fn case(rule: &'static str, query: &'static str, expect: Expect) -> Case {
    Case { rule, query, outlets: &[], from: None, to: None, expect, marked: None }
}

const fn marked(c: Case, word: &'static str) -> Case {
    Case { marked: Some(word), ..c }
}

const fn outlets(c: Case, outlets: &'static [&'static str]) -> Case {
    Case { outlets, ..c }
}

const fn dates(c: Case, from: Option<&'static str>, to: Option<&'static str>) -> Case {
    Case { from, to, ..c }
}

use Expect::*;

const CASES: &[Case] = &[
    // Normalisation.
    case("diacritics fold, byline is a field", "Çelik", Set(&["004"])),
    case("diacritics fold in the query too", "celik", Set(&["004"])),
    case("upper case with diacritics", "ÇELIK", Set(&["004"])),
    case("outlet is a field, folded", "Safak", Set(&["004"])),
    case("outlet phrase", "\"yeni şafak\"", Set(&["004"])),
    case("catalog byline", "Josh Wood", Set(&["000"])),
    marked(case("curly apostrophe", "we’ve", Set(&["001"])), "we’ve"),
    marked(case("straight apostrophe finds curly", "we've", Set(&["001"])), "we’ve"),
    case("apostrophe dropped", "weve", Set(&["001"])),
    case("possessive 's", "Aleppo's", SameAs("Aleppo")),
    case("hyphenated name", "al-Haj", Set(&["001"])),
    case("spaced name parts", "al Haj", Set(&["001"])),
    case("joined name parts", "alHaj", Set(&["001"])),
    case("spaced name finds hyphenated text", "Bustan al Qasr", Set(&["004"])),
    case("joined compound", "ukbased", Set(&["000"])),
    case("dotted abbreviation", "U.N.", SameAs("UN")),
    case("dotted abbreviation finds plain", "U.N.", Includes(&["000", "003"])),
    marked(case("plain finds dotted", "UN ", Includes(&["003"])), "U.N."),
    marked(case("numbers are tokens", "413", Set(&["002"])), "413"),
    case("two-digit number", "90", Set(&["002"])),
    case("British/American -ce/-se", "defense", SameAs("defence")),
    case("defense finds defence", "defense", Includes(&["000", "002", "004"])),
    case("British/American -our/-or", "neighborhood", SameAs("neighbourhood")),
    marked(case("neighborhood finds neighbourhood", "neighborhood ", Includes(&["000", "003", "004"])), "neighbourhood"),
    case("stemming", "fleeing", SameAs("fled OR flee OR fleeing OR flees")),
    case("stemming: plural", "evacuations", SameAs("evacuation")),
    // Query language.
    case("AND by default", "413 Reuters", Set(&["002"])),
    case("AND with no common article", "413 Çelik", Nothing),
    case("OR", "413 OR Çelik", Set(&["002", "004"])),
    case("OR chains", "413 OR Çelik OR weve", Set(&["001", "002", "004"])),
    case("phrase", "\"human rights\"", Set(&["000", "002", "003", "004"])),
    case("phrase order matters", "\"rights human\"", Nothing),
    case("words out of order still AND", "rights human", Set(&["000", "002", "003", "004"])),
    case("unbalanced quote: phrase to the end", "\"human rights", Set(&["000", "002", "003", "004"])),
    case("curly quotes make a phrase", "“rights human”", Nothing),
    case("exclusion", "Aleppo -Egeland", Set(&["001", "004"])),
    case("exclusion of a phrase", "Aleppo -\"human rights\"", Set(&["001"])),
    case("exclusion only: all the others", "-Egeland", Set(&["001", "004"])),
    case("exclusion is exact, not fuzzy", "Aleppo -Egelund", Excludes(&[])),
    case("prefix while typing", "Aleppo civ", Includes(&["000", "001", "002", "003", "004"])),
    case("no prefix once the word is finished", "Aleppo civ ", Nothing),
    case("a prefix from two letters", "Aleppo ci", Includes(&["000", "001", "002", "003", "004"])),
    case("one letter being typed is not a query word yet", "Egeland c", SameAs("Egeland")),
    case("not even when it is a word of the corpus", "Egeland a", SameAs("Egeland")),
    case("one letter typed and finished is a word", "Egeland c ", Nothing),
    case("typo tolerance", "Egelund", SameAs("Egeland")),
    case("typo tolerance, two typos in a long word", "humanitarain", SameAs("humanitarian")),
    case("no typo tolerance in short words", "Asad", Nothing),
    case("no typo tolerance for numbers", "414", Nothing),
    case("no typo tolerance in quotes", "\"Egelund\"", Nothing),
    case("stopwords ignored", "the 413", Set(&["002"])),
    case("stray operators", "- OR 413 OR", Set(&["002"])),
    case("boilerplate is not indexed", "skip ", Nothing),
    case("credit lines are not indexed", "Beirut", Nothing),
    // Filters.
    outlets(case("outlet filter, case-insensitive", "Aleppo", Set(&["000"])), &["the national"]),
    outlets(case("several outlets", "Aleppo", Set(&["000", "003"])), &["THE NATIONAL", "time"]),
    outlets(case("outlet filter folds diacritics", "", Set(&["004"])), &["yeni safak"]),
    outlets(case("unknown outlet", "Aleppo", Nothing), &["Nowhere"]),
    dates(case("date range inclusive", "Aleppo", Set(&["001", "003"])), Some("2016-12-07"), Some("2016-12-09")),
    dates(case("from only", "", Set(&["002", "004"])), Some("2016-12-12"), None),
    dates(case("to only", "", Set(&["000"])), None, Some("2016-12-01")),
    dates(case("from after to", "", Nothing), Some("2016-12-13"), Some("2016-12-01")),
    // Empty query.
    case("empty query: newest first", "", Order(&["004", "002", "003", "001", "000"])),
    case("blank query", "   ", Order(&["004", "002", "003", "001", "000"])),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for c in CASES {
        let req = SearchRequest {
            query: c.query.to_string(),
            outlets: c.outlets.iter().map(|s| s.to_string()).collect(),
            from: c.from.map(date),
            to: c.to.map(date),
            ..Default::default()
        };
        let r = run(&req);
        let got = ids(&r);
        let ok = match &c.expect {
            Set(want) => sorted(got.clone()) == sorted(want.iter().map(|s| s.to_string()).collect()),
            Order(want) => got == want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            SameAs(other) => sorted(got.clone()) == sorted(ids(&run(&SearchRequest { query: other.to_string(), ..req.clone() }))) && !got.is_empty(),
            Includes(want) => want.iter().all(|w| got.iter().any(|g| g == w)),
            Excludes(not) => !got.is_empty() && not.iter().all(|w| !got.iter().any(|g| g == w)),
            Nothing => got.is_empty(),
        };
        if r.total != r.hits.len() {
            failures.push(format!("{}: `{}`: total {} but {} hits", c.rule, c.query, r.total, r.hits.len()));
        }
        if !ok {
            failures.push(format!("{}: `{}` gave {:?}", c.rule, c.query, got));
        }
        if let Some(word) = c.marked {
            let marked_words: Vec<&str> = r.hits.first().map_or(Vec::new(), |h| h.snippet.matches.iter().map(|&(a, b)| &h.snippet.text[a as usize..b as usize]).collect());
            if !r.hits.iter().any(|h| h.snippet.matches.iter().any(|&(a, b)| &h.snippet.text[a as usize..b as usize] == word)) {
                failures.push(format!("{}: `{}`: no snippet marks `{word}` (top marks {:?})", c.rule, c.query, marked_words));
            }
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn typos_rank_below_exact() {
    let exact = run(&query("Egeland"));
    let typo = run(&query("Egelund"));
    for h in &typo.hits {
        let e = exact.hits.iter().find(|x| x.article == h.article).expect("same articles");
        assert!(h.score < e.score, "typo score {} should be below exact {}", h.score, e.score);
    }
    // In one result list: an article with the exact word above one with a near word.
    let (corpus, _) = seeds();
    let c2 = corpus_with(corpus, "Jan Egelund spoke.", "Jan Egeland spoke.");
    let mixed = SearchIndex::build(&c2);
    let r = mixed.search(&c2, &query("Egelund"));
    let first = &c2.articles[r.hits[0].article];
    assert!(first.text.contains("Egelund"), "exact first, got {}", first.id);
    let r = mixed.search(&c2, &query("Egeland"));
    assert!(c2.articles[r.hits[0].article].text.contains("Jan Egeland spoke"));
}

/// The seeds plus two small articles with the given bodies.
fn corpus_with(seeds: &Corpus, a: &str, b: &str) -> Corpus {
    let mut articles = seeds.articles.clone();
    for (i, body) in [a, b].iter().enumerate() {
        let meta = dispatches_engine::ArticleMeta {
            outlet: "Test".into(),
            headline: format!("Test article {i}"),
            byline: String::new(),
            dateline: String::new(),
            published: date("2016-11-01"),
            published_raw: "2016-11-01".into(),
            url: String::new(),
            language: "en".into(),
        };
        articles.push(dispatches_engine::corpus::build_article(format!("t{i}"), format!("t{i}.txt"), meta, format!("Test article {i}\n\n{body}\n")));
    }
    Corpus::new(articles)
}

#[test]
fn phrase_and_proximity_rank_higher() {
    let (corpus, _) = seeds();
    let c = corpus_with(corpus, "The siege went on while the city council met, and the old town lay far away.", "The old town siege went on.");
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("town siege"));
    assert_eq!(c.articles[r.hits[0].article].id, "t1", "adjacent words first");
    let r = ix.search(&c, &query("\"town siege\""));
    assert_eq!(ids_of(&c, &r), ["t1"]);
}

#[test]
fn spaced_name_parts_find_joined_ones() {
    let (corpus, _) = seeds();
    let c = corpus_with(corpus, "Abu alHaj spoke to reporters.", "Nobody spoke.");
    let ix = SearchIndex::build(&c);
    for q in ["al Haj", "al-Haj", "alhaj", "AL HAJ "] {
        let r = ix.search(&c, &query(q));
        let got = ids_of(&c, &r);
        assert!(got.contains(&"t0".to_string()), "{q}: {got:?}");
        assert!(got.iter().any(|id| id.starts_with("001")), "{q}: {got:?}");
    }
    let marks = highlight("Abu alHaj and al-Haj", "al Haj");
    assert_eq!(marks.len(), 2, "{marks:?}");
}

fn ids_of(c: &Corpus, r: &SearchResults) -> Vec<String> {
    r.hits.iter().map(|h| c.articles[h.article].id.clone()).collect()
}

#[test]
fn headline_outweighs_body() {
    // "stranglehold" is in Syria Direct's headline; ranking puts headline matches first.
    let r = run(&query("cornered"));
    assert_eq!(ids(&r)[0], "001");
    let r = run(&query("onslaught"));
    assert_eq!(ids(&r)[0], "004");
}

#[test]
fn facets_ignore_their_own_filter() {
    let all = run(&query("Aleppo"));
    assert_eq!(all.outlet_facets.len(), 5);
    assert!(all.outlet_facets.iter().all(|(_, n)| *n == 1));
    let time_only = run(&SearchRequest { outlets: vec!["time".into()], ..query("Aleppo") });
    assert_eq!(time_only.total, 1);
    assert_eq!(time_only.outlet_facets, all.outlet_facets, "other outlets keep their counts");
    let days: Vec<String> = time_only.day_facets.iter().map(|(d, n)| format!("{d}:{n}")).collect();
    assert_eq!(days, ["2016-12-09:1"], "day facets follow the outlet filter");

    let dated = run(&SearchRequest { from: Some(date("2016-12-12")), ..query("Aleppo") });
    assert_eq!(dated.total, 2);
    assert_eq!(dated.day_facets, all.day_facets, "day facets ignore the date filter");
    let counts: Vec<usize> = dated.outlet_facets.iter().map(|x| x.1).collect();
    assert_eq!(counts.iter().sum::<usize>(), 2, "outlet facets follow the date filter");
    assert_eq!(all.day_facets.len(), 5);
    assert!(all.day_facets.windows(2).all(|w| w[0].0 < w[1].0), "chronological");

    // Facets of a query with no match in the selected outlet still show the others.
    let r = run(&SearchRequest { outlets: vec!["TIME".into()], ..query("413") });
    assert_eq!(r.total, 0);
    assert_eq!(r.outlet_facets.iter().find(|x| x.0 == "Middle East Eye").unwrap().1, 1);
}

#[test]
fn sorting_and_limit() {
    let r = run(&SearchRequest { sort: Sort::Oldest, ..query("Aleppo") });
    assert_eq!(ids(&r), ["000", "001", "003", "002", "004"]);
    let r = run(&SearchRequest { sort: Sort::Newest, ..query("Aleppo") });
    assert_eq!(ids(&r), ["004", "002", "003", "001", "000"]);
    let r = run(&SearchRequest { limit: Some(2), ..query("Aleppo") });
    assert_eq!(r.hits.len(), 2);
    assert_eq!(r.total, 5);
    let r = run(&SearchRequest { limit: Some(0), ..query("") });
    assert!(r.hits.is_empty());
    assert_eq!(r.total, 5);
    // Relevance: scores non-increasing.
    let r = run(&query("civilians evacuation"));
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn snippets_and_paragraphs() {
    let (corpus, _) = seeds();
    let r = run(&query("Egeland evacuation"));
    assert!(!r.hits.is_empty());
    for h in &r.hits {
        let a = &corpus.articles[h.article];
        let s = &h.snippet;
        assert_eq!(&a.text[s.start as usize..s.start as usize + s.text.len()], s.text, "snippet is a slice of the text");
        assert!(a.blocks[s.block].span.contains(dispatches_engine::Span::new(s.start as usize, s.start as usize + s.text.len())));
        let words = s.text.split_whitespace().count();
        assert!((5..=60).contains(&words), "{words} words: {}", s.text);
        for &(x, y) in &s.matches {
            let w = &s.text[x as usize..y as usize];
            assert!(!highlight(w, "Egeland evacuation").is_empty(), "marked `{w}`");
        }
        assert!(!h.paragraphs.is_empty());
        for p in &h.paragraphs {
            assert!(a.blocks[p.block].kind.is_content());
            for m in &p.matches {
                assert!(a.blocks[p.block].span.contains(*m));
            }
        }
        assert!(h.paragraphs.windows(2).all(|w| w[0].block < w[1].block));
    }
    // The best passage holds both words when one sentence has them (TIME: "Egeland … Refugee").
    let r2 = run(&query("Egeland refugee"));
    let time = r2.hits.iter().find(|h| corpus.articles[h.article].id.starts_with("003")).unwrap();
    assert!(time.snippet.matches.len() >= 2, "{:?}", time.snippet);
    // Otherwise the rarer word wins the snippet (Middle East Eye: Egeland, not the caption's "evacuated").
    let mee = r.hits.iter().find(|h| corpus.articles[h.article].id.starts_with("002")).unwrap();
    assert!(mee.snippet.text.contains("Egeland"), "{:?}", mee.snippet);
    // Sentence-bounded: starts with a capital or a quote, ends with punctuation.
    let r = run(&query("413"));
    let s = &r.hits[0].snippet.text;
    assert!(s.starts_with("At least 413"), "{s}");
    assert!(s.trim_end().ends_with(['.', '"', '”']), "{s}");
    // A byline-only match: the opening of the article, no marks.
    let r = run(&query("Çelik"));
    assert!(r.hits[0].snippet.matches.is_empty());
    assert!(!r.hits[0].snippet.text.is_empty());
    assert!(r.hits[0].paragraphs.is_empty());
}

#[test]
fn result_terms_and_highlighting() {
    let r = run(&query("Egelund neighbourhoods civ"));
    assert!(r.terms.contains(&"egeland".to_string()), "{:?}", r.terms);
    assert!(r.terms.contains(&"neighborhood".to_string()), "{:?}", r.terms);
    assert!(r.terms.iter().any(|t| t.starts_with("civilian")), "{:?}", r.terms);
    let text = "Jan Egeland said the neighborhood’s civilians were U.N. wards; Çelik agreed.";
    let marks = |v: Vec<(usize, usize)>| v.into_iter().map(|(a, b)| text[a..b].to_string()).collect::<Vec<_>>();
    assert_eq!(marks(highlight_terms(text, &r.terms)), ["Egeland", "neighborhood’s", "civilians"]);
    assert_eq!(marks(highlight(text, "egelund neighbourhood civ")), ["Egeland", "neighborhood’s", "civilians"]);
    assert_eq!(marks(highlight(text, "UN celik -jan")), ["U.N.", "Çelik"]);
    assert_eq!(marks(highlight(text, "\"jan egeland\"")), ["Jan", "Egeland"]);
    let (_, index) = seeds();
    assert_eq!(marks(index.highlight(text, "Egelund")), ["Egeland"]);
}

#[test]
fn bundle_round_trip_keeps_answers() {
    let (corpus, index) = seeds();
    let bytes = postcard::to_allocvec(index).unwrap();
    let back: SearchIndex = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(&back, index);
    for q in ["Aleppo civ", "Egelund", "\"human rights\" -russia", ""] {
        assert_eq!(back.search(corpus, &query(q)), index.search(corpus, &query(q)));
    }
    assert!(bytes.len() < 40_000, "index of the seeds: {} bytes", bytes.len());
    // Garbage never panics.
    for cut in [0, 1, bytes.len() / 3, bytes.len() - 1] {
        let _ = postcard::from_bytes::<SearchIndex>(&bytes[..cut]);
    }
}

#[test]
fn hostile_queries_stay_bounded() {
    let long: String = "aleppo civilians \"human rights\" -x OR ".repeat(300);
    let r = run(&query(&long));
    assert!(r.terms.len() <= 32 * 9, "{}", r.terms.len());
    let r = run(&query(&"a".repeat(10_000)));
    assert!(r.hits.is_empty());
    let r = run(&query(&"\"".repeat(10_000)));
    assert_eq!(r.total, 5, "only quotes: no words, so everything");
}

/// A prefix query whose exact word is in the article shows the exact word in the snippet,
/// not a longer word that merely starts with it ("UN" → "U.N.", not "underway").
#[test]
fn snippet_prefers_exact_matches_over_prefix_expansions() {
    let corpus = dispatches_engine::corpus::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap();
    let index = dispatches_engine::search::SearchIndex::build(&corpus);
    let req = dispatches_engine::search::SearchRequest { query: "UN".into(), ..Default::default() };
    let results = index.search(&corpus, &req);
    let has_exact = |t: &str| t.contains("U.N.") || t.contains("UN ") || t.contains("UN-");
    let with_exact: Vec<_> = results.hits.iter().filter(|h| has_exact(&corpus.articles[h.article].text)).collect();
    assert!(with_exact.len() >= 3);
    for hit in with_exact {
        let marked: Vec<&str> = hit.snippet.matches.iter().map(|&(a, b)| &hit.snippet.text[a as usize..b as usize]).collect();
        assert!(
            marked.iter().any(|m| { let f: String = m.chars().filter(|c| c.is_alphanumeric()).collect(); f.eq_ignore_ascii_case("un") || f.to_lowercase().starts_with("un") && m.contains('-') }),
            "{}: snippet marks {marked:?} in {:?}",
            corpus.articles[hit.article].id,
            hit.snippet.text
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Ranking and snippets on scraped pages (issue 11). Small invented articles.
// ---------------------------------------------------------------------------------------------

/// A corpus of invented articles: `(id, headline, text after the headline line)`.
fn invented(articles: &[(&str, &str, &str)]) -> Corpus {
    let built = articles
        .iter()
        .map(|&(id, headline, body)| {
            let meta = dispatches_engine::ArticleMeta {
                outlet: "Test".into(),
                headline: headline.into(),
                byline: String::new(),
                dateline: String::new(),
                published: date("2020-03-01"),
                published_raw: "2020-03-01".into(),
                url: String::new(),
                language: "en".into(),
            };
            dispatches_engine::corpus::build_article(id.into(), format!("{id}.txt"), meta, format!("{headline}\n\n{body}\n"))
        })
        .collect();
    Corpus::new(built)
}

fn hit_of<'r>(c: &Corpus, r: &'r SearchResults, id: &str) -> &'r dispatches_engine::search::Hit {
    r.hits.iter().find(|h| c.articles[h.article].id == id).unwrap_or_else(|| panic!("{id} not among {:?}", ids_of(c, r)))
}

#[test]
fn gallery_chrome_is_never_matched_nor_a_snippet() {
    let c = invented(&[
        (
            "gallery",
            "Storm season opens",
            "Photos: The lighthouse storm Photos: The lighthouse storm Waves hit the lighthouse on Monday. Hide Caption 1 of 12 Photos: The lighthouse storm Crews clear the road.\n\n\
             The coast guard closed the harbor on Tuesday as winds rose.\n\n\
             Keepers said the old lighthouse had stood through worse winters.",
        ),
        ("only-gallery", "Ferry news", "Hide Caption 3 of 9 Photos: The lighthouse at dawn People watch the lighthouse.\n\nThe ferry will run again on Friday, officials said."),
    ]);
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("lighthouse"));
    assert_eq!(ids_of(&c, &r), ["gallery"], "a word only in gallery chrome does not match");
    let hit = hit_of(&c, &r, "gallery");
    assert!(hit.snippet.text.starts_with("Keepers said the old lighthouse"), "{:?}", hit.snippet.text);
    assert!(!hit.snippet.text.contains("Hide Caption") && !hit.snippet.text.contains("Photos:"));
}

#[test]
fn a_passage_repeated_in_one_report_counts_once() {
    let caption = "A lighthouse keeper climbs the stairs at dawn (Reuters)";
    let body = "The council debated the budget for the coast on Monday.\n\nIt voted to repair the lighthouse next spring.";
    let once = format!("{caption}\n\n{body}");
    let thrice = format!("{caption}\n\n{body}\n\n{caption}\n\n{caption}");
    let c = invented(&[("once", "Council votes on coast budget", &once), ("thrice", "Council votes on coast budget", &thrice)]);
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("lighthouse"));
    let (a, b) = (hit_of(&c, &r, "once"), hit_of(&c, &r, "thrice"));
    assert!((a.score - b.score).abs() < 1e-6, "repeats add nothing: {} vs {}", a.score, b.score);
    assert_eq!(a.paragraphs.len(), b.paragraphs.len(), "the repeats are not matched paragraphs");
    let snippet_blocks: Vec<usize> = r.hits.iter().map(|h| h.snippet.block).collect();
    assert!(b.paragraphs.iter().all(|p| c.articles[b.article].blocks[p.block].duplicate_of.is_none()), "{snippet_blocks:?}");
}

#[test]
fn a_body_paragraph_is_the_snippet_rather_than_a_caption() {
    let c = invented(&[(
        "caption",
        "Harbor reopens after storm",
        "Boats return to the harbor at sunset on Sunday (AP)\n\n\
         Officials said on Monday that the storm had passed.\n\n\
         Fishermen went back to the harbor before dawn, glad to work again.\n\n\
         Crews cleared the road by noon.",
    )]);
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("harbor"));
    let hit = &r.hits[0];
    let article = &c.articles[hit.article];
    assert_eq!(article.blocks[hit.snippet.block].kind, dispatches_engine::BlockKind::Paragraph, "{:?}", hit.snippet.text);
    assert!(hit.snippet.text.starts_with("Fishermen went back"), "{:?}", hit.snippet.text);
}

#[test]
fn a_headline_match_outranks_body_matches_when_the_word_is_common() {
    // "president" is in every article, so its idf is at its floor: the article about the
    // president (headline) still comes first, ahead of articles saying it more often in
    // passing, and among those the one saying it most comes next.
    let mut articles: Vec<(String, String, String)> = (0..30)
        .map(|i| (format!("filler{i:02}"), format!("Budget talks resume, day {i}"), "The president met the council. The budget talks went on into the night.".to_string()))
        .collect();
    articles.push((
        "about".into(),
        "The president visits the flooded valley".into(),
        "He walked through the mud for an hour and met the families who lost their homes, aides said.".into(),
    ));
    articles.push((
        "often".into(),
        "Budget talks stall".into(),
        "The president spoke. The president left. Later the president called the president of the senate.".into(),
    ));
    let refs: Vec<(&str, &str, &str)> = articles.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
    let c = invented(&refs);
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("president"));
    assert_eq!(r.total, 32);
    assert_eq!(&ids_of(&c, &r)[..2], ["about", "often"]);
}

#[test]
fn query_words_close_together_rank_first_among_common_words() {
    let c = invented(&[
        ("apart", "Council meeting", "The water was cold all week. After the meeting, the mayor said the plant would need money soon."),
        ("together", "Council meeting", "After the meeting, the mayor said the water plant would need money soon. It was cold all week."),
    ]);
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("water plant"));
    assert_eq!(ids_of(&c, &r), ["together", "apart"]);
}

// ---------------------------------------------------------------------------------------------
// Acronyms and their names (search::synonyms).
// ---------------------------------------------------------------------------------------------

fn marked_words(r: &SearchResults, c: &Corpus, id: &str) -> Vec<String> {
    let h = hit_of(c, r, id);
    h.snippet.matches.iter().map(|&(a, b)| h.snippet.text[a as usize..b as usize].to_string()).collect()
}

fn acronym_corpus() -> Corpus {
    invented(&[
        ("acronym", "Aid talks in Geneva", "The UN said on Monday that aid would reach the valley by Friday."),
        ("spelled", "Aid talks resume", "The United Nations said on Monday that aid convoys were ready."),
        ("dotted", "Convoy reaches the valley", "U.N. officials said the convoy reached the valley."),
        ("apart", "Nations meet", "The nations met in a united front against the plan."),
        (
            "defines",
            "Monitor counts the dead",
            "The Syrian Observatory for Human Rights (SOHR), a monitor based in Britain, said 20 people died. The SOHR relies on a network of sources.",
        ),
        ("spells-out", "Monitor reports shelling", "The Syrian Observatory for Human Rights reported shelling on Tuesday."),
        ("pronoun", "Readers write", "Tell us what you think of the new bridge, the council asked residents."),
        ("states", "Trade talks", "The United States and Canada signed the trade deal on Friday."),
    ])
}

#[test]
fn an_acronym_finds_its_name_and_the_name_its_acronym() {
    let c = acronym_corpus();
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("UN "));
    assert_eq!(sorted(ids_of(&c, &r)), ["acronym", "dotted", "spelled"], "UN, U.N. and United Nations; not two words apart");
    assert_eq!(marked_words(&r, &c, "spelled"), ["United", "Nations"], "the name is marked");
    assert_eq!(marked_words(&r, &c, "acronym"), ["UN"]);
    assert!(r.terms.contains(&"unit".to_string()) && r.terms.contains(&"nation".to_string()), "the page marks the name's words: {:?}", r.terms);
    assert_eq!(sorted(ids_of(&c, &ix.search(&c, &query("U.N. ")))), ["acronym", "dotted", "spelled"]);
    for q in ["united nations ", "United Nations", "UNITED NATIONS "] {
        let r = ix.search(&c, &query(q));
        assert_eq!(sorted(ids_of(&c, &r)), ["acronym", "dotted", "spelled"], "{q}");
    }
    // Quoted: as written.
    assert_eq!(ids_of(&c, &ix.search(&c, &query("\"united nations\""))), ["spelled"]);
    // Excluded in capitals: the name too.
    let r = ix.search(&c, &query("aid -UN"));
    assert!(ids_of(&c, &r).is_empty(), "{:?}", ids_of(&c, &r));
}

#[test]
fn an_acronym_a_report_defines_finds_reports_that_spell_it_out() {
    let c = acronym_corpus();
    let ix = SearchIndex::build(&c);
    assert!(ix.table().synonyms().defined().iter().any(|d| d.short == "SOHR" && d.name == "Syrian Observatory for Human Rights" && !d.everyday));
    let r = ix.search(&c, &query("SOHR "));
    assert_eq!(sorted(ids_of(&c, &r)), ["defines", "spells-out"]);
    assert_eq!(marked_words(&r, &c, "spells-out"), ["Syrian", "Observatory", "for", "Human", "Rights"]);
    let r = ix.search(&c, &query("syrian observatory for human rights "));
    assert_eq!(sorted(ids_of(&c, &r)), ["defines", "spells-out"]);
    // The definitions survive the stored index (the bundle) and the shards' table.
    let back: SearchIndex = postcard::from_bytes(&postcard::to_allocvec(&ix).unwrap()).unwrap();
    assert_eq!(sorted(ids_of(&c, &back.search(&c, &query("SOHR ")))), ["defines", "spells-out"]);
}

#[test]
fn the_pronoun_us_is_not_the_united_states() {
    let c = acronym_corpus();
    let ix = SearchIndex::build(&c);
    assert_eq!(ids_of(&c, &ix.search(&c, &query("us "))), ["pronoun"], "lower case: the word as typed");
    assert_eq!(sorted(ids_of(&c, &ix.search(&c, &query("US ")))), ["pronoun", "states"], "capitals: the word (the index folds case) and the name");
    assert_eq!(ids_of(&c, &ix.search(&c, &query("united states "))), ["states"], "the name never means every \"us\"");
}

#[test]
fn an_acronym_in_lower_case_is_a_poor_snippet() {
    // The index folds case, so `UN` also matches "Kim Jong Un"; the snippet shows the name.
    let c = invented(&[(
        "korea",
        "Sanctions vote",
        "Kim Jong Un said the vote was an act of war.\n\nDiplomats at the United Nations voted 15-0 for the sanctions on Saturday.",
    )]);
    let ix = SearchIndex::build(&c);
    let r = ix.search(&c, &query("UN "));
    assert_eq!(marked_words(&r, &c, "korea"), ["United", "Nations"], "{:?}", r.hits[0].snippet.text);
    let r = ix.search(&c, &query("un "));
    assert_eq!(marked_words(&r, &c, "korea"), ["Un"], "lower case: the word typed");
}
