//! The reader of the sharded corpus: one interface for both layouts.
//!
//! Every read either answers or says which shards it still needs ([`Need::Fetch`]). A library
//! with a *source* (the inline layout's embedded blob, the CLI's shard set in memory) pulls
//! what it needs from it at once, so reads always answer; the split layout's page has no
//! source: it fetches the shards named by `Need::Fetch` (in parallel), hands them to
//! [`Library::provide`] and asks again. The same calls rank, quote and attribute in the page
//! and in the CLI.
//!
//! Decoded shards are cached with a bound ([`Library::with_budget`]), enforced when a shard is
//! added; shards used since the last [`Library::begin`] are never evicted, so a query that
//! needs several rounds of fetches keeps what its earlier rounds loaded (and a single read
//! may exceed the bound). Callers holding an `Arc` of a group keep it alive past eviction.

use super::cards::{Card, CardRun};
use super::speakers::{name_key, NameEntry, NameShard, QuotedShard, SaidInReport, SaidShard, SpeakerPage};
use super::{decode, content_hash, ArticleGroup, Dictionary, DictionaryShard, IdShard, Manifest, PositionsShard, PostingsShard, ShardRef, ShardTrail, TermShardRef, TrailIndexShard, TrailsShard};
use crate::model::{Article, CorpusInfo};
use crate::quotes::{Quote, Speaker};
use crate::search::names::names;
use crate::search::{self, DocTable, SearchIndex, SearchRequest, SearchResults, TermRange};
use std::collections::HashMap;
use std::sync::Arc;

/// Why a read could not answer yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    /// These shards must be fetched and [`Library::provide`]d first.
    Fetch(Vec<ShardRef>),
    /// A shard is unusable (corrupt, or of another build): the read cannot answer.
    Broken(String),
}

/// Where a library with a source gets shard bytes (by file name).
pub type Source = Box<dyn Fn(&str) -> Option<Vec<u8>>>;

/// A decoded article group. Each article's token starts (what snippets map positions with)
/// are recomputed from its text the first time a search needs them: a group holds dozens of
/// articles at 100,000, of which a result page shows one or two.
pub struct Group {
    pub group: ArticleGroup,
    starts: Vec<std::sync::OnceLock<Vec<u32>>>,
    /// A result card's one-article group (part of the text), not articles as written.
    card: bool,
}

impl Group {
    /// Article number `d` of the corpus, if this group holds it.
    pub fn article(&self, d: usize) -> Option<&Article> {
        self.group.articles.get(d.checked_sub(self.group.first as usize)?)
    }

    /// The quotations of article `d`, in text order.
    pub fn quotes(&self, d: usize) -> &[Quote] {
        d.checked_sub(self.group.first as usize).and_then(|i| self.group.quotes.get(i)).map_or(&[], Vec::as_slice)
    }

    /// The speakers article `d`'s quotations name: `(speaker number, name, role)`.
    pub fn speakers(&self, d: usize) -> &[(u32, String, Option<String>)] {
        d.checked_sub(self.group.first as usize).and_then(|i| self.group.speakers.get(i)).map_or(&[], Vec::as_slice)
    }

    /// Whether this is a result card (see [`super::cards`]) rather than whole articles.
    pub fn is_card(&self) -> bool {
        self.card
    }

    /// A group whose token starts are known (a card's: its text is partial, so they cannot be
    /// recomputed from it).
    pub(crate) fn with_starts(group: ArticleGroup, starts: Vec<Vec<u32>>) -> Group {
        let starts = starts.into_iter().map(std::sync::OnceLock::from).collect();
        Group { group, starts, card: true }
    }

    fn new(group: ArticleGroup) -> Group {
        let starts = group.articles.iter().map(|_| std::sync::OnceLock::new()).collect();
        Group { group, starts, card: false }
    }

    fn starts(&self, d: usize) -> &[u32] {
        let Some(i) = d.checked_sub(self.group.first as usize) else { return &[] };
        match (self.starts.get(i), self.group.articles.get(i)) {
            (Some(cell), Some(article)) => cell.get_or_init(|| search::token_starts(article)),
            _ => &[],
        }
    }
}

enum Decoded {
    Dictionary(Arc<Dictionary>),
    Postings(Arc<PostingsShard>),
    Positions(Arc<PositionsShard>),
    Group(Arc<Group>),
    Cards(Arc<Cards>),
    Ids(Arc<IdShard>),
    SpeakerPage(Arc<SpeakerPage>),
    Names(Arc<NameShard>),
    Quoted(Arc<QuotedShard>),
    Said(Arc<SaidShard>),
    Trails(Arc<TrailsShard>),
    TrailIndex(Arc<TrailIndexShard>),
}

/// A card shard: its bytes, each card decoded, then turned into a one-article group, the
/// first time a result reads it (a page reads ten cards of the shards' hundreds).
struct Cards {
    run: CardRun<'static>,
    /// Where each card ends in the run's bytes.
    ends: Vec<u32>,
    card: Vec<std::sync::OnceLock<Result<Card, String>>>,
    memo: Vec<std::sync::OnceLock<Result<Arc<Group>, String>>>,
}

