//! How one occurrence's words differ from the trail's longest form: a word-level edit script
//! (Levenshtein alignment), its non-matching stretches read as words omitted, added or changed.

use serde::{Deserialize, Serialize};

/// What an occurrence did to the longest form's words at one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// Words of the longest form this occurrence leaves out (trimmed ends included).
    Omitted,
    /// Words this occurrence has that the longest form does not.
    Added,
    /// Words of the longest form this occurrence prints differently.
    Changed,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Omitted => "omitted",
            ChangeKind::Added => "added",
            ChangeKind::Changed => "changed",
        }
    }
}

/// One stretch of difference, as word ranges: `words` into the occurrence's words (empty for
/// omitted words: where they would stand), `longest` into the longest form's words (empty
/// for added words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct WordChange {
    pub kind: ChangeKind,
    pub words: std::ops::Range<usize>,
    pub longest: std::ops::Range<usize>,
}

/// Above this many table cells (occurrence words × longest-form words) the alignment is not
/// computed cell by cell: the common start and end are matched and the middle is one change.
/// Quotations of a few hundred words stay far below it; it bounds time and memory for a
/// pathological quotation of thousands.
const MAX_ALIGN_CELLS: usize = 4_000_000;

/// What replacing one word costs in the alignment: as much as dropping one and adding another,
/// so the alignment keeps the longest common words in order (a longest common subsequence)
/// rather than pairing unrelated words off one by one. An occurrence that is another excerpt of
/// the statement (joined through a third report) then reads as its own words added and the
/// longest form's omitted around the run they share; a dropped word next to an added one is
/// still one changed stretch.
const SUBSTITUTION: u32 = 2;

