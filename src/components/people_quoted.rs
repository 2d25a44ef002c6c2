//! The "People quoted" facet: who is quoted in the most of the reports the search matches,
//! each a link to their quotations (the filters kept). Closed at first: it reads every
//! match's speakers, which only someone who opened it should pay for.

use crate::components::links::speaker_link_filtered;
use crate::components::text::{plural, thousands};
use crate::data::{self, DataVersion};
use crate::state::query::{people_quoted, PersonQuoted};
use crate::state::{AppState, Route};
use yew::prelude::*;

/// People listed (InstantSearch's refinement-list default is 10; this is an overview).
const SHOWN: usize = 8;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(PeopleQuoted)]
pub fn people_quoted_facet(props: &Props) -> Html {
    let open = use_state(|| false);
    let version = use_context::<DataVersion>().unwrap_or_default();
    let r = &props.route;
    let key = (r.query.clone(), r.outlets.clone(), r.from, r.to);
    let outcome = use_memo((key, *open, version), |((q, outlets, from, to), open, _)| {
        open.then(|| people_quoted(&Route { query: q.clone(), outlets: outlets.clone(), from: *from, to: *to, ..Route::default() }, SHOWN))
    });
    let shown = use_mut_ref(Vec::<PersonQuoted>::new);
    let busy = match &*outcome {
        Some(Ok(people)) => {
            *shown.borrow_mut() = people.clone();
            false
        }
        Some(Err(need)) => {
            data::request(need);
            true
        }
        None => false,
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let people = shown.borrow().clone();
    let items = people.iter().map(|p| {
        let (href, onclick) = speaker_link_filtered(r, &p.name, &props.dispatch);
        html! {
            <li class="people__item">
                <a class="people__name" {href} {onclick}>{&p.name}</a>
                <span class="facet__count" title={plural(p.reports, "report", "reports")}>
                    {thousands(p.reports)}<span class="sr-only">{if p.reports == 1 { " report" } else { " reports" }}</span>
                </span>
            </li>
        }
    });
    html! {
        <details class="facet people" {ontoggle} aria-busy={busy.to_string()}>
            <summary class="facet__legend people__summary">{"People quoted"}</summary>
            if *open {
                if people.is_empty() && !busy {
                    <p class="facet__none">{"No one named is quoted in these reports."}</p>
                } else {
                    <p class="people__help">{"In the most of these reports:"}</p>
                    <ol class="facet__list people__list">{ for items }</ol>
                }
            }
        </details>
    }
}
