//! Presentation mode's controls and headline: the toggle in the header, the `P` key
//! (`Escape` leaves) pressed anywhere but in a field, and while presenting the headline
//! under the header: the totals (the chosen tier, the first-year total, the monthly
//! picture) and the cloud band, in large type. The quote view and the live estimate keep
//! theirs, not rendered while presenting (the stylesheet), so leaving finds them as they
//! were. In the header controls' lazily loaded chunk (with the catalog picker,
//! `loader.rs`), shown once the first frame is painted.

use super::io;
use super::quote::{Band, Totals};
use super::state::{ctx, Ctx};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

#[component]
fn Toggle() -> impl IntoView {
    let c = ctx();
    let on = c.presenting();
    let button = NodeRef::<leptos::html::Button>::new();
    let root = move || button.get().and_then(|b| b.closest(".hq").ok().flatten());
    // The root's mark, which the stylesheet follows (set here: only this chunk can turn
    // presentation mode on, so the first download carries no code for it).
    Effect::new(move |_| {
        let on = on.get();
        if let Some(r) = root() {
            let _ = if on {
                r.set_attribute("data-presentation", "on")
            } else {
                r.remove_attribute("data-presentation")
            };
        }
    });
    shortcuts(c, root);
    view! {
        <button type="button" class="hq-btn hq-present" data-testid="presentation-toggle" node_ref=button
            aria-pressed=move || if on.get() { "true" } else { "false" } aria-keyshortcuts="P"
            on:click=move |_| c.toggle_presentation()>
            {move || if on.get() { "Leave presentation (P)" } else { "Present (P)" }}
        </button>
        <Show when=move || on.get()>
            <Stage/>
        </Show>
    }
}

/// The headline; the stylesheet sets it under the header, across its width.
#[component]
fn Stage() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="hq-stage" data-testid="presentation-stage" aria-label="The quote at a glance">
            <Totals/>
            {move || c.last_good().get().map(|q| view! { <Band q=q/> })}
        </section>
    }
}

/// The keys, for this app only (`root`): pressed in it, or with nothing in particular
/// focused. Another app on the same page has its own.
fn shortcuts(c: Ctx, root: impl Fn() -> Option<web_sys::Element> + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let ours = untrack(&root).is_some_and(|r| io::shortcut(&ev, &r));
        if ours && c.shortcut(&ev.key()) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

#[wasm_split(hubquote_controls, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn toggle_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Toggle/> }.into_any())
}