impl Cards {
    fn new(run: CardRun) -> Option<Cards> {
        let ends = run.ends()?;
        let n = ends.len();
        Some(Cards {
            run: run.into_owned(),
            ends,
            card: (0..n).map(|_| std::sync::OnceLock::new()).collect(),
            memo: (0..n).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    /// The place in this shard of article number `d`'s card.
    fn index_of(&self, d: usize) -> Option<usize> {
        self.run.index_of(d)
    }

    /// The `k`th card, decoded once.
    fn card(&self, k: usize) -> Result<&Card, String> {
        self.card[k].get_or_init(|| self.run.card_at(&self.ends, k)).as_ref().map_err(Clone::clone)
    }

    /// The `k`th card as article number `d`'s one-article group, made once.
    fn group(&self, k: usize, d: usize, outlet: &str) -> Result<Arc<Group>, String> {
        self.memo[k].get_or_init(|| self.card(k)?.to_group(d, outlet).map(Arc::new)).clone()
    }
}

struct Entry {
    shard: Decoded,
    bytes: usize,
    last_used: u64,
}

/// Postings shards fetched ahead for one prefix (see `Library::likely_postings`).
const LIKELY_PER_PREFIX: usize = 2;

/// The default bound of decoded shards kept, in shard bytes (decoded structures take two to
/// three times as much memory).
pub const DEFAULT_BUDGET: usize = 12 << 20;

pub struct Library {
    manifest: Arc<Manifest>,
    /// The manifest's per-article table, taken out of it once and shared with every query.
    table: Arc<DocTable>,
    source: Option<Source>,
    cache: HashMap<String, Entry>,
    budget: usize,
    cached_bytes: usize,
    tick: u64,
    /// The last search that stopped to fetch its hits' cards: its index and ranking, so the
    /// round that delivers the cards does not read and rank the postings again.
    pending_search: Option<(SearchRequest, SearchIndex, search::Ranked)>,
    /// The manifest's typing-card families, decoded (see [`Manifest::typing_families`]).
    typing_families: Vec<String>,
}

impl Library {
    /// Opens a corpus from its manifest's bytes; `source`, if any, supplies every shard.
    pub fn open(manifest: &[u8], source: Option<Source>) -> Result<Library, String> {
        let mut manifest: Manifest = decode(manifest, "manifest")?;
        let table = Arc::new(std::mem::take(&mut manifest.table));
        let typing_families = search::front_decode(&std::mem::take(&mut manifest.typing_families)).map_err(|e| format!("manifest: corrupt typing families ({e})"))?;
        Ok(Library { manifest: Arc::new(manifest), table, source, cache: HashMap::new(), budget: DEFAULT_BUDGET, cached_bytes: 0, tick: 1, pending_search: None, typing_families })
    }

    /// Opens the inline layout's blob (manifest and every shard).
    pub fn inline(blob: &[u8]) -> Result<Library, String> {
        let blob = super::InlineBlob::from_bytes(blob)?;
        let shards: HashMap<String, Vec<u8>> = blob.shards.into_iter().collect();
        Library::open(&blob.manifest, Some(Box::new(move |name: &str| shards.get(name).cloned())))
    }

    pub fn with_budget(mut self, bytes: usize) -> Library {
        self.budget = bytes;
        self
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn info(&self) -> &CorpusInfo {
        &self.manifest.info
    }

    pub fn table(&self) -> &Arc<DocTable> {
        &self.table
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Starts a new read: shards not used from now on may be evicted.
    pub fn begin(&mut self) {
        self.tick += 1;
    }

    /// Bytes of decoded shards kept.
    pub fn cached_bytes(&self) -> usize {
        self.cached_bytes
    }

    /// Whether a read waiting for shard `name` may, once it is at hand, name further shards
    /// to fetch: a dictionary tells a search its terms, hence their postings, positions and
    /// the cards of their first hits. A reader that asks again as soon as such a shard
    /// arrives, not when its whole round is in, overlaps the next round with the rest of
    /// this one (a search of common words reads positions only once the dictionary says
    /// they are common).
    pub fn opens_more_reads(&self, name: &str) -> bool {
        self.kind_of(name) == Some(Kind::Dictionary)
    }

    /// Hands over a fetched shard. Refused (with the reason) if this build's manifest does not
    /// name it, or its content does not match its name, or it does not decode.
    pub fn provide(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        if self.cache.contains_key(name) {
            return Ok(());
        }
        let kind = self.kind_of(name).ok_or_else(|| format!("{name}: not a shard of this build"))?;
        let hash = name.rsplit('-').next().and_then(|h| h.strip_suffix(".bin")).unwrap_or("");
        if content_hash(bytes) != hash {
            return Err(format!("{name}: content does not match its name (a file of another build, or damaged)"));
        }
        let shard = match kind {
            Kind::Dictionary => Decoded::Dictionary(Arc::new(decode::<DictionaryShard>(bytes, name)?.entries()?)),
            Kind::Postings => Decoded::Postings(Arc::new(decode(bytes, name)?)),
            Kind::Positions => {
                let p: PositionsShard = decode(bytes, name)?;
                if p.terms.len() != p.lists.len() {
                    return Err(format!("{name}: corrupt positions shard"));
                }
                Decoded::Positions(Arc::new(p))
            }
            Kind::Group => {
                let mut group: ArticleGroup = decode(bytes, name)?;
                if group.quotes.len() != group.articles.len() || group.speakers.len() != group.articles.len() {
                    return Err(format!("{name}: corrupt article group"));
                }
                // A group's place is the manifest's to say (see `write::article_runs`).
                group.first = self.manifest.groups.iter().find(|g| g.1.name == name).map_or(0, |g| g.0);
                for (i, quotes) in group.quotes.iter_mut().enumerate() {
                    for q in quotes {
                        q.article = group.first as usize + i;
                    }
                }
                Decoded::Group(Arc::new(Group::new(group)))
            }
            Kind::Cards => {
                let mut run: CardRun = decode(bytes, name)?;
                // So is a card shard's (a typing-cards shard lists its articles).
                if run.docs.is_empty() {
                    run.first = self.manifest.cards.iter().find(|g| g.1.name == name).map_or(0, |g| g.0);
                }
                Decoded::Cards(Arc::new(Cards::new(run).ok_or_else(|| format!("{name}: corrupt card shard"))?))
            }
            Kind::Ids => Decoded::Ids(Arc::new(decode(bytes, name)?)),
            Kind::SpeakerPage => Decoded::SpeakerPage(Arc::new(decode(bytes, name)?)),
            Kind::Names => Decoded::Names(Arc::new(decode(bytes, name)?)),
            Kind::Quoted => Decoded::Quoted(Arc::new(decode(bytes, name)?)),
            Kind::Said => Decoded::Said(Arc::new(decode(bytes, name)?)),
            Kind::Trails => Decoded::Trails(Arc::new(decode(bytes, name)?)),
            Kind::TrailIndex => Decoded::TrailIndex(Arc::new(decode(bytes, name)?)),
        };
        self.cached_bytes += bytes.len();
        self.cache.insert(name.to_string(), Entry { shard, bytes: bytes.len(), last_used: self.tick });
        self.evict();
        Ok(())
    }

    fn evict(&mut self) {
        if self.cached_bytes <= self.budget {
            return;
        }
        let mut old: Vec<(u64, String)> = self.cache.iter().filter(|(_, e)| e.last_used < self.tick).map(|(k, e)| (e.last_used, k.clone())).collect();
        search::sort::sort(&mut old);
        for (_, name) in old {
            if self.cached_bytes <= self.budget {
                break;
            }
            if let Some(e) = self.cache.remove(&name) {
                self.cached_bytes -= e.bytes;
            }
        }
    }

    fn kind_of(&self, name: &str) -> Option<Kind> {
        let m = &self.manifest;
        if m.dictionary.iter().any(|t| t.shard.name == name) {
            Some(Kind::Dictionary)
        } else if m.postings.iter().any(|t| t.shard.name == name) {
            Some(Kind::Postings)
        } else if m.positions.iter().any(|t| t.shard.name == name) {
            Some(Kind::Positions)
        } else if m.groups.iter().any(|g| g.1.name == name) {
            Some(Kind::Group)
        } else if m.cards.iter().any(|g| g.1.name == name) || m.typing.iter().any(|g| g.1.name == name) {
            Some(Kind::Cards)
        } else if m.ids.iter().any(|g| g.1.name == name) {
            Some(Kind::Ids)
        } else if m.speakers.pages.iter().any(|g| g.1.name == name) {
            Some(Kind::SpeakerPage)
        } else if m.speakers.names.iter().any(|g| g.1.name == name) {
            Some(Kind::Names)
        } else if m.speakers.quoted.iter().any(|g| g.1.name == name) {
            Some(Kind::Quoted)
        } else if m.speakers.said.iter().any(|g| g.2.name == name) {
            Some(Kind::Said)
        } else if m.trails.name == name || m.trail_pages.iter().any(|g| g.1.name == name) {
            Some(Kind::Trails)
        } else if m.trail_index.iter().any(|g| g.1.name == name) {
            Some(Kind::TrailIndex)
        } else {
            None
        }
    }

    /// Makes sure every shard of `refs` is decoded: pulls missing ones from the source, or
    /// names them in `Need::Fetch`.
    fn require<'r>(&mut self, refs: impl IntoIterator<Item = &'r ShardRef>) -> Result<(), Need> {
        let mut missing: Vec<ShardRef> = Vec::new();
        for r in refs {
            if let Some(e) = self.cache.get_mut(&r.name) {
                e.last_used = self.tick;
                continue;
            }
            match self.source.as_ref().map(|s| s(&r.name)) {
                Some(Some(bytes)) => self.provide(&r.name, &bytes).map_err(Need::Broken)?,
                Some(None) => return Err(Need::Broken(format!("{}: missing from the corpus", r.name))),
                None => {
                    if !missing.contains(r) {
                        missing.push(r.clone());
                    }
                }
            }
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Need::Fetch(missing))
        }
    }

    fn get(&self, name: &str) -> Option<&Decoded> {
        self.cache.get(name).map(|e| &e.shard)
    }

    // -----------------------------------------------------------------------------------------
    // Search
    // -----------------------------------------------------------------------------------------

    /// Dictionary shards (indexes into the manifest's list) covering `ranges`.
    fn dictionary_for(&self, ranges: &[TermRange]) -> Vec<usize> {
        let dir = &self.manifest.dictionary;
        let mut out = Vec::new();
        for range in ranges {
            let (lo, prefix) = match range {
                TermRange::Term(t) => (t.as_str(), None),
                TermRange::Prefix(p) => (p.as_str(), Some(p.as_str())),
            };
            // The shard holding `lo`, then (for a prefix) every later one starting inside it.
            let mut i = dir.partition_point(|t| t.first.as_str() <= lo).saturating_sub(1);
            loop {
                if i >= dir.len() {
                    break;
                }
                if !out.contains(&i) {
                    out.push(i);
                }
                i += 1;
                match (prefix, dir.get(i)) {
                    (Some(p), Some(next)) if next.first.starts_with(p) => continue,
                    _ => break,
                }
            }
        }
        search::sort::sort(&mut out);
        out
    }

    /// The dictionary of the shards `which` (sorted, disjoint ranges: concatenated in order).
    fn dictionary(&self, which: &[usize]) -> (Vec<String>, Vec<u32>) {
        let (mut terms, mut df) = (Vec::new(), Vec::new());
        for &i in which {
            if let Some(Decoded::Dictionary(d)) = self.get(&self.manifest.dictionary[i].shard.name) {
                terms.extend(d.terms.iter().cloned());
                df.extend_from_slice(&d.df);
            }
        }
        (terms, df)
    }

    /// Postings shards a query will probably read: those of its exact words, and of prefixes
    /// of three letters or more (at most [`LIKELY_PER_PREFIX`] shards each; a shorter prefix
    /// expands to the most frequent of many terms, anywhere in its range).
    fn likely_postings(&self, ranges: &[TermRange]) -> Vec<ShardRef> {
        let dir = &self.manifest.postings;
        let mut out: Vec<ShardRef> = Vec::new();
        for range in ranges {
            let (lo, prefix) = match range {
                TermRange::Term(t) => (t.as_str(), None),
                TermRange::Prefix(p) if p.chars().count() >= 3 => (p.as_str(), Some(p.as_str())),
                TermRange::Prefix(_) => continue,
            };
            let start = dir.partition_point(|t| t.first.as_str() <= lo).saturating_sub(1);
            let mut i = start;
            while i < dir.len() && i < start + LIKELY_PER_PREFIX {
                if !out.contains(&dir[i].shard) {
                    out.push(dir[i].shard.clone());
                }
                i += 1;
                match (prefix, dir.get(i)) {
                    (Some(p), Some(next)) if next.first.starts_with(p) => continue,
                    _ => break,
                }
            }
        }
        out
    }

    /// The typing hint of `req` (see `search::typing_hint_key`), if a dictionary shard at
    /// hand that its words read holds one: its prefix family's typing-cards shard, and the
    /// hits the build found (ascending), whose cards that shard holds.
    fn typing_hint(&self, req: &SearchRequest) -> Option<(&ShardRef, &[u32])> {
        let key = search::typing_hint_key(req, self.table.synonyms())?;
        let typing = self.typing_shard_of(&key)?;
        let dict = self.dictionary_for(&search::lookups(&req.query, self.table.synonyms()));
        dict.into_iter()
            .find_map(|i| {
                let Some(Decoded::Dictionary(d)) = self.get(&self.manifest.dictionary[i].shard.name) else { return None };
                let k = d.hints.binary_search_by(|(p, _)| p.as_str().cmp(&key)).ok()?;
                Some(d.hints[k].1.as_slice())
            })
            .map(|docs| (typing, docs))
    }

    /// The typing cards a search will probably read, guessed from its words alone (for a cold
    /// query, with its dictionary): those of a lone word whose family has typing cards, which
    /// most likely has a hint (the family's words are the corpus's commonest), or whose first
    /// page is mostly its hint's even with words excluded ("immigration -trump" at 100k: one
    /// round and 434 KB instead of two and 1,363). Several words searched together rank other
    /// reports first: guessing their families' files read more bytes than it saved.
    fn likely_typing(&self, req: &SearchRequest) -> Option<ShardRef> {
        if !search::unfiltered_best_first(req) {
            return None;
        }
        if let Some(key) = search::typing_hint_key(req, self.table.synonyms()) {
            return self.typing_shard_of(&key).cloned();
        }
        match search::searched_terms(&req.query, self.table.synonyms()).as_slice() {
            [term] => self.typing_shard_of(term).cloned(),
            _ => None,
        }
    }

    /// The typing-cards shard of `prefix`'s family ([`super::typing_family`]), if the build
    /// wrote typing cards.
    fn typing_shard_of(&self, prefix: &str) -> Option<&ShardRef> {
        let family = super::typing_family(prefix);
        self.typing_families.binary_search(&family).ok()?;
        let typing = &self.manifest.typing;
        let i = typing.partition_point(|t| t.0 <= family).checked_sub(1)?;
        Some(&typing[i].1)
    }

    /// The shard a result reads article `d`'s card from: a typing-cards shard at hand that
    /// holds it (a prefix being typed read one), else its card shard.
    fn card_source(&self, d: usize) -> Option<&ShardRef> {
        let at_hand = self.manifest.typing.iter().map(|t| &t.1).find(|r| matches!(self.cache.get(&r.name), Some(Entry { shard: Decoded::Cards(c), .. }) if c.index_of(d).is_some()));
        at_hand.or_else(|| self.card_shard_of(d))
    }

    /// The shard of `dir` (postings or positions) whose range holds `term`.
    fn term_shard_of<'d>(dir: &'d [TermShardRef], term: &str) -> Option<&'d ShardRef> {
        let i = dir.partition_point(|t| t.first.as_str() <= term).checked_sub(1)?;
        Some(&dir[i].shard)
    }

    /// `term`'s postings, with its positions when `positions` (and at hand).
    fn postings_of(&self, term: &str, positions: bool) -> Option<search::Postings<'_>> {
        let Some(Decoded::Postings(p)) = self.get(&Self::term_shard_of(&self.manifest.postings, term)?.name) else { return None };
        let k = p.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()?;
        let list = p.lists.get(k)?;
        let positions = positions.then(|| self.positions_of(term)).flatten();
        Some(search::Postings { list, positions })
    }

