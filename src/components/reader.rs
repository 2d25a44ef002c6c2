//! The reader: one article as a clean page. Every quotation is a `<q data-speaker>` with its
//! speaker shown on hover and focus and spoken to screen readers; the search terms are
//! marked; captions and pull quotes are styled as such; boilerplate is hidden. Opens at the
//! selected quote or the first matching paragraph.

use crate::components::links::plain_click;
use crate::components::text::{clip, long_date, marked, plural, truncate};
use crate::components::trails::TrailNote;
use crate::data::{self, DataVersion};
use crate::state::query::{self, ArticleView, QuoteView};
use crate::state::{url, AppState, Route, View};
use dispatches_engine::{Block, BlockKind};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    /// Leaves the reader (through the history when the reader was opened in the app).
    pub on_close: Callback<()>,
    /// For the links of a quotation's trail (`trails::TrailNote`).
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn shown(b: &Block) -> bool {
    !matches!(b.kind, BlockKind::Headline | BlockKind::Byline | BlockKind::Dateline | BlockKind::Timestamp | BlockKind::Boilerplate(_))
        && !(b.kind == BlockKind::Caption && b.duplicate_of.is_some())
}

/// Who said a quote, as shown: "Jan Egeland, UN humanitarian adviser".
pub fn attribution(view: &ArticleView, q: &QuoteView) -> (String, String) {
    let sp = q.speaker.and_then(|s| view.speaker(s));
    let name = sp.map(|s| s.0.to_string()).unwrap_or_default();
    let role = q.role.clone().or_else(|| sp.and_then(|s| s.1.map(str::to_string)));
    let label = attribution_label(&name, role.as_deref());
    (name, label)
}

/// How a quotation's speaker is named to screen readers and in its tooltip: "Name, role".
pub fn attribution_label(name: &str, role: Option<&str>) -> String {
    match (name.is_empty(), role) {
        (true, _) => "Speaker not identified".to_string(),
        (false, Some(r)) => format!("{name}, {r}"),
        (false, None) => name.to_string(),
    }
}

/// A block's text with its quotations as `<q>` and the search terms marked.
fn inline(view: &ArticleView, block: &Block, quotes: &[&QuoteView], terms: &query::Terms, selected: Option<usize>) -> (Html, bool) {
    let article = view.article();
    let base = block.span.start as usize;
    let text = article.slice(block.span);
    let marks = terms.marks(text);
    let has_marks = !marks.is_empty();
    let mut parts: Vec<Html> = Vec::new();
    let mut pos = 0usize;
    for q in quotes {
        let a = (q.span.start as usize).saturating_sub(base).max(pos);
        let b = (q.span.end as usize).saturating_sub(base).min(text.len());
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        if a > pos {
            parts.push(marked(&text[pos..a], &clip(&marks, pos, a)));
        }
        let (name, label) = attribution(view, q);
        let is_selected = selected == Some(q.n);
        let unknown = name.is_empty();
        parts.push(html! {
            <>
                <q class={classes!("rq", is_selected.then_some("is-selected"), unknown.then_some("is-unknown"))}
                    id={format!("dx-q-{}", q.n)} data-n={q.n.to_string()} data-speaker={name} data-label={label.clone()} tabindex="0">
                    {marked(&text[a..b], &clip(&marks, a, b))}
                </q>
                <span class="sr-only">{format!(" (quote: {label})")}</span>
            </>
        });
        pos = b;
    }
    if pos < text.len() {
        parts.push(marked(&text[pos..], &clip(&marks, pos, text.len())));
    }
    (parts.into_iter().collect::<Html>(), has_marks)
}

