//! Filters: outlets (a refinement list with counts for the current query), a date range and
//! the timeline.

use crate::components::people_quoted::PeopleQuoted;
use crate::components::refinement_list::RefinementList;
use crate::components::timeline::Timeline;
use crate::state::query::facts;
use crate::state::{Action, AppState, Route};
use dispatches_engine::Date;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    /// Every outlet with its count for the query and the date filter (not the outlet filter).
    pub outlets: Vec<(String, usize)>,
    /// Matching articles per day (query and outlet filter, not the dates).
    pub days: Vec<(Date, usize)>,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Open the disclosure at first (wide screens).
    pub open: bool,
    /// Show the "People quoted" facet (the search page; who said what is that list itself).
    #[prop_or_default]
    pub people: bool,
}

#[function_component(Filters)]
pub fn filters(props: &Props) -> Html {
    let r = &props.route;
    let facts = facts();
    let active = r.outlets.len() + r.from.is_some() as usize + r.to.is_some() as usize;
    let on_toggle = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |name: String| dispatch.dispatch(Action::ToggleOutlet(name)))
    };
    let date_input = |id: &'static str, label: &'static str, value: Option<Date>, from: bool| {
        let dispatch = props.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let d = Date::parse(&input.value()).ok();
            dispatch.dispatch(if from { Action::SetFrom(d) } else { Action::SetTo(d) });
        });
        html! {
            <div class="dates__field">
                <label for={id}>{label}</label>
                <input type="date" {id} value={value.map(|d| d.to_string()).unwrap_or_default()}
                    min={facts.first.map(|d| d.to_string())} max={facts.last.map(|d| d.to_string())} {onchange} />
            </div>
        }
    };
    let clear = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ClearFilters))
    };
    html! {
        <details class="filters" open={props.open}>
            <summary class="filters__summary">
                <span class="filters__title">{"Filters"}</span>
                if active > 0 { <span class="filters__active">{format!("{active} active")}</span> }
            </summary>
            <div class="filters__body">
                <RefinementList id="src" legend="Sources" noun={("source", "sources")} values={props.outlets.clone()}
                    selected={r.outlets.clone()} {on_toggle} />
                if props.people {
                    <PeopleQuoted route={r.clone()} dispatch={props.dispatch.clone()} />
                }
                <fieldset class="facet dates">
                    <legend class="facet__legend">{"Dates"}</legend>
                    <div class="dates__row">
                        { date_input("dx-from", "From", r.from, true) }
                        { date_input("dx-to", "To", r.to, false) }
                    </div>
                    if let (Some(first), Some(last)) = (facts.first, facts.last) {
                        <Timeline {first} {last} days={props.days.clone()} from={r.from} to={r.to} dispatch={props.dispatch.clone()} />
                    }
                </fieldset>
                <button type="button" class="button filters__clear" onclick={clear} disabled={active == 0}>{"Clear filters"}</button>
            </div>
        </details>
    }
}