    fn positions_of(&self, term: &str) -> Option<&[u32]> {
        let Some(Decoded::Positions(p)) = self.get(&Self::term_shard_of(&self.manifest.positions, term)?.name) else { return None };
        let k = p.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()?;
        p.lists.get(k).map(Vec::as_slice)
    }

    fn group_of(&self, d: usize) -> Option<&ShardRef> {
        let groups = &self.manifest.groups;
        let i = groups.partition_point(|g| g.0 as usize <= d).checked_sub(1)?;
        Some(&groups[i].1)
    }

    fn loaded_group(&self, d: usize) -> Option<&Arc<Group>> {
        match self.get(&self.group_of(d)?.name) {
            Some(Decoded::Group(g)) => Some(g),
            _ => None,
        }
    }

    /// The index a query reads: its dictionary and the postings of the terms it resolved to.
    fn index_for(&mut self, req: &SearchRequest) -> Result<SearchIndex, Need> {
        let table = self.table.clone();
        // 1. The dictionary the query's words, prefixes and (for rare words) typos read —
        // fetched together with the postings its exact words and longer prefixes will most
        // likely resolve to (their shards follow from the directory alone), so a typical
        // query costs two rounds of fetches, not three.
        let mut ranges = search::lookups(&req.query, table.synonyms());
        // Positions only for a query that ranks by them, and only the common words' are
        // apart (see `Manifest::positions`): a word alone reads a third of the bytes.
        let positions = search::needs_positions(req, table.synonyms());
        // When the dictionary is at hand (typed ahead, or read by an earlier keystroke), the
        // query's terms are known at once and their postings are the only round: guessing
        // would only add one.
        let mut dict = self.dictionary_for(&ranges);
        let mut first: Vec<ShardRef> = dict.iter().map(|&i| self.manifest.dictionary[i].shard.clone()).collect();
        // (Positions are not guessed: only a common word has them apart, which the
        // dictionary tells.)
        // Once the dictionary is in, the guesses are not waited for: a reader asking again as
        // soon as it arrives (see `opens_more_reads`) has the next round's shards named while
        // the guessed postings are still on their way.
        if first.iter().any(|r| !self.cache.contains_key(&r.name)) {
            first.extend(self.likely_postings(&ranges));
            first.extend(self.likely_typing(req).filter(|r| !first.contains(r)));
        }
        self.require(first.iter())?;
        let (terms, df) = self.dictionary(&dict);
        let mut words = SearchIndex::assemble(table.clone(), terms, df, |_| None).map_err(Need::Broken)?;
        let typos = words.typo_lookups(&req.query);
        if !typos.is_empty() {
            ranges.extend(typos);
            let more = self.dictionary_for(&ranges);
            if more != dict {
                dict = more;
                self.require(dict.iter().map(|&i| &self.manifest.dictionary[i].shard).cloned().collect::<Vec<_>>().iter())?;
                let (terms, df) = self.dictionary(&dict);
                words = SearchIndex::assemble(table.clone(), terms, df, |_| None).map_err(Need::Broken)?;
            }
        }
        // 2. The postings of the terms the query resolved to — and, for a short prefix being
        // typed, the cards of the hits the build found for it, so that the hits' round comes
        // with this one (`search::typing_hint_key`).
        let wanted = words.query_terms(&req.query);
        let mut shards: Vec<ShardRef> = Vec::new();
        let apart = |t: &str| positions && words.document_frequency(t).is_some_and(|df| df >= self.manifest.positions_apart_from);
        for t in &wanted {
            let of_term = [Some(&self.manifest.postings), apart(t).then_some(&self.manifest.positions)];
            for r in of_term.into_iter().flatten().filter_map(|dir| Self::term_shard_of(dir, t)) {
                if !shards.contains(r) {
                    shards.push(r.clone());
                }
            }
        }
        if shards.iter().any(|r| !self.cache.contains_key(&r.name)) {
            shards.extend(self.typing_hint(req).map(|(r, _)| r.clone()));
        }
        self.require(shards.iter())?;
        let wanted: std::collections::HashSet<&str> = wanted.iter().map(String::as_str).collect();
        let mut index = words;
        index.fill_postings(|t| if wanted.contains(t) { self.postings_of(t, positions) } else { None }).map_err(Need::Broken)?;
        Ok(index)
    }

