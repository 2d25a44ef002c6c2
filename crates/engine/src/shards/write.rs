//! The shard writer: a corpus in, a manifest and content-named shard files out. Every step is
//! one pass over the corpus, its terms or its quotations (near-linear in the corpus size).

use super::cards::{self, CardRun};
use super::speakers::{self, NameEntry, NameShard, QuotedShard, Said, SaidShard, SpeakerDirectory, SpeakerPage};
use super::{
    content_hash, encode, hash64, typing_family, ArticleGroup, Layout, DictionaryShard, IdShard, Manifest, PositionsShard, PostingsShard, ShardRef, ShardTrail, TermShardRef,
    TrailIndexShard, TrailOccurrence, TrailsShard, FORMAT_VERSION, MAX_ARTICLES, MAX_QUOTES_PER_ARTICLE, SPLIT_PAGE_SIZE,
};
use crate::model::Corpus;
use crate::quotes::{Quote, QuoteIndex, QuoteKind, Speaker, SpeakerKind};
use crate::search::SearchIndex;
use serde::Serialize;

/// Target sizes of the shards, in encoded (uncompressed) bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizing {
    pub dictionary: usize,
    /// Postings shards (common words' without their positions) ...
    pub postings: usize,
    /// ... and the common words' positions shards (read for phrases and proximity).
    pub positions: usize,
    pub group: usize,
    /// Card shards (`None`: no cards, the inline layout) and the text a card keeps.
    pub cards: Option<CardSizing>,
    pub ids_per_shard: usize,
    /// Speaker pages and name shards (see [`super::speakers`]).
    pub speakers: usize,
    /// What speakers' pages show of their quotations (`said-*`, see [`super::speakers`]).
    pub said: usize,
    /// The reader's trails: the smallest page of trails, in bytes (`None`: only the whole
    /// trails shard, the inline layout, where every shard is at hand anyway).
    pub trails: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardSizing {
    /// Target encoded bytes of one card shard.
    pub shard: usize,
    /// Bytes of text one card keeps (its opening always, whatever its length).
    pub text: usize,
    /// Reports a named speaker is quoted in, at least, for each of those reports' cards to
    /// keep one of their quotations (someone readers search for: see [`super::cards::card_of`]).
    pub quoted_widely: u32,
}

/// Files a corpus of any size should stay under (static hosts cap the file count: Cloudflare
/// Pages at 20,000), with room for the app's own files.
const MAX_FILES: usize = 2_000;

/// Text a card keeps: an opening and a block or two (a snippet is about 35 words).
const CARD_TEXT: usize = 420;

impl Sizing {
    /// Sizes for a corpus of `articles` whose texts total `text_bytes` in `layout`: small
    /// enough that a query or a result page fetches little, large enough that the whole
    /// corpus stays under [`MAX_FILES`] files whatever its size: at most about 400 postings
    /// and positions shards together, 640 article groups, 460 card shards, a dozen id shards,
    /// 100 speaker pages, 100 name shards and 80 runs of what speakers said, and a dictionary
    /// of a few dozen; typing-card shards come on top (`typing_cards`: 250 at least).
    pub fn for_corpus(layout: Layout, articles: usize, text_bytes: u64) -> Sizing {
        let text = text_bytes as usize;
        Sizing {
            // The vocabulary grows far slower than the text (and not at all when a corpus
            // repeats itself), so dictionary shards keep one size.
            dictionary: 32 << 10,
            // Postings take roughly a third of the text's size, half or more of it the
            // positions of common words, which are stored apart (`positions_apart_from`):
            // the two kinds of files together are about as many as postings with positions.
            postings: (48 << 10).max(text / 3 / (MAX_FILES / 5)),
            positions: (48 << 10).max(text / 3 / (MAX_FILES / 5)),
            // Articles carry their structure and quotations too: about 1.3 times the text.
            // (Rounded to a step of `steady`, as card shards are, so the next day's few
            // more reports cut the runs where they were: see `article_runs`.)
            group: steady((48 << 10).max(text * 13 / 10 / (MAX_FILES * 32 / 100))),
            // A card is its text plus about 450 bytes (id, headline, date, speakers and a
            // quotation of each widely quoted one). Widely quoted: in one report in 300 (29
            // at 10k), in 3 at least: each such speaker's quotation costs every card of theirs
            // about 300 bytes, so the few who fill the news keep one (a card grows by 13% at
            // 10k) and a search naming anyone else still reads whole reports.
            // Not under 6 KB (eight cards or so): smaller shards made a result page cheaper
            // in bytes but costlier in requests, as fewer of a keystroke's hits fell in
            // shards an earlier keystroke had fetched (1k: keystroke p95 24 → 31 ms).
            cards: (layout == Layout::Split).then(|| CardSizing {
                shard: steady((6 << 10).max(articles * (CARD_TEXT + 450) / (MAX_FILES * 23 / 100))),
                text: CARD_TEXT,
                quoted_widely: (articles / 300).max(3) as u32,
            }),
            // A link naming a report reads one id shard: a few at most, whatever the size.
            ids_per_shard: 4_096.max(articles / 12),
            // Speakers and their quotation references grow with the text (about a twentieth
            // of it); the first screen of who said what reads one page.
            speakers: (16 << 10).max(text / 20 / (MAX_FILES / 20)),
            // What speakers said, with each report's id and headline, is about three tenths
            // of the text (0.3 at 10k): about 80 runs.
            said: (32 << 10).max(text * 3 / 10 / (MAX_FILES / 25)),
            // A report's reader reads one page of trails per trail it shows: about 40
            // pages (and 40 index ranges) whatever the corpus's size, never under 16 KB.
            trails: (layout == Layout::Split).then(|| (16 << 10).max(text / 25 / 40)),
        }
    }
}

