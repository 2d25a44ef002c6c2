//! The joining rules: when two quotations from different reports are one quotation.
//!
//! After normalising (see `words`), two quotations join when
//! 1. **same words**: they are identical; or
//! 2. **contained**: the shorter one is a run of the longer one's words, up to one word
//!    altered, added or dropped per [`WORDS_PER_EDIT`] words of the shorter one (a trimmed or
//!    extended quotation, a word changed in passing); or
//! 3. **shared run**: they share a run of at least [`SHARED_RUN_WORDS`] consecutive words that
//!    is at least half of the shorter one (two excerpts of one statement that overlap).
//!
//! and, whatever the rule, both have at least [`MIN_QUOTE_WORDS`] words, and a quotation
//! shorter than [`SHORT_QUOTE_WORDS`] does not join one that its article credits to a name
//! that cannot be the same speaker (`speakers_conflict`). A paraphrase shares too few words in
//! a row; two statements that share a stock phrase share less than half of the shorter one.

use super::words::QuoteWords;

/// Quotations shorter than this never join: short sentences recur by coincidence ("we are
/// about to die", "I don't know what to say", "this is a disgrace") and say nothing about
/// where the words came from. Eight words is where an exact repeat by two people stops being
/// ordinary.
pub const MIN_QUOTE_WORDS: usize = 8;

/// One edit (a word altered, added or dropped) is allowed per this many words of the shorter
/// quotation, so an 8- or 9-word quotation must be contained exactly and a 10-word one may
/// differ by one word: a tenth of the words changed is still visibly the same sentence, more
/// is a paraphrase.
pub const WORDS_PER_EDIT: usize = 10;

/// Two quotations that overlap without either containing the other join on a shared run of
/// this many consecutive words, the run MemeTracker (Leskovec et al. 2009) links variants by.
pub const SHARED_RUN_WORDS: usize = 10;

/// A shared run must also be at least this share of the shorter quotation (in percent): a
/// ten-word stock phrase inside two different thirty-word statements is not one quotation.
pub const SHARED_RUN_PERCENT: usize = 50;

/// Below this many words a quotation is ordinary enough that two named speakers who cannot
/// be the same person make a coincidence likelier than a copy, so their words do not join
/// (longer quotations join regardless of credit: misattribution is part of a trail's story).
pub const SHORT_QUOTE_WORDS: usize = 15;

/// Which rule joined two quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinRule {
    SameWords,
    Contained,
    SharedRun,
}

/// The rule by which `a` and `b` are one quotation, if any. `conflict` says whether their
/// articles credit them to speakers that cannot be the same (see [`SHORT_QUOTE_WORDS`]).
pub(super) fn join(a: &QuoteWords, b: &QuoteWords, conflict: bool) -> Option<JoinRule> {
    let (short, long) = if a.len() <= b.len() { (&a.ids, &b.ids) } else { (&b.ids, &a.ids) };
    if short.len() < MIN_QUOTE_WORDS || (conflict && short.len() < SHORT_QUOTE_WORDS) {
        return None;
    }
    if short == long {
        return Some(JoinRule::SameWords);
    }
    if contained_edits(short, long, short.len() / WORDS_PER_EDIT) {
        return Some(JoinRule::Contained);
    }
    let run = longest_common_run(short, long);
    (run >= SHARED_RUN_WORDS && run * 100 >= short.len() * SHARED_RUN_PERCENT).then_some(JoinRule::SharedRun)
}

/// Whether `short` matches some run of `long` with at most `max_edits` word edits
/// (semi-global edit distance: words of `long` before and after the match are free).
/// Rows of the table end early once every cell exceeds `max_edits`.
fn contained_edits(short: &[u32], long: &[u32], max_edits: usize) -> bool {
    // row[j]: edits to match short[..i] ending at long[..j].
    let mut row = vec![0usize; long.len() + 1];
    let mut next = vec![0usize; long.len() + 1];
    for (i, &w) in short.iter().enumerate() {
        next[0] = i + 1;
        let mut best = next[0];
        for j in 0..long.len() {
            let substitute = row[j] + usize::from(long[j] != w);
            next[j + 1] = substitute.min(row[j + 1] + 1).min(next[j] + 1);
            best = best.min(next[j + 1]);
        }
        if best > max_edits {
            return false;
        }
        std::mem::swap(&mut row, &mut next);
    }
    row.iter().any(|&e| e <= max_edits)
}

