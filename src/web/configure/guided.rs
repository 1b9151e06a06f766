//! The guided flow for prospects: a few plain questions per step, about the first hub.
//! The fields are the same `field-<path>` ones as the staff form. "Next" stays on a step
//! with an invalid answer, marks the step and moves focus to the field; moving to a step
//! moves focus to its heading, so keyboard and screen-reader users start there.

use super::fields::{each, Hint, Spec};
use super::options;
use crate::pricing::QuoteError;
use crate::web::state::{ctx, View};
use crate::web::text::capitalise;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The steps: a title and the questions, in plain words, about the first hub.
const STEPS: [(&str, &[Spec]); 5] = [
    (
        "What is the hub for?",
        &[
            Spec::text("customer.name", "Your institution, course or group").hint("Shown on the quote."),
            Spec::text("hubs[0].name", "What is the hub for?")
                .hint("A short name, for example \u{201c}Intro to Data Science\u{201d} or \u{201c}Climate lab\u{201d}."),
        ],
    ),
    (
        "Who will use it",
        &[
            Spec::number("hubs[0].registered_users", "How many people will have an account?").unit("people"),
            Spec::number("hubs[0].monthly_active_users", "How many of them use the hub in a typical month?")
                .unit("people")
                .hint("The usage fee is charged on these monthly active users."),
            Spec::number("active_months", "In how many months of the year is the hub used?")
                .unit("months")
                .hint("For example 9 for a course that pauses over the summer, 12 for research."),
        ],
    ),
    (
        "What they need",
        &[
            Spec::number("hubs[0].hours_per_user", "Hours each person works on the hub per month").unit("hours"),
            Spec::choice("hubs[0].size", "How much memory does each person need?", options::sizes)
                .hint("You pay for the memory requested, not the memory used: pick the smallest that works."),
            Spec::number("hubs[0].gpu_share", "Share of those hours on a GPU")
                .hint("From 0 to 1: 0 for no GPU, 0.25 if a quarter of the hours need a GPU."),
            Spec::number("hubs[0].dask_node_hours", "Dask worker hours per month")
                .unit("hours")
                .hint("For parallel computing with Dask Gateway; 0 if you do not use it."),
            Spec::number("hubs[0].home_gb_per_user", "Storage per person for their files").unit("GB"),
        ],
    ),
    (
        "Which cloud, and who pays",
        &[
            Spec::choice("provider", "Which cloud should the hub run on?", options::providers),
            Spec::choice("region", "Region", options::regions),
            Spec::choice("billing", "Who pays the cloud bill?", options::billing)
                .hint("Cloud costs are passed through at cost, with no markup, either way."),
            Spec::choice("account", "Whose cloud account?", options::accounts),
        ],
    ),
    (
        "Help and membership",
        &[
            Spec::number("help_hours_per_quarter", "Hours of help you want each quarter")
                .unit("hours")
                .with_hint(Hint::HelpRate),
            Spec::number("project_hours", "One-off project hours")
                .unit("hours")
                .hint("A one-time piece of work, for example a custom set-up. 0 if none."),
            Spec::choice("tier", "Membership tier", options::tiers)
                .hint("Leave on \u{201c}Recommend\u{201d} to get the cheapest tier that allows everything you asked for."),
            Spec::number("term_years", "For how many years?").unit("years"),
        ],
    ),
];

/// Whether an answer of step `i` has a message (the engine's or its parse error).
fn invalid(i: usize) -> bool {
    let c = ctx();
    STEPS
        .get(i)
        .is_some_and(|(_, specs)| specs.iter().any(|s| c.error_of(s.path).is_some()))
}

