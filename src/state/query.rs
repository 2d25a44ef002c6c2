//! What the screen shows, derived from the route: the search (through the engine's index)
//! and the quotations and speakers (through the engine's quote index), adapted to what the
//! components need. Computed on demand, cached where the answer only depends on the bundle.

use super::{Route, Sort};
use crate::data::bundle;
use dispatches_engine::search::normalize::tokenize;
use dispatches_engine::search::{SearchRequest, SearchResults, Sort as EngineSort};
use std::collections::HashSet;
use dispatches_engine::search::normalize::fold;
use dispatches_engine::quotes::{QuoteKind, SpeakerKind};
use dispatches_engine::{Date, Span};
use std::sync::OnceLock;

/// Hits rendered at first; more on request ("Show more").
pub const PAGE: usize = 50;

pub fn request(route: &Route, limit: usize) -> SearchRequest {
    SearchRequest {
        query: route.query.clone(),
        outlets: route.outlets.clone(),
        from: route.from,
        to: route.to,
        sort: match route.sort {
            Sort::Relevance => EngineSort::Relevance,
            Sort::Newest => EngineSort::Newest,
            Sort::Oldest => EngineSort::Oldest,
        },
        limit: Some(limit),
    }
}

pub fn search(route: &Route, limit: usize) -> SearchResults {
    bundle().search(&request(route, limit))
}

/// The normalized terms a search matched, with a set for fast lookups: what the page marks.
#[derive(Debug, Default)]
pub struct Terms {
    list: Vec<String>,
    set: HashSet<String>,
}

impl PartialEq for Terms {
    fn eq(&self, other: &Terms) -> bool {
        self.list == other.list
    }
}

impl Terms {
    pub fn new(list: Vec<String>) -> Terms {
        Terms { set: list.iter().cloned().collect(), list }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Byte ranges to mark in `text`.
    pub fn marks(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        self.marks_in(&tokens_of(text))
    }

    /// Byte ranges to mark, from tokens computed once (see [`quote_tokens`]).
    pub fn marks_in(&self, tokens: &[Tok]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for t in tokens.iter().filter(|t| self.set.contains(t.term.as_str())) {
            match out.last_mut() {
                Some(last) if t.start <= last.1 => last.1 = last.1.max(t.end),
                _ => out.push((t.start, t.end)),
            }
        }
        out
    }
}

/// A word of a text and its normalized term.
#[derive(Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub term: String,
}

fn tokens_of(text: &str) -> Vec<Tok> {
    let mut v: Vec<Tok> = tokenize(text).into_iter().map(|t| Tok { start: t.start, end: t.end, term: t.term }).collect();
    dispatches_engine::search::sort::sort_by_key(&mut v, |t| (t.start, t.end));
    v
}

/// Tokens of every quotation's words and of every headline, computed once: marking them
/// on each keystroke is then a set lookup per word.
struct TokenCache {
    quotes: Vec<Vec<Vec<Tok>>>,
    headlines: Vec<Vec<Tok>>,
}

fn token_cache() -> &'static TokenCache {
    static C: OnceLock<TokenCache> = OnceLock::new();
    C.get_or_init(|| {
        let corpus = &bundle().corpus;
        TokenCache {
            quotes: (0..corpus.articles.len()).map(|a| quotes_of(a).iter().map(|q| tokens_of(quote_text(q))).collect()).collect(),
            headlines: corpus.articles.iter().map(|a| tokens_of(&a.meta.headline)).collect(),
        }
    })
}

/// Tokens of quote `q` (its words, marks excluded).
pub fn quote_tokens(q: &QuoteView) -> &'static [Tok] {
    &token_cache().quotes[q.article][q.n - 1]
}

pub fn headline_tokens(article: usize) -> &'static [Tok] {
    &token_cache().headlines[article]
}

/// Builds the lazily computed tables (quotes, speakers, tokens) ahead of the first keystroke.
pub fn warm_up() {
    let _ = search(&Route { query: "warm up".into(), ..Route::default() }, 1);
    let _ = token_cache();
    let _ = speakers_matching("warm up");
}

/// Facts about the whole corpus the filters need.
pub struct CorpusFacts {
    pub outlets: Vec<&'static str>,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

pub fn facts() -> &'static CorpusFacts {
    static FACTS: OnceLock<CorpusFacts> = OnceLock::new();
    FACTS.get_or_init(|| {
        let corpus = &bundle().corpus;
        // As `Corpus::outlets`, with the engine's compact sort (the same order; less wasm).
        let mut outlets: Vec<&str> = corpus.articles.iter().map(|a| a.meta.outlet.as_str()).collect();
        dispatches_engine::search::sort::sort(&mut outlets);
        outlets.dedup();
        CorpusFacts {
            outlets,
            first: corpus.articles.iter().map(|a| a.meta.published).min(),
            last: corpus.articles.iter().map(|a| a.meta.published).max(),
        }
    })
}

// -------------------------------------------------------------------------------------------
// Quotations
// -------------------------------------------------------------------------------------------

/// A quotation as the page uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteView {
    /// 1-based number among the article's quotations (the `quote` URL parameter).
    pub n: usize,
    pub article: usize,
    /// Byte span in the article's text of what the `<q>` element wraps (the quoted words and
    /// the quotation marks right around them).
    pub span: Span,
    /// The quoted words alone (marks excluded).
    pub text_span: Span,
    pub block: usize,
    /// Index into [`speakers`].
    pub speaker: Option<usize>,
    pub role: Option<String>,
    /// Speech worth listing under a result or a speaker (not a scare quote, not a repeat).
    pub listed: bool,
}

