//! The sharded corpus: what the build writes and the browser (and the CLI) reads.
//!
//! Everything the page needs is cut into content-addressed shards, so a visitor fetches only
//! what a screen needs and a rebuilt corpus changes only the shards whose content changed.
//! Articles are numbered newest first, so a day's new reports renumber all the others; the
//! shards that hold articles (groups and cards) therefore store no article numbers and are
//! cut where the articles themselves say (see `write::article_runs`), so a rebuild keeps the
//! names of all but the few around what changed. The term shards (dictionary, postings,
//! positions, typing cards) and the speakers' shards name articles and speakers by number and
//! are renamed by any new report.
//!
//! - the [`Manifest`]: the corpus's title, the per-article table search needs for filters,
//!   facets, the timeline and scoring ([`DocTable`]), and the directory of every other shard;
//! - **dictionary** shards: sorted term ranges with document frequencies (what prefix and
//!   typo expansion read);
//! - **postings** shards: sorted term ranges with their postings;
//! - **article groups**: consecutive articles (corpus order, newest first) with text,
//!   structure and quotations: what the reader reads (and, inline, the results);
//! - **card** shards (split layout only): what a search result shows of each article, so a
//!   result page does not fetch whole articles (see [`cards`]); newest first too, so the
//!   first screen and date-sorted lists cost one or two;
//! - **id** shards: article id → article number, for links that name a report;
//! - **speaker** pages and **name** shards: who said what across the corpus, most quoted
//!   first, and found by name (see [`speakers`]);
//! - the **trails** shard: quotations several reports ran (see [`crate::trails`]), and in
//!   the split layout the same trails in pages, with an index by article range: what one
//!   report's reader reads.
//!
//! Two layouts share this one format ([`Layout`]): *inline* embeds every shard in the app
//! (small corpora: one file, as before shards existed), *split* writes them next to the app
//! and the page fetches them on demand. [`library::Library`] reads either through the same
//! calls, so there is one query path. The Pagefind model: its indexer and its web runtime
//! share one chunked format; we add dictionary/postings separation (typo tolerance reads the
//! dictionary of one letter, not its postings) and article groups (a static host's file
//! limit: Pagefind's one fragment per page does not fit 100,000 reports).

pub mod cards;
pub mod library;
pub mod speakers;
mod write;

pub use library::{Library, Need};
pub use write::{build, build_reporting, CardSizing, ShardSet, Sizing, BUILD_STAGES};

use crate::model::{Article, CorpusInfo};
use crate::quotes::Quote;
use crate::search::{front_code, front_decode, DocTable, PostingList};
use serde::{Deserialize, Serialize};

/// Bumped whenever a shard's shape changes; a shard of another version is refused.
pub const FORMAT_VERSION: u32 = 19;

/// Results a page shows at first in the split layout, where each may cost a fetch of its card
/// shard (MiniSearch's demo shows 10, Pagefind's UI 5); the newest this many reports, the first
/// screen, have a card shard of their own.
pub const SPLIT_PAGE_SIZE: usize = 10;

/// The manifest's file name in the split layout. It is the one file without a content hash in
/// its name (the page must find it), so it is served with `Cache-Control: no-cache`.
pub const MANIFEST_FILE: &str = "manifest.bin";

/// The folder of the split layout's shards, next to the app's files.
pub const SHARD_DIR: &str = "corpus";

/// Where a shard is and how big it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRef {
    /// File name, `<kind>-<content hash>.bin`.
    pub name: String,
    /// Bytes on the wire (as written: gzip in the split layout).
    pub bytes: u32,
}

/// A shard covering a sorted range of terms, from `first` to the next shard's first term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermShardRef {
    pub first: String,
    pub shard: ShardRef,
}

