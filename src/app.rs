//! The root component: holds the one reducer, keeps the URL and the history in step with it,
//! handles the global keys ("/" and Escape), moves focus, and chooses the screen.

use crate::components::notices::Notices;
use crate::components::reader::Reader;
use crate::components::search_page::SearchPage;
use crate::components::site_header::SiteHeader;
use crate::components::speaker_page::SpeakerPage;
use crate::components::speakers::Speakers;
use crate::components::trails::Trails;
use crate::components::view_tabs::ViewTabs;
use crate::config::{AppConfig, Mount, Theme};
use crate::components::data_problem::DataProblem;
use crate::data::{self, DataVersion};
use crate::state::query::{self, facts};
use crate::state::{url, Action, AppState, Focus, HistoryMode, Route, View};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct Props {
    #[prop_or_default]
    pub config: AppConfig,
}

/// Parses a query string against this corpus.
pub fn parse_search(search: &str) -> (Route, Vec<String>) {
    let outlets = &facts().outlets;
    // A link is checked against what is at hand; what would need a fetch (the split layout's
    // id and speaker shards) is taken as given and checked by the screen that shows it.
    let has_article = |id: &str| query::article_number(id).map_or(true, |n| n.is_some());
    let has_speaker = |name: &str| match query::speaker_named(name) {
        Ok(found) => found.map(|s| s.name),
        Err(_) => Some(name.to_string()),
    };
    url::parse(search, &url::Known { outlets, has_article: &has_article, has_speaker: &has_speaker })
}

fn current_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

fn initial_state(config: &AppConfig) -> AppState {
    let search = if config.url_state { current_search() } else { String::new() };
    if config.url_state && url::has_own(&search) {
        let (mut route, notices) = parse_search(&search);
        if let Some(q) = &config.typed_query {
            route.query = q.clone();
        }
        return AppState::new(route, notices);
    }
    let mut route = Route::default();
    if let Some(q) = &config.preset_query {
        route.query = q.clone();
    }
    if let Some(q) = &config.typed_query {
        route.query = q.clone();
    }
    for s in &config.preset_sources {
        if let Some(o) = facts().outlets.iter().find(|o| o.to_lowercase() == s.trim().to_lowercase()) {
            route.outlets.push(o.to_string());
        }
    }
    dispatches_engine::search::sort::sort(&mut route.outlets);
    route.outlets.dedup();
    AppState::new(route, Vec::new())
}

/// How long typing must pause before the address bar follows.
const URL_TYPING_PAUSE_MS: u32 = 300;

/// Writes routes to the address bar, typing after a pause (see the route effect in [`app`]).
#[derive(Default)]
struct UrlWriter {
    /// The route last seen, written or waiting.
    last: Option<Route>,
    /// Typing not yet written, and its timer.
    waiting: Option<(Timeout, Route)>,
}

impl UrlWriter {
    fn route_changed(&mut self, route: &Route, mode: HistoryMode) {
        // Taken (and so cancelled) here, never inside the timer's own callback: a closure must
        // not be dropped while it runs. A timer that already fired left nothing to write.
        let waiting = self.waiting.take();
        // Typing: only the search box's text changed, or only the speaker box's.
        let typing = self.last.as_ref().is_some_and(|last| {
            *last != *route && (Route { query: last.query.clone(), ..route.clone() } == *last || Route { who: last.who.clone(), ..route.clone() } == *last)
        });
        self.last = Some(route.clone());
        match mode {
            HistoryMode::Replace if typing => {
                let next = route.clone();
                let timer = Timeout::new(URL_TYPING_PAUSE_MS, move || write_url(&next, HistoryMode::Replace));
                self.waiting = Some((timer, route.clone()));
            }
            HistoryMode::Replace => write_url(route, HistoryMode::Replace),
            HistoryMode::Push => {
                if let Some((timer, typed)) = waiting {
                    timer.cancel();
                    write_url(&typed, HistoryMode::Replace);
                }
                write_url(route, HistoryMode::Push);
            }
            HistoryMode::None => drop(waiting),
        }
    }
}

