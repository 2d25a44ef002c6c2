//! Who said what, sharded so a screen of it never needs the whole speaker index (at 10,000
//! reports it is half a megabyte gzipped, at 100,000 three).
//!
//! Two views of the same speakers:
//! - **pages**: every speaker in rank order (named by number of quotations, then unnamed
//!   sources), with their quotations, cut into runs: the most quoted first screen is one
//!   small shard, the next screen the next one;
//! - **names**: one entry per speaker and word of their name or aliases, keyed by the word's
//!   first two folded letters ([`name_key`]) and cut into sorted key ranges. A name typed in
//!   the speaker box reads the one shard of its first word's key; the list sorted by name
//!   reads the ranges in order (an entry is listed under the key of its name's first word).
//!   An entry carries what a list row shows (name, role, counts), not the quotations: a page
//!   of names spans every rank page;
//! - **quoted**: per article, the named speakers its quotations credit, cut into article
//!   ranges: what the "people quoted" overview of a search's matches counts. Fetched only
//!   when that overview is open;
//! - **said**: every speaker's quotations as a speaker's page shows them (the words, the
//!   role the article gives, the report's id and headline), in rank order and in the order of
//!   each speaker's quotation list, cut into runs that may split a much-quoted speaker: a
//!   speaker's page reads the runs holding the quotations it shows, not the reports' whole
//!   articles.

use super::ShardRef;
use crate::quotes::{Speaker, SpeakerKind};
use crate::search::names::folded_name;
use serde::{Deserialize, Serialize};

/// Where the speaker shards are: part of the manifest.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpeakerDirectory {
    /// Number of speakers.
    pub count: u32,
    /// `(number of the page's first speaker, shard)`, in rank order.
    pub pages: Vec<(u32, ShardRef)>,
    /// `(first key, shard)`, keys sorted; a shard covers its key up to the next shard's.
    pub names: Vec<(String, ShardRef)>,
    /// `(first article number, shard)` of the [`QuotedShard`]s, in corpus order.
    #[serde(default)]
    pub quoted: Vec<(u32, ShardRef)>,
    /// `(speaker number, index in their quotation list, shard)` where each [`SaidShard`]
    /// starts, in rank order.
    pub said: Vec<(u32, u32, ShardRef)>,
}

/// A run of speakers' quotations as a speaker's page shows them, from quotation `index` of
/// speaker `speaker` on (see [`SpeakerDirectory::said`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SaidShard {
    pub speaker: u32,
    pub index: u32,
    /// Per speaker from `speaker` on, their quotations from `index` (the first) or 0 (the
    /// others) on, in the order of [`Speaker::quotes`].
    pub said: Vec<Vec<Said>>,
    /// `(article number, id, headline)` of the reports the quotations are in, sorted.
    pub articles: Vec<(u32, String, String)>,
}

/// One quotation as a speaker's page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Said {
    /// The report (article number).
    pub article: u32,
    /// The quoted words (as the reader's `<q>` holds them, without a trailing comma).
    pub text: String,
    /// The role the article gives the speaker here, else the one the corpus gives most often.
    pub role: Option<String>,
}

/// A quotation of a speaker's page, with its report's id and headline.
#[derive(Clone, Debug, PartialEq)]
pub struct SaidInReport {
    pub id: String,
    pub headline: String,
    pub said: Said,
}

/// Consecutive articles' named speakers (rank numbers), each article's listed once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotedShard {
    pub first: u32,
    pub speakers: Vec<Vec<u32>>,
}

/// Consecutive speakers in rank order; each quotation packed as `article << 12 | index`
/// (see [`super::library::unpack_quote`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpeakerPage {
    pub first: u32,
    pub speakers: Vec<Speaker>,
    /// Per speaker, the trails (numbers in the trails shard) carried by two or more outlets
    /// that credit them or print them in one of their occurrences, widest first, at most
    /// [`TRAVELLED_KEPT`]: what a speaker's page reads (one page of trails, not every trail).
    pub travelled: Vec<Vec<u32>>,
}

/// The most trails a speaker's record lists (see [`SpeakerPage::travelled`]).
pub const TRAVELLED_KEPT: usize = 8;

