//! Direct quotations and their speakers.
//!
//! [`extract`] reads one [`Article`]: it finds every quotation (straight, curly and mixed
//! marks; single marks in headlines, pull quotes and nested quotations, never apostrophes),
//! classifies it ([`QuoteKind`]) and attributes it by the conventions of English news copy:
//! reporting verbs in both orders (`X said`, `said X`) after or before the quotation and
//! `X said: "…"`, appositive roles (`Name, spokesman for …, told`), a name set off after an
//! inverted cue's description (`said her neighbour, Tom Reed, 67` → Tom Reed, role
//! "neighbour"), party tags and parentheses after names (`Sen. X, D-Ill.,`, `Rep. X (D-NJ)`),
//! descriptions of a named person (`the Ohio Republican`), pronouns (`he said`)
//! resolved to the right earlier person (roughly respecting he/she/it), quoted paragraphs
//! continuing the previous speaker, organisations and unnamed sources as speakers, and names
//! made canonical within the article (`Mr Qassem` → `Mohammed Al Qassem`). Headline and pull
//! quotes that repeat a body quotation point to it with [`Quote::repeat_of`]. Quoted words in
//! a sentence whose subject says, calls, describes, labels or blames (`Trump called the polls
//! “phony”`) are that subject's fragment; reports, polls, statements and documents are sources;
//! a cue a clause away (`…, Edwards says.`), a colon introduction, a dash credit or a sentence
//! telling that someone spoke before a quoted paragraph finds the speaker; a continuation keeps
//! the mention that carries its attribution. A scare quote is one with no speaker in reach.
//!
//! [`QuoteIndex::build`] runs it over a corpus and merges speakers across articles into one
//! [`Speaker`] per person or organisation (unnamed sources stay per article; see `identity`:
//! a lone surname joins the dominant full name, a middle name or initial the plain one; each
//! speaker lists its aliases and shows its most frequent role), which [`Speaker::by_outlet`]
//! groups by outlet. All offsets are byte offsets into
//! [`Article::text`]; use [`crate::text::char_offset`] for character positions.
//!
//! Known gaps: no part-of-speech tagging, so a subject is found by capitalisation, word
//! lists and punctuation: long subjects with embedded clauses and no commas, interview
//! transcripts (Q&A without cues) and quotes attributed several sentences later can go wrong;
//! nested quotations are kept inside their outer quotation, not reported separately; a country
//! or place used as a one-word speaker is an organisation only when the corpus prints it after
//! "in" or "from" often enough (`kinds`: "China said" is, "Russia said" is still a person's); gender comes only
//! from titles, role nouns and pronouns, not from first names; a pronoun may resolve to an
//! unnamed description that is no person at all, since there is no lexicon of person nouns.

mod attribute;
mod detect;
mod identity;
mod kinds;
mod lex;
mod words;

use crate::model::{Article, Corpus, Span};
use serde::{Deserialize, Serialize};

/// What a quotation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    /// Quoted speech: one or more whole sentences (or a clause set off by a cue).
    Speech,
    /// A few quoted words inside the writer's own sentence (`described it as "a hellish corner"`).
    Fragment,
    /// Scare quotes or a quoted name with no speaker: not speech.
    Scare,
    /// A quotation in a headline, standfirst or subheading.
    Headline,
    /// A pull quote set apart from the body.
    PullQuote,
}

impl QuoteKind {
    pub fn label(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Fragment => "fragment",
            QuoteKind::Scare => "scare",
            QuoteKind::Headline => "headline",
            QuoteKind::PullQuote => "pull-quote",
        }
    }

    /// Speech or fragment: words someone said, shown as quotations.
    pub fn is_speech(self) -> bool {
        matches!(self, QuoteKind::Speech | QuoteKind::Fragment)
    }
}

/// Who a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpeakerKind {
    Person,
    Organisation,
    /// An unnamed source: "a Syrian official", "one resident". Never merged across articles.
    Unnamed,
}

