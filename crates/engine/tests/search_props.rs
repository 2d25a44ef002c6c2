//! Properties of the search engine over the seeds: no input panics, every range is inside
//! its text on char boundaries, results honour the filters and agree with the facets.

use dispatches_engine::search::{highlight, highlight_terms, SearchRequest, Sort};
use dispatches_engine::Date;
use proptest::prelude::*;

mod search_support;
use search_support::seeds;

/// Queries made of the pieces that exercise the parser and the normaliser.
fn query_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "aleppo", "civ", "civilians", "\"", "“", "”", "-", "--", "OR", "|", "+", "U.N.", "al-Haj", "Çelik", "413", "’", "'", "human", "rights",
        "egelund", " ", "  ", "ﬁ", "İ", "ß", "\u{301}", "e\u{301}", "-\"", "‐", ".", ",", "1,000", "3.5", "we’ve", "neighbourhood", "\u{0}",
        "🙂", "中文", "ا", "\t", "\n", "defence", "the", "of",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat()),
        prop::collection::vec(prop::sample::select(vec!["aleppo", "civ", "-", "\"", " ", "OR", "x"]), 0..12).prop_map(|v| v.join(" ")),
        any::<String>(),
        "\\PC{0,40}",
    ]
}

fn date_strategy() -> impl Strategy<Value = Option<Date>> {
    prop::option::of((0i32..20).prop_map(|d| Date::from_days(Date::new(2016, 11, 28).unwrap().to_days() + d)))
}

fn check_ranges(text: &str, ranges: &[(usize, usize)]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for &(a, b) in ranges {
        prop_assert!(a < b && b <= text.len(), "range {a}..{b} outside text of {} bytes", text.len());
        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "range {a}..{b} not on char boundaries in {text:?}");
        prop_assert!(a >= last, "ranges overlap or are unsorted");
        last = b;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_query_is_answered_within_the_filters(
        query in query_strategy(),
        outlet_mask in 0u8..32,
        from in date_strategy(),
        to in date_strategy(),
        sort in prop::sample::select(vec![Sort::Relevance, Sort::Newest, Sort::Oldest]),
        limit in prop::option::of(0usize..7),
    ) {
        let (corpus, index) = seeds();
        let outlets: Vec<String> = index.outlets().iter().enumerate().filter(|(i, _)| outlet_mask >> i & 1 == 1).map(|(_, o)| o.to_uppercase()).collect();
        let req = SearchRequest { query: query.clone(), outlets: outlets.clone(), from, to, sort, limit };
        let r = index.search(corpus, &req);

        prop_assert!(r.hits.len() <= r.total);
        if let Some(l) = limit {
            prop_assert!(r.hits.len() <= l);
        } else {
            prop_assert_eq!(r.hits.len(), r.total);
        }
        let mut seen = std::collections::HashSet::new();
        for h in &r.hits {
            prop_assert!(seen.insert(h.article), "article twice");
            let a = &corpus.articles[h.article];
            if !outlets.is_empty() {
                prop_assert!(outlets.iter().any(|o| o.to_lowercase() == a.meta.outlet.to_lowercase()), "outlet filter");
            }
            if let Some(f) = from { prop_assert!(a.meta.published >= f, "from filter"); }
            if let Some(t) = to { prop_assert!(a.meta.published <= t, "to filter"); }
            prop_assert!(h.score.is_finite());
            let s = &h.snippet;
            let end = s.start as usize + s.text.len();
            prop_assert!(end <= a.text.len() && a.text.is_char_boundary(s.start as usize));
            prop_assert_eq!(&a.text[s.start as usize..end], s.text.as_str());
            let ranges: Vec<(usize, usize)> = s.matches.iter().map(|&(x, y)| (x as usize, y as usize)).collect();
            check_ranges(&s.text, &ranges)?;
            for p in &h.paragraphs {
                prop_assert!(p.block < a.blocks.len());
                let ranges: Vec<(usize, usize)> = p.matches.iter().map(|m| (m.start as usize, m.end as usize)).collect();
                check_ranges(&a.text, &ranges)?;
            }
        }
        // Hits are ordered as asked.
        let days: Vec<Date> = r.hits.iter().map(|h| corpus.articles[h.article].meta.published).collect();
        match sort {
            Sort::Newest => prop_assert!(days.windows(2).all(|w| w[0] >= w[1])),
            Sort::Oldest => prop_assert!(days.windows(2).all(|w| w[0] <= w[1])),
            Sort::Relevance => prop_assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score)),
        }
        // Facets: the selected outlets' counts add up to the total; days likewise.
        let selected: usize = r.outlet_facets.iter()
            .filter(|(o, _)| outlets.is_empty() || outlets.iter().any(|x| x.to_lowercase() == o.to_lowercase()))
            .map(|x| x.1).sum();
        prop_assert_eq!(selected, r.total);
        let in_range: usize = r.day_facets.iter()
            .filter(|(d, _)| from.map_or(true, |f| *d >= f) && to.map_or(true, |t| *d <= t))
            .map(|x| x.1).sum();
        prop_assert_eq!(in_range, r.total);
        prop_assert_eq!(r.outlet_facets.len(), index.outlets().len());
        // Every result term highlights within any text.
        for h in &r.hits {
            let a = &corpus.articles[h.article];
            check_ranges(&a.meta.headline, &highlight_terms(&a.meta.headline, &r.terms))?;
        }
    }

    #[test]
    fn highlight_ranges_are_inside_the_text(text in "\\PC{0,80}|[a-zA-Z’'\\-\\. ,ÇçéŞ]{0,60}", query in query_strategy()) {
        check_ranges(&text, &highlight(&text, &query))?;
        let (_, index) = seeds();
        check_ranges(&text, &index.highlight(&text, &query))?;
        // A plain word of the text, searched for, is marked.
        if let Some(w) = text.split(|c: char| c.is_whitespace() || c == ',').find(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_alphabetic())) {
            let marks = highlight(&text, &format!("{w} "));
            prop_assert!(!marks.is_empty(), "`{}` not marked in {:?}", w, text);
        }
    }

    #[test]
    fn searching_an_articles_own_sentence_finds_it(article in 0usize..5, para in 0usize..10) {
        let (corpus, index) = seeds();
        let a = &corpus.articles[article];
        let paragraphs: Vec<_> = a.paragraphs().collect();
        let (_, block) = paragraphs[para % paragraphs.len()];
        let words: Vec<&str> = a.slice(block.span).split_whitespace().take(6).collect();
        let phrase = format!("\"{}\"", words.join(" ").replace(['"', '“', '”'], " "));
        let r = index.search(corpus, &SearchRequest { query: phrase.clone(), ..Default::default() });
        prop_assert!(r.hits.iter().any(|h| h.article == article), "{} not found by {}", a.id, phrase);
    }
}
