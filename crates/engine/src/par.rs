//! An order-keeping parallel map for the build's per-article and per-shard work.
//!
//! Reading and structuring each text, finding its quotations, cutting its card and
//! compressing each shard depend on that one item alone, and together they are most of a
//! build (10k reports: about 18 of 24 s on one core), so they spread over the machine's
//! cores. The answer is the same, in the same order, whatever the number of threads: a
//! build's shards and their names never depend on the machine.
//!
//! Plain `std` threads, no thread pool crate: the work is a few coarse loops. On a target
//! without threads (the browser's wasm), or with `DISPATCHES_THREADS=1`, the map runs
//! in place.

use std::sync::Mutex;

/// How many threads a map uses: `DISPATCHES_THREADS` when set to a number ≥ 1, otherwise
/// the cores the system reports (1 where it reports none).
pub fn threads() -> usize {
    if let Some(n) = std::env::var("DISPATCHES_THREADS").ok().and_then(|v| v.trim().parse::<usize>().ok()).filter(|&n| n >= 1) {
        return n;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `items.map(f).collect()`, computed on [`threads`] threads; results in the items' order.
pub fn map<I, R, F>(items: I, f: F) -> Vec<R>
where
    I: Iterator + Send,
    I::Item: Send,
    R: Send,
    F: Fn(I::Item) -> R + Sync,
{
    map_on(threads(), items, f)
}

/// [`map`] on `threads` threads.
pub fn map_on<I, R, F>(threads: usize, items: I, f: F) -> Vec<R>
where
    I: Iterator + Send,
    I::Item: Send,
    R: Send,
    F: Fn(I::Item) -> R + Sync,
{
    if threads <= 1 {
        return items.map(f).collect();
    }
    // Each thread takes the next item as it finishes one, so uneven items (a long report, a
    // large shard) balance themselves; the lock is held only to take an item.
    let source = Mutex::new(items.enumerate());
    let next = || source.lock().unwrap_or_else(|e| e.into_inner()).next();
    let done: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    while let Some((i, item)) = next() {
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        // A panic in `f` is a bug; it surfaces here as it would have without threads.
        workers.into_iter().map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(done.iter().map(Vec::len).sum()).collect();
    for (i, r) in done.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots.into_iter().map(|r| r.expect("every item was mapped once")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_number_of_threads_gives_the_same_answer_in_order() {
        let items: Vec<u64> = (0..1000).map(|i| (i * 7919) % 1013).collect();
        // Uneven work, so threads finish items out of order.
        let work = |x: &u64| (0..*x % 97).fold(*x, |a, b| a.wrapping_mul(31).wrapping_add(b));
        let one = map_on(1, items.iter(), work);
        for threads in [2, 3, 8] {
            assert_eq!(map_on(threads, items.iter(), work), one, "{threads} threads");
        }
        assert_eq!(one.len(), items.len());
        assert!(map_on(4, std::iter::empty::<u8>(), |x| x).is_empty());
    }

    #[test]
    fn owned_items_move_into_the_map() {
        let items: Vec<String> = (0..50).map(|i| "x".repeat(i)).collect();
        assert_eq!(map_on(3, items.into_iter(), |s| s.len()), (0..50).collect::<Vec<_>>());
    }
}
