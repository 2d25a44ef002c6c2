//! The masthead of the standalone page (hidden when embedded), with the view tabs.

use crate::state::query::facts;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    #[prop_or_default]
    pub children: Html,
}

#[function_component(SiteHeader)]
pub fn site_header(props: &Props) -> Html {
    let info = facts();
    html! {
        <header class="masthead">
            <div class="masthead__brand">
                <p class="masthead__title">{"Dispatches"}</p>
                if !info.title.is_empty() && info.title != "Dispatches" {
                    <p class="masthead__tagline">{&info.title}</p>
                }
            </div>
            {props.children.clone()}
        </header>
    }
}
