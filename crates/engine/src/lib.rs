//! The Dispatches engine: everything computed from a news corpus, in plain Rust.
//!
//! Data flows one way, and the modules follow it:
//! `corpus` (read a folder: catalog + texts, validated) → `ingest` (structure of each text:
//! headline, paragraphs, captions, boilerplate) → `quotes` (direct quotations and speakers) → `trails` (one
//! quotation across reports: who ran it first, how its words changed, whom outlets credited) →
//! `search` (the inverted index and its queries) → `shards` (the serialized, sharded corpus the
//! web app embeds or fetches, and the one reader both the page and the CLI query it through). Nothing here depends on the web; the app and the CLI are thin shells over it.

pub mod date;
pub mod model;
pub mod par;
pub mod text;

#[cfg(feature = "ingest")]
pub mod catalog;
#[cfg(feature = "ingest")]
pub mod corpus;
#[cfg(feature = "ingest")]
pub mod import;
pub mod ingest;
pub mod quotes;
pub mod search;
pub mod shards;
pub mod trails;

pub use date::Date;
pub use model::{Article, ArticleMeta, Block, BlockKind, BoilerplateKind, Corpus, CorpusInfo, Span};
