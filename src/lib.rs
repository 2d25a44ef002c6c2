//! Dispatches, the browser app: a Yew front end over the engine and the corpus bundle
//! compiled in at build time (see build.rs). A library so wasm-bindgen tests can render
//! components; `main.rs` only starts it.
//!
//! Three ways in (see [`config::Mount`]):
//! - the standalone page, index.html: [`start`] mounts on its body;
//! - the same page inside an `<iframe>`: [`start`] detects the frame, drops the site chrome
//!   and reports the page height to the parent ([`embed`]);
//! - the `<dispatches-explorer>` custom element (static/embed.js): the loader imports this
//!   module (so [`start`] runs, finds no `<meta name="dispatches-app">` and does nothing),
//!   then calls [`mount_explorer`] with an element inside the element's shadow root.

pub mod app;
pub mod components;
pub mod config;
pub mod data;
pub mod embed;
pub mod state;

use config::{AppConfig, Mount, Theme};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

/// Mounts the app on the document body of index.html (standalone or framed). Does nothing on
/// a page without `<meta name="dispatches-app">`, i.e. when the module was loaded by the
/// custom element's loader on a host page.
pub fn start() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    if document.query_selector("meta[name='dispatches-app']").ok().flatten().is_none() {
        return;
    }
    let config = page_config(&window);
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-theme", config.theme.as_str());
        let _ = html.set_attribute("data-mount", if config.embedded { "frame" } else { "standalone" });
        if config.compact {
            let _ = html.set_attribute("data-compact", "");
        }
    }
    if config.mount == Mount::Frame {
        embed::report_height(&window);
    }
    let Some(body) = document.body() else { return };
    let body: web_sys::Element = body.into();
    opened(move || {
        let mut config = config;
        let shell = take_shell(&body);
        config.typed_query = shell.as_ref().and_then(|s| s.query.clone());
        yew::Renderer::<app::App>::with_root_and_props(body.clone(), app::Props { config }).render();
        if let Some(shell) = shell {
            shell.hand_over(0);
        }
    }, None);
}

/// index.html's search box: usable as soon as the page's HTML and CSS are, before the app's
/// code has loaded (and, in the split layout, before the corpus's manifest has). The app
/// adopts that very element as its search box (`components::search_box::adopt`), so what
/// the visitor typed stays typed, and becomes the app's first query. Without the app (no
/// JavaScript) it is a plain form that reloads the page with `?q=`.
struct Shell {
    input: Option<web_sys::HtmlInputElement>,
    query: Option<String>,
    /// Focus and caret, restored once the element is in the app (moving it blurs it).
    focus: Option<(u32, u32)>,
}

/// Takes the search box out of index.html's shell and removes the rest of the shell. Called
/// in the task that renders the app, so no keystroke falls in between.
fn take_shell(root: &web_sys::Element) -> Option<Shell> {
    let shell = root.query_selector("[data-shell]").ok().flatten()?;
    let input = shell.query_selector("input").ok().flatten().and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
    let focused = input.as_ref().zip(root.owner_document().and_then(|d| d.active_element())).is_some_and(|(i, a)| a.is_same_node(Some(i)));
    let focus = input.as_ref().filter(|_| focused).map(|i| (i.selection_start().ok().flatten().unwrap_or(0), i.selection_end().ok().flatten().unwrap_or(0)));
    let query = input.as_ref().map(|i| i.value()).filter(|v| !v.trim().is_empty());
    if let Some(i) = &input {
        i.remove();
        components::search_box::adopt(i.clone());
    }
    shell.remove();
    Some(Shell { input, query, focus })
}

impl Shell {
    /// Gives focus back to the box, caret where it was, once the app has placed it (Yew may
    /// render on the next tick).
    fn hand_over(self, tries: u32) {
        let (Some(input), Some((start, end))) = (self.input.as_ref(), self.focus) else { return };
        if input.is_connected() {
            let _ = input.focus();
            let _ = input.set_selection_range(start, end);
        } else if tries < 50 {
            gloo::timers::callback::Timeout::new(10, move || self.hand_over(tries + 1)).forget();
        }
    }
}

