//! Full-text search over the corpus: an inverted index built at build time and shipped in the
//! bundle, queried in the browser (and by `dispatches search`).
//!
//! # Use
//!
//! ```
//! # use dispatches_engine::{Corpus, search::{SearchIndex, SearchRequest}};
//! # let corpus = Corpus::default();
//! let index = SearchIndex::build(&corpus);                 // build time (in the bundle)
//! let req = SearchRequest { query: "aleppo evacuation".into(), limit: Some(20), ..Default::default() };
//! let results = index.search(&corpus, &req);
//! for hit in &results.hits {
//!     let article = &corpus.articles[hit.article];
//!     // hit.snippet.text with <mark> around hit.snippet.matches (byte ranges in the snippet);
//!     // hit.paragraphs: the blocks that matched, with byte spans into article.text.
//! #   let _ = article;
//! }
//! // Marks in any other text (a quote, the headline, the reader):
//! let marks = dispatches_engine::search::highlight_terms("Thousands flee Aleppo", &results.terms);
//! # let _ = marks;
//! ```
//!
//! # What matches
//!
//! Words are normalized the same way in the index and in the query ([`normalize`]): Unicode
//! NFKD with diacritics folded, case folded, apostrophes unified, hyphenated words indexed as
//! parts and as one compound, dotted abbreviations joined (`U.N.` = `UN`), numbers kept,
//! British spellings mapped to American ones, English stemming. The query language is in
//! [`query`]: AND by default, `"phrases"`, `-exclusions`, `OR`, the last word as a prefix while
//! typing, typo tolerance (1 typo from 5 letters, 2 from 9; same first letter; for words the
//! corpus lacks or has in fewer than max(2, N/200) articles) ranked below exact matches.
//! At most [`MAX_TERMS`] words of a query are read, with at most 8 typo and 24 prefix
//! expansions each, so any query string is answered quickly. An acronym typed in capitals
//! also matches its name and a name spelled out its acronym ([`synonyms`]: a small list plus
//! the acronyms the corpus defines, kept in the [`DocTable`]).
//!
//! Indexed fields: headline (the catalog's, weight 4), standfirst (2), body (1: paragraphs,
//! subheadings, captions, pull quotes — every [`BlockKind::is_content`] block except the
//! headline line), byline (3) and outlet (2). Bylines printed in the text, datelines,
//! timestamps, boilerplate (gallery chrome included) and blocks repeating another block of
//! their article (`Block::duplicate_of`) are not indexed.
//!
//! # Ranking
//!
//! BM25F (k1 = 1.2, per-field length normalization, Lucene's idf, which never reaches zero)
//! with the headline, the text and the byline with the outlet saturating separately and
//! adding up (so a headline match counts for a word most articles contain), plus a proximity
//! bonus for consecutive query words found close together (adjacent words earn the most),
//! ties broken by date (newest first). Typo and prefix expansions count with a reduced weight, so an exact match
//! ranks above a near one.

mod fold_table;
pub mod names;
pub mod normalize;
pub mod query;
pub mod sort;
pub mod synonyms;

use crate::date::Date;
use crate::model::{Article, BlockKind, Corpus, Span};
use normalize::{americanize, edit_distance, token_end_at, tokenize, typo_budget};
use query::{Alt, TermSpec};
use synonyms::Synonyms;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

pub use query::MAX_TERMS;

// ---------------------------------------------------------------------------------------------
// Public request / response types
// ---------------------------------------------------------------------------------------------

/// Order of the hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sort {
    /// Best match first, ties newest first. With an empty query: newest first.
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// A search: query text plus filters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The query as typed (see [`query`] for the language). Empty: every article.
    pub query: String,
    /// Outlets to keep, matched case- and accent-insensitively against
    /// `ArticleMeta::outlet`. Empty: all outlets.
    pub outlets: Vec<String>,
    /// First day kept (inclusive).
    pub from: Option<Date>,
    /// Last day kept (inclusive).
    pub to: Option<Date>,
    pub sort: Sort,
    /// At most this many hits (snippets are only computed for these). `total` and the facets
    /// always count everything. `None`: all.
    pub limit: Option<usize>,
}

/// A passage of an article's text around its best matches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snippet {
    /// Exactly `article.text[start .. start + text.len()]`: whole words, starting at a sentence
    /// start when the matches allow it and ending at a sentence end when one is near ~35
    /// words (add an ellipsis yourself where it does not).
    pub text: String,
    /// Byte ranges of the matched words in `text`, sorted, not overlapping.
    pub matches: Vec<(u32, u32)>,
    /// Index of the block (into `article.blocks`) the snippet is taken from.
    pub block: usize,
    /// Byte offset of the snippet in `article.text`.
    pub start: u32,
}

/// A block of the article that matched.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ParagraphHit {
    /// Index into `article.blocks`.
    pub block: usize,
    /// Byte spans of the matched words in `article.text`, sorted, not overlapping.
    pub matches: Vec<Span>,
}

/// One matching article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into `corpus.articles`.
    pub article: usize,
    /// Relevance (0 for an empty query); only comparable within one result list.
    pub score: f32,
    pub snippet: Snippet,
    /// The content blocks containing matches, in text order.
    pub paragraphs: Vec<ParagraphHit>,
}

/// The answer to a [`SearchRequest`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Best first (or by date, per [`Sort`]), at most `limit`.
    pub hits: Vec<Hit>,
    /// Number of matching articles with every filter applied (may exceed `hits.len()`).
    pub total: usize,
    /// Every outlet of the corpus (alphabetical) with the number of articles matching the
    /// query and the date filter, ignoring the outlet filter: selecting one outlet still
    /// shows what the others would give.
    pub outlet_facets: Vec<(String, usize)>,
    /// Days (chronological) with the number of articles matching the query and the outlet
    /// filter, ignoring the date filter. Days without a match are left out.
    pub day_facets: Vec<(Date, usize)>,
    /// The normalized terms this query matched in the index, typo and prefix expansions
    /// included; pass them to [`highlight_terms`] to mark any text consistently.
    pub terms: Vec<String>,
}

/// A search ranked but not yet given snippets: see [`SearchIndex::rank`] and
/// [`SearchIndex::finish`].
#[derive(Clone, Debug)]
pub struct Ranked {
    /// `(article, score)`, in result order, at most `limit`.
    pub hits: Vec<(usize, f32)>,
    pub total: usize,
    pub outlet_facets: Vec<(String, usize)>,
    pub day_facets: Vec<(Date, usize)>,
    pub terms: Vec<String>,
    clauses: Vec<Vec<Resolved>>,
    /// Per clause: an acronym with its name (its word matched in lower case, "Kim Jong Un"
    /// for `UN`, is a poor snippet).
    acronyms: Vec<bool>,
    phrases: Vec<Vec<Vec<(u32, u32)>>>,
    idfs: Vec<f32>,
}

impl Ranked {
    /// The articles the hits need for their snippets.
    pub fn articles(&self) -> impl Iterator<Item = usize> + '_ {
        self.hits.iter().map(|h| h.0)
    }
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

const NFIELDS: usize = 5;
const HEADLINE: u8 = 0;
const STANDFIRST: u8 = 1;
const BODY: u8 = 2;
const BYLINE: u8 = 3;
const OUTLET: u8 = 4;
const FIELD_WEIGHT: [f32; NFIELDS] = [4.0, 2.0, 1.0, 3.0, 2.0];
const FIELD_B: [f32; NFIELDS] = [0.5, 0.5, 0.75, 0.3, 0.3];
const K1: f32 = 1.2;
/// Fields saturate in groups, each on its own (Elasticsearch's `most_fields`): the headline,
/// the text (standfirst and body), the byline and outlet. Within a group term frequencies
/// add up before saturating (BM25F); across groups the saturated scores add. So a word in
/// the headline adds to any number of mentions in the body instead of vanishing in their
/// saturation: for a word most articles contain (idf near its floor), the articles about it
/// (headline) rank first, then those that say it most, then the rest.
const GROUPS: usize = 3;
/// Each group's saturated score is multiplied by its boost. A headline match (about 1.7
/// saturated) doubled outweighs what any number of body mentions can add (at most k1 + 1 =
/// 2.2): an article with the word in its headline is about it.
const GROUP_BOOST: [f32; GROUPS] = [2.0, 1.0, 1.0];

fn group_of(field: u8) -> usize {
    match field {
        HEADLINE => 0,
        STANDFIRST | BODY => 1,
        _ => 2,
    }
}
/// The weight of the word as typed (its own term), against which its prefix and typo
/// expansions weigh less.
const EXACT_WEIGHT: f32 = 1.0;
const PREFIX_WEIGHT: f32 = 0.7;
const TYPO_WEIGHT: f32 = 0.35;
const MAX_PREFIX_EXPANSIONS: usize = 24;
/// A word being typed counts, as a prefix, from this many letters (see `query::parse`: one
/// letter stands for too many words to rank by and, sharded, would fetch the postings of
/// the corpus's commonest words on the first keystroke). Typed and finished, it is a word.
const MIN_PREFIX_CHARS: usize = 2;
/// Expansions of a two-letter prefix: its most common words only.
const SHORT_PREFIX_EXPANSIONS: usize = 4;

/// How many dictionary words a prefix of `folded` expands to (0: not read as a prefix).
fn prefix_expansions(folded: &str) -> usize {
    match folded.chars().count() {
        n if n < MIN_PREFIX_CHARS => 0,
        n if n == MIN_PREFIX_CHARS => SHORT_PREFIX_EXPANSIONS,
        _ => MAX_PREFIX_EXPANSIONS,
    }
}
const MAX_TYPO_EXPANSIONS: usize = 8;
/// How a phrase that is an alternative of the word typed (an acronym's name, see
/// [`synonyms`]) weighs when the snippet is chosen: below the word itself, above a prefix.
const SYNONYM_SNIPPET_WEIGHT: f32 = 0.9;
/// How an acronym's word found in lower case weighs when the snippet is chosen: below its
/// name, and below the acronym in capitals.
const LOWER_CASE_ACRONYM_SNIPPET_WEIGHT: f32 = 0.8;
/// Hits re-ranked with the proximity bonus.
const RERANK: usize = 200;

pub(crate) fn is_text_field(f: u8) -> bool {
    f == STANDFIRST || f == BODY
}

/// Per-article statistics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
struct DocStats {
    /// Tokens per field.
    lens: [u32; NFIELDS],
    /// Index into `SearchIndex::outlets`.
    outlet: u32,
    /// Publication day (days since 1970-01-01).
    day: i32,
    /// Positions in the text (standfirst and body share one position space).
    text_tokens: u32,
}

