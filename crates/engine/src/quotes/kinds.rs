//! Speaker kinds by the corpus's evidence: one article can take "Politico", "Critics" or
//! "Texas" in "X said" for a person's name; the whole corpus shows what each is (an outlet, a
//! word printed in lower case, a place), before identity merges names across articles.

use super::words::is_party_member;
use super::{name_key, without_the, SpeakerKind, SpeakerRef};
use crate::model::Corpus;
use std::collections::{HashMap, HashSet};

/// A one-word "person" the corpus itself shows is something else:
/// - "Obama-Biden", "Romney-Ryan": one hyphenated word whose every part is the surname of
///   someone the corpus names in full is a ticket or an administration ("the Obama-Biden
///   campaign said"), not a person whose first name is Obama, who would then claim the
///   article's lone "Biden": an organisation. ("Ocasio-Cortez": "ocasio" is nobody's surname;
///   "Rawlings-Blake" is printed in full as Stephanie Rawlings-Blake.)
/// - "Politico said": the name of an outlet of the corpus is an organisation, and so is a place
///   ("Texas said", "China says": the corpus prints it after "in", "from"...; see [`Uses`]).
/// - "Critics said", "Officials say", "Republican said": a word the corpus prints in lower case
///   in the middle of sentences more often than capitalised, or a party's member, is a
///   description of sources, as "critics" would be (unnamed).
///
/// Neither applies to the surname of someone the corpus names in full ("Bloomberg", "Hill",
/// "Young").
pub(super) fn reclassified(corpus: &Corpus, refs: &[Option<(usize, SpeakerRef, Option<String>)>]) -> Vec<Option<(usize, SpeakerRef, Option<String>)>> {
    let people = || refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Person);
    let surnames: HashSet<String> = people().filter(|(_, s, _)| !is_one_word(&s.name)).filter_map(|(_, s, _)| name_key(&s.name).rsplit_once(' ').map(|(_, last)| last.to_string())).collect();
    // Hyphenated surnames printed with a first name ("Stephanie Rawlings-Blake").
    let hyphenated: HashSet<String> = people().filter(|(_, s, _)| !is_one_word(&s.name)).filter_map(|(_, s, _)| s.name.split_whitespace().last().filter(|w| w.contains(['-', '‑'])).map(name_key)).collect();
    let outlets: HashSet<String> = corpus.articles.iter().map(|a| without_the(name_key(&a.meta.outlet))).collect();
    let lone: HashSet<String> = people().filter(|(_, s, _)| is_one_word(&s.name)).map(|(_, s, _)| name_key(&s.name)).filter(|k| !k.contains(' ') && !surnames.contains(k)).collect();
    let uses = word_uses(corpus, &lone);
    let kind_of = |s: &SpeakerRef| -> SpeakerKind {
        if s.kind != SpeakerKind::Person || !is_one_word(&s.name) {
            return s.kind;
        }
        let key = name_key(&s.name);
        if key.contains(' ') {
            let ticket = key.split(' ').all(|part| surnames.contains(part)) && !hyphenated.contains(&key);
            return if ticket { SpeakerKind::Organisation } else { s.kind };
        }
        if surnames.contains(&key) {
            // "Bloomberg", "Hill": a lone surname of someone named in full, though an outlet's
            // name or a common word too.
            s.kind
        } else if outlets.contains(&key) || uses.get(key.as_str()).is_some_and(Uses::place) {
            SpeakerKind::Organisation
        } else if uses.get(key.as_str()).is_some_and(Uses::common) || is_party_member(&key) || key.strip_suffix('s').is_some_and(is_party_member) {
            SpeakerKind::Unnamed
        } else {
            s.kind
        }
    };
    refs.iter().map(|r| r.as_ref().map(|(a, s, role)| (*a, SpeakerRef { name: s.name.clone(), kind: kind_of(s) }, role.clone()))).collect()
}

/// How a corpus prints a word in the middle of sentences (after a word or a comma).
#[derive(Clone, Copy, Default)]
struct Uses {
    lower: usize,
    capitalised: usize,
    /// Capitalised, after "in", "from", "across" or "throughout", and not possessive ("in Texas").
    placed: usize,
}

impl Uses {
    /// Printed in lower case more than twice as often as capitalised, at least three times: a
    /// common word, not a name ("critics", "officials"; not "March", capitalised mid-sentence).
    fn common(&self) -> bool {
        self.lower >= 3 && self.lower > 2 * self.capitalised
    }

    /// A tenth of its capitalised uses, at least three, after a preposition of place: a place
    /// ("Texas", "China"), whose "said" is its government's. (In the 10k bench corpus places
    /// come 14 to 51 % of the time after one, the names of people 0 to 2 %.)
    fn place(&self) -> bool {
        self.placed >= 3 && 10 * self.placed >= self.capitalised
    }
}

/// How the corpus prints each of `words` (lower case) mid-sentence.
fn word_uses<'w>(corpus: &Corpus, words: &'w HashSet<String>) -> HashMap<&'w str, Uses> {
    // Most words of a text are none of `words`: their first letters and lengths say so
    // before a lower-case copy is made and looked up.
    let mut firsts = [false; 128];
    let mut lengths = 0u64;
    for w in words {
        let Some(&b) = w.as_bytes().first() else { continue };
        if b < 128 {
            firsts[b as usize] = true;
        }
        lengths |= 1 << w.len().min(63);
    }
    let maybe = |w: &str| {
        let first = w.as_bytes()[0].to_ascii_lowercase();
        (first >= 128 || firsts[first as usize]) && lengths & (1 << w.len().min(63)) != 0
    };
    let mut seen: HashMap<&str, Uses> = HashMap::new();
    for counted in crate::par::map(corpus.articles.iter(), |a| mid_sentence_uses(&a.text, words, &maybe)) {
        for (k, u) in counted {
            let e = seen.entry(k).or_default();
            e.lower += u.lower;
            e.capitalised += u.capitalised;
            e.placed += u.placed;
        }
    }
    seen
}

/// [`word_uses`] of one text; `maybe` is false for most words that are none of `words`.
fn mid_sentence_uses<'w>(text: &str, words: &'w HashSet<String>, maybe: &impl Fn(&str) -> bool) -> HashMap<&'w str, Uses> {
    let mut seen: HashMap<&str, Uses> = HashMap::new();
    let mut lower = String::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                start = None;
                let w = &text[b..i];
                if !maybe(w) {
                    continue;
                }
                let before = text[..b].trim_end_matches(' ');
                if !before.ends_with(|p: char| p.is_alphanumeric() || p == ',') {
                    continue;
                }
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                if let Some(k) = words.get(&lower) {
                    let e = seen.entry(k.as_str()).or_default();
                    if w.starts_with(char::is_lowercase) {
                        e.lower += 1;
                    } else {
                        e.capitalised += 1;
                        let previous = before.rsplit(|p: char| !p.is_alphabetic()).next().unwrap_or_default();
                        let possessive = text[i..].starts_with(['\'', '’']);
                        if !possessive && matches!(previous, "in" | "from" | "across" | "throughout") {
                            e.placed += 1;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    seen
}

/// A name printed as one word (a lone surname, hyphenated or not).
pub(super) fn is_one_word(name: &str) -> bool {
    !name.trim().contains(char::is_whitespace)
}
