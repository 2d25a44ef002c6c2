//! The route <-> the page's query string. Plain Rust (no web APIs) so it is tested natively.
//!
//! Parameters (documented in the README, "Links and URL parameters"):
//! `q`, `source` (repeatable), `from`, `to`, `sort`, `view`, `speaker`, `article`, `quote`,
//! `who` and `order` (the who-said-what list's box and order).
//! Unknown parameters are ignored (links from news sites carry tracking parameters);
//! a known parameter with a value that cannot be used is dropped with a friendly notice.

use super::query::SpeakerOrder;
use super::{Route, Sort, View};
use dispatches_engine::Date;

/// What the app knows to validate a link against.
pub struct Known<'a> {
    pub outlets: &'a [&'a str],
    pub has_article: &'a dyn Fn(&str) -> bool,
    pub has_speaker: &'a dyn Fn(&str) -> Option<String>,
}

/// Parses a query string (with or without the leading `?`).
pub fn parse(search: &str, known: &Known) -> (Route, Vec<String>) {
    let mut route = Route::default();
    let mut notices = Vec::new();
    for (key, value) in pairs(search) {
        let value_trim = value.trim();
        match key.as_str() {
            "q" => route.query = value,
            "source" => match known.outlets.iter().find(|o| o.eq_ignore_ascii_case(value_trim) || o.to_lowercase() == value_trim.to_lowercase()) {
                Some(o) => {
                    if !route.outlets.iter().any(|x| x == o) {
                        route.outlets.push(o.to_string());
                    }
                }
                None if value_trim.is_empty() => {}
                None => notices.push(format!("There is no source called “{}” in these reports, so it is not used as a filter.", short(value_trim))),
            },
            "from" | "to" => match Date::parse(value_trim) {
                Ok(d) => {
                    if key == "from" { route.from = Some(d) } else { route.to = Some(d) }
                }
                Err(_) if value_trim.is_empty() => {}
                Err(_) => notices.push(format!("“{}” is not a date (YYYY-MM-DD), so the “{}” date is not set.", short(value_trim), if key == "from" { "From" } else { "To" })),
            },
            "sort" => match Sort::from_key(value_trim) {
                Some(s) => route.sort = s,
                None => notices.push(format!("Unknown sort order “{}”: showing the most relevant first.", short(value_trim))),
            },
            "view" => match value_trim {
                "speakers" | "who" => route.view = View::Speakers,
                "trails" => route.view = View::Trails,
                "" | "search" => route.view = View::Search,
                other => notices.push(format!("Unknown view “{}”: showing the search.", short(other))),
            },
            "speaker" if !value_trim.is_empty() => match (known.has_speaker)(value_trim) {
                Some(name) => {
                    route.speaker = Some(name);
                    route.view = View::Speakers;
                }
                None => notices.push(format!("No one called “{}” is quoted in these reports.", short(value_trim))),
            },
            "who" => route.who = value,
            "order" => match value_trim {
                "name" => route.who_order = SpeakerOrder::Name,
                "" | "quotes" => route.who_order = SpeakerOrder::Quotes,
                other => notices.push(format!("Unknown order “{}”: showing the most quoted first.", short(other))),
            },
            // An unknown article id stays in the route: the reader says it is not there.
            "article" if !value_trim.is_empty() => route.article = Some(value_trim.to_string()),
            "quote" if !value_trim.is_empty() => match value_trim.parse::<usize>() {
                Ok(n) if n >= 1 => route.quote = Some(n),
                _ => notices.push(format!("“{}” is not a quotation number.", short(value_trim))),
            },
            _ => {}
        }
    }
    if route.quote.is_some() && route.article.is_none() {
        route.quote = None;
    }
    if let Some(a) = &route.article {
        if !(known.has_article)(a) {
            route.quote = None;
        }
    }
    dispatches_engine::search::sort::sort(&mut route.outlets);
    if let (Some(f), Some(t)) = (route.from, route.to) {
        if f > t {
            route.from = Some(t);
            route.to = Some(f);
        }
    }
    (route, notices)
}

/// The query string for a route, `?…`, or the empty string for the default screen.
pub fn to_search(route: &Route) -> String {
    let mut out = String::new();
    let mut put = |k: &str, v: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(k);
        out.push('=');
        encode_into(v, &mut out);
    };
    if !route.query.is_empty() {
        put("q", &route.query);
    }
    for o in &route.outlets {
        put("source", o);
    }
    if let Some(d) = route.from {
        put("from", &d.to_string());
    }
    if let Some(d) = route.to {
        put("to", &d.to_string());
    }
    if route.sort != Sort::Relevance {
        put("sort", route.sort.key());
    }
    if route.view == View::Speakers {
        put("view", "speakers");
    }
    if route.view == View::Trails {
        put("view", "trails");
    }
    // The list's box and order, while the list is on screen.
    if route.view == View::Speakers && route.speaker.is_none() {
        if !route.who.is_empty() {
            put("who", &route.who);
        }
        if route.who_order == SpeakerOrder::Name {
            put("order", "name");
        }
    }
    if let Some(s) = &route.speaker {
        put("speaker", s);
    }
    if let Some(a) = &route.article {
        put("article", a);
    }
    if let Some(q) = route.quote {
        put("quote", &q.to_string());
    }
    out
}

