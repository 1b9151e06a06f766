//! Loading another catalog: the file picker in the header, `?catalog=<url>` and a share
//! link's catalog (the only requests the app makes beyond its own files, from the origins
//! the host page allows): read or fetched, checked (the check is a chunk of its own,
//! `state::catalogs`), installed; and what a share link says of the catalog it was made
//! with. In the header controls' lazily loaded chunk (with presentation mode's,
//! `present.rs`), shown once the first frame is painted.

use super::state::{ctx, Ctx, Origin};
use super::{io, text};
use crate::scenario::share::MadeWith;
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
                Some(Ok((name, text))) => c.load_catalog(Origin::File(name), text).await,
                Some(Err(e)) => c.catalog_failed(e),
                None => {}
            }
            input.set_value("");
        });
    };
    let warnings = c.catalog_warnings();
    let id = c.id("catalog-file");
    view! {
        <label class="hq-filebtn" for=id.clone()>"Load a catalog file…"</label>
        <input id=id class="hq-file" type="file" data-testid="catalog-file"
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
type Loading = Pin<Box<dyn Future<Output = ()>>>;

/// Loads the catalog at `url` (`?catalog=`, a share link's catalog) if the host page
/// allows its origin, else says why not; the catalog in use stays until another one has
/// loaded.
pub fn fetch(c: Ctx, url: String) {
    c.set_catalog_pending(true);
    spawn_local(async move {
        match from_url(c, url.clone()).await {
            Ok(load) => load.await,
            Err(_) => c.catalog_failed(text::not_downloaded(&format!("{url} was not fetched"))),
        }
        c.set_catalog_pending(false);
    });
}

/// Fetches the catalog at `url` and loads it, or says why not (an address the host page
/// does not allow, [`Options::catalog_url`](super::state::host::Options::catalog_url), is not fetched).
#[wasm_split(hubquote_controls, wasm_split_path = ::leptos::wasm_split, fallible)]
fn from_url(c: Ctx, url: String) -> Result<Loading, SplitLoaderError> {
    Ok(Box::pin(async move {
        let url = match c.host().catalog_url(&url) {
            Ok(u) => u,
            Err(why) => return c.catalog_failed(why),
        };
        match io::fetch(&url).await {
            Ok(text) => c.load_catalog(Origin::Url(url), text).await,
            Err(e) => c.catalog_failed(e),
        }
    }))
}

/// What a share link says of its catalog when another one prices it (once no catalog is
/// on its way): never repriced silently; the link's own catalog offered when the host
/// page allows its address.
#[component]
fn LinkCatalog() -> impl IntoView {
    let c = ctx();
    move || {
        if c.catalog_pending().get() {
            return None;
        }
        let now = c.catalog_id().label();
        let (said, url) = match MadeWith::read(c.made_with().get().as_deref()) {
            MadeWith::Catalog(id) if !c.catalog().with(|cat| id.matches(cat)) => (
                format!("This link was made with catalog {}; it is shown priced with {now}.", id.label()),
                id.url,
            ),
            MadeWith::Unreadable => (
                format!("This link names its catalog in a way that cannot be read (was it cut short?); it is shown priced with {now}."),
                None,
            ),
            _ => return None,
        };
        let offer = url.map(|u| c.host().catalog_url(&u));
        Some(view! {
            <div class="hq-alert hq-alert-note" role="alert" data-testid="link-catalog">
                <p>{said}</p>
                {offer.map(|o| match o {
                    Ok(u) => view! {
                        <button type="button" class="hq-btn" data-testid="load-link-catalog"
                            on:click=move |_| fetch(c, u.clone())>"Load the catalog it was made with"</button>
                    }.into_any(),
                    Err(why) => view! { <p>{why}</p> }.into_any(),
                })}
            </div>
        })
    }
}

#[wasm_split(hubquote_controls, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn link_catalog_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <LinkCatalog/> }.into_any())
}
