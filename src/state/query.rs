//! What the screen shows, derived from the route: the search, the articles with their
//! quotations and the speakers, read through the corpus's library (`crate::data`) and adapted
//! to what the components need. Every read returns `Err(Need)` while shards it needs are not
//! at hand (the split layout); the components show what they had and ask for them.

use super::{Route, Sort};
use crate::data;
use dispatches_engine::shards::library::{unpack_quote, Group};
use dispatches_engine::shards::Need;
use dispatches_engine::Article;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use dispatches_engine::search::normalize::tokenize;
use dispatches_engine::search::{SearchRequest, SearchResults, Sort as EngineSort};
use std::collections::HashSet;
use dispatches_engine::search::names::{folded_name, name_words, names};
use dispatches_engine::quotes::SpeakerKind;
use dispatches_engine::{Date, Span};

/// Hits rendered at first; more on request ("Show more"). Fewer in the split layout
/// (`shards::SPLIT_PAGE_SIZE`), where each hit's card may cost a fetch of its card shard.
pub fn page_size() -> usize {
    if data::is_split() { dispatches_engine::shards::SPLIT_PAGE_SIZE } else { 50 }
}

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

/// Runs a search through the corpus's library; `Err` names the shards it still needs.
pub fn search(route: &Route, limit: usize) -> Result<SearchResults, Need> {
    let req = request(route, limit);
    data::with(|l| {
        l.begin();
        l.search(&req)
    })
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

/// Builds what the first keystroke needs ahead of it (the inline layout: everything is at
/// hand; the split layout: the manifest is, the rest is fetched by need).
pub fn warm_up() {
    if !crate::data::is_split() {
        let _ = search(&Route { query: "warm up".into(), ..Route::default() }, 1);
        let _ = speaker_rows("", SpeakerOrder::Quotes, &ReportFilter::default(), 1);
    }
}

/// Facts about the whole corpus the filters need.
pub struct CorpusFacts {
    pub outlets: Vec<&'static str>,
    pub first: Option<Date>,
    pub last: Option<Date>,
    pub title: String,
    pub description: String,
    pub articles: usize,
}

pub fn facts() -> &'static CorpusFacts {
    thread_local! {
        static FACTS: &'static CorpusFacts = Box::leak(Box::new(data::with(|l| {
            let table = l.table();
            // The engine's compact sort (byte order), as the filters list them.
            let mut outlets: Vec<&'static str> = table.outlets().iter().map(|o| &*Box::leak(o.clone().into_boxed_str())).collect();
            dispatches_engine::search::sort::sort(&mut outlets);
            outlets.dedup();
            let days = (0..table.len()).filter_map(|d| table.date_of(d));
            let (first, last) = days.fold((None, None), |(lo, hi): (Option<Date>, Option<Date>), d| (Some(lo.map_or(d, |x| x.min(d))), Some(hi.map_or(d, |x| x.max(d)))));
            CorpusFacts { outlets, first, last, title: l.info().title.clone(), description: l.info().description.clone(), articles: table.len() }
        })));
    }
    FACTS.with(|f| *f)
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
    /// The speaker's rank number (see [`SpeakerRow::number`]).
    pub speaker: Option<usize>,
    pub role: Option<String>,
    /// Speech worth listing under a result or a speaker (not a scare quote, not a repeat).
    pub listed: bool,
}


/// One article as the page uses it: the article (in its shard group), its quotations and
/// the tokens that marking them on each keystroke needs (computed once per article).
pub struct ArticleView {
    pub index: usize,
    group: Arc<Group>,
    pub quotes: Vec<QuoteView>,
    /// `(speaker number, name, role)` of the speakers the quotations name.
    names: Vec<(u32, String, Option<String>)>,
    headline_tokens: Vec<Tok>,
    quote_tokens: Vec<Vec<Tok>>,
}

impl PartialEq for ArticleView {
    fn eq(&self, other: &ArticleView) -> bool {
        self.index == other.index && Arc::ptr_eq(&self.group, &other.group)
    }
}

