//! Quote trails: one quotation across reports — who ran it first, who repeated it, how its
//! words changed and whom each outlet credited.
//!
//! [`Trails::build`] reads the [`QuoteIndex`] of a corpus. Each quotation (headline and pull
//! quotes repeating one of their own article's are left out) becomes normalised words
//! (`words`); quotations with the same words are one *form*; forms that share a run of words
//! are candidates (`candidates`: hashed runs, never all pairs); a candidate pair joins by the
//! rules of `join` (same words, contained up to a few edits, a long shared run; too short a
//! quotation never joins, a shorter one needs its speakers to agree, a short one not to
//! conflict). Joined
//! quotations are clustered with union-find, and a cluster that spans two or more reports is
//! a [`Trail`]: its occurrences in order of appearance (date, then outlet), its longest form,
//! per occurrence the words omitted, added or changed against the longest form (`diff`), and
//! the speakers the outlets credited, whether they agree, and who the words credit (`credit`).
//!
//! Known limits: clustering is transitive, so two excerpts of one long statement join through
//! a third report that prints both; a stock phrase shared by more than
//! [`candidates::MAX_FORMS_PER_RUN`] different quotations is not used to find candidates.

mod candidates;
mod credit;
mod diff;
mod join;
mod words;

pub use candidates::{CANDIDATE_RUN_WORDS, MAX_FORMS_PER_RUN};
pub use credit::Credit;
pub use diff::ChangeKind;
pub use join::{Credits, JoinRule, MAX_COMPARED_WORDS, MIN_QUOTE_WORDS, SHARED_RUN_PERCENT, SHARED_RUN_WORDS, SHORT_QUOTE_WORDS, WORDS_ALONE, WORDS_PER_EDIT};

use crate::model::{Corpus, Span};
use crate::quotes::QuoteIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use words::{QuoteWords, Vocabulary};

/// One stretch where an occurrence's words differ from the trail's longest form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// Byte span into the occurrence's article text: the words it added or printed instead
    /// (empty for omitted words: where they would stand).
    pub words: Span,
    /// Byte span into the longest form's article text: the words omitted or changed (empty
    /// for added words: where they would stand).
    pub longest: Span,
}

/// One report's printing of a trail's quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Index into [`QuoteIndex::quotes`] (its article, span and credited speaker).
    pub quote: usize,
    /// How its words differ from the longest form, in text order; none for the longest form.
    pub changes: Vec<Change>,
    /// How its credited speaker stands to the trail's.
    pub credit: Credit,
}

/// One quotation carried by two or more reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trail {
    /// In order of appearance: date, then outlet, then article id, then position. The first
    /// is the first appearance.
    pub occurrences: Vec<Occurrence>,
    /// Index into `occurrences` of the longest form (most words; the earliest of equals).
    pub longest: usize,
    /// Distinct outlets that ran it.
    pub outlets: usize,
    /// The speaker the trail credits (index into [`QuoteIndex::speakers`]) when the outlets'
    /// named credits can all be one speaker; none when they disagree or nobody is named.
    pub speaker: Option<usize>,
}

impl Trail {
    /// The first appearance.
    pub fn first(&self) -> &Occurrence {
        &self.occurrences[0]
    }

    /// Whether every occurrence credits the trail's speaker as printed (no variant name, no
    /// missing or unnamed credit, no disagreement).
    pub fn speakers_agree(&self) -> bool {
        self.speaker.is_some() && self.occurrences.iter().all(|o| o.credit == Credit::Printed)
    }

    /// The distinct speakers the outlets credited (indexes into [`QuoteIndex::speakers`]),
    /// most credited first.
    pub fn credited(&self, index: &QuoteIndex) -> Vec<usize> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for o in &self.occurrences {
            if let Some(s) = index.quotes[o.quote].speaker {
                match counts.iter_mut().find(|(c, _)| *c == s) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((s, 1)),
                }
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        counts.into_iter().map(|(s, _)| s).collect()
    }
}

/// Every trail of a corpus, widest first (most outlets, then most occurrences, then earliest).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trails {
    pub trails: Vec<Trail>,
}

