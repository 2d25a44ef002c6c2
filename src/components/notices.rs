//! Friendly notes about the parts of a link that could not be used.

use crate::state::{Action, AppState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Vec<String>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(Notices)]
pub fn notices(props: &Props) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let dispatch = props.dispatch.clone();
    let dismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissNotices));
    html! {
        <div class="notice" role="note" aria-label="About this link">
            <ul class="notice__list">
                { for props.notices.iter().map(|n| html! { <li>{n}</li> }) }
            </ul>
            <button type="button" class="notice__close" onclick={dismiss}>{"Dismiss"}</button>
        </div>
    }
}