impl SpeakerKind {
    pub fn label(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Unnamed => "unnamed",
        }
    }
}

/// A speaker as named inside one article (before merging across the corpus).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRef {
    /// Canonical within the article: the fullest form of the name ("Mohammed Al Qassem"),
    /// or the source's description ("a Syrian official").
    pub name: String,
    pub kind: SpeakerKind,
}

/// One quotation of one article, as [`extract`] returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleQuote {
    /// The quoted text, marks excluded (byte span into the article text).
    pub span: Span,
    /// Index into `article.blocks` of the block holding it (the paragraph index).
    pub block: usize,
    pub speaker: Option<SpeakerRef>,
    /// The words the attribution hangs on: a name, a description or a pronoun ("he"). A
    /// continuation (no cue of its own) points at the mention of the attribution it continues,
    /// which may stand in an earlier paragraph.
    pub mention: Option<Span>,
    /// The speaker's role as this article gives it ("spokesman for the U.N. office").
    pub role: Option<String>,
    /// The reporting verb as written ("said", "told", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// For a headline or pull quote repeating another quotation: its index in the same list.
    pub repeat_of: Option<usize>,
}

/// Finds and attributes the quotations of one article, in text order.
pub fn extract(article: &Article) -> Vec<ArticleQuote> {
    attribute::extract(article)
}

/// One quotation in the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Index into `corpus.articles`.
    pub article: usize,
    pub article_id: String,
    /// The quoted text, marks excluded: byte span into the article's text.
    pub span: Span,
    /// Index into the article's blocks (the paragraph index).
    pub block: usize,
    /// Index into [`QuoteIndex::speakers`].
    pub speaker: Option<usize>,
    /// The mention the attribution hangs on (may be a pronoun): byte span into the article's text.
    pub mention: Option<Span>,
    pub role: Option<String>,
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// For a headline or pull quote repeating another quotation: its index in [`QuoteIndex::quotes`].
    pub repeat_of: Option<usize>,
}

impl Quote {
    /// The quoted text.
    pub fn text<'c>(&self, corpus: &'c Corpus) -> &'c str {
        corpus.articles[self.article].slice(self.span)
    }
}

/// A quotation's words as lists show them (a speaker's page, a result's quotations): the text
/// of `span` in `article`, without the comma that led into its cue (“…,” he said). Empty for
/// a span that does not fit the text.
pub fn listed_words(article: &Article, span: Span) -> &str {
    article.text.get(span.range()).unwrap_or("").trim_end_matches([',', ' '])
}

/// A person, organisation or unnamed source quoted in the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name: the fullest form seen ("Jan Egeland"), or the description of an unnamed
    /// source. Surnames, middle names and initials, and common short first names join it.
    pub name: String,
    /// The role the corpus gives most often, when it describes the person (title, office,
    /// affiliation: "head of the UN-backed humanitarian task force for Syria"); none for
    /// organisations. Each [`Quote::role`] keeps the role of its own article.
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// The other forms of the name the articles print ("Trump", "Donald J. Trump" beside
    /// "Donald Trump"), most frequent first; none for unnamed sources.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Indexes into [`QuoteIndex::quotes`], in corpus order. Repeats (headline and pull quotes
    /// repeating a body quotation) are left out, so nothing is counted twice.
    pub quotes: Vec<usize>,
}

impl Speaker {
    /// Whether this is an unnamed source that is a saying ("The old adage", "a Russian
    /// proverb"): shared words, not one speaker's (quote trails join them only as the same words).
    pub fn is_saying(&self) -> bool {
        self.kind == SpeakerKind::Unnamed && self.name.rsplit(' ').next().is_some_and(words::is_saying_noun)
    }