/// [`SpeakerPage::travelled`] for every speaker of `trails` (by speaker number), in one pass
/// over the trails (widest first, so each list is too).
pub fn travelled(trails: &super::TrailsShard, speakers: usize) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); speakers];
    for (t, trail) in trails.trails.iter().enumerate().filter(|(_, t)| t.outlets >= 2) {
        for s in trail.speakers() {
            if let Some(list) = out.get_mut(s as usize) {
                if list.last() != Some(&(t as u32)) && list.len() < TRAVELLED_KEPT {
                    list.push(t as u32);
                }
            }
        }
    }
    out
}

/// What a list of speakers shows of one, found by a word of their name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameEntry {
    /// The [`name_key`] this entry is filed under.
    pub key: String,
    /// Rank number (index into the pages).
    pub number: u32,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub unnamed: bool,
    /// Quotations and outlets, over the whole corpus.
    pub quotes: u32,
    pub outlets: u32,
}

impl NameEntry {
    /// Whether this entry is the one the list sorted by name shows (filed under its name's
    /// first word, not under another word or an alias).
    pub fn is_filed_by_name(&self) -> bool {
        folded_name(&self.name).first().is_some_and(|w| name_key(w) == self.key)
    }

    /// The folded words of its name and aliases, as [`crate::search::names::names`] compares.
    pub fn folded_words(&self) -> Vec<String> {
        folded_forms(&self.name, &self.aliases)
    }
}

/// Entries of a key range, sorted by key then folded name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NameShard {
    pub entries: Vec<NameEntry>,
}

/// The key a folded word is filed under: its first two characters (a one-letter word, its
/// one). Two letters, as a word being typed counts from two letters (see `search::query`).
pub fn name_key(folded_word: &str) -> String {
    folded_word.chars().take(2).collect()
}

/// The name entries of `speakers` (rank order; `outlets_of(speaker)` counts their outlets):
/// one per distinct key among each speaker's name and alias words, sorted by key, then by
/// folded name, then by rank.
pub fn name_entries(speakers: &[Speaker], outlets_of: impl Fn(&Speaker) -> usize) -> Vec<(String, NameEntry)> {
    let mut out = Vec::new();
    for (number, s) in speakers.iter().enumerate() {
        let mut keys: Vec<String> = Vec::new();
        for w in &folded_forms(&s.name, &s.aliases) {
            let k = name_key(w);
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let sort_name = words_joined(&s.name);
        for key in keys {
            let entry = NameEntry {
                key: key.clone(),
                number: number as u32,
                name: s.name.clone(),
                aliases: s.aliases.clone(),
                role: s.role.clone(),
                unnamed: s.kind == SpeakerKind::Unnamed,
                quotes: s.quotes.len() as u32,
                outlets: outlets_of(s) as u32,
            };
            out.push((format!("{key}\u{0}{sort_name}"), entry));
        }
    }
    // Stable, so equal names keep rank order.
    crate::search::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out
}

/// The folded words of a name and the other forms it was printed as: what a typed name is
/// matched against, and what an entry is filed under.
fn folded_forms(name: &str, aliases: &[String]) -> Vec<String> {
    let mut words = folded_name(name);
    for a in aliases {
        words.extend(folded_name(a));
    }
    words
}

/// The order of the list sorted by name: the folded words joined by spaces.
pub fn words_joined(name: &str) -> String {
    folded_name(name).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, aliases: &[&str], quotes: usize) -> Speaker {
        Speaker {
            name: name.into(),
            role: None,
            kind: SpeakerKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            quotes: (0..quotes).collect(),
        }
    }

    #[test]
    fn one_entry_per_key_of_name_and_alias_words() {
        let list = [speaker("Jan Egeland", &["Egeland"], 3), speaker("Éric Jansen", &[], 1)];
        let entries = name_entries(&list, |_| 1);
        let keys: Vec<(&str, &str)> = entries.iter().map(|(_, e)| (e.key.as_str(), e.name.as_str())).collect();
        // "Jan" and "Jansen" share the key "ja".
        assert_eq!(keys, [("eg", "Jan Egeland"), ("er", "Éric Jansen"), ("ja", "Éric Jansen"), ("ja", "Jan Egeland")]);
        let filed: Vec<&str> = entries.iter().filter(|(_, e)| e.is_filed_by_name()).map(|(_, e)| e.name.as_str()).collect();
        assert_eq!(filed, ["Éric Jansen", "Jan Egeland"], "each speaker filed once, by the first word of the name");
    }
}