impl ArticleView {
    fn new(index: usize, group: Arc<Group>) -> Option<ArticleView> {
        let article = group.article(index)?;
        let quotes: Vec<QuoteView> = group
            .quotes(index)
            .iter()
            .enumerate()
            .map(|(k, q)| QuoteView {
                n: k + 1,
                article: index,
                span: with_marks(&article.text, q.span),
                text_span: q.span,
                block: q.block,
                speaker: q.speaker,
                role: q.role.clone(),
                listed: q.kind.is_speech() && q.repeat_of.is_none(),
            })
            .collect();
        let quote_tokens = quotes.iter().map(|q| tokens_of(text_of(article, q))).collect();
        let headline_tokens = tokens_of(&article.meta.headline);
        let names = group.speakers(index).to_vec();
        Some(ArticleView { index, group, quotes, names, headline_tokens, quote_tokens })
    }

    pub fn article(&self) -> &Article {
        self.group.article(self.index).expect("checked in ArticleView::new")
    }

    /// The quotation numbered `n` (from 1).
    pub fn quote(&self, n: usize) -> Option<&QuoteView> {
        self.quotes.get(n.checked_sub(1)?)
    }

    /// The text of a quotation, for lists (without the comma that led into its cue: “…,” he said).
    pub fn quote_text(&self, q: &QuoteView) -> &str {
        text_of(self.article(), q)
    }

    pub fn quote_tokens(&self, q: &QuoteView) -> &[Tok] {
        self.quote_tokens.get(q.n - 1).map_or(&[], Vec::as_slice)
    }

    pub fn headline_tokens(&self) -> &[Tok] {
        &self.headline_tokens
    }

    /// Name and role of speaker number `s` as this article's quotations name them.
    pub fn speaker(&self, s: usize) -> Option<(&str, Option<&str>)> {
        self.names.iter().find(|x| x.0 as usize == s).map(|x| (x.1.as_str(), x.2.as_deref()))
    }

    /// The speakers of this article the query names (as [`people_named`] finds them in the
    /// corpus's name shards).
    pub fn speakers_named_by(&self, query: &str) -> Vec<usize> {
        let words = name_words(query);
        self.names.iter().filter(|x| names(&folded_name(&x.1), &words)).map(|x| x.0 as usize).collect()
    }

    /// The quotations worth showing under its search result: those containing a search
    /// term, and those of a speaker the query names.
    pub fn quotes_matching(&self, terms: &Terms, named: &[usize]) -> Vec<&QuoteView> {
        self.quotes
            .iter()
            .filter(|q| q.listed)
            .filter(|q| q.speaker.is_some_and(|s| named.contains(&s)) || self.quote_tokens(q).iter().any(|t| terms.set.contains(t.term.as_str())))
            .collect()
    }
}

fn text_of<'a>(article: &'a Article, q: &QuoteView) -> &'a str {
    dispatches_engine::quotes::listed_words(article, q.text_span)
}

thread_local! {
    /// Article views by article number, dropped all at once when many (their groups are the
    /// library's to keep or evict).
    static VIEWS: RefCell<HashMap<usize, Rc<ArticleView>>> = RefCell::new(HashMap::new());
}

/// Enough for a result page, the reader and a speaker's page; each view holds its article
/// group, which at 100,000 articles is about 90 articles, so few are kept.
const VIEWS_KEPT: usize = 40;

thread_local! {
    /// Result cards by article number (see [`card`]), kept apart from whole articles.
    static CARD_VIEWS: RefCell<HashMap<usize, Rc<ArticleView>>> = RefCell::new(HashMap::new());
}

/// Article number `index` as the page uses it.
pub fn article(index: usize) -> Result<Rc<ArticleView>, Need> {
    view(&VIEWS, index, |l| l.article(index))
}

/// What the search result of article `index` shows: its card in the split layout (the
/// headline, a few blocks of text and the quotations in them; see the engine's
/// `shards::cards`), the article itself inline. Snippets were cut from the same card.
pub fn card(index: usize) -> Result<Rc<ArticleView>, Need> {
    // A card made before the whole article arrived (the first screen's list, then a search
    // that fetched the article for its snippet or a named speaker's quotations) gives way.
    let stale = CARD_VIEWS.with(|v| v.borrow().get(&index).is_some_and(|v| v.group.is_card())) && data::with(|l| l.has_article(index));
    if stale {
        CARD_VIEWS.with(|v| v.borrow_mut().remove(&index));
    }
    view(&CARD_VIEWS, index, |l| l.card(index))
}