/// The length of the longest run of consecutive words both share.
fn longest_common_run(a: &[u32], b: &[u32]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::words::Vocabulary;
    use super::*;
    use crate::model::Span;

    fn rule(a: &str, b: &str) -> Option<JoinRule> {
        let mut v = Vocabulary::default();
        let (a, b) = (v.words(a, Span::new(0, a.len())), v.words(b, Span::new(0, b.len())));
        join(&a, &b, false)
    }

    const STATEMENT: &str = "The people of this city will not be intimidated, and we will rebuild every school that was damaged before the winter comes.";

    #[test]
    fn same_words_after_normalising_join() {
        let printed = "“The people of this city will NOT be intimidated — and we will rebuild every school that was damaged before the winter comes”";
        assert_eq!(rule(STATEMENT, printed), Some(JoinRule::SameWords));
    }

    #[test]
    fn a_trimmed_quotation_joins_its_full_form() {
        assert_eq!(rule(STATEMENT, "we will rebuild every school that was damaged before the winter comes"), Some(JoinRule::Contained));
    }

    #[test]
    fn an_extended_quotation_joins_the_shorter_one() {
        let extended = format!("{STATEMENT} We owe that to the children, and to the teachers who stayed.");
        assert_eq!(rule(&extended, STATEMENT), Some(JoinRule::Contained));
    }

    #[test]
    fn one_word_altered_joins() {
        let altered = "The people of this town will not be intimidated, and we will rebuild every school that was damaged before the winter comes.";
        assert_eq!(rule(STATEMENT, altered), Some(JoinRule::Contained));
        // Trimmed and altered at once: still within one edit per ten words of the shorter.
        assert_eq!(rule(STATEMENT, "we will rebuild each school that was damaged before the winter comes"), Some(JoinRule::Contained));
    }

    #[test]
    fn too_many_altered_words_do_not_join() {
        // Ten words, two of them altered: more than one edit per ten words.
        let a = "we will rebuild every school that was damaged this winter";
        let b = "we will repair every school that was flooded this winter";
        assert_eq!(rule(a, b), None);
    }

    #[test]
    fn overlapping_excerpts_join_on_a_long_shared_run() {
        let a = "Our budget is balanced for the first time in a decade and the reserves are full again.";
        let b = "For the first time in a decade and the reserves are full again, which means taxes can fall next spring for every family.";
        assert_eq!(rule(a, b), Some(JoinRule::SharedRun));
    }

    #[test]
    fn a_paraphrase_does_not_join() {
        let paraphrase = "This city's people won't be frightened, and every damaged school is going to be rebuilt before winter.";
        assert_eq!(rule(STATEMENT, paraphrase), None);
    }

    #[test]
    fn two_statements_sharing_a_stock_phrase_do_not_join() {
        let a = "Our thoughts and prayers are with the families of the victims tonight, and the department will publish every finding of its inquiry as soon as the investigators have finished their work.";
        let b = "Our thoughts and prayers are with the families of the victims tonight, but this senator will keep voting against a bill that punishes lawful owners for the acts of criminals.";
        assert_eq!(rule(a, b), None);
        // The same stock phrase quoted alone is contained in both, but too short to join
        // two named speakers who cannot be the same person.
        let mut v = Vocabulary::default();
        let phrase = "our thoughts and prayers are with the families of the victims";
        let (p, full) = (v.words(phrase, Span::new(0, phrase.len())), v.words(a, Span::new(0, a.len())));
        assert_eq!(join(&p, &full, true), None);
        assert_eq!(join(&p, &full, false), Some(JoinRule::Contained));
    }

    #[test]
    fn short_quotations_never_join_even_when_identical() {
        // The seeds' case: two residents, two outlets, the same five words.
        assert_eq!(rule("We are about to die", "“We are about to die.”"), None);
        assert_eq!(rule("I don't know what to say now", "I don't know what to say now"), None);
        assert_eq!(rule("we have to find out what happened here", "We have to find out what happened here"), Some(JoinRule::SameWords));
    }

    #[test]
    fn a_short_quotation_credited_to_incompatible_speakers_does_not_join() {
        let mut v = Vocabulary::default();
        let s = "we have to find out what happened here";
        let (a, b) = (v.words(s, Span::new(0, s.len())), v.words(s, Span::new(0, s.len())));
        assert_eq!(join(&a, &b, true), None);
        let long = v.words(STATEMENT, Span::new(0, STATEMENT.len()));
        assert_eq!(join(&long, &long.clone(), true), Some(JoinRule::SameWords));
    }

    #[test]
    fn semi_global_distance_counts_only_the_matched_run() {
        let ids = |s: &str| s.split(' ').map(|w| w.bytes().next().unwrap() as u32).collect::<Vec<_>>();
        assert!(contained_edits(&ids("c d e"), &ids("a b c d e f"), 0));
        assert!(contained_edits(&ids("c x e"), &ids("a b c d e f"), 1));
        assert!(!contained_edits(&ids("c x y"), &ids("a b c d e f"), 1));
        assert_eq!(longest_common_run(&ids("a b c d"), &ids("x b c d y")), 3);
    }
}