/// Runs `mount` once the corpus is open: at once for the inline layout, after the manifest
/// arrived for the split one. If it cannot be opened, says so in `note_in` (or the body).
fn opened(mount: impl FnOnce() + 'static, note_in: Option<web_sys::Element>) {
    if !data::is_split() {
        mount();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match data::open().await {
            Ok(()) => mount(),
            Err(e) => {
                let target = note_in.or_else(|| web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()).map(Into::into));
                if let Some(t) = target {
                    let doc = t.owner_document();
                    if let Some(p) = doc.and_then(|d| d.create_element("p").ok()) {
                        let _ = p.set_attribute("role", "alert");
                        p.set_text_content(Some(&format!("The reports could not be loaded ({e}). Check the connection and reload the page.")));
                        let _ = t.append_child(&p);
                    }
                }
            }
        }
    });
}

/// The configuration of index.html: framed (inside any `<iframe>`, or forced with `?embed=1`)
/// or standalone. A frame's URL may also carry `theme=light|dark` and `compact=1`.
pub fn page_config(window: &web_sys::Window) -> AppConfig {
    let params = window
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let flag = |name: &str| param(name).is_some_and(|v| !matches!(v.as_str(), "0" | "false" | "no"));
    let framed = match window.top() {
        Ok(Some(top)) => JsValue::from(top) != JsValue::from(window.clone()),
        // No access to `top` at all: we are framed.
        _ => true,
    };
    let embedded = framed || flag("embed");
    AppConfig {
        url_state: true,
        embedded,
        compact: embedded && flag("compact"),
        theme: if embedded { param("theme").map(|t| Theme::parse(&t)).unwrap_or_default() } else { Theme::Auto },
        preset_query: None,
        preset_sources: Vec::new(),
        typed_query: None,
        mount: if embedded { Mount::Frame } else { Mount::Standalone },
    }
}

/// A mounted `<dispatches-explorer>` app, returned to the loader so it can unmount it when
/// the element leaves the page.
#[wasm_bindgen]
pub struct Explorer {
    /// The mounted app; `None` until the corpus is open (split layout) or after `destroy`.
    handle: Rc<RefCell<Option<AppHandle<app::App>>>>,
    destroyed: Rc<Cell<bool>>,
}

#[wasm_bindgen]
impl Explorer {
    /// Unmounts the app (the element was removed or its attributes changed).
    pub fn destroy(&mut self) {
        self.destroyed.set(true);
        if let Some(handle) = self.handle.borrow_mut().take() {
            handle.destroy();
        }
    }
}

/// Reads the loader's options object: `{ query, source, theme, compact, urlState }`.
/// `source` is one outlet name or several separated by commas.
pub fn element_config(options: &JsValue) -> AppConfig {
    let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let string = |k: &str| get(k).and_then(|v| v.as_string()).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let boolean = |k: &str| get(k).map(|v| v.as_bool().unwrap_or_else(|| v.as_string().is_some_and(|s| s != "false"))).unwrap_or(false);
    AppConfig {
        url_state: boolean("urlState"),
        embedded: true,
        compact: boolean("compact"),
        theme: string("theme").map(|t| Theme::parse(&t)).unwrap_or_default(),
        preset_query: string("query"),
        preset_sources: string("source")
            .map(|s| s.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect())
            .unwrap_or_default(),
        typed_query: None,
        mount: Mount::Element,
    }
}

/// Mounts the app into `root`, an element inside a shadow root (or anywhere), for the
/// `<dispatches-explorer>` custom element. Yew attaches its event listeners to `root`, so
/// events work inside the shadow root.
#[wasm_bindgen(js_name = mountExplorer)]
pub fn mount_explorer(root: web_sys::Element, options: JsValue) -> Explorer {
    let config = element_config(&options);
    let _ = root.set_attribute("data-theme", config.theme.as_str());
    let explorer = Explorer { handle: Rc::new(RefCell::new(None)), destroyed: Rc::new(Cell::new(false)) };
    let (handle, destroyed) = (explorer.handle.clone(), explorer.destroyed.clone());
    let note_in = root.clone();
    opened(
        move || {
            // The element may have left the page while the manifest was on its way.
            if !destroyed.get() {
                *handle.borrow_mut() = Some(yew::Renderer::<app::App>::with_root_and_props(root, app::Props { config }).render());
            }
        },
        Some(note_in),
    );
    explorer
}
