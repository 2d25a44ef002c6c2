//! Date ranges on the timeline: which bars a range covers, and the range after a click, a
//! drag, Enter, or Shift with an arrow key. Bars are indices into a `bins` slice (chronological,
//! contiguous, as `bins::bins` makes them); no function here panics on an index out of range.

use super::bins::Bin;
use crate::components::text::long_date;
use dispatches_engine::Date;

/// The route's date range: `(from, to)`, each end optional.
pub type Range = (Option<Date>, Option<Date>);

/// The first and last bars overlapping `from..=to` (an open end reaches the corpus's edge);
/// None without a range or when it covers no bar (an inverted range, or one outside the corpus).
pub fn covered(bins: &[Bin], (from, to): Range) -> Option<(usize, usize)> {
    if from.is_none() && to.is_none() {
        return None;
    }
    let lo = from.map_or(0, |f| bins.partition_point(|b| b.end < f));
    let hi = to.map_or(bins.len(), |t| bins.partition_point(|b| b.start <= t));
    (lo < hi).then(|| (lo, hi - 1))
}

/// The bar holding `day`: the first or last bar for a day outside the bars.
pub fn bar_of(bins: &[Bin], day: Date) -> usize {
    bins.partition_point(|b| b.end < day).min(bins.len().saturating_sub(1))
}

/// The dates from bar `a` through bar `b` (either order).
pub fn span(bins: &[Bin], a: usize, b: usize) -> Range {
    let (lo, hi) = (a.min(b), a.max(b));
    match (bins.get(lo), bins.get(hi)) {
        (Some(first), Some(last)) => (Some(first.start), Some(last.end)),
        _ => (None, None),
    }
}

/// The range after choosing bar `i` alone (a click, Enter or Space): its period, or no range
/// when that period is already the only one chosen (each bar is a toggle button).
pub fn choose(bins: &[Bin], range: Range, i: usize) -> Range {
    if covered(bins, range) == Some((i, i)) {
        (None, None)
    } else {
        span(bins, i, i)
    }
}

/// The fixed end when the range is extended to bar `focus` (Shift with an arrow key, Home or
/// End; Shift+click): `stored`, the bar the range was started from, while it is still one of
/// the range's ends; else the end farther from `focus` (so the end nearer the focus moves);
/// without a range, `focus` itself.
pub fn anchor(covered: Option<(usize, usize)>, stored: Option<usize>, focus: usize) -> usize {
    match covered {
        None => focus,
        Some((lo, hi)) => match stored {
            Some(a) if a == lo || a == hi => a,
            _ if focus.abs_diff(lo) >= focus.abs_diff(hi) => lo,
            _ => hi,
        },
    }
}