/// `bytes` (or a count) rounded up to the next of a series of sizes a sixteenth apart (×17/16
/// each, from 16 on): a run size (or the corpus size cards weigh words against) that depends
/// on the corpus's size stays the same while the corpus grows by a few per cent (a month of
/// news for most newsrooms), so a rebuild after a day's news cuts the article runs where it
/// cut them. Up, so the file budget holds.
fn steady(bytes: usize) -> usize {
    let mut size = 16usize;
    while size < bytes {
        size = (size * 17 / 16).max(size + 1);
    }
    size
}

/// A built shard set: the manifest and every file (name, bytes as written).
pub struct ShardSet {
    pub manifest: Manifest,
    /// The manifest's bytes as written.
    pub manifest_bytes: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
}

struct Writer<W: Fn(&[u8]) -> Vec<u8>> {
    wire: W,
    files: Vec<(String, Vec<u8>)>,
    /// Names already in `files`.
    written: std::collections::HashSet<String>,
}

impl<W: Fn(&[u8]) -> Vec<u8>> Writer<W> {
    /// Encodes a shard, names it after its content, keeps its bytes as written.
    fn add<T: Serialize>(&mut self, kind: &str, value: &T) -> ShardRef {
        let raw = encode(value);
        let bytes = (self.wire)(&raw);
        self.keep(format!("{kind}-{}.bin", content_hash(&raw)), bytes)
    }

    fn keep(&mut self, name: String, bytes: Vec<u8>) -> ShardRef {
        let r = ShardRef { name: name.clone(), bytes: bytes.len() as u32 };
        // The same content twice (an empty trails page and the empty trails shard) is one file.
        if self.written.insert(name.clone()) {
            self.files.push((name, bytes));
        }
        r
    }

    /// [`Writer::add`] for many shards, encoded and compressed in parallel (most of a
    /// build's shards come in such runs), named in order.
    fn add_all<T: Serialize + Send>(&mut self, kind: &str, values: Vec<T>) -> Vec<ShardRef>
    where
        W: Sync,
    {
        let wire = &self.wire;
        let done = crate::par::map(values.into_iter(), |value| {
            let raw = encode(&value);
            drop(value);
            (format!("{kind}-{}.bin", content_hash(&raw)), wire(&raw))
        });
        done.into_iter().map(|(name, bytes)| self.keep(name, bytes)).collect()
    }
}

/// Cuts `items` into runs whose summed `weight` reaches `target` (the last run may be smaller).
fn runs<T>(items: Vec<T>, target: usize, weight: impl Fn(&T) -> usize) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    let mut size = 0;
    for item in items {
        size += weight(&item);
        run.push(item);
        if size >= target {
            out.push(std::mem::take(&mut run));
            size = 0;
        }
    }
    if !run.is_empty() || out.is_empty() {
        out.push(run);
    }
    out
}

