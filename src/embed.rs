//! The app inside an `<iframe>` on someone else's page: it tells the parent its height so the
//! parent can size the frame to fit (no inner scroll bar).
//!
//! Protocol (plain objects through `postMessage`):
//! - frame → parent: `{ type: "dispatches:height", height: <CSS px, integer> }`, on start-up
//!   and whenever the app's height changes (ResizeObserver on the body);
//! - parent → frame: `{ type: "dispatches:hello" }` asks for the height again (for a parent
//!   whose listener was attached after the frame had loaded).
//!
//! Messages are sent only to the parent's origin, never to `*`: the browser drops them if
//! the parent is not that origin. Incoming messages that are not from the parent window and
//! its origin, or not of the expected shape, are ignored.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, ResizeObserver, Window};

pub const HEIGHT_MESSAGE: &str = "dispatches:height";
pub const HELLO_MESSAGE: &str = "dispatches:hello";

/// The origin of the page that frames us, as far as it can be known:
/// 1. `location.ancestorOrigins[0]` (Chromium, Safari, Firefox 153 but not older Firefox): set by the browser, cannot be faked;
/// 2. the `?parent-origin=` parameter of the frame's URL (the README's snippet sets it);
/// 3. the origin of `document.referrer` (the page that loaded the frame).
///
/// `None` when none is available or the origin is opaque (`null`, sandboxed frames).
pub fn parent_origin(window: &Window) -> Option<String> {
    let location = window.location();
    let valid = |o: String| -> Option<String> {
        let o = o.trim().trim_end_matches('/').to_string();
        (o.starts_with("http://") || o.starts_with("https://")).then_some(o)
    };
    // Not in web-sys: read `location.ancestorOrigins` (a DOMStringList) reflectively.
    if let Some(list) = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::DomStringList>().ok())
    {
        if let Some(o) = list.item(0) {
            return valid(o);
        }
    }
    if let Some(o) = location
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("parent-origin"))
    {
        if let Some(o) = valid(o) {
            return Some(o);
        }
    }
    let referrer = window.document()?.referrer();
    let url = web_sys::Url::new(&referrer).ok()?;
    valid(url.origin())
}

/// The height the parent should give the frame: the body's border box (the app's content),
/// not the viewport, so a frame can shrink as well as grow.
fn content_height(window: &Window) -> Option<i32> {
    let body = window.document()?.body()?;
    let rect = body.get_bounding_client_rect();
    Some(rect.height().ceil() as i32)
}

fn post_height(window: &Window, origin: &str, height: i32) {
    let Ok(Some(parent)) = window.parent() else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&message, origin);
}

/// Starts reporting the app's height to the parent window. Does nothing when the parent's
/// origin cannot be determined. Lives for the page's lifetime (the observer and listener are
/// leaked on purpose: the frame's app is never unmounted).
pub fn report_height(window: &Window) {
    let Some(origin) = parent_origin(window) else {
        gloo::console::warn!("Dispatches: framed, but the parent's origin is unknown; not reporting the height (add ?parent-origin=…)");
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let last = std::rc::Rc::new(std::cell::Cell::new(-1i32));

    let send = {
        let window = window.clone();
        let origin = origin.clone();
        let last = last.clone();
        move |force: bool| {
            if let Some(h) = content_height(&window) {
                if force || h != last.get() {
                    last.set(h);
                    post_height(&window, &origin, h);
                }
            }
        }
    };

    let on_resize = {
        let send = send.clone();
        Closure::<dyn FnMut(js_sys::Array, ResizeObserver)>::new(move |_entries, _observer| send(false))
    };
    match ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(&body);
            std::mem::forget(observer);
        }
        Err(_) => gloo::console::warn!("Dispatches: no ResizeObserver; the frame's height is reported once"),
    }
    on_resize.forget();

    let listener = {
        let target: web_sys::EventTarget = window.clone().into();
        let window = window.clone();
        EventListener::new(&target, "message", move |event| {
            let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
            if event.origin() != origin {
                return;
            }
            let from_parent = match (event.source(), window.parent()) {
                (Some(source), Ok(Some(parent))) => JsValue::from(source) == JsValue::from(parent),
                _ => false,
            };
            if !from_parent {
                return;
            }
            let data = event.data();
            let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|v| v.as_string());
            if kind.as_deref() == Some(HELLO_MESSAGE) {
                send(true);
            }
        })
    };
    listener.forget();
}
