//! Synonyms as Elasticsearch users know them: an acronym and the name it stands for match
//! each other (`UN` finds "United Nations", and "united nations" finds `UN`).
//!
//! # Which acronyms
//!
//! - A small list of acronyms the news writes without defining them, [`KNOWN`]: UN, US, USA,
//!   EU, UK, NATO, WHO, IMF, ICC, UAE, FBI, CIA, NSA, CDC, EPA, DOJ, IAEA, OPEC, UNHCR, UNICEF.
//! - Acronyms a report defines in parentheses right after the name ("the Syrian
//!   Observatory for Human Rights (SOHR)"), collected over the whole corpus when it is
//!   indexed ([`defined_acronyms`]) and shipped with the per-article table (the manifest of
//!   the split layout), so `SOHR` also finds the reports that only spell the name out. A
//!   definition counts when each capitalised word before the parenthesis gives the next
//!   letter ("of", "for", "and", "the" … may sit between them); when reports disagree, the
//!   name most of them give wins, and the list above wins over any report. A defined
//!   acronym the corpus also prints as a lower-case word ("CREW", "crew") is an everyday
//!   word (see below).
//!
//! # The rule
//!
//! - Acronym → name: a query word typed in capitals, with or without dots (`UN`, `U.N.`,
//!   `SOHR`), and not inside quotes, also matches its name as a phrase. Capitals are what
//!   tell the acronym `US` from the pronoun `us`: a word typed in lower case is never
//!   expanded (`us` finds the word "us", `US` also "United States").
//! - Name → acronym: consecutive plain words of the query that spell a name out ("united
//!   nations", any case) match as one: the name as a phrase, or the acronym. Not when the
//!   acronym is also an everyday word ([`is_everyday_word`]: US, WHO, …, and defined
//!   acronyms the corpus prints in lower case): the index folds case, so "US" in a text
//!   cannot be told from "us", and "united states" does not match every "us".
//! - Quoted phrases and excluded words are taken as written, except that an excluded
//!   acronym typed in capitals also excludes its name.

use super::normalize::{is_stopword, tokenize};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Acronyms understood without a definition in the corpus.
pub const KNOWN: &[(&str, &str)] = &[
    ("UN", "United Nations"),
    ("US", "United States"),
    ("USA", "United States of America"),
    ("EU", "European Union"),
    ("UK", "United Kingdom"),
    ("NATO", "North Atlantic Treaty Organization"),
    ("WHO", "World Health Organization"),
    ("IMF", "International Monetary Fund"),
    ("ICC", "International Criminal Court"),
    ("UAE", "United Arab Emirates"),
    ("FBI", "Federal Bureau of Investigation"),
    ("CIA", "Central Intelligence Agency"),
    ("NSA", "National Security Agency"),
    ("CDC", "Centers for Disease Control and Prevention"),
    ("EPA", "Environmental Protection Agency"),
    ("DOJ", "Department of Justice"),
    ("IAEA", "International Atomic Energy Agency"),
    ("OPEC", "Organization of the Petroleum Exporting Countries"),
    ("UNHCR", "United Nations High Commissioner for Refugees"),
    ("UNICEF", "United Nations Children's Fund"),
];

/// Acronyms that are also everyday words once case is folded (the index folds it): a name
/// spelled out never matches them (see the module comment).
const EVERYDAY: &[&str] = &["us", "who", "it", "am", "an", "as", "at", "be", "do", "go", "he", "if", "in", "is", "me", "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "we", "aid", "all", "art", "can", "man", "new", "now", "one", "war", "was"];

/// Whether an acronym, folded, is also an everyday word.
pub fn is_everyday_word(folded: &str) -> bool {
    EVERYDAY.contains(&folded) || is_stopword(folded)
}

/// Longest acronym read, in letters.
const MAX_LETTERS: usize = 8;

/// Small words a name may hold between its capitalised words ("Bureau of Investigation").
const NAME_JOINERS: &[&str] = &["of", "for", "and", "the", "on", "in", "to", "de", "du", "des", "la", "le", "al", "&"];

/// An acronym a corpus defines.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Defined {
    /// Its letters, upper case ("SOHR").
    pub short: String,
    /// The name as a report prints it ("Syrian Observatory for Human Rights").
    pub name: String,
    /// The corpus also prints it as a lower-case word ("crew" for CREW).
    pub everyday: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    /// The acronym's letters, upper case.
    short: String,
    /// Its normalized term (as the index has it).
    term: String,
    /// The name's normalized terms.
    name: Vec<String>,
    everyday: bool,
}

