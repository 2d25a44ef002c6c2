//! Result cards: what a search result needs of an article, without the article.
//!
//! A result shows a headline, an outlet, a date, a passage with the query's words marked and
//! the matching quotations. Fetching each hit's article group for that (dozens of articles at
//! 100,000) cost most of a query's bytes, so the split layout also writes *card* shards: per
//! article its id, headline and date, and a few of its text blocks — the opening and the
//! blocks densest in the article's own distinctive words, cut to a byte budget — placed at
//! their offsets in the text, with the token position each starts at and the quotations they
//! hold. Snippets are chosen and marked from postings positions exactly as over the whole
//! text, restricted to the kept blocks: a hit whose best passage lies elsewhere shows the
//! best kept one (usually the opening). Pagefind fetches one fragment per shown result (the
//! whole page's text); a card is a tenth of that, and many share one file.
//!
//! The inline layout writes no cards: every article is at hand, so cards would only add bytes.

use super::library::Group;
use super::ArticleGroup;
use crate::model::{Article, ArticleMeta, Block, BlockKind};
use crate::quotes::{Quote, QuoteKind};
use crate::search::names::folded_name;
use crate::search::normalize;
use crate::search::{block_token_starts, is_text_block};
use crate::{Date, Span};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One article's card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub headline: String,
    pub published: Date,
    /// Length of the article's text: kept blocks sit at their offsets in a text this long.
    pub text_len: u32,
    /// The kept blocks, in text order.
    pub blocks: Vec<CardBlock>,
    /// The article's quotations (numbered as in the article): those the kept text shows (see
    /// [`QUOTE_SHOWN_MAX`]), and `None` for the others, so a card's quotation links point
    /// where the reader's do. A widely quoted named speaker's first quotation is always kept
    /// ([`super::CardSizing::quoted_widely`]).
    pub quotes: Vec<Option<Quote>>,
    /// `(number in this list, name, role)` of every speaker the article quotes (kept
    /// quotations or not: a search naming one whose quotations the card lacks reads the whole
    /// article); the quotations' speaker numbers index it, as in an article group.
    pub speakers: Vec<(u32, String, Option<String>)>,
    /// Those of `speakers` that are unnamed sources ("the president", "a resident"): a query
    /// word in their description does not name them.
    pub unnamed: Vec<u32>,
}

/// A kept block: where its kept text starts in the article's text (the block's start, or a
/// quotation's inside the block), that text (possibly cut), and the token position its first
/// word has in the article's postings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardBlock {
    /// Index into the article's blocks (snippets and matched paragraphs name blocks by it).
    pub index: u32,
    pub kind: BlockKind,
    pub start: u32,
    pub first_pos: u32,
    pub text: String,
}

/// Consecutive articles' cards, as a card shard holds them: each card encoded on its own, so
/// that a reader decodes only the cards a result page shows. A shard holds about 200 cards at
/// 100,000 reports and a page shows ten: decoding every card of the ten shards a page reads
/// cost the reader about a third of its time at that size (`pr`: 34–43 → 27 ms natively) and
/// kept some 2,000 decoded cards for ten (the page's memory at 100k: 55 → 44 MB).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardRun<'a> {
    /// The article number of the first card (a card shard leaves it to the manifest, as an
    /// article group does, and the reader sets it).
    pub first: u32,
    /// The cards' article numbers, ascending, when they are not consecutive (a typing-cards
    /// shard: the hits of typing hints); empty: `first`, `first + 1`, ….
    pub docs: Vec<u32>,
    /// Each card's length in `bytes`, in order.
    pub lens: Vec<u32>,
    /// The cards' postcard encodings, one after another (borrowed when decoded: a reader
    /// keeps the shard's bytes, not a copy per card).
    #[serde(borrow)]
    pub bytes: std::borrow::Cow<'a, [u8]>,
}

