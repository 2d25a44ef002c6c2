//! Quote trails: the quotations two or more outlets ran, widest first, narrowed by the current
//! search (its words in the quotation), outlets and dates (an appearance among them). Each
//! trail shows its first appearance and, on request, its timeline of appearances with every
//! variant's words as printed: words it added or changed are marked, words it left out listed.
//! [`TrailNote`] is the same for one quotation in the reader: the other outlets that ran it.

use crate::components::links::open_link;
use crate::components::text::{long_date, marked, plural, truncate};
use crate::data::{self, DataVersion};
use crate::state::query::{self, speaker_names, ReportFilter, Terms};
use crate::state::{AppState, Route};
use dispatches_engine::shards::library::{pack_quote, unpack_quote};
use dispatches_engine::shards::{ShardTrail, TrailOccurrence, TrailsShard};
use dispatches_engine::trails::ChangeKind;
use std::sync::Arc;
use yew::prelude::*;

/// Trails listed at first, and added by each "Show more".
const PAGE: usize = 30;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The occurrence's changed and added words, as byte ranges of its text.
fn change_marks(o: &TrailOccurrence) -> Vec<(usize, usize)> {
    let base = o.span.start as usize;
    o.changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Omitted)
        .filter_map(|c| Some(((c.words.start as usize).checked_sub(base)?, (c.words.end as usize).checked_sub(base)?)))
        .collect()
}

/// The longest form's words this occurrence left out or printed differently.
fn left_out<'t>(o: &TrailOccurrence, longest: &'t TrailOccurrence) -> Vec<&'t str> {
    let base = longest.span.start as usize;
    o.changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Omitted)
        .filter_map(|c| longest.text.get((c.longest.start as usize).checked_sub(base)?..(c.longest.end as usize).checked_sub(base)?))
        .filter(|w| !w.trim().is_empty())
        .collect()
}