/// A quotation's label (the tooltip naming its speaker, `.rq::after` in style.css) starts
/// where the quotation starts; a quotation that starts near the right edge of a phone would
/// have it cut off ("Nancy Pelosi, Speake"). On hover and focus, the label is shifted left just
/// enough to fit (its width as laid out, else the widest a label gets, `min(22rem, 80vw)`),
/// never left of the report's text.
fn keep_label_on_screen(event: &Event) {
    let Some(q) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest(".rq").ok().flatten()) else { return };
    let (Some(first), Some(window)) = (q.get_client_rects().get(0), web_sys::window()) else { return };
    let Some(page) = window.document().and_then(|d| d.document_element()) else { return };
    let width = page.client_width() as f64;
    let text_left = q.closest(".reader__body").ok().flatten().map_or(0.0, |b| b.get_bounding_client_rect().left());
    let laid_out = window.get_computed_style_with_pseudo_elt(&q, "::after").ok().flatten().and_then(|s| s.get_property_value("width").ok()).map(|w| js_sys::parse_float(&w));
    let label = laid_out.filter(|w| *w > 0.0).unwrap_or((22.0 * 16.0f64).min(0.8 * width));
    let shift = ((width - 8.0) - (first.left() + label)).min(0.0).max(text_left - first.left()).min(0.0);
    if let Ok(q) = q.dyn_into::<web_sys::HtmlElement>() {
        // Whole pixels: Rust's float formatting and parsing would add 24 KB gzip to the app
        // (JavaScript's parseFloat reads the width above).
        let _ = q.style().set_property("--dx-label-shift", &format!("{}px", shift.round() as i32));
    }
}

fn focus_target(root: &web_sys::Element, quote: Option<usize>) {
    let selector = match quote {
        Some(n) => format!("#dx-q-{n}"),
        None => ".is-match".to_string(),
    };
    let target = root.query_selector(&selector).ok().flatten().or_else(|| root.query_selector("h1").ok().flatten());
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
        if el.tag_name() != "H1" {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        } else if root.closest(".dx--embedded").ok().flatten().is_none() {
            // A new page on the standalone site starts at the top.
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }
}

