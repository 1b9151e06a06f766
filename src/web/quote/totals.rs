//! The totals (first year first), the out-of-date marker and the engine's refusal when
//! a tier does not allow the scenario. Shown in the quote and beside the form.

use crate::quote::{labels, Quote};
use crate::web::chunk;
use crate::web::state::ctx;
use leptos::prelude::*;
use std::sync::Arc;

type Pick = fn(&Quote) -> rust_decimal::Decimal;

/// The figures under the first-year total: label, hook, amount. The monthly picture is
/// three figures together, each named so that none reads as the whole monthly cost.
const FIGURES: [(&str, &str, Pick); 6] = [
    (
        labels::FIRST_YEAR_INVOICE,
        "total-first-year-invoice",
        |q| q.totals.first_year_invoice,
    ),
    (labels::AVERAGE_MONTH, "total-average-month", |q| {
        q.totals.average_month
    }),
    (labels::FEES_PER_ACTIVE_MONTH, "total-monthly-fees", |q| {
        q.totals.monthly_fees
    }),
    (labels::CLOUD_PER_ACTIVE_MONTH, "total-monthly-cloud", |q| {
        q.totals.monthly_cloud
    }),
    (labels::ONE_OFF, "total-one-off", |q| q.totals.one_off),
    (labels::PER_YEAR_RECURRING, "total-annual", |q| {
        q.totals.annual_total
    }),
];

fn amount(q: &Option<Arc<Quote>>, pick: Pick) -> String {
    q.as_ref()
        .map_or_else(|| "—".to_string(), |q| q.currency.format(pick(q)))
}

#[component]
pub fn Totals(#[prop(optional)] compact: bool) -> impl IntoView {
    let c = ctx();
    let q = c.last_good();
    let show = move |pick: Pick| move || q.with(|q| amount(q, pick));
    let term_label =
        move || labels::whole_term(q.with(|q| q.as_ref().map_or(1, |q| q.totals.term_years)));
    let invoice_note = move || q.with(|q| q.as_deref().map(labels::invoice_note));
    let tier = move || q.with(|q| q.as_deref().map(labels::membership).unwrap_or_default());
    // A quote that needs approval and has none says so, as every customer document does.
    let draft = move || q.with(|q| q.as_deref().is_some_and(Quote::is_draft));
    // `elementtiming`: the browser reports when this total is first painted
    // (scripts/bench-browser.mjs measures the first priced total with it).
    let big = view! {
        <p class="hq-big-num" data-testid="total-first-year">{show(|q| q.totals.first_year_total_cost)}</p>
    }
    .attr("elementtiming", "first-year-total");
    view! {
        <section class="hq-totals" class:compact=compact aria-label="Totals">
            <Stale/>
            <QuoteProblem/>
            <div class="hq-big">
                <p class="hq-big-label">{labels::FIRST_YEAR_TOTAL_COST_CAPTION}</p>
                {big}
                <p class="hq-small">{tier}</p>
                <p class="hq-draft" data-testid="draft-mark" hidden=move || !draft()>{labels::DRAFT}</p>
            </div>
            <dl class="hq-figures">
                {FIGURES.into_iter().map(|(label, testid, pick)| view! {
                    <div class="hq-fig">
                        <dt>{label}</dt>
                        <dd data-testid=testid>{show(pick)}</dd>
                        {(testid == "total-first-year-invoice").then(|| view! { <dd class="hq-small">{invoice_note}</dd> })}
                    </div>
                }).collect_view()}
                <div class="hq-fig">
                    <dt>{term_label}</dt>
                    <dd data-testid="total-term">{show(|q| q.totals.term_total)}</dd>
                </div>
            </dl>
        </section>
    }
}

/// Visible while the input is invalid or not allowed: the figures are the last good ones.
#[component]
fn Stale() -> impl IntoView {
    let c = ctx();
    let stale = Memo::new(move |_| c.stale());
    let text = move || {
        if c.last_good().with(Option::is_some) {
            "Out of date: these are the figures of your last valid answers. Fix the highlighted answers to update them."
        } else {
            "No estimate yet: fix the highlighted answers."
        }
    };
    view! {
        <p class="hq-stale" data-testid="quote-stale" role="status" hidden=move || !stale.get()>{text}</p>
    }
}

/// Why there is no current quote, in the engine's words (from a chunk: most visits never
/// see one).
#[component]
fn QuoteProblem() -> impl IntoView {
    let c = ctx();
    let problem = Memo::new(move |_| c.result().with(|r| r.as_ref().err().cloned()));
    move || {
        problem.get().map(|e| {
            chunk::lazy(
                None,
                "Why this configuration cannot be priced could not be downloaded from the server. Check the connection and try again.",
                super::problem::problem_view(e),
            )
        })
    }
}