    /// Runs a search: the same answer as [`SearchIndex::search`] over the whole corpus.
    pub fn search(&mut self, req: &SearchRequest) -> Result<SearchResults, Need> {
        let (index, ranked) = match self.pending_search.take() {
            Some((pending, index, ranked)) if pending == *req => (index, ranked),
            _ => {
                let index = self.index_for(req)?;
                // 3. Rank, then the cards of the hits for their snippets.
                let ranked = index.rank(req);
                (index, ranked)
            }
        };
        match self.snippet_sources(req, &index, &ranked) {
            Ok((cards, whole, groups)) => Ok(index.finish(ranked, |d| {
                let g = if whole.contains(&d) { groups.iter().find(|g| g.article(d).is_some())? } else { cards.iter().find(|g| g.article(d).is_some())? };
                Some((g.article(d)?, g.starts(d)))
            })),
            Err(need) => {
                if matches!(need, Need::Fetch(_)) {
                    self.pending_search = Some((req.clone(), index, ranked));
                }
                Err(need)
            }
        }
    }

    /// What the hits of a ranking take their snippets from: their cards, and the whole
    /// articles of those (`whole`) whose cards lack what the page shows.
    #[allow(clippy::type_complexity)]
    fn snippet_sources(&mut self, req: &SearchRequest, index: &SearchIndex, ranked: &search::Ranked) -> Result<(Vec<Arc<Group>>, Vec<usize>, Vec<Arc<Group>>), Need> {
        let hits: Vec<usize> = ranked.articles().collect();
        // A query with a typing hint (a prefix being typed, a common word) whose postings were
        // at hand or guessed, so that `index_for` did not fetch its typing cards: they are one
        // file where its hits' card shards are one each.
        let hinted = self.typing_hint(req).map(|(typing, docs)| (typing.clone(), docs.to_vec()));
        let mut refs: Vec<ShardRef> = Vec::with_capacity(hits.len());
        for &d in &hits {
            let Some(source) = self.card_source(d) else { continue };
            let source = match &hinted {
                Some((typing, docs)) if !self.cache.contains_key(&source.name) && docs.binary_search(&(d as u32)).is_ok() => typing,
                _ => source,
            };
            if !refs.contains(source) {
                refs.push(source.clone());
            }
        }
        // The hits whose cards the postings' marks say lack their matches, or a named
        // speaker's quotations, have their articles fetched with the cards: one round.
        for &d in hits.iter().filter(|&&d| !self.has_article(d) && (index.card_lacks_matches(ranked, d) || index.card_lacks_speaker(ranked, d))) {
            refs.extend(self.group_of(d).cloned());
        }
        self.require(refs.iter())?;
        let cards = self.cards(&hits)?;
        // A hit whose matches all lie outside its card's blocks (a name mentioned twice deep
        // in the text) is given its snippet from the whole article: one more fetch for the
        // few hits that need it, never a snippet without the words searched for.
        // So is one whose card lacks the quotations of a speaker the query names (the page
        // lists them under the result).
        let whole: Vec<usize> = hits
            .iter()
            .zip(&cards)
            .filter(|(&d, card)| index.matches_outside(ranked, d, card.starts(d)) || self.card_lacks_named_speaker(d, &req.query))
            .map(|(&d, _)| d)
            .collect();
        let groups = if whole.is_empty() { Vec::new() } else { self.articles(&whole)? };
        Ok((cards, whole, groups))
    }

