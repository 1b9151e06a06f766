//! The quote: header, totals, cloud band, chart, lines, tiers side by side, warnings,
//! assumptions and terms, plus share link, JSON download and JSON open. Everything shown
//! is the engine's quote (the last good one, marked out of date while input is invalid).

mod actions;
mod chart;
mod compare;
mod diff;
mod files;
mod lines;
mod problem;
mod totals;
mod years;

use super::chunk;
use super::contact::{self, Place};
use super::io;
use super::state::{ctx, Origin, View};
use crate::catalog::Catalog;
use crate::quote::{labels, Quote};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::collections::BTreeSet;
use std::sync::Arc;

pub use files::preload as preload_files;
pub use totals::Totals;

/// The live estimate beside the form.
#[component]
pub fn Summary() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="hq-summary">
            <h2 class="hq-h3">{move || c.example().map_or_else(|| "Your estimate".to_string(), |e| format!("Estimate for {e}"))}</h2>
            <Totals compact=true/>
            <Announce/>
            {move || {
                c.last_good().get().filter(|q| !q.warnings.is_empty()).map(|q| view! {
                    <ul class="hq-warnings hq-side-warnings" data-testid="warnings" aria-label="Warnings">
                        {q.warnings.iter().map(|w| view! { <li>{w.message.clone()}</li> }).collect_view()}
                    </ul>
                })
            }}
            <button type="button" class="hq-btn hq-btn-primary hq-wide"
                on:click=move |_| c.go_and_focus(View::Quote)>
                "See the full quote"
            </button>
        </div>
    }
}

/// The first-year total, told to screen readers once it has stopped changing for a
/// moment (typing a number does not announce every keystroke); not at start.
#[component]
fn Announce() -> impl IntoView {
    let c = ctx();
    let said = RwSignal::new(String::new());
    let changes = StoredValue::new(0u32);
    Effect::new(move |ran: Option<()>| {
        let total = c.last_good().with(|q| {
            q.as_ref()
                .map(|q| q.currency.format(q.totals.first_year_total_cost))
        });
        if ran.is_none() {
            return;
        }
        changes.update_value(|n| *n = n.wrapping_add(1));
        let this = changes.get_value();
        // `try_`: the form may be gone (another tab shown) by the time it fires.
        set_timeout(
            move || {
                if changes.try_get_value() == Some(this) {
                    said.try_set(
                        total.map_or_else(String::new, |t| format!("First-year total: {t}")),
                    );
                }
            },
            std::time::Duration::from_millis(800),
        );
    });
    view! { <p class="hq-sr" aria-live="polite" data-testid="total-announce">{move || said.get()}</p> }
}

#[component]
pub fn QuoteView() -> impl IntoView {
    let c = ctx();
    let open = RwSignal::new(BTreeSet::<String>::new());
    // The header and totals come first; the actions, the details (band, chart, lines,
    // notes) and every tier compared once that frame is painted.
    let details = RwSignal::new(false);
    io::after_paint(move || details.set(true));
    let body = move || {
        details
            .get()
            .then(|| c.last_good().get())
            .flatten()
            .map(|q| {
                chunk::lazy(
                    None,
                    "The quote's details (cloud band, chart, line items, notes) could not be downloaded from the server. Check the connection, then open this tab again; the totals above are complete.",
                    details_view(c.catalog().get(), q, open),
                )
            })
    };
    let priced = Memo::new(move |_| c.catalog().with(|cat| cat.is_priced()));
    move || {
        if !priced.get() {
            return view! {
                <p class="hq-muted">"Quotes need a catalog with prices; this one only lists features (see the service menu)."</p>
            }
            .into_any();
        }
        view! {
        <div class="hq-quote">
            <QuoteHead/>
            <div class="hq-quote-top">
                <Totals/>
                {move || details.get().then(|| contact::action(Place::Quote))}
            </div>
            {move || details.get().then(|| chunk::lazy(
                None,
                "The quote's links, files and comparison could not be downloaded from the server. Check the connection, then open this tab again; the totals above are complete.",
                tools_view(),
            ))}
            {body}
            {move || details.get().then(|| view! {
                <section class="hq-block" aria-labelledby=c.id("compare-h")>
                    <h2 class="hq-h3" id=c.id("compare-h")>"Every tier for this configuration"</h2>
                    {chunk::lazy(
                        None,
                        "The comparison of every tier could not be downloaded from the server. Check the connection, then open this tab again.",
                        compare_view(),
                    )}
                </section>
            })}
        </div>
        }
        .into_any()
    }
}

/// The quote's details: band, chart, line items with their rationale, the years of a
/// longer term, and notes, of the estimate `q` explained (with the catalog that priced it).
#[wasm_split(hubquote_details, wasm_split_path = ::leptos::wasm_split, fallible)]
fn details_view(
    catalog: Arc<Catalog>,
    q: Arc<Quote>,
    open: RwSignal<BTreeSet<String>>,
) -> Result<AnyView, SplitLoaderError> {
    let q = match crate::pricing::explain(&catalog, &q) {
        Ok(q) => Arc::new(q),
        Err(e) => {
            return Ok(view! {
                <p class="hq-alert hq-alert-error" role="alert">{format!("The quote's details could not be written: {e}")}</p>
            }
            .into_any())
        }
    };
    Ok(view! {
        <Band q=q.clone()/>
        <section class="hq-block" aria-labelledby=ctx().id("chart-h")>
            <h2 class="hq-h3" id=ctx().id("chart-h")>"Where the money goes (first year)"</h2>
            <chart::Chart q=q.clone()/>
        </section>
        <section class="hq-block" aria-labelledby=ctx().id("lines-h")>
            <h2 class="hq-h3" id=ctx().id("lines-h")>"Line items"</h2>
            <p class="hq-hint hq-screen-only">"Every amount is quantity × unit price; \u{201c}Why?\u{201d} shows where each number comes from."</p>
            <lines::Lines q=q.clone() open=open/>
        </section>
        {(q.years.len() > 1).then(|| view! { <years::Years q=q.clone()/> })}
        <Notes q=q/>
    }
    .into_any())
}

