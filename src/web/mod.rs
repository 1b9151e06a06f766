//! The web app (wasm32 only): a Leptos 0.8 client-side-rendered UI over the engine.
//!
//! The app never takes over `<body>`: `public/boot.js` mounts one independent instance
//! into each `[data-hubquote]` element (and `#hubquote`) of the host page (`index.html`,
//! or any page that embeds it), each with its options (`state::host`), so it can live inside
//! another site. Everything it needs is in the wasm: the default catalog is embedded.
//! It presents the engine's results only: prices, totals, rules and messages all come
//! from `pricing`, `scenario` and `quote`.

mod app;
mod book;
mod chunk;
mod configure;
mod contact;
mod events;
mod frame;
mod io;
mod loader;
mod menu;
mod paths;
mod present;
mod quote;
mod state;
mod text;

use wasm_bindgen::prelude::*;

/// Entry point, run by wasm-bindgen when the module is initialised (`init()` in JS);
/// `boot.js` then mounts an instance into each marked element with [`mount`].
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Mounts an instance into `el` (`hubquote.mount(el)` from the boot module), once per
/// element; its options are read from the element's `data-*` attributes now.
#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement) {
    let Some(index) = state::host::register(&el) else {
        return;
    };
    let host = state::host::read(&el, index);
    // The instance lives as long as the page: never unmount it.
    leptos::mount::mount_to(el, move || app::App(app::AppProps { host })).forget();
}
