//! Calendar dates as the catalog writes them (`2016-12-01` or an RFC 3339 timestamp).
//! Hand-written because only parsing, validation and ordering are needed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space and a time with offset
    /// (`2016-12-13T15:38:00+03:00`). The day is the one written: the local date of the
    /// publication, which is what a reader of that outlet saw.
    pub fn parse(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let bytes = s.as_bytes();
        let bad = || format!("`{s}` is not a date: expected YYYY-MM-DD, optionally with a time (2016-12-13T15:38:00+03:00)");
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(bad());
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|b| b.is_ascii_digit()) { part.parse().ok() } else { None }
        };
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(bad());
        };
        if bytes.len() > 10 {
            let rest = &s[10..];
            let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')).ok_or_else(bad)?;
            if !valid_time(time) {
                return Err(format!("`{s}` has a malformed time: expected HH:MM[:SS] with an optional Z or ±HH:MM offset"));
            }
        }
        Date::new(y as i32, m as u8, d as u8)
            .ok_or_else(|| format!("`{s}` is not a real calendar day"))
    }

    /// Days since 1970-01-01 (negative before). Used for day buckets and ranges.
    pub fn to_days(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let y = self.year - (self.month <= 2) as i32;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i32) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + (m <= 2) as i32;
        Date { year: y, month: m, day: d }
    }
}

fn valid_time(t: &str) -> bool {
    let (clock, offset) = match t.find(|c| c == 'Z' || c == '+' || c == '-') {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let ok_num = |p: &str, max: u32| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u32>().map_or(false, |v| v <= max);
    let clock_ok = match parts.as_slice() {
        [h, m] => ok_num(h, 23) && ok_num(m, 59),
        [h, m, s] => {
            let secs = s.split('.').next().unwrap_or("");
            ok_num(h, 23) && ok_num(m, 59) && ok_num(secs, 60)
        }
        _ => false,
    };
    let offset_ok = match offset {
        "" | "Z" => true,
        o => {
            let o = &o[1..];
            matches!(o.split(':').collect::<Vec<_>>().as_slice(), [h, m] if ok_num(h, 23) && ok_num(m, 59))
        }
    };
    clock_ok && offset_ok
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_timestamped_dates() {
        assert_eq!(Date::parse("2016-12-01").unwrap(), Date::new(2016, 12, 1).unwrap());
        assert_eq!(Date::parse("2016-12-13T15:38:00+03:00").unwrap(), Date::new(2016, 12, 13).unwrap());
        assert_eq!(Date::parse("2016-12-13T15:38Z").unwrap().day, 13);
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in ["", "2016-13-01", "2016-02-30", "2016/12/01", "12-01-2016", "2016-12-01T25:00", "2016-12-01Tnoon", "２０１６-12-01"] {
            assert!(Date::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(Date::parse("2016-02-29").is_ok());
        assert!(Date::parse("2015-02-29").is_err());
    }

    #[test]
    fn day_numbers_round_trip() {
        for s in ["1970-01-01", "2016-12-01", "2000-02-29", "1899-12-31"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days(d.to_days()), d);
        }
        assert_eq!(Date::parse("1970-01-02").unwrap().to_days(), 1);
    }
}