/// The acronyms of a corpus: [`KNOWN`] and those its reports define.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Synonyms {
    /// The acronyms the corpus defines (not in [`KNOWN`]), sorted: what is stored.
    defined: Vec<Defined>,
    /// Every entry, sorted by acronym.
    entries: Vec<Entry>,
    /// Entries by the first term of their name.
    by_first: HashMap<String, Vec<u32>>,
}

impl Synonyms {
    /// [`KNOWN`] plus the corpus's definitions (an acronym of the list, or one that is not 2
    /// to 8 capital letters, is ignored).
    pub fn new(defined: Vec<Defined>) -> Synonyms {
        let mut defined: Vec<Defined> = defined.into_iter().filter(|d| is_acronym_letters(&d.short) && !KNOWN.iter().any(|k| k.0 == d.short)).collect();
        super::sort::sort(&mut defined);
        defined.dedup_by(|b, a| a.short == b.short);
        let mut entries: Vec<Entry> = KNOWN
            .iter()
            .map(|&(s, n)| (s, n, false))
            .chain(defined.iter().map(|d| (d.short.as_str(), d.name.as_str(), d.everyday)))
            .filter_map(|(short, name, everyday)| {
                let name: Vec<String> = tokenize(name).into_iter().filter(|t| !t.compound).map(|t| t.term).collect();
                let term = tokenize(short).into_iter().next()?.term;
                let everyday = everyday || is_everyday_word(&term);
                (name.len() >= 2).then(|| Entry { short: short.to_string(), term, name, everyday })
            })
            .collect();
        super::sort::sort_by(&mut entries, |a, b| a.short.cmp(&b.short));
        let mut by_first: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_first.entry(e.name[0].clone()).or_default().push(i as u32);
        }
        Synonyms { defined, entries, by_first }
    }

    /// [`KNOWN`] alone (a query read without a corpus at hand).
    pub fn known() -> &'static Synonyms {
        static KNOWN_ONLY: OnceLock<Synonyms> = OnceLock::new();
        KNOWN_ONLY.get_or_init(|| Synonyms::new(Vec::new()))
    }

    /// The corpus's own definitions, as stored.
    pub fn defined(&self) -> &[Defined] {
        &self.defined
    }

    /// The name's terms of the acronym a query word stands for: `word` as typed, in capitals
    /// (dots allowed, surrounding punctuation ignored), else `None`.
    pub(crate) fn expansion(&self, word: &str) -> Option<&[String]> {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || !word.chars().all(|c| c.is_uppercase() || c == '.') {
            return None;
        }
        let letters: String = word.chars().filter(|&c| c != '.').collect();
        let i = self.entries.binary_search_by(|e| e.short.as_str().cmp(&letters)).ok()?;
        Some(&self.entries[i].name)
    }

    /// The longest name `terms` opens with: its length in terms, and the acronym's term
    /// (`None` when the acronym is an everyday word: the name then matches as a phrase only).
    pub(crate) fn name_at(&self, terms: &[&str]) -> Option<(usize, Option<&str>)> {
        let candidates = self.by_first.get(*terms.first()?)?;
        candidates
            .iter()
            .map(|&i| &self.entries[i as usize])
            .filter(|e| e.name.len() <= terms.len() && e.name.iter().zip(terms).all(|(a, b)| a == b))
            .max_by_key(|e| e.name.len())
            .map(|e| (e.name.len(), (!e.everyday).then_some(e.term.as_str())))
    }
}

fn is_acronym_letters(s: &str) -> bool {
    (2..=MAX_LETTERS).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_uppercase())
}

/// The acronyms the texts define: each "Name Of Words (NOW)" where the name's capitalised
/// words give the acronym's letters in order, with the name most texts give for it, and
/// whether the texts also print it as a lower-case word. Two passes over the texts (the
/// iterator is cloned).
pub fn defined_acronyms<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vec<Defined> {
    let mut counts: HashMap<(String, String), u32> = HashMap::new();
    for text in texts.clone() {
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| from + i) {
            from = open + 1;
            let Some(close) = text[from..].find(')').map(|i| from + i) else { break };
            let short = &text[from..close];
            if !is_acronym_letters(short) || KNOWN.iter().any(|k| k.0 == short) {
                continue;
            }
            if let Some(name) = name_before(&text[..open], short) {
                *counts.entry((short.to_string(), name.to_string())).or_insert(0) += 1;
            }
        }
    }
    let mut best: HashMap<String, (u32, String)> = HashMap::new();
    for ((short, name), n) in counts {
        let slot = best.entry(short).or_insert((0, String::new()));
        if n > slot.0 || n == slot.0 && name < slot.1 {
            *slot = (n, name);
        }
    }
    // Lower-case words of the texts that are one of these acronyms ("crew" for CREW).
    let lower: HashSet<String> = best.keys().map(|s| s.to_lowercase()).collect();
    let mut printed_lower: HashSet<&str> = HashSet::new();
    for text in texts {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() && w.len() <= MAX_LETTERS && w.bytes().all(|b| b.is_ascii_lowercase()) {
                if let Some(l) = lower.get(w) {
                    printed_lower.insert(l.as_str());
                }
            }
        }
    }
    let mut out: Vec<Defined> = best
        .into_iter()
        .map(|(short, (_, name))| {
            let everyday = printed_lower.contains(short.to_lowercase().as_str());
            Defined { short, name, everyday }
        })
        .collect();
    out.sort();
    out
}