#[function_component(Trails)]
pub fn trails(props: &Props) -> Html {
    let version = use_context::<DataVersion>().unwrap_or_default();
    let shown = use_state(|| PAGE);
    let r = &props.route;
    // The search's matched words (typos and prefixes included), as the reader marks them.
    let terms_outcome = use_memo((r.query.clone(), version), |(q, _)| {
        if q.trim().is_empty() { Ok(Vec::new()) } else { query::search(&Route { query: q.clone(), ..Route::default() }, 0).map(|r| r.terms) }
    });
    let terms = use_memo(terms_outcome.as_ref().as_ref().ok().cloned().unwrap_or_default(), |t| Terms::new(t.clone()));
    let loaded = data::with(|l| l.trails());
    let need = loaded.as_ref().err().or(terms_outcome.as_ref().as_ref().err()).cloned();
    use_effect_with((need, version), |(need, _)| {
        if let Some(n) = need {
            data::request(n);
        }
    });
    let head = |lede: Html| {
        html! {
            <header class="page-head">
                <h1 id="dx-title" class="page-title" tabindex="-1">{"Quote trails"}</h1>
                <p class="page-lede">{lede}</p>
            </header>
        }
    };
    let shard: Arc<TrailsShard> = match (loaded, terms_outcome.as_ref()) {
        (Ok(x), Ok(_)) => x,
        _ => {
            return html! {
                <section class="trails-view" aria-labelledby="dx-title" aria-busy="true">
                    { head(html! {{"Loading the quote trails…"}}) }
                </section>
            };
        }
    };
    let table = data::with(|l| l.table().clone());
    let filter = ReportFilter::of(r);
    let wide: Vec<&ShardTrail> = shard.trails.iter().filter(|t| t.outlets >= 2).collect();
    let filtering = !r.query.trim().is_empty() || r.has_filters();
    let matching: Vec<&ShardTrail> = wide
        .iter()
        .copied()
        .filter(|t| t.occurrences.iter().any(|o| filter.keeps(&table, o.article as usize)))
        // A query whose words the corpus does not have matches no trail.
        .filter(|t| r.query.trim().is_empty() || t.occurrences.iter().any(|o| !terms.marks(&o.text).is_empty()))
        .collect();
    let lede = if wide.is_empty() {
        html! {{"No quotation in these reports was carried by two outlets."}}
    } else if matching.is_empty() {
        html! {{format!("None of the {} carried by two or more outlets matches the current search, outlets and dates.", plural(wide.len(), "quotation", "quotations"))}}
    } else if filtering {
        html! {{format!("{} of the {} carried by two or more outlets match the current search, outlets and dates; the most widely carried first.", matching.len(), plural(wide.len(), "quotation", "quotations"))}}
    } else {
        html! {{format!("{} carried by two or more outlets, the most widely carried first. Open a trail to see who ran it when, and how its words changed.", plural(wide.len(), "quotation was", "quotations were"))}}
    };
    // The speakers the trails on screen credit: their names, from the speaker pages they are on.
    let mut credited: Vec<usize> = matching
        .iter()
        .take(*shown)
        .flat_map(|t| t.speaker.into_iter().chain(t.occurrences.iter().filter_map(|o| o.speaker)))
        .map(|s| s as usize)
        .collect();
    dispatches_engine::search::sort::sort(&mut credited);
    credited.dedup();
    let names = match speaker_names(&credited) {
        Ok(names) => names,
        Err(need) => {
            data::request(&need);
            return html! {
                <section class="trails-view" aria-labelledby="dx-title" aria-busy="true">
                    { head(html! {{"Loading the quote trails…"}}) }
                </section>
            };
        }
    };
    let speaker_name = |s: Option<u32>| s.and_then(|s| names.get(&(s as usize))).cloned();
    let items = matching.iter().take(*shown).enumerate().map(|(i, t)| {
        let Some(longest) = t.occurrences.get(t.longest as usize) else { return html! {} };
        let Some(first) = t.occurrences.first() else { return html! {} };
        let outlet_of = |o: &TrailOccurrence| table.outlet_of(o.article as usize).and_then(|k| table.outlets().get(k)).cloned().unwrap_or_default();
        let date_of = |o: &TrailOccurrence| table.date_of(o.article as usize).map(long_date).unwrap_or_default();
        let credit = match speaker_name(t.speaker) {
            Some(name) => format!("Said by {name}"),
            None if t.occurrences.iter().any(|o| o.speaker.is_some()) => "The outlets credit different speakers".to_string(),
            None => "No outlet names a speaker".to_string(),
        };
        let timeline = t.occurrences.iter().map(|o| {
            let quote = o.quote.map(|p| unpack_quote(p as usize).1 + 1);
            let (href, onclick) = open_link(r, &o.id, quote, &props.dispatch);
            let omitted = left_out(o, longest);
            let printed = speaker_name(o.speaker).map(|n| format!(" — credited to {n}")).unwrap_or_else(|| " — no speaker named".to_string());
            html! {
                <li class="trail__appearance">
                    <p class="trail__where">
                        <span class="trail__date">{date_of(o)}</span>{" · "}
                        <span class="trail__outlet">{outlet_of(o)}</span>{printed}{" · "}
                        <a {href} {onclick} data-focus={format!("a:{}", o.id)}>{"Read in context"}<span class="sr-only">{format!(" ({}, {})", outlet_of(o), date_of(o))}</span></a>
                    </p>
                    <blockquote class="trail__variant"><p>{marked(&o.text, &change_marks(o))}</p></blockquote>
                    if !omitted.is_empty() {
                        <p class="trail__omitted">{format!("Leaves out: {}", omitted.iter().map(|w| format!("“{}”", truncate(w, 120))).collect::<Vec<_>>().join(", "))}</p>
                    }
                </li>
            }
        });
        let heading = format!("dx-trail-{i}");
        html! {
            <li class="trail">
                <article aria-labelledby={heading.clone()}>
                    <h2 id={heading} class="trail__text">{format!("“{}”", truncate(&longest.text, 300))}</h2>
                    <p class="trail__meta">
                        {format!("{} · {} · first in {}, {} · {credit}", plural(t.outlets as usize, "outlet", "outlets"), plural(t.occurrences.len(), "appearance", "appearances"), outlet_of(first), date_of(first))}
                    </p>
                    <details class="trail__details">
                        <summary>{"Timeline and variants"}<span class="sr-only">{format!(" of “{}”", truncate(&longest.text, 60))}</span></summary>
                        <p class="trail__legend">{"Marked: words an outlet added or printed differently from the longest version."}</p>
                        <ol class="trail__timeline">{ for timeline }</ol>
                    </details>
                </article>
            </li>
        }
    });
    let more = matching.len().saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    html! {
        <section class="trails-view" aria-labelledby="dx-title">
            { head(lede) }
            if !matching.is_empty() {
                <ol class="trails" aria-label="Quote trails">{ for items }</ol>
            }
            if more > 0 {
                <button type="button" class="button trails__more" onclick={on_more}>{format!("Show {} more", more.min(PAGE))}</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoteProps {
    /// Article number and 1-based quotation number (as in the reader and `quote=` links).
    pub article: usize,
    pub quote: usize,
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// After a paragraph in the reader: when its quotation `quote` was carried by other reports, a
/// disclosure with every other appearance (date, outlet, its words with the added and changed
/// ones marked, a link to it). Nothing otherwise, and nothing while its trail loads.
#[function_component(TrailNote)]
pub fn trail_note(props: &NoteProps) -> Html {
    let version = use_context::<DataVersion>().unwrap_or_default();
    // Only this quotation's trail (its range's index and its trail's page: a few kilobytes),
    // not every trail.
    let loaded = data::with(|l| props.quote.checked_sub(1).map_or(Ok(None), |k| l.trail_of_quote(props.article, k)));
    let need = loaded.as_ref().err().cloned();
    use_effect_with((need, version), |(need, _)| {
        if let Some(n) = need {
            data::request(n);
        }
    });
    let Ok(Some(trail)) = loaded else { return html! {} };
    let here = pack_quote(props.article, props.quote - 1);
    let others: Vec<&TrailOccurrence> = trail.occurrences.iter().filter(|o| o.quote != Some(here)).collect();
    let table = data::with(|l| l.table().clone());
    let outlet_of = |o: &TrailOccurrence| table.outlet_of(o.article as usize).and_then(|k| table.outlets().get(k)).cloned().unwrap_or_default();
    let date_of = |o: &TrailOccurrence| table.date_of(o.article as usize).map(long_date).unwrap_or_default();
    let items = others.iter().map(|o| {
        let quote = o.quote.map(|p| unpack_quote(p as usize).1 + 1);
        let (href, onclick) = open_link(&props.route, &o.id, quote, &props.dispatch);
        html! {
            <li class="trail__appearance">
                <p class="trail__where">
                    <span class="trail__date">{date_of(o)}</span>{" · "}<span class="trail__outlet">{outlet_of(o)}</span>{" · "}
                    <a {href} {onclick}>{"Read it there"}<span class="sr-only">{format!(" ({}, {})", outlet_of(o), date_of(o))}</span></a>
                </p>
                <blockquote class="trail__variant"><p>{marked(&o.text, &change_marks(o))}</p></blockquote>
            </li>
        }
    });
    html! {
        <details class="trail-note">
            <summary>{format!("Quote trail: {} ran these words", plural(trail.outlets as usize, "outlet", "outlets"))}<span class="sr-only">{format!(" (quotation {})", props.quote)}</span></summary>
            <p class="trail__legend">{format!("{}; marked: words printed differently from the longest version.", plural(others.len(), "other appearance", "other appearances"))}</p>
            <ol class="trail__timeline">{ for items }</ol>
        </details>
    }
}