impl CardRun<'_> {
    /// The run of `cards`, the first being article number `first`.
    pub fn new(first: u32, cards: &[Card]) -> CardRun<'static> {
        let mut bytes = Vec::new();
        let mut lens = Vec::with_capacity(cards.len());
        for card in cards {
            let before = bytes.len();
            bytes = postcard::to_extend(card, bytes).expect("serializing in memory cannot fail");
            lens.push((bytes.len() - before) as u32);
        }
        CardRun { first, docs: Vec::new(), lens, bytes: std::borrow::Cow::Owned(bytes) }
    }

    /// The run of the cards of articles `docs` (ascending), in that order.
    pub fn of_articles(docs: Vec<u32>, cards: &[Card]) -> CardRun<'static> {
        CardRun { first: docs.first().copied().unwrap_or(0), docs, ..CardRun::new(0, cards) }
    }

    /// Where the card of article number `d` is in this run.
    pub fn index_of(&self, d: usize) -> Option<usize> {
        let k = if self.docs.is_empty() { d.checked_sub(self.first as usize)? } else { self.docs.binary_search(&u32::try_from(d).ok()?).ok()? };
        (k < self.lens.len()).then_some(k)
    }

    /// The run with its bytes owned (a reader keeps it past the shard's bytes).
    pub fn into_owned(self) -> CardRun<'static> {
        CardRun { bytes: std::borrow::Cow::Owned(self.bytes.into_owned()), ..self }
    }

    /// The `k`th card, decoded; `ends` are [`CardRun::ends`].
    pub fn card_at(&self, ends: &[u32], k: usize) -> Result<Card, String> {
        let start = k.checked_sub(1).map_or(0, |j| ends[j] as usize);
        decode_card(&self.bytes[start..ends[k] as usize])
    }

    /// Where each card ends in `bytes`, or `None` if the lengths do not add up to the bytes
    /// (a damaged shard).
    pub fn ends(&self) -> Option<Vec<u32>> {
        let ends: Vec<u32> = self.lens.iter().scan(0u32, |end, &len| { *end = end.checked_add(len)?; Some(*end) }).collect();
        let docs_fit = self.docs.is_empty() || self.docs.len() == self.lens.len() && self.docs.windows(2).all(|w| w[0] < w[1]);
        (docs_fit && ends.len() == self.lens.len() && ends.last().copied().unwrap_or(0) as usize == self.bytes.len()).then_some(ends)
    }

    /// Every card, decoded (tools and tests; a reader decodes the ones it shows).
    pub fn cards(&self) -> Result<Vec<Card>, String> {
        let ends = self.ends().ok_or("card lengths do not match the bytes")?;
        (0..ends.len()).map(|k| self.card_at(&ends, k)).collect()
    }
}

/// One card's bytes, decoded.
fn decode_card(bytes: &[u8]) -> Result<Card, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("corrupt card ({e})"))
}

/// Longest part of one block a card keeps, in bytes: a snippet is about 35 words.
const BLOCK_MAX: usize = 280;

/// Words shorter than this do not count toward a block's salience (articles, "of", "US").
const SALIENT_MIN_LEN: usize = 4;

/// Document frequencies of the folded words of every article's text (one pass; a word
/// counts once per article).
pub fn word_frequencies(articles: &[Article]) -> HashMap<String, u32> {
    // A few large runs of reports counted in parallel, then added up: few partial tables.
    let run = articles.len().div_ceil(4 * crate::par::threads()).max(1);
    let partial = crate::par::map(articles.chunks(run), |run| {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for a in run {
            seen.clear();
            for b in a.blocks.iter().filter(|b| is_text_block(b)) {
                let Some(text) = a.text.get(b.span.range()) else { continue };
                normalize::scan(text, 0, |t| {
                    if t.folded.len() >= SALIENT_MIN_LEN && !seen.contains(t.folded) {
                        seen.insert(t.folded.to_string());
                    }
                });
            }
            for w in seen.drain() {
                *df.entry(w).or_insert(0) += 1;
            }
        }
        df
    });
    let mut all = partial.into_iter();
    let mut df = all.next().unwrap_or_default();
    for part in all {
        for (w, n) in part {
            *df.entry(w).or_insert(0) += n;
        }
    }
    df
}

/// What cards need to know of every speaker, by rank number.
pub struct SpeakerKinds<'a> {
    /// Unnamed sources ("a resident"): a query word in their description does not name them.
    pub unnamed: &'a [bool],
    /// Named speakers quoted widely enough for every card of theirs to keep a quotation of
    /// theirs ([`super::CardSizing::quoted_widely`]).
    pub keeps_a_quotation: &'a [bool],
}

