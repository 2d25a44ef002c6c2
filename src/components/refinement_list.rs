//! A facet's values as faceted-search users know them (Algolia InstantSearch's refinement
//! list): selected values first, then by count for the current query, zero counts hidden
//! unless selected, the top few with "Show all N", and a box that filters the list by name.
//!
//! The counts come from the caller (disjunctive: a facet's own selection does not narrow its
//! counts), so choosing a second outlet still shows what it would add.

use crate::components::text::{plural, thousands};
use dispatches_engine::search::normalize::fold;
use yew::prelude::*;

/// Values shown before "Show all" (InstantSearch's default `limit` is 10; 8 keeps the whole
/// facet above the fold on a phone).
pub const SHOWN_AT_FIRST: usize = 8;

/// One value as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<'a> {
    pub name: &'a str,
    pub count: usize,
    pub selected: bool,
}

/// What the list shows: `values` (every value with its count) arranged for display.
#[derive(Debug, PartialEq)]
pub struct Arranged<'a> {
    /// The values to render, in order.
    pub shown: Vec<Shown<'a>>,
    /// Values that would be shown with "Show all" (selected, or matching, or filtered by name).
    pub available: usize,
}

/// Arranges `values` for display: values whose folded name contains the folded `filter`
/// (every value when it is blank); of those the selected ones and the ones with matches;
/// selected first, then by count (descending), then by name; cut to [`SHOWN_AT_FIRST`] unless
/// `all`. A name filter shows every value it matches: whoever typed a name wants to see it.
pub fn arrange<'a>(values: &'a [(String, usize)], selected: &[String], filter: &str, all: bool) -> Arranged<'a> {
    let needle = fold(filter.trim());
    let mut shown: Vec<Shown<'a>> = values
        .iter()
        .map(|(name, count)| Shown { name, count: *count, selected: selected.iter().any(|s| s == name) })
        .filter(|v| v.selected || v.count > 0)
        .filter(|v| needle.is_empty() || fold(v.name).contains(&needle))
        .collect();
    dispatches_engine::search::sort::sort_by(&mut shown, |a, b| b.selected.cmp(&a.selected).then(b.count.cmp(&a.count)).then_with(|| a.name.cmp(b.name)));
    let available = shown.len();
    // Selected values always show, however many there are.
    let keep = shown.iter().filter(|v| v.selected).count().max(SHOWN_AT_FIRST);
    if !all && needle.is_empty() {
        shown.truncate(keep);
    }
    Arranged { shown, available }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Distinguishes this list's ids from other lists' ("src").
    pub id: AttrValue,
    /// The facet's title ("Sources").
    pub legend: AttrValue,
    /// What one value is, singular and plural ("source", "sources").
    pub noun: (&'static str, &'static str),
    /// Every value with its count for the current query.
    pub values: Vec<(String, usize)>,
    pub selected: Vec<String>,
    pub on_toggle: Callback<String>,
}

