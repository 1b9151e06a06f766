//! The staff form: every scenario field, named as the engine's table of scenario fields
//! names it, several hubs (add/remove) with their feature selections, discounts with
//! reasons, the negotiated terms (`negotiated.rs`) and the internal notes.

use super::fields::{each, Field, Spec, Widget, NAMED};
use super::options;
use crate::catalog::HubChoice;
use crate::scenario::{DiscountValue, FeatureValue};
use crate::web::paths::feature_path;
use crate::web::state::ctx;
use leptos::prelude::*;

const QUOTE_FOR: &[Spec] = &[
    Spec::text("customer.name", NAMED),
    Spec::text("customer.contact", NAMED),
    Spec::text("prepared_by", NAMED),
];

const MEMBERSHIP: &[Spec] = &[
    Spec::choice("tier", NAMED, options::tiers),
    Spec::number("term_years", NAMED),
    Spec::number("active_months", NAMED),
    Spec::choice("provider", NAMED, options::providers),
    Spec::choice("region", NAMED, options::regions),
    Spec::choice("account", NAMED, options::accounts),
    Spec::choice("billing", NAMED, options::billing),
    Spec::number("help_hours_per_quarter", NAMED),
    Spec::number("project_hours", NAMED),
];

/// A hub's questions, relative to `hubs[i].`.
const HUB: &[Spec] = &[
    Spec::text("name", NAMED),
    Spec::number("registered_users", NAMED),
    Spec::number("monthly_active_users", NAMED),
    Spec::number("hours_per_user", NAMED),
    Spec::choice("size", NAMED, options::sizes),
    Spec::number("gpu_share", NAMED),
    Spec::number("home_gb_per_user", NAMED),
    Spec::number("object_storage_gb", NAMED),
    Spec::number("egress_gb", NAMED),
    Spec::number("dask_node_hours", NAMED),
];

const NOTES: &[Spec] = &[Spec::text("notes", NAMED)];

#[component]
pub fn Staff() -> impl IntoView {
    let c = ctx();
    let hubs = Memo::new(move |_| c.draft().with(|s| s.hubs.len()));
    let discounts = Memo::new(move |_| c.draft().with(|s| s.discounts.len()));
    view! {
        <div class="hq-staff">
            <fieldset class="hq-box">
                <legend class="hq-h3">"Quote for"</legend>
                <div class="hq-grid">{each(QUOTE_FOR, "")}</div>
            </fieldset>
            <fieldset class="hq-box">
                <legend class="hq-h3">"Membership and cloud"</legend>
                <div class="hq-grid">{each(MEMBERSHIP, "")}</div>
            </fieldset>
            {move || (0..hubs.get()).map(|i| view! { <HubBox i=i/> }).collect_view()}
            <p><button type="button" class="hq-btn" data-testid="add-hub" on:click=move |_| c.add_hub()>"Add a hub"</button></p>
            <fieldset class="hq-box hq-staff-only">
                <legend class="hq-h3">"Discounts"</legend>
                <p class="hq-hint">"Each discount needs a reason. Cloud pass-through is never discounted; a large discount needs approval."</p>
                {move || (0..discounts.get()).map(|i| view! { <DiscountRow i=i/> }).collect_view()}
                <p><button type="button" class="hq-btn" data-testid="add-discount" on:click=move |_| c.add_discount()>"Add a discount"</button></p>
            </fieldset>
            <super::negotiated::Negotiated/>
            <fieldset class="hq-box hq-staff-only">
                <legend class="hq-h3">"Notes"</legend>
                {each(NOTES, "")}
            </fieldset>
        </div>
    }
}

#[component]
fn HubBox(i: usize) -> impl IntoView {
    let c = ctx();
    let name = move || {
        c.draft()
            .with(|s| s.hubs.get(i).map(|h| h.name.clone()).unwrap_or_default())
    };
    view! {
        <fieldset class="hq-box">
            <legend class="hq-h3">{move || format!("Hub {}: {}", i + 1, name())}</legend>
            <div class="hq-grid">{each(HUB, &format!("hubs[{i}]."))}</div>
            <details class="hq-features">
                <summary>"Features of this hub"</summary>
                <Features i=i/>
            </details>
            <button type="button" class="hq-btn hq-btn-danger" data-testid=format!("remove-hub-{i}")
                on:click=move |_| c.remove_hub(i)>{move || format!("Remove hub {}", i + 1)}</button>
        </fieldset>
    }
}

/// A select per catalog item a hub can choose (the cloud items are set above).
#[component]
fn Features(i: usize) -> impl IntoView {
    let c = ctx();
    let items = Memo::new(move |_| {
        c.catalog().with(|cat| {
            cat.hub_choices()
                .into_iter()
                .map(|ch| (ch.item.id.clone(), ch.item.label.clone(), choices(&ch)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="hq-grid">
            {move || items.get().into_iter().map(|(id, label, opts)| view! {
                <Field path=feature_path(i, &id) label=label hint=None
                    control=Widget::Choice(Signal::derive(move || opts.clone()))/>
            }).collect_view()}
        </div>
    }
}

/// A hub's choices for one item: the tier's default, each option, yes and no for a flag.
fn choices(ch: &HubChoice) -> Vec<(String, String)> {
    let tier_default = (String::new(), "Tier default".to_string());
    let options = ch.options.iter().map(|o| {
        let v = FeatureValue::Option(o.value.clone());
        (v.key(), o.display().to_string())
    });
    let flag = [(true, "Yes"), (false, "No")]
        .into_iter()
        .filter(|_| ch.flag)
        .map(|(b, label)| (FeatureValue::Flag(b).key(), label.to_string()));
    std::iter::once(tier_default)
        .chain(options)
        .chain(flag)
        .collect()
}

#[component]
fn DiscountRow(i: usize) -> impl IntoView {
    let c = ctx();
    let percent = Memo::new(move |_| {
        c.draft().with(|s| {
            s.discounts
                .get(i)
                .is_none_or(|d| matches!(d.value, DiscountValue::Percent(_)))
        })
    });
    let prefix = format!("discounts[{i}].");
    let value = move || {
        let (path, label, unit) = if percent.get() {
            ("percent", "Percent", Some("%"))
        } else {
            ("amount", "Amount", None)
        };
        view! {
            <Field path=format!("discounts[{i}].{path}") label=label.to_string() hint=None control=Widget::Number(unit)/>
        }
    };
    view! {
        <div class="hq-discount">
            <div class="hq-grid">
                <Field path=format!("{prefix}target") label=format!("Discount {} on", i + 1) hint=None
                    control=Widget::Choice(options::discount_targets())/>
                {Spec::choice("kind", "Kind", options::discount_kinds).view(&prefix)}
                {value}
                {Spec::text("reason", NAMED).view(&prefix)}
            </div>
            <button type="button" class="hq-btn hq-btn-danger" data-testid=format!("remove-discount-{i}")
                on:click=move |_| c.remove_discount(i)>{format!("Remove discount {}", i + 1)}</button>
        </div>
    }
}
