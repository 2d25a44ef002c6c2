//! The bundle: everything the browser needs, serialized once at build time with postcard.
//!
//! The app embeds these bytes with `include_bytes!` and decodes them at start-up; the
//! format is versioned so a stale blob fails loudly instead of decoding garbage.

use crate::model::Corpus;
use crate::quotes::QuoteIndex;
use crate::search::SearchIndex;
use serde::{Deserialize, Serialize};

/// Bumped whenever a serialized type changes shape.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format_version: u32,
    pub corpus: Corpus,
    pub search: SearchIndex,
    pub quotes: QuoteIndex,
}

impl Bundle {
    /// Runs every build-time analysis over an ingested corpus.
    pub fn build(corpus: Corpus) -> Bundle {
        let quotes = QuoteIndex::build(&corpus);
        let search = SearchIndex::build(&corpus);
        Bundle { format_version: FORMAT_VERSION, corpus, search, quotes }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("serializing in memory cannot fail")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, String> {
        let bundle: Bundle = postcard::from_bytes(bytes).map_err(|e| format!("corrupt bundle: {e}"))?;
        if bundle.format_version != FORMAT_VERSION {
            return Err(format!("bundle format {} but this build reads {}", bundle.format_version, FORMAT_VERSION));
        }
        Ok(bundle)
    }
}
