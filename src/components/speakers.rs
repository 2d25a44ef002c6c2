//! Who said what: the speakers, found by name, ordered by quotations or by name, a screen at
//! a time, counted over the reports the outlet and date filters keep.
//!
//! A screen reads only what it shows (see `state::query::speaker_rows`): at 10,000 reports
//! the whole speaker index is half a megabyte and 20,000 rows; the list renders
//! [`ROWS_PER_SCREEN`] and grows on request.

use crate::components::filters::Filters;
use crate::components::links::speaker_link_filtered;
use crate::components::text::plural;
use crate::data::{self, DataVersion};
use crate::state::query::{self, facts, speaker_rows, ReportFilter, SpeakerOrder, SpeakerRow};
use crate::state::{Action, AppState, Route};
use yew::prelude::*;

/// Rows rendered at first and added by each "Show more".
pub const ROWS_PER_SCREEN: usize = 50;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Filters start open (wide screen).
    pub filters_open: bool,
}

#[function_component(Speakers)]
pub fn speakers_list(props: &Props) -> Html {
    let r = &props.route;
    // The box and the order live in the route (and so in the URL): back from a speaker's
    // page finds the list as it was left.
    let search = r.who.clone();
    let order = r.who_order;
    let want = use_state(|| ROWS_PER_SCREEN);
    let version = use_context::<DataVersion>().unwrap_or_default();
    let filter = ReportFilter::of(r);
    let outcome = {
        let key = (search.clone(), order, filter.clone(), *want, version);
        use_memo(key, |(s, o, f, w, _)| speaker_rows(s, *o, f, *w))
    };
    // While shards arrive the previous rows stay, marked busy.
    let shown = use_mut_ref(|| None::<(Vec<SpeakerRow>, bool)>);
    let busy = match &*outcome {
        Ok(rows) => {
            *shown.borrow_mut() = Some(rows.clone());
            false
        }
        Err(need) => {
            data::request(need);
            true
        }
    };
    // The outlet counts and timeline of the filters: reports per outlet and day (no query).
    let reports = use_memo((filter.clone(), version), |(f, _)| {
        let route = Route { outlets: f.outlets.clone(), from: f.from, to: f.to, ..Route::default() };
        query::search(&route, 0).ok()
    });
    let (rows, more) = shown.borrow().clone().unwrap_or_default();
    let first_load = busy && shown.borrow().is_none();

    let oninput = {
        let (dispatch, want) = (props.dispatch.clone(), want.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetWho(input.value()));
            want.set(ROWS_PER_SCREEN);
        })
    };
    let order_radio = |o: SpeakerOrder, id: &'static str, label: &'static str| {
        let checked = order == o;
        let (dispatch, want) = (props.dispatch.clone(), want.clone());
        let onchange = Callback::from(move |_: Event| {
            dispatch.dispatch(Action::SetWhoOrder(o));
            want.set(ROWS_PER_SCREEN);
        });
        html! {
            <span class="sort__option">
                <input type="radio" name="dx-who-order" {id} {checked} {onchange} />
                <label for={id}>{label}</label>
            </span>
        }
    };
    let show_more = {
        let want = want.clone();
        Callback::from(move |_| want.set(*want + ROWS_PER_SCREEN))
    };
    let typed = search.trim();
    let typed = if typed.chars().count() < 2 { "" } else { typed };
    let status = if first_load {
        "Loading the speakers…".to_string()
    } else if rows.is_empty() && !typed.is_empty() {
        format!("No one quoted matches “{}”", crate::components::text::truncate(typed, 40))
    } else if rows.is_empty() {
        "No one is quoted in the reports these filters keep.".to_string()
    } else if !typed.is_empty() {
        let n = plural(rows.len(), "speaker", "speakers");
        let verb = if rows.len() == 1 { "matches" } else { "match" };
        format!("{}{n} {verb} “{}”", if more { "The first " } else { "" }, crate::components::text::truncate(typed, 40))
    } else if more {
        format!("Showing the first {}", plural(rows.len(), "speaker", "speakers"))
    } else {
        plural(rows.len(), "speaker", "speakers")
    };
    let items = rows.iter().map(|s| {
        let (href, onclick) = speaker_link_filtered(r, &s.name, &props.dispatch);
        html! {
            <li class="speaker">
                <a class="speaker__name" data-focus={format!("s:{}", s.name)} {href} {onclick}>{&s.name}</a>
                if let Some(role) = &s.role { <p class="speaker__role">{role}</p> }
                <p class="speaker__stats">
                    <span class="speaker__count">{plural(s.quotes, "quote", "quotes")}</span>
                    <span class="speaker__outlets">{plural(s.outlets, "outlet", "outlets")}</span>
                    if s.unnamed { <span class="speaker__kind">{"unnamed source"}</span> }
                </p>
            </li>
        }
    });
    let count = data::with(|l| l.speaker_count());
    let facts = facts();
    html! {
        <section class="who" aria-labelledby="dx-title" aria-busy={busy.to_string()}>
            <header class="page-head">
                <h1 id="dx-title" class="page-title" tabindex="-1">{"Who said what"}</h1>
                <p class="page-lede">
                    if count == 0 {
                        {"No attributed quotations were found in these reports."}
                    } else {
                        {format!("{} quoted in {}. Find a name, or choose one to read everything they said, across outlets.",
                            plural(count, "person, organisation or source", "people, organisations and sources"),
                            plural(facts.articles, "report", "reports"))}
                    }
                </p>
            </header>
            <div class="who__controls" role="search" aria-label="Speakers">
                <div class="who__find">
                    <label class="who__label" for="dx-who-q">{"Find a speaker"}</label>
                    <input type="search" id="dx-who-q" class="who__input" value={search.clone()} {oninput}
                        placeholder="Name or part of it" autocomplete="off" spellcheck="false" aria-describedby="dx-who-status" />
                </div>
                <fieldset class="sort who__order">
                    <legend class="sort__legend">{"Order"}</legend>
                    { order_radio(SpeakerOrder::Quotes, "dx-who-by-quotes", "Most quoted") }
                    { order_radio(SpeakerOrder::Name, "dx-who-by-name", "Name A–Z") }
                </fieldset>
            </div>
            <div class="search__layout">
                if let Some(res) = &*reports {
                    <Filters route={r.clone()} outlets={res.outlet_facets.clone()} days={res.day_facets.clone()}
                        dispatch={props.dispatch.clone()} open={props.filters_open} />
                }
                <div class="search__main">
                    <p class="status" role="status" id="dx-who-status">{status}</p>
                    <ol class="speakers" aria-label="Speakers">{ for items }</ol>
                    if more {
                        <button type="button" class="button more" onclick={show_more}>{format!("Show more ({} shown)", rows.len())}</button>
                    }
                </div>
            </div>
        </section>
    }
}
