//! The search screen: heading, search box, live result count, filters and results.

use crate::components::filters::Filters;
use crate::components::links::speaker_link;
use crate::components::results::Results;
use crate::components::search_box::SearchBox;
use crate::components::text::{plural, thousands, truncate};
use crate::components::offline::Offline;
use crate::data::{self, DataVersion};
use crate::state::query::{self, page_size};
use dispatches_engine::search::SearchResults;
use std::rc::Rc;
use crate::state::{Action, AppState, Route, Sort};
use dispatches_engine::Date;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Filters start open (wide screen).
    pub filters_open: bool,
}

/// The part of the route a search depends on.
#[derive(Clone, PartialEq)]
struct Key {
    query: String,
    outlets: Vec<String>,
    from: Option<Date>,
    to: Option<Date>,
    sort: Sort,
    limit: usize,
}

#[function_component(SearchPage)]
pub fn search_page(props: &Props) -> Html {
    let r = &props.route;
    let limit = use_state(page_size);
    let version = use_context::<DataVersion>().unwrap_or_default();
    let key = Key { query: r.query.clone(), outlets: r.outlets.clone(), from: r.from, to: r.to, sort: r.sort, limit: *limit };
    let outcome = {
        let route = r.clone();
        use_memo((key, version), move |(k, _)| query::search(&route, k.limit).map(Rc::new))
    };
    // While shards are fetched the previous results stay, marked busy; the fetch is asked for
    // after the render.
    // The status line describes the results shown, so it keeps the route they answer.
    let shown = use_mut_ref(|| None::<(Rc<SearchResults>, Route)>);
    let need = match &*outcome {
        Ok(res) => {
            *shown.borrow_mut() = Some((res.clone(), r.clone()));
            None
        }
        Err(n) => Some(n.clone()),
    };
    let busy = need.is_some();
    // A lone letter being typed is not searched yet; its dictionary is fetched meanwhile.
    let ahead = data::with(|l| l.ahead_of_typing(&r.query));
    if !ahead.is_empty() && !busy {
        data::request(&dispatches_engine::shards::Need::Fetch(ahead));
    }
    // Keyed on the version too: after "Try again" the same shards are needed again.
    use_effect_with((need, version), |(need, _)| {
        if let Some(n) = need {
            data::request(n);
        }
    });
    let first_load = busy && shown.borrow().is_none();
    let (results, answered) = shown.borrow().clone().unwrap_or_else(|| (Rc::default(), r.clone()));
    // Speakers named by the query, from a name shard at hand (never fetched for it).
    let named = use_memo((r.query.clone(), version), |(q, _)| query::people_named(q));
    let terms = use_memo(results.terms.clone(), |t| query::Terms::new(t.clone()));
    let hits = use_memo(results.hits.clone(), |h| h.clone());
    let facts = query::facts();
    let total = results.total;
    // "p", typed so far, is no query yet: the list is the newest reports, and says so.
    let aq = if dispatches_engine::search::query::has_words(&answered.query) { answered.query.trim() } else { "" };
    let status = if first_load {
        "Loading the reports…".to_string()
    } else if aq.is_empty() && !answered.has_filters() {
        format!("{}, newest first", plural(total, "report", "reports"))
    } else if aq.is_empty() {
        format!("{} with these filters", plural(total, "report", "reports"))
    } else if total == 0 {
        format!("No reports match “{}”", truncate(aq, 40))
    } else {
        format!("{} {} “{}”", plural(total, "report", "reports"), if total == 1 { "matches" } else { "match" }, truncate(aq, 40))
    };
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + page_size()))
    };
    let clear = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ClearFilters))
    };
    let speaker_cards = named.iter().take(3).map(|s| {
        let (href, onclick) = speaker_link(&s.name, &props.dispatch);
        html! {
            <li class="who-card">
                <p class="who-card__kicker">{"Quoted in these reports"}</p>
                <p class="who-card__name">{&s.name}</p>
                if let Some(role) = &s.role { <p class="who-card__role">{role}</p> }
                <p class="who-card__count">
                    {format!("{} in {}", plural(s.quotes, "quote", "quotes"), plural(s.outlets, "outlet", "outlets"))}
                    {" · "}<a {href} {onclick}>{format!("All quotes from {}", s.name)}</a>
                </p>
            </li>
        }
    });
    html! {
        <section class="search" aria-labelledby="dx-title">
            <header class="page-head">
                <h1 id="dx-title" class="page-title" tabindex="-1">{&facts.title}</h1>
                if !facts.description.is_empty() { <p class="page-lede">{&facts.description}</p> }
            </header>
            <SearchBox query={r.query.clone()} sort={r.sort} dispatch={props.dispatch.clone()} />
            <div class="search__layout">
                <Filters route={r.clone()} outlets={results.outlet_facets.clone()} days={results.day_facets.clone()}
                    dispatch={props.dispatch.clone()} open={props.filters_open} people=true />
                <div class="search__main">
                    <p class="status" role="status">{status}</p>
                    if !named.is_empty() { <ul class="who-cards" aria-label="People and organisations matching your search">{ for speaker_cards }</ul> }
                    if total == 0 && !busy {
                        <div class="empty">
                            <p class="empty__title">{"Nothing matches."}</p>
                            <p>{"Try fewer or different words, check the spelling, or widen the filters."}</p>
                            if r.has_filters() { <button type="button" class="button" onclick={clear}>{"Clear filters"}</button> }
                        </div>
                    }
                    <Results hits={hits} terms={terms} {busy} route={r.clone()} dispatch={props.dispatch.clone()} />
                    if total > results.hits.len() {
                        <button type="button" class="button more" onclick={show_more}>{format!("Show more ({} of {} shown)", results.hits.len(), thousands(total))}</button>
                    }
                    <Offline />
                </div>
            </div>
        </section>
    }
}
