//! The timeline's periods: the finest step (day, week, month, year) whose bars fit the chart's
//! width, the periods covering the corpus's dates at that step, and each period's count.
//! Pure date arithmetic, tested natively; the component only measures and draws.

use crate::components::text::{long_date, month_year, short_date};
use dispatches_engine::Date;

/// The narrowest a bar may be, gap included, in CSS pixels: narrower bars can no longer be
/// told apart or hit with a pointer.
pub const MIN_BAR_PX: u32 = 6;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step {
    Day,
    /// Monday to Sunday (ISO 8601 weeks).
    Week,
    Month,
    Year,
}

impl Step {
    /// Finest first: the order in which `fit` tries them.
    pub const ALL: [Step; 4] = [Step::Day, Step::Week, Step::Month, Step::Year];

    /// The first day of the calendar period holding `day`.
    pub fn period_start(self, day: Date) -> Date {
        match self {
            Step::Day => day,
            Step::Week => Date::from_days(monday(day.to_days())),
            Step::Month => Date { day: 1, ..day },
            Step::Year => Date { month: 1, day: 1, ..day },
        }
    }

    /// The first day of the period after the one starting on `start` (a `period_start`).
    fn next_start(self, start: Date) -> Date {
        match self {
            Step::Day => Date::from_days(start.to_days() + 1),
            Step::Week => Date::from_days(start.to_days() + 7),
            Step::Month if start.month == 12 => Date { year: start.year + 1, month: 1, day: 1 },
            Step::Month => Date { month: start.month + 1, day: 1, ..start },
            Step::Year => Date { year: start.year + 1, month: 1, day: 1 },
        }
    }

    /// How many periods after the one holding `first` the one holding `day` is (constant
    /// time: this is what keeps counting linear in the number of days).
    fn offset(self, first: Date, day: Date) -> i64 {
        let months = |d: Date| d.year as i64 * 12 + d.month as i64;
        match self {
            Step::Day => day.to_days() as i64 - first.to_days() as i64,
            Step::Week => (monday(day.to_days()) as i64 - monday(first.to_days()) as i64) / 7,
            Step::Month => months(day) - months(first),
            Step::Year => day.year as i64 - first.year as i64,
        }
    }

    /// The number of periods covering `first..=last`.
    pub fn periods(self, first: Date, last: Date) -> u64 {
        self.offset(first, last.max(first)) as u64 + 1
    }

    /// "day", "week", …: the help text and the title say what a bar is.
    pub fn unit(self) -> &'static str {
        match self {
            Step::Day => "day",
            Step::Week => "week",
            Step::Month => "month",
            Step::Year => "year",
        }
    }

    /// The period holding `day`, named in full: a bar's accessible name and tooltip.
    pub fn label(self, day: Date) -> String {
        match self {
            Step::Day => long_date(day),
            Step::Week => format!("Week of {}", long_date(self.period_start(day))),
            Step::Month => month_year(day),
            Step::Year => day.year.to_string(),
        }
    }

    /// The period holding `day`, named briefly: the axis under the bars.
    pub fn short_label(self, day: Date) -> String {
        match self {
            Step::Day | Step::Week => short_date(self.period_start(day)),
            Step::Month => month_year(day),
            Step::Year => day.year.to_string(),
        }
    }
}

/// The day number (as `Date::to_days`) of the Monday starting the week of day number `days`.
fn monday(days: i32) -> i32 {
    // 1970-01-01 was a Thursday: three days after a Monday.
    days - (days + 3).rem_euclid(7)
}

/// The finest step whose periods over `first..=last` fit `width` CSS pixels at `MIN_BAR_PX`
/// each; years when nothing fits (bars then get narrower than the minimum).
pub fn fit(first: Date, last: Date, width: u32) -> Step {
    let room = (width / MIN_BAR_PX).max(1) as u64;
    Step::ALL.into_iter().find(|s| s.periods(first, last) <= room).unwrap_or(Step::Year)
}

/// One bar: a period clipped to the corpus's dates, and its matching reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Bin {
    /// The period's first day, or the corpus's first day in the first period.
    pub start: Date,
    /// The period's last day, or the corpus's last day in the last period.
    pub end: Date,
    pub count: usize,
}

