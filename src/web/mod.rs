//! The web app (wasm32 only): a Leptos 0.8 client-side-rendered UI over the engine.
//!
//! The app never takes over `<body>`: it mounts into the element `#hubquote` of the host
//! page (`index.html`, or any page that embeds `pkg/hubquote.js`), so it can live inside
//! another site. Everything it needs is in the wasm: the default catalog is embedded.
//! It presents the engine's results only: prices, totals, rules and messages all come
//! from `pricing`, `scenario` and `quote`.

mod app;
mod book;
mod chunk;
mod configure;
mod host;
mod io;
mod loader;
mod menu;
mod paths;
mod present;
mod quote;
mod state;
mod text;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element the app mounts into.
pub const MOUNT_ID: &str = "hubquote";

/// Entry point, run by wasm-bindgen when the module is initialised (`init()` in JS).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = mount_point() else {
        // Not a panic: a host page without the element is a configuration error to report.
        web_sys::console::error_1(
            &format!("hubquote: no element with id \"{MOUNT_ID}\" to mount the app into").into(),
        );
        return;
    };
    // The app lives as long as the page: never unmount it.
    leptos::mount::mount_to(root, app::App).forget();
}

/// The host page's `#hubquote` element, if there is one and it is an HTML element.
fn mount_point() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(MOUNT_ID)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}
