//! Who said a trail's words: the speakers the outlets credited, whether they agree, and what
//! the trail's words settle — a variant of the name merged into the trail's speaker, an
//! uncredited occurrence credited to it.

use super::join::Credits;
use crate::quotes::{name_key, QuoteIndex, SpeakerKind};
use serde::{Deserialize, Serialize};

/// How an occurrence's speaker stands to the trail's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Credit {
    /// The outlet credits the trail's speaker.
    Printed,
    /// The outlet credits another form of the trail's speaker's name ("Trump" beside "Donald
    /// J. Trump") that the speaker index kept apart: the shared words merge the two.
    Merged,
    /// The outlet credits nobody, or an unnamed source ("one resident"); the trail credits
    /// its speaker.
    FromTrail,
    /// The outlets disagree (or nobody is named anywhere): this occurrence keeps its own
    /// credit, if any.
    Own,
}

impl Credit {
    pub fn label(self) -> &'static str {
        match self {
            Credit::Printed => "printed",
            Credit::Merged => "merged",
            Credit::FromTrail => "trail",
            Credit::Own => "own",
        }
    }
}

/// The named speaker (person or organisation) an article credits quotation `q` to.
fn named(index: &QuoteIndex, q: usize) -> Option<usize> {
    index.quotes[q].speaker.filter(|&s| index.speakers[s].kind != SpeakerKind::Unnamed)
}

/// Whether the article credits quotation `q` to a saying ("the old adage").
pub(super) fn saying(index: &QuoteIndex, q: usize) -> bool {
    index.quotes[q].speaker.is_some_and(|s| index.speakers[s].is_saying())
}

/// The words of a name as compared: folded, without dots and commas ("J." = "j").
fn name_words(name: &str) -> Vec<String> {
    name_key(name).split(' ').map(|w| w.chars().filter(|c| c.is_alphanumeric() || *c == '\'').collect::<String>()).filter(|w| !w.is_empty()).collect()
}

/// Whether speakers `a` and `b` can be one: the same entry, or names with the same last word
/// whose shorter one's words all stand in the longer ("Trump", "Donald Trump", "Donald J.
/// Trump"), which the speaker index may have kept apart.
pub(super) fn same_speaker(index: &QuoteIndex, a: usize, b: usize) -> bool {
    if a == b {
        return true;
    }
    let (x, y) = (name_words(&index.speakers[a].name), name_words(&index.speakers[b].name));
    let (short, long) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    !short.is_empty() && short.last() == long.last() && short.iter().all(|w| long.contains(w))
}

/// How the speakers the articles of quotations `q` and `r` credit stand to each other.
pub(super) fn credits(index: &QuoteIndex, q: usize, r: usize) -> Credits {
    if saying(index, q) || saying(index, r) {
        return Credits::Saying;
    }
    match (named(index, q), named(index, r)) {
        (Some(a), Some(b)) if same_speaker(index, a, b) => Credits::Compatible,
        (Some(_), Some(_)) => Credits::Conflicting,
        _ => Credits::Unknown,
    }
}

/// The trail's speaker for quotations `quotes` (one per occurrence) and each occurrence's
/// credit. The trail has a speaker when every two named credits can be one speaker: the one
/// credited most often in the trail, then the one the corpus quotes most (a stray "CALLS
/// MAXINE WATERS" loses to "Maxine Waters"), then the one with more words in its name.
pub(super) fn credit(index: &QuoteIndex, quotes: &[usize]) -> (Option<usize>, Vec<Credit>) {
    let mut credited: Vec<(usize, usize)> = Vec::new(); // (speaker, occurrences)
    for &q in quotes {
        if let Some(s) = named(index, q) {
            match credited.iter_mut().find(|(c, _)| *c == s) {
                Some((_, n)) => *n += 1,
                None => credited.push((s, 1)),
            }
        }
    }
    let agree = credited.iter().enumerate().all(|(i, &(a, _))| credited[i + 1..].iter().all(|&(b, _)| same_speaker(index, a, b)));
    let speaker = credited
        .iter()
        .filter(|_| agree)
        .max_by(|a, b| {
            let key = |&(s, n): &(usize, usize)| (n, index.speakers[s].quotes.len(), name_words(&index.speakers[s].name).len());
            key(a).cmp(&key(b)).then(b.0.cmp(&a.0))
        })
        .map(|&(s, _)| s);
    let credits = quotes
        .iter()
        .map(|&q| match (speaker, named(index, q)) {
            (Some(s), Some(c)) if c == s => Credit::Printed,
            (Some(_), Some(_)) => Credit::Merged,
            (Some(_), None) => Credit::FromTrail,
            (None, _) => Credit::Own,
        })
        .collect();
    (speaker, credits)
}
