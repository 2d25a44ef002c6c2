//! The search box ("/" focuses it; ArrowDown moves to the first result) and the sort order.

use crate::state::{Action, AppState, Sort};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub query: String,
    pub sort: Sort,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &Props) -> Html {
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetQuery(input.value()));
        })
    };
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "ArrowDown" {
            let input: web_sys::Element = e.target_unchecked_into();
            let first = input.closest(".dx").ok().flatten().and_then(|root| root.query_selector(".hit__link").ok().flatten());
            if let Some(link) = first.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
                e.prevent_default();
                let _ = link.focus();
            }
        }
    });
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let radios = Sort::ALL.into_iter().map(|s| {
        let dispatch = props.dispatch.clone();
        let onchange = Callback::from(move |_: Event| dispatch.dispatch(Action::SetSort(s)));
        let id = format!("dx-sort-{}", s.key());
        html! {
            <span class="sort__option">
                <input type="radio" name="dx-sort" id={id.clone()} value={s.key()} checked={props.sort == s} {onchange} />
                <label for={id}>{s.label()}</label>
            </span>
        }
    });
    html! {
        <form class="searchbar" role="search" {onsubmit}>
            <label class="searchbar__label" for="dx-q">{"Search"}</label>
            <div class="searchbar__field">
                <svg class="searchbar__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <circle cx="10.5" cy="10.5" r="6.5" /><line x1="15.5" y1="15.5" x2="21" y2="21" />
                </svg>
                <input id="dx-q" class="searchbar__input" type="search" autocomplete="off" spellcheck="false"
                    enterkeyhint="search" aria-describedby="dx-q-hint"
                    placeholder="Words, “a phrase”, -exclude, a name"
                    value={props.query.clone()} {oninput} {onkeydown} />
                <kbd class="searchbar__kbd" aria-hidden="true">{"/"}</kbd>
            </div>
            <p id="dx-q-hint" class="searchbar__hint">{"Results update as you type. Press / to search, ↓ to move to the results."}</p>
            <fieldset class="sort">
                <legend class="sort__legend">{"Sort"}</legend>
                { for radios }
            </fieldset>
        </form>
    }
}