/// Cuts articles (or their cards), in corpus order, into runs of about `target` weight whose
/// ends depend on the articles themselves rather than on their places: a run ends after an
/// article when the run has reached 13/16 of the target and the article's id draws a cut, with
/// a chance proportional to its weight (a quarter of the target's weight draws one on
/// average), or at 21/16 of the target; runs average about the target.
///
/// Articles are numbered newest first, so a rebuild with a day's new reports shifts every
/// number; cut by place, every run would then hold other articles and every shard get a new
/// name. Cut by content, the runs after the new reports end where they ended (the first run
/// that ends on the same article as before puts the rest back in step), so their shards keep
/// their names and returning visitors' caches keep them; the same holds for a report added,
/// removed or edited anywhere. (Content-defined chunking, as rsync and backup tools cut files.)
/// A wider window falls back in step sooner but costs bytes: a hit falls in a large shard
/// more often than in a small one, so a page's cards cost the mean of the squared sizes over
/// the mean size; runs from half to twice the target (targets rounded up by up to a quarter)
/// made 100,000 reports' queries and keystrokes read 14 % more.
fn article_runs<T>(items: Vec<T>, target: usize, weight: impl Fn(&T) -> usize, id: impl Fn(&T) -> &str) -> Vec<Vec<T>> {
    let least = target / 16 * 13;
    let most = target / 16 * 21;
    // Past `least`, a cut is drawn per unit of weight with chance 1 / span.
    let span = (target / 4).max(1) as u64;
    let mut out = Vec::new();
    let mut run = Vec::new();
    let mut size = 0usize;
    for item in items {
        let w = weight(&item);
        size += w;
        let cut = size >= most || (size >= least && hash64(id(&item).as_bytes()) % span < w as u64);
        run.push(item);
        if cut {
            out.push(std::mem::take(&mut run));
            size = 0;
        }
    }
    if !run.is_empty() || out.is_empty() {
        out.push(run);
    }
    out
}

/// Bytes of card text and quotations (as `runs` weighs cards) a typing-cards shard holds, at
/// least (about 8 KB gzip: a family or two of a small corpus).
const TYPING_CARDS_SHARD: usize = 16 << 10;

/// Typing-cards shards a corpus may have, at least. Their weight hardly depends on the
/// corpus's size (the hints are about as many at any size: two-letter prefixes, the commonest
/// three-letter ones, the prefixes of the commonest words), so a small corpus's would be
/// many times its own cards in a few large files (the 1k corpus, with 1,500 words hinted: 9.6
/// MB gzip in 223 files, the first query reading 54 KB where its ten card shards were 38).
/// They get half the file budget ([`MAX_FILES`]) the other shards leave, and at least this
/// many files, for which the budget of a large corpus makes room with fewer card shards and
/// article groups.
const TYPING_CARDS_FILES: usize = 250;

/// An article's weight in a run of articles ([`article_runs`]): its text, structure and quotations.
fn group_weight(a: &crate::model::Article, quotes: &[Quote]) -> usize {
    a.text.len() + 32 * a.blocks.len() + 48 * quotes.len()
}

/// Cards (in corpus order) cut into the runs of the card shards: [`article_runs`] of
/// `target`, but the first screen (the newest reports, before any search) reads a shard of its
/// own cards alone, not a run of a few hundred (at 100,000 reports: 80 KB for 10).
fn card_runs<T>(mut items: Vec<T>, target: usize, weight: impl Fn(&T) -> usize, id: impl Fn(&T) -> &str) -> Vec<Vec<T>> {
    if items.len() <= SPLIT_PAGE_SIZE {
        return article_runs(items, target, weight, id);
    }
    let rest = items.split_off(SPLIT_PAGE_SIZE);
    let mut out = vec![items];
    out.extend(article_runs(rest, target, weight, id));
    out
}

/// Makes an article's quotations as a shard stores them independent of the rest of the
/// corpus: speakers numbered by their place in the article's own list (`speakers`, which
/// names them), not in the corpus's speakers, which a new report renumbers, and no article
/// number (the reader puts it back from the shard's place in the manifest). See
/// [`article_runs`].
pub(crate) fn own_speakers<'a>(quotes: impl IntoIterator<Item = &'a mut Quote>, speakers: &mut [(u32, String, Option<String>)]) {
    for q in quotes {
        q.article = 0;
        q.speaker = q.speaker.and_then(|s| speakers.iter().position(|x| x.0 as usize == s));
    }
    for (k, s) in speakers.iter_mut().enumerate() {
        s.0 = k as u32;
    }
}

/// A card's weight in a run of cards ([`card_runs`]).
fn card_weight(card: &cards::Card) -> usize {
    200 + card.blocks.iter().map(|b| b.text.len()).sum::<usize>() + 40 * card.quotes.iter().flatten().count()
}

