//! Shared by the quotation test files: an article built from invented plain text, and the
//! case harness that compares each quotation's text, speaker and kind.
// Each test file includes this module and uses a different part of it.
#![allow(dead_code)]

use dispatches_engine::quotes::{extract, QuoteKind};
use dispatches_engine::{corpus, Article, ArticleMeta, Date};

/// `text` as a plain-text article (first block the headline), with empty metadata.
pub fn article(text: &str) -> Article {
    let meta = ArticleMeta {
        outlet: String::new(),
        headline: String::new(),
        byline: String::new(),
        dateline: String::new(),
        published: Date::new(1970, 1, 1).unwrap(),
        published_raw: String::new(),
        url: String::new(),
        language: String::new(),
    };
    corpus::build_article("t".into(), "t.txt".into(), meta, text.to_string())
}

/// Expected quotation: text, speaker (alternatives separated by `|`, "" for none), kind.
pub type Want = (&'static str, &'static str, QuoteKind);

/// Mismatches of one case, as readable lines.
pub fn check(name: &str, text: &str, want: &[Want]) -> Vec<String> {
    let a = article(text);
    let got: Vec<(String, String, QuoteKind)> = extract(&a).into_iter().map(|q| (a.slice(q.span).to_string(), q.speaker.map(|s| s.name).unwrap_or_default(), q.kind)).collect();
    let mut bad = Vec::new();
    if got.len() != want.len() {
        bad.push(format!("{name}: {} quotations, want {}: {got:?}", got.len(), want.len()));
        return bad;
    }
    for (g, w) in got.iter().zip(want) {
        let speaker_ok = w.1.split('|').any(|s| s == g.1);
        if g.0 != w.0 || !speaker_ok || g.2 != w.2 {
            bad.push(format!("{name}: got ({:?}, {:?}, {:?}) want ({:?}, {:?}, {:?})", g.0, g.1, g.2, w.0, w.1, w.2));
        }
    }
    bad
}

/// Runs every case; fails with all mismatches at once.
pub fn run(cases: &[(&str, &str, Vec<Want>)]) {
    let bad: Vec<String> = cases.iter().flat_map(|(n, t, w)| check(n, t, w)).collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