/// The inverted index, built at build time and shipped in the bundle.
///
/// Terms are a sorted dictionary; each term has its postings `(article, field, positions)`.
/// Positions of the text fields index a per-article table of token start offsets, so matches
/// map back to byte spans of `Article::text` without re-reading the article. Serialized
/// compactly (front-coded terms, delta-coded numbers); see [`SearchIndex::build`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredIndex", try_from = "StoredIndex")]
pub struct SearchIndex {
    terms: Vec<String>,
    /// Postings of term `t`: `entries[term_start[t]..term_start[t + 1]]`.
    term_start: Vec<u32>,
    /// `(article << 3 | field, first position index)`, sorted by article then field within a term.
    entries: Vec<(u32, u32)>,
    positions: Vec<u32>,
    /// Articles containing each term (derived on load).
    df: Vec<u32>,
    /// Per-article statistics, shared (the sharded corpus assembles a small index per query
    /// around the one table it loaded with its manifest).
    table: Arc<DocTable>,
    /// Token starts of article `d`: `starts[starts_off[d]..starts_off[d + 1]]` (empty in an
    /// index assembled from shards, where the article groups carry them).
    starts_off: Vec<u32>,
    starts: Vec<u32>,
    /// Per entry, the split layout's card marks ([`CARD_HOLDS`], [`CARD_LACKS_SPEAKER`]; see
    /// [`PostingList::mark_cards`]). Empty when unknown (an index built from a corpus).
    card_marks: Vec<u8>,
    /// Per term, whether `positions` holds its positions. The split layout reads a term's
    /// positions only for queries that rank by them (phrases, and proximity between words;
    /// see [`needs_positions`]); without them a term's entries keep their counts (as
    /// placeholder positions, so term frequencies read the same) and a hit's matches are
    /// found in its text ([`SearchIndex::text_positions`]).
    positioned: Vec<bool>,
}

/// What a search needs to know of every article without reading it: field lengths, outlet
/// and day. Small enough for the sharded corpus's manifest, so facets, the timeline and the
/// first screen need nothing else.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredDocTable", into = "StoredDocTable")]
pub struct DocTable {
    docs: Vec<DocStats>,
    outlets: Vec<String>,
    avg_len: [f32; NFIELDS],
    /// The acronyms queries expand (the corpus's own definitions are stored).
    synonyms: Synonyms,
    /// Distinct publication days, sorted (derived).
    days: Vec<i32>,
    /// Per article: index into `days` (derived).
    day_rank: Vec<u32>,
}

// The stored table leaves out the last field's lengths: the outlet's.
const _: () = assert!(OUTLET as usize == NFIELDS - 1);

/// The serialized shape of [`DocTable`]: one column per statistic, days as differences from
/// the previous article's (articles are newest first, so most are 0 or 1 byte), which
/// roughly halves the manifest on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct StoredDocTable {
    /// Field lengths as [`length_code`]s, one byte each, of every field but the last, the
    /// outlet, whose length is its outlet's (a tenth of the manifest at 100,000 reports).
    lens: [Vec<u8>; NFIELDS - 1],
    outlet: Vec<u32>,
    day_delta: Vec<i32>,
    text_tokens: Vec<u32>,
    outlets: Vec<String>,
    avg_len: [f32; NFIELDS],
    /// The acronyms the corpus defines.
    acronyms: Vec<synonyms::Defined>,
}

impl From<StoredDocTable> for DocTable {
    fn from(s: StoredDocTable) -> DocTable {
        // Columns of unequal length (a damaged file) are cut to the shortest.
        let n = s.lens.iter().map(Vec::len).chain([s.outlet.len(), s.day_delta.len(), s.text_tokens.len()]).min().unwrap_or(0);
        // The outlet field's length is its outlet's, as the index counted it.
        let outlet_lens: Vec<u32> = s.outlets.iter().map(|o| length_of_code(length_code(normalize::scan(o, 0, |_| {})))).collect();
        let mut day = 0i32;
        let docs = (0..n)
            .map(|d| {
                day = day.wrapping_add(s.day_delta[d]);
                let outlet_len = outlet_lens.get(s.outlet[d] as usize).copied().unwrap_or(0);
                let lens = std::array::from_fn(|f| s.lens.get(f).map_or(outlet_len, |column| length_of_code(column[d])));
                DocStats { lens, outlet: s.outlet[d], day, text_tokens: s.text_tokens[d] }
            })
            .collect();
        DocTable::new(docs, s.outlets, s.avg_len, Synonyms::new(s.acronyms))
    }
}

impl From<DocTable> for StoredDocTable {
    fn from(t: DocTable) -> StoredDocTable {
        let mut prev = 0i32;
        StoredDocTable {
            lens: std::array::from_fn(|f| t.docs.iter().map(|d| length_code(d.lens[f])).collect()),
            outlet: t.docs.iter().map(|d| d.outlet).collect(),
            day_delta: t
                .docs
                .iter()
                .map(|d| {
                    let delta = d.day.wrapping_sub(prev);
                    prev = d.day;
                    delta
                })
                .collect(),
            text_tokens: t.docs.iter().map(|d| d.text_tokens).collect(),
            acronyms: t.synonyms.defined().to_vec(),
            outlets: t.outlets,
            avg_len: t.avg_len,
        }
    }
}

/// Lengths up to this are coded exactly; longer ones to within [`LENGTH_STEP`].
const EXACT_LENGTHS: u32 = 40;
/// Ratio between consecutive coded lengths above [`EXACT_LENGTHS`]: 4.5 %, far below what
/// changes a BM25 score noticeably, and 255 codes reach half a million words.
const LENGTH_STEP: f64 = 1.045;

/// A field length in one byte (lengths of [`EXACT_LENGTHS`] and more are rounded to the
/// nearest of a geometric series), so the manifest carries a byte per field per article.
pub fn length_code(len: u32) -> u8 {
    if len < EXACT_LENGTHS {
        return len as u8;
    }
    let steps = ((len as f64 / EXACT_LENGTHS as f64).ln() / LENGTH_STEP.ln()).round();
    (EXACT_LENGTHS as f64 + steps).min(255.0) as u8
}

/// The length a [`length_code`] stands for.
pub fn length_of_code(code: u8) -> u32 {
    if (code as u32) < EXACT_LENGTHS {
        return code as u32;
    }
    (EXACT_LENGTHS as f64 * LENGTH_STEP.powi(code as i32 - EXACT_LENGTHS as i32)).round() as u32
}

impl DocTable {
    /// The table without the per-article token counts, which only the whole index's own
    /// encoding uses (its token starts); the sharded corpus recomputes starts from text.
    pub fn without_token_counts(mut self) -> DocTable {
        for d in &mut self.docs {
            d.text_tokens = 0;
        }
        self
    }

    fn new(docs: Vec<DocStats>, outlets: Vec<String>, avg_len: [f32; NFIELDS], synonyms: Synonyms) -> DocTable {
        let mut days: Vec<i32> = docs.iter().map(|d| d.day).collect();
        sort::sort(&mut days);
        days.dedup();
        let day_rank = docs.iter().map(|d| days.binary_search(&d.day).unwrap_or(0) as u32).collect();
        DocTable { docs, outlets, avg_len, synonyms, days, day_rank }
    }

    /// The acronyms a query of this corpus expands (see [`synonyms`]).
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The outlets, in facet order.
    pub fn outlets(&self) -> &[String] {
        &self.outlets
    }

    /// Outlet of article `d` (index into [`DocTable::outlets`]).
    pub fn outlet_of(&self, d: usize) -> Option<usize> {
        self.docs.get(d).map(|s| s.outlet as usize)
    }

    /// Publication day of article `d`.
    pub fn date_of(&self, d: usize) -> Option<Date> {
        self.docs.get(d).map(|s| Date::from_days(s.day))
    }

}

/// The serialized shape of [`SearchIndex`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct StoredIndex {
    /// Front-coded sorted terms: (bytes shared with the previous term, rest).
    terms: Vec<(u8, String)>,
    /// Postings per term.
    entry_counts: Vec<u32>,
    /// Per posting: article delta (within the term) << 3 | field, number of positions.
    entries: Vec<u32>,
    /// Per posting: position deltas.
    positions: Vec<u32>,
    docs: Vec<DocStats>,
    /// Per article: deltas of token starts.
    starts: Vec<u32>,
    outlets: Vec<String>,
    avg_len: [f32; NFIELDS],
    acronyms: Vec<synonyms::Defined>,
}

/// Front-codes sorted terms: each as (bytes shared with the previous term, the rest), cut at
/// a char boundary. The stored index and the dictionary shards store terms this way.
pub(crate) fn front_code<'a>(terms: impl Iterator<Item = &'a str>) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut prev: &str = "";
    for t in terms {
        let mut shared = prev.bytes().zip(t.bytes()).take_while(|(a, b)| a == b).count().min(255);
        while !t.is_char_boundary(shared) {
            shared -= 1;
        }
        out.push((shared as u8, t[shared..].to_string()));
        prev = t;
    }
    out
}

/// Undoes [`front_code`]; a prefix longer than the previous term (or not at a char boundary)
/// is corrupt.
pub(crate) fn front_decode(coded: &[(u8, String)]) -> Result<Vec<String>, &'static str> {
    let mut terms: Vec<String> = Vec::with_capacity(coded.len());
    for (shared, rest) in coded {
        let prev = terms.last().map_or("", |t| t.as_str());
        let head = prev.get(..*shared as usize).ok_or("term prefix")?;
        terms.push(format!("{head}{rest}"));
    }
    Ok(terms)
}

impl From<SearchIndex> for StoredIndex {
    fn from(ix: SearchIndex) -> StoredIndex {
        // The shards' per-term encoding, concatenated: one encoder for both.
        let parts = ix.into_parts();
        let terms = front_code(parts.terms.iter().map(|t| t.0.as_str()));
        let (mut entries, mut positions, mut entry_counts) = (Vec::new(), Vec::new(), Vec::with_capacity(parts.terms.len()));
        for (_, _, list) in &parts.terms {
            entry_counts.push((list.entries.len() / 2) as u32);
            entries.extend_from_slice(&list.entries);
            positions.extend_from_slice(&list.positions);
        }
        let mut starts = Vec::new();
        for doc in &parts.starts {
            let mut prev = 0;
            for &s in doc {
                starts.push(s - prev);
                prev = s;
            }
        }
        let table = parts.table;
        let acronyms = table.synonyms.defined().to_vec();
        StoredIndex { terms, entry_counts, entries, positions, docs: table.docs, starts, outlets: table.outlets, avg_len: table.avg_len, acronyms }
    }
}

