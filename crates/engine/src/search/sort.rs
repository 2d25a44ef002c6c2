//! Stable sorting that costs little wasm.
//!
//! The standard library's sorts are fast but large generic code (≈ 3–8 KB a use after
//! `wasm-opt -Oz`, ≈ 80 KB of the page's wasm for its ≈ 20 uses). On wasm these functions sort
//! with one shared, non-generic merge sort of indices and then move the elements into place, so
//! a use costs a few hundred bytes; elsewhere (the CLI, the build) they are the standard
//! library's stable sort. Both are stable, so the order is the same on every target.

use std::cmp::Ordering;

/// Stable sort by `cmp` (as `slice::sort_by`).
#[inline]
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        compact_sort_by(v, &mut cmp);
    } else {
        v.sort_by(cmp);
    }
}

/// Stable sort (as `slice::sort`); for a total order it equals `sort_unstable` too.
#[inline]
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

/// Stable sort by a key (as `slice::sort_by_key`).
#[inline]
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// The best `keep` elements by `cmp`, sorted; the others dropped. `cmp` must be a total order
/// (then this equals sorting and truncating).
#[inline]
pub fn sort_truncate_by<T>(v: &mut Vec<T>, keep: usize, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        compact_sort_truncate_by(v, keep, &mut cmp);
    } else {
        if keep < v.len() {
            v.select_nth_unstable_by(keep, &mut cmp);
        }
        v.truncate(keep);
        sort_by(v, cmp);
    }
}

/// [`sort_truncate_by`] on wasm: the best `keep` chosen in one pass, then the rest dropped. A
/// search keeps 200 of up to every article; sorting them all cost a keystroke several
/// milliseconds at 10,000 articles.
pub(crate) fn compact_sort_truncate_by<T>(v: &mut Vec<T>, keep: usize, cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    if keep >= v.len() {
        return compact_sort_by(v, cmp);
    }
    let perm = best_first(v.len(), keep, &mut |a, b| cmp(&v[a], &v[b]) == Ordering::Less);
    permute(v, perm);
    v.truncate(keep);
}

/// The indices `0..n`, the best `keep` first in stable sorted order (`less` as in
/// [`sorted_indices`]), then the others. The best are kept in a sorted buffer that a new
/// element enters only when it beats the buffer's last: about `n` comparisons, plus a binary
/// search for each of the few that enter.
fn best_first(n: usize, keep: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::with_capacity(keep + 1);
    for i in 0..n {
        if keep == 0 || best.len() == keep && !less(i, best[keep - 1]) {
            continue;
        }
        // After every kept element `i` does not beat: ties keep their order (stable).
        let at = best.partition_point(|&b| !less(i, b));
        best.insert(at, i);
        best.truncate(keep);
    }
    let mut chosen = vec![false; n];
    for &i in &best {
        chosen[i] = true;
    }
    best.extend((0..n).filter(|&i| !chosen[i]));
    best
}

/// The merge sort every target can run (tested against the standard library's).
pub(crate) fn compact_sort_by<T>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let perm = sorted_indices(v.len(), &mut |a, b| cmp(&v[a], &v[b]) == Ordering::Less);
    permute(v, perm);
}

/// The indices `0..n` in stable sorted order, `less(a, b)` telling whether element `a` comes
/// before element `b` (bottom-up merge sort; one copy for every element type).
fn sorted_indices(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut l, mut r, mut k) = (i, mid, i);
            while l < mid && r < end {
                // Ties take the left run first: stable.
                if less(a[r], a[l]) {
                    b[k] = a[r];
                    r += 1;
                } else {
                    b[k] = a[l];
                    l += 1;
                }
                k += 1;
            }
            b[k..k + mid - l].copy_from_slice(&a[l..mid]);
            k += mid - l;
            b[k..end].copy_from_slice(&a[r..end]);
            i = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Puts the element at `perm[i]` at `i`, following the permutation's cycles with swaps.
fn permute<T>(v: &mut [T], mut perm: Vec<usize>) {
    for i in 0..v.len() {
        let mut j = i;
        while perm[j] != usize::MAX {
            let k = std::mem::replace(&mut perm[j], usize::MAX);
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift64) for test data.
    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    #[test]
    fn compact_sort_equals_std_stable_sort() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for n in (0..40).chain([63, 64, 65, 200, 1000, 4097]) {
            for range in [2, 10, 1_000_000] {
                // (key, original index): equal keys show whether the sort is stable.
                let v: Vec<(u64, usize)> = (0..n).map(|i| (next() % range, i)).collect();
                let mut a = v.clone();
                let mut b = v.clone();
                a.sort_by(|x, y| y.0.cmp(&x.0));
                compact_sort_by(&mut b, &mut |x: &(u64, usize), y: &(u64, usize)| y.0.cmp(&x.0));
                assert_eq!(a, b, "n {n} range {range}");
            }
        }
        let mut w: Vec<u32> = (0..300).map(|_| (next() % 50) as u32).collect();
        let mut top = w.clone();
        let mut compact = w.clone();
        sort_truncate_by(&mut top, 20, |a, b| b.cmp(a));
        compact_sort_truncate_by(&mut compact, 20, &mut |a: &u32, b: &u32| b.cmp(a));
        w.sort_by(|a, b| b.cmp(a));
        assert_eq!(top, w[..20]);
        assert_eq!(compact, w[..20], "the wasm path keeps the best too");
    }

    #[test]
    fn the_compact_selection_keeps_the_stable_sorts_first_elements() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for n in [0, 1, 2, 5, 199, 200, 201, 1000, 8000] {
            for keep in [0, 1, 3, 200, 10_000] {
                for range in [3, 1_000_000] {
                    // Equal keys (small range) show whether ties keep their order.
                    let v: Vec<(u64, usize)> = (0..n).map(|i| (next() % range, i)).collect();
                    let mut sorted = v.clone();
                    sorted.sort_by(|x, y| y.0.cmp(&x.0));
                    sorted.truncate(keep);
                    let mut compact = v.clone();
                    compact_sort_truncate_by(&mut compact, keep, &mut |x: &(u64, usize), y: &(u64, usize)| y.0.cmp(&x.0));
                    assert_eq!(compact, sorted, "n {n} keep {keep} range {range}");
                }
            }
        }
    }
}
