//! Configure: presets, the guided questions or the staff form (same scenario), and the
//! live estimate beside them.

mod fields;
mod guided;
mod negotiated;
mod options;
mod staff;

use super::state::{ctx, Mode};
use super::text::capitalise;
use crate::web::state::host::Audience;
use leptos::prelude::*;

#[component]
pub fn ConfigureView() -> impl IntoView {
    let c = ctx();
    let priced = move || c.catalog().with(|cat| cat.is_priced());
    view! {
        <Show when=priced fallback=|| view! {
            <p class="hq-muted">"Configuring a hub needs a catalog with prices; this one only lists features (see the service menu)."</p>
        }>
            <div class="hq-config">
                <div class="hq-config-main">
                    <div class="hq-config-top">
                        <Presets/>
                        <ModeSwitch/>
                    </div>
                    {move || match c.mode().get() {
                        Mode::Guided => guided::Guided().into_any(),
                        Mode::Staff => staff::Staff().into_any(),
                    }}
                    <OtherProblems/>
                </div>
                <aside class="hq-side" aria-label="Live estimate">
                    <super::quote::Summary/>
                </aside>
            </div>
        </Show>
    }
}

#[component]
fn Presets() -> impl IntoView {
    let c = ctx();
    let on_change = move |ev: leptos::ev::Event| c.start_from_preset(event_target_value(&ev));
    let description = move || {
        let id = c.preset().get();
        c.catalog()
            .with(|cat| cat.preset(&id).map(|p| p.description.clone()))
    };
    view! {
        <div class="hq-field hq-preset">
            <label for=c.id("preset")>"Start from an example"</label>
            <select id=c.id("preset") data-testid="preset" on:change=on_change
                prop:value=move || c.preset().get() aria-describedby=c.id("preset-d")>
                <option value="" selected=move || c.preset().with(String::is_empty)>"Choose a preset"</option>
                {move || c.catalog().with(|cat| cat.presets.iter().map(|p| {
                    let id = p.id.clone();
                    let selected = move || c.preset().with(|x| *x == id);
                    view! { <option value=p.id.clone() selected=selected>{p.label.clone()}</option> }
                }).collect_view())}
            </select>
            <p class="hq-hint" id=c.id("preset-d")>
                {move || description().unwrap_or_else(|| "Replaces your answers with a typical case that you can then adjust.".into())}
            </p>
        </div>
    }
}

#[component]
fn ModeSwitch() -> impl IntoView {
    let c = ctx();
    let button = move |m: Mode, testid: &'static str, label: &'static str| {
        view! {
            <button type="button" class="hq-seg" data-testid=testid
                aria-pressed=move || if c.mode().get() == m { "true" } else { "false" }
                on:click=move |_| c.set_mode(m)>{label}</button>
        }
    };
    // A public instance offers no staff form at all.
    (c.host().audience != Audience::Public).then(|| {
        view! {
            <div class="hq-mode" role="group" aria-label="Form">
                {button(Mode::Guided, "mode-guided", "Guided")}
                {button(Mode::Staff, "mode-staff", "Staff form")}
            </div>
        }
    })
}

/// Engine messages that belong to no single field (too many hubs, the whole scenario).
#[component]
fn OtherProblems() -> impl IntoView {
    let c = ctx();
    let other = Memo::new(move |_| {
        c.problems().with(|p| {
            p.iter()
                .filter(|(path, _)| path.is_empty() || path == "hubs" || path == "discounts")
                .map(|(_, m)| capitalise(m))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !other.with(Vec::is_empty)>
            <div class="hq-alert hq-alert-error">
                <ul>{move || other.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}
