//! What keeps the corpus from answering (the split layout): shards that failed to load, with
//! a retry; a deploy that replaced this build's shards, with a reload. Never fewer results
//! without saying so.

use crate::data::{self, DataVersion, Problem};
use yew::prelude::*;

#[function_component(DataProblem)]
pub fn data_problem() -> Html {
    // Re-rendered with every change of the data.
    let _ = use_context::<DataVersion>();
    let Some(problem) = data::problem() else { return html! {} };
    match problem {
        Problem::Failed(count, reason) => {
            let retry = Callback::from(|_| data::retry());
            html! {
                <div class="notice notice--problem" role="alert">
                    <p>{format!("Some reports could not be loaded ({} {}: {reason}). Results may be incomplete until they load.", count, if count == 1 { "file" } else { "files" })}</p>
                    <button type="button" class="button" onclick={retry}>{"Try again"}</button>
                </div>
            }
        }
        Problem::Updated => {
            let reload = Callback::from(|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            });
            html! {
                <div class="notice notice--problem" role="alert">
                    <p>{"The explorer was updated since this page was opened. Reload to search the new version."}</p>
                    <button type="button" class="button" onclick={reload}>{"Reload"}</button>
                </div>
            }
        }
        Problem::Broken(reason) => html! {
            <div class="notice notice--problem" role="alert">
                <p>{format!("This collection cannot be read: {reason}")}</p>
            </div>
        },
    }
}