/// The typing-cards shards (see [`Manifest::typing`]): per prefix family ([`typing_family`]),
/// the cards of every article its hints name, families (sorted) grouped into runs of at least
/// [`TYPING_CARDS_SHARD`], into about `files` shards (see [`TYPING_CARDS_FILES`]).
/// Returns the shards by first family, and every family (sorted).
fn typing_cards<W: Fn(&[u8]) -> Vec<u8> + Sync>(w: &mut Writer<W>, hints: &[(String, Vec<u32>)], card_list: &[(usize, cards::Card)], files: usize) -> (Vec<(String, ShardRef)>, Vec<String>) {
    if card_list.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // A family's hints are not consecutive in the hints' order ("pr", "prac", "pre"): gather.
    let mut by_family: std::collections::BTreeMap<String, Vec<u32>> = std::collections::BTreeMap::new();
    for (prefix, docs) in hints {
        by_family.entry(typing_family(prefix)).or_default().extend(docs);
    }
    let mut families: Vec<(String, Vec<u32>)> = by_family.into_iter().collect();
    for (_, docs) in &mut families {
        docs.sort_unstable();
        docs.dedup();
        docs.retain(|&d| (d as usize) < card_list.len());
    }
    families.retain(|(_, docs)| !docs.is_empty());
    if families.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let names: Vec<String> = families.iter().map(|f| f.0.clone()).collect();
    let weight = |(_, docs): &(String, Vec<u32>)| docs.iter().map(|&d| card_weight(&card_list[d as usize].1)).sum::<usize>();
    let total: usize = families.iter().map(weight).sum();
    let runs = runs(families, TYPING_CARDS_SHARD.max(total / files.max(1)), weight);
    let firsts: Vec<String> = runs.iter().map(|run| run.first().map_or(String::new(), |f| f.0.clone())).collect();
    let shards = crate::par::map(runs.into_iter(), |run| {
        let mut docs: Vec<u32> = run.into_iter().flat_map(|f| f.1).collect();
        docs.sort_unstable();
        docs.dedup();
        let cards: Vec<cards::Card> = docs.iter().map(|&d| card_list[d as usize].1.clone()).collect();
        CardRun::of_articles(docs, &cards)
    });
    (firsts.into_iter().zip(w.add_all("typing", shards)).collect(), names)
}

/// The articles a term is in, at least, for its positions to be stored apart from its
/// postings: one in 200 (2 at least). The few per cent of terms this common hold nine tenths
/// of the positions (the 10k bench file: 9 % of its terms, 95 % of its positions).
fn positions_apart_from(articles: usize) -> u32 {
    (articles / 200).max(2) as u32
}

/// Cuts sorted `(term, value)` items into runs of about `target` bytes (a term's bytes plus
/// two per number of its value, `numbers(value)` of them) and writes each as a `kind` shard
/// made by `shard(terms, values)`: the directory of a set of term-range shards.
fn term_shards<W: Fn(&[u8]) -> Vec<u8> + Sync, V, S: Serialize + Send>(
    w: &mut Writer<W>,
    kind: &str,
    items: Vec<(String, V)>,
    target: usize,
    numbers: impl Fn(&V) -> usize,
    shard: impl Fn(Vec<String>, Vec<V>) -> S,
) -> Vec<TermShardRef> {
    let (firsts, shards): (Vec<String>, Vec<S>) = runs(items, target, |(t, v)| t.len() + 2 * numbers(v))
        .into_iter()
        .map(|run| {
            let first = run.first().map_or(String::new(), |x| x.0.clone());
            let (terms, values) = run.into_iter().unzip();
            (first, shard(terms, values))
        })
        .unzip();
    firsts.into_iter().zip(w.add_all(kind, shards)).map(|(first, shard)| TermShardRef { first, shard }).collect()
}

/// What speakers said (`said[speaker]`, in the order of their quotation lists), cut into
/// runs of about `target` bytes that may split a speaker's list; each run names the reports
/// it quotes. Returns the directory: where each run starts.
fn write_said<W: Fn(&[u8]) -> Vec<u8>>(w: &mut Writer<W>, said: Vec<Vec<Said>>, corpus: &Corpus, target: usize) -> Vec<(u32, u32, ShardRef)> {
    let mut out = Vec::new();
    let mut run = SaidShard::default();
    let mut size = 0usize;
    let mut flush = |run: &mut SaidShard, next: (u32, u32)| {
        let mut done = std::mem::replace(run, SaidShard { speaker: next.0, index: next.1, ..SaidShard::default() });
        let mut articles: Vec<u32> = done.said.iter().flatten().map(|x| x.article).collect();
        articles.sort_unstable();
        articles.dedup();
        done.articles = articles
            .into_iter()
            .filter_map(|a| corpus.articles.get(a as usize).map(|x| (a, x.id.clone(), x.meta.headline.clone())))
            .collect();
        out.push((done.speaker, done.index, w.add("said", &done)));
    };
    for (s, list) in said.into_iter().enumerate() {
        run.said.push(Vec::with_capacity(list.len()));
        for (i, x) in list.into_iter().enumerate() {
            if size >= target {
                flush(&mut run, (s as u32, i as u32));
                run.said.push(Vec::new());
                size = 0;
            }
            // The words and role, and the report's id and headline (counted each time: most
            // of a run's reports are quoted once).
            size += 16 + x.text.len() + x.role.as_ref().map_or(0, String::len) + 80;
            run.said.last_mut().expect("a list was opened").push(x);
        }
    }
    flush(&mut run, (0, 0));
    out
}