    /// Shards to fetch ahead while the last word of `query` is one letter being typed (the
    /// search waits for a second letter; see `search::query`): the dictionary of every term
    /// starting with it, so the two-letter prefix that follows costs one round of fetches
    /// (its postings), not two. Empty when nothing is being typed or all is at hand.
    pub fn ahead_of_typing(&self, query: &str) -> Vec<ShardRef> {
        // A library with a source has everything at hand.
        if self.source.is_some() || query.ends_with(char::is_whitespace) {
            return Vec::new();
        }
        let Some(last) = query.split_whitespace().last() else { return Vec::new() };
        let letter = search::normalize::fold(last.trim_start_matches(['-', '"', '“', '‘']));
        if letter.chars().count() != 1 || !letter.chars().all(char::is_alphanumeric) {
            return Vec::new();
        }
        self.dictionary_for(&[TermRange::Prefix(letter)])
            .into_iter()
            .map(|i| self.manifest.dictionary[i].shard.clone())
            .filter(|r| !self.cache.contains_key(&r.name))
            .collect()
    }

    /// Every article the request matches (newest first), with no snippet and no card: what an
    /// overview of all the matches counts.
    pub fn matching(&mut self, req: &SearchRequest) -> Result<Vec<usize>, Need> {
        let index = self.index_for(req)?;
        let all = SearchRequest { sort: search::Sort::Newest, limit: None, ..req.clone() };
        Ok(index.rank(&all).articles().collect())
    }

    fn card_shard_of(&self, d: usize) -> Option<&ShardRef> {
        let cards = &self.manifest.cards;
        let i = cards.partition_point(|g| g.0 as usize <= d).checked_sub(1)?;
        Some(&cards[i].1)
    }

