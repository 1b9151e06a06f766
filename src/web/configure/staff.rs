//! The staff form: every scenario field, several hubs (add/remove) with their feature
//! selections, and discounts with reasons.

use super::fields::{Input, Select};
use super::options;
use crate::catalog::Kind;
use crate::scenario::{Discount, DiscountTarget, DiscountValue};
use crate::web::paths::feature_path;
use crate::web::state::{ctx, new_hub};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn Staff() -> impl IntoView {
    let c = ctx();
    let hubs = Memo::new(move |_| c.draft.with(|s| s.hubs.len()));
    let discounts = Memo::new(move |_| c.draft.with(|s| s.discounts.len()));
    let add_hub = move |_| {
        let name = c.draft.with_untracked(|s| {
            (s.hubs.len() + 1..)
                .map(|n| format!("Hub {n}"))
                .find(|n| !s.hubs.iter().any(|h| h.name == *n))
                .unwrap_or_default()
        });
        let hub = c.catalog.with_untracked(|cat| new_hub(cat, &name));
        c.restructure("hubs", |s| s.hubs.push(hub));
    };
    let add_discount = move |_| {
        c.restructure("discounts", |s| {
            s.discounts.push(Discount {
                target: DiscountTarget::Membership,
                value: DiscountValue::Percent(Decimal::from(10)),
                reason: String::new(),
            })
        });
    };
    view! {
        <div class="hq-staff">
            <fieldset class="hq-box">
                <legend class="hq-h3">"Quote for"</legend>
                <div class="hq-grid">
                    <Input path="customer.name" label="Customer"/>
                    <Input path="customer.contact" label="Customer contact"/>
                    <Input path="prepared_by" label="Prepared by"/>
                </div>
            </fieldset>
            <fieldset class="hq-box">
                <legend class="hq-h3">"Membership and cloud"</legend>
                <div class="hq-grid">
                    <Select path="tier" label="Tier" options=options::tiers()/>
                    <Input path="term_years" label="Term (years)" numeric=true/>
                    <Input path="active_months" label="Active months per year" numeric=true/>
                    <Select path="provider" label="Cloud provider" options=options::providers()/>
                    <Select path="region" label="Region" options=options::regions()/>
                    <Select path="account" label="Cloud account" options=options::accounts()/>
                    <Select path="billing" label="Who pays the cloud bill" options=options::billing()/>
                    <Input path="help_hours_per_quarter" label="Help hours wanted per quarter" numeric=true/>
                    <Input path="project_hours" label="One-off project hours" numeric=true/>
                </div>
            </fieldset>
            {move || (0..hubs.get()).map(|i| view! { <HubBox i=i/> }).collect_view()}
            <p><button type="button" class="hq-btn" data-testid="add-hub" on:click=add_hub>"Add a hub"</button></p>
            <fieldset class="hq-box">
                <legend class="hq-h3">"Discounts"</legend>
                <p class="hq-hint">"Each discount needs a reason. Cloud pass-through is never discounted; a large discount needs approval."</p>
                {move || (0..discounts.get()).map(|i| view! { <DiscountRow i=i/> }).collect_view()}
                <p><button type="button" class="hq-btn" data-testid="add-discount" on:click=add_discount>"Add a discount"</button></p>
            </fieldset>
            <fieldset class="hq-box">
                <legend class="hq-h3">"Notes"</legend>
                <Input path="notes" label="Internal notes"/>
            </fieldset>
        </div>
    }
}

