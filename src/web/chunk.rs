//! Views that live in lazily loaded wasm chunks (`wasm_split`, fallible: cut out by
//! wasm-split in `scripts/build.sh`). What a visitor needs to see a price comes with the
//! first download; what is below it (the quote's details, every tier compared, the feature
//! matrix) and the Configure forms are fetched when needed, and preloaded when the browser
//! is idle.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;

/// A view on its way from a chunk (boxed: one `Suspense` for every chunk, not one each).
type Loading = Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>> + Send>>;

/// The view that `load` brings from its chunk; `loading` while it downloads (nothing when
/// `None`: it is below what is already on screen); if the chunk cannot be fetched, an
/// alert saying what is `missing` (a retry happens when the view is shown again).
pub fn lazy(
    loading: Option<&'static str>,
    missing: &'static str,
    load: impl Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
) -> impl IntoView {
    suspended(loading, Some(missing), Box::pin(load))
}

/// The view that `load` brings from its chunk, or nothing if the chunk cannot be fetched
/// (a control that is simply not there until it can be).
pub fn optional(
    load: impl Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
) -> impl IntoView {
    suspended(None, None, Box::pin(load))
}

fn suspended(
    loading: Option<&'static str>,
    missing: Option<&'static str>,
    load: Loading,
) -> AnyView {
    view! {
        <Suspense fallback=move || loading.map(|l| view! { <p class="hq-muted" role="status">{l}</p> })>
            {Suspend::new(async move {
                load.await.unwrap_or_else(|_| {
                    missing.map(|m| view! {
                        <p class="hq-alert hq-alert-error" role="alert" data-testid="chunk-error">{m}</p>
                    })
                    .into_any()
                })
            })}
        </Suspense>
    }
    .into_any()
}