/// Writes the route to the address bar: a new entry for a navigation, the same entry for a
/// refinement. Entries this app pushed carry the state `1`, so "back" knows it can go back.
fn write_url(route: &Route, mode: HistoryMode) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let current = location.search().unwrap_or_default();
    let next = url::merge(&current, route);
    if next == current {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let target = if next.is_empty() { path } else { format!("{path}{next}") };
    let Ok(history) = window.history() else { return };
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::from(1), "", Some(&target)),
        HistoryMode::Replace => history.replace_state_with_url(&history.state().unwrap_or(JsValue::NULL), "", Some(&target)),
        HistoryMode::None => Ok(()),
    };
}

fn apply_focus(root: &web_sys::Element, focus: &Focus) {
    let find = |sel: &str| root.query_selector(sel).ok().flatten();
    let el = match focus {
        Focus::None => None,
        Focus::Search => find("input[type=search]"),
        Focus::Heading => find("h1"),
        Focus::Key(key) => root
            .query_selector_all("[data-focus]")
            .ok()
            .and_then(|list| (0..list.length()).filter_map(|i| list.item(i)).find(|n| n.unchecked_ref::<web_sys::Element>().get_attribute("data-focus").as_deref() == Some(key.as_str())))
            .map(|n| n.unchecked_into::<web_sys::Element>())
            .or_else(|| find("h1")),
    };
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

fn is_editable(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
}

#[function_component(App)]
pub fn app(props: &Props) -> Html {
    let config = &props.config;
    let state = use_reducer({
        let config = config.clone();
        move || initial_state(&config)
    });
    let root = use_node_ref();
    let dispatch = state.dispatcher();
    let url_state = config.url_state;
    let filters_open = *use_state(|| {
        web_sys::window().and_then(|w| w.match_media("(min-width: 56em)").ok().flatten()).is_some_and(|m| m.matches())
    });

    // The latest route, for the global key handler registered once.
    let latest = use_mut_ref(Route::default);
    *latest.borrow_mut() = state.route.clone();

    // Route -> address bar. Typing replaces the entry once it pauses, as search UIs'
    // routers do (InstantSearch writes after 400 ms): in Chromium each `replaceState` costs
    // about a millisecond (the browser process updates its session history), the largest
    // single cost of a keystroke when written on every key. Every other change is written at
    // once: a filter or sort replaces the entry (with the latest query), a navigation first
    // writes any typing still waiting, so "back" returns to exactly what was shown, and a
    // change that came from the history drops what was waiting.
    let url_writer = use_mut_ref(UrlWriter::default);
    {
        let mode = state.history;
        let writer = url_writer.clone();
        use_effect_with(state.route.clone(), move |route| {
            if url_state {
                writer.borrow_mut().route_changed(route, mode);
            }
        });
    }

    // Back and forward -> route.
    {
        let dispatch = dispatch.clone();
        use_effect_with(url_state, move |&url_state| {
            let listener = url_state.then(|| {
                let window = web_sys::window().expect("a window");
                EventListener::new(&window, "popstate", move |_| {
                    let (route, notices) = parse_search(&current_search());
                    dispatch.dispatch(Action::Restore(route, notices));
                })
            });
            move || drop(listener)
        });
    }

    // Leaving the reader: through the history when this app pushed the entry, so "back" and
    // the back link do the same; otherwise as a new navigation.
    let on_close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: ()| {
            if url_state {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    if history.state().ok().and_then(|s| s.as_f64()) == Some(1.0) {
                        let _ = history.back();
                        return;
                    }
                }
            }
            dispatch.dispatch(Action::Close);
        })
    };

    // "/" focuses the search box; Escape leaves the reader or a speaker's page.
    {
        let dispatch = dispatch.clone();
        let on_close = on_close.clone();
        let latest: Rc<RefCell<Route>> = latest.clone();
        let root = root.clone();
        // Inside <dispatches-explorer> the host page's keys are the host's: only keys pressed
        // inside the app are ours. On our own page (framed or not) the whole document is ours.
        let in_element = config.mount == Mount::Element;
        use_effect_with(in_element, move |&in_element| {
            let handler = move |e: &web_sys::Event| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                    return;
                }
                let route = latest.borrow().clone();
                match e.key().as_str() {
                    "/" if !is_editable(e.target()) => {
                        e.prevent_default();
                        dispatch.dispatch(Action::FocusSearch);
                    }
                    "Escape" if !is_editable(e.target()) || route.article.is_some() => {
                        if route.article.is_some() {
                            e.prevent_default();
                            on_close.emit(());
                        } else if route.view == View::Speakers && route.speaker.is_some() {
                            e.prevent_default();
                            dispatch.dispatch(Action::SelectSpeaker(None));
                        }
                    }
                    _ => {}
                }
            };
            let target: Option<web_sys::EventTarget> = if in_element {
                root.cast::<web_sys::Element>().map(Into::into)
            } else {
                web_sys::window().and_then(|w| w.document()).map(Into::into)
            };
            // Not passive (gloo's default): "/" must not be typed into the box it focuses.
            let listener = target.map(|t| EventListener::new_with_options(&t, "keydown", EventListenerOptions::enable_prevent_default(), handler));
            move || drop(listener)
        });
    }

    // Shards arriving (the split layout) render the screen again.
    let version = use_state(data::version);
    {
        let version = version.clone();
        use_effect_with((), move |_| {
            let subscription = data::subscribe(Callback::from(move |_| version.set(data::version())));
            move || drop(subscription)
        });
    }

    // The lazily built tables (quotation tokens, speakers) are built just after the first
    // paint, not on the first keystroke.
    use_effect_with((), |_| {
        gloo::timers::callback::Timeout::new(50, crate::state::query::warm_up).forget();
    });

    // Focus after the render that asked for it.
    {
        let root = root.clone();
        let focus = state.focus.clone();
        use_effect_with(state.focus_seq, move |_| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                apply_focus(&el, &focus);
            }
        });
    }

    // The document title follows the screen on the standalone page.
    {
        let embedded = config.embedded;
        use_effect_with((state.route.article.clone(), state.route.view, state.route.speaker.clone(), *version), move |(article, view, speaker, _)| {
            if !embedded {
                let headline = article
                    .as_deref()
                    .and_then(|a| query::article_number(a).ok().flatten())
                    .and_then(|d| query::article(d).ok())
                    .map(|v| v.article().meta.headline.clone());
                let title = match (headline, view, speaker) {
                    (Some(h), _, _) => format!("{h} — Dispatches"),
                    (None, View::Speakers, Some(s)) => format!("{s} — Who said what — Dispatches"),
                    (None, View::Speakers, None) => "Who said what — Dispatches".to_string(),
                    (None, View::Trails, _) => "Quote trails — Dispatches".to_string(),
                    _ => format!("Dispatches — {}", facts().title),
                };
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    doc.set_title(&title);
                }
            }
        });
    }

    let r = &state.route;
    let theme = match config.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let class = classes!("dx", config.compact.then_some("dx--compact"), config.embedded.then_some("dx--embedded"));
    let tabs = html! { <ViewTabs view={r.view} route={r.clone()} dispatch={dispatch.clone()} /> };
    let screen = if r.article.is_some() {
        html! { <Reader route={r.clone()} on_close={on_close.clone()} dispatch={dispatch.clone()} /> }
    } else {
        match (r.view, r.speaker.is_some()) {
            (View::Search, _) => html! { <SearchPage route={r.clone()} dispatch={dispatch.clone()} {filters_open} /> },
            (View::Speakers, false) => html! { <Speakers route={r.clone()} dispatch={dispatch.clone()} {filters_open} /> },
            (View::Speakers, true) => html! { <SpeakerPage route={r.clone()} dispatch={dispatch.clone()} /> },
            (View::Trails, _) => html! { <Trails route={r.clone()} dispatch={dispatch.clone()} /> },
        }
    };
    html! {
        <ContextProvider<DataVersion> context={DataVersion(*version)}>
        <div {class} data-theme={theme} ref={root}>
            if config.embedded {
                <div class="dx-topbar">{tabs}</div>
            } else {
                <SiteHeader>{tabs}</SiteHeader>
            }
            <main id="main" class="main">
                <Notices notices={state.notices.clone()} dispatch={dispatch.clone()} />
                <DataProblem />
                {screen}
            </main>
        </div>
        </ContextProvider<DataVersion>>
    }
}