/// The entry point: small, fetched first, enough for the first screen's filters and counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u32,
    /// Identifies this build's shard set (a hash of every shard's name): a page never mixes
    /// shards of two builds.
    pub build: String,
    pub info: CorpusInfo,
    pub table: DocTable,
    pub dictionary: Vec<TermShardRef>,
    /// Postings — occurrence counts, what most queries rank by, and a rare term's positions ...
    pub postings: Vec<TermShardRef>,
    /// ... and the positions of the terms in at least `positions_apart_from` articles, in
    /// ranges of their own, read for phrases and proximity (`search::needs_positions`): like
    /// Lucene's `.doc` and `.pos` files. A rarer term's few positions stay in its postings,
    /// so a query of rare words reads no positions shard.
    pub positions: Vec<TermShardRef>,
    pub positions_apart_from: u32,
    /// `(first article number, shard)`, in corpus order.
    pub groups: Vec<(u32, ShardRef)>,
    /// Result cards (see [`cards`]): `(first article number, shard)`, in corpus order. Empty
    /// in the inline layout, where results read the articles themselves.
    pub cards: Vec<(u32, ShardRef)>,
    /// Typing cards (split layout): the cards of every hit the dictionary's typing hints name,
    /// a shard per run of consecutive prefix families ([`typing_family`]), as `(first family,
    /// shard)`, sorted. A prefix being typed (or a common word searched) reads its family's
    /// shard with its postings rather than a card shard per hit (ten at 100,000 reports, 80 KB
    /// each), and its family's longer prefixes then read no cards. Empty in the inline layout.
    pub typing: Vec<(String, ShardRef)>,
    /// Every family those shards hold, sorted and front-coded (as dictionary terms are): a
    /// word searched cold (its dictionary not at hand) fetches its family's file with the
    /// dictionary when the family is listed, so a common word's first page takes one round of
    /// fetches, not two. (The reader decodes them once, and leaves this empty.)
    pub typing_families: Vec<(u8, String)>,
    /// `(first id, shard)`, ids sorted.
    pub ids: Vec<(String, ShardRef)>,
    pub speakers: speakers::SpeakerDirectory,
    pub trails: ShardRef,
    /// What the reader reads of the trails (split layout; see [`Library::trail_of_quote`];
    /// both empty in the inline layout): per article range, which trail each quotation is
    /// in (`(first article number, shard)`, corpus order), and the trails themselves cut into
    /// pages of consecutive trails (`(first trail number, shard)`).
    pub trail_index: Vec<(u32, ShardRef)>,
    pub trail_pages: Vec<(u32, ShardRef)>,
}

/// Which trail each quotation of a range of articles belongs to: `(packed quotation (see
/// [`library::unpack_quote`]), trail number)`, sorted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TrailIndexShard {
    pub quotes: Vec<(u32, u32)>,
}

impl Manifest {
    /// Every shard of the build, the manifest excluded, each once (two shards with the same
    /// content are one file: a corpus with one page of trails has it twice by name).
    pub fn shards(&self) -> impl Iterator<Item = &ShardRef> {
        let mut seen = std::collections::HashSet::new();
        self.dictionary
            .iter()
            .map(|t| &t.shard)
            .chain(self.postings.iter().map(|t| &t.shard))
            .chain(self.positions.iter().map(|t| &t.shard))
            .chain(self.groups.iter().map(|g| &g.1))
            .chain(self.cards.iter().map(|g| &g.1))
            .chain(self.typing.iter().map(|g| &g.1))
            .chain(self.ids.iter().map(|g| &g.1))
            .chain(self.speakers.pages.iter().map(|g| &g.1))
            .chain(self.speakers.names.iter().map(|g| &g.1))
            .chain(self.speakers.quoted.iter().map(|g| &g.1))
            .chain(self.speakers.said.iter().map(|g| &g.2))
            .chain(std::iter::once(&self.trails))
            .chain(self.trail_index.iter().map(|g| &g.1))
            .chain(self.trail_pages.iter().map(|g| &g.1))
            .filter(move |r| seen.insert(r.name.as_str()))
    }

    /// Bytes of every shard on the wire (what "make available offline" downloads).
    pub fn total_bytes(&self) -> u64 {
        self.shards().map(|s| s.bytes as u64).sum()
    }
}

