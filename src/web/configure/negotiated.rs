//! The staff form's negotiated terms (`hubquote.scenario/2`): negotiated prices, lines of
//! our own (a statement of work) and the approval, each validated inline by the engine
//! and named as its table of scenario fields names them. Staff only: not rendered in
//! presentation mode, and never on a customer's copy (the approval's details).

use super::fields::{each, Spec, NAMED};
use super::options;
use crate::quote::Section;
use crate::web::state::{ctx, Ctx};
use leptos::prelude::*;

/// A negotiated price's questions, relative to `overrides[i].`.
const OVERRIDE: &[Spec] = &[
    Spec::choice("target", NAMED, options::override_targets),
    Spec::choice("tier", NAMED, options::override_tiers),
    Spec::number("price", NAMED),
    Spec::text("reason", NAMED),
];

/// A custom line's questions, relative to `custom_lines[i].`.
const CUSTOM_LINE: &[Spec] = &[
    Spec::text("label", NAMED),
    Spec::number("quantity", NAMED),
    Spec::text("unit", NAMED),
    Spec::number("unit_price", NAMED),
    Spec::choice("period", NAMED, options::custom_periods),
    Spec::choice("kind", NAMED, options::custom_kinds),
    Spec::text("reason", NAMED),
];

/// The approval record's questions, relative to `approval.`.
const APPROVAL: &[Spec] = &[
    Spec::text("by", NAMED),
    Spec::text("date", NAMED).hint("YYYY-MM-DD"),
    Spec::text("note", NAMED),
];

/// One of the scenario's lists of negotiated things, edited as its rows.
struct List {
    /// The list's path (`overrides`), its hooks (`add-override`, `remove-override-<i>`).
    path: &'static str,
    hook: &'static str,
    title: fn() -> String,
    hint: &'static str,
    specs: &'static [Spec],
    /// What a row is called: `Negotiated price 1`; its add button.
    row: &'static str,
    add_label: &'static str,
    len: fn(Ctx) -> usize,
    add: fn(Ctx),
    remove: fn(Ctx, usize),
}

const PRICES: List = List {
    path: "overrides",
    hook: "override",
    title: || "Negotiated prices".into(),
    hint: "A price agreed with the customer replaces the catalog's (the membership fee of a tier, or the hourly rate), with its reason. More than the catalog's approval threshold below the list price or a custom tier's floor needs approval.",
    specs: OVERRIDE,
    row: "Negotiated price",
    add_label: "Add a negotiated price",
    len: |c| c.draft().with(|s| s.negotiated.overrides.len()),
    add: |c| c.add_override(),
    remove: |c, i| c.remove_override(i),
};

const LINES: List = List {
    path: "custom_lines",
    hook: "custom-line",
    title: || Section::Custom.label().to_string(),
    hint: "Lines the catalog does not price, such as a statement of work (60 hours × $250), with their reason: in every total and file like any line. Never cloud, never discounted.",
    specs: CUSTOM_LINE,
    row: "Line",
    add_label: "Add a line",
    len: |c| c.draft().with(|s| s.negotiated.custom_lines.len()),
    add: |c| c.add_custom_line(),
    remove: |c, i| c.remove_custom_line(i),
};

#[component]
pub fn Negotiated() -> impl IntoView {
    view! {
        {list(&PRICES)}
        {list(&LINES)}
        <ApprovalBox/>
    }
}

fn list(l: &'static List) -> impl IntoView {
    let c = ctx();
    let len = Memo::new(move |_| (l.len)(c));
    view! {
        <fieldset class="hq-box hq-staff-only">
            <legend class="hq-h3">{(l.title)()}</legend>
            <p class="hq-hint">{l.hint}</p>
            {move || (0..len.get()).map(|i| row(l, i)).collect_view()}
            <p><button type="button" class="hq-btn" data-testid=format!("add-{}", l.hook)
                on:click=move |_| (l.add)(c)>{l.add_label}</button></p>
        </fieldset>
    }
}

fn row(l: &'static List, i: usize) -> impl IntoView {
    let c = ctx();
    view! {
        <div class="hq-discount">
            <p class="hq-h4">{format!("{} {}", l.row, i + 1)}</p>
            <div class="hq-grid">{each(l.specs, &format!("{}[{i}].", l.path))}</div>
            <button type="button" class="hq-btn hq-btn-danger" data-testid=format!("remove-{}-{i}", l.hook)
                on:click=move |_| (l.remove)(c, i)>{format!("Remove {} {}", l.row.to_lowercase(), i + 1)}</button>
        </div>
    }
}

/// Who approved the quote, when and why; what a quote that needs approval waits for
/// (a draft until it is given).
#[component]
fn ApprovalBox() -> impl IntoView {
    let c = ctx();
    // None: no approval; Some(true): its record, to edit; Some(false): only that it was
    // given (a customer's link was opened).
    let approval = Memo::new(move |_| {
        c.draft()
            .with(|s| s.negotiated.approval.as_ref().map(|a| a.record().is_some()))
    });
    let reasons = Memo::new(move |_| {
        c.last_good().with(|q| {
            q.as_ref()
                .and_then(|q| q.internal.as_ref())
                .map(|i| i.approval_reasons.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <fieldset class="hq-box hq-staff-only">
            <legend class="hq-h3">"Approval"</legend>
            <Show when=move || !reasons.with(Vec::is_empty) fallback=|| view! {
                <p class="hq-hint">"This quote needs no approval."</p>
            }>
                <p class="hq-hint">"This quote needs approval; until it is recorded, every customer document says it is a draft:"</p>
                <ul class="hq-hint" data-testid="approval-reasons">
                    {move || reasons.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                </ul>
            </Show>
            {move || match approval.get() {
                None => view! {
                    <p><button type="button" class="hq-btn" data-testid="add-approval"
                        on:click=move |_| c.add_approval()>"Record an approval"</button></p>
                }
                .into_any(),
                Some(record) => view! {
                    {if record {
                        view! { <div class="hq-grid">{each(APPROVAL, "approval.")}</div> }.into_any()
                    } else {
                        view! { <p>"Approved (who and when are not on this copy)."</p> }.into_any()
                    }}
                    <p><button type="button" class="hq-btn hq-btn-danger" data-testid="remove-approval"
                        on:click=move |_| c.remove_approval()>"Remove the approval"</button></p>
                }
                .into_any(),
            }}
        </fieldset>
    }
}