#[function_component(Reader)]
pub fn reader(props: &Props) -> Html {
    let r = &props.route;
    let id = r.article.clone().unwrap_or_default();
    let version = use_context::<DataVersion>().unwrap_or_default();
    // The report, once its id and group are at hand (fetched by need in the split layout).
    let found: Result<Option<std::rc::Rc<ArticleView>>, dispatches_engine::shards::Need> =
        query::article_number(&id).and_then(|n| n.map(query::article).transpose());
    // The terms to mark: the query's, with no need for any article.
    let terms_outcome = use_memo((r.query.clone(), version), |(q, _)| {
        if q.trim().is_empty() { Ok(Vec::new()) } else { query::search(&Route { query: q.clone(), ..Route::default() }, 0).map(|r| r.terms) }
    });
    let terms = use_memo(terms_outcome.as_ref().as_ref().ok().cloned().unwrap_or_default(), |t| query::Terms::new(t.clone()));
    let need = found.as_ref().err().or(terms_outcome.as_ref().as_ref().err()).cloned();
    // Keyed on the version too: after "Try again" the same shards are needed again.
    use_effect_with((need, version), |(need, _)| {
        if let Some(n) = need {
            data::request(n);
        }
    });
    let loaded = matches!(found, Ok(Some(_)));
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((id.clone(), r.quote, loaded), move |(_, quote, _)| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                focus_target(&el, *quote);
            }
        });
    }
    let mut back_route = r.clone();
    back_route.article = None;
    back_route.quote = None;
    let back_label: String = match (&r.view, &r.speaker) {
        (View::Speakers, Some(s)) => format!("← All quotes from {s}"),
        (View::Speakers, None) => "← Who said what".to_string(),
        _ if !r.query.trim().is_empty() || r.has_filters() => "← All reports (back to results)".to_string(),
        _ => "← All reports".to_string(),
    };
    let back_href = { let s = url::to_search(&back_route); if s.is_empty() { "./".to_string() } else { s } };
    let back = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: MouseEvent| {
            if plain_click(&e) {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    let nav = html! {
        <nav class="reader__nav" aria-label="Article">
            <a href={back_href.clone()} class="back" onclick={back.clone()}>{back_label.clone()}</a>
        </nav>
    };
    let view = match found {
        Ok(Some(view)) => view,
        Ok(None) => return html! {
            <article class="reader missing" ref={root}>
                {nav}
                <h1 class="reader__headline" tabindex="-1">{"This report is not here"}</h1>
                <p>{format!("No report in this collection has the id “{}”. The link may be cut short, or the report may have been removed.", truncate(&id, 80))}</p>
                <p><a href={back_href} class="button" onclick={back}>{"See all reports"}</a></p>
            </article>
        },
        Err(_) => {
            return html! {
                <article class="reader" aria-busy="true" ref={root}>
                    {nav}
                    <h1 class="reader__headline" tabindex="-1">{"Loading the report…"}</h1>
                </article>
            }
        }
    };
    let article = view.article();
    let meta = &article.meta;
    let quotes = &view.quotes;
    let selected = r.quote.filter(|&n| n <= quotes.len());
    let mut matched = 0usize;
    let mut first_match: Option<usize> = None;
    let body: Vec<Html> = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| shown(b))
        .map(|(i, b)| {
            let in_block: Vec<&QuoteView> = quotes.iter().filter(|q| q.span.start >= b.span.start && q.span.start < b.span.end).collect();
            let (content, has_marks) = inline(&view, b, &in_block, &terms, selected);
            if has_marks {
                matched += 1;
                first_match.get_or_insert(i);
            }
            let class = classes!(has_marks.then_some("is-match"), (first_match == Some(i) && has_marks).then_some("is-first-match"));
            let id = format!("dx-b-{i}");
            let tab = has_marks.then_some("-1");
            // A quotation other outlets ran too: its trail after the block.
            let notes = in_block.iter().map(|q| html! { <TrailNote article={q.article} quote={q.n} route={r.clone()} dispatch={props.dispatch.clone()} /> }).collect::<Html>();
            let block = match b.kind {
                BlockKind::Standfirst => html! { <p {id} tabindex={tab} class={classes!("standfirst", class)}>{content}</p> },
                BlockKind::Subheading => html! { <h2 {id} tabindex={tab} class={classes!("subhead", class)}>{content}</h2> },
                BlockKind::Caption => html! { <p {id} tabindex={tab} class={classes!("caption", class)}><span class="caption__label">{"Photo: "}</span>{content}</p> },
                BlockKind::PullQuote => html! { <blockquote {id} tabindex={tab} class={classes!("pullquote", class)}><p>{content}</p></blockquote> },
                BlockKind::PullQuoteCredit => html! { <p {id} tabindex={tab} class={classes!("pullquote__credit", class)}>{content}</p> },
                _ => html! { <p {id} tabindex={tab} class={class}>{content}</p> },
            };
            html! { <>{block}{notes}</> }
        })
        .collect();
    let headline_marks = terms.marks(&meta.headline);
    let speakers_here = {
        let mut v: Vec<usize> = quotes.iter().filter_map(|q| q.speaker).collect();
        dispatches_engine::search::sort::sort(&mut v);
        v.dedup();
        v.len()
    };
    let jump = {
        let root = root.clone();
        Callback::from(move |_| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                focus_target(&el, None);
            }
        })
    };
    html! {
        <article class="reader" lang={meta.language.clone()} ref={root} onfocusin={Callback::from(|e: FocusEvent| keep_label_on_screen(&e))} onmouseover={Callback::from(|e: MouseEvent| keep_label_on_screen(&e))}>
            {nav}
            <header class="reader__header">
                <p class="reader__kicker">{&meta.outlet}</p>
                <h1 class="reader__headline" tabindex="-1">{marked(&meta.headline, &headline_marks)}</h1>
                <p class="reader__byline">
                    if !meta.byline.is_empty() { <span>{format!("By {}", meta.byline)}</span>{" · "} }
                    if !meta.dateline.is_empty() { <span>{&meta.dateline}</span>{" · "} }
                    <time datetime={meta.published.to_string()}>{long_date(meta.published)}</time>
                </p>
                if !meta.url.is_empty() {
                    <p class="reader__source"><a href={meta.url.clone()} rel="noopener noreferrer" target="_blank">{format!("Read the original at {}", meta.outlet)}</a></p>
                }
                <div class="reader__facts">
                    if !quotes.is_empty() {
                        <p>{format!("{} from {}. Hover over or focus a quotation to see who said it.", plural(quotes.len(), "quotation", "quotations"), plural(speakers_here, "speaker", "speakers"))}</p>
                    }
                    if matched > 0 {
                        <p>
                            {format!("{} {} “{}”. ", plural(matched, "passage", "passages"), if matched == 1 { "matches" } else { "match" }, truncate(r.query.trim(), 40))}
                            <button type="button" class="linklike" onclick={jump}>{"Go to the first match"}</button>
                        </p>
                    }
                </div>
            </header>
            <div class="reader__body">{ for body }</div>
            <footer class="reader__foot">
                <a href={back_href} class="back" onclick={back}>{"Close this report"}</a>
            </footer>
        </article>
    }
}