/// The periods of `step` covering `first..=last` (clipped to it) with the counts of `days`
/// (reports per day, any order); days outside `first..=last` are not counted. Linear in the
/// number of periods plus the number of days.
pub fn bins(step: Step, first: Date, last: Date, days: &[(Date, usize)]) -> Vec<Bin> {
    let last = last.max(first);
    let mut out = Vec::with_capacity(step.periods(first, last) as usize);
    let mut start = first;
    loop {
        let next = step.next_start(step.period_start(start));
        let end = Date::from_days(next.to_days() - 1).min(last);
        out.push(Bin { start, end, count: 0 });
        if end >= last {
            break;
        }
        start = next;
    }
    for &(day, n) in days {
        if first <= day && day <= last {
            // In range, so the offset is a valid index.
            out[step.offset(first, day) as usize].count += n;
        }
    }
    out
}

/// The axis under the bars: `(bar, text)` for the first bar, the middle one when there are
/// five or more, and the last. Days and weeks show dates (the ends with their year), months
/// and years their names.
pub fn axis(step: Step, bins: &[Bin]) -> Vec<(usize, String)> {
    let Some(last) = bins.len().checked_sub(1) else { return Vec::new() };
    let dated = matches!(step, Step::Day | Step::Week);
    let end = |i: usize, with_year: bool| match (dated, with_year) {
        (true, true) => format!("{} {}", short_date(if i == last { bins[i].end } else { bins[i].start }), bins[i].start.year),
        (true, false) => short_date(bins[i].start),
        (false, _) => step.short_label(bins[i].start),
    };
    let mut out = vec![(0, end(0, true))];
    if last >= 4 {
        out.push((last / 2, end(last / 2, false)));
    }
    if last > 0 {
        out.push((last, end(last, true)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn days_cover_every_day_with_its_count() {
        let b = bins(Step::Day, d("2016-12-01"), d("2016-12-13"), &[(d("2016-12-07"), 2), (d("2016-12-13"), 1)]);
        assert_eq!(b.len(), 13);
        assert_eq!(b[6], Bin { start: d("2016-12-07"), end: d("2016-12-07"), count: 2 });
        assert_eq!(b[12].count, 1);
        assert_eq!(b.iter().map(|x| x.count).sum::<usize>(), 3);
    }

    #[test]
    fn weeks_run_monday_to_sunday_clipped_to_the_corpus() {
        // 2016-12-01 was a Thursday; 2016-12-05 and 2016-12-12 Mondays.
        let b = bins(Step::Week, d("2016-12-01"), d("2016-12-13"), &[(d("2016-12-04"), 1), (d("2016-12-05"), 2), (d("2016-12-13"), 4)]);
        let spans: Vec<(Date, Date, usize)> = b.iter().map(|x| (x.start, x.end, x.count)).collect();
        assert_eq!(spans, vec![(d("2016-12-01"), d("2016-12-04"), 1), (d("2016-12-05"), d("2016-12-11"), 2), (d("2016-12-12"), d("2016-12-13"), 4)]);
        assert_eq!(Step::Week.label(d("2016-12-01")), "Week of 28 November 2016");
        assert_eq!(Step::Week.label(d("2016-12-11")), "Week of 5 December 2016");
        // Across a new year, and a Sunday start (the day before a Monday).
        let b = bins(Step::Week, d("2017-01-01"), d("2017-01-02"), &[]);
        assert_eq!(b.iter().map(|x| (x.start, x.end)).collect::<Vec<_>>(), vec![(d("2017-01-01"), d("2017-01-01")), (d("2017-01-02"), d("2017-01-02"))]);
    }

    #[test]
    fn months_and_leap_years() {
        let b = bins(Step::Month, d("2015-12-15"), d("2016-03-02"), &[(d("2016-02-29"), 3), (d("2015-12-31"), 1), (d("2016-01-01"), 5)]);
        let spans: Vec<(Date, Date, usize)> = b.iter().map(|x| (x.start, x.end, x.count)).collect();
        assert_eq!(
            spans,
            vec![
                (d("2015-12-15"), d("2015-12-31"), 1),
                (d("2016-01-01"), d("2016-01-31"), 5),
                (d("2016-02-01"), d("2016-02-29"), 3),
                (d("2016-03-01"), d("2016-03-02"), 0),
            ]
        );
        // February of a common year and of 1900 (not a leap year) and 2000 (one).
        assert_eq!(bins(Step::Month, d("2017-02-01"), d("2017-03-01"), &[])[0].end, d("2017-02-28"));
        assert_eq!(bins(Step::Month, d("1900-02-01"), d("1900-03-01"), &[])[0].end, d("1900-02-28"));
        assert_eq!(bins(Step::Month, d("2000-02-01"), d("2000-03-01"), &[])[0].end, d("2000-02-29"));
        assert_eq!(Step::Month.label(d("2016-02-29")), "Feb 2016");
    }

    #[test]
    fn years() {
        let b = bins(Step::Year, d("2007-06-01"), d("2020-01-10"), &[(d("2012-12-31"), 2), (d("2013-01-01"), 1), (d("2020-01-10"), 7)]);
        assert_eq!(b.len(), 14);
        assert_eq!((b[0].start, b[0].end), (d("2007-06-01"), d("2007-12-31")));
        assert_eq!((b[5].start, b[5].end, b[5].count), (d("2012-01-01"), d("2012-12-31"), 2));
        assert_eq!(b[6].count, 1);
        assert_eq!((b[13].start, b[13].end, b[13].count), (d("2020-01-01"), d("2020-01-10"), 7));
        assert_eq!(Step::Year.label(d("2016-02-29")), "2016");
    }

    #[test]
    fn the_finest_step_that_fits_the_width() {
        // The seeds: 13 days.
        let (a, b) = (d("2016-12-01"), d("2016-12-13"));
        assert_eq!(fit(a, b, 264), Step::Day);
        assert_eq!(fit(a, b, 78), Step::Day); // 13 bars of 6 px
        assert_eq!(fit(a, b, 77), Step::Week); // 3 weeks
        assert_eq!(fit(a, b, 17), Step::Month);
        assert_eq!(fit(a, b, 0), Step::Month); // one bar always fits
        // About fourteen years: years in a sidebar or on a phone, months when wide.
        let (a, b) = (d("2007-03-10"), d("2020-11-30"));
        assert_eq!(Step::Month.periods(a, b), 165);
        assert_eq!(fit(a, b, 264), Step::Year);
        assert_eq!(fit(a, b, 330), Step::Year);
        assert_eq!(fit(a, b, 990), Step::Month);
        assert_eq!(fit(a, b, 6 * Step::Week.periods(a, b) as u32), Step::Week);
        // Nothing fits: years anyway.
        assert_eq!(fit(d("1000-01-01"), d("2020-01-01"), 300), Step::Year);
    }

    #[test]
    fn a_single_day_and_an_empty_corpus() {
        let day = d("2016-12-07");
        for step in Step::ALL {
            assert_eq!(fit(day, day, 300), Step::Day);
            assert_eq!(bins(step, day, day, &[(day, 4)]), vec![Bin { start: day, end: day, count: 4 }]);
            // No matches: the periods are still there, at zero.
            assert_eq!(bins(step, day, day, &[]), vec![Bin { start: day, end: day, count: 0 }]);
        }
        // Reversed bounds are one day; days outside the bounds are not counted.
        let b = bins(Step::Day, day, d("2016-12-01"), &[(d("2016-12-01"), 1), (d("2016-12-08"), 1)]);
        assert_eq!(b, vec![Bin { start: day, end: day, count: 0 }]);
    }

    #[test]
    fn every_day_lands_in_its_period() {
        // Ten years of days, each with one report: every bin's count is its length in days.
        let (a, b) = (d("2010-01-01"), d("2019-12-31"));
        let days: Vec<(Date, usize)> = (a.to_days()..=b.to_days()).map(|x| (Date::from_days(x), 1)).collect();
        for step in Step::ALL {
            let out = bins(step, a, b, &days);
            assert_eq!(out.len() as u64, step.periods(a, b));
            assert!(out.windows(2).all(|w| w[0].end.to_days() + 1 == w[1].start.to_days()), "{step:?}: contiguous");
            assert!(out.iter().all(|x| x.count as i32 == x.end.to_days() - x.start.to_days() + 1), "{step:?}");
        }
    }

    #[test]
    fn the_axis_names_the_ends_and_the_middle() {
        let b = bins(Step::Day, d("2016-12-01"), d("2016-12-13"), &[]);
        assert_eq!(axis(Step::Day, &b), vec![(0, "1 Dec 2016".to_string()), (6, "7 Dec".to_string()), (12, "13 Dec 2016".to_string())]);
        let b = bins(Step::Week, d("2016-12-01"), d("2016-12-13"), &[]);
        assert_eq!(axis(Step::Week, &b), vec![(0, "1 Dec 2016".to_string()), (2, "13 Dec 2016".to_string())]);
        let b = bins(Step::Year, d("2007-06-01"), d("2020-01-10"), &[]);
        assert_eq!(axis(Step::Year, &b), vec![(0, "2007".to_string()), (6, "2013".to_string()), (13, "2020".to_string())]);
        let b = bins(Step::Month, d("2016-02-10"), d("2016-02-10"), &[]);
        assert_eq!(axis(Step::Month, &b), vec![(0, "Feb 2016".to_string())]);
        assert_eq!(axis(Step::Day, &[]), vec![]);
    }
}