/// A speaker as the page uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerView {
    pub name: String,
    pub role: Option<String>,
    /// (article index, quote number) of each listed quotation, in corpus order.
    pub quotes: Vec<(usize, usize)>,
    /// Outlets quoting them, alphabetical.
    pub outlets: Vec<String>,
    /// An unnamed source ("a Syrian official").
    pub unnamed: bool,
    folded_words: Vec<String>,
}

struct Quotes {
    by_article: Vec<Vec<QuoteView>>,
    speakers: Vec<SpeakerView>,
}

fn quotes() -> &'static Quotes {
    static Q: OnceLock<Quotes> = OnceLock::new();
    Q.get_or_init(build_quotes)
}

fn build_quotes() -> Quotes {
    let b = bundle();
    let corpus = &b.corpus;
    let index = &b.quotes;
    let mut by_article: Vec<Vec<QuoteView>> = corpus.articles.iter().map(|_| Vec::new()).collect();
    // Global quote index -> (article, n), for the speakers' lists.
    let mut place: Vec<Option<(usize, usize)>> = vec![None; index.quotes.len()];
    for (gi, q) in index.quotes.iter().enumerate() {
        if q.kind == QuoteKind::Scare {
            continue;
        }
        let Some(article) = corpus.articles.get(q.article) else { continue };
        let list = &mut by_article[q.article];
        let n = list.len() + 1;
        place[gi] = Some((q.article, n));
        list.push(QuoteView {
            n,
            article: q.article,
            span: with_marks(&article.text, q.span),
            text_span: q.span,
            block: q.block,
            speaker: q.speaker,
            role: q.role.clone(),
            listed: q.kind.is_speech() && q.repeat_of.is_none(),
        });
    }
    let speakers = index
        .speakers
        .iter()
        .map(|s| {
            let quotes: Vec<(usize, usize)> = s.quotes.iter().filter_map(|&g| place.get(g).copied().flatten()).collect();
            let mut outlets: Vec<String> = quotes.iter().map(|&(a, _)| corpus.articles[a].meta.outlet.clone()).collect();
            dispatches_engine::search::sort::sort(&mut outlets);
            outlets.dedup();
            SpeakerView {
                name: s.name.clone(),
                role: s.role.clone(),
                quotes,
                outlets,
                unnamed: s.kind == SpeakerKind::Unnamed,
                folded_words: s.name.split(|c: char| c.is_whitespace() || c == '-').map(fold).filter(|w| !w.is_empty()).collect(),
            }
        })
        .collect();
    Quotes { by_article, speakers }
}

/// Widens a quotation's span to the quotation marks right around it, so the `<q>` element
/// wraps what the reader sees as the quote.
fn with_marks(text: &str, span: Span) -> Span {
    const OPEN: &[char] = &['"', '“', '‘', '\'', '«', '„'];
    const CLOSE: &[char] = &['"', '”', '’', '\'', '»', '“'];
    let (mut a, mut b) = (span.start as usize, span.end as usize);
    if a > text.len() || b > text.len() || a > b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return span;
    }
    if let Some(c) = text[..a].chars().next_back() {
        if OPEN.contains(&c) {
            a -= c.len_utf8();
            // Punctuation inside the closing mark: “…,” — keep it in the quote.
            let rest = &text[b..];
            let skip: usize = rest.chars().take_while(|c| matches!(c, ',' | '.' | '?' | '!')).map(char::len_utf8).sum::<usize>().min(3);
            if let Some(c2) = text[b + skip..].chars().next() {
                if CLOSE.contains(&c2) {
                    b += skip + c2.len_utf8();
                }
            }
        }
    }
    Span::new(a, b)
}

/// Every quotation of an article, in text order.
pub fn quotes_of(article: usize) -> &'static [QuoteView] {
    quotes().by_article.get(article).map(Vec::as_slice).unwrap_or(&[])
}

pub fn quote(article: usize, n: usize) -> Option<&'static QuoteView> {
    quotes_of(article).get(n.checked_sub(1)?)
}

/// Speakers, most quoted first.
pub fn speakers() -> &'static [SpeakerView] {
    &quotes().speakers
}

pub fn speaker(i: usize) -> Option<&'static SpeakerView> {
    speakers().get(i)
}

pub fn speaker_by_name(name: &str) -> Option<usize> {
    let f = fold(name);
    speakers().iter().position(|s| fold(&s.name) == f)
}

/// Speakers whose name contains every word of the query (accent- and case-insensitive; the
/// last word may be a prefix). Quoted or excluded words are ignored.
pub fn speakers_matching(query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().filter(|w| !w.starts_with('-') && *w != "OR").map(fold).filter(|w| !w.is_empty()).take(8).collect();
    if words.is_empty() {
        return Vec::new();
    }
    speakers()
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            words.iter().enumerate().all(|(i, w)| {
                s.folded_words.iter().any(|n| if i + 1 == words.len() { n.starts_with(w.as_str()) && w.len() >= 2 } else { n == w })
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The quotations of an article worth showing under its search result: those containing a
/// search term, and those of a speaker the query names.
pub fn quotes_matching(article: usize, terms: &Terms, named: &[usize]) -> Vec<&'static QuoteView> {
    quotes_of(article)
        .iter()
        .filter(|q| q.listed)
        .filter(|q| q.speaker.is_some_and(|s| named.contains(&s)) || quote_tokens(q).iter().any(|t| terms.set.contains(t.term.as_str())))
        .collect()
}

/// The text of a quotation, for lists (without the comma that led into its cue: “…,” he said).
pub fn quote_text(q: &QuoteView) -> &'static str {
    bundle().corpus.articles[q.article].text[q.text_span.range()].trim_end_matches([',', ' '])
}