/// The typing-cards family of a hinted prefix (see [`Manifest::typing`]): its first two
/// letters when it has two or three, its first four when longer. Typing "president" reads
/// the `pr` family's file at "pr" and "pre", the `pres` family's from "pres" to the whole
/// word: a family small enough that its file is a few dozen cards, and one file for every
/// state of a common word from its fourth letter on.
pub fn typing_family(prefix: &str) -> String {
    let letters = if prefix.chars().count() <= 3 { 2 } else { 4 };
    prefix.chars().take(letters).collect()
}

/// Sorted terms and their document frequencies.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DictionaryShard {
    /// Front-coded: (bytes shared with the previous term, rest).
    terms: Vec<(u8, String)>,
    df: Vec<u32>,
    /// Typing hints (`search::typing_hint_key`) of the short prefixes this shard's range
    /// holds (the shard a prefix's lookup reads first): the prefix and its first hits'
    /// article numbers, delta-coded.
    hints: Vec<(String, Vec<u32>)>,
}

/// A dictionary shard, decoded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dictionary {
    pub terms: Vec<String>,
    pub df: Vec<u32>,
    /// Prefix → its first hits (article numbers, ascending).
    pub hints: Vec<(String, Vec<u32>)>,
}

/// Sorted terms and their postings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PostingsShard {
    pub terms: Vec<String>,
    pub lists: Vec<PostingList>,
}

/// Sorted terms and their positions (as [`PostingList`] orders them: per posting, the
/// position deltas), for the postings stored without them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PositionsShard {
    pub terms: Vec<String>,
    pub lists: Vec<Vec<u32>>,
}

/// Consecutive articles with their quotations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleGroup {
    /// Number of the first article: not stored (0 in the file), but set by the reader from
    /// the manifest, which lists the group at its place (a new report renumbers articles, not
    /// groups' files).
    pub first: u32,
    pub articles: Vec<Article>,
    /// Per article, its quotations in text order, scare quotes left out (speaker numbers
    /// index the article's own `speakers`; `repeat_of` indexes this article's list;
    /// `article_id` is left empty, the article's own id says it, and `article` is set by the
    /// reader, as `first` is).
    pub quotes: Vec<Vec<Quote>>,
    /// Per article, the speakers its quotations name: `(number in this list, name, role)`, so
    /// a result card or the reader can credit a quotation without the whole speakers shard.
    pub speakers: Vec<Vec<(u32, String, Option<String>)>>,
}

/// Article ids (sorted) and their numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdShard {
    pub ids: Vec<(String, u32)>,
}


/// Every quote trail of the corpus, widest first (see [`crate::trails::Trails`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TrailsShard {
    pub trails: Vec<ShardTrail>,
}

/// One trail as the page reads it: occurrences by article number and span, not by the
/// build's quotation index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardTrail {
    /// In order of appearance; the first is the first appearance.
    pub occurrences: Vec<TrailOccurrence>,
    /// Index into `occurrences` of the longest form.
    pub longest: u32,
    /// Distinct outlets that ran it.
    pub outlets: u32,
    /// Speaker number (speakers shard) the trail credits, when the outlets' credits fit one.
    pub speaker: Option<u32>,
}

/// One report's printing of a trail's quotation. Its article's id and the quoted words are
/// copied here, so the trails view lists every trail with its variants without fetching the
/// article groups (a few hundred kilobytes of text at 10,000 reports, gzipped to a third).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailOccurrence {
    /// Article number.
    pub article: u32,
    /// The article's id (for links).
    pub id: String,
    /// The quoted words: byte span into the article's text.
    pub span: crate::model::Span,
    /// The quoted words (the article's text at `span`); change spans are into the article's
    /// text, so the words of a change are `text[change.words - span.start]`.
    pub text: String,
    /// Packed `article << 12 | index` into the article's quotations (see
    /// [`library::unpack_quote`]); none for a quotation the page does not list (scare quotes).
    pub quote: Option<u32>,
    /// Speaker number its article credits.
    pub speaker: Option<u32>,
    pub changes: Vec<crate::trails::Change>,
    pub credit: crate::trails::Credit,
}

impl TrailsShard {
    /// The trail holding quotation `index` of article `article`, if any.
    pub fn of_quote(&self, article: usize, index: usize) -> Option<usize> {
        let packed = library::pack_quote(article, index);
        self.trails.iter().position(|t| t.occurrences.iter().any(|o| o.quote == Some(packed)))
    }