#[function_component(RefinementList)]
pub fn refinement_list(props: &Props) -> Html {
    let all = use_state(|| false);
    let filter = use_state(String::new);
    let arranged = arrange(&props.values, &props.selected, &filter, *all);
    let (one, many) = props.noun;
    let list_id = format!("dx-{}-list", props.id);
    let items = arranged.shown.iter().map(|v| {
        // Keyed and named by the value's place in `values`, not in the list: a value keeps its
        // element (and focus) when choosing it moves it to the top.
        let i = props.values.iter().position(|(n, _)| n == v.name).unwrap_or(0);
        let on_toggle = props.on_toggle.clone();
        let name = v.name.to_string();
        let onchange = Callback::from(move |_: Event| on_toggle.emit(name.clone()));
        let id = format!("dx-{}-{i}", props.id);
        html! {
            <li key={v.name} class={classes!("facet__item", (v.count == 0).then_some("is-zero"))}>
                <input type="checkbox" id={id.clone()} checked={v.selected} {onchange} />
                <label for={id}>
                    <span class="facet__name">{v.name}</span>
                    <span class="facet__count">{thousands(v.count)}</span>
                </label>
            </li>
        }
    });
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let toggle_all = {
        let all = all.clone();
        Callback::from(move |_| all.set(!*all))
    };
    let filtering = !filter.trim().is_empty();
    // The name box earns its place once the list is longer than its first screen.
    let searchable = props.values.len() > SHOWN_AT_FIRST;
    let hidden = arranged.available.saturating_sub(arranged.shown.len());
    html! {
        <fieldset class="facet">
            <legend class="facet__legend">{&props.legend}</legend>
            if searchable {
                <input type="search" class="facet__filter" aria-label={format!("Filter {many} by name")}
                    placeholder={format!("Find a {one}")} aria-controls={list_id.clone()}
                    value={(*filter).clone()} {oninput} autocomplete="off" spellcheck="false" />
            }
            <ul class="facet__list" id={list_id.clone()}>{ for items }</ul>
            if arranged.shown.is_empty() {
                <p class="facet__none">{
                    if filtering { format!("No {many} match “{}”.", filter.trim()) } else { format!("No {many} have matching reports.") }
                }</p>
            }
            if !filtering && (hidden > 0 || *all && arranged.available > SHOWN_AT_FIRST) {
                <button type="button" class="facet__more" aria-expanded={(*all).to_string()} aria-controls={list_id} onclick={toggle_all}>
                    { if *all { "Show fewer".to_string() } else { format!("Show all {}", plural(arranged.available, one, many)) } }
                </button>
            }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: &[(&str, usize)]) -> Vec<(String, usize)> {
        v.iter().map(|(n, c)| (n.to_string(), *c)).collect()
    }

    fn names<'a>(a: &'a Arranged<'a>) -> Vec<&'a str> {
        a.shown.iter().map(|v| v.name).collect()
    }

    #[test]
    fn selected_first_then_by_count_then_by_name_and_zero_counts_hidden() {
        let v = values(&[("AP", 3), ("BBC", 0), ("CNN", 9), ("Fox", 3), ("TIME", 0)]);
        let a = arrange(&v, &["TIME".to_string()], "", false);
        assert_eq!(names(&a), ["TIME", "CNN", "AP", "Fox"]);
        assert_eq!(a.available, 4);
        assert!(a.shown[0].selected && a.shown[0].count == 0);
    }

    #[test]
    fn only_the_first_few_unless_all_and_selected_always_show() {
        let v: Vec<(String, usize)> = (0..20).map(|i| (format!("Outlet {i:02}"), 100 - i)).collect();
        let a = arrange(&v, &[], "", false);
        assert_eq!(a.shown.len(), SHOWN_AT_FIRST);
        assert_eq!(a.available, 20);
        assert_eq!(arrange(&v, &[], "", true).shown.len(), 20);
        let many: Vec<String> = (10..20).map(|i| format!("Outlet {i:02}")).collect();
        let a = arrange(&v, &many, "", false);
        assert_eq!(a.shown.len(), 10, "ten selected values all show");
        assert!(a.shown.iter().all(|s| s.selected));
    }

    #[test]
    fn the_name_filter_folds_case_and_accents_and_shows_every_match() {
        let v = values(&[("Yeni Şafak", 2), ("The National", 5), ("National Review", 1), ("Daily Sabah", 0)]);
        assert_eq!(names(&arrange(&v, &[], "SAFAK", false)), ["Yeni Şafak"]);
        assert_eq!(names(&arrange(&v, &[], " national ", false)), ["The National", "National Review"]);
        // A value without matches stays hidden even when its name matches.
        assert!(arrange(&v, &[], "sabah", false).shown.is_empty());
        let v: Vec<(String, usize)> = (0..30).map(|i| (format!("News {i}"), 1)).collect();
        assert_eq!(arrange(&v, &[], "news", false).shown.len(), 30);
    }
}