impl TryFrom<StoredIndex> for SearchIndex {
    type Error = String;
    fn try_from(s: StoredIndex) -> Result<SearchIndex, String> {
        let bad = |what: &str| format!("corrupt search index: {what}");
        let terms = front_decode(&s.terms).map_err(bad)?;
        if s.entry_counts.len() != terms.len() || s.entries.len() % 2 != 0 {
            return Err(bad("posting counts"));
        }
        let mut term_start = Vec::with_capacity(terms.len() + 1);
        let mut entries = Vec::with_capacity(s.entries.len() / 2);
        let mut positions = Vec::with_capacity(s.positions.len());
        let mut df = Vec::with_capacity(terms.len());
        let (mut ei, mut pi) = (0usize, 0usize);
        for &count in &s.entry_counts {
            term_start.push(entries.len() as u32);
            let mut doc = 0u32;
            let mut docs = 0u32;
            let mut last_doc = u32::MAX;
            for _ in 0..count {
                let (Some(&code), Some(&n)) = (s.entries.get(ei), s.entries.get(ei + 1)) else { return Err(bad("postings")) };
                ei += 2;
                doc = doc.checked_add(code >> 3).ok_or_else(|| bad("article number"))?;
                if doc as usize >= s.docs.len() || doc >= 1 << 29 {
                    return Err(bad("article number"));
                }
                if doc != last_doc {
                    docs += 1;
                    last_doc = doc;
                }
                entries.push(((doc << 3) | (code & 7), positions.len() as u32));
                // The count's two low bits are the shards' card marks (see `PostingList`).
                let n = (n >> 2) as usize;
                let deltas = s.positions.get(pi..pi + n).ok_or_else(|| bad("positions"))?;
                pi += n;
                let mut p = 0u32;
                for &d in deltas {
                    p = p.saturating_add(d);
                    positions.push(p);
                }
            }
            df.push(docs);
        }
        term_start.push(entries.len() as u32);
        let mut starts_off = Vec::with_capacity(s.docs.len() + 1);
        let mut starts = Vec::with_capacity(s.starts.len());
        let mut si = 0usize;
        for doc in &s.docs {
            starts_off.push(starts.len() as u32);
            let deltas = s.starts.get(si..si + doc.text_tokens as usize).ok_or_else(|| bad("token starts"))?;
            si += doc.text_tokens as usize;
            let mut p = 0u32;
            for &d in deltas {
                p = p.saturating_add(d);
                starts.push(p);
            }
        }
        starts_off.push(starts.len() as u32);
        let positioned = vec![true; terms.len()];
        Ok(SearchIndex { terms, term_start, entries, positions, df, table: Arc::new(DocTable::new(s.docs, s.outlets, s.avg_len, Synonyms::new(s.acronyms))), starts_off, starts, card_marks: Vec::new(), positioned })
    }
}

/// Token start offsets of an article's text fields, as [`SearchIndex::build`] records them
/// (postings positions index this table). The sharded corpus recomputes them from the text
/// instead of shipping them: the same scan, so the same table.
pub fn token_starts(article: &Article) -> Vec<u32> {
    let mut starts = Vec::new();
    let mut pos = 0u32;
    for block in text_blocks(article) {
        let Some(text) = article.text.get(block.span.range()) else { continue };
        pos = block_token_starts(text, block.span.start, pos, |_, start| starts.push(start));
    }
    starts
}

/// Calls `at(position, byte start)` for each token of a text block whose text is `text` at
/// byte `base` of its article, positions counted from `first`; returns the next position.
/// The one mapping from postings positions to text: [`token_starts`] walks whole articles
/// with it, a result card (`shards::cards`) the blocks it kept.
pub(crate) fn block_token_starts(text: &str, base: u32, first: u32, mut at: impl FnMut(u32, u32)) -> u32 {
    normalize::scan(text, first, |t| {
        if !t.compound {
            at(t.pos, base + t.start as u32);
        }
    })
}

/// Whether a block is indexed as standfirst or body: content, except the headline line and
/// blocks repeating another (`Block::duplicate_of`: a caption or passage printed twice, a
/// pull quote): a passage counts once toward a score and is never the snippet twice.
pub(crate) fn is_text_block(block: &crate::model::Block) -> bool {
    block.kind.is_content() && block.kind != BlockKind::Headline && block.duplicate_of.is_none()
}

fn text_blocks(article: &Article) -> impl Iterator<Item = &crate::model::Block> {
    article.blocks.iter().filter(|b| is_text_block(b))
}

/// A posting's card mark: the article's result card holds one of its positions.
pub const CARD_HOLDS: u8 = 1;
/// A posting's card mark: its term is a word of the name of a speaker the article quotes
/// none of whose quotations the article's card holds.
pub const CARD_LACKS_SPEAKER: u8 = 2;

/// One term's postings as the shards store them: per posting `(article delta << 3 | field,
/// number of positions << 2 | card marks)`, then the position deltas of every posting in
/// order. The card marks (split layout; see [`PostingList::mark_cards`]) tell a search which
/// hits will need their whole article before it has read their cards, so it fetches both in
/// one round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PostingList {
    entries: Vec<u32>,
    positions: Vec<u32>,
}

/// A term's postings as an index is assembled from them: the list, and its positions when
/// they are stored apart (the split layout's `pos-*` shards; `None`: the list's own, if any).
#[derive(Clone, Copy, Debug)]
pub struct Postings<'p> {
    pub list: &'p PostingList,
    pub positions: Option<&'p [u32]>,
}

impl PostingList {
    /// Encoded size in numbers (a size estimate for grouping terms into shards).
    pub fn weight(&self) -> usize {
        self.entries.len() + self.positions.len()
    }

    /// The list without its positions, and the positions (stored apart: most queries rank
    /// without them, and a common word's are two thirds of its bytes).
    pub fn split_positions(mut self) -> (PostingList, Vec<u32>) {
        let positions = std::mem::take(&mut self.positions);
        (self, positions)
    }

    /// Sets each posting's card marks: `marks(article, field, positions)` gives
    /// [`CARD_HOLDS`] when the article's card holds one of those positions, and
    /// [`CARD_LACKS_SPEAKER`] when the term is a word of the name of a speaker the article
    /// quotes none of whose quotations its card holds.
    pub fn mark_cards(&mut self, marks: impl Fn(u32, u8, &[u32]) -> u8) {
        let (mut doc, mut pi) = (0u32, 0usize);
        let mut abs = Vec::new();
        for pair in self.entries.chunks_exact_mut(2) {
            doc = doc.saturating_add(pair[0] >> 3);
            let n = (pair[1] >> 2) as usize;
            abs.clear();
            let mut p = 0u32;
            for &d in self.positions.get(pi..pi + n).unwrap_or(&[]) {
                p = p.saturating_add(d);
                abs.push(p);
            }
            pi += n;
            pair[1] = (pair[1] & !3) | (marks(doc, (pair[0] & 7) as u8, &abs) & 3) as u32;
        }
    }
}

/// An index taken apart for the sharded corpus: the per-article table, every term with its
/// document frequency and postings (sorted by term), and each article's token starts.
pub struct IndexParts {
    pub table: DocTable,
    pub terms: Vec<(String, u32, PostingList)>,
    pub starts: Vec<Vec<u32>>,
}

impl SearchIndex {
    /// The first hits ([`TYPING_HINT_HITS`], ascending article numbers) of every two-letter
    /// prefix the dictionary's words begin with, of the [`TYPING_HINT_TRIGRAMS`] commonest
    /// three-letter ones, and of every prefix of four letters or more of the
    /// [`TYPING_HINT_WORDS`] commonest words (the states a reader passes through typing
    /// them, and the words themselves), as [`typing_hint_key`] reads them: computed at build
    /// time by the same ranking the page runs, a bounded number of queries at any corpus size.
    pub fn typing_hints(&self) -> Vec<(String, Vec<u32>)> {
        let prefixes = |letters: usize| {
            // (prefix, articles its words are in, counted once per word)
            let mut out: HashMap<String, u64> = HashMap::new();
            for (t, term) in self.terms.iter().enumerate() {
                let p: String = term.chars().take(letters).collect();
                if p.chars().count() == letters {
                    *out.entry(p).or_default() += self.df.get(t).copied().unwrap_or(0) as u64;
                }
            }
            out.into_iter().collect::<Vec<(String, u64)>>()
        };
        let mut trigrams = prefixes(3);
        sort::sort_by(&mut trigrams, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        trigrams.truncate(TYPING_HINT_TRIGRAMS);
        // (Stopwords are left out: a query ignores them.)
        let mut words: Vec<(u32, &str)> = self
            .terms
            .iter()
            .enumerate()
            .filter(|(_, w)| w.chars().count() >= 4 && !normalize::is_stopword(w))
            .map(|(t, w)| (self.df.get(t).copied().unwrap_or(0), w.as_str()))
            .collect();
        sort::sort_by(&mut words, |a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        // A word's hints repeat ten of its hits' cards (in its family's typing cards): a word
        // for every four reports keeps a small corpus's typing cards within a few times its
        // own cards (1,000 reports: 250 words), and a hundred words cost little at any size.
        words.truncate(TYPING_HINT_WORDS.min((self.table.docs.len() / 4).max(100)));
        let word_prefixes = words.iter().flat_map(|(_, w)| (4..=w.chars().count()).map(move |n| w.chars().take(n).collect::<String>()));
        let mut candidates: Vec<String> = prefixes(2).into_iter().chain(trigrams).map(|(p, _)| p).chain(word_prefixes).collect();
        sort::sort(&mut candidates);
        candidates.dedup();
        // Each candidate is one ranking of the whole index; they are independent.
        let ranked = crate::par::map(candidates.into_iter(), |query| {
            let req = SearchRequest { query, limit: Some(TYPING_HINT_HITS), ..Default::default() };
            let key = typing_hint_key(&req, &self.table.synonyms)?;
            let mut docs: Vec<u32> = self.rank(&req).articles().map(|d| d as u32).collect();
            docs.sort_unstable();
            (!docs.is_empty()).then_some((key, docs))
        });
        let mut seen = std::collections::HashSet::new();
        // Two candidates folding to one key rank alike; the first (in sorted order) stays.
        let mut hints: Vec<(String, Vec<u32>)> = ranked.into_iter().flatten().filter(|(key, _)| seen.insert(key.clone())).collect();
        sort::sort_by(&mut hints, |a, b| a.0.cmp(&b.0));
        hints
    }

    /// Takes the index apart for the shard writer; [`SearchIndex::assemble`] puts the parts a
    /// query needs back together.
    pub fn into_parts(self) -> IndexParts {
        let mut terms = Vec::with_capacity(self.terms.len());
        for (t, term) in self.terms.iter().enumerate() {
            let (a, b) = (self.term_start[t] as usize, self.term_start[t + 1] as usize);
            let mut list = PostingList::default();
            let mut prev_doc = 0u32;
            for e in a..b {
                let ps = self.entry_positions(e);
                let code = self.entries[e].0;
                list.entries.push((((code >> 3) - prev_doc) << 3) | (code & 7));
                list.entries.push((ps.len() as u32) << 2);
                prev_doc = code >> 3;
                let mut prev = 0;
                for &p in ps {
                    list.positions.push(p - prev);
                    prev = p;
                }
            }
            terms.push((term.clone(), self.df[t], list));
        }
        let starts = (0..self.table.docs.len()).map(|d| self.starts_of(d).to_vec()).collect();
        IndexParts { table: Arc::unwrap_or_clone(self.table), terms, starts }
    }

    /// An index over part of the dictionary (`terms`, sorted, with their corpus-wide document
    /// frequencies) with the postings `postings` gives (a term it has none for matches
    /// nothing). Searches give exactly the whole index's answers as long as the dictionary
    /// covers the query's [`lookups`] and [`SearchIndex::typo_lookups`] and every term of
    /// [`SearchIndex::query_terms`] has its postings, with their positions when the query
    /// [`needs_positions`]. Corrupt postings (an article beyond the table) are an error.
    pub fn assemble<'p>(table: Arc<DocTable>, terms: Vec<String>, df: Vec<u32>, postings: impl Fn(&str) -> Option<Postings<'p>>) -> Result<SearchIndex, String> {
        if df.len() != terms.len() {
            return Err("corrupt dictionary: frequencies".into());
        }
        let mut index = SearchIndex { terms, term_start: Vec::new(), entries: Vec::new(), positions: Vec::new(), df, table, starts_off: Vec::new(), starts: Vec::new(), card_marks: Vec::new(), positioned: Vec::new() };
        index.fill_postings(postings)?;
        Ok(index)
    }

    /// Replaces an assembled index's postings with those `postings` gives, keeping its
    /// dictionary (so a query resolves its words once, then loads only their postings).
    pub fn fill_postings<'p>(&mut self, postings: impl Fn(&str) -> Option<Postings<'p>>) -> Result<(), String> {
        let n = self.table.docs.len() as u32;
        let mut term_start = Vec::with_capacity(self.terms.len() + 1);
        let (mut entries, mut positions, mut card_marks) = (Vec::new(), Vec::new(), Vec::new());
        let mut positioned = vec![true; self.terms.len()];
        for (t, term) in self.terms.iter().enumerate() {
            term_start.push(entries.len() as u32);
            let Some(Postings { list, positions: deltas_of_term }) = postings(term) else { continue };
            // A term read without positions keeps its counts as placeholders (never read as
            // positions: see `positioned`).
            let deltas_of_term = match deltas_of_term {
                Some(d) => d,
                None if list.positions.is_empty() => {
                    positioned[t] = false;
                    &[]
                }
                None => &list.positions,
            };
            let mut doc = 0u32;
            let mut pi = 0usize;
            for pair in list.entries.chunks_exact(2) {
                doc = doc.checked_add(pair[0] >> 3).filter(|&d| d < n).ok_or_else(|| format!("corrupt postings of “{term}”: article beyond the corpus"))?;
                entries.push(((doc << 3) | (pair[0] & 7), positions.len() as u32));
                card_marks.push((pair[1] & 3) as u8);
                let count = (pair[1] >> 2) as usize;
                if !positioned[t] {
                    // A term occurs at most once per position of a field (lengths are stored
                    // within 4.5 %): a larger count is a damaged shard, not an allocation.
                    let field_len = self.table.docs[doc as usize].lens[((pair[0] & 7) as usize).min(NFIELDS - 1)] as usize;
                    if count > field_len + field_len / 16 + 2 {
                        return Err(format!("corrupt postings of “{term}”: occurrences beyond the field's length"));
                    }
                    positions.resize(positions.len() + count, u32::MAX);
                    continue;
                }
                let deltas = deltas_of_term.get(pi..pi + count).ok_or_else(|| format!("corrupt postings of “{term}”: positions"))?;
                pi += deltas.len();
                let mut p = 0u32;
                for &d in deltas {
                    p = p.saturating_add(d);
                    positions.push(p);
                }
            }
        }
        term_start.push(entries.len() as u32);
        (self.term_start, self.entries, self.positions, self.card_marks, self.positioned) = (term_start, entries, positions, card_marks, positioned);
        Ok(())
    }