/// The parameters this app reads and writes.
pub const OWN: [&str; 11] = ["q", "source", "from", "to", "sort", "view", "speaker", "article", "quote", "who", "order"];

/// True when the query string carries any of this app's parameters.
pub fn has_own(search: &str) -> bool {
    pairs(search).any(|(k, _)| OWN.contains(&k.as_str()))
}

/// The query string for `route`, keeping the parameters of `current` this app does not own
/// (`embed`, `theme`, tracking parameters…) as they were written, before its own.
pub fn merge(current: &str, route: &Route) -> String {
    let mut out = String::new();
    for raw in current.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let key = decode(raw.split_once('=').map_or(raw, |(k, _)| k));
        if !OWN.contains(&key.as_str()) {
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(raw);
        }
    }
    let own = to_search(route);
    if !own.is_empty() {
        if out.is_empty() {
            out = own;
        } else {
            out.push('&');
            out.push_str(&own[1..]);
        }
    }
    out
}

/// Keeps a hostile or huge value short in a notice (it is rendered as text anyway).
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn pairs(search: &str) -> impl Iterator<Item = (String, String)> + '_ {
    search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (decode(k), decode(v))
    })
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex(bytes[i + 1]).is_some() && hex(bytes[i + 2]).is_some() => {
                out.push(hex(bytes[i + 1]).unwrap() * 16 + hex(bytes[i + 2]).unwrap());
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn encode_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> (Vec<&'static str>, Box<dyn Fn(&str) -> bool>, Box<dyn Fn(&str) -> Option<String>>) {
        (
            vec!["Middle East Eye", "TIME", "The National"],
            Box::new(|a: &str| a == "000_x"),
            Box::new(|s: &str| if s.eq_ignore_ascii_case("jan egeland") { Some("Jan Egeland".into()) } else { None }),
        )
    }

    fn parse_with(s: &str) -> (Route, Vec<String>) {
        let (outlets, has_article, has_speaker) = known();
        parse(s, &Known { outlets: &outlets, has_article: &*has_article, has_speaker: &*has_speaker })
    }

    #[test]
    fn round_trips_every_field() {
        let route = Route {
            query: "“siege” & <b>Aleppo</b> 100%+".into(),
            outlets: vec!["Middle East Eye".into(), "TIME".into()],
            from: Date::new(2016, 12, 1),
            to: Date::new(2016, 12, 13),
            sort: Sort::Oldest,
            view: View::Speakers,
            speaker: Some("Jan Egeland".into()),
            article: Some("000_x".into()),
            quote: Some(3),
            who: String::new(),
            who_order: SpeakerOrder::Quotes,
        };
        let s = to_search(&route);
        assert!(s.starts_with("?q="), "{s}");
        let (back, notices) = parse_with(&s);
        assert_eq!(back, route);
        assert!(notices.is_empty());
        assert_eq!(to_search(&Route::default()), "");
        // The list's box and order, written while the list is on screen.
        let list = Route { view: View::Speakers, who: "Égel & <b>".into(), who_order: SpeakerOrder::Name, ..Route::default() };
        let s = to_search(&list);
        assert!(s.contains("who=") && s.contains("order=name"), "{s}");
        assert_eq!(parse_with(&s), (list.clone(), vec![]));
        assert!(!to_search(&Route { speaker: Some("Jan Egeland".into()), ..list }).contains("who="), "a speaker's page does not carry the list's box");
    }

    #[test]
    fn bad_values_give_notices_not_panics() {
        let (r, n) = parse_with("?utm_source=x&sort=weird&from=yesterday&source=Nowhere&view=x&quote=zero&speaker=Nobody&%E0%A4=%&q=%ZZ%&order=loudest");
        assert_eq!(r.sort, Sort::Relevance);
        assert_eq!(r.from, None);
        assert!(r.outlets.is_empty());
        assert_eq!(r.query, "%ZZ%");
        assert_eq!(r.who_order, SpeakerOrder::Quotes);
        assert_eq!(n.len(), 7, "{n:?}");
    }

    #[test]
    fn foreign_parameters_are_kept() {
        let r = Route { query: "a b".into(), ..Route::default() };
        assert_eq!(merge("?embed=1&q=old&theme=dark", &r), "?embed=1&theme=dark&q=a+b");
        assert_eq!(merge("", &Route::default()), "");
        assert!(has_own("?x=1&sort=newest"));
        assert!(!has_own("?embed=1"));
    }

    #[test]
    fn sources_match_case_insensitively_and_dates_are_ordered() {
        let (r, _) = parse_with("?source=time&source=TIME&from=2016-12-13&to=2016-12-01");
        assert_eq!(r.outlets, vec!["TIME".to_string()]);
        assert!(r.from < r.to);
    }
}
