//! The corpus model shared by every stage: articles, their metadata and their structure.
//!
//! Every structural piece of an article is a [`Block`] holding a byte [`Span`] into the article's
//! original text, which is kept byte for byte. Nothing is deleted: boilerplate is a block kind,
//! so search and quotation extraction skip it while the reader can still show the original.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// A byte range `start..end` into [`Article::text`], always on `char` boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a block of an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockKind {
    Headline,
    /// The summary line under the headline.
    Standfirst,
    /// "By …" lines and end-of-article credits ("* Josh Wood reported from Beirut").
    Byline,
    /// The place prefix of the first paragraph ("ALEPPO, SYRIA", "AMMAN").
    Dateline,
    /// Publication and update times printed in the page ("15:38 - 13/12/2016 Tuesday").
    Timestamp,
    Paragraph,
    Subheading,
    Caption,
    /// A quotation set apart from the body, usually repeating a body quote.
    PullQuote,
    /// The "- Name, role" line that credits a pull quote.
    PullQuoteCredit,
    /// Site chrome and other text that is not the article; kept for the "original" view.
    Boilerplate(BoilerplateKind),
}

impl BlockKind {
    /// Blocks whose words are the article's own prose: searched and scanned for quotations.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            BlockKind::Headline
                | BlockKind::Standfirst
                | BlockKind::Paragraph
                | BlockKind::Subheading
                | BlockKind::Caption
                | BlockKind::PullQuote
                | BlockKind::PullQuoteCredit
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Timestamp => "timestamp",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Subheading => "subheading",
            BlockKind::Caption => "caption",
            BlockKind::PullQuote => "pull-quote",
            BlockKind::PullQuoteCredit => "pull-quote-credit",
            BlockKind::Boilerplate(kind) => kind.label(),
        }
    }
}

/// Why a block is boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BoilerplateKind {
    /// "Skip to main content", "Share this article", "More Must-Reads from TIME".
    SiteChrome,
    /// "4 min read", "7 minute read".
    ReadingTime,
    /// "Read More: …", "READ: …" links to other stories.
    RelatedLink,
    /// "• World" navigation trails.
    Breadcrumb,
    /// Contact e-mail lines.
    Contact,
    /// "8 years ago".
    RelativeTime,
    /// A truncated teaser ending in "[…]" that repeats the start of the body.
    Teaser,
    /// A photo gallery or slideshow printed as text: slide counters ("Hide Caption 1 of 29
    /// Photos: …"), its title repeated per slide, "Previous Next" controls.
    Gallery,
}

impl BoilerplateKind {
    pub fn label(self) -> &'static str {
        match self {
            BoilerplateKind::SiteChrome => "site-chrome",
            BoilerplateKind::ReadingTime => "reading-time",
            BoilerplateKind::RelatedLink => "related-link",
            BoilerplateKind::Breadcrumb => "breadcrumb",
            BoilerplateKind::Contact => "contact",
            BoilerplateKind::RelativeTime => "relative-time",
            BoilerplateKind::Teaser => "teaser",
            BoilerplateKind::Gallery => "gallery",
        }
    }
}

/// One structural piece of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// For a block that repeats another (the caption printed twice, the teaser, a pull quote
    /// repeating the body): the index of the block it repeats.
    pub duplicate_of: Option<u32>,
}

/// Catalog metadata of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub outlet: String,
    pub headline: String,
    pub byline: String,
    pub dateline: String,
    pub published: Date,
    /// The catalog's value as written, e.g. `2016-12-13T15:38:00+03:00`.
    pub published_raw: String,
    pub url: String,
    pub language: String,
}

/// One article: its id (the file stem), metadata, original text and structure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub file: String,
    pub meta: ArticleMeta,
    pub text: String,
    pub blocks: Vec<Block>,
}

impl Article {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Indexes (into `blocks`) of the body paragraphs.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks.iter().enumerate().filter(|(_, b)| b.kind == BlockKind::Paragraph)
    }

    pub fn paragraph_count(&self) -> usize {
        self.paragraphs().count()
    }

    /// Words in the body paragraphs (whitespace-separated runs with a letter or digit).
    pub fn word_count(&self) -> usize {
        self.paragraphs()
            .map(|(_, b)| self.slice(b.span).split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count())
            .sum()
    }

    pub fn count_of(&self, kind: BlockKind) -> usize {
        self.blocks.iter().filter(|b| b.kind == kind).count()
    }
}

/// What the corpus as a whole is about: the page's title and lede come from here, so an
/// editor's own corpus never shows another corpus's words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusInfo {
    pub title: String,
    pub description: String,
}

impl Default for CorpusInfo {
    fn default() -> Self {
        CorpusInfo { title: "Dispatches".into(), description: String::new() }
    }
}

/// The whole corpus, articles newest first (ties by id).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub info: CorpusInfo,
    pub articles: Vec<Article>,
}

impl Corpus {
    pub fn new(mut articles: Vec<Article>) -> Corpus {
        articles.sort_by(|a, b| b.meta.published.cmp(&a.meta.published).then_with(|| a.id.cmp(&b.id)));
        Corpus { info: CorpusInfo::default(), articles }
    }

    pub fn with_info(mut self, info: CorpusInfo) -> Corpus {
        self.info = info;
        self
    }

    /// The distinct outlets, sorted by name.
    pub fn outlets(&self) -> Vec<&str> {
        let mut outlets: Vec<&str> = self.articles.iter().map(|a| a.meta.outlet.as_str()).collect();
        outlets.sort_unstable();
        outlets.dedup();
        outlets
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }
}
