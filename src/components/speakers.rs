//! Who said what: every speaker with their role, number of quotes and outlets.

use crate::components::links::speaker_link;
use crate::components::text::plural;
use crate::data::{self, DataVersion};
use crate::state::query::{facts, speakers};
use crate::state::AppState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(Speakers)]
pub fn speakers_list(props: &Props) -> Html {
    let _ = use_context::<DataVersion>();
    let list = match speakers() {
        Ok(list) => list,
        Err(need) => {
            data::request(&need);
            return html! {
                <section class="who" aria-labelledby="dx-title" aria-busy="true">
                    <header class="page-head">
                        <h1 id="dx-title" class="page-title" tabindex="-1">{"Who said what"}</h1>
                        <p class="page-lede">{"Loading the speakers…"}</p>
                    </header>
                </section>
            };
        }
    };
    let all: Vec<_> = list.iter().filter(|s| !s.quotes.is_empty()).collect();
    let total_quotes: usize = all.iter().map(|s| s.quotes.len()).sum();
    let items = all.iter().map(|&s| {
        let (href, onclick) = speaker_link(&s.name, &props.dispatch);
        html! {
            <li class="speaker">
                <a class="speaker__name" data-focus={format!("s:{}", s.name)} {href} {onclick}>{&s.name}</a>
                if let Some(role) = &s.role { <p class="speaker__role">{role}</p> }
                <p class="speaker__stats">
                    <span class="speaker__count">{plural(s.quotes.len(), "quote", "quotes")}</span>
                    <span class="speaker__outlets">{s.outlets.join(" · ")}</span>
                </p>
            </li>
        }
    });
    html! {
        <section class="who" aria-labelledby="dx-title">
            <header class="page-head">
                <h1 id="dx-title" class="page-title" tabindex="-1">{"Who said what"}</h1>
                <p class="page-lede">
                    if all.is_empty() {
                        {"No attributed quotations were found in these reports."}
                    } else {
                        {format!("{} quoted {} in {}. Choose a name to read everything they said, across outlets.",
                            plural(all.len(), "person or organisation", "people and organisations"),
                            plural(total_quotes, "time", "times"),
                            plural(facts().articles, "report", "reports"))}
                    }
                </p>
            </header>
            <ol class="speakers">{ for items }</ol>
        </section>
    }
}