/// The name right before a parenthesised acronym: the shortest run of words ending there
/// whose capitalised words' initials spell `short` (joiners allowed between them).
fn name_before<'t>(before: &'t str, short: &str) -> Option<&'t str> {
    let end = before.trim_end().len();
    let mut letters = short.chars().rev().peekable();
    let mut start = None;
    let mut words = before[..end].split_whitespace().rev();
    let mut at = end;
    while letters.peek().is_some() {
        let w = words.next()?;
        at = before[..at].rfind(w)?;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        let first = core.chars().next()?;
        if first.is_uppercase() {
            if first != letters.next()? {
                return None;
            }
            start = Some(at);
        } else if !(start.is_some() && NAME_JOINERS.contains(&core)) {
            return None;
        }
    }
    let name = before[start?..end].trim_matches(|c: char| !c.is_alphanumeric());
    (name.split_whitespace().count() >= 2).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_read_from_initials() {
        let texts = [
            "Activists at the Syrian Observatory for Human Rights (SOHR) said 20 died.",
            "Fighters of the Islamic State of Iraq and the Levant (ISIL) withdrew.",
            "The Syrian Observatory for Human Rights (SOHR) counted them.",
            "A group (ABC) said so, and the United Nations (UN) agreed.",
            "The Free Syrian Army (FSA), a rebel group, and the Democratic Union Party (PYD).",
        ];
        let defs: Vec<(String, String)> = defined_acronyms(texts.iter().copied()).into_iter().map(|d| (d.short, d.name)).collect();
        assert_eq!(
            defs,
            [
                ("FSA".to_string(), "Free Syrian Army".to_string()),
                ("ISIL".to_string(), "Islamic State of Iraq and the Levant".to_string()),
                ("SOHR".to_string(), "Syrian Observatory for Human Rights".to_string()),
            ],
            "PYD's letters are not the initials; ABC has no name; UN is already known"
        );
        let texts = ["Citizens for Responsibility and Ethics in Washington (CREW) sued.", "The crew landed.", "The Syrian Democratic Forces (SDF) advanced."];
        let everyday: Vec<(String, bool)> = defined_acronyms(texts.iter().copied()).into_iter().map(|d| (d.short, d.everyday)).collect();
        assert_eq!(everyday, [("CREW".to_string(), true), ("SDF".to_string(), false)]);
    }

    #[test]
    fn capitals_make_an_acronym() {
        let def = |short: &str, name: &str, everyday| Defined { short: short.into(), name: name.into(), everyday };
        let s = Synonyms::new(vec![def("SOHR", "Syrian Observatory for Human Rights", false), def("CREW", "Citizens for Responsibility and Ethics in Washington", true)]);
        assert_eq!(s.expansion("UN"), Some(&["unit".to_string(), "nation".to_string()][..]));
        assert!(s.expansion("U.N.").is_some());
        assert!(s.expansion("(SOHR),").is_some());
        assert_eq!(s.expansion("us"), None, "the pronoun");
        assert_eq!(s.expansion("Us"), None);
        assert_eq!(s.expansion("UNX"), None);
        assert_eq!(s.name_at(&["unit", "nation", "aid"]), Some((2, Some("un"))));
        assert_eq!(s.name_at(&["unit", "state"]), Some((2, None)), "us is an everyday word");
        assert_eq!(s.name_at(&["unit"]), None);
        assert_eq!(s.name_at(&["syrian", "observatori", "for", "human", "right"]).map(|x| x.1), Some(Some("sohr")));
        assert!(s.expansion("CREW").is_some(), "capitals: the name");
        assert_eq!(s.name_at(&["citizen", "for", "respons", "and", "ethic", "in", "washington"]).map(|x| x.1), Some(None), "the name never means every crew");
    }
}
