//! The joining rules: when two quotations from different reports are one quotation.
//!
//! After normalising (see `words`), two quotations join when their words say so —
//! 1. **same words**: they are identical; or
//! 2. **contained**: the shorter one is a run of the longer one's words, up to one word
//!    altered, added or dropped per [`WORDS_PER_EDIT`] words of the shorter one (a trimmed or
//!    extended quotation, a word changed in passing); or
//! 3. **shared run**: they share a run of at least [`SHARED_RUN_WORDS`] consecutive words, at
//!    least half of the shorter one, and on each side of it either one of them stops (up to
//!    [`RUN_EDGE_SLACK`] words) or the two go on with mostly the same words (two overlapping
//!    excerpts of one statement, or variants with more changes than rule 2 allows) —
//!
//! and the speakers their articles credit allow it, by the length of the shorter one:
//! under [`MIN_QUOTE_WORDS`] never; under [`WORDS_ALONE`] a part of another quotation only
//! when both name speakers that can be one person (the same words, boundaries and all, need
//! no more than the next rule); under [`SHORT_QUOTE_WORDS`] unless both name speakers that
//! cannot be one; from there on whatever the credits say — except that a quotation credited to
//! a saying ("the old adage") joins only the same words. A paraphrase shares too few words in a row;
//! two statements that share a stock phrase share less than half of the shorter one, and a
//! stock phrase quoted alone is too short to join on its words.

use super::words::QuoteWords;

/// Quotations shorter than this never join: short sentences recur by coincidence ("we are
/// about to die", "I don't know what to say", "this is a disgrace") and say nothing about
/// where the words came from.
pub const MIN_QUOTE_WORDS: usize = 8;

/// From this many words on, the words alone can join a quotation to a longer one that
/// contains or overlaps it (MemeTracker, Leskovec et al. 2009, links variants on runs of
/// about ten words); a shorter part (8 or 9 words: "the people of the United States of
/// America", "to overturn the results of the 2016 election", stock phrases inside many
/// statements) also needs both articles to name speakers that can be one. Two whole
/// quotations of 8 or 9 identical words ("What difference, at this point, does it make?")
/// are stronger evidence: their boundaries agree too.
pub const WORDS_ALONE: usize = 10;

/// One edit (a word altered, added or dropped) is allowed per this many words of the shorter
/// quotation, so an 8- or 9-word quotation must be contained exactly and a 10-word one may
/// differ by one word: a tenth of the words changed is still visibly the same sentence, more
/// is a paraphrase.
pub const WORDS_PER_EDIT: usize = 10;

/// Two quotations that overlap without either containing the other join on a shared run of
/// this many consecutive words.
pub const SHARED_RUN_WORDS: usize = 10;

/// Words a quotation may have beside a shared run and still stop there (an outlet's "And" or
/// "But" before the words, a trailing "he said" inside the marks). Beyond that, both must go
/// on alike: two different sentences that end alike ("…deprived of life, liberty or property
/// without due process of law" in the Fifth and the Fourteenth Amendment) or begin alike
/// ("Our thoughts and prayers are with the families of the victims…") go on differently on the
/// other side of the shared words, which two printings of one statement do not.
pub const RUN_EDGE_SLACK: usize = 2;

/// A shared run must also be at least this share of the shorter quotation (in percent): a
/// ten-word stock phrase inside two different thirty-word statements is not one quotation.
pub const SHARED_RUN_PERCENT: usize = 50;

/// Below this many words a quotation is ordinary enough that two named speakers who cannot
/// be the same person make a coincidence likelier than a copy, so their words do not join
/// (longer quotations join regardless of credit: misattribution is part of a trail's story).
pub const SHORT_QUOTE_WORDS: usize = 15;

/// Quotations longer than this join only a copy with the same words: comparing two of them
/// word by word costs the product of their lengths, and a quotation this long is an extraction
/// failure (a missing closing mark running to the end of a text), not words anyone repeated.
/// The 10k bench corpus's longest quotation has 288 words.
pub const MAX_COMPARED_WORDS: usize = 1_000;

/// How the speakers two articles credit stand to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credits {
    /// Both name a person or organisation, and the two can be one.
    Compatible,
    /// Both name a person or organisation, and the two cannot be one.
    Conflicting,
    /// At least one credits nobody, or an unnamed source.
    Unknown,
    /// At least one credits a saying ("the old adage"): words that belong to everyone, so a
    /// statement that uses them is not a copy of the saying, nor the saying a trimmed copy of
    /// the statement. Only the same words join.
    Saying,
}

/// Which rule joined two quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinRule {
    SameWords,
    Contained,
    SharedRun,
}