/// The bar the focus moves to from bar `i` of `n` for a key, None for keys that do not move it.
pub fn moved(key: &str, i: usize, n: usize) -> Option<usize> {
    let last = n.checked_sub(1)?;
    match key {
        "ArrowRight" | "ArrowDown" => Some((i + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => Some(i.saturating_sub(1).min(last)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// The chosen range in words, "" without one: the line under the chart, which screen readers
/// hear when it changes. Dates only: the number of reports is the results' own status, and a
/// count here would be announced again on every keystroke of a query.
pub fn describe((from, to): Range) -> String {
    let dates = match (from, to) {
        (None, None) => return String::new(),
        (Some(f), Some(t)) if f == t => long_date(f),
        (Some(f), Some(t)) => span_in_words(f, t),
        (Some(f), None) => format!("from {}", long_date(f)),
        (None, Some(t)) => format!("until {}", long_date(t)),
    };
    format!("Chosen: {dates}")
}

/// "7 to 12 December 2016", "28 November to 3 December 2016", "1 January 2008 to 31 December
/// 2017": what the two ends share is said once ("to", not a dash, which is read out as "dash").
fn span_in_words(from: Date, to: Date) -> String {
    let to_words = long_date(to);
    let from_words = long_date(from);
    // `long_date` is "day month year": drop the parts `to` repeats.
    let from_short = if from.year != to.year {
        from_words
    } else if from.month != to.month {
        from_words.rsplit_once(' ').map_or(from_words.clone(), |(day_month, _)| day_month.to_string())
    } else {
        from.day.to_string()
    };
    format!("{from_short} to {to_words}")
}

#[cfg(test)]
mod tests {
    use super::super::bins::{bins, Step};
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// 2016-12-01 (a Thursday) to 2016-12-20: weeks of 4, 7, 7 and 2 days.
    fn weeks() -> Vec<Bin> {
        bins(Step::Week, d("2016-12-01"), d("2016-12-20"), &[])
    }

    #[test]
    fn a_range_covers_the_bars_it_overlaps() {
        let b = weeks();
        assert_eq!(covered(&b, (None, None)), None);
        assert_eq!(covered(&b, (Some(d("2016-12-05")), Some(d("2016-12-11")))), Some((1, 1)));
        // Partly covered periods count: the bars show where the range falls.
        assert_eq!(covered(&b, (Some(d("2016-12-04")), Some(d("2016-12-12")))), Some((0, 2)));
        assert_eq!(covered(&b, (Some(d("2016-12-13")), None)), Some((2, 3)));
        assert_eq!(covered(&b, (None, Some(d("2016-12-01")))), Some((0, 0)));
        // Beyond the corpus on one side, inverted, or entirely outside: no bar.
        assert_eq!(covered(&b, (Some(d("2016-11-01")), Some(d("2017-01-01")))), Some((0, 3)));
        assert_eq!(covered(&b, (Some(d("2016-12-12")), Some(d("2016-12-06")))), None);
        assert_eq!(covered(&b, (Some(d("2017-01-01")), None)), None);
        assert_eq!(covered(&b, (None, Some(d("2016-11-30")))), None);
        assert_eq!(covered(&[], (Some(d("2016-12-01")), None)), None);
    }

    #[test]
    fn bars_of_days() {
        let b = weeks();
        assert_eq!(bar_of(&b, d("2016-12-04")), 0);
        assert_eq!(bar_of(&b, d("2016-12-05")), 1);
        assert_eq!(bar_of(&b, d("2016-12-20")), 3);
        assert_eq!(bar_of(&b, d("2017-05-01")), 3);
        assert_eq!(bar_of(&b, d("2010-05-01")), 0);
        assert_eq!(bar_of(&[], d("2010-05-01")), 0);
    }

    #[test]
    fn a_click_selects_a_period_and_a_second_click_clears_it() {
        let b = weeks();
        let one = choose(&b, (None, None), 1);
        assert_eq!(one, (Some(d("2016-12-05")), Some(d("2016-12-11"))));
        assert_eq!(choose(&b, one, 1), (None, None));
        // From a wider range, a click narrows it to that period.
        let wide = span(&b, 3, 0);
        assert_eq!(wide, (Some(d("2016-12-01")), Some(d("2016-12-20"))));
        assert_eq!(choose(&b, wide, 2), (Some(d("2016-12-12")), Some(d("2016-12-18"))));
        // A typed range inside one period shows that bar pressed: a click on it clears.
        assert_eq!(choose(&b, (Some(d("2016-12-06")), Some(d("2016-12-07"))), 1), (None, None));
        assert_eq!(span(&b, 0, 9), (None, None));
    }

    #[test]
    fn extending_keeps_the_anchor_and_moves_the_nearer_end() {
        // No range: the range starts at the focused bar.
        assert_eq!(anchor(None, Some(4), 2), 2);
        // The stored anchor while it is one of the ends.
        assert_eq!(anchor(Some((2, 5)), Some(5), 3), 5);
        assert_eq!(anchor(Some((2, 5)), Some(2), 6), 2);
        // Otherwise the end farther from the focus stays.
        assert_eq!(anchor(Some((2, 5)), Some(4), 2), 5);
        assert_eq!(anchor(Some((2, 5)), None, 5), 2);
        assert_eq!(anchor(Some((2, 5)), None, 8), 2);
        assert_eq!(anchor(Some((2, 5)), None, 0), 5);
        assert_eq!(anchor(Some((3, 3)), None, 3), 3);
        // Shift+Right twice from week 1, then Shift+Left three times: weeks 1–3, then 0–1.
        let b = weeks();
        let (mut range, mut focus, start) = ((None, None), 1, 1);
        for key in ["ArrowRight", "ArrowRight"] {
            let a = anchor(covered(&b, range), Some(start), focus);
            focus = moved(key, focus, b.len()).unwrap();
            range = span(&b, a, focus);
        }
        assert_eq!(covered(&b, range), Some((1, 3)));
        for key in ["ArrowLeft", "ArrowLeft", "ArrowLeft"] {
            let a = anchor(covered(&b, range), Some(start), focus);
            focus = moved(key, focus, b.len()).unwrap();
            range = span(&b, a, focus);
        }
        assert_eq!(covered(&b, range), Some((0, 1)));
    }

    #[test]
    fn keys_move_the_focus_within_the_bars() {
        assert_eq!(moved("ArrowRight", 2, 4), Some(3));
        assert_eq!(moved("ArrowRight", 3, 4), Some(3));
        assert_eq!(moved("ArrowDown", 0, 4), Some(1));
        assert_eq!(moved("ArrowLeft", 0, 4), Some(0));
        assert_eq!(moved("ArrowUp", 2, 4), Some(1));
        assert_eq!(moved("Home", 2, 4), Some(0));
        assert_eq!(moved("End", 0, 4), Some(3));
        assert_eq!(moved("a", 0, 4), None);
        assert_eq!(moved("End", 0, 0), None);
        assert_eq!(moved("ArrowLeft", 9, 4), Some(3));
    }

    #[test]
    fn the_chosen_range_in_words() {
        assert_eq!(describe((None, None)), "");
        assert_eq!(describe((Some(d("2016-12-07")), Some(d("2016-12-07")))), "Chosen: 7 December 2016");
        assert_eq!(describe((Some(d("2016-12-02")), Some(d("2016-12-13")))), "Chosen: 2 to 13 December 2016");
        assert_eq!(describe((Some(d("2016-11-28")), Some(d("2016-12-01")))), "Chosen: 28 November to 1 December 2016");
        assert_eq!(describe((Some(d("2015-12-31")), Some(d("2016-12-01")))), "Chosen: 31 December 2015 to 1 December 2016");
        // An inverted range typed into the date fields is said as it is.
        assert_eq!(describe((Some(d("2016-12-01")), Some(d("2016-01-01")))), "Chosen: 1 December to 1 January 2016");
        assert_eq!(describe((Some(d("2016-12-08")), None)), "Chosen: from 8 December 2016");
        assert_eq!(describe((None, Some(d("2016-12-01")))), "Chosen: until 1 December 2016");
    }
}