/// The card of `article`: its opening and its most salient blocks, `budget` bytes of text at
/// most (the opening is always kept), with the quotations inside them.
pub fn card_of(
    article: &Article,
    quotes: &[Quote],
    speakers: &[(u32, String, Option<String>)],
    who: &SpeakerKinds,
    df: &HashMap<String, u32>,
    articles: usize,
    budget: usize,
) -> Card {
    // Each text block with the position of its first token (the same walk as token_starts)
    // and its salience: the idf-weighted words it shares with the rest of its article (each
    // word once, weighed by how often the article repeats it, up to four times), divided by
    // the square root of its length, so a block about what the article is about wins over a
    // long digression that mentions everything once.
    let mut candidates: Vec<(usize, u32, f32)> = Vec::new(); // (block index, first pos, salience)
    // Words are keyed by the frequency table's own strings: no allocation per word.
    let mut tf: HashMap<&str, u32> = HashMap::new();
    let mut pos = 0u32;
    for (i, b) in article.blocks.iter().enumerate() {
        if !is_text_block(b) {
            continue;
        }
        let Some(text) = article.text.get(b.span.range()) else { continue };
        candidates.push((i, pos, 0.0));
        pos = normalize::scan(text, pos, |t| {
            if let Some((w, _)) = df.get_key_value(t.folded).filter(|_| t.folded.len() >= SALIENT_MIN_LEN) {
                *tf.entry(w.as_str()).or_insert(0) += 1;
            }
        });
    }
    // Second walk: salience per block now that the article's term frequencies are known.
    let n = articles.max(1) as f32;
    for k in 0..candidates.len() {
        let (i, first, _) = candidates[k];
        let b = &article.blocks[i];
        let text = &article.text[b.span.range()];
        let mut score = 0f32;
        let mut counted: std::collections::HashSet<&str> = std::collections::HashSet::new();
        normalize::scan(text, first, |t| {
            let Some((w, &f)) = df.get_key_value(t.folded).filter(|_| t.folded.len() >= SALIENT_MIN_LEN) else { return };
            if counted.insert(w.as_str()) {
                let repeats = tf.get(w.as_str()).copied().unwrap_or(1).saturating_sub(1).min(4) as f32;
                let idf = (n / f.max(1) as f32).ln().max(0.0);
                score += repeats * idf;
            }
        });
        candidates[k].2 = score / (text.len().max(80) as f32).sqrt();
    }

    // The opening (standfirst, else the first paragraph, else the first text block), then
    // the most salient blocks while the budget lasts.
    let opening = candidates
        .iter()
        .position(|c| article.blocks[c.0].kind == BlockKind::Standfirst)
        .or_else(|| candidates.iter().position(|c| article.blocks[c.0].kind == BlockKind::Paragraph))
        .or(if candidates.is_empty() { None } else { Some(0) });
    let mut chosen: Vec<usize> = opening.into_iter().collect();
    // Blocks are cut to BLOCK_MAX bytes, unless the budget has room for whole blocks.
    let block_max = BLOCK_MAX.max(budget / 2);
    let mut used: usize = opening.map_or(0, |o| cut_len(&article.text[article.blocks[candidates[o].0].span.range()], block_max));
    let mut order: Vec<usize> = (0..candidates.len()).filter(|&k| Some(k) != opening && article.blocks[candidates[k].0].duplicate_of.is_none()).collect();
    order.sort_by(|&a, &b| candidates[b].2.total_cmp(&candidates[a].2).then(a.cmp(&b)));
    for k in order {
        if used >= budget {
            break;
        }
        let len = cut_len(&article.text[article.blocks[candidates[k].0].span.range()], block_max);
        if used + len <= budget + BLOCK_MAX / 2 {
            chosen.push(k);
            used += len;
        }
    }
    chosen.sort_unstable();
    let blocks: Vec<CardBlock> = chosen
        .iter()
        .map(|&k| {
            let (i, first_pos, _) = candidates[k];
            let b = &article.blocks[i];
            let text = &article.text[b.span.range()];
            CardBlock { index: i as u32, kind: b.kind, start: b.span.start, first_pos, text: text[..cut_len(text, block_max)].to_string() }
        })
        .collect();
    let mut blocks = blocks;
    let is_unnamed = |s: u32| who.unnamed.get(s as usize).copied().unwrap_or(false);
    // A named speaker quoted widely keeps their first listed quotation (as much of it as a
    // result shows): a search naming them then shows it from the card, where it would
    // otherwise read the whole article, a whole article group, for each such hit.
    for (number, _, _) in speakers.iter().filter(|s| who.keeps_a_quotation.get(s.0 as usize).copied().unwrap_or(false)) {
        let theirs = || quotes.iter().filter(|q| q.speaker == Some(*number as usize));
        if theirs().any(|q| shows(&blocks, q.span)) {
            continue;
        }
        if let Some(q) = theirs().find(|q| q.kind.is_speech() && q.repeat_of.is_none()) {
            keep_quotation(article, &candidates, &mut blocks, q);
        }
    }
    let quotes: Vec<Option<Quote>> = quotes.iter().map(|q| shows(&blocks, q.span).then(|| q.clone())).collect();
    let speakers = speakers.to_vec();
    let unnamed = speakers.iter().map(|s| s.0).filter(|&s| is_unnamed(s)).collect();
    Card { id: article.id.clone(), headline: article.meta.headline.clone(), published: article.meta.published, text_len: article.text.len() as u32, blocks, quotes, speakers, unnamed }
}

