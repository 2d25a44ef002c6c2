//! Rendering helpers shared by the components: text with `<mark>`ed ranges, dates.

use dispatches_engine::Date;
use yew::prelude::*;

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// "1 December 2016".
pub fn long_date(d: Date) -> String {
    format!("{} {} {}", d.day, MONTHS[(d.month as usize).saturating_sub(1).min(11)], d.year)
}

/// "1 Dec".
pub fn short_date(d: Date) -> String {
    format!("{} {}", d.day, &MONTHS[(d.month as usize).saturating_sub(1).min(11)][..3])
}

/// "Dec 2016".
pub fn month_year(d: Date) -> String {
    format!("{} {}", &MONTHS[(d.month as usize).saturating_sub(1).min(11)][..3], d.year)
}

/// "1 report", "3 reports", "6,985 reports".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// "6,985": digits in groups of three, as English-language news prints counts.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Cleans byte ranges for `text`: sorted, clipped, merged, on char boundaries.
pub fn clean_ranges(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    dispatches_engine::search::merge(
        ranges
            .iter()
            .map(|&(a, b)| (a.min(text.len()), b.min(text.len())))
            .filter(|&(a, b)| a < b && text.is_char_boundary(a) && text.is_char_boundary(b)),
    )
}

/// `text` with each range wrapped in `<mark>`. Always text nodes: never parsed as HTML.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Html {
    let ranges = clean_ranges(text, ranges);
    if ranges.is_empty() {
        return html! { {text.to_string()} };
    }
    let mut parts: Vec<Html> = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut pos = 0;
    for (a, b) in ranges {
        if a > pos {
            parts.push(html! { {text[pos..a].to_string()} });
        }
        parts.push(html! { <mark>{text[a..b].to_string()}</mark> });
        pos = b;
    }
    if pos < text.len() {
        parts.push(html! { {text[pos..].to_string()} });
    }
    parts.into_iter().collect::<Html>()
}

/// The ranges of `marks` (relative to a text starting at absolute offset 0) that fall in
/// `a..b`, shifted to be relative to `a`.
pub fn clip(marks: &[(usize, usize)], a: usize, b: usize) -> Vec<(usize, usize)> {
    marks.iter().filter(|&&(s, e)| e > a && s < b).map(|&(s, e)| (s.max(a) - a, e.min(b) - a)).collect()
}

/// At most `max` chars of `s`, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_cleaned() {
        let t = "Çelik said";
        assert_eq!(clean_ranges(t, &[(0, 1), (7, 50), (3, 6), (4, 5)]), vec![(3, 6), (7, 11)]);
        assert_eq!(clip(&[(2, 6), (8, 9)], 4, 8), vec![(0, 2)]);
        assert_eq!(truncate("abcdef", 3), "abc…");
    }

    #[test]
    fn counts_in_groups_of_three() {
        assert_eq!(plural(1, "report", "reports"), "1 report");
        assert_eq!(plural(999, "report", "reports"), "999 reports");
        assert_eq!(plural(6985, "report", "reports"), "6,985 reports");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