fn view(
    cache: &'static std::thread::LocalKey<RefCell<HashMap<usize, Rc<ArticleView>>>>,
    index: usize,
    read: impl FnOnce(&mut dispatches_engine::shards::Library) -> Result<Arc<Group>, Need>,
) -> Result<Rc<ArticleView>, Need> {
    if let Some(v) = cache.with(|v| v.borrow().get(&index).cloned()) {
        return Ok(v);
    }
    let group = data::with(read)?;
    let view = Rc::new(ArticleView::new(index, group).ok_or_else(|| Need::Broken(format!("no article number {index}")))?);
    cache.with(|v| {
        let mut v = v.borrow_mut();
        if v.len() >= VIEWS_KEPT {
            v.clear();
        }
        v.insert(index, view.clone());
    });
    Ok(view)
}

/// Several articles (a result page, a speaker's quotations) in one round of fetches.
pub fn articles(indexes: &[usize]) -> Result<Vec<Rc<ArticleView>>, Need> {
    let missing: Vec<usize> = VIEWS.with(|v| indexes.iter().copied().filter(|i| !v.borrow().contains_key(i)).collect());
    if !missing.is_empty() {
        data::with(|l| l.articles(&missing))?;
    }
    indexes.iter().map(|&i| article(i)).collect()
}

/// The number of the article with id `id` (`Ok(None)`: no such report).
pub fn article_number(id: &str) -> Result<Option<usize>, Need> {
    data::with(|l| l.number_of(id))
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

// -------------------------------------------------------------------------------------------
// Who said what
// -------------------------------------------------------------------------------------------

/// A speaker as their page uses them.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerView {
    /// Rank number (the engine's speaker number).
    pub number: usize,
    pub name: String,
    pub role: Option<String>,
    /// (article index, quote number) of each listed quotation, in corpus order.
    pub quotes: Vec<(usize, usize)>,
    /// An unnamed source ("a Syrian official").
    pub unnamed: bool,
}

/// A row of the who-said-what list: counts over the reports the filters keep.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerRow {
    pub number: usize,
    pub name: String,
    pub role: Option<String>,
    pub unnamed: bool,
    pub quotes: usize,
    pub outlets: usize,
}

/// Which reports count: the route's outlets and dates (who said what applies them too).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportFilter {
    pub outlets: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl ReportFilter {
    pub fn of(route: &Route) -> ReportFilter {
        ReportFilter { outlets: route.outlets.clone(), from: route.from, to: route.to }
    }

    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty() && self.from.is_none() && self.to.is_none()
    }

    /// Whether article `d` passes, by the corpus's table (no fetch).
    pub fn keeps(&self, table: &dispatches_engine::search::DocTable, d: usize) -> bool {
        let outlet_ok = self.outlets.is_empty() || table.outlet_of(d).and_then(|o| table.outlets().get(o)).is_some_and(|o| self.outlets.contains(o));
        let date = table.date_of(d);
        outlet_ok && self.from.is_none_or(|f| date.is_some_and(|x| x >= f)) && self.to.is_none_or(|t| date.is_some_and(|x| x <= t))
    }

    /// A speaker's quotations the filter keeps, and their outlets.
    fn row(&self, table: &dispatches_engine::search::DocTable, number: usize, s: &dispatches_engine::quotes::Speaker) -> SpeakerRow {
        let mut outlets: Vec<usize> = Vec::new();
        let mut quotes = 0;
        for &p in &s.quotes {
            let (d, _) = unpack_quote(p);
            if self.keeps(table, d) {
                quotes += 1;
                if let Some(o) = table.outlet_of(d) {
                    if !outlets.contains(&o) {
                        outlets.push(o);
                    }
                }
            }
        }
        SpeakerRow { number, name: s.name.clone(), role: s.role.clone(), unnamed: s.kind == SpeakerKind::Unnamed, quotes, outlets: outlets.len() }
    }
}

/// How the who-said-what list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SpeakerOrder {
    /// Most quoted first (over the whole corpus: the list is read in rank order).
    #[default]
    Quotes,
    /// Alphabetical by name as printed (first name first).
    Name,
}