    /// What the search results of articles `ds` show (see [`super::cards`]), as one-article
    /// groups, in the order of `ds`: their cards in the split layout, the articles themselves
    /// in the inline one (which writes no cards). One round of fetches for all of them.
    pub fn cards(&mut self, ds: &[usize]) -> Result<Vec<Arc<Group>>, Need> {
        if self.manifest.cards.is_empty() {
            let groups = self.articles(ds)?;
            return Ok(ds.iter().filter_map(|&d| groups.iter().find(|g| g.article(d).is_some()).cloned()).collect());
        }
        let sources: Vec<Option<ShardRef>> = ds.iter().map(|&d| self.card_source(d).cloned()).collect();
        self.require(sources.iter().flatten())?;
        let mut out = Vec::with_capacity(ds.len());
        for (&d, source) in ds.iter().zip(&sources) {
            let Some(Decoded::Cards(c)) = source.as_ref().and_then(|r| self.get(&r.name)) else {
                return Err(Need::Broken(format!("no card for article number {d}")));
            };
            let Some(k) = c.index_of(d) else {
                return Err(Need::Broken(format!("no card for article number {d}")));
            };
            let outlet = self.table.outlet_of(d).and_then(|o| self.table.outlets().get(o)).map_or("", String::as_str);
            let group = c.group(k, d, outlet).map_err(Need::Broken)?;
            out.push(group);
        }
        Ok(out)
    }

    /// Whether article `d` is at hand whole (its group decoded), with no fetch.
    pub fn has_article(&self, d: usize) -> bool {
        self.loaded_group(d).is_some()
    }

    fn card_lacks_named_speaker(&self, d: usize, query: &str) -> bool {
        let Some(Decoded::Cards(c)) = self.card_source(d).and_then(|r| self.get(&r.name)) else { return false };
        c.index_of(d).and_then(|k| c.card(k).ok()).is_some_and(|card| card.lacks_named_speaker(query))
    }

    /// What a result card shows of article `d`: the whole article if it is at hand (a search
    /// fetched it for its snippet, or the reader did), else [`Library::cards`]'s card.
    pub fn card(&mut self, d: usize) -> Result<Arc<Group>, Need> {
        if let Some(g) = self.loaded_group(d) {
            let g = g.clone();
            if let Some(r) = self.group_of(d).cloned() {
                self.require([&r])?;
            }
            return Ok(g);
        }
        self.cards(&[d])?.pop().ok_or_else(|| Need::Broken(format!("no article number {d}")))
    }

    // -----------------------------------------------------------------------------------------
    // Articles, quotations, speakers
    // -----------------------------------------------------------------------------------------

    /// The group holding article number `d` (its text, structure and quotations).
    pub fn article(&mut self, d: usize) -> Result<Arc<Group>, Need> {
        let r = self.group_of(d).cloned().ok_or_else(|| Need::Broken(format!("no article number {d}")))?;
        self.require([&r])?;
        self.loaded_group(d).cloned().ok_or_else(|| Need::Broken(format!("no article number {d}")))
    }

    /// The groups holding several articles (a result page, a speaker's quotations), each
    /// group once, in the order first needed: one round of fetches for all of them.
    pub fn articles(&mut self, ds: &[usize]) -> Result<Vec<Arc<Group>>, Need> {
        let mut refs: Vec<ShardRef> = Vec::new();
        for r in ds.iter().filter_map(|&d| self.group_of(d)) {
            if !refs.contains(r) {
                refs.push(r.clone());
            }
        }
        self.require(refs.iter())?;
        Ok(refs.iter().filter_map(|r| match self.get(&r.name) {
            Some(Decoded::Group(g)) => Some(g.clone()),
            _ => None,
        }).collect())
    }

    /// The number of the article with id `id`, if the corpus has it.
    pub fn number_of(&mut self, id: &str) -> Result<Option<usize>, Need> {
        let dir = &self.manifest.ids;
        let Some(i) = dir.partition_point(|g| g.0.as_str() <= id).checked_sub(1) else { return Ok(None) };
        let r = dir[i].1.clone();
        self.require([&r])?;
        let Some(Decoded::Ids(ids)) = self.get(&r.name) else { return Ok(None) };
        Ok(ids.ids.binary_search_by(|x| x.0.as_str().cmp(id)).ok().map(|k| ids.ids[k].1 as usize))
    }

    // -----------------------------------------------------------------------------------------
    // Who said what (see [`super::speakers`])
    // -----------------------------------------------------------------------------------------

    /// Number of speakers (named ones first, by number of quotations; then unnamed sources).
    pub fn speaker_count(&self) -> usize {
        self.manifest.speakers.count as usize
    }

    fn speaker_page_of(&self, number: usize) -> Option<&ShardRef> {
        let pages = &self.manifest.speakers.pages;
        let i = pages.partition_point(|g| g.0 as usize <= number).checked_sub(1)?;
        Some(&pages[i].1)
    }

    /// Speakers by rank number, in the order of `numbers` (unknown numbers left out); each
    /// quotation as packed `article << 12 | index` (see [`unpack_quote`]). One round of fetches.
    pub fn speakers(&mut self, numbers: &[usize]) -> Result<Vec<(usize, Speaker)>, Need> {
        let mut refs: Vec<ShardRef> = Vec::new();
        for r in numbers.iter().filter_map(|&n| self.speaker_page_of(n)) {
            if !refs.contains(r) {
                refs.push(r.clone());
            }
        }
        self.require(refs.iter())?;
        Ok(numbers
            .iter()
            .filter_map(|&n| match self.get(&self.speaker_page_of(n)?.name) {
                Some(Decoded::SpeakerPage(p)) => Some((n, p.speakers.get(n.checked_sub(p.first as usize)?)?.clone())),
                _ => None,
            })
            .collect())
    }

    /// The run of what speakers said holding quotation `index` of speaker `number`.
    fn said_shard_of(&self, number: usize, index: usize) -> Option<&ShardRef> {
        let runs = &self.manifest.speakers.said;
        let i = runs.partition_point(|g| (g.0 as usize, g.1 as usize) <= (number, index)).checked_sub(1)?;
        Some(&runs[i].2)
    }

