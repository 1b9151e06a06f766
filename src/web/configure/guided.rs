//! The guided flow for prospects: a few plain questions per step, about the first hub.
//! The fields are the same `field-<path>` ones as the staff form.

use super::fields::{Input, Select};
use super::options;
use crate::web::app::{focus_tab, go};
use crate::web::state::{ctx, new_hub, View};
use leptos::prelude::*;

const STEPS: [&str; 5] = [
    "What is the hub for?",
    "Who will use it",
    "What they need",
    "Which cloud, and who pays",
    "Help and membership",
];

#[component]
pub fn Guided() -> impl IntoView {
    let c = ctx();
    let step = RwSignal::new(0usize);
    let last = STEPS.len() - 1;
    let hubs = Memo::new(move |_| c.draft.with(|s| s.hubs.len()));
    let rate = move || {
        c.catalog.with(|cat| {
            cat.pricing
                .as_ref()
                .map(|p| p.currency.format(p.hourly_rate.price))
                .unwrap_or_default()
        })
    };
    let body = move || {
        match step.get() {
        0 => view! {
            <p class="hq-lead">"Pick the example closest to you above, then adjust the answers. Each change updates the estimate right away."</p>
            <Input path="customer.name" label="Your institution, course or group" hint="Shown on the quote."/>
            <Input path="hubs[0].name" label="What is the hub for?" hint="A short name, for example \u{201c}Intro to Data Science\u{201d} or \u{201c}Climate lab\u{201d}."/>
        }
        .into_any(),
        1 => view! {
            <Input path="hubs[0].registered_users" label="How many people will have an account?" numeric=true unit="people"/>
            <Input path="hubs[0].monthly_active_users" label="How many of them use the hub in a typical month?" numeric=true unit="people"
                hint="The usage fee is charged on these monthly active users."/>
            <Input path="active_months" label="In how many months of the year is the hub used?" numeric=true unit="months"
                hint="For example 9 for a course that pauses over the summer, 12 for research."/>
        }
        .into_any(),
        2 => view! {
            <Input path="hubs[0].hours_per_user" label="Hours each person works on the hub per month" numeric=true unit="hours"/>
            <Select path="hubs[0].size" label="How much memory does each person need?" options=options::sizes()
                hint="You pay for the memory requested, not the memory used: pick the smallest that works."/>
            <Input path="hubs[0].gpu_share" label="Share of those hours on a GPU" numeric=true
                hint="From 0 to 1: 0 for no GPU, 0.25 if a quarter of the hours need a GPU."/>
            <Input path="hubs[0].dask_node_hours" label="Dask worker hours per month" numeric=true unit="hours"
                hint="For parallel computing with Dask Gateway; 0 if you do not use it."/>
            <Input path="hubs[0].home_gb_per_user" label="Storage per person for their files" numeric=true unit="GB"/>
        }
        .into_any(),
        3 => view! {
            <Select path="provider" label="Which cloud should the hub run on?" options=options::providers()/>
            <Select path="region" label="Region" options=options::regions()/>
            <Select path="billing" label="Who pays the cloud bill?" options=options::billing()
                hint="Cloud costs are passed through at cost, with no markup, either way."/>
            <Select path="account" label="Whose cloud account?" options=options::accounts()/>
        }
        .into_any(),
        _ => view! {
            <Input path="help_hours_per_quarter" label="Hours of help you want each quarter" numeric=true unit="hours"
                hint=format!("With environments and support. Each tier includes some; extra hours are billed at {} per hour.", rate())/>
            <Input path="project_hours" label="One-off project hours" numeric=true unit="hours"
                hint="A one-time piece of work, for example a custom set-up. 0 if none."/>
            <Select path="tier" label="Membership tier" options=options::tiers()
                hint="Leave on \u{201c}Recommend\u{201d} to get the cheapest tier that allows everything you asked for."/>
            <Input path="term_years" label="For how many years?" numeric=true unit="years"/>
        }
        .into_any(),
    }
    };
    let add_hub = move |_| {
        let hub = c.catalog.with_untracked(|cat| new_hub(cat, "Hub 1"));
        c.restructure("hubs", |s| s.hubs.push(hub));
    };
    view! {
        <div class="hq-guided">
            <ol class="hq-steps" aria-label="Steps">
                {STEPS.iter().enumerate().map(|(i, t)| view! {
                    <li class:done=move || { step.get() > i } class:current=move || step.get() == i
                        aria-current=move || (step.get() == i).then_some("step")>
                        <span class="hq-step-n">{i + 1}</span><span class="hq-step-t">{*t}</span>
                    </li>
                }).collect_view()}
            </ol>
            <fieldset class="hq-step" data-testid="guided-step">
                <legend class="hq-h3">{move || format!("Step {} of {}: {}", step.get() + 1, STEPS.len(), STEPS[step.get()])}</legend>
                <Show when=move || hubs.get() == 0 && (1..=2).contains(&step.get())>
                    <p class="hq-hint">"This configuration has no hub yet."
                        <button type="button" class="hq-btn hq-btn-quiet" on:click=add_hub>"Add a hub"</button></p>
                </Show>
                <Show when=move || { hubs.get() > 1 && (1..=2).contains(&step.get()) }>
                    <p class="hq-hint">{move || format!(
                        "These questions are about the first of your {} hubs; the staff form shows every hub.", hubs.get())}</p>
                </Show>
                {body}
            </fieldset>
            <div class="hq-stepnav">
                <button type="button" class="hq-btn" data-testid="guided-back"
                    disabled=move || step.get() == 0
                    on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>"Back"</button>
                <button type="button" class="hq-btn hq-btn-primary" data-testid="guided-next"
                    on:click=move |_| {
                        if step.get_untracked() >= last {
                            go(c, View::Quote);
                            focus_tab(View::Quote);
                        } else {
                            step.update(|s| *s += 1);
                        }
                    }>
                    {move || if step.get() >= last { "See the quote" } else { "Next" }}
                </button>
            </div>
        </div>
    }
}
