//! Matching reports day by day (or week or month on long corpora): one bar per period, which
//! also sets the date range. A roving tab stop: Tab enters the bar chart, arrow keys move.

use crate::components::text::{long_date, month_year, plural, short_date};
use crate::state::{Action, AppState};
use dispatches_engine::Date;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub first: Date,
    pub last: Date,
    /// Matching articles per day (query and outlet filter applied, not the dates).
    pub days: Vec<(Date, usize)>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Bucket {
    pub start: Date,
    pub end: Date,
    pub count: usize,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Step {
    Day,
    Week,
    Month,
}

/// Periods covering `first..=last`: days up to two months, then weeks, then months.
pub fn buckets(first: Date, last: Date, days: &[(Date, usize)]) -> (Step, Vec<Bucket>) {
    let (a, b) = (first.to_days(), last.to_days().max(first.to_days()));
    let span = b - a + 1;
    let step = if span <= 62 { Step::Day } else if span <= 62 * 7 { Step::Week } else { Step::Month };
    let mut out: Vec<Bucket> = Vec::new();
    let mut d = a;
    while d <= b {
        let start = Date::from_days(d);
        let next = match step {
            Step::Day => d + 1,
            Step::Week => d + 7,
            Step::Month => {
                let (y, m) = if start.month == 12 { (start.year + 1, 1) } else { (start.year, start.month + 1) };
                Date::new(y, m, 1).map(|x| x.to_days()).unwrap_or(d + 31)
            }
        };
        let end = Date::from_days((next - 1).min(b));
        out.push(Bucket { start, end, count: 0 });
        d = next;
        if out.len() > 400 {
            break;
        }
    }
    for &(day, n) in days {
        if let Some(bk) = out.iter_mut().find(|bk| bk.start <= day && day <= bk.end) {
            bk.count += n;
        }
    }
    (step, out)
}

/// The range after choosing `b`: a first choice selects it; a second one extends the range
/// to it; choosing the only selected period again clears the range.
pub fn choose(buckets: &[Bucket], from: Option<Date>, to: Option<Date>, b: Bucket) -> (Option<Date>, Option<Date>) {
    match (from, to) {
        (Some(f), Some(t)) if f == b.start && t == b.end => (None, None),
        (Some(f), Some(t)) if buckets.iter().any(|x| x.start == f && x.end == t) => (Some(f.min(b.start)), Some(t.max(b.end))),
        _ => (Some(b.start), Some(b.end)),
    }
}

#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let (step, buckets) = buckets(props.first, props.last, &props.days);
    let max = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let in_range = |b: &Bucket| props.from.map_or(true, |f| b.end >= f) && props.to.map_or(true, |t| b.start <= t);
    let any_range = props.from.is_some() || props.to.is_some();
    // The roving tab stop: the first selected period, else the first with matches.
    let stop = buckets
        .iter()
        .position(|b| any_range && in_range(b))
        .or_else(|| buckets.iter().position(|b| b.count > 0))
        .unwrap_or(0);
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        let delta: i32 = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => -10_000,
            "End" => 10_000,
            _ => return,
        };
        let Some(current) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(group) = current.parent_element() else { return };
        let bars = group.children();
        let n = bars.length() as i32;
        let i = (0..n).find(|&i| bars.item(i as u32).is_some_and(|b| b.is_same_node(Some(&current)))).unwrap_or(0);
        let j = (i + delta).clamp(0, n - 1);
        if let Some(next) = bars.item(j as u32).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            e.prevent_default();
            let _ = current.set_attribute("tabindex", "-1");
            let _ = next.set_attribute("tabindex", "0");
            let _ = next.focus();
        }
    });
    let label_of = |b: &Bucket| match step {
        Step::Day => long_date(b.start),
        Step::Week => format!("Week of {}", long_date(b.start)),
        Step::Month => month_year(b.start),
    };
    let bars = buckets.iter().enumerate().map(|(i, b)| {
        // Whole units of a 0..50 box: no float formatting in the wasm.
        let h = if b.count == 0 { 1 } else { 4 + 44 * b.count / max };
        let selected = any_range && in_range(b);
        let onclick = {
            let dispatch = props.dispatch.clone();
            let all = buckets.clone();
            let (from, to, b) = (props.from, props.to, *b);
            Callback::from(move |_| {
                let (f, t) = choose(&all, from, to, b);
                dispatch.dispatch(Action::SetRange(f, t));
            })
        };
        html! {
            <button type="button" class={classes!("tl__bar", selected.then_some("is-selected"), (b.count == 0).then_some("is-empty"))}
                tabindex={if i == stop { "0" } else { "-1" }}
                aria-pressed={if selected { "true" } else { "false" }}
                aria-label={format!("{}: {}", label_of(b), plural(b.count, "report", "reports"))}
                title={format!("{}: {}", label_of(b), plural(b.count, "report", "reports"))}
                {onclick}>
                <svg viewBox="0 0 10 50" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="0" y={(50 - h).to_string()} width="10" height={h.to_string()} />
                </svg>
            </button>
        }
    });
    let unit = match step { Step::Day => "day", Step::Week => "week", Step::Month => "month" };
    html! {
        <div class="tl">
            <p class="tl__title" id="dx-tl-title">{format!("Reports by {unit}")}</p>
            <div class="tl__bars" role="group" aria-labelledby="dx-tl-title" aria-describedby="dx-tl-help" {onkeydown}>
                { for bars }
            </div>
            <p class="tl__axis" aria-hidden="true">
                <span>{short_date(props.first)}</span><span>{short_date(props.last)}</span>
            </p>
            <p class="tl__help" id="dx-tl-help">{format!("Choose a {unit} to see only its reports, then another to widen the range.")}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn days_then_weeks_then_months() {
        let (step, b) = buckets(d("2016-12-01"), d("2016-12-13"), &[(d("2016-12-07"), 2)]);
        assert_eq!((step, b.len()), (Step::Day, 13));
        assert_eq!(b[6].count, 2);
        let (step, b) = buckets(d("2016-01-01"), d("2016-06-30"), &[]);
        assert_eq!(step, Step::Week);
        assert_eq!(b.last().unwrap().end, d("2016-06-30"));
        let (step, b) = buckets(d("2010-01-15"), d("2016-06-30"), &[(d("2016-06-03"), 4)]);
        assert_eq!(step, Step::Month);
        assert_eq!(b[1].start, d("2010-02-01"));
        assert_eq!(b.last().unwrap().count, 4);
    }

    #[test]
    fn choosing_sets_then_extends_then_clears() {
        let (_, b) = buckets(d("2016-12-01"), d("2016-12-13"), &[]);
        let (f, t) = choose(&b, None, None, b[2]);
        assert_eq!((f, t), (Some(d("2016-12-03")), Some(d("2016-12-03"))));
        let (f, t) = choose(&b, f, t, b[5]);
        assert_eq!((f, t), (Some(d("2016-12-03")), Some(d("2016-12-06"))));
        let (f, t) = choose(&b, f, t, b[0]);
        assert_eq!((f, t), (Some(d("2016-12-01")), Some(d("2016-12-01"))));
        assert_eq!(choose(&b, f, t, b[0]), (None, None));
    }
}
