//! One search result: outlet, date, headline (opens the reader), snippet with the matches
//! marked, and the matching quotations with their speakers.

use crate::components::text::{clip, long_date, marked};
use crate::data::{self, DataVersion};
use crate::state::query::{self, Terms};
use crate::components::links::open_link;
use crate::state::{AppState, Route};
use dispatches_engine::search::Hit as EngineHit;
use std::rc::Rc;
use yew::prelude::*;

/// Quotations shown under a result at most.
const QUOTES_SHOWN: usize = 3;
/// Longest quotation shown under a result, in bytes (cut at a char boundary): the engine's,
/// because a result card keeps that much of the quotations it shows.
use dispatches_engine::shards::cards::QUOTE_SHOWN_MAX as QUOTE_MAX;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub hit: EngineHit,
    pub terms: Rc<Terms>,
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(Hit)]
pub fn hit(props: &Props) -> Html {
    let _ = use_context::<DataVersion>();
    let view = match query::card(props.hit.article) {
        Ok(v) => v,
        Err(need) => {
            // Its card was loaded for the snippet and evicted since: ask again.
            data::request(&need);
            return html! { <li class="card hit" aria-busy="true"><p class="card__meta">{"Loading…"}</p></li> };
        }
    };
    let article = view.article();
    let meta = &article.meta;
    let (href, onclick) = open_link(&props.route, &article.id, None, &props.dispatch);
    let snip = &props.hit.snippet;
    let snippet_marks: Vec<(usize, usize)> = snip.matches.iter().map(|&(a, b)| (a as usize, b as usize)).collect();
    let block_start = article.blocks.get(snip.block).map_or(0, |b| b.span.start);
    let lead = if snip.start > block_start { "… " } else { "" };
    let tail = if snip.text.trim_end().ends_with(['.', '!', '?', '”', '"', '’', '\'', ':']) { "" } else { " …" };
    let headline_marks = props.terms.marks_in(view.headline_tokens());
    // The query's speakers in this report, from the report's own list of speakers (the
    // corpus-wide list may not be at hand; where it is, it names the same ones).
    let named: Vec<usize> = view.speakers_named_by(&props.route.query);
    let quotes = view.quotes_matching(&props.terms, &named);
    let more = quotes.len().saturating_sub(QUOTES_SHOWN);
    let quote_items = quotes.iter().take(QUOTES_SHOWN).map(|q| {
        let text = view.quote_text(q);
        let (shown, cut) = if text.len() > QUOTE_MAX {
            let mut i = QUOTE_MAX;
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            (&text[..i], true)
        } else {
            (text, false)
        };
        let m = clip(&props.terms.marks_in(view.quote_tokens(q)), 0, shown.len());
        let sp = q.speaker.and_then(|s| view.speaker(s));
        let name = sp.map(|s| s.0).unwrap_or("Unattributed");
        let role = q.role.as_deref().or(sp.and_then(|s| s.1));
        let (qhref, qclick) = open_link(&props.route, &article.id, Some(q.n), &props.dispatch);
        let named = q.speaker.is_some_and(|s| named.contains(&s));
        html! {
            <li class="hit__quote">
                <a class="hit__quote-link" href={qhref} onclick={qclick}>
                    <q data-speaker={name.to_string()}>{marked(shown, &m)}{cut.then_some("…")}</q>
                </a>
                <span class="hit__said">
                    {"— "}<span class={classes!("hit__speaker", named.then_some("is-named"))}>{name.to_string()}</span>
                    if let Some(role) = role { <span class="hit__role">{format!(", {role}")}</span> }
                </span>
            </li>
        }
    });
    html! {
        <li class="card hit">
            <p class="card__meta">
                <span class="card__outlet">{&meta.outlet}</span>
                <time datetime={meta.published.to_string()}>{long_date(meta.published)}</time>
            </p>
            <h2 class="card__headline">
                <a class="hit__link" data-focus={format!("a:{}", article.id)} {href} {onclick}>{marked(&meta.headline, &headline_marks)}</a>
            </h2>
            if !snip.text.is_empty() {
                <p class="hit__snippet">{lead}{marked(&snip.text, &snippet_marks)}{tail}</p>
            }
            if !quotes.is_empty() {
                <ul class="hit__quotes" aria-label="Matching quotes">
                    { for quote_items }
                    if more > 0 { <li class="hit__more">{format!("and {more} more in this report")}</li> }
                </ul>
            }
        </li>
    }
}
