//! The explorer's components in headless Chromium (wasm-bindgen-test): a preset query renders
//! marked results and attributed quotes; hostile text stays text; the URL is left alone when
//! the host asks for it (`url_state: false`).

#![cfg(target_arch = "wasm32")]

use dispatches_app::app::{App, Props};
use dispatches_app::config::AppConfig;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(query: &str) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let config = AppConfig { url_state: false, embedded: true, preset_query: Some(query.to_string()), ..AppConfig::default() };
    yew::Renderer::<App>::with_root_and_props(root.clone(), Props { config }).render();
    gloo::timers::future::TimeoutFuture::new(50).await;
    root
}

#[wasm_bindgen_test]
async fn a_preset_query_marks_results_and_lists_quotes_with_speakers() {
    let before = web_sys::window().unwrap().location().href().unwrap();
    let root = mount("Egeland").await;
    let status = root.query_selector("[role=status]").unwrap().unwrap().text_content().unwrap();
    assert!(status.contains("match “Egeland”"), "{status}");
    assert!(root.query_selector(".hit__snippet mark").unwrap().is_some());
    let q = root.query_selector(".hit__quotes q[data-speaker]").unwrap().expect("a matching quote");
    assert_eq!(q.get_attribute("data-speaker").as_deref(), Some("Jan Egeland"));
    assert!(root.query_selector(".masthead").unwrap().is_none(), "embedded: no masthead");
    assert_eq!(web_sys::window().unwrap().location().href().unwrap(), before, "url_state false: URL untouched");
}

#[wasm_bindgen_test]
async fn hostile_queries_are_text() {
    let root = mount("<img src=x onerror=alert(1)>").await;
    assert!(root.query_selector("img").unwrap().is_none());
    let status = root.query_selector("[role=status]").unwrap().unwrap().text_content().unwrap();
    assert!(status.contains("<img src=x"), "{status}");
}

/// The engine's compact sorts as the page runs them (on wasm they take another path than
/// natively): the best `keep` of a list longer than `keep`, in order. A search matching more
/// reports than it ranks (200) relies on it.
#[wasm_bindgen_test]
fn the_best_of_a_long_list_on_wasm() {
    use dispatches_engine::search::sort::sort_truncate_by;
    let v: Vec<u32> = (0..1000u32).map(|i| i.wrapping_mul(2_654_435_761) % 997).collect();
    let mut top = v.clone();
    sort_truncate_by(&mut top, 200, |a, b| b.cmp(a));
    let mut want = v;
    want.sort_by(|a, b| b.cmp(a));
    want.truncate(200);
    assert_eq!(top, want);
}