/// Speaker pages in rank order, then the name shards (see [`super::speakers`]).
fn write_speakers<W: Fn(&[u8]) -> Vec<u8>>(w: &mut Writer<W>, speakers: Vec<Speaker>, travelled: Vec<Vec<u32>>, quoted: Vec<Vec<u32>>, corpus: &Corpus, target: usize) -> SpeakerDirectory {
    let outlets_of = |s: &Speaker| {
        let mut outlets: Vec<&str> = s.quotes.iter().filter_map(|&p| corpus.articles.get(p >> 12)).map(|a| a.meta.outlet.as_str()).collect();
        outlets.sort_unstable();
        outlets.dedup();
        outlets.len()
    };
    let entries = speakers::name_entries(&speakers, outlets_of);
    let count = speakers.len() as u32;
    let record = |s: &Speaker| 24 + s.name.len() + s.role.as_ref().map_or(0, String::len) + s.aliases.iter().map(String::len).sum::<usize>() + 3 * s.quotes.len();
    let pages = runs(speakers.into_iter().zip(travelled).enumerate().collect(), target, |(_, (s, _))| record(s))
        .into_iter()
        .map(|run| {
            let first = run.first().map_or(0, |x| x.0 as u32);
            let (speakers, travelled) = run.into_iter().map(|x| x.1).unzip();
            (first, w.add("speakers", &SpeakerPage { first, speakers, travelled }))
        })
        .collect();
    // Name shards end between keys, never inside one: a key is read from one shard.
    let mut names = Vec::new();
    let mut run: Vec<NameEntry> = Vec::new();
    let mut size = 0;
    for (_, e) in entries {
        if size >= target && run.last().is_some_and(|last| last.key != e.key) {
            let first = run[0].key.clone();
            names.push((first, w.add("names", &NameShard { entries: std::mem::take(&mut run) })));
            size = 0;
        }
        size += 16 + e.name.len() + e.role.as_ref().map_or(0, String::len) + e.aliases.iter().map(String::len).sum::<usize>();
        run.push(e);
    }
    if !run.is_empty() || names.is_empty() {
        let first = run.first().map_or(String::new(), |e| e.key.clone());
        names.push((first, w.add("names", &NameShard { entries: run })));
    }
    let quoted = runs(quoted.into_iter().enumerate().collect(), target, |(_, v)| 1 + 3 * v.len())
        .into_iter()
        .map(|run| {
            let first = run.first().map_or(0, |x| x.0 as u32);
            (first, w.add("quoted", &QuotedShard { first, speakers: run.into_iter().map(|x| x.1).collect() }))
        })
        .collect();
    SpeakerDirectory { count, pages, names, quoted, said: Vec::new() }
}

/// Runs every build-time analysis over an ingested corpus and cuts the result into shards.
/// `wire` turns a shard's bytes into the bytes written (gzip for the split layout, nothing
/// for the inline one); names hash the content before it, so they do not depend on it.
pub fn build(corpus: Corpus, sizing: Sizing, wire: impl Fn(&[u8]) -> Vec<u8> + Sync) -> ShardSet {
    build_reporting(corpus, sizing, wire, |_| {})
}

/// The stages of [`build`], in order, as [`build_reporting`] names them when each ends.
pub const BUILD_STAGES: [&str; 6] = ["quotations", "search index", "dictionary, speakers and trails", "cards", "postings and positions", "card and article shards"];

