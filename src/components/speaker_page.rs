//! One speaker: their quotations across outlets (those in the reports the filters keep),
//! grouped by outlet and report, a page of reports at a time, each linking into the reader.

use crate::components::links::{link, open_link};
use crate::components::reader::attribution_label;
use crate::components::text::{long_date, plural, truncate};
use crate::data::{self, DataVersion};
use crate::state::query::{speaker_named, ReportFilter};
use dispatches_engine::shards::speakers::SaidInReport;
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
    let clear = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ClearFilters))
    };
    let loading = |need: &dispatches_engine::shards::Need| {
        data::request(need);
        html! {
            <section class="who" aria-busy="true">
                <h1 class="page-title" tabindex="-1">{truncate(&name, 80)}</h1>
                <p>{"Loading their quotations…"}</p>
            </section>
        }
    };
    let s = match speaker_named(&name) {
        Ok(Some(s)) => s,
        Ok(None) => {
            return html! {
                <section class="who missing">
                    {nav}
                    <h1 class="page-title" tabindex="-1">{"No one by that name"}</h1>
                    <p>{format!("No one called “{}” is quoted in these reports.", truncate(&name, 80))}</p>
                </section>
            };
        }
        Err(need) => return loading(&need),
    };
    // The filters apply here too: only quotations in the reports they keep. Each quotation
    // as (article, its number there, its place in the speaker's list).
    let filter = ReportFilter::of(&props.route);
    let kept: Vec<(usize, usize, usize)> =
        data::with(|l| s.quotes.iter().enumerate().map(|(i, &(a, n))| (a, n, i)).filter(|&(a, _, _)| filter.keeps(l.table(), a)).collect());
    // Grouped by outlet, the outlet quoting them most first; within one, newest first (corpus
    // order). Each report's quotations together.
    let mut outlets: Vec<(usize, Vec<Quoted>)> = Vec::new();
    data::with(|l| {
        let table = l.table();
        for &(a, n, i) in &kept {
            let o = table.outlet_of(a).unwrap_or(usize::MAX);
            let at = outlets.iter().position(|x| x.0 == o).unwrap_or_else(|| {
                outlets.push((o, Vec::new()));
                outlets.len() - 1
            });
            let reports = &mut outlets[at].1;
            match reports.iter_mut().find(|(x, _)| *x == a) {
                Some((_, v)) => v.push((n, i)),
                None => reports.push((a, vec![(n, i)])),
            }
        }
    });
    let quotes_in = |reports: &[Quoted]| reports.iter().map(|r| r.1.len()).sum::<usize>();
    dispatches_engine::search::sort::sort_by(&mut outlets, |a, b| quotes_in(&b.1).cmp(&quotes_in(&a.1)));
    let all_reports: usize = outlets.iter().map(|o| o.1.len()).sum();
    let outlet_count = outlets.len();
    // The first `shown` reports, in that order.
    let mut budget = *shown;
    let mut page: Vec<(usize, usize, Vec<Quoted>)> = Vec::new();
    for (o, reports) in &outlets {
        if budget == 0 {
            break;
        }
        let take: Vec<Quoted> = reports.iter().take(budget).cloned().collect();
        budget -= take.len();
        page.push((*o, quotes_in(reports), take));
    }
    let shown_reports: usize = page.iter().map(|p| p.2.len()).sum();
    // What the shown quotations say: the runs of what speakers said that hold them, not the
    // reports' articles (at 10,000 reports that was about 20 article groups, 700 KB).
    let places: Vec<usize> = page.iter().flat_map(|p| p.2.iter().flat_map(|r| r.1.iter().map(|q| q.1))).collect();
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + REPORTS_PER_PAGE))
    };
    let said = match data::with(|l| l.said(s.number, &places)) {
        Ok(said) => said,
        Err(need) => return loading(&need),
    };
    let route = Route { view: View::Speakers, speaker: Some(s.name.clone()), ..Route::default() };
    let mut said = said.into_iter();
    let sections = page.iter().map(|(o, quotes, reports)| {
        let outlet = data::with(|l| l.table().outlets().get(*o).cloned()).unwrap_or_default();
        let reports: Vec<_> = reports
            .iter()
            .map(|(a, ns)| {
                let quotations: Vec<(usize, SaidInReport)> = ns.iter().map(|q| q.0).zip(said.by_ref()).collect();
                report(&route, *a, &s.name, &outlet, &quotations, &props.dispatch)
            })
            .collect();
        html! {
            <section class="said-outlet" aria-labelledby={format!("dx-said-o{o}")}>
                <h2 class="said-outlet__head" id={format!("dx-said-o{o}")}>
                    {&outlet}<span class="said-outlet__count">{format!(" · {}", plural(*quotes, "quote", "quotes"))}</span>
                </h2>
                { for reports }
            </section>
        }
    });
    let filtered = !filter.is_empty();
    html! {
        <section class="who" aria-labelledby="dx-title">
            {nav}
            <header class="page-head">
                <p class="kicker">{"Who said what"}</p>
                <h1 id="dx-title" class="page-title" tabindex="-1">{&s.name}</h1>
                if let Some(role) = &s.role { <p class="page-role">{role}</p> }
                <p class="page-lede">{format!("{} in {}{}", plural(kept.len(), "quote", "quotes"), plural(outlet_count, "outlet", "outlets"),
                    if filtered { format!(" in the reports the filters keep ({} in all)", s.quotes.len()) } else { String::new() })}</p>
                if filtered {
                    <button type="button" class="button" onclick={clear}>{"Clear filters"}</button>
                }
            </header>
            <Travelled speaker={s.number} route={route.clone()} dispatch={props.dispatch.clone()} />
            { for sections }
            if all_reports > shown_reports {
                <button type="button" class="button more" onclick={more}>{format!("Show more ({} of {} reports shown)", shown_reports, all_reports)}</button>
            }
        </section>
    }
}