/// Longest part of a quotation a search result shows, in bytes (the page cuts it there, at a
/// character boundary, and adds "…"): a card holding that much of a quotation shows it as the
/// whole article would.
pub const QUOTE_SHOWN_MAX: usize = 320;

/// How much of quotation `span` a card must hold to show it: all of it, or more than a result
/// shows (the page's cut then falls inside the kept text, whatever it trims at the end).
fn shown_end(span: Span) -> usize {
    (span.end as usize).min(span.start as usize + QUOTE_SHOWN_MAX + 16)
}

/// Whether the kept `blocks` hold enough of quotation `span` to show it.
fn shows(blocks: &[CardBlock], span: Span) -> bool {
    blocks.iter().any(|b| span.start >= b.start && shown_end(span) <= b.start as usize + b.text.len())
}

/// Adds to `blocks` what showing quotation `q` needs: its block's kept text runs on to the
/// quotation's shown end, or, if the block is not kept, the quotation's shown part is kept
/// as a block of its own (starting mid-block, at the token position of its first word).
fn keep_quotation(article: &Article, candidates: &[(usize, u32, f32)], blocks: &mut Vec<CardBlock>, q: &Quote) {
    let Some(&(i, first_pos, _)) = candidates.iter().find(|c| c.0 == q.block) else { return };
    let b = &article.blocks[i];
    let (start, mut end) = (q.span.start as usize, shown_end(q.span));
    while !article.text.is_char_boundary(end) {
        end += 1;
    }
    if start < b.span.start as usize || end > b.span.end as usize || !article.text.is_char_boundary(start) {
        return;
    }
    if let Some(kept) = blocks.iter_mut().find(|k| k.index as usize == i) {
        if end > kept.start as usize + kept.text.len() {
            kept.text = article.text[kept.start as usize..end].to_string();
        }
        return;
    }
    let before = &article.text[b.span.start as usize..start];
    let pos = normalize::scan(before, first_pos, |_| {});
    let at = blocks.partition_point(|k| (k.index as usize) < i);
    blocks.insert(at, CardBlock { index: i as u32, kind: b.kind, start: start as u32, first_pos: pos, text: article.text[start..end].to_string() });
}

/// Bytes of `text` a card keeps: all of it if short, else up to the last sentence end (or
/// else the last space) before `max`.
fn cut_len(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let limit = max;
    let mut max = max;
    while !text.is_char_boundary(max) {
        max -= 1;
    }
    let head = &text[..max];
    let sentence = head.char_indices().filter(|&(i, c)| matches!(c, '.' | '!' | '?') && head[i + 1..].starts_with(' ')).map(|(i, _)| i + 1).last();
    match sentence {
        Some(end) if end >= limit / 3 => end,
        _ => head.rfind(' ').filter(|&i| i > 0).unwrap_or(max),
    }
}