    /// The trails of speaker number `speaker` (credited by the trail or by one of its
    /// outlets), widest first: which of their quotations travelled furthest.
    pub fn of_speaker(&self, speaker: usize) -> Vec<usize> {
        let s = speaker as u32;
        (0..self.trails.len()).filter(|&t| self.trails[t].speakers().any(|x| x == s)).collect()
    }
}

impl ShardTrail {
    /// The speakers the trail credits: its own, then each occurrence's (repeats included).
    pub fn speakers(&self) -> impl Iterator<Item = u32> + '_ {
        self.speaker.into_iter().chain(self.occurrences.iter().filter_map(|o| o.speaker))
    }
}

/// Quotations per article beyond this are not indexed by speaker (a hostile text with
/// thousands of quote marks must not overflow the packed reference).
pub const MAX_QUOTES_PER_ARTICLE: usize = 1 << 12;

/// The most articles a sharded corpus holds: the packed speaker reference keeps 20 bits for
/// the article number. `dispatches publish` refuses a larger corpus with this number.
pub const MAX_ARTICLES: usize = (1 << 20) - 1;

/// A shard's bytes: the format version, then the postcard encoding of the value.
fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = FORMAT_VERSION.to_le_bytes().to_vec();
    out.extend(postcard::to_allocvec(value).expect("serializing in memory cannot fail"));
    out
}

fn decode<'de, T: Deserialize<'de>>(bytes: &'de [u8], what: &str) -> Result<T, String> {
    let (version, body) = bytes.split_first_chunk::<4>().ok_or_else(|| format!("{what}: empty or truncated file"))?;
    let version = u32::from_le_bytes(*version);
    if version != FORMAT_VERSION {
        return Err(format!("{what}: shard format {version}, but this app reads format {FORMAT_VERSION} (a file of another build)"));
    }
    postcard::from_bytes(body).map_err(|e| format!("{what}: corrupt shard ({e})"))
}

impl DictionaryShard {
    fn new(terms: &[(String, u32)], hints: Vec<(String, Vec<u32>)>) -> DictionaryShard {
        let hints = hints
            .into_iter()
            .map(|(prefix, docs)| (prefix, docs.iter().scan(0u32, |prev, &d| Some(d - std::mem::replace(prev, d))).collect()))
            .collect();
        DictionaryShard { terms: front_code(terms.iter().map(|t| t.0.as_str())), df: terms.iter().map(|t| t.1).collect(), hints }
    }

    /// The terms, decoded, with their frequencies and the typing hints.
    pub fn entries(self) -> Result<Dictionary, String> {
        let terms = front_decode(&self.terms).map_err(|e| format!("corrupt dictionary shard: {e}"))?;
        if self.df.len() != terms.len() {
            return Err("corrupt dictionary shard: frequencies".into());
        }
        let mut hints = Vec::with_capacity(self.hints.len());
        for (prefix, deltas) in self.hints {
            let mut docs = Vec::with_capacity(deltas.len());
            let mut d = 0u32;
            for delta in deltas {
                d = d.checked_add(delta).ok_or("corrupt dictionary shard: typing hints")?;
                docs.push(d);
            }
            hints.push((prefix, docs));
        }
        Ok(Dictionary { terms, df: self.df, hints })
    }
}

/// A 64-bit hash in hex: the content part of shard names, which the page checks every
/// fetched shard against. Eight bytes a step, then a final mix (murmur3's): FNV-1a, a byte a
/// step, cost the page about a millisecond per megabyte, and a keystroke at 100,000 reports
/// unpacks several megabytes of cards.
fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", hash64(bytes))
}

/// The 64-bit hash [`content_hash`] writes (also what the article runs' cuts are drawn from).
fn hash64(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        h = (h ^ u64::from_le_bytes(w.try_into().expect("eight bytes"))).wrapping_mul(K);
        h ^= h >> 29;
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Which layout a build writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Every shard embedded in the app: one file, nothing fetched.
    Inline,
    /// Shards written next to the app, fetched on demand.
    Split,
}