/// The first `want` rows of who said what: speakers whose name or an alias matches `search`
/// (every speaker when blank), with quotations in reports `filter` keeps, in `order`. The
/// second value says whether more rows may follow. Reads only the shards these rows need:
/// rank pages from the first (most quoted first), the name shard of a typed name, or the name
/// shards in order (by name); a filter that keeps few quotations reads further, in growing
/// steps, so a rare outlet costs a few rounds, not one per page.
pub fn speaker_rows(search: &str, order: SpeakerOrder, filter: &ReportFilter, want: usize) -> Result<(Vec<SpeakerRow>, bool), Need> {
    let mut words = name_words(search);
    // One letter typed so far names nobody yet (as in the search box): the list stays, and
    // the name shards of that letter are fetched ahead for the second.
    if words.len() == 1 && words[0].chars().count() < 2 {
        if let Some(letter) = words[0].chars().next() {
            let ahead = data::with(|l| l.name_shards_ahead(letter));
            if !ahead.is_empty() {
                data::request(&Need::Fetch(ahead));
            }
        }
        words.clear();
    }
    data::with(|l| {
        l.begin();
        let table = l.table().clone();
        let mut rows: Vec<SpeakerRow> = Vec::new();
        if !words.is_empty() {
            // A typed name: its entries, then (with a filter) their records for the counts.
            let mut entries = l.speakers_named(&words)?;
            if order == SpeakerOrder::Name {
                dispatches_engine::search::sort::sort_by_key(&mut entries, |e| dispatches_engine::shards::speakers::words_joined(&e.name));
            }
            if filter.is_empty() {
                let more = entries.len() > want;
                rows = entries.into_iter().filter(|e| e.quotes > 0).take(want).map(row_of_entry).collect();
                return Ok((rows, more));
            }
            let numbers: Vec<usize> = entries.iter().map(|e| e.number as usize).collect();
            let mut at = 0;
            let mut step = want.max(1);
            // Most quoted under the filter: read until none of the entries left (known, with
            // their counts over the whole corpus) can come before the `want`-th row.
            let by_quotes = order == SpeakerOrder::Quotes;
            let unread = |at: usize| entries[at..].iter().map(|e| (e.unnamed, e.quotes as usize, e.number as usize)).min_by(|a, b| key_order(*a, *b));
            while at < numbers.len() && if by_quotes { !filtered_top_is_final(&mut rows, want, unread(at)) } else { rows.len() < want } {
                let batch = &numbers[at..(at + step).min(numbers.len())];
                rows.extend(l.speakers(batch)?.iter().map(|(n, s)| filter.row(&table, *n, s)).filter(|r| r.quotes > 0));
                at += batch.len();
                step *= 2;
            }
            if by_quotes {
                filtered_top_is_final(&mut rows, want, unread(at));
            }
            let more = rows.len() > want || at < numbers.len();
            rows.truncate(want);
            return Ok((rows, more));
        }
        match order {
            SpeakerOrder::Quotes => {
                let count = l.speaker_count();
                let mut at = 0;
                let mut step = want.max(1);
                if filter.is_empty() {
                    while rows.len() < want && at < count {
                        let batch = l.speakers_ranked(at, step)?;
                        at += batch.len().max(1);
                        rows.extend(batch.iter().map(|(n, s)| filter.row(&table, *n, s)).filter(|r| r.quotes > 0));
                    }
                } else {
                    // Most quoted in the reports the filter keeps: the ranks (named speakers
                    // first, then by quotations over the whole corpus) are read in growing
                    // steps until no speaker left to read can enter the first `want` — a
                    // speaker has no more quotations under a filter than in all, and the
                    // ones left have no more than the last one read (Fagin's threshold):
                    // they are not before it in the named-first order, have no more
                    // quotations, and have later numbers.
                    let mut unread: Option<(bool, usize, usize)> = None;
                    while at < count && !filtered_top_is_final(&mut rows, want, unread) {
                        let batch = l.speakers_ranked(at, step)?;
                        at += batch.len().max(1);
                        unread = batch.last().map(|(_, s)| (s.kind == SpeakerKind::Unnamed, s.quotes.len(), at)).or(unread);
                        rows.extend(batch.iter().map(|(n, s)| filter.row(&table, *n, s)).filter(|r| r.quotes > 0));
                        step *= 2;
                    }
                    filtered_top_is_final(&mut rows, want, unread);
                }
                let more = rows.len() > want || at < count;
                rows.truncate(want);
                Ok((rows, more))
            }
            SpeakerOrder::Name => {
                let shards = l.name_shard_count();
                let mut i = 0;
                while rows.len() < want && i < shards {
                    let entries = l.speakers_by_name(i)?;
                    i += 1;
                    if filter.is_empty() {
                        rows.extend(entries.into_iter().filter(|e| e.quotes > 0).map(row_of_entry));
                    } else {
                        let numbers: Vec<usize> = entries.iter().map(|e| e.number as usize).collect();
                        let records = l.speakers(&numbers)?;
                        rows.extend(records.iter().map(|(n, s)| filter.row(&table, *n, s)).filter(|r| r.quotes > 0));
                    }
                }
                let more = rows.len() > want || i < shards;
                rows.truncate(want);
                Ok((rows, more))
            }
        }
    })
}