    /// The per-article table.
    pub fn table(&self) -> &Arc<DocTable> {
        &self.table
    }
}

impl SearchIndex {
    /// Indexes every article of `corpus` (whose order it keeps: hits refer to
    /// `corpus.articles` by index, so search the same corpus that was indexed).
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut outlets: Vec<String> = corpus.articles.iter().map(|a| a.meta.outlet.clone()).collect();
        outlets.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| a.cmp(b)));
        outlets.dedup();

        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut by_folded: HashMap<String, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        // Per term: a stream of [article << 3 | field, n, positions…].
        let mut streams: Vec<Vec<u32>> = Vec::new();
        let mut docs = Vec::with_capacity(corpus.articles.len());
        let mut starts_off = vec![0u32];
        let mut starts: Vec<u32> = Vec::new();
        let mut occurrences: Vec<(u32, u8, u32)> = Vec::new();
        let mut totals = [0f64; NFIELDS];

        for (d, article) in corpus.articles.iter().enumerate() {
            occurrences.clear();
            let mut lens = [0u32; NFIELDS];
            // Folded word → term id (stemming each distinct word once).
            let mut intern = |folded: &str| -> u32 {
                if let Some(&id) = by_folded.get(folded) {
                    return id;
                }
                let term = normalize::term_of_folded(folded);
                let id = match ids.get(&term) {
                    Some(&id) => id,
                    None => {
                        let id = names.len() as u32;
                        ids.insert(term.clone(), id);
                        names.push(term);
                        streams.push(Vec::new());
                        id
                    }
                };
                by_folded.insert(folded.to_string(), id);
                id
            };
            let meta = &article.meta;
            for (field, text) in [(HEADLINE, &meta.headline), (BYLINE, &meta.byline), (OUTLET, &meta.outlet)] {
                lens[field as usize] = normalize::scan(text, 0, |t| occurrences.push((intern(t.folded), field, t.pos)));
            }
            let mut pos = 0u32;
            for block in text_blocks(article) {
                let Some(text) = article.text.get(block.span.range()) else { continue };
                let field = if block.kind == BlockKind::Standfirst { STANDFIRST } else { BODY };
                let base = block.span.start;
                let before = pos;
                pos = normalize::scan(text, pos, |t| {
                    if !t.compound {
                        starts.push(base + t.start as u32);
                    }
                    occurrences.push((intern(t.folded), field, t.pos));
                });
                lens[field as usize] += pos - before;
            }
            starts_off.push(starts.len() as u32);
            occurrences.sort_unstable();
            let mut i = 0;
            while i < occurrences.len() {
                let (term, field, _) = occurrences[i];
                let mut j = i;
                while j < occurrences.len() && occurrences[j].0 == term && occurrences[j].1 == field {
                    j += 1;
                }
                let stream = &mut streams[term as usize];
                stream.push(((d as u32) << 3) | field as u32);
                stream.push((j - i) as u32);
                stream.extend(occurrences[i..j].iter().map(|o| o.2));
                i = j;
            }
            for f in 0..NFIELDS {
                totals[f] += lens[f] as f64;
            }
            let outlet = outlets.binary_search_by(|o| o.to_lowercase().cmp(&meta.outlet.to_lowercase()).then_with(|| o.as_str().cmp(&meta.outlet))).unwrap_or(0);
            // Scored with the length its one-byte code stands for, as every stored table
            // keeps it (Lucene's norms: one byte per field and document).
            let lens = lens.map(|l| length_of_code(length_code(l)));
            docs.push(DocStats { lens, outlet: outlet as u32, day: meta.published.to_days(), text_tokens: pos });
        }

        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut terms = Vec::with_capacity(names.len());
        let mut term_start = Vec::with_capacity(names.len() + 1);
        let mut entries = Vec::new();
        let mut positions = Vec::new();
        let mut df = Vec::with_capacity(names.len());
        for &t in &order {
            terms.push(std::mem::take(&mut names[t as usize]));
            term_start.push(entries.len() as u32);
            let stream = std::mem::take(&mut streams[t as usize]);
            let (mut k, mut last_doc, mut count) = (0, u32::MAX, 0);
            while k + 1 < stream.len() {
                let (code, n) = (stream[k], stream[k + 1] as usize);
                entries.push((code, positions.len() as u32));
                positions.extend_from_slice(&stream[k + 2..k + 2 + n]);
                if code >> 3 != last_doc {
                    count += 1;
                    last_doc = code >> 3;
                }
                k += 2 + n;
            }
            df.push(count);
        }
        term_start.push(entries.len() as u32);
        let n = corpus.articles.len().max(1) as f64;
        let avg_len = std::array::from_fn(|f| (totals[f] / n).max(1.0) as f32);
        // Acronyms defined in the indexed text (repeated blocks and boilerplate left out).
        let texts: Vec<&str> = corpus.articles.iter().flat_map(|a| text_blocks(a).filter_map(|b| a.text.get(b.span.range()))).collect();
        let synonyms = Synonyms::new(synonyms::defined_acronyms(texts.iter().copied()));
        let positioned = vec![true; terms.len()];
        SearchIndex { terms, term_start, entries, positions, df, table: Arc::new(DocTable::new(docs, outlets, avg_len, synonyms)), starts_off, starts, card_marks: Vec::new(), positioned }
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The outlets of the indexed corpus, in facet order.
    pub fn outlets(&self) -> &[String] {
        &self.table.outlets
    }

    fn term_entries(&self, t: u32) -> &[(u32, u32)] {
        let t = t as usize;
        &self.entries[self.term_start[t] as usize..self.term_start[t + 1] as usize]
    }

    /// Positions of entry `e` (placeholders, as many as its occurrences, when its term is
    /// not [`SearchIndex::positioned`]).
    fn entry_positions(&self, e: usize) -> &[u32] {
        let p0 = self.entries[e].1 as usize;
        let p1 = self.entries.get(e + 1).map_or(self.positions.len(), |x| x.1 as usize);
        &self.positions[p0..p1]
    }

    /// Global entry indexes of term `t` for article `d`.
    fn doc_entries(&self, t: u32, d: usize) -> std::ops::Range<usize> {
        let base = self.term_start[t as usize] as usize;
        let es = self.term_entries(t);
        let lo = es.partition_point(|e| (e.0 >> 3) < d as u32);
        let hi = lo + es[lo..].partition_point(|e| (e.0 >> 3) == d as u32);
        base + lo..base + hi
    }

    /// The document frequency of `term`, if the index's dictionary holds it.
    pub fn document_frequency(&self, term: &str) -> Option<u32> {
        self.find_term(term).and_then(|t| self.df.get(t as usize).copied())
    }

    /// Whether term `t`'s positions were read (see `positioned`).
    fn is_positioned(&self, t: u32) -> bool {
        self.positioned.get(t as usize).copied().unwrap_or(true)
    }

    fn find_term(&self, term: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok().map(|i| i as u32)
    }

    /// Dictionary terms a query word stands for, with their weights.
    fn expand(&self, spec: &TermSpec) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        if let Some(t) = self.find_term(&spec.term) {
            out.push((t, EXACT_WEIGHT));
        }
        if spec.exact {
            return out;
        }
        let expansions = prefix_expansions(&spec.folded);
        if spec.prefix && expansions > 0 {
            let prefixes = Self::prefix_forms(&spec.folded);
            let mut found: Vec<u32> = Vec::new();
            for p in &prefixes {
                let lo = self.terms.partition_point(|t| t.as_str() < p.as_str());
                let n = self.terms[lo..].iter().take(50_000).take_while(|t| t.starts_with(p.as_str())).count();
                found.extend(lo as u32..(lo + n) as u32);
            }
            // The prefix forms' ranges may overlap: each word once, the exact word not again.
            sort::sort(&mut found);
            found.dedup();
            found.retain(|id| !out.iter().any(|o| o.0 == *id));
            sort::sort_by(&mut found, |a, b| self.df[*b as usize].cmp(&self.df[*a as usize]).then(a.cmp(b)));
            out.extend(found.into_iter().take(expansions).map(|id| (id, PREFIX_WEIGHT)));
        }
        let budget = if self.wants_typos(spec) { typo_budget(&spec.term) } else { 0 };
        if budget > 0 {
            let first = spec.term.chars().next().unwrap_or('a');
            let mut buf = [0u8; 4];
            let head: &str = first.encode_utf8(&mut buf);
            let lo = self.terms.partition_point(|t| t.as_str() < head);
            let qlen = spec.term.chars().count();
            let mut found: Vec<(usize, u32, u32)> = Vec::new();
            for (k, t) in self.terms[lo..].iter().enumerate() {
                if !t.starts_with(head) {
                    break;
                }
                if t.len().abs_diff(spec.term.len()) > budget * 4 || (t.is_ascii() && t.len().abs_diff(qlen) > budget) {
                    continue;
                }
                let id = (lo + k) as u32;
                if let Some(dist) = edit_distance(t, &spec.term, budget) {
                    if dist > 0 && !out.iter().any(|o| o.0 == id) {
                        found.push((dist, self.df[id as usize], id));
                    }
                }
            }
            sort::sort_by(&mut found, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            out.extend(found.into_iter().take(MAX_TYPO_EXPANSIONS).map(|(dist, _, id)| (id, TYPO_WEIGHT / dist as f32)));
        }
        out
    }

    /// The prefixes a prefix word expands from: as typed, American spelling, "our" as "or".
    /// [`lookups`] names the same ones, so a sharded corpus loads what this will read.
    fn prefix_forms(folded: &str) -> Vec<String> {
        let mut prefixes = vec![folded.to_string()];
        let american = americanize(folded).into_owned();
        let our = if folded.len() > 3 { folded.replace("our", "or") } else { folded.to_string() };
        for p in [american, our] {
            if !prefixes.contains(&p) {
                prefixes.push(p);
            }
        }
        prefixes
    }

    /// Whether a query word is rare enough here to be read with typo tolerance: the corpus
    /// lacks it or has it in fewer than max(2, N/200) articles (a well-attested word is taken
    /// as spelled as meant; this also keeps long queries fast on large corpora).
    fn wants_typos(&self, spec: &TermSpec) -> bool {
        let exact_df = self.find_term(&spec.term).map_or(0, |t| self.df[t as usize] as usize);
        exact_df < (self.table.docs.len() / 200).max(2) && typo_budget(&spec.term) > 0
    }

    /// The words a typo lookup needs from the dictionary: for each query word that
    /// [`SearchIndex::wants_typos`] here, every term with the word's first letter.
    pub fn typo_lookups(&self, query: &str) -> Vec<TermRange> {
        let ast = query::parse_with(query, &self.table.synonyms);
        let mut out = Vec::new();
        for alt in ast.clauses.iter().flat_map(|c| &c.alts) {
            if let Alt::Term(spec) = alt {
                if !spec.exact && self.wants_typos(spec) {
                    if let Some(first) = spec.term.chars().next() {
                        push_unique(&mut out, TermRange::Prefix(first.to_string()));
                    }
                }
            }
        }
        out
    }

    /// Every dictionary term a query resolves to (exact words, prefix and typo expansions,
    /// phrase words, excluded words): the postings a search with it will read.
    pub fn query_terms(&self, query: &str) -> Vec<String> {
        let ast = query::parse_with(query, &self.table.synonyms);
        let mut out: Vec<String> = Vec::new();
        for alt in ast.clauses.iter().flat_map(|c| &c.alts).chain(&ast.excluded) {
            let ids = match self.resolve(alt) {
                Resolved::Term(v) => v.into_iter().map(|x| x.0).collect(),
                Resolved::Phrase(ids) => ids,
            };
            for t in ids {
                push_unique(&mut out, self.terms[t as usize].clone());
            }
        }
        out
    }

    fn resolve(&self, alt: &Alt) -> Resolved {
        match alt {
            Alt::Term(spec) => Resolved::Term(self.expand(spec)),
            Alt::Phrase(words) => {
                let ids: Option<Vec<u32>> = words.iter().map(|w| self.find_term(w)).collect();
                match ids {
                    Some(ids) => Resolved::Phrase(ids),
                    None => Resolved::Term(Vec::new()),
                }
            }
        }
    }

    /// Occurrences of a phrase: `(entry code = article << 3 | field, start position)`.
    fn phrase_occurrences(&self, ids: &[u32], only_doc: Option<usize>) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        // A phrase is only ever read with its words' positions (`needs_positions`).
        if ids.is_empty() || !ids.iter().all(|&t| self.is_positioned(t)) {
            debug_assert!(ids.is_empty(), "a phrase read without its positions");
            return out;
        }
        // Drive from the rarest word.
        let (k0, &t0) = ids.iter().enumerate().min_by_key(|(_, &t)| self.term_start[t as usize + 1] - self.term_start[t as usize]).unwrap();
        let range = match only_doc {
            Some(d) => self.doc_entries(t0, d),
            None => {
                let b = self.term_start[t0 as usize] as usize;
                b..self.term_start[t0 as usize + 1] as usize
            }
        };
        for e in range {
            let code = self.entries[e].0;
            let others: Option<Vec<&[u32]>> = ids
                .iter()
                .map(|&t| {
                    let es = self.term_entries(t);
                    es.binary_search_by(|x| x.0.cmp(&code)).ok().map(|i| self.entry_positions(self.term_start[t as usize] as usize + i))
                })
                .collect();
            let Some(others) = others else { continue };
            for &p in self.entry_positions(e) {
                let Some(start) = p.checked_sub(k0 as u32) else { continue };
                if others.iter().enumerate().all(|(k, ps)| ps.binary_search(&(start + k as u32)).is_ok()) {
                    out.push((code, start));
                }
            }
        }
        out.dedup();
        out
    }

    /// Runs a search. `corpus` must be the corpus this index was built from.
    pub fn search(&self, corpus: &Corpus, req: &SearchRequest) -> SearchResults {
        let ranked = self.rank(req);
        self.finish(ranked, |d| Some((corpus.articles.get(d)?, self.starts_of(d))))
    }

    /// Token starts of article `d` (empty in an index assembled from shards).
    fn starts_of(&self, d: usize) -> &[u32] {
        match (self.starts_off.get(d), self.starts_off.get(d + 1)) {
            (Some(&a), Some(&b)) => self.starts.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The first half of a search: which articles match, in which order, with facets and
    /// terms, but no snippets yet. Reads only the dictionary, the postings of the query's
    /// terms and the [`DocTable`], so a sharded corpus can answer it before any article is
    /// loaded, then fetch just the articles of the hits for [`SearchIndex::finish`].
    pub fn rank(&self, req: &SearchRequest) -> Ranked {
        let ast = query::parse_with(&req.query, &self.table.synonyms);
        let n = self.table.docs.len();
        let words = n.div_ceil(64);
        let clauses: Vec<Vec<Resolved>> = ast.clauses.iter().map(|c| c.alts.iter().map(|a| self.resolve(a)).collect()).collect();
        let excluded: Vec<Resolved> = ast.excluded.iter().map(|a| self.resolve(a)).collect();

        // Matching articles, per alternative and overall.
        let mut phrase_cache: Vec<Vec<Vec<(u32, u32)>>> = Vec::with_capacity(clauses.len());
        let mut alt_sets: Vec<Vec<Bits>> = Vec::with_capacity(clauses.len());
        let mut matched = Bits::full(n, words);
        for clause in &clauses {
            let mut union = Bits::empty(words);
            let mut sets = Vec::new();
            let mut phrases = Vec::new();
            for alt in clause {
                let (set, occ) = self.alt_set(alt, n, words);
                union.or(&set);
                sets.push(set);
                phrases.push(occ);
            }
            matched.and(&union);
            alt_sets.push(sets);
            phrase_cache.push(phrases);
        }
        for alt in &excluded {
            let (set, _) = self.alt_set(alt, n, words);
            matched.and_not(&set);
        }

        // Filters and facets.
        let wanted: Vec<String> = req.outlets.iter().map(|o| normalize::fold(o)).collect();
        let outlet_ok: Vec<bool> = self.table.outlets.iter().map(|o| wanted.is_empty() || wanted.contains(&normalize::fold(o))).collect();
        let from = req.from.map_or(i32::MIN, |d| d.to_days());
        let to = req.to.map_or(i32::MAX, |d| d.to_days());
        let mut outlet_counts = vec![0usize; self.table.outlets.len()];
        let mut day_counts = vec![0usize; self.table.days.len()];
        let mut kept = Bits::empty(words);
        let mut total = 0;
        for d in matched.iter(n) {
            let doc = &self.table.docs[d];
            let o_ok = outlet_ok.get(doc.outlet as usize).copied().unwrap_or(false);
            let t_ok = from <= doc.day && doc.day <= to;
            if t_ok {
                if let Some(c) = outlet_counts.get_mut(doc.outlet as usize) {
                    *c += 1;
                }
            }
            if o_ok {
                if let Some(c) = day_counts.get_mut(self.table.day_rank[d] as usize) {
                    *c += 1;
                }
            }
            if o_ok && t_ok {
                kept.set(d);
                total += 1;
            }
        }

        // Scores.
        let positive = !clauses.is_empty();
        let mut scores = vec![0f32; if positive { n } else { 0 }];
        let mut idfs: Vec<f32> = Vec::with_capacity(clauses.len());
        if positive {
            let mut acc = vec![[0f32; GROUPS]; n];
            let mut touched: Vec<usize> = Vec::new();
            for (ci, clause) in clauses.iter().enumerate() {
                let mut clause_idf = 0f32;
                for (ai, alt) in clause.iter().enumerate() {
                    let df = alt_sets[ci][ai].count();
                    if df == 0 {
                        continue;
                    }
                    let idf = self.idf(df, n);
                    match alt {
                        Resolved::Term(variants) => {
                            for &(t, w) in variants {
                                let base = self.term_start[t as usize] as usize;
                                for (i, &(code, _)) in self.term_entries(t).iter().enumerate() {
                                    let d = (code >> 3) as usize;
                                    if d < n && kept.get(d) {
                                        let tf = self.entry_positions(base + i).len() as f32;
                                        let field = (code & 7) as u8;
                                        if acc[d] == [0.0; GROUPS] {
                                            touched.push(d);
                                        }
                                        acc[d][group_of(field)] += w * self.field_tf(d, field, tf);
                                    }
                                }
                            }
                            clause_idf = clause_idf.max(idf);
                        }
                        Resolved::Phrase(ids) => {
                            let phrase_idf: f32 = ids.iter().map(|&t| self.idf(self.df[t as usize] as usize, n)).sum::<f32>().max(idf);
                            let occ = &phrase_cache[ci][ai];
                            let mut k = 0;
                            while k < occ.len() {
                                let code = occ[k].0;
                                let mut j = k;
                                while j < occ.len() && occ[j].0 == code {
                                    j += 1;
                                }
                                let d = (code >> 3) as usize;
                                if d < n && kept.get(d) {
                                    let field = (code & 7) as u8;
                                    if acc[d] == [0.0; GROUPS] {
                                        touched.push(d);
                                    }
                                    // Scaled so the phrase's single idf weighs like its words.
                                    acc[d][group_of(field)] += (phrase_idf / idf.max(1e-3)) * self.field_tf(d, field, (j - k) as f32);
                                }
                                k = j;
                            }
                            clause_idf = clause_idf.max(idf);
                        }
                    }
                    for &d in &touched {
                        scores[d] += idf * acc[d].iter().zip(GROUP_BOOST).map(|(&x, boost)| boost * x * (K1 + 1.0) / (K1 + x)).sum::<f32>();
                        acc[d] = [0.0; GROUPS];
                    }
                    touched.clear();
                }
                idfs.push(clause_idf);
            }
        }

        // Order.
        let mut order: Vec<usize> = kept.iter(n).collect();
        let sort = if positive { req.sort } else if req.sort == Sort::Relevance { Sort::Newest } else { req.sort };
        let by_date_desc = |a: &usize, b: &usize| self.table.docs[*b].day.cmp(&self.table.docs[*a].day).then(a.cmp(b));
        match sort {
            Sort::Relevance => {
                let by_score = |s: &[f32], a: &usize, b: &usize| s[*b].total_cmp(&s[*a]).then_with(|| by_date_desc(a, b));
                // Only the best `limit` (and the re-ranked) need ordering.
                let keep = req.limit.map_or(usize::MAX, |l| l.max(RERANK));
                sort::sort_truncate_by(&mut order, keep, |a, b| by_score(&scores, a, b));
                if clauses.len() >= 2 {
                    let top = order.len().min(RERANK);
                    for &d in &order[..top] {
                        scores[d] += self.proximity(d, &clauses, &phrase_cache, &idfs);
                    }
                    sort::sort_by(&mut order[..top], |a, b| by_score(&scores, a, b));
                }
            }
            Sort::Newest => sort::sort_by(&mut order, by_date_desc),
            Sort::Oldest => sort::sort_by(&mut order, |a, b| self.table.docs[*a].day.cmp(&self.table.docs[*b].day).then(b.cmp(a))),
        }
        if let Some(limit) = req.limit {
            order.truncate(limit);
        }
        let hits: Vec<(usize, f32)> = order.into_iter().map(|d| (d, if positive { scores[d] } else { 0.0 })).collect();

        let mut terms: Vec<String> = Vec::new();
        for clause in &clauses {
            for alt in clause {
                let ids: Vec<u32> = match alt {
                    Resolved::Term(v) => v.iter().map(|x| x.0).collect(),
                    Resolved::Phrase(ids) => ids.clone(),
                };
                for t in ids {
                    let s = &self.terms[t as usize];
                    if !terms.contains(s) {
                        terms.push(s.clone());
                    }
                }
            }
        }

        Ranked {
            hits,
            total,
            outlet_facets: self.table.outlets.iter().cloned().zip(outlet_counts).collect(),
            day_facets: self.table.days.iter().zip(day_counts).filter(|x| x.1 > 0).map(|(&d, c)| (Date::from_days(d), c)).collect(),
            terms,
            clauses,
            acronyms: ast.clauses.iter().map(|c| c.acronym).collect(),
            phrases: phrase_cache,
            idfs,
        }
    }

    /// The second half of a search: snippets and matched paragraphs of the ranked hits.
    /// `article(d)` gives article `d` and its token starts; a hit whose article it cannot give
    /// keeps its place with an empty snippet (callers that load articles on demand ask for
    /// [`Ranked::articles`] first, so this does not happen).
    pub fn finish<'a>(&self, ranked: Ranked, article: impl Fn(usize) -> Option<(&'a Article, &'a [u32])>) -> SearchResults {
        let Ranked { hits, total, outlet_facets, day_facets, terms, clauses, acronyms, phrases, idfs } = ranked;
        let hits = hits
            .into_iter()
            .map(|(d, score)| match article(d) {
                Some((article, starts)) => {
                    let spans = self.match_spans(d, article, starts, &clauses, &acronyms, &phrases);
                    Hit { article: d, score, snippet: make_snippet(article, &spans, &idfs), paragraphs: paragraph_hits(&spans) }
                }
                None => Hit { article: d, score, ..Hit::default() },
            })
            .collect();
        SearchResults { hits, total, outlet_facets, day_facets, terms }
    }

    fn idf(&self, df: usize, n: usize) -> f32 {
        let (n, df) = (n as f32, df as f32);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Length-normalized, field-weighted term frequency.
    fn field_tf(&self, d: usize, field: u8, tf: f32) -> f32 {
        let f = (field as usize).min(NFIELDS - 1);
        let len = self.table.docs[d].lens[f] as f32;
        let norm = 1.0 - FIELD_B[f] + FIELD_B[f] * len / self.table.avg_len[f];
        FIELD_WEIGHT[f] * tf / norm.max(0.1)
    }

    /// Articles matching one alternative (plus a phrase's occurrences).
    fn alt_set(&self, alt: &Resolved, n: usize, words: usize) -> (Bits, Vec<(u32, u32)>) {
        let mut set = Bits::empty(words);
        match alt {
            Resolved::Term(variants) => {
                for &(t, _) in variants {
                    for &(code, _) in self.term_entries(t) {
                        let d = (code >> 3) as usize;
                        if d < n {
                            set.set(d);
                        }
                    }
                }
                (set, Vec::new())
            }
            Resolved::Phrase(ids) => {
                let occ = self.phrase_occurrences(ids, None);
                for &(code, _) in &occ {
                    let d = (code >> 3) as usize;
                    if d < n {
                        set.set(d);
                    }
                }
                (set, occ)
            }
        }
    }

    /// `(field, position, term)` of every occurrence of a clause in article `d` (of its
    /// terms whose positions were read: see [`SearchIndex::text_positions`] for the others).
    fn clause_positions(&self, d: usize, clause: &[Resolved], phrases: &[Vec<(u32, u32)>], out: &mut Vec<(u8, u32, u32)>) {
        for (ai, alt) in clause.iter().enumerate() {
            match alt {
                Resolved::Term(variants) => {
                    for &(t, _) in variants.iter().filter(|v| self.is_positioned(v.0)) {
                        for e in self.doc_entries(t, d) {
                            let field = (self.entries[e].0 & 7) as u8;
                            out.extend(self.entry_positions(e).iter().map(|&p| (field, p, t)));
                        }
                    }
                }
                Resolved::Phrase(ids) => {
                    let occ = &phrases[ai];
                    let lo = occ.partition_point(|o| (o.0 >> 3) < d as u32);
                    for &(code, start) in occ[lo..].iter().take_while(|o| (o.0 >> 3) == d as u32) {
                        out.extend(ids.iter().enumerate().map(|(k, &t)| ((code & 7) as u8, start + k as u32, t)));
                    }
                }
            }
        }
    }

    /// Bonus for consecutive clauses found close together (adjacent: the most).
    fn proximity(&self, d: usize, clauses: &[Vec<Resolved>], phrases: &[Vec<Vec<(u32, u32)>>], idfs: &[f32]) -> f32 {
        let space = |f: u8| if is_text_field(f) { 0u8 } else { f };
        let lists: Vec<Vec<(u8, u32)>> = clauses
            .iter()
            .zip(phrases)
            .map(|(c, p)| {
                let mut v = Vec::new();
                self.clause_positions(d, c, p, &mut v);
                let mut l: Vec<(u8, u32)> = v.into_iter().map(|(f, p, _)| (space(f), p)).collect();
                sort::sort(&mut l);
                l.dedup();
                l
            })
            .collect();
        let mut bonus = 0.0;
        for i in 0..lists.len().saturating_sub(1) {
            let (a, b) = (&lists[i], &lists[i + 1]);
            let (mut x, mut y) = (0, 0);
            let mut best = u32::MAX;
            while x < a.len() && y < b.len() {
                if a[x].0 == b[y].0 {
                    best = best.min(a[x].1.abs_diff(b[y].1).max(1));
                }
                if a[x] < b[y] {
                    x += 1;
                } else {
                    y += 1;
                }
            }
            if best <= 20 {
                bonus += idfs[i].min(idfs[i + 1]) / best as f32;
            }
        }
        bonus
    }

    /// Byte spans (in `article.text`) of every match in the text fields, with the clause
    /// number, sorted by start.
    fn match_spans(&self, d: usize, article: &Article, starts: &[u32], clauses: &[Vec<Resolved>], acronyms: &[bool], phrases: &[Vec<Vec<(u32, u32)>>]) -> Vec<MatchSpan> {
        let mut out = Vec::new();
        let mut buf = Vec::new();
        for (ci, (clause, p)) in clauses.iter().zip(phrases).enumerate() {
            for ai in 0..clause.len() {
                buf.clear();
                self.clause_positions(d, &clause[ai..=ai], &p[ai..=ai], &mut buf);
                self.text_positions(d, article, starts, &clause[ai], &mut buf);
                for &(field, pos, t) in &buf {
                    if !is_text_field(field) {
                        continue;
                    }
                    let Some(&start) = starts.get(pos as usize) else { continue };
                    let start = start as usize;
                    if start > article.text.len() || !article.text.is_char_boundary(start) {
                        continue;
                    }
                    let end = token_end_at(&article.text, start, &self.terms[t as usize]);
                    if end > start {
                        let block = block_of(article, start as u32).unwrap_or(usize::MAX);
                        // How well the word matches its query word: exact 1.0, prefix and typo less;
                        // a phrase after the word typed (an acronym's name) a little less, so the
                        // snippet shows the acronym as typed where the article has it.
                        // An acronym's word printed in lower case ("Kim Jong Un" for `UN`; the
                        // index folds case) below its name.
                        let lower_acronym = || acronyms.get(ci).copied().unwrap_or(false) && article.text[start..end].chars().any(char::is_lowercase);
                        let weight = match &clause[ai] {
                            Resolved::Term(variants) => {
                                let w = variants.iter().find(|v| v.0 == t).map_or(1.0, |v| v.1);
                                if lower_acronym() { w.min(LOWER_CASE_ACRONYM_SNIPPET_WEIGHT) } else { w }
                            }
                            Resolved::Phrase(_) if ai > 0 => SYNONYM_SNIPPET_WEIGHT,
                            Resolved::Phrase(_) => 1.0,
                        };
                        out.push(MatchSpan { span: Span::new(start, end), pos, clause: ci, block, weight });
                    }
                }
            }
        }
        sort::sort_by_key(&mut out, |m| (m.span.start, std::cmp::Reverse(m.span.end)));
        // A word matched by two alternatives (the word typed and a phrase) keeps the better weight.
        out.dedup_by(|b, a| {
            let same = a.span == b.span;
            if same {
                a.weight = a.weight.max(b.weight);
            }
            same
        });
        out
    }

    /// Whether article `d` of a ranked search matches in its text, but at no position
    /// `starts` knows (`u32::MAX` or past its end), and not in its headline: the text at hand
    /// (a result card's few blocks) cannot show a match, the whole article can. (A headline
    /// match is shown marked in the headline; the card's opening is then snippet enough.)
    /// A term read without its positions counts by its postings' card marks (the card holds
    /// one of its positions, or none), which say the same.
    pub fn matches_outside(&self, ranked: &Ranked, d: usize, starts: &[u32]) -> bool {
        let mut buf = Vec::new();
        for (clause, p) in ranked.clauses.iter().zip(&ranked.phrases) {
            self.clause_positions(d, clause, p, &mut buf);
        }
        // Terms without positions: their fields and marks.
        let Some(text_unpositioned) = self.unheld_text_matches(ranked, d, |t| !self.is_positioned(t)) else { return false };
        if buf.iter().any(|m| m.0 == HEADLINE) {
            return false;
        }
        let mut text = buf.iter().filter(|m| is_text_field(m.0)).peekable();
        (text_unpositioned || text.peek().is_some()) && text.all(|m| starts.get(m.1 as usize).is_none_or(|&s| s == u32::MAX))
    }

    /// `(field, position, term)` of the occurrences in article `d`'s text at hand (`article`,
    /// whose token starts are `starts`: a whole article, or a result card's kept blocks) of
    /// the terms of `alt` whose positions were not read: found by tokenizing the text as the
    /// index did, so they are the positions the postings hold (of the text at hand).
    fn text_positions(&self, d: usize, article: &Article, starts: &[u32], alt: &Resolved, out: &mut Vec<(u8, u32, u32)>) {
        let Resolved::Term(variants) = alt else { return };
        // The terms to find: unpositioned, and in this article's text fields.
        let wanted: Vec<u32> = variants
            .iter()
            .map(|v| v.0)
            .filter(|&t| !self.is_positioned(t) && self.doc_entries(t, d).any(|e| is_text_field((self.entries[e].0 & 7) as u8)))
            .collect();
        if wanted.is_empty() {
            return;
        }
        let mut terms_of: HashMap<String, Option<u32>> = HashMap::new();
        for block in text_blocks(article) {
            let Some(text) = article.text.get(block.span.range()) else { continue };
            let field = if block.kind == BlockKind::Standfirst { STANDFIRST } else { BODY };
            let mut found: Vec<(u32, u32)> = Vec::new();
            // The block's positions: those of its tokens counted from 0, shifted so its first
            // word falls on the position its start has in `starts`.
            let mut shift: Option<u32> = None;
            normalize::scan(text, 0, |tok| {
                if shift.is_none() && !tok.compound {
                    let start = block.span.start as u32 + tok.start as u32;
                    shift = starts.iter().position(|&s| s == start).and_then(|p| (p as u32).checked_sub(tok.pos));
                }
                let t = *terms_of.entry(tok.folded.to_string()).or_insert_with(|| {
                    let term = normalize::term_of_folded(tok.folded);
                    wanted.iter().copied().find(|&t| self.terms[t as usize] == term)
                });
                if let Some(t) = t {
                    found.push((tok.pos, t));
                }
            });
            if let Some(shift) = shift {
                out.extend(found.into_iter().map(|(pos, t)| (field, pos + shift, t)));
            }
        }
    }

    /// Whether article `d`'s result card will probably lack all of the hit's matches (as
    /// [`SearchIndex::matches_outside`] would find once the card is read), told from the
    /// postings' "in card" marks alone: no headline match, text matches, none of them marked.
    /// A phrase counts as in the card when one of its words is (the card's own check then
    /// decides). False when the postings carry no marks (the inline layout).
    pub fn card_lacks_matches(&self, ranked: &Ranked, d: usize) -> bool {
        !self.card_marks.is_empty() && self.unheld_text_matches(ranked, d, |_| true) == Some(true)
    }

    /// Told from the postings' card marks, over article `d`'s entries for the terms of
    /// `ranked` that `which` keeps (a phrase's words included): `None` when one is in the
    /// headline or in text the card holds (or no marks say otherwise), else whether any is in
    /// the text.
    fn unheld_text_matches(&self, ranked: &Ranked, d: usize, which: impl Fn(u32) -> bool) -> Option<bool> {
        let mut text = false;
        for clause in &ranked.clauses {
            for alt in clause {
                let terms: Vec<u32> = match alt {
                    Resolved::Term(variants) => variants.iter().map(|v| v.0).collect(),
                    Resolved::Phrase(ids) => ids.clone(),
                };
                for t in terms.into_iter().filter(|&t| which(t)) {
                    for e in self.doc_entries(t, d) {
                        let field = (self.entries[e].0 & 7) as u8;
                        if field == HEADLINE || (is_text_field(field) && self.card_marks.get(e).is_none_or(|m| m & CARD_HOLDS != 0)) {
                            return None;
                        }
                        text |= is_text_field(field);
                    }
                }
            }
        }
        Some(text)
    }

    /// Whether article `d`'s card will probably lack every quotation of a speaker the query
    /// names in whole words (the page lists them under the result; see
    /// `search::names::names_in_full`), told from the postings' marks: each of the query's
    /// words, as typed (not its prefix or typo expansions), is in this article a word of the
    /// name of such a speaker. False when the postings carry no marks.
    pub fn card_lacks_speaker(&self, ranked: &Ranked, d: usize) -> bool {
        !self.card_marks.is_empty()
            && !ranked.clauses.is_empty()
            && ranked.clauses.iter().all(|clause| {
                clause.iter().any(|alt| match alt {
                    Resolved::Term(variants) => variants
                        .iter()
                        .filter(|v| v.1 == EXACT_WEIGHT)
                        .any(|v| self.doc_entries(v.0, d).any(|e| self.card_marks[e] & CARD_LACKS_SPEAKER != 0)),
                    Resolved::Phrase(_) => false,
                })
            })
    }

    /// Byte ranges of the words of `text` matching `query`, using this index's dictionary for
    /// typo and prefix expansions (so exactly what [`SearchIndex::search`] would match).
    pub fn highlight(&self, text: &str, query: &str) -> Vec<(usize, usize)> {
        let ast = query::parse_with(query, &self.table.synonyms);
        let mut terms: Vec<String> = Vec::new();
        for clause in &ast.clauses {
            for alt in &clause.alts {
                match self.resolve(alt) {
                    Resolved::Term(v) => terms.extend(v.into_iter().map(|(t, _)| self.terms[t as usize].clone())),
                    Resolved::Phrase(ids) => terms.extend(ids.into_iter().map(|t| self.terms[t as usize].clone())),
                }
            }
        }
        highlight_terms(text, &terms)
    }
}

/// A part of the dictionary a query reads: one term, or every term with a prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TermRange {
    Term(String),
    Prefix(String),
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// The dictionary a query reads before any index is at hand (only the corpus's acronyms,
/// [`DocTable::synonyms`]): its exact words (phrases, acronyms' names and exclusions
/// included) and the prefixes of its last word. Typo lookups depend on how common a word is,
/// so they come from [`SearchIndex::typo_lookups`] once these are loaded.
pub fn lookups(query: &str, synonyms: &Synonyms) -> Vec<TermRange> {
    let ast = query::parse_with(query, synonyms);
    let mut out = Vec::new();
    for alt in ast.clauses.iter().flat_map(|c| &c.alts).chain(&ast.excluded) {
        match alt {
            Alt::Term(spec) => {
                push_unique(&mut out, TermRange::Term(spec.term.clone()));
                if !spec.exact && spec.prefix && prefix_expansions(&spec.folded) > 0 {
                    for p in SearchIndex::prefix_forms(&spec.folded) {
                        push_unique(&mut out, TermRange::Prefix(p));
                    }
                }
            }
            Alt::Phrase(words) => {
                for w in words {
                    push_unique(&mut out, TermRange::Term(w.clone()));
                }
            }
        }
    }
    out
}

/// The index terms of the words a query searches for (not its excluded words or phrases):
/// what a split layout's reader guesses a cold query's typing cards by.
pub fn searched_terms(query: &str, synonyms: &Synonyms) -> Vec<String> {
    let ast = query::parse_with(query, synonyms);
    let mut out = Vec::new();
    for alt in ast.clauses.iter().flat_map(|c| &c.alts) {
        if let Alt::Term(spec) = alt {
            push_unique(&mut out, spec.term.clone());
        }
    }
    out
}

/// Whether a search ranks by its words' positions — a phrase (an acronym's name is one), or
/// two words or more by relevance, whose proximity counts — so the split layout reads them
/// with its postings. A word alone ranks by its postings' counts; its snippet finds it in
/// the text ([`SearchIndex::finish`]).
pub fn needs_positions(req: &SearchRequest, synonyms: &Synonyms) -> bool {
    let ast = query::parse_with(&req.query, synonyms);
    let proximity = ast.clauses.len() >= 2 && req.sort == Sort::Relevance;
    proximity || ast.clauses.iter().flat_map(|c| &c.alts).chain(&ast.excluded).any(|a| matches!(a, Alt::Phrase(_)))
}

/// Hits a typing hint names: the first page of the split layout (see `query::page_size` in
/// the app).
pub const TYPING_HINT_HITS: usize = 10;

/// Three-letter prefixes with typing hints: the most common ones (by the articles their
/// words are in), so the build ranks a bounded number of queries at any corpus size.
pub const TYPING_HINT_TRIGRAMS: usize = 600;

/// Words (four letters or more, stopwords aside) whose prefixes from the fourth letter on,
/// and the words themselves, have typing hints: the commonest by document frequency (in the
/// 10k bench file, the words in one report in twenty or more). These are the queries whose
/// first page is spread widest over the corpus, a card shard per hit; a rarer word's hits are
/// fewer and its cards the card shards' business. About 4 KB gzip of typing cards a word
/// (ten cards; its prefixes mostly share them).
pub const TYPING_HINT_WORDS: usize = 1_500;

/// Whether `req` has no filter (outlet, date) and ranks best first: a search whose first page
/// the build can rank ahead (typing hints).
pub fn unfiltered_best_first(req: &SearchRequest) -> bool {
    req.outlets.is_empty() && req.from.is_none() && req.to.is_none() && req.sort == Sort::Relevance
}

/// The prefix `req` is, when it is nothing else: one word being typed, two letters or more,
/// no filter, best first. The split layout stores the first hits of every two-letter prefix,
/// the commonest three-letter ones and the prefixes of the commonest words with the
/// dictionary (see [`SearchIndex::typing_hints`]), so a keystroke that reaches one fetches
/// their cards together with the postings: one round of fetches, not two, and one file of
/// cards, not one per hit. A hint only says what to fetch; the ranking is always computed.
pub fn typing_hint_key(req: &SearchRequest, synonyms: &Synonyms) -> Option<String> {
    if !unfiltered_best_first(req) {
        return None;
    }
    let word = req.query.trim_start();
    let letters = word.chars().count();
    if letters < 2 || !word.chars().all(char::is_alphanumeric) {
        return None;
    }
    let mut prefixes = lookups(word, synonyms).into_iter().filter_map(|r| match r {
        TermRange::Prefix(p) => Some(p),
        TermRange::Term(_) => None,
    });
    match (prefixes.next(), prefixes.next()) {
        (Some(p), None) if p.chars().count() == letters => Some(p),
        _ => None,
    }
}

#[derive(Clone, Debug)]
enum Resolved {
    /// Dictionary terms with weights (empty: matches nothing).
    Term(Vec<(u32, f32)>),
    Phrase(Vec<u32>),
}

#[derive(Clone, Copy, Debug)]
struct MatchSpan {
    span: Span,
    pos: u32,
    clause: usize,
    /// Index of the block holding the span (`usize::MAX`: none).
    block: usize,
    /// The expansion's weight (1.0 exact; prefix and typo matches less).
    weight: f32,
}

/// A fixed-size bit set over articles.
struct Bits(Vec<u64>);

impl Bits {
    fn empty(words: usize) -> Bits {
        Bits(vec![0; words])
    }
    fn full(n: usize, words: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; words]);
        if n % 64 != 0 {
            if let Some(last) = b.0.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        b
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
    fn or(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a |= b);
    }
    fn and(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a &= b);
    }
    fn and_not(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a &= !b);
    }
    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    fn iter(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let i = w.trailing_zeros() as usize;
                    w &= w - 1;
                    k * 64 + i
                })
            })
        }).filter(move |&i| i < n)
    }
}