/// A report's quotations of the speaker: (article, [(quotation number, place in the
/// speaker's list)]).
type Quoted = (usize, Vec<(usize, usize)>);

/// One report's quotations of the speaker (`(number, what it says)`), each linking into the
/// reader at it.
fn report(route: &Route, a: usize, speaker: &str, outlet: &str, quotations: &[(usize, SaidInReport)], dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let Some((id, headline)) = quotations.first().map(|(_, q)| (q.id.as_str(), q.headline.as_str())) else { return html! {} };
    let items = quotations.iter().map(|(n, q)| {
        let (href, onclick) = open_link(route, id, Some(*n), dispatch);
        let label = attribution_label(speaker, q.said.role.as_deref());
        html! {
            <li class="said__item">
                <blockquote class="said__quote"><p><q data-speaker={speaker.to_string()} data-label={label}>{&q.said.text}</q></p></blockquote>
                <a class="said__link" data-focus={format!("q:{id}:{n}")} {href} {onclick}>
                    {"Read it in context"}<span class="sr-only">{format!(": {outlet}, {}", truncate(headline, 60))}</span>
                </a>
            </li>
        }
    });
    let date = data::with(|l| l.table().date_of(a)).map(long_date).unwrap_or_default();
    html! {
        <section class="said" aria-labelledby={format!("dx-said-{a}")}>
            <h3 class="said__head" id={format!("dx-said-{a}")}>
                <span class="said__date">{date}</span>
                <span class="said__headline">{headline}</span>
            </h3>
            <ol class="said__list">{ for items }</ol>
        </section>
    }
}

/// Trails shown on a speaker's page.
const TRAVELLED: usize = 3;

#[derive(Properties, PartialEq)]
struct TravelledProps {
    speaker: usize,
    route: Route,
    dispatch: UseReducerDispatcher<AppState>,
}

/// Which of a speaker's quotations travelled furthest: their quote trails carried by two or
/// more outlets, widest first (nothing while they load).
#[function_component(Travelled)]
fn travelled(props: &TravelledProps) -> Html {
    let _ = use_context::<DataVersion>();
    // Only this speaker's widest trails (their pages), not every trail.
    let trails = match data::with(|l| l.speaker_trails(props.speaker, TRAVELLED)) {
        Ok(trails) => trails,
        Err(need) => {
            data::request(&need);
            return html! {};
        }
    };
    if trails.is_empty() {
        return html! {};
    }
    let items = trails.iter().filter_map(|t| {
        let longest = t.occurrences.get(t.longest as usize)?;
        let first = t.occurrences.first()?;
        let quote = first.quote.map(|p| dispatches_engine::shards::library::unpack_quote(p as usize).1 + 1);
        let (href, onclick) = open_link(&props.route, &first.id, quote, &props.dispatch);
        let (outlet, date) = data::with(|l| {
            let table = l.table();
            let outlet = table.outlet_of(first.article as usize).and_then(|o| table.outlets().get(o)).cloned().unwrap_or_default();
            (outlet, table.date_of(first.article as usize).map(long_date).unwrap_or_default())
        });
        Some(html! {
            <li class="travelled__item">
                <blockquote class="said__quote"><p><q>{truncate(&longest.text, 280)}</q></p></blockquote>
                <p class="travelled__where">
                    {format!("Run by {}; first by {outlet}, {date}. ", plural(t.outlets as usize, "outlet", "outlets"))}
                    <a {href} {onclick}>{"Read the first"}<span class="sr-only">{format!(" ({outlet}, {date})")}</span></a>
                </p>
            </li>
        })
    });
    html! {
        <section class="travelled" aria-labelledby="dx-travelled">
            <h2 id="dx-travelled" class="travelled__head">{"Quoted most widely"}</h2>
            <ol class="travelled__list">{ for items }</ol>
        </section>
    }
}
