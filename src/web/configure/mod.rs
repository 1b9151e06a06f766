//! Configure: presets, the guided questions or the staff form (same scenario), and the
//! live estimate beside them.

mod fields;
mod guided;
mod staff;

use super::state::{ctx, Mode};
use leptos::prelude::*;

/// (value, label) lists for the selects, from the catalog.
pub mod options {
    use crate::scenario::{DiscountTarget, RECOMMEND};
    use crate::web::state::ctx;
    use leptos::prelude::*;

    type Opts = Signal<Vec<(String, String)>>;

    fn from_catalog(
        f: impl Fn(&crate::catalog::PriceList) -> Vec<(String, String)> + Send + Sync + 'static,
    ) -> Opts {
        let c = ctx();
        Signal::derive(move || {
            c.catalog
                .with(|cat| cat.pricing.as_ref().map(&f).unwrap_or_default())
        })
    }

    pub fn tiers() -> Opts {
        from_catalog(|p| {
            let mut v = vec![(
                RECOMMEND.to_string(),
                "Recommend the best fit for me".to_string(),
            )];
            v.extend(
                p.tiers
                    .keys()
                    .map(|t| (t.to_string(), p.tier_label(t).to_string())),
            );
            v
        })
    }

    pub fn providers() -> Opts {
        from_catalog(|p| {
            p.providers
                .iter()
                .map(|(k, v)| (k.to_string(), v.label.clone()))
                .collect()
        })
    }

    pub fn regions() -> Opts {
        let c = ctx();
        let provider = Memo::new(move |_| c.draft.with(|s| s.provider.clone()));
        Signal::derive(move || {
            let prov = provider.get();
            c.catalog.with(|cat| {
                cat.pricing
                    .as_ref()
                    .and_then(|p| p.providers.get(&prov))
                    .map(|x| {
                        x.regions
                            .iter()
                            .map(|(k, r)| (k.to_string(), format!("{} ({k})", r.label)))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    }

    pub fn accounts() -> Opts {
        from_catalog(|p| {
            p.accounts
                .iter()
                .map(|(k, v)| (k.to_string(), v.label.clone()))
                .collect()
        })
    }

    pub fn billing() -> Opts {
        from_catalog(|p| {
            p.billing
                .iter()
                .map(|(k, v)| (k.to_string(), v.label.clone()))
                .collect()
        })
    }

    pub fn sizes() -> Opts {
        from_catalog(|p| {
            p.sizes
                .iter()
                .map(|(k, v)| {
                    (
                        k.to_string(),
                        if v.label.is_empty() {
                            k.to_string()
                        } else {
                            v.label.clone()
                        },
                    )
                })
                .collect()
        })
    }

    pub fn discount_targets() -> Opts {
        Signal::derive(|| {
            DiscountTarget::ALL
                .into_iter()
                .map(|t| {
                    (
                        t.key().to_string(),
                        super::super::state::capitalise(t.label()),
                    )
                })
                .collect()
        })
    }

    pub fn discount_kinds() -> Opts {
        Signal::derive(|| {
            vec![
                (
                    "percent".to_string(),
                    "Percent of the first year".to_string(),
                ),
                ("amount".to_string(), "Fixed amount".to_string()),
            ]
        })
    }
}

#[component]
pub fn ConfigureView() -> impl IntoView {
    let c = ctx();
    let priced = move || c.catalog.with(|cat| cat.is_priced());
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
                    {move || match c.mode.get() {
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
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let preset = c
            .catalog
            .with_untracked(|cat| cat.preset(&id).map(|p| p.scenario.clone()));
        if let Some(s) = preset {
            c.replace(s);
            c.pristine.set(false);
        }
        c.preset.set(id);
    };
    let description = move || {
        let id = c.preset.get();
        c.catalog
            .with(|cat| cat.preset(&id).map(|p| p.description.clone()))
    };
    view! {
        <div class="hq-field hq-preset">
            <label for="hq-preset">"Start from an example"</label>
            <select id="hq-preset" data-testid="preset" on:change=on_change
                prop:value=move || c.preset.get() aria-describedby="hq-preset-d">
                <option value="" selected=move || c.preset.with(String::is_empty)>"Choose a preset"</option>
                {move || c.catalog.with(|cat| cat.presets.iter().map(|p| {
                    let id = p.id.clone();
                    let selected = move || c.preset.with(|x| *x == id);
                    view! { <option value=p.id.clone() selected=selected>{p.label.clone()}</option> }
                }).collect_view())}
            </select>
            <p class="hq-hint" id="hq-preset-d">
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
                aria-pressed=move || if c.mode.get() == m { "true" } else { "false" }
                on:click=move |_| c.mode.set(m)>{label}</button>
        }
    };
    view! {
        <div class="hq-mode" role="group" aria-label="Form">
            {button(Mode::Guided, "mode-guided", "Guided")}
            {button(Mode::Staff, "mode-staff", "Staff form")}
        </div>
    }
}

/// Engine messages that belong to no single field (too many hubs, the whole scenario).
#[component]
fn OtherProblems() -> impl IntoView {
    let c = ctx();
    let other = Memo::new(move |_| {
        c.problems.with(|p| {
            p.iter()
                .filter(|(path, _)| path.is_empty() || path == "hubs" || path == "discounts")
                .map(|(_, m)| super::state::capitalise(m))
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