/// The changes that turn `longest` into `words`, in order.
pub(super) fn changes(words: &[u32], longest: &[u32]) -> Vec<WordChange> {
    let (n, m) = (words.len(), longest.len());
    // Steps of the edit script, from the end: (advances in words, advances in longest, matched).
    let mut steps: Vec<(bool, bool, bool)> = Vec::new();
    if (n + 1) * (m + 1) > MAX_ALIGN_CELLS {
        let prefix = words.iter().zip(longest).take_while(|(a, b)| a == b).count();
        let suffix = words[prefix..].iter().rev().zip(longest[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
        steps.extend(std::iter::repeat_n((true, true, true), suffix));
        steps.extend(std::iter::repeat_n((true, false, false), n - prefix - suffix));
        steps.extend(std::iter::repeat_n((false, true, false), m - prefix - suffix));
        steps.extend(std::iter::repeat_n((true, true, true), prefix));
    } else {
        let w = m + 1;
        let mut cost = vec![0u32; (n + 1) * w];
        for i in 0..=n {
            for j in 0..=m {
                cost[i * w + j] = match (i, j) {
                    (0, _) => j as u32,
                    (_, 0) => i as u32,
                    _ => {
                        let diagonal = cost[(i - 1) * w + j - 1] + SUBSTITUTION * u32::from(words[i - 1] != longest[j - 1]);
                        diagonal.min(cost[(i - 1) * w + j] + 1).min(cost[i * w + j - 1] + 1)
                    }
                };
            }
        }
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let here = cost[i * w + j];
            if i > 0 && j > 0 && words[i - 1] == longest[j - 1] && here == cost[(i - 1) * w + j - 1] {
                steps.push((true, true, true));
                (i, j) = (i - 1, j - 1);
            } else if j > 0 && here == cost[i * w + j - 1] + 1 {
                // Ties go to a gap before a substitution, so a shifted word reads as one
                // word added and one omitted, not as a run of changed words.
                steps.push((false, true, false));
                j -= 1;
            } else if i > 0 && here == cost[(i - 1) * w + j] + 1 {
                steps.push((true, false, false));
                i -= 1;
            } else {
                steps.push((true, true, false));
                (i, j) = (i - 1, j - 1);
            }
        }
    }
    steps.reverse();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut open: Option<(usize, usize)> = None;
    for (in_words, in_longest, matched) in steps.into_iter().chain(std::iter::once((false, false, true))) {
        if matched {
            if let Some((i0, j0)) = open.take() {
                let kind = match (i > i0, j > j0) {
                    (true, true) => ChangeKind::Changed,
                    (true, false) => ChangeKind::Added,
                    _ => ChangeKind::Omitted,
                };
                out.push(WordChange { kind, words: i0..i, longest: j0..j });
            }
        } else {
            open.get_or_insert((i, j));
        }
        i += usize::from(in_words);
        j += usize::from(in_longest);
    }
    merge_close(out, n)
}

/// Fewer words than this in common between two changes do not split them (unless they are half
/// the occurrence or more): a lone "the" or "of the" that a different sentence happens to share
/// with the longest form is part of one changed stretch, not a run the reader should see as the
/// same words.
const MIN_SHARED_RUN: usize = 3;

/// Joins changes separated by fewer than [`MIN_SHARED_RUN`] matched words that are less than
/// half of the occurrence's `words` (a two-word occurrence inside the longest form stays two
/// matched words between two omissions).
fn merge_close(changes: Vec<WordChange>, words: usize) -> Vec<WordChange> {
    let mut out: Vec<WordChange> = Vec::with_capacity(changes.len());
    for c in changes {
        let gap = out.last().map_or(usize::MAX, |last: &WordChange| c.words.start - last.words.end);
        match out.last_mut() {
            Some(last) if gap < MIN_SHARED_RUN && 2 * gap < words => {
                last.words = last.words.start..c.words.end;
                last.longest = last.longest.start..c.longest.end;
                last.kind = match (last.words.is_empty(), last.longest.is_empty()) {
                    (false, false) => ChangeKind::Changed,
                    (false, true) => ChangeKind::Added,
                    _ => ChangeKind::Omitted,
                };
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<u32> {
        s.split(' ').filter(|w| !w.is_empty()).map(|w| w.bytes().fold(0u32, |h, b| h * 31 + u32::from(b))).collect()
    }

    fn kinds(a: &str, longest: &str) -> Vec<(ChangeKind, std::ops::Range<usize>, std::ops::Range<usize>)> {
        changes(&ids(a), &ids(longest)).into_iter().map(|c| (c.kind, c.words, c.longest)).collect()
    }

    #[test]
    fn identical_words_have_no_changes() {
        assert!(kinds("a b c", "a b c").is_empty());
    }

    #[test]
    fn trimmed_ends_are_omitted_words() {
        assert_eq!(kinds("c d", "a b c d e"), [(ChangeKind::Omitted, 0..0, 0..2), (ChangeKind::Omitted, 2..2, 4..5)]);
    }

    #[test]
    fn an_altered_word_is_changed_and_an_inserted_one_added() {
        assert_eq!(kinds("a x c d", "a b c d"), [(ChangeKind::Changed, 1..2, 1..2)]);
        assert_eq!(kinds("a b y c d e f", "a b c d e f g"), [(ChangeKind::Added, 2..3, 2..2), (ChangeKind::Omitted, 7..7, 6..7)]);
    }

    #[test]
    fn a_sibling_excerpt_keeps_the_run_it_shares() {
        // "w x" added before the shared "a b c d", "e f g" omitted after it: not words paired
        // off one by one as changed.
        assert_eq!(kinds("w x a b c d", "a b c d e f g"), [(ChangeKind::Added, 0..2, 0..0), (ChangeKind::Omitted, 6..6, 4..7)]);
    }

    #[test]
    fn words_shared_by_chance_between_changes_do_not_split_them() {
        assert_eq!(kinds("w a x b y", "p a q b r"), [(ChangeKind::Changed, 0..5, 0..5)]);
        // Three shared words do.
        assert_eq!(kinds("w a b c y", "p a b c r"), [(ChangeKind::Changed, 0..1, 0..1), (ChangeKind::Changed, 4..5, 4..5)]);
    }

    #[test]
    fn a_huge_pair_is_matched_at_its_ends_only() {
        let long: Vec<u32> = (0..3000).collect();
        let mut other = long.clone();
        other[1500] = 99_999;
        let c = changes(&other, &long);
        assert_eq!(c, [WordChange { kind: ChangeKind::Changed, words: 1500..1501, longest: 1500..1501 }]);
    }
}
