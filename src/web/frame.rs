//! The app as the page of an iframe (`embed.html`): what it tells its host goes to the
//! parent page by `postMessage({ type, detail }, targetOrigin)`, only to the origin the
//! host named (`target-origin`: never `*`), and `hubquote:resize` with the content's
//! height whenever it changes, so that the host can size the iframe without scrollbars.

use super::state::host::Options;
use super::state::Ctx;
use wasm_bindgen::prelude::*;

/// Posts `name` with `detail` to the parent page, if this instance is an iframe's page
/// with a target origin.
pub fn post(host: &Options, name: &str, detail: &JsValue) {
    let (true, Some(origin)) = (host.frame, host.target_origin.as_deref()) else {
        return;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&message, &k.into(), v).is_ok();
    if set("type", &name.into()) && set("detail", detail) {
        let _ = parent.post_message(&message, origin);
    }
}

/// Tells the parent the height of the instance's content now and after every change
/// (a `ResizeObserver` on the mount element; it lives as long as the page).
pub fn watch_height(c: Ctx) {
    let host = c.host();
    let (true, Some(el)) = (host.frame, super::state::host::mounted(host.index)) else {
        return;
    };
    let watched = el.clone();
    let tell = Closure::<dyn Fn()>::new(move || {
        let height = watched.get_bounding_client_rect().height().ceil();
        let detail = js_sys::Object::new();
        if js_sys::Reflect::set(&detail, &"height".into(), &height.into()).is_ok() {
            post(host, "hubquote:resize", &detail);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(tell.as_ref().unchecked_ref()) {
        observer.observe(&el);
    }
    tell.forget();
}
