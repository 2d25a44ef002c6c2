//! Attribution: who said each quotation of an article.
//!
//! Blocks are read in order, sentence by sentence. For each quotation the rules look for a
//! reporting verb (a cue) in the same sentence: after the quotation (`“…,” he said`,
//! `“…,” said X`, `“…,” X, role, told`) or before it (`X said: “…”`, `He adds, “…”`,
//! `X described it as “…”`). Whole-sentence quotations prefer a cue after them, fragments a cue
//! before them. The subject of the cue is read as a noun phrase: a name (with titles and a
//! role in front, or an appositive role after a comma), a description ("a Syrian official"),
//! or a pronoun, resolved to the latest compatible person or organisation seen as a subject.
//! A quotation with no cue continues the paragraph's speaker, or the previous paragraph's when
//! it opens its paragraph.
//!
//! The code is split by stage, one file each, so a rule lives where its stage lives:
//! [`mentions`] (names, descriptions, pronouns as noun phrases), [`cues`] (reporting verbs and
//! the shape of a quotation), [`attribution`] (the reading order and each quotation's speaker),
//! [`resolve`] (pronouns and descriptions to the article's entities). Speaker identity across
//! articles is `quotes::identity`. This file holds the types they share and word helpers.

mod attribution;
mod cues;
mod mentions;
mod resolve;

pub(super) use attribution::extract;
use cues::*;
use mentions::*;
use resolve::*;

use super::detect::{self, Mark};
use super::lex::{self, Kind, Tok};
use super::words::*;
use super::{name_key, ArticleQuote, QuoteKind, SpeakerKind, SpeakerRef};
use crate::model::{Article, BlockKind, Span};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Unknown,
    Male,
    Female,
}

#[derive(Debug)]
struct Entity {
    name: String,
    kind: SpeakerKind,
    role: Option<String>,
    gender: Gender,
    plural: bool,
    /// Byte offset of the latest mention.
    last: usize,
}

/// A name printed in the article, with the titles or role words just before it.
#[derive(Debug)]
struct Known {
    name: String,
    key: String,
    role: Option<String>,
    org: bool,
    pos: usize,
    /// A one-word name opening its sentence ("Speaking", "Much", "Perhaps" look the same).
    initial: bool,
}

/// A subject noun phrase.
#[derive(Clone, Debug)]
enum Np {
    Pronoun { word: String, span: Span },
    Named { name: String, span: Span, role: Option<String>, org: bool, gender: Gender },
    Unnamed { text: String, span: Span, org: bool, plural: bool, gender: Gender, document: bool },
}

impl Np {
    fn span(&self) -> Span {
        match self {
            Np::Pronoun { span, .. } | Np::Named { span, .. } | Np::Unnamed { span, .. } => *span,
        }
    }
    /// An appositive role ("Name, spokesman for …,") is more telling than a title before the name.
    fn set_role(&mut self, r: Option<String>) {
        if let (Np::Named { role, .. }, Some(x)) = (&mut *self, r) {
            let t = trim_role(&x);
            if !t.is_empty() {
                *role = Some(t.to_string());
            }
        }
    }
}

/// A resolved attribution.
#[derive(Clone, Debug)]
struct Attr {
    entity: usize,
    mention: Option<Span>,
    role: Option<String>,
    cue: Option<String>,
}

/// A cue found in a sentence: where, what it says, and how to find its speaker.
#[derive(Clone, Debug)]
struct Cue {
    text: String,
    participle: bool,
    report: bool,
    /// "X quoted Y as saying": the speaker follows the verb.
    object_speaker: bool,
    /// "according to X": the speaker follows "to".
    according: bool,
}

struct BlockToks {
    marks: Vec<Mark>,
    toks: Vec<Tok>,
    sents: Vec<(usize, usize)>,
}

struct Ctx<'a> {
    text: &'a str,
    known: Vec<Known>,
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
    /// The block being read is a headline: title case makes every run look like a name.
    in_headline: bool,
    /// Each name's fullest printed form, once `known` is complete (see `canonical_of`).
    canonical: std::cell::RefCell<HashMap<String, String>>,
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn w<'t>(text: &'t str, t: &Tok) -> &'t str {
    &text[t.start..t.end]
}

fn is_word_where(text: &str, toks: &[Tok], i: usize, f: impl Fn(&str) -> bool) -> bool {
    toks.get(i).map_or(false, |t| t.is_word() && f(w(text, t)))
}

fn is_adverb(x: &str) -> bool {
    // Lower case only: "Theresa May said", "Will Hurd said" are names before a cue.
    is_adverb_or_aux(x) && x.starts_with(char::is_lowercase) || (x.len() > 4 && x.ends_with("ly") && x.starts_with(char::is_lowercase) && !is_ly_noun(x))
}

/// Nouns ending in "-ly" that a speaker's phrase can end with ("the family said").
fn is_ly_noun(x: &str) -> bool {
    matches!(x, "family" | "rally" | "assembly" | "supply" | "monopoly" | "anomaly" | "bully" | "reply" | "ally")
}

/// A finite auxiliary or modal verb: a clause, never a noun phrase, has one.
fn is_finite_aux(x: &str) -> bool {
    matches!(x, "will" | "would" | "can" | "could" | "should" | "must" | "might" | "shall" | "is" | "are" | "was" | "were" | "has" | "have" | "had" | "does" | "did" | "won't" | "can't" | "isn't" | "wasn't")
}

/// A month name (not "May", which is also a name and a modal).
fn is_month_word(x: &str) -> bool {
    matches!(x, "January" | "February" | "March" | "April" | "June" | "July" | "August" | "September" | "October" | "November" | "December")
}

/// A year: "2016", "1998".
fn is_year_word(x: &str) -> bool {
    x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit()) && (x.starts_with("19") || x.starts_with("20"))
}

fn is_weekday(x: &str) -> bool {
    matches!(x, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday")
}

/// "won't", "we’ve", "he's": a verb is folded into the word.
fn is_contraction(x: &str) -> bool {
    let l = x.replace('’', "'").to_lowercase();
    l.ends_with("n't") || l.ends_with("'ve") || l.ends_with("'d") || l.ends_with("'ll") || l.ends_with("'re") || l.ends_with("'m") || is_possessive(x) && is_pronoun(&x[..x.len() - if x.ends_with("’s") { "’s".len() } else { 2 }])
}