/// The rule by which the words of `a` and `b` make them one quotation, if any (the credits
/// are not looked at: see [`credits_allow`]).
pub(super) fn words_join(a: &QuoteWords, b: &QuoteWords) -> Option<JoinRule> {
    let (short, long) = if a.len() <= b.len() { (&a.ids, &b.ids) } else { (&b.ids, &a.ids) };
    if short.len() < MIN_QUOTE_WORDS {
        return None;
    }
    if short == long {
        return Some(JoinRule::SameWords);
    }
    if long.len() > MAX_COMPARED_WORDS {
        return None;
    }
    if contained_edits(short, long, short.len() / WORDS_PER_EDIT) {
        return Some(JoinRule::Contained);
    }
    shared_run(short, long).then_some(JoinRule::SharedRun)
}

/// Whether the credits let two quotations join by `rule` whose shorter one has `words` words.
pub(super) fn credits_allow(rule: JoinRule, words: usize, credits: Credits) -> bool {
    match credits {
        _ if words < MIN_QUOTE_WORDS => false,
        Credits::Compatible => true,
        Credits::Unknown => words >= WORDS_ALONE || rule == JoinRule::SameWords,
        Credits::Conflicting => words >= SHORT_QUOTE_WORDS,
        Credits::Saying => rule == JoinRule::SameWords,
    }
}

