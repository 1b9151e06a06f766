//! Loading another catalog: the file picker in the header, and `?catalog=<url>` (the only
//! request the app makes beyond its own files): read or fetched, checked (the check is a
//! chunk of its own, `state::catalogs`), installed. In the header controls' lazily loaded
//! chunk (with presentation mode's, `present.rs`), shown once the first frame is painted.

use super::io;
use super::state::{ctx, Ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;
use std::pin::Pin;

/// The file picker, and the warnings of the catalog it (or `?catalog=`) loaded.
#[component]
fn Picker() -> impl IntoView {
    let c = ctx();
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            match io::read_file(&input).await {
                Some(Ok((name, text))) => c.load_catalog(name, text).await,
                Some(Err(e)) => c.catalog_failed(e),
                None => {}
            }
            input.set_value("");
        });
    };
    let warnings = c.catalog_warnings();
    view! {
        <label class="hq-filebtn" for="hq-catalog-file">"Load a catalog file…"</label>
        <input id="hq-catalog-file" class="hq-file" type="file" data-testid="catalog-file"
            accept=".json,.json5,application/json" on:change=on_file/>
        <Show when=move || !warnings.with(Vec::is_empty)>
            <details class="hq-alert hq-alert-note" data-testid="catalog-warnings">
                <summary>{move || format!("The catalog loaded with {} warning(s)", warnings.with(Vec::len))}</summary>
                <pre>{move || warnings.get().join("\n")}</pre>
            </details>
        </Show>
    }
}

#[wasm_split(hubquote_controls, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn picker_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Picker/> }.into_any())
}

/// A load in flight (boxed: a lazily loaded function cannot itself be `async`).
pub type Loading = Pin<Box<dyn Future<Output = ()>>>;

/// Fetches the catalog at `url` (same origin under the strict CSP) and loads it, or says
/// why not.
#[wasm_split(hubquote_controls, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn from_url(c: Ctx, url: String) -> Result<Loading, SplitLoaderError> {
    Ok(Box::pin(async move {
        match io::fetch(&url).await {
            Ok(text) => c.load_catalog(url, text).await,
            Err(e) => c.catalog_failed(e),
        }
    }))
}