/// [`build`], calling `done(stage)` as each of [`BUILD_STAGES`] ends, so a caller can time
/// them (`dispatches publish --timings`) without the engine reading a clock.
pub fn build_reporting(corpus: Corpus, sizing: Sizing, wire: impl Fn(&[u8]) -> Vec<u8> + Sync, mut done: impl FnMut(&'static str)) -> ShardSet {
    let quotes = QuoteIndex::build(&corpus);
    done(BUILD_STAGES[0]);
    let index = SearchIndex::build(&corpus);
    done(BUILD_STAGES[1]);
    // Typing hints only say what to fetch: the inline layout, with every shard at hand, has
    // no use for them (the seeds' single file is 3 KB gzip smaller without).
    let hint_list = if sizing.cards.is_some() { index.typing_hints() } else { Vec::new() };
    let mut hints = hint_list.clone().into_iter().peekable();
    let parts = index.into_parts();
    let mut w = Writer { wire, files: Vec::new(), written: std::collections::HashSet::new() };

    // Dictionary and postings: term ranges in sorted order.
    let mut dict_items = Vec::with_capacity(parts.terms.len());
    let mut post_items = Vec::with_capacity(parts.terms.len());
    let mut dfs = Vec::with_capacity(parts.terms.len());
    for (term, df, list) in parts.terms {
        dict_items.push((term.clone(), df));
        post_items.push((term, list));
        dfs.push(df);
    }
    let dict_runs = runs(dict_items, sizing.dictionary, |(t, _)| t.len() + 3);
    let dictionary = dict_runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            // The hints of the prefixes that sort before the next shard's first term: the
            // shard a prefix's lookup reads first (`Library::dictionary_for`).
            let next = dict_runs.get(i + 1).and_then(|r| r.first()).map(|x| x.0.as_str());
            let mine: Vec<(String, Vec<u32>)> = std::iter::from_fn(|| hints.next_if(|(p, _)| next.is_none_or(|n| p.as_str() < n))).collect();
            TermShardRef { first: run.first().map_or(String::new(), |x| x.0.clone()), shard: w.add("dict", &DictionaryShard::new(run, mine)) }
        })
        .collect();

    // Quotations per article — scare quotes left out, as the page never shows them, so a
    // quotation's index in its article's list is its number in links (`quote=`) minus one —
    // with repeats pointing inside the article's own list, and each quotation's place
    // (article, index) for the speakers.
    // Two passes: a headline quotation may repeat one further down.
    let mut counts = vec![0usize; corpus.articles.len()];
    let place: Vec<Option<u32>> = quotes
        .quotes
        .iter()
        .map(|q| {
            (q.kind != QuoteKind::Scare).then(|| {
                let k = counts[q.article];
                counts[q.article] += 1;
                (k < MAX_QUOTES_PER_ARTICLE && q.article <= MAX_ARTICLES).then_some(super::library::pack_quote(q.article, k))
            })?
        })
        .collect();
    let mut per_article: Vec<Vec<Quote>> = vec![Vec::new(); corpus.articles.len()];
    for q in quotes.quotes.iter().filter(|q| q.kind != QuoteKind::Scare) {
        let mut q = q.clone();
        // The group names the article once; no need to repeat its id in every quotation.
        q.article_id = String::new();
        q.repeat_of = q.repeat_of.and_then(|r| place.get(r).copied().flatten()).map(|p| (p as usize) & (MAX_QUOTES_PER_ARTICLE - 1));
        per_article[q.article].push(q);
    }
    let names: Vec<Vec<(u32, String, Option<String>)>> = per_article
        .iter()
        .map(|qs| {
            let mut v: Vec<(u32, String, Option<String>)> = Vec::new();
            for s in qs.iter().filter_map(|q| q.speaker) {
                if !v.iter().any(|x| x.0 as usize == s) {
                    let sp = &quotes.speakers[s];
                    v.push((s as u32, sp.name.clone(), sp.role.clone()));
                }
            }
            v
        })
        .collect();
    let all_trails = trails_shard(&corpus, &quotes, &place);
    let (trail_index, trail_pages) = match sizing.trails {
        Some(target) => trails_for_the_reader(&mut w, &all_trails, corpus.articles.len(), target),
        None => (Vec::new(), Vec::new()),
    };
    let trails = w.add("trails", &all_trails);
    let unnamed: Vec<bool> = quotes.speakers.iter().map(|s| s.kind == SpeakerKind::Unnamed).collect();
    let mut speakers = quotes.speakers;
    // What each speaker's page shows of their quotations, in the order of their list.
    let mut said: Vec<Vec<Said>> = Vec::with_capacity(speakers.len());
    for s in &mut speakers {
        let mut mine = Vec::with_capacity(s.quotes.len());
        s.quotes = s
            .quotes
            .iter()
            .filter_map(|&g| {
                let p = place.get(g).copied().flatten()?;
                let q = &quotes.quotes[g];
                let text = crate::quotes::listed_words(&corpus.articles[q.article], q.span).to_string();
                mine.push(Said { article: q.article as u32, text, role: q.role.clone().or_else(|| s.role.clone()) });
                Some(p as usize)
            })
            .collect();
        said.push(mine);
    }
    let said = write_said(&mut w, said, &corpus, sizing.said);
    let quoted: Vec<Vec<u32>> = names.iter().map(|v| v.iter().map(|x| x.0).filter(|&n| !unnamed.get(n as usize).copied().unwrap_or(true)).collect()).collect();
    let travelled = speakers::travelled(&all_trails, speakers.len());
    let mut speakers = write_speakers(&mut w, speakers, travelled, quoted, &corpus, sizing.speakers);
    speakers.said = said;

    done(BUILD_STAGES[2]);

    // Ids, sorted.
    let mut ids: Vec<(String, u32)> = corpus.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i as u32)).collect();
    ids.sort_unstable();
    let ids = runs(ids, sizing.ids_per_shard, |_| 1)
        .into_iter()
        .map(|run| (run.first().map_or(String::new(), |x| x.0.clone()), w.add("ids", &IdShard { ids: run })))
        .collect();

    // Cards (split layout), then article groups, both in corpus order.
    let info = corpus.info;
    let card_list: Vec<(usize, cards::Card)> = match sizing.cards {
        Some(c) => {
            let df = cards::word_frequencies(&corpus.articles);
            let n = corpus.articles.len();
            let mut reports = vec![0u32; unnamed.len()];
            for s in names.iter().flatten() {
                reports[s.0 as usize] += 1;
            }
            let keeps_a_quotation: Vec<bool> = reports.iter().zip(&unnamed).map(|(&r, &u)| !u && r >= c.quoted_widely).collect();
            let who = cards::SpeakerKinds { unnamed: &unnamed, keeps_a_quotation: &keeps_a_quotation };
            let made = crate::par::map(corpus.articles.iter().zip(per_article.iter().zip(&names)), |(a, (q, s))| {
                // A card's passages are chosen by their words' rarity in the corpus, counted
                // against a steady corpus size, so a day's news does not change other cards.
                let mut card = cards::card_of(a, q, s, &who, &df, steady(n), c.text);
                card.own_speakers();
                card
            });
            made.into_iter().enumerate().collect()
        }
        None => Vec::new(),
    };

    done(BUILD_STAGES[3]);

    // Postings, each marked with what its article's card lacks (see `PostingList`): a search
    // then fetches the whole articles its hits need together with their cards.
    if !card_list.is_empty() {
        let covered: Vec<Vec<(u32, u32)>> = card_list.iter().map(|(_, c)| c.positions()).collect();
        let lacking = cards::speaker_name_terms(&card_list);
        for (term, list) in &mut post_items {
            let lacking = lacking.get(term.as_str());
            list.mark_cards(|d, field, positions| {
                let holds = crate::search::is_text_field(field)
                    && covered.get(d as usize).is_some_and(|ranges| positions.iter().any(|&p| ranges.iter().any(|r| (r.0..r.1).contains(&p))));
                let speaker = lacking.is_some_and(|docs| docs.binary_search(&d).is_ok());
                (holds as u8 * crate::search::CARD_HOLDS) | (speaker as u8 * crate::search::CARD_LACKS_SPEAKER)
            });
        }
    }
    // Postings, and the positions of common words stored apart (see `Manifest::positions`).
    let positions_apart_from = positions_apart_from(corpus.articles.len());
    let mut position_items: Vec<(String, Vec<u32>)> = Vec::new();
    let post_items: Vec<(String, crate::search::PostingList)> = post_items
        .into_iter()
        .zip(dfs)
        .map(|((term, list), df)| {
            if df < positions_apart_from {
                return (term, list);
            }
            let (list, positions) = list.split_positions();
            position_items.push((term.clone(), positions));
            (term, list)
        })
        .collect();
    let postings = term_shards(&mut w, "post", post_items, sizing.postings, |l| l.weight(), |terms, lists| PostingsShard { terms, lists });
    let positions = term_shards(&mut w, "pos", position_items, sizing.positions, Vec::len, |terms, lists| PositionsShard { terms, lists });

    done(BUILD_STAGES[4]);

    // The files still to come (card shards, article groups) are counted first: the typing
    // cards get half of what they leave of the file budget.
    let card_files = sizing.cards.map_or(0, |c| card_runs(card_list.iter().map(|(_, card)| (card_weight(card), card.id.as_str())).collect(), c.shard, |w| w.0, |w| w.1).len());
    let group_files = article_runs(corpus.articles.iter().zip(&per_article).map(|(a, q)| (group_weight(a, q), a.id.as_str())).collect(), sizing.group, |w| w.0, |w| w.1).len();
    let typing_files = (MAX_FILES.saturating_sub(w.files.len() + card_files + group_files + 1) / 2).max(TYPING_CARDS_FILES);
    let (typing, typing_families) = typing_cards(&mut w, &hint_list, &card_list, typing_files);
    let cards = match sizing.cards {
        Some(c) => {
            let card_runs = card_runs(card_list, c.shard, |(_, card)| card_weight(card), |(_, card)| card.id.as_str());
            let firsts: Vec<u32> = card_runs.iter().map(|run| run.first().map_or(0, |x| x.0 as u32)).collect();
            // The shard does not hold its first article's number (the manifest does): the same
            // cards after a day's new reports are the same file.
            let runs: Vec<CardRun> = crate::par::map(card_runs.into_iter(), |run| CardRun::new(0, &run.into_iter().map(|x| x.1).collect::<Vec<_>>()));
            firsts.into_iter().zip(w.add_all("cards", runs)).collect()
        }
        None => Vec::new(),
    };
    let articles: Vec<_> = corpus.articles.into_iter().zip(per_article.into_iter().zip(names)).enumerate().collect();
    let runs = article_runs(articles, sizing.group, |(_, (a, (q, _)))| group_weight(a, q), |(_, (a, _))| a.id.as_str());
    let firsts: Vec<u32> = runs.iter().map(|run| run.first().map_or(0, |x| x.0 as u32)).collect();
    let groups = runs
        .into_iter()
        .map(|run| {
            // Like a card shard, a group leaves its first article's number to the manifest.
            let mut group = ArticleGroup::default();
            for (_, (a, (mut q, mut n))) in run {
                own_speakers(&mut q, &mut n);
                group.articles.push(a);
                group.quotes.push(q);
                group.speakers.push(n);
            }
            group
        })
        .collect::<Vec<_>>();
    let groups = firsts.into_iter().zip(w.add_all("articles", groups)).collect();

    done(BUILD_STAGES[5]);

    let mut manifest = Manifest {
        format_version: FORMAT_VERSION,
        build: String::new(),
        info,
        table: parts.table.without_token_counts(),
        dictionary,
        postings,
        positions,
        positions_apart_from,
        groups,
        cards,
        typing,
        typing_families: crate::search::front_code(typing_families.iter().map(String::as_str)),
        ids,
        speakers,
        trails,
        trail_index,
        trail_pages,
    };
    // The build id hashes the manifest itself (which names every shard by its content).
    manifest.build = content_hash(&encode(&manifest));
    let manifest_bytes = (w.wire)(&encode(&manifest));
    ShardSet { manifest, manifest_bytes, files: w.files }
}