/// The rule by which `a` and `b`, credited as `credits` says, are one quotation, if any.
#[cfg(test)]
fn join(a: &QuoteWords, b: &QuoteWords, credits: Credits) -> Option<JoinRule> {
    words_join(a, b).filter(|&rule| credits_allow(rule, a.len().min(b.len()), credits))
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

/// Whether `a` and `b` (`a` the shorter) share a run of at least [`SHARED_RUN_WORDS`] words and
/// [`SHARED_RUN_PERCENT`] of `a` on whose both sides they agree (see [`sides_agree`]).
fn shared_run(a: &[u32], b: &[u32]) -> bool {
    // cur[j + 1]: length of the common run ending at a[i] and b[j].
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            let run = if x == y { prev[j] + 1 } else { 0 };
            cur[j + 1] = run;
            let maximal = a.get(i + 1).is_none() || b.get(j + 1).is_none() || a[i + 1] != b[j + 1];
            if maximal && run >= SHARED_RUN_WORDS && run * 100 >= a.len() * SHARED_RUN_PERCENT {
                let (a_start, b_start) = (i + 1 - run, j + 1 - run);
                if sides_agree(&a[..a_start], &b[..b_start]) && sides_agree(&a[i + 1..], &b[j + 1..]) {
                    return true;
                }
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    false
}

/// Whether the words two quotations have on one side of a shared run fit one statement: one
/// of them stops there (at most [`RUN_EDGE_SLACK`] words), or the shorter side's words are
/// mostly (half or more, in order) among the longer side's.
fn sides_agree(x: &[u32], y: &[u32]) -> bool {
    let shorter = x.len().min(y.len());
    shorter <= RUN_EDGE_SLACK || 2 * common_subsequence(x, y) >= shorter
}

/// The length of the longest common subsequence of `x` and `y`.
fn common_subsequence(x: &[u32], y: &[u32]) -> usize {
    let mut prev = vec![0usize; y.len() + 1];
    let mut cur = vec![0usize; y.len() + 1];
    for &a in x {
        for (j, &b) in y.iter().enumerate() {
            cur[j + 1] = if a == b { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[y.len()]
}

#[cfg(test)]
mod tests {
    use super::super::words::Vocabulary;
    use super::*;
    use crate::model::Span;

    fn rule(a: &str, b: &str) -> Option<JoinRule> {
        let mut v = Vocabulary::default();
        let (a, b) = (v.words(a, Span::new(0, a.len())), v.words(b, Span::new(0, b.len())));
        join(&a, &b, Credits::Unknown)
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
    fn two_sentences_that_end_or_begin_alike_do_not_join() {
        // The Fifth and the Fourteenth Amendment share their last ten words.
        let fifth = "No person shall be deprived of life, liberty or property without due process of law.";
        let fourteenth = "nor shall any State deprive any person of life, liberty, or property, without due process of law";
        assert_eq!(rule(fifth, fourteenth), None);
        let a = "Our thoughts and prayers are with the families of the victims tonight and with every officer who ran toward danger";
        let b = "Our thoughts and prayers are with the families of the victims tonight, and we demand that the Senate act";
        assert_eq!(rule(a, b), None);
    }

    #[test]
    fn variants_with_more_changes_join_on_a_shared_run_where_both_sides_agree() {
        let a = "Everybody wants the same goal, which is to keep the guns out of the hands of criminals and people who are mentally disabled";
        let b = "Everybody wants the same goal to keep the guns out of the hands of criminals and the mentally disabled.";
        assert_eq!(rule(a, b), Some(JoinRule::SharedRun));
        let ids = |s: &str| s.split(' ').map(|w| w.bytes().next().unwrap() as u32).collect::<Vec<_>>();
        assert_eq!(common_subsequence(&ids("a b c d"), &ids("a x c y d")), 3);
    }

    #[test]
    fn an_overlap_may_keep_a_word_or_two_beside_the_shared_run() {
        let a = "And our budget is balanced for the first time in a decade and the reserves are full again, he said";
        let b = "For the first time in a decade and the reserves are full again, which means taxes can fall next spring.";
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
        assert_eq!(join(&p, &full, Credits::Conflicting), None);
        assert_eq!(join(&p, &full, Credits::Unknown), Some(JoinRule::Contained));
    }

    #[test]
    fn a_saying_joins_only_the_same_words() {
        // The 10k bench corpus's case: one outlet quotes the adage alone, another a long
        // statement that ends with it. The statement uses the saying; it is not its source.
        let mut v = Vocabulary::default();
        let mut w = |s: &str| v.words(s, Span::new(0, s.len()));
        let adage = w("Fool me once, shame on you — fool me twice, shame on me.");
        let statement = w("The study looked solely at the cost of low-skilled immigrants to the government. Fool me once, shame on you. Fool me twice, shame on me.");
        assert_eq!(join(&adage, &statement, Credits::Unknown), Some(JoinRule::Contained));
        assert_eq!(join(&adage, &statement, Credits::Saying), None);
        assert_eq!(join(&adage, &adage.clone(), Credits::Saying), Some(JoinRule::SameWords));
    }

    #[test]
    fn short_quotations_never_join_even_when_identical() {
        // The seeds' case: two residents, two outlets, the same five words.
        assert_eq!(rule("We are about to die", "“We are about to die.”"), None);
        let mut v = Vocabulary::default();
        let s = "I don't know what to say";
        let (a, b) = (v.words(s, Span::new(0, s.len())), v.words(s, Span::new(0, s.len())));
        assert_eq!(join(&a, &b, Credits::Compatible), None);
    }

    #[test]
    fn eight_or_nine_words_inside_another_quotation_join_only_speakers_that_can_be_one() {
        let mut v = Vocabulary::default();
        let mut w = |s: &str| v.words(s, Span::new(0, s.len()));
        let phrase = w("the people of the United States of America");
        let statement = w("sincere apologies to President Obama and to the people of the United States of America");
        assert_eq!(join(&phrase, &statement, Credits::Unknown), None);
        assert_eq!(join(&phrase, &statement, Credits::Compatible), Some(JoinRule::Contained));
        // The same eight words as a whole quotation: boundaries agree, so no credit is needed,
        // but two names that cannot be one still keep them apart.
        assert_eq!(join(&phrase, &phrase.clone(), Credits::Unknown), Some(JoinRule::SameWords));
        assert_eq!(join(&phrase, &phrase.clone(), Credits::Conflicting), None);
        // Ten words join on their words alone.
        let ten = w("we have to find out what happened here last night");
        assert_eq!(join(&ten, &ten.clone(), Credits::Unknown), Some(JoinRule::SameWords));
    }

    #[test]
    fn a_short_quotation_credited_to_incompatible_speakers_does_not_join() {
        let mut v = Vocabulary::default();
        let s = "we have to find out what happened here last night";
        let (a, b) = (v.words(s, Span::new(0, s.len())), v.words(s, Span::new(0, s.len())));
        assert_eq!(join(&a, &b, Credits::Conflicting), None);
        assert_eq!(join(&a, &b, Credits::Compatible), Some(JoinRule::SameWords));
        let long = v.words(STATEMENT, Span::new(0, STATEMENT.len()));
        assert_eq!(join(&long, &long.clone(), Credits::Conflicting), Some(JoinRule::SameWords));
    }

    #[test]
    fn an_overlong_quotation_joins_only_its_exact_copy() {
        let text: String = (0..MAX_COMPARED_WORDS + 1).map(|i| format!("w{i} ")).collect();
        let altered = text.replacen("w7 ", "x7 ", 1);
        let mut v = Vocabulary::default();
        let (a, b, c) = (v.words(&text, Span::new(0, text.len())), v.words(&text, Span::new(0, text.len())), v.words(&altered, Span::new(0, altered.len())));
        assert_eq!(words_join(&a, &b), Some(JoinRule::SameWords));
        assert_eq!(words_join(&a, &c), None);
    }

    #[test]
    fn semi_global_distance_counts_only_the_matched_run() {
        let ids = |s: &str| s.split(' ').map(|w| w.bytes().next().unwrap() as u32).collect::<Vec<_>>();
        assert!(contained_edits(&ids("c d e"), &ids("a b c d e f"), 0));
        assert!(contained_edits(&ids("c x e"), &ids("a b c d e f"), 1));
        assert!(!contained_edits(&ids("c x y"), &ids("a b c d e f"), 1));

    }
}