#[component]
fn HubBox(i: usize) -> impl IntoView {
    let c = ctx();
    let name = move || {
        c.draft
            .with(|s| s.hubs.get(i).map(|h| h.name.clone()).unwrap_or_default())
    };
    let remove = move |_| {
        c.restructure("hubs", |s| {
            if i < s.hubs.len() {
                s.hubs.remove(i);
            }
        })
    };
    let p = move |f: &str| format!("hubs[{i}].{f}");
    view! {
        <fieldset class="hq-box">
            <legend class="hq-h3">{move || format!("Hub {}: {}", i + 1, name())}</legend>
            <div class="hq-grid">
                <Input path=p("name") label="Name"/>
                <Input path=p("registered_users") label="Registered users" numeric=true/>
                <Input path=p("monthly_active_users") label="Monthly active users" numeric=true/>
                <Input path=p("hours_per_user") label="Hours per active user per month" numeric=true/>
                <Select path=p("size") label="Server size" options=options::sizes()/>
                <Input path=p("gpu_share") label="GPU share of hours (0–1)" numeric=true/>
                <Input path=p("home_gb_per_user") label="Home directory GB per user" numeric=true/>
                <Input path=p("object_storage_gb") label="Object storage GB" numeric=true/>
                <Input path=p("egress_gb") label="Egress GB per month" numeric=true/>
                <Input path=p("dask_node_hours") label="Dask worker node-hours per month" numeric=true/>
            </div>
            <details class="hq-features">
                <summary>"Features of this hub"</summary>
                <Features i=i/>
            </details>
            <button type="button" class="hq-btn hq-btn-danger" data-testid=format!("remove-hub-{i}")
                on:click=remove>{move || format!("Remove hub {}", i + 1)}</button>
        </fieldset>
    }
}

/// A select per catalog item a hub can choose (the cloud items are set above).
#[component]
fn Features(i: usize) -> impl IntoView {
    let c = ctx();
    let items = Memo::new(move |_| {
        c.catalog.with(|cat| {
            let linked: Vec<String> = cat
                .pricing
                .as_ref()
                .map(|p| {
                    [
                        &p.links.provider_item,
                        &p.links.account_item,
                        &p.links.billing_item,
                    ]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect()
                })
                .unwrap_or_default();
            cat.items
                .iter()
                .filter(|item| !linked.contains(&item.id))
                .filter_map(|item| {
                    let mut opts = vec![(String::new(), "Tier default".to_string())];
                    let mut flag = false;
                    for (_, cfg) in item.per_tier.iter() {
                        match &cfg.kind {
                            Kind::Select { options, .. } => {
                                for o in options {
                                    let v = format!("opt:{}", o.value);
                                    if !opts.iter().any(|(x, _)| *x == v) {
                                        opts.push((v, o.display().to_string()));
                                    }
                                }
                            }
                            Kind::Flag { available: true } => flag = true,
                            _ => {}
                        }
                    }
                    if flag {
                        opts.push(("flag:true".into(), "Yes".into()));
                        opts.push(("flag:false".into(), "No".into()));
                    }
                    (opts.len() > 1).then(|| (item.id.clone(), item.label.clone(), opts))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="hq-grid">
            {move || items.get().into_iter().map(|(id, label, opts)| view! {
                <Select path=feature_path(i, &id) label=label options=Signal::derive(move || opts.clone())/>
            }).collect_view()}
        </div>
    }
}

#[component]
fn DiscountRow(i: usize) -> impl IntoView {
    let c = ctx();
    let percent = Memo::new(move |_| {
        c.draft.with(|s| {
            s.discounts
                .get(i)
                .is_none_or(|d| matches!(d.value, DiscountValue::Percent(_)))
        })
    });
    let remove = move |_| {
        c.restructure("discounts", |s| {
            if i < s.discounts.len() {
                s.discounts.remove(i);
            }
        })
    };
    let p = move |f: &str| format!("discounts[{i}].{f}");
    view! {
        <div class="hq-discount">
            <div class="hq-grid">
                <Select path=p("target") label=format!("Discount {} on", i + 1) options=options::discount_targets()/>
                <Select path=p("kind") label="Kind" options=options::discount_kinds()/>
                {move || if percent.get() {
                    view! { <Input path=p("percent") label="Percent" numeric=true unit="%"/> }.into_any()
                } else {
                    view! { <Input path=p("amount") label="Amount" numeric=true/> }.into_any()
                }}
                <Input path=p("reason") label="Reason"/>
            </div>
            <button type="button" class="hq-btn hq-btn-danger" data-testid=format!("remove-discount-{i}")
                on:click=remove>{format!("Remove discount {}", i + 1)}</button>
        </div>
    }
}