/// Corpora up to this many articles *and* [`INLINE_MAX_TEXT_BYTES`] of text are inlined: a few
/// hundred short reports add less to the app than the requests a split layout would make.
pub const INLINE_MAX_ARTICLES: usize = 200;
/// See [`INLINE_MAX_ARTICLES`].
pub const INLINE_MAX_TEXT_BYTES: u64 = 1_500_000;

impl Layout {
    /// `inline`, `split` or `auto` (also empty); anything else is an error.
    pub fn parse(s: &str) -> Result<Option<Layout>, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(None),
            "inline" => Ok(Some(Layout::Inline)),
            "split" => Ok(Some(Layout::Split)),
            other => Err(format!("unknown layout {other:?}: use inline, split or auto")),
        }
    }

    /// The layout for a corpus of `articles` texts totalling `text_bytes`, unless forced.
    pub fn choose(forced: Option<Layout>, articles: usize, text_bytes: u64) -> Layout {
        forced.unwrap_or(if articles <= INLINE_MAX_ARTICLES && text_bytes <= INLINE_MAX_TEXT_BYTES { Layout::Inline } else { Layout::Split })
    }

    /// The layout of the corpus folder `dir` (its text files' count and size, so build.rs
    /// can decide without reading the corpus), unless forced. build.rs and `dispatches
    /// publish` both decide with this, so they always agree.
    #[cfg(feature = "ingest")]
    pub fn for_folder(forced: Option<Layout>, dir: &std::path::Path) -> Layout {
        let texts: Vec<u64> = crate::corpus::input_files(dir)
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
            .collect();
        Layout::choose(forced, texts.len(), texts.iter().sum())
    }

}

/// Builds the shard set of a corpus in memory and opens it, every shard at hand: how the CLI
/// reads a corpus folder, through the page's own reader.
/// `forced` as for a build: the same layout, so the same snippets, as the page.
pub fn open_in_memory(corpus: crate::model::Corpus, forced: Option<Layout>) -> Library {
    let text: u64 = corpus.articles.iter().map(|a| a.text.len() as u64).sum();
    let layout = Layout::choose(forced, corpus.articles.len(), text);
    let sizing = Sizing::for_corpus(layout, corpus.articles.len(), text);
    let set = build(corpus, sizing, |b| b.to_vec());
    let files: std::collections::HashMap<String, Vec<u8>> = set.files.into_iter().collect();
    Library::open(&set.manifest_bytes, Some(Box::new(move |name: &str| files.get(name).cloned()))).expect("a manifest just built decodes")
}

/// The inline layout's single blob: the manifest and every shard, by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InlineBlob {
    pub manifest: Vec<u8>,
    pub shards: Vec<(String, Vec<u8>)>,
}

impl InlineBlob {
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(self)
    }
    pub fn from_bytes(bytes: &[u8]) -> Result<InlineBlob, String> {
        decode(bytes, "embedded corpus")
    }

    pub fn from_set(set: ShardSet) -> InlineBlob {
        InlineBlob { manifest: set.manifest_bytes, shards: set.files }
    }
}

#[cfg(test)]
mod tests {
    use super::content_hash;
    use std::collections::HashSet;

    #[test]
    fn content_hashes_tell_apart_every_one_bit_change_length_and_trailing_zero() {
        let base: Vec<u8> = (0..67u32).map(|i| (i * 37 % 251) as u8).collect();
        let mut seen = HashSet::new();
        assert!(seen.insert(content_hash(&base)));
        for i in 0..base.len() {
            for bit in 0..8 {
                let mut b = base.clone();
                b[i] ^= 1 << bit;
                assert!(seen.insert(content_hash(&b)), "byte {i} bit {bit}");
            }
        }
        // Prefixes, and the same bytes with zeros after them (the last word is zero-padded).
        for n in 0..base.len() {
            assert!(seen.insert(content_hash(&base[..n])), "prefix {n}");
        }
        for zeros in 1..9 {
            let mut b = base.clone();
            b.extend(std::iter::repeat(0).take(zeros));
            assert!(seen.insert(content_hash(&b)), "{zeros} zeros");
        }
        assert_eq!(content_hash(&base).len(), 16);
    }
}