// ---------------------------------------------------------------------------------------------
// Snippets and paragraphs
// ---------------------------------------------------------------------------------------------

/// Words in a snippet, aimed at.
const SNIPPET_WORDS: usize = 35;
/// Matches closer than this many words count as one passage.
const WINDOW: u32 = 30;

fn block_of(article: &Article, byte: u32) -> Option<usize> {
    let i = article.blocks.partition_point(|b| b.span.start <= byte);
    let i = i.checked_sub(1)?;
    (article.blocks[i].span.end >= byte).then_some(i)
}

/// `weights`: how much finding each clause is worth (its idf).
fn make_snippet(article: &Article, all_spans: &[MatchSpan], weights: &[f32]) -> Snippet {
    // The passage is chosen on each clause's best matches only: where the article has the
    // exact word ("UN"), prefix or typo expansions ("underway") do not pull the snippet away.
    let mut best_weight = [0f32; MAX_TERMS + 1];
    for m in all_spans {
        let c = m.clause.min(MAX_TERMS);
        best_weight[c] = best_weight[c].max(m.weight);
    }
    let chosen: Vec<&MatchSpan> = all_spans.iter().filter(|m| m.weight >= best_weight[m.clause.min(MAX_TERMS)] - 1e-6).collect();
    let spans = &chosen[..];
    // The passage with the most (idf-weighted) distinct clauses, then in a body paragraph
    // rather than a caption, subheading or pull quote, then with the most matches: a window
    // sliding over the matches (same block, fewer than WINDOW words apart).
    let weight_of = |c: usize| weights.get(c).copied().unwrap_or(1.0).max(0.01);
    let is_body = |block: usize| article.blocks.get(block).is_some_and(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Standfirst));
    let mut best: Option<(f32, bool, usize, usize)> = None; // (weight of distinct clauses, in the body, count, index)
    let mut counts = [0u32; MAX_TERMS + 1];
    let mut weight = 0f32;
    let mut j = 0;
    for i in 0..spans.len() {
        if j < i {
            j = i;
        }
        while j < spans.len() && spans[j].block == spans[i].block && spans[j].pos.saturating_sub(spans[i].pos) < WINDOW {
            let c = spans[j].clause.min(MAX_TERMS);
            if counts[c] == 0 {
                weight += weight_of(c);
            }
            counts[c] += 1;
            j += 1;
        }
        let count = j - i;
        let body = is_body(spans[i].block);
        if spans[i].block != usize::MAX && best.is_none_or(|(w, b, c, _)| weight > w + 1e-6 || (weight > w - 1e-6 && (body, count) > (b, c))) {
            best = Some((weight, body, count, i));
        }
        // Slide: drop match i.
        if j > i {
            let c = spans[i].clause.min(MAX_TERMS);
            counts[c] -= 1;
            if counts[c] == 0 {
                weight -= weight_of(c);
            }
        }
    }
    let (block, anchor) = match best.map(|(_, _, _, i)| (spans[i].block, spans[i].span.start)) {
        Some(x) => x,
        None => {
            // No match in the text (headline, byline or outlet only; or an empty query): the opening.
            let first = article
                .blocks
                .iter()
                .position(|b| b.kind == BlockKind::Standfirst)
                .or_else(|| article.blocks.iter().position(|b| b.kind == BlockKind::Paragraph))
                .or_else(|| article.blocks.iter().position(|b| b.kind.is_content()));
            match first {
                Some(b) => (b, article.blocks[b].span.start),
                None => return Snippet::default(),
            }
        }
    };
    let span = article.blocks[block].span;
    let Some(text) = article.text.get(span.range()) else { return Snippet { block, ..Default::default() } };
    let (start, end) = passage(text, (anchor - span.start) as usize);
    let (start, end) = (span.start as usize + start, span.start as usize + end);
    let matches = merge(all_spans.iter().filter(|m| m.span.start as usize >= start && m.span.end as usize <= end).map(|m| (m.span.start - start as u32, m.span.end - start as u32)));
    Snippet { text: article.text[start..end].to_string(), matches, block, start: start as u32 }
}