/// What the reader reads of the trails: an index per article range (each listed quotation's
/// trail number) and the trails in pages of consecutive trails: about forty of each, a page
/// never under `target` bytes.
/// A report's reader reads its range's index, then the page of each trail it shows: a few
/// kilobytes at 10,000 reports where every trail is 190 KB, and no trail stored twice (a
/// generated corpus whose every quotation recurs in eleven copies made range shards holding
/// whole trails ten times the size of all the trails).
fn trails_for_the_reader<W: Fn(&[u8]) -> Vec<u8>>(w: &mut Writer<W>, all: &TrailsShard, articles: usize, target: usize) -> (Vec<(u32, ShardRef)>, Vec<(u32, ShardRef)>) {
    let mut per_article: Vec<Vec<(u32, u32)>> = vec![Vec::new(); articles];
    for (t, trail) in all.trails.iter().enumerate() {
        for o in &trail.occurrences {
            if let (Some(q), Some(v)) = (o.quote, per_article.get_mut(o.article as usize)) {
                v.push((q, t as u32));
            }
        }
    }
    // About forty ranges, so the index adds few files whatever the corpus's size.
    let total: usize = per_article.iter().map(|v| 1 + 8 * v.len()).sum();
    let index = runs(per_article.into_iter().enumerate().collect(), (total / 40).max(target / 4), |(_, v)| 1 + 8 * v.len())
        .into_iter()
        .map(|run| {
            let first = run.first().map_or(0, |x| x.0 as u32);
            let mut quotes: Vec<(u32, u32)> = run.into_iter().flat_map(|x| x.1).collect();
            quotes.sort_unstable();
            (first, w.add("trailidx", &TrailIndexShard { quotes }))
        })
        .collect();
    let size = |t: &ShardTrail| 16 + t.occurrences.iter().map(|o| 48 + o.id.len() + o.text.len()).sum::<usize>();
    let total: usize = all.trails.iter().map(size).sum();
    let pages = runs(all.trails.iter().enumerate().collect(), (total / 40).max(target), |(_, t)| size(t))
        .into_iter()
        .map(|run| {
            let first = run.first().map_or(0, |x| x.0 as u32);
            (first, w.add("trails", &TrailsShard { trails: run.into_iter().map(|x| x.1.clone()).collect() }))
        })
        .collect();
    (index, pages)
}

/// The corpus's quote trails with each occurrence by article number, span and its place in
/// the article's quotation list (`place`: packed, per quotation of the index).
fn trails_shard(corpus: &Corpus, quotes: &QuoteIndex, place: &[Option<u32>]) -> TrailsShard {
    let trails = crate::trails::Trails::build(corpus, quotes).trails.into_iter().map(|t| ShardTrail {
        occurrences: t
            .occurrences
            .into_iter()
            .map(|o| {
                let q = &quotes.quotes[o.quote];
                let a = &corpus.articles[q.article];
                TrailOccurrence { article: q.article as u32, id: a.id.clone(), span: q.span, text: a.slice(q.span).to_string(), quote: place.get(o.quote).copied().flatten(), speaker: q.speaker.map(|s| s as u32), changes: o.changes, credit: o.credit }
            })
            .collect(),
        longest: t.longest as u32,
        outlets: t.outlets as u32,
        speaker: t.speaker.map(|s| s as u32),
    });
    TrailsShard { trails: trails.collect() }
}
