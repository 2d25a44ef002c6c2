//! The search box ("/" focuses it; ArrowDown moves to the first result) and the sort order.
//!
//! The box is a DOM element the component keeps rather than one Yew renders: on the
//! standalone page it is index.html's own box, usable before the app loaded (see
//! `lib.rs`, `Shell`), adopted as it is, so what the visitor is typing into is never swapped
//! for another element; elsewhere it is created here with the same attributes.

use crate::state::{Action, AppState, Sort};
use gloo::events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

thread_local! {
    /// index.html's search box, handed over by `lib.rs` for the first search box to adopt.
    static ADOPTED: RefCell<Option<HtmlInputElement>> = const { RefCell::new(None) };
}

/// Gives index.html's search box to the next [`SearchBox`] to mount.
pub fn adopt(input: HtmlInputElement) {
    ADOPTED.with(|a| *a.borrow_mut() = Some(input));
}

/// The box's element: the adopted one, else a new one. Its attributes are set either way, so
/// both are the same box.
fn search_input() -> Option<HtmlInputElement> {
    let input = ADOPTED.with(|a| a.borrow_mut().take()).or_else(|| {
        let doc = web_sys::window()?.document()?;
        doc.create_element("input").ok()?.dyn_into::<HtmlInputElement>().ok()
    })?;
    for (name, value) in [
        ("id", "dx-q"),
        ("class", "searchbar__input"),
        ("type", "search"),
        ("autocomplete", "off"),
        ("spellcheck", "false"),
        ("enterkeyhint", "search"),
        ("aria-describedby", "dx-q-hint"),
        ("placeholder", "Words, “a phrase”, -exclude, a name"),
    ] {
        let _ = input.set_attribute(name, value);
    }
    let _ = input.remove_attribute("name");
    Some(input)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub query: String,
    pub sort: Sort,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &Props) -> Html {
    let input = use_state(search_input);
    // Typing sets the query; ArrowDown moves to the first result.
    {
        let dispatch = props.dispatch.clone();
        use_effect_with((*input).clone(), move |input| {
            let listeners = input.as_ref().map(|el| {
                let oninput = EventListener::new(el, "input", move |e| {
                    if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                        dispatch.dispatch(Action::SetQuery(input.value()));
                    }
                });
                let onkeydown = EventListener::new(el, "keydown", |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if e.key() == "ArrowDown" {
                        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
                        let first = input.closest(".dx").ok().flatten().and_then(|root| root.query_selector(".hit__link").ok().flatten());
                        if let Some(link) = first.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
                            e.prevent_default();
                            let _ = link.focus();
                        }
                    }
                });
                (oninput, onkeydown)
            });
            move || drop(listeners)
        });
    }
    // The query set elsewhere (a link, back, "clear") shows in the box; typing never is
    // overwritten, as the box already holds what it reports.
    {
        let input = (*input).clone();
        use_effect_with(props.query.clone(), move |q| {
            if let Some(input) = input {
                if input.value() != *q {
                    input.set_value(q);
                }
            }
        });
    }
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
                { input.as_ref().map(|i| Html::VRef(i.clone().into())).unwrap_or_default() }
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