#[component]
pub fn Guided() -> impl IntoView {
    let c = ctx();
    let step = RwSignal::new(0usize);
    // "Next" was pressed on this step while an answer was invalid.
    let blocked = RwSignal::new(false);
    let heading = NodeRef::<leptos::html::H3>::new();
    let fields = NodeRef::<leptos::html::Fieldset>::new();
    let last = STEPS.len() - 1;
    let hubs = Memo::new(move |_| c.draft().with(|s| s.hubs.len()));
    let stuck = move || blocked.get() && invalid(step.get());
    let go = move |to: usize| {
        blocked.set(false);
        step.set(to);
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    };
    let next = move |_| {
        let at = step.get_untracked();
        if untrack(|| invalid(at)) {
            blocked.set(true);
            focus_first_invalid(fields.get_untracked());
        } else if at >= last {
            c.go_and_focus(View::Quote);
        } else {
            go(at + 1);
        }
    };
    let lead = move || {
        (step.get() == 0).then(|| view! {
            <p class="hq-lead">"Pick the example closest to you above, then adjust the answers. Each change updates the estimate right away."</p>
        })
    };
    let body = move || STEPS.get(step.get()).map(|(_, specs)| each(specs, ""));
    view! {
        <div class="hq-guided">
            <ol class="hq-steps" aria-label="Steps">
                {STEPS.iter().enumerate().map(|(i, (t, _))| view! {
                    <li class:done=move || { step.get() > i } class:current=move || step.get() == i
                        class:invalid=move || step.get() == i && stuck()
                        aria-current=move || (step.get() == i).then_some("step")>
                        <span class="hq-step-n">{i + 1}</span><span class="hq-step-t">{*t}</span>
                        {move || (step.get() == i && stuck()).then(|| view! { <span class="hq-sr">" (an answer needs correcting)"</span> })}
                    </li>
                }).collect_view()}
            </ol>
            <fieldset class="hq-step" class:invalid=stuck data-testid="guided-step" node_ref=fields
                aria-describedby=move || stuck().then(|| c.id("step-err"))>
                <legend>
                    <h3 class="hq-h3" tabindex="-1" data-testid="guided-heading" node_ref=heading>{move || {
                        let i = step.get();
                        format!("Step {} of {}: {}", i + 1, STEPS.len(), STEPS.get(i).map_or("", |s| s.0))
                    }}</h3>
                </legend>
                {move || stuck().then(|| view! {
                    <p class="hq-err" id=c.id("step-err") role="alert" data-testid="guided-blocked">
                        "An answer on this step needs correcting before going on: see the marked field."</p>
                })}
                <Show when=move || hubs.get() == 0 && (1..=2).contains(&step.get())>
                    <p class="hq-hint">"This configuration has no hub yet."
                        <button type="button" class="hq-btn hq-btn-quiet" on:click=move |_| c.add_hub()>"Add a hub"</button></p>
                </Show>
                <Show when=move || { hubs.get() > 1 && (1..=2).contains(&step.get()) }>
                    <p class="hq-hint">{move || format!(
                        "These questions are about the first of your {} hubs; the staff form shows every hub.", hubs.get())}</p>
                </Show>
                {lead}
                {body}
                <Blocked/>
            </fieldset>
            <div class="hq-stepnav">
                <button type="button" class="hq-btn" data-testid="guided-back"
                    disabled=move || step.get() == 0
                    on:click=move |_| go(step.get_untracked().saturating_sub(1))>"Back"</button>
                <button type="button" class="hq-btn hq-btn-primary" data-testid="guided-next"
                    on:click=next>
                    {move || if step.get() >= last { "See the quote" } else { "Next" }}
                </button>
            </div>
        </div>
    }
}

/// Moves focus to the first field marked invalid in the step.
fn focus_first_invalid(step: Option<web_sys::HtmlFieldSetElement>) {
    let field = step
        .and_then(|s| s.query_selector("[aria-invalid=\"true\"]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(f) = field {
        let _ = f.focus();
    }
}

/// A choice the chosen tier does not allow, in the engine's words, with a way forward:
/// "Switch to" the tier the engine recommends when it allows the choice, else the first
/// tier that does (the engine's conflicts carry them, cheapest first).
#[component]
fn Blocked() -> impl IntoView {
    let c = ctx();
    let blocked = Memo::new(move |_| {
        let recommended = c
            .recommendation()
            .with(|r| r.as_ref().ok().and_then(|r| r.recommended.clone()));
        c.result().with(|r| match r {
            Err(QuoteError::Conflicts { conflicts, .. }) => conflicts
                .iter()
                .map(|x| {
                    let to = recommended
                        .clone()
                        .filter(|t| x.allowed_in.contains(t))
                        .or_else(|| x.allowed_in.first().cloned());
                    (capitalise(&x.message), to)
                })
                .collect(),
            _ => Vec::new(),
        })
    });
    move || {
        blocked
            .get()
            .into_iter()
            .map(|(message, to)| {
                let switch = to.map(|tier| {
                    let label = c.catalog().with(|cat| cat.tier_label(&tier).to_string());
                    view! {
                        <button type="button" class="hq-btn hq-btn-quiet" data-testid="switch-tier"
                            on:click=move |_| c.choose_tier(tier.clone())>
                            {format!("Switch to {label}")}
                        </button>
                    }
                });
                view! { <p class="hq-err" data-testid="blocked">{message}" "{switch}</p> }
            })
            .collect_view()
    }
}