/// A quotation the card does not hold: it keeps its number, and is never listed.
fn placeholder(article: usize) -> Quote {
    Quote {
        article,
        article_id: String::new(),
        span: Span::new(0, 0),
        block: 0,
        speaker: None,
        mention: None,
        role: None,
        cue: None,
        kind: QuoteKind::Scare,
        repeat_of: None,
    }
}

/// For each term that is a word of the name of a named speaker some article quotes but whose
/// card holds none of their quotations, those articles (sorted): what the postings' speaker
/// marks say (see `search::CARD_LACKS_SPEAKER`).
pub fn speaker_name_terms(cards: &[(usize, Card)]) -> HashMap<String, Vec<u32>> {
    let mut out: HashMap<String, Vec<u32>> = HashMap::new();
    for (d, card) in cards {
        for s in card.named_speakers_lacking() {
            for word in folded_name(&s.1) {
                let docs = out.entry(normalize::term_of_folded(&word)).or_default();
                if docs.last() != Some(&(*d as u32)) {
                    docs.push(*d as u32);
                }
            }
        }
    }
    out
}

impl Card {
    /// The card as a shard stores it (see [`super::write::own_speakers`]): speakers numbered
    /// by their place in its own list, quotations without their article's number.
    pub(crate) fn own_speakers(&mut self) {
        // `unnamed` first: it names speakers as the list still numbers them.
        self.unnamed = self.unnamed.iter().filter_map(|&s| self.speakers.iter().position(|x| x.0 == s).map(|k| k as u32)).collect();
        super::write::own_speakers(self.quotes.iter_mut().flatten(), &mut self.speakers);
    }

    /// The token positions its kept blocks cover, `[start, end)` per block in text order:
    /// what the postings' "in card" marks are computed from.
    pub fn positions(&self) -> Vec<(u32, u32)> {
        self.blocks.iter().map(|b| (b.first_pos, normalize::scan(&b.text, b.first_pos, |_| {}))).collect()
    }

    /// Whether `query` names, in whole words ([`crate::search::names::names_in_full`]), a
    /// (named) speaker this article quotes none of whose quotations the card holds.
    pub fn lacks_named_speaker(&self, query: &str) -> bool {
        let words = crate::search::names::name_words_read(query);
        self.named_speakers_lacking().any(|s| crate::search::names::names_in_full(&folded_name(&s.1), &words))
    }

    /// The named speakers (not unnamed sources) the article quotes none of whose quotations
    /// the card holds: what a query naming one reads the whole article for, and what the
    /// postings' speaker marks are computed from ([`speaker_name_terms`]), so the two agree.
    fn named_speakers_lacking(&self) -> impl Iterator<Item = &(u32, String, Option<String>)> {
        self.speakers
            .iter()
            .filter(|s| !self.unnamed.contains(&s.0) && !self.quotes.iter().flatten().any(|q| q.speaker == Some(s.0 as usize)))
    }