    /// Quotations `indexes` (places in the speaker's quotation list, [`Speaker::quotes`]) of
    /// speaker `number` as their page shows them, in the order asked, with their reports' ids
    /// and headlines: the runs of what speakers said that hold them (one round of fetches),
    /// never the reports' whole articles.
    pub fn said(&mut self, number: usize, indexes: &[usize]) -> Result<Vec<SaidInReport>, Need> {
        let mut refs: Vec<ShardRef> = Vec::new();
        for r in indexes.iter().filter_map(|&i| self.said_shard_of(number, i)) {
            if !refs.contains(r) {
                refs.push(r.clone());
            }
        }
        self.require(refs.iter())?;
        let broken = |i: usize| Need::Broken(format!("no quotation {} of speaker number {number}", i + 1));
        indexes
            .iter()
            .map(|&i| {
                let Some(Decoded::Said(run)) = self.said_shard_of(number, i).and_then(|r| self.get(&r.name)) else { return Err(broken(i)) };
                let k = if number == run.speaker as usize { i.checked_sub(run.index as usize) } else { Some(i) };
                let said = number.checked_sub(run.speaker as usize).and_then(|s| run.said.get(s)).zip(k).and_then(|(list, k)| list.get(k)).ok_or_else(|| broken(i))?;
                let (_, id, headline) = run.articles.binary_search_by_key(&said.article, |a| a.0).ok().map(|j| &run.articles[j]).ok_or_else(|| broken(i))?;
                Ok(SaidInReport { id: id.clone(), headline: headline.clone(), said: said.clone() })
            })
            .collect()
    }

    /// The speakers `start..start + n` in rank order.
    pub fn speakers_ranked(&mut self, start: usize, n: usize) -> Result<Vec<(usize, Speaker)>, Need> {
        let end = start.saturating_add(n).min(self.speaker_count());
        self.speakers(&(start.min(end)..end).collect::<Vec<_>>())
    }

    /// The name shard holding `key` (index into the manifest's list).
    fn name_shard_of(&self, key: &str) -> Option<usize> {
        self.manifest.speakers.names.partition_point(|g| g.0.as_str() <= key).checked_sub(1)
    }

    fn name_shard(&mut self, i: usize) -> Result<Arc<NameShard>, Need> {
        let Some(r) = self.manifest.speakers.names.get(i).map(|g| g.1.clone()) else { return Ok(Arc::default()) };
        self.require([&r])?;
        match self.get(&r.name) {
            Some(Decoded::Names(n)) => Ok(n.clone()),
            _ => Err(Need::Broken(format!("{}: not a name shard", r.name))),
        }
    }

    /// Speakers whose name or an alias contains every word of `words` (folded, as
    /// [`crate::search::names::name_words`] gives them; the last may be a prefix of two
    /// letters or more), most quoted first. Reads the one name shard of the first word.
    pub fn speakers_named(&mut self, words: &[String]) -> Result<Vec<NameEntry>, Need> {
        let Some(first) = words.first().filter(|w| words.len() > 1 || w.chars().count() >= 2) else { return Ok(Vec::new()) };
        let key = name_key(first);
        let Some(i) = self.name_shard_of(&key) else { return Ok(Vec::new()) };
        let shard = self.name_shard(i)?;
        let lo = shard.entries.partition_point(|e| e.key < key);
        let mut found: Vec<NameEntry> = shard.entries[lo..].iter().take_while(|e| e.key == key).filter(|e| names(&e.folded_words(), words)).cloned().collect();
        crate::search::sort::sort_by(&mut found, |a, b| b.quotes.cmp(&a.quotes).then(a.number.cmp(&b.number)));
        Ok(found)
    }

    /// [`Library::speakers_named`] when its name shard is at hand (decoded, or in the source),
    /// `None` when it would need a fetch.
    pub fn speakers_named_at_hand(&mut self, words: &[String]) -> Option<Vec<NameEntry>> {
        let key = name_key(words.first()?);
        let i = self.name_shard_of(&key)?;
        let name = &self.manifest.speakers.names.get(i)?.1.name;
        if self.source.is_none() && !self.cache.contains_key(name) {
            return None;
        }
        self.speakers_named(words).ok()
    }

    /// The rank number of the speaker called `name` (or, failing that, printed as `name`: an
    /// alias), as links name them.
    pub fn speaker_named(&mut self, name: &str) -> Result<Option<usize>, Need> {
        let wanted = super::speakers::words_joined(name);
        let words: Vec<String> = wanted.split(' ').map(str::to_string).collect();
        let found = self.speakers_named(&words)?;
        let by_name = found.iter().filter(|e| super::speakers::words_joined(&e.name) == wanted).map(|e| e.number).min();
        let by_alias = || found.iter().filter(|e| e.aliases.iter().any(|a| super::speakers::words_joined(a) == wanted)).map(|e| e.number).min();
        Ok(by_name.or_else(by_alias).map(|n| n as usize))
    }