/// The quote's tools: its links and files, and the comparison with a pinned scenario.
#[wasm_split(hubquote_tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn tools_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <actions::Actions/><diff::Versus/> }.into_any())
}

/// Every tier priced for the same scenario (in the details' chunk: both are below the
/// totals, shown after the first paint).
#[wasm_split(hubquote_details, wasm_split_path = ::leptos::wasm_split, fallible)]
fn compare_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <compare::TierCompare/> }.into_any())
}

/// Fetches and compiles the details' chunk (the comparison of every tier is in it) ahead
/// of need.
pub async fn preload_details() {
    let _ = __wasm_split_preload_details_view().await;
}

#[component]
fn QuoteHead() -> impl IntoView {
    let c = ctx();
    move || {
        c.last_good().get().map(|q| {
            let customer = if q.customer.name.is_empty() { "—".to_string() } else { q.customer.name.clone() };
            let sha: String = q.catalog.sha256.chars().take(12).collect();
            // A catalog that is not the page's own is named where the prices are (by the
            // chunk that loaded it).
            let source = c.catalog_origin().with(|o| *o != Origin::Embedded).then(|| {
                chunk::optional(source_view(format!("{} {}", q.catalog.name, q.catalog.version)))
            });
            view! {
                <header class="hq-quote-head">
                    <div>
                        <h2 class="hq-h2">"Quote "<span data-testid="quote-number">{q.number.clone()}</span></h2>
                        // Before anything but the tier changed, the example it prices, not a customer.
                        {{
                            let example = c.example();
                            // (One line, as the customer's: the example names its cloud.)
                            let line = match &example {
                                Some(e) => format!("An example: {e}, {} membership", q.tier.label),
                                None => format!("For {customer} · {} membership · {} {}", q.tier.label, q.cloud.provider_label, q.cloud.region_label),
                            };
                            view! {
                                <p class="hq-muted" data-testid=example.is_some().then_some("example")>{line}</p>
                            }
                        }}
                    </div>
                    <dl class="hq-meta">
                        <div><dt>"Date"</dt><dd data-testid="quote-date">{q.date.clone()}</dd></div>
                        <div><dt>"Valid until"</dt><dd>{q.valid_until.clone()}</dd></div>
                        {(!q.prepared_by.is_empty()).then(|| view! { <div><dt>"Prepared by"</dt><dd>{q.prepared_by.clone()}</dd></div> })}
                        <div><dt>"Catalog"</dt><dd data-testid="quote-catalog">{format!("{} {} ({sha}…)", q.catalog.name, q.catalog.version)}</dd></div>
                    </dl>
                    {source}
                </header>
            }
        })
    }
}

/// The quote head's note that `catalog` (its name and version) is not the embedded one:
/// it came from the file or address it names. In the header controls' chunk, which
/// loaded that catalog (so is here whenever it is needed).
#[wasm_split(hubquote_controls, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn source_view(catalog: String) -> Result<AnyView, SplitLoaderError> {
    let from = ctx().catalog_origin().with(|o| o.name().to_string());
    Ok(view! {
        <p class="hq-alert hq-alert-note hq-source" data-testid="catalog-source">
            {format!("Priced with the catalog {catalog} from {from}, not this site's own catalog.")}
        </p>
    }
    .into_any())
}

/// The cloud band (also in presentation mode's headline, which is why its section is
/// labelled without an element id).
#[component]
pub fn Band(q: Arc<Quote>) -> impl IntoView {
    let b = &q.cloud_band;
    let figures = [
        ("Low", "band-low", b.low, ""),
        ("Expected", "band-expected", b.expected, "hq-band-mid"),
        ("High", "band-high", b.high, ""),
        ("Suggested budget alert", "budget-alert", b.budget_alert, "hq-band-alert"),
    ]
    .map(|(label, testid, amount, class)| {
        view! { <div class=class><dt>{label}</dt><dd data-testid=testid>{q.currency.format(amount)}</dd></div> }
    });
    view! {
        <section class="hq-block hq-band-block" aria-label=labels::CLOUD_COST_PER_ACTIVE_MONTH>
            <h2 class="hq-h3">{labels::CLOUD_COST_PER_ACTIVE_MONTH}</h2>
            <dl class="hq-band">{figures.into_iter().collect_view()}</dl>
            <p class="hq-hint">{b.rationale.clone()}</p>
        </section>
    }
}

/// Warnings, assumptions and terms: a heading and a list each.
#[component]
fn Notes(q: Arc<Quote>) -> impl IntoView {
    let warnings: Vec<String> = q.warnings.iter().map(|w| w.message.clone()).collect();
    view! {
        {list("warnings", "Warnings", warnings)}
        {list("assumptions", "Assumptions", q.assumptions.clone())}
        {list("terms", "Terms", q.terms.clone())}
    }
}

fn list(key: &'static str, title: &'static str, items: Vec<String>) -> impl IntoView {
    let heading = ctx().id(&format!("{key}-h"));
    let labelled_by = heading.clone();
    let body = if items.is_empty() {
        view! { <p class="hq-muted">"None."</p> }.into_any()
    } else {
        let class = (key == "warnings").then_some("hq-warnings");
        view! { <ul class=class>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
    };
    view! {
        <section class="hq-block" data-testid=key aria-labelledby=labelled_by>
            <h2 class="hq-h3" id=heading>{title}</h2>
            {body}
        </section>
    }
}