impl Trails {
    pub fn build(corpus: &Corpus, index: &QuoteIndex) -> Trails {
        let mut vocabulary = Vocabulary::default();
        let words: Vec<QuoteWords> = index
            .quotes
            .iter()
            .map(|q| match (q.repeat_of, corpus.articles.get(q.article)) {
                (None, Some(a)) => vocabulary.words(&a.text, q.span),
                _ => QuoteWords::default(),
            })
            .collect();
        drop(vocabulary);

        // Forms: the distinct word sequences long enough to join, each with its quotations.
        let mut form_of: HashMap<&[u32], usize> = HashMap::new();
        let mut forms: Vec<Vec<usize>> = Vec::new();
        for (q, w) in words.iter().enumerate().filter(|(_, w)| w.len() >= MIN_QUOTE_WORDS) {
            let f = *form_of.entry(&w.ids).or_insert_with(|| {
                forms.push(Vec::new());
                forms.len() - 1
            });
            forms[f].push(q);
        }
        let mut form_words: Vec<&[u32]> = vec![&[]; forms.len()];
        for (w, &f) in &form_of {
            form_words[f] = w;
        }
        drop(form_of);

        let mut sets = UnionFind::new(index.quotes.len());
        // Joins the quotations of forms `f` and `g`, whose words join by `rule`, that the
        // credits allow; the shorter form's length decides (see `join::credits_allow`).
        let join_forms = |sets: &mut UnionFind, f: usize, g: usize, rule: JoinRule| {
            let words = form_words[f].len().min(form_words[g].len());
            let saying = || forms[f].iter().chain(&forms[g]).any(|&q| credit::saying(index, q));
            if words >= SHORT_QUOTE_WORDS && (rule == JoinRule::SameWords || !saying()) {
                // Long enough to join whatever the credits (a saying aside): all join the first.
                for &q in forms[f].iter().chain(&forms[g]) {
                    sets.union(forms[f][0], q);
                }
                return;
            }
            for (i, &q) in forms[f].iter().enumerate() {
                let others = if f == g { &forms[g][i + 1..] } else { &forms[g][..] };
                for &r in others {
                    if join::credits_allow(rule, words, credit::credits(index, q, r)) {
                        sets.union(q, r);
                    }
                }
            }
        };
        for f in 0..forms.len() {
            join_forms(&mut sets, f, f, JoinRule::SameWords);
        }
        for (f, g) in candidates::candidate_pairs(&form_words) {
            let (f, g) = (f as usize, g as usize);
            if let Some(rule) = join::words_join(&words[forms[f][0]], &words[forms[g][0]]) {
                join_forms(&mut sets, f, g, rule);
            }
        }

        let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
        for f in &forms {
            for &q in f {
                clusters.entry(sets.find(q)).or_default().push(q);
            }
        }
        let mut trails: Vec<Trail> = clusters
            .into_values()
            .filter(|qs| {
                let first = index.quotes[qs[0]].article;
                qs.iter().any(|&q| index.quotes[q].article != first)
            })
            .map(|qs| trail(corpus, index, &words, qs))
            .collect();
        trails.sort_by(|a, b| {
            b.outlets.cmp(&a.outlets).then(b.occurrences.len().cmp(&a.occurrences.len())).then_with(|| appearance_key(corpus, index, a.first().quote).cmp(&appearance_key(corpus, index, b.first().quote)))
        });
        Trails { trails }
    }

    /// The trail holding quotation `quote` (index into [`QuoteIndex::quotes`]), if any.
    pub fn of_quote(&self, quote: usize) -> Option<usize> {
        self.trails.iter().position(|t| t.occurrences.iter().any(|o| o.quote == quote))
    }

    /// The trails whose words speaker `speaker` said — the trail credits them, or one of the
    /// outlets does — widest first: which of their quotations travelled furthest.
    pub fn of_speaker(&self, index: &QuoteIndex, speaker: usize) -> Vec<usize> {
        (0..self.trails.len())
            .filter(|&t| {
                let trail = &self.trails[t];
                trail.speaker == Some(speaker) || trail.occurrences.iter().any(|o| index.quotes[o.quote].speaker == Some(speaker))
            })
            .collect()
    }
}

/// Date, outlet, article id and position: the order of appearance.
fn appearance_key<'c>(corpus: &'c Corpus, index: &QuoteIndex, q: usize) -> (crate::Date, &'c str, &'c str, u32) {
    let quote = &index.quotes[q];
    let a = &corpus.articles[quote.article];
    (a.meta.published, a.meta.outlet.as_str(), a.id.as_str(), quote.span.start)
}

/// The trail of a cluster of quotations.
fn trail(corpus: &Corpus, index: &QuoteIndex, words: &[QuoteWords], mut quotes: Vec<usize>) -> Trail {
    quotes.sort_by_key(|&q| appearance_key(corpus, index, q));
    let longest = (0..quotes.len()).max_by(|&a, &b| words[quotes[a]].len().cmp(&words[quotes[b]].len()).then(b.cmp(&a))).unwrap_or(0);
    let long = &words[quotes[longest]];
    let (speaker, credits) = credit::credit(index, &quotes);
    let mut outlets: Vec<&str> = quotes.iter().map(|&q| corpus.articles[index.quotes[q].article].meta.outlet.as_str()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let occurrences = quotes
        .iter()
        .zip(credits)
        .map(|(&q, credit)| {
            let own = &words[q];
            let changes = diff::changes(&own.ids, &long.ids).into_iter().map(|c| Change { kind: c.kind, words: span_of(&own.spans, c.words), longest: span_of(&long.spans, c.longest) }).collect();
            Occurrence { quote: q, changes, credit }
        })
        .collect();
    Trail { occurrences, longest, outlets: outlets.len(), speaker }
}

/// The byte span covering words `range` of `spans`; for an empty range, the empty span where
/// its words would stand (after the word before it, else before the word after it).
fn span_of(spans: &[Span], range: std::ops::Range<usize>) -> Span {
    if range.is_empty() {
        return match (range.start.checked_sub(1).and_then(|i| spans.get(i)), spans.get(range.start)) {
            (Some(before), _) => Span { start: before.end, end: before.end },
            (None, Some(after)) => Span { start: after.start, end: after.start },
            (None, None) => Span::default(),
        };
    }
    Span { start: spans[range.start].start, end: spans[range.end - 1].end }
}

/// Disjoint sets of quotation indexes (path halving, union by size).
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n as u32).collect(), size: vec![1; n] }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a as u32;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests;