    /// The named speakers quoted in the most of articles `ds`, as `(rank number, articles)`,
    /// most first (then by rank), at most `k`. One round of fetches (the quoted shards
    /// covering `ds`).
    pub fn quoted_in(&mut self, ds: &[usize], k: usize) -> Result<Vec<(usize, usize)>, Need> {
        let manifest = self.manifest.clone();
        let dir = &manifest.speakers.quoted;
        let shard_of = |d: usize| dir.partition_point(|g| g.0 as usize <= d).checked_sub(1);
        let mut refs: Vec<ShardRef> = Vec::new();
        for i in ds.iter().filter_map(|&d| shard_of(d)) {
            if refs.last() != Some(&dir[i].1) && !refs.contains(&dir[i].1) {
                refs.push(dir[i].1.clone());
            }
        }
        self.require(refs.iter())?;
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for &d in ds {
            let Some(i) = shard_of(d) else { continue };
            if let Some(Decoded::Quoted(q)) = self.get(&dir[i].1.name) {
                for &s in d.checked_sub(q.first as usize).and_then(|k| q.speakers.get(k)).map_or(&[][..], Vec::as_slice) {
                    *counts.entry(s).or_default() += 1;
                }
            }
        }
        let mut top: Vec<(usize, usize)> = counts.into_iter().map(|(s, n)| (s as usize, n)).collect();
        crate::search::sort::sort_truncate_by(&mut top, k, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(top)
    }

    /// The name shards a name starting with `letter` (folded) will read, not yet at hand: a
    /// page fetches them ahead while one letter is typed, so the second answers at once.
    pub fn name_shards_ahead(&self, letter: char) -> Vec<ShardRef> {
        let dir = &self.manifest.speakers.names;
        let lo = letter.to_string();
        let start = dir.partition_point(|g| g.0.as_str() <= lo.as_str()).saturating_sub(1);
        dir[start.min(dir.len())..]
            .iter()
            .take_while(|g| g.0.as_str() <= lo.as_str() || g.0.starts_with(letter))
            .map(|g| g.1.clone())
            .filter(|r| !self.cache.contains_key(&r.name))
            .collect()
    }

    /// Number of name shards: the list sorted by name reads them in order.
    pub fn name_shard_count(&self) -> usize {
        self.manifest.speakers.names.len()
    }

    /// The speakers of name shard `i` the list sorted by name shows (each speaker is filed in
    /// exactly one shard, under its name's first word), in name order.
    pub fn speakers_by_name(&mut self, i: usize) -> Result<Vec<NameEntry>, Need> {
        let shard = self.name_shard(i)?;
        Ok(shard.entries.iter().filter(|e| e.is_filed_by_name()).cloned().collect())
    }
}

impl Library {
    /// Every quote trail, widest first.
    pub fn trails(&mut self) -> Result<Arc<TrailsShard>, Need> {
        let r = self.manifest.trails.clone();
        self.trails_in(&r)
    }

    /// The trail of quotation `k` (0-based, as the reader lists them) of article `d`, if it
    /// has one: in the split layout from its article range's index and its trail's page (two
    /// small reads), in the inline one from every trail.
    pub fn trail_of_quote(&mut self, d: usize, k: usize) -> Result<Option<ShardTrail>, Need> {
        let m = self.manifest.clone();
        let Some(i) = m.trail_index.partition_point(|g| g.0 as usize <= d).checked_sub(1) else {
            let all = self.trails()?;
            return Ok(all.of_quote(d, k).and_then(|t| all.trails.get(t)).cloned());
        };
        if k >= super::MAX_QUOTES_PER_ARTICLE {
            return Ok(None); // not indexed by number (see MAX_QUOTES_PER_ARTICLE)
        }
        let r = &m.trail_index[i].1;
        self.require([r])?;
        let Some(Decoded::TrailIndex(index)) = self.get(&r.name) else { return Err(Need::Broken(format!("{}: not a trail index", r.name))) };
        let Ok(at) = index.quotes.binary_search_by_key(&pack_quote(d, k), |q| q.0) else { return Ok(None) };
        let t = index.quotes[at].1 as usize;
        Ok(self.trails_numbered(&[t])?.pop())
    }

    /// The trails carried by two or more outlets that credit speaker `number` or print them
    /// in an occurrence, widest first, at most `n` (which of their quotations travelled
    /// furthest): in the split layout from their record's list and those trails' pages (one
    /// round after the speaker's own rank page), in the inline one from every trail.
    pub fn speaker_trails(&mut self, number: usize, n: usize) -> Result<Vec<ShardTrail>, Need> {
        let m = self.manifest.clone();
        if m.trail_pages.is_empty() {
            let all = self.trails()?;
            return Ok(all.of_speaker(number).into_iter().filter_map(|t| all.trails.get(t)).filter(|t| t.outlets >= 2).take(n).cloned().collect());
        }
        let Some(r) = self.speaker_page_of(number).cloned() else { return Ok(Vec::new()) };
        self.require([&r])?;
        let Some(Decoded::SpeakerPage(p)) = self.get(&r.name) else { return Err(Need::Broken(format!("{}: not a speaker page", r.name))) };
        let list: Vec<usize> = number.checked_sub(p.first as usize).and_then(|k| p.travelled.get(k)).map_or(Vec::new(), |l| l.iter().take(n).map(|&t| t as usize).collect());
        self.trails_numbered(&list)
    }

    /// Trails by number, in the order of `ts`, from their pages (split layout): one round
    /// for all of them.
    fn trails_numbered(&mut self, ts: &[usize]) -> Result<Vec<ShardTrail>, Need> {
        let m = self.manifest.clone();
        let page_of = |t: usize| m.trail_pages.partition_point(|g| g.0 as usize <= t).checked_sub(1).ok_or_else(|| Need::Broken(format!("no page for trail {t}")));
        let refs = ts.iter().map(|&t| page_of(t).map(|i| m.trail_pages[i].1.clone())).collect::<Result<Vec<ShardRef>, Need>>()?;
        self.require(refs.iter())?;
        let mut out = Vec::with_capacity(ts.len());
        for &t in ts {
            let i = page_of(t)?;
            let page = self.trails_in(&m.trail_pages[i].1)?;
            out.push(page.trails.get(t - m.trail_pages[i].0 as usize).cloned().ok_or_else(|| Need::Broken(format!("no trail {t} in its page")))?);
        }
        Ok(out)
    }

    fn trails_in(&mut self, r: &ShardRef) -> Result<Arc<TrailsShard>, Need> {
        self.require([r])?;
        match self.get(&r.name) {
            Some(Decoded::Trails(t)) => Ok(t.clone()),
            _ => Err(Need::Broken(format!("{}: not a trails shard", r.name))),
        }
    }
}

/// A quotation's reference, packed: `article << 12 | index into its quotations` (the index
/// below [`super::MAX_QUOTES_PER_ARTICLE`], the article below [`super::MAX_ARTICLES`]).
pub fn pack_quote(article: usize, index: usize) -> u32 {
    ((article as u32) << 12) | index as u32
}

/// A speaker's quotation reference, unpacked: `(article number, index into its quotations)`.
pub fn unpack_quote(packed: usize) -> (usize, usize) {
    (packed >> 12, packed & (super::MAX_QUOTES_PER_ARTICLE - 1))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dictionary,
    Postings,
    Positions,
    Group,
    Cards,
    Ids,
    SpeakerPage,
    Names,
    Quoted,
    Said,
    Trails,
    TrailIndex,
}
