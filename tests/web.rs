//! Runs in headless Chromium (wasm-bindgen-test): the embedded corpus decodes in wasm and
//! the app mounts and lists every article.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn embedded_corpus_decodes_in_wasm() {
    let n = dispatches_app::data::with(|l| l.len());
    assert!(n > 0);
    for d in 0..n {
        let view = dispatches_app::state::query::article(d).expect("the inline layout holds every article");
        assert!(view.article().paragraph_count() > 0, "{} has paragraphs", view.article().id);
    }
}

#[wasm_bindgen_test]
async fn app_lists_every_article() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<dispatches_app::app::App>::with_root(root.clone()).render();
    // Let Yew's scheduler run the first render.
    gloo::timers::future::TimeoutFuture::new(50).await;
    let cards = root.query_selector_all(".cards > li").unwrap();
    assert_eq!(cards.length() as usize, dispatches_app::data::with(|l| l.len()));
    assert_eq!(root.query_selector_all("h1").unwrap().length(), 1, "one h1");
}
