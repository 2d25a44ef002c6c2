//! In-app links: real hrefs (copy, open in a new tab) whose plain clicks dispatch instead.

use crate::state::{url, Action, AppState, Route, View};
use yew::prelude::*;

/// A click that should stay in the app (not a new tab or window).
pub fn plain_click(e: &MouseEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0)
}

pub fn link(href: String, dispatch: &UseReducerDispatcher<AppState>, action: impl Fn() -> Action + 'static) -> (String, Callback<MouseEvent>) {
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if plain_click(&e) {
            e.prevent_default();
            dispatch.dispatch(action());
        }
    });
    (if href.is_empty() { "./".to_string() } else { href }, onclick)
}

/// Opens `article` (at quote `quote`) in the reader, keeping the rest of `route`.
pub fn open_link(route: &Route, article: &str, quote: Option<usize>, dispatch: &UseReducerDispatcher<AppState>) -> (String, Callback<MouseEvent>) {
    let mut r = route.clone();
    r.article = Some(article.to_string());
    r.quote = quote;
    let article = article.to_string();
    link(url::to_search(&r), dispatch, move || Action::Open { article: article.clone(), quote })
}

/// A speaker's page in the who-said-what view.
pub fn speaker_link(name: &str, dispatch: &UseReducerDispatcher<AppState>) -> (String, Callback<MouseEvent>) {
    let href = url::to_search(&Route { view: View::Speakers, speaker: Some(name.to_string()), ..Route::default() });
    let name = name.to_string();
    link(href, dispatch, move || Action::SelectSpeaker(Some(name.clone())))
}

/// A speaker's page keeping `route`'s outlet and date filters (who said what applies them).
pub fn speaker_link_filtered(route: &Route, name: &str, dispatch: &UseReducerDispatcher<AppState>) -> (String, Callback<MouseEvent>) {
    let to = Route { view: View::Speakers, speaker: Some(name.to_string()), outlets: route.outlets.clone(), from: route.from, to: route.to, ..Route::default() };
    let name = name.to_string();
    link(url::to_search(&to), dispatch, move || Action::SelectSpeaker(Some(name.clone())))
}

/// The list of speakers, or the search (`view`), with nothing open.
pub fn view_link(route: &Route, view: View, dispatch: &UseReducerDispatcher<AppState>) -> (String, Callback<MouseEvent>) {
    let mut r = route.clone();
    r.view = view;
    r.article = None;
    r.quote = None;
    r.speaker = None;
    link(url::to_search(&r), dispatch, move || Action::ShowView(view))
}