    /// The card as a one-article group: an article whose text is the kept blocks at their
    /// offsets (spaces elsewhere) and whose blocks are the kept ones at their indexes, with the token starts
    /// of the kept words at their positions (`u32::MAX` elsewhere), so search's snippet and
    /// marking code reads it as it reads a whole article. `outlet` comes from the manifest.
    pub fn to_group(&self, d: usize, outlet: &str) -> Result<Group, String> {
        let len = self.text_len as usize;
        let mut bytes = vec![b' '; len];
        // Blocks not kept stay in place as empty, inert ones (at the end of the kept block
        // before them, so spans stay sorted as search's block lookup expects), so block
        // indexes are the article's.
        let count = self.blocks.last().map_or(0, |b| b.index as usize + 1);
        let mut blocks: Vec<Block> = Vec::with_capacity(count);
        let mut end_of_last = 0usize;
        let mut starts: Vec<u32> = Vec::new();
        for b in &self.blocks {
            let (s, e) = (b.start as usize, b.start as usize + b.text.len());
            if s < end_of_last || e > len || (b.index as usize) < blocks.len() {
                return Err(format!("card of article {d}: blocks out of place"));
            }
            while blocks.len() < b.index as usize {
                blocks.push(Block { kind: BlockKind::Timestamp, span: Span::new(end_of_last, end_of_last), duplicate_of: None });
            }
            bytes[s..e].copy_from_slice(b.text.as_bytes());
            end_of_last = e;
            blocks.push(Block { kind: b.kind, span: Span::new(s, e), duplicate_of: None });
            block_token_starts(&b.text, b.start, b.first_pos, |pos, start| {
                let p = pos as usize;
                if p >= starts.len() {
                    starts.resize(p + 1, u32::MAX);
                }
                starts[p] = start;
            });
        }
        let text = String::from_utf8(bytes).map_err(|_| format!("card of article {d}: text is not UTF-8"))?;
        let meta = ArticleMeta {
            outlet: outlet.to_string(),
            headline: self.headline.clone(),
            byline: String::new(),
            dateline: String::new(),
            published: self.published,
            published_raw: String::new(),
            url: String::new(),
            language: String::new(),
        };
        let article = Article { id: self.id.clone(), file: String::new(), meta, text, blocks };
        let quotes = self.quotes.iter().map(|q| q.clone().map_or_else(|| placeholder(d), |q| Quote { article: d, ..q })).collect();
        let group = ArticleGroup { first: d as u32, articles: vec![article], quotes: vec![quotes], speakers: vec![self.speakers.clone()] };
        Ok(Group::with_starts(group, vec![starts]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, text: &str) -> Card {
        Card {
            id: id.into(),
            headline: format!("Headline of {id}"),
            published: Date { year: 2016, month: 12, day: 13 },
            text_len: 1_000,
            blocks: vec![CardBlock { index: 0, kind: BlockKind::Paragraph, start: 0, first_pos: 0, text: text.into() }],
            quotes: vec![None],
            speakers: vec![(0, "Jan Egeland".into(), Some("adviser".into()))],
            unnamed: vec![],
        }
    }

    #[test]
    fn a_card_run_decodes_each_card_on_its_own_from_its_shard_bytes() {
        let cards = vec![card("a", "Aleppo fell."), card("b", ""), card("c", "Évacuation «vers» Idlib — 🙂")];
        let run = CardRun::new(7, &cards);
        let wire = postcard::to_allocvec(&run).unwrap();
        let back: CardRun = postcard::from_bytes(&wire).unwrap();
        assert!(matches!(back.bytes, std::borrow::Cow::Borrowed(_)), "a reader borrows the shard's bytes");
        assert_eq!(back.first, 7);
        assert_eq!(back.cards().unwrap(), cards);
        let ends = back.ends().unwrap();
        assert_eq!(decode_card(&back.bytes[ends[0] as usize..ends[1] as usize]).unwrap(), cards[1]);
        // Lengths that do not add up to the bytes (a damaged shard) are refused, not misread.
        let mut bad = back.clone();
        bad.lens[1] += 1;
        assert!(bad.ends().is_none() && bad.cards().is_err());
        bad.lens[1] = u32::MAX;
        assert!(bad.ends().is_none(), "no overflow");
        assert_eq!(CardRun::new(0, &[]).ends(), Some(vec![]));
        assert_eq!((back.index_of(8), back.index_of(6), back.index_of(10)), (Some(1), None, None));
    }

    #[test]
    fn a_run_of_scattered_articles_finds_each_card_by_its_article_number() {
        let cards = vec![card("a", "One."), card("b", "Two."), card("c", "Three.")];
        let run = CardRun::of_articles(vec![3, 40, 41], &cards);
        let wire = postcard::to_allocvec(&run).unwrap();
        let back: CardRun = postcard::from_bytes(&wire).unwrap();
        assert_eq!((back.index_of(3), back.index_of(40), back.index_of(41)), (Some(0), Some(1), Some(2)));
        assert_eq!((back.index_of(4), back.index_of(0), back.index_of(usize::MAX)), (None, None, None));
        assert_eq!(back.cards().unwrap(), cards);
        let mut bad = back.clone();
        bad.docs = vec![3, 3, 41];
        assert!(bad.ends().is_none(), "article numbers must ascend");
        bad.docs = vec![3, 40];
        assert!(bad.ends().is_none(), "one article number a card");
    }
}
