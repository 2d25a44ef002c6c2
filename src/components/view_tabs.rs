//! Switches between the search, the who-said-what and the quote-trails view (links, so they can be opened in
//! a new tab; a click stays in the app).

use crate::components::links::view_link;
use crate::state::{AppState, Route, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: View,
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(ViewTabs)]
pub fn view_tabs(props: &Props) -> Html {
    let tab = |view: View, label: &'static str| {
        let (href, onclick) = view_link(&props.route, view, &props.dispatch);
        let current = props.view == view;
        html! {
            <li><a class={classes!("tabs__link", current.then_some("is-current"))} {href} {onclick}
                aria-current={current.then_some("page")}>{label}</a></li>
        }
    };
    html! {
        <nav class="tabs" aria-label="Views">
            <ul class="tabs__list">
                { tab(View::Search, "Search") }
                { tab(View::Speakers, "Who said what") }
                { tab(View::Trails, "Quote trails") }
            </ul>
        </nav>
    }
}
