//! "Make available offline" (the split layout): downloads every shard so the service worker
//! keeps them, with its size up front and a progress bar. The inline layout needs none of it:
//! the app file holds the corpus and is cached after the first visit.

use crate::data;
use crate::components::text::plural;
use yew::prelude::*;
use yew::platform::spawn_local;

#[derive(Clone, PartialEq)]
enum Stage {
    Offered,
    Downloading(u64),
    Done,
    Failed(String),
}

/// Remembered per corpus *and* per app build: a new app build's service worker starts with
/// a new cache, so what an older one kept is gone.
fn storage_key() -> String {
    let app = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|e| e.get_attribute("data-build")).unwrap_or_default();
    format!("dispatches-offline-{}-{app}", data::build_id())
}

fn remembered() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).and_then(|s| s.get_item(&storage_key()).ok().flatten()).is_some()
}

/// A size as people read it: kilobytes below a megabyte, else megabytes with one decimal.
fn megabytes(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000))
    } else {
        // Integer tenths, rounded half up: formatting a float would link the float
        // formatter into the app (about 9 KB of wasm) for this one line.
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Whether this browser can run a service worker here at all (a secure context that has
/// `navigator.serviceWorker`). Engine difference: WebKit in iOS apps' own browsers
/// (WKWebView) has none, nor does Firefox with service workers off (its private windows, or
/// `dom.serviceWorkers.enabled`); there a download would keep nothing (tests/webdriver).
fn can_keep_offline() -> bool {
    web_sys::window().is_some_and(|w| {
        w.is_secure_context()
            && js_sys::Reflect::get(&w, &"navigator".into())
                .and_then(|n| js_sys::Reflect::has(&n, &"serviceWorker".into()))
                .unwrap_or(false)
    })
}

#[function_component(Offline)]
pub fn offline() -> Html {
    let stage = use_state(|| if remembered() { Stage::Done } else { Stage::Offered });
    if !data::is_split() {
        return html! {};
    }
    if !can_keep_offline() {
        // Nothing to offer: say so once, and searching goes on as it does online.
        return html! {
            <section class="offline" aria-label="Offline">
                <p class="offline__note">{"This browser cannot keep the reports for offline use: search and read them while you are online."}</p>
            </section>
        };
    }
    let (shards, total) = data::all_shards();
    let start = {
        let stage = stage.clone();
        Callback::from(move |_| {
            let stage = stage.clone();
            let shards = shards.clone();
            // Without a service worker in control (not supported, or not yet installed on a
            // first visit) a download keeps nothing: say so rather than promise offline use.
            if !data::kept_offline() {
                stage.set(Stage::Failed("this browser is not keeping files for offline use yet; reload the page once and try again".into()));
                return;
            }
            stage.set(Stage::Downloading(0));
            spawn_local(async move {
                let progress = {
                    let stage = stage.clone();
                    Callback::from(move |done: u64| stage.set(Stage::Downloading(done)))
                };
                match data::download(shards, progress).await {
                    Ok(()) => {
                        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                            let _ = s.set_item(&storage_key(), "1");
                        }
                        stage.set(Stage::Done);
                    }
                    Err(e) => stage.set(Stage::Failed(e)),
                }
            });
        })
    };
    let articles = plural(crate::state::query::facts().articles, "report", "reports");

    html! {
        <section class="offline" aria-label="Offline">
            { match &*stage {
                Stage::Offered => html! {
                    <button type="button" class="button" onclick={start}>{format!("Make available offline ({})", megabytes(total))}</button>
                },
                Stage::Downloading(done) => html! {
                    <>
                        <label for="dx-offline-progress">{format!("Downloading {articles} for offline use: {} of {}", megabytes(*done), megabytes(total))}</label>
                        <progress id="dx-offline-progress" max={total.to_string()} value={done.to_string()}></progress>
                    </>
                },
                Stage::Done => html! { <p class="offline__done">{format!("Available offline: all {articles} can be searched and read without a connection.")}</p> },
                Stage::Failed(e) => html! {
                    <p role="alert">{format!("The download stopped ({e}). ")}<button type="button" class="linklike" onclick={start}>{"Try again"}</button></p>
                },
            } }
            if matches!(*stage, Stage::Offered) && data::kept_offline() {
                <p class="offline__note">{"Searches and reports you have opened already work offline; this downloads all the others."}</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn sizes_read_as_kilobytes_then_megabytes_with_one_decimal() {
        assert_eq!(megabytes(1), "1 KB");
        assert_eq!(megabytes(999_999), "1000 KB");
        assert_eq!(megabytes(1_000_000), "1.0 MB");
        assert_eq!(megabytes(1_049_999), "1.0 MB");
        assert_eq!(megabytes(1_050_000), "1.1 MB");
        assert_eq!(megabytes(46_851_000), "46.9 MB");
    }
}
