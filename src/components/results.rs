//! The result list. Arrow keys move between the headlines; Enter opens one (a link).

use crate::components::hit::Hit;
use crate::state::{AppState, Route};
use dispatches_engine::search::Hit as EngineHit;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub hits: Rc<Vec<EngineHit>>,
    pub terms: Rc<crate::state::query::Terms>,
    /// Shards are being fetched for a newer search: these results are the previous ones.
    #[prop_or_default]
    pub busy: bool,
    pub route: Route,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(Results)]
pub fn results(props: &Props) -> Html {
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        let key = e.key();
        let delta: i32 = match key.as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        let Some(current) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if !current.class_list().contains("hit__link") {
            return;
        }
        let Some(list) = current.closest(".results").ok().flatten() else { return };
        let Ok(links) = list.query_selector_all(".hit__link") else { return };
        let n = links.length() as i32;
        let i = (0..n).find(|&i| links.item(i as u32).is_some_and(|l| l.is_same_node(Some(&current)))).unwrap_or(0);
        e.prevent_default();
        let j = i + delta;
        if j < 0 {
            // Above the first result: back to the search box.
            if let Some(input) = current.closest(".dx").ok().flatten().and_then(|r| r.query_selector("input[type=search]").ok().flatten()) {
                let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            return;
        }
        if let Some(next) = links.item(j.min(n - 1) as u32) {
            let _ = next.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    html! {
        <ol class="cards results" aria-label="Results" aria-busy={if props.busy { "true" } else { "false" }} {onkeydown}>
            { for props.hits.iter().map(|h| html! {
                <Hit key={h.article} hit={h.clone()} terms={props.terms.clone()}
                    route={props.route.clone()} dispatch={props.dispatch.clone()} />
            }) }
        </ol>
    }
}
