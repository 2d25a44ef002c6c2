//! Candidate pairs: forms (distinct normalised word sequences) that share a run of
//! [`CANDIDATE_RUN_WORDS`] consecutive words. Every run is hashed once and the hashes sorted,
//! so the work grows with the number of words, not with the square of the quotations; only
//! forms that meet in some run are ever compared.

use std::hash::{Hash, Hasher};

/// The run length that candidates share. Every pair the joining rules accept shares a run this
/// long: the shortest joinable quotation (8 words) must be contained exactly, and one edit per
/// ten words leaves an unchanged run of at least five words in anything of ten words or more.
pub const CANDIDATE_RUN_WORDS: usize = 5;

/// A run shared by more distinct forms than this is a stock phrase ("I don't think that", "at
/// the end of the day"): comparing every form holding it would cost the square of its count
/// and join nothing the rules accept that rarer runs do not already bring together. Forms are
/// distinct word sequences, so a quotation printed word for word by hundreds of outlets is
/// one form and still meets its variants.
pub const MAX_FORMS_PER_RUN: usize = 48;

/// Pairs `(a, b)` with `a < b` of indexes into `forms` that share a run, each pair once, in
/// order.
pub(super) fn candidate_pairs(forms: &[&[u32]]) -> Vec<(u32, u32)> {
    let mut runs: Vec<(u64, u32)> = Vec::new();
    for (f, words) in forms.iter().enumerate() {
        for run in words.windows(CANDIDATE_RUN_WORDS) {
            runs.push((run_hash(run), f as u32));
        }
    }
    runs.sort_unstable();
    runs.dedup();
    let mut pairs = Vec::new();
    for group in runs.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 || group.len() > MAX_FORMS_PER_RUN {
            continue;
        }
        for (i, &(_, a)) in group.iter().enumerate() {
            pairs.extend(group[i + 1..].iter().map(|&(_, b)| (a, b)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn run_hash(run: &[u32]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    run.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_meet_only_through_a_shared_run() {
        let a: Vec<u32> = (0..12).collect();
        let b: Vec<u32> = (7..20).collect(); // shares 7..12: five words
        let c: Vec<u32> = (8..30).collect(); // shares 8..12 with a (four words), 8..20 with b
        let d: Vec<u32> = vec![0, 1, 2, 3];
        let pairs = candidate_pairs(&[&a, &b, &c, &d]);
        assert_eq!(pairs, [(0, 1), (1, 2)]);
    }

    #[test]
    fn a_run_in_too_many_forms_is_skipped() {
        let forms: Vec<Vec<u32>> = (0..=MAX_FORMS_PER_RUN as u32).map(|f| vec![1, 2, 3, 4, 5, 1000 + f]).collect();
        let refs: Vec<&[u32]> = forms.iter().map(|f| f.as_slice()).collect();
        assert!(candidate_pairs(&refs).is_empty());
        assert_eq!(candidate_pairs(&refs[..MAX_FORMS_PER_RUN]).len(), MAX_FORMS_PER_RUN * (MAX_FORMS_PER_RUN - 1) / 2);
    }
}
