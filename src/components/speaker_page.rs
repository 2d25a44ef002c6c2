//! One speaker: all their quotations across outlets, each linking into the reader at it.

use crate::components::links::{link, open_link};
use crate::components::reader::attribution;
use crate::components::text::{long_date, plural, truncate};
use crate::data::{self, DataVersion};
use crate::state::query::{self, speaker_by_name, speakers};
use crate::state::{url, Action, AppState, Route, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Reports whose quotations a speaker's page shows at first, and adds with each "Show more".
const REPORTS_PER_PAGE: usize = 20;

#[function_component(SpeakerPage)]
pub fn speaker_page(props: &Props) -> Html {
    let name = props.route.speaker.clone().unwrap_or_default();
    // Reports shown: a much-quoted speaker's page grows on request, so it never fetches the
    // articles of every report at once (in the split layout, each may be another group).
    let shown = use_state(|| REPORTS_PER_PAGE);
    let back_href = url::to_search(&Route { view: View::Speakers, ..Route::default() });
    let (back_href, back) = link(back_href, &props.dispatch, || Action::SelectSpeaker(None));
    let nav = html! {
        <nav class="reader__nav" aria-label="Speaker">
            <a class="back" href={back_href} onclick={back}>{"← Who said what"}</a>
        </nav>
    };
    let _ = use_context::<DataVersion>();
    let loading = |need: &dispatches_engine::shards::Need| {
        data::request(need);
        html! {
            <section class="who" aria-busy="true">
                <h1 class="page-title" tabindex="-1">{truncate(&name, 80)}</h1>
                <p>{"Loading their quotations…"}</p>
            </section>
        }
    };
    let list = match speakers() {
        Ok(list) => list,
        Err(need) => return loading(&need),
    };
    let Some(s) = speaker_by_name(&list, &name).and_then(|i| list.get(i)) else {
        return html! {
            <section class="who missing">
                {nav}
                <h1 class="page-title" tabindex="-1">{"No one by that name"}</h1>
                <p>{format!("No one called “{}” is quoted in these reports.", truncate(&name, 80))}</p>
            </section>
        };
    };
    // Group the quotes by article, keeping corpus order (newest first).
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &(a, n) in &s.quotes {
        match groups.iter_mut().find(|(x, _)| *x == a) {
            Some((_, v)) => v.push(n),
            None => groups.push((a, vec![n])),
        }
    }
    let all_reports = groups.len();
    groups.truncate(*shown);
    let indexes: Vec<usize> = groups.iter().map(|g| g.0).collect();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + REPORTS_PER_PAGE))
    };
    let views = match query::articles(&indexes) {
        Ok(v) => v,
        Err(need) => return loading(&need),
    };
    let route = Route { view: View::Speakers, speaker: Some(s.name.clone()), ..Route::default() };
    let sections = groups.iter().zip(&views).map(|((a, ns), view)| {
        let article = view.article();
        let items = ns.iter().filter_map(|&n| view.quote(n)).map(|q| {
            let (href, onclick) = open_link(&route, &article.id, Some(q.n), &props.dispatch);
            let (speaker, label) = attribution(view, q);
            let text = view.quote_text(q);
            html! {
                <li class="said__item">
                    <blockquote class="said__quote"><p><q data-speaker={speaker} data-label={label}>{text}</q></p></blockquote>
                    <a class="said__link" data-focus={format!("q:{}:{}", article.id, q.n)} {href} {onclick}>
                        {"Read it in context"}<span class="sr-only">{format!(": {}, {}", article.meta.outlet, truncate(&article.meta.headline, 60))}</span>
                    </a>
                </li>
            }
        });
        html! {
            <section class="said" aria-labelledby={format!("dx-said-{a}")}>
                <h2 class="said__head" id={format!("dx-said-{a}")}>
                    <span class="said__outlet">{&article.meta.outlet}</span>
                    <span class="said__date">{long_date(article.meta.published)}</span>
                    <span class="said__headline">{&article.meta.headline}</span>
                </h2>
                <ol class="said__list">{ for items }</ol>
            </section>
        }
    });
    html! {
        <section class="who" aria-labelledby="dx-title">
            {nav}
            <header class="page-head">
                <p class="kicker">{"Who said what"}</p>
                <h1 id="dx-title" class="page-title" tabindex="-1">{&s.name}</h1>
                if let Some(role) = &s.role { <p class="page-role">{role}</p> }
                <p class="page-lede">{format!("{} in {}: {}", plural(s.quotes.len(), "quote", "quotes"), plural(s.outlets.len(), "outlet", "outlets"), s.outlets.join(", "))}</p>
            </header>
            { for sections }
            if all_reports > groups.len() {
                <button type="button" class="button more" onclick={more}>{format!("Show more ({} of {} reports shown)", groups.len(), all_reports)}</button>
            }
        </section>
    }
}