    /// This speaker's quotations grouped by outlet: `(outlet, quote indexes)`, outlets in the
    /// order of their first quotation.
    pub fn by_outlet<'c>(&self, index: &QuoteIndex, corpus: &'c Corpus) -> Vec<(&'c str, Vec<usize>)> {
        let mut groups: Vec<(&'c str, Vec<usize>)> = Vec::new();
        for &q in &self.quotes {
            let outlet = corpus.articles[index.quotes[q].article].meta.outlet.as_str();
            match groups.iter_mut().find(|(o, _)| *o == outlet) {
                Some((_, qs)) => qs.push(q),
                None => groups.push((outlet, vec![q])),
            }
        }
        groups
    }
}

/// Every quotation of the corpus and the speaker index, built at build time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteIndex {
    /// Article by article (corpus order), in text order within an article.
    pub quotes: Vec<Quote>,
    /// Named speakers first by number of quotations, then alphabetically.
    pub speakers: Vec<Speaker>,
}

impl QuoteIndex {
    pub fn build(corpus: &Corpus) -> QuoteIndex {
        let mut quotes = Vec::new();
        let mut refs: Vec<Option<(usize, SpeakerRef, Option<String>)>> = Vec::new();
        // Each report's quotations on their own (in parallel), then who is who across them.
        let found = crate::par::map(corpus.articles.iter(), extract);
        for ((a, article), found) in corpus.articles.iter().enumerate().zip(found) {
            let base = quotes.len();
            for q in found {
                refs.push(q.speaker.clone().map(|s| (a, s, q.role.clone())));
                quotes.push(Quote {
                    article: a,
                    article_id: article.id.clone(),
                    span: q.span,
                    block: q.block,
                    speaker: None,
                    mention: q.mention,
                    role: q.role,
                    cue: q.cue,
                    kind: q.kind,
                    repeat_of: q.repeat_of.map(|r| base + r),
                });
            }
        }

        let (ids, mut speakers) = identity::merge(corpus, &refs);
        for (q, id) in quotes.iter_mut().zip(ids) {
            q.speaker = id;
        }
        // Order: most quoted first, then by name; remap the indexes.
        for (i, q) in quotes.iter().enumerate() {
            if let (Some(s), None) = (q.speaker, q.repeat_of) {
                speakers[s].quotes.push(i);
            }
        }
        let mut order: Vec<usize> = (0..speakers.len()).collect();
        order.sort_by(|&x, &y| {
            let (a, b) = (&speakers[x], &speakers[y]);
            (a.kind == SpeakerKind::Unnamed).cmp(&(b.kind == SpeakerKind::Unnamed)).then(b.quotes.len().cmp(&a.quotes.len())).then_with(|| a.name.cmp(&b.name))
        });
        let mut new_id = vec![0; speakers.len()];
        for (n, &o) in order.iter().enumerate() {
            new_id[o] = n;
        }
        for q in &mut quotes {
            q.speaker = q.speaker.map(|s| new_id[s]);
        }
        let mut slots: Vec<Option<Speaker>> = speakers.into_iter().map(Some).collect();
        let speakers = order.iter().map(|&o| slots[o].take().expect("each speaker once")).collect();
        QuoteIndex { quotes, speakers }
    }

    /// The quotations of article `article` (index into `corpus.articles`), in text order.
    pub fn in_article(&self, article: usize) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes.iter().enumerate().filter(move |(_, q)| q.article == article)
    }

    /// The speaker called `name` (canonical name, case-insensitive).
    pub fn speaker_named(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        self.speakers.iter().position(|s| name_key(&s.name) == key)
    }
}

/// An organisation's name key without a leading "the" ("the guardian" → "guardian").
pub(crate) fn without_the(key: String) -> String {
    key.strip_prefix("the ").map(str::to_string).unwrap_or(key)
}

/// A comparison key for a name: lower case, hyphens as spaces, one kind of apostrophe.
pub(crate) fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split(|c: char| c.is_whitespace() || c == '-' || c == '‑') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            let c = if c == '’' { '\'' } else { c };
            out.extend(c.to_lowercase());
        }
    }
    out
}