/// Sorted, merged ranges (overlapping or touching ranges become one).
pub fn merge<T: Copy + Ord>(it: impl Iterator<Item = (T, T)>) -> Vec<(T, T)> {
    let mut v: Vec<(T, T)> = it.collect();
    sort::sort(&mut v);
    let mut out: Vec<(T, T)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "lt.", "col.", "sgt.", "capt.", "rep.", "sen.", "gov.", "prof.", "jr.", "sr.", "vs.", "no.",
    "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "maj.", "adm.", "rev.", "mt.", "ft.", "inc.", "co.", "corp.",
];

/// Whether the whitespace-separated word ends a sentence.
fn ends_sentence(word: &str) -> bool {
    let core = word.trim_end_matches(|c: char| matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»'));
    if core.ends_with(['!', '?', '…']) {
        return true;
    }
    if !core.ends_with('.') {
        return false;
    }
    let word = core.trim_start_matches(|c: char| !c.is_alphanumeric());
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    // Initials and dotted abbreviations: "J.", "U.N.", "U.S." — not an end.
    let letters = word.trim_end_matches('.');
    !(letters.split('.').all(|s| s.chars().count() == 1))
}

/// The passage of `text` (one block) around byte `anchor`: `(start, end)` byte offsets.
fn passage(text: &str, anchor: usize) -> (usize, usize) {
    let words: Vec<(usize, usize)> = word_spans(text);
    if words.is_empty() {
        return (0, text.len());
    }
    let aw = words.partition_point(|w| w.1 <= anchor).min(words.len() - 1);
    // Back to the sentence start, unless that is far: then a few words of context.
    let mut sw = aw;
    while sw > 0 && !ends_sentence(&text[words[sw - 1].0..words[sw - 1].1]) {
        sw -= 1;
    }
    if aw - sw > 20 {
        sw = aw - 8;
    }
    // Forward to a sentence end near SNIPPET_WORDS.
    let mut last_end_before = None;
    let mut first_end_after = None;
    for (k, w) in words.iter().enumerate().skip(sw) {
        let count = k - sw + 1;
        if count > SNIPPET_WORDS + 15 {
            break;
        }
        if ends_sentence(&text[w.0..w.1]) && count >= 12 {
            if count <= SNIPPET_WORDS {
                last_end_before = Some(k);
            } else if first_end_after.is_none() {
                first_end_after = Some(k);
            }
        }
    }
    let ew = last_end_before.or(first_end_after).unwrap_or((sw + SNIPPET_WORDS - 1).min(words.len() - 1));
    let ew = ew.max(aw);
    (words[sw].0, words[ew].1)
}

fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if crate::text::is_space(c) {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn paragraph_hits(spans: &[MatchSpan]) -> Vec<ParagraphHit> {
    let mut out: Vec<ParagraphHit> = Vec::new();
    for m in spans.iter().filter(|m| m.block != usize::MAX) {
        match out.last_mut() {
            Some(last) if last.block == m.block => last.matches.push(m.span),
            _ => out.push(ParagraphHit { block: m.block, matches: vec![m.span] }),
        }
    }
    for p in &mut out {
        p.matches = merge(p.matches.iter().map(|s| (s.start, s.end))).into_iter().map(|(a, b)| Span { start: a, end: b }).collect();
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Highlighting any text
// ---------------------------------------------------------------------------------------------

/// Byte ranges (sorted, merged, on char boundaries) of the words of `text` whose normalized
/// term is one of `terms` (typically [`SearchResults::terms`]).
pub fn highlight_terms(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    merge(tokenize(text).into_iter().filter(|t| terms.iter().any(|x| *x == t.term)).map(|t| (t.start, t.end)))
}

/// Byte ranges (sorted, merged, on char boundaries) of the words of `text` matching the
/// positive words of `query`, with the same normalization, prefix and typo rules as a
/// search but without an index (typos are judged against the words of `text` itself).
pub fn highlight(text: &str, query: &str) -> Vec<(usize, usize)> {
    let specs = query::positive_specs(&query::parse(query));
    if specs.is_empty() {
        return Vec::new();
    }
    let matches = |t: &normalize::Token| {
        specs.iter().any(|s| {
            if t.term == s.term {
                return true;
            }
            if s.exact {
                return false;
            }
            if s.prefix && !s.folded.is_empty() && (t.folded.starts_with(&s.folded) || t.term.starts_with(&s.folded)) {
                return true;
            }
            let budget = typo_budget(&s.term);
            budget > 0 && t.term.chars().next() == s.term.chars().next() && edit_distance(&t.term, &s.term, budget).is_some()
        })
    };
    merge(tokenize(text).into_iter().filter(|t| matches(t)).map(|t| (t.start, t.end)))
}


#[cfg(test)]
mod length_code_tests {
    use super::{length_code, length_of_code};

    #[test]
    fn short_lengths_are_exact_and_long_ones_close() {
        for len in 0..40 {
            assert_eq!(length_of_code(length_code(len)), len);
        }
        for len in [40u32, 41, 57, 100, 999, 1_000, 4_321, 65_000, 400_000] {
            let back = length_of_code(length_code(len)) as f64;
            assert!((back - len as f64).abs() / len as f64 <= 0.03, "{len} -> {back}");
        }
        // Ordered: a longer field never gets a smaller code.
        assert!((0..100_000u32).step_by(7).map(length_code).collect::<Vec<_>>().windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(length_code(u32::MAX), 255);
    }
}

#[cfg(test)]
mod typing_hint_tests {
    use super::{typing_hint_key, SearchRequest, Sort, Synonyms};

    #[test]
    fn only_a_lone_prefix_of_two_letters_or_more_unfiltered_and_best_first_has_a_hint() {
        let synonyms = Synonyms::default();
        let key = |query: &str| typing_hint_key(&SearchRequest { query: query.into(), ..Default::default() }, &synonyms);
        assert_eq!(key("pr").as_deref(), Some("pr"));
        assert_eq!(key("Pr").as_deref(), Some("pr"), "folded as the prefix is");
        assert_eq!(key("  cl").as_deref(), Some("cl"));
        assert_eq!(key("pre").as_deref(), Some("pre"));
        assert_eq!(key("Presid").as_deref(), Some("presid"), "a longer prefix has a key too");
        assert_eq!(key("colour"), None, "two spellings are two prefixes: no one key");
        for not in ["", "p", "pr ", "-pr", "\"pr", "pr*", "a pr", "é", "president ", "vote -x"] {
            assert_eq!(key(not), None, "{not:?}");
        }
        let filtered = SearchRequest { query: "pr".into(), outlets: vec!["TIME".into()], ..Default::default() };
        assert_eq!(typing_hint_key(&filtered, &synonyms), None);
        let newest = SearchRequest { query: "pr".into(), sort: Sort::Newest, ..Default::default() };
        assert_eq!(typing_hint_key(&newest, &synonyms), None);
    }
}