/// The order of who said what under a filter, on `(unnamed, quotations, rank number)`: named
/// speakers first, then most quotations, then rank.
fn key_order(a: (bool, usize, usize), b: (bool, usize, usize)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
}

/// Orders `rows` as who said what lists them under a filter ([`key_order`], on the quotations
/// the filter keeps), and says whether their first `want` are final: whether the `want`-th row
/// comes before `unread`, the least key any speaker not read yet can have (its quotations over
/// the whole corpus bound those the filter keeps). `None`: nothing is known of them yet.
fn filtered_top_is_final(rows: &mut [SpeakerRow], want: usize, unread: Option<(bool, usize, usize)>) -> bool {
    dispatches_engine::search::sort::sort_by(rows, |a, b| key_order((a.unnamed, a.quotes, a.number), (b.unnamed, b.quotes, b.number)));
    let Some(bound) = unread else { return false };
    want > 0 && rows.get(want - 1).is_some_and(|r| key_order((r.unnamed, r.quotes, r.number), bound).is_lt())
}

fn row_of_entry(e: dispatches_engine::shards::speakers::NameEntry) -> SpeakerRow {
    SpeakerRow { number: e.number as usize, name: e.name, role: e.role, unnamed: e.unnamed, quotes: e.quotes as usize, outlets: e.outlets as usize }
}

/// The speaker called `name` (or printed so), with their quotations.
pub fn speaker_named(name: &str) -> Result<Option<SpeakerView>, Need> {
    data::with(|l| {
        let Some(n) = l.speaker_named(name)? else { return Ok(None) };
        Ok(l.speakers(&[n])?.pop().map(|(number, s)| SpeakerView {
            number,
            name: s.name,
            role: s.role,
            quotes: s.quotes.iter().map(|&p| unpack_quote(p)).map(|(a, k)| (a, k + 1)).collect(),
            unnamed: s.kind == SpeakerKind::Unnamed,
        }))
    })
}

/// A person quoted in a search's matches: how many of the matching reports quote them.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonQuoted {
    pub name: String,
    pub role: Option<String>,
    pub reports: usize,
}

/// The `k` named speakers quoted in the most reports the route's search and filters match
/// (the "People quoted" facet): reads every match's quoted speakers (one small shard per
/// range of reports), then the rank pages of the `k`.
pub fn people_quoted(route: &Route, k: usize) -> Result<Vec<PersonQuoted>, Need> {
    let req = request(route, 0);
    data::with(|l| {
        l.begin();
        let docs = l.matching(&req)?;
        let top = l.quoted_in(&docs, k)?;
        let numbers: Vec<usize> = top.iter().map(|t| t.0).collect();
        let records = l.speakers(&numbers)?;
        Ok(top.iter().zip(records).map(|(&(_, reports), (_, s))| PersonQuoted { name: s.name, role: s.role, reports }).collect())
    })
}

/// The names of speakers by rank number (those a screen credits): reads only their pages.
pub fn speaker_names(numbers: &[usize]) -> Result<HashMap<usize, String>, Need> {
    data::with(|l| Ok(l.speakers(numbers)?.into_iter().map(|(n, s)| (n, s.name)).collect()))
}

/// Speakers the query names (people cards above the results): named ones, most quoted first.
/// Only from a name shard already at hand (always inline; in the split layout once who said
/// what or an earlier search read it): a fetch here would sit on every keystroke's path.
pub fn people_named(query: &str) -> Vec<SpeakerRow> {
    let words = name_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    data::with(|l| match l.speakers_named_at_hand(&words) {
        Some(entries) => entries.into_iter().filter(|e| !e.unnamed && e.quotes > 0).map(row_of_entry).collect(),
        None => Vec::new(),
    })
}
