//! The quote: header, totals, cloud band, chart, lines, tiers side by side, warnings,
//! assumptions and terms, plus share link, JSON download and JSON open. Everything shown
//! is the engine's quote (the last good one, marked out of date while input is invalid).

mod chart;
mod compare;
mod files;
mod lines;
mod totals;

use super::chunk;
use super::io;
use super::state::{ctx, View};
use super::text::not_downloaded;
use crate::catalog::Catalog;
use crate::quote::Quote;
use files::Download;
use leptos::prelude::*;
use leptos::task::spawn_local;
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
            <h2 class="hq-h3">"Your estimate"</h2>
            <Totals compact=true/>
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

#[component]
pub fn QuoteView() -> impl IntoView {
    let c = ctx();
    let open = RwSignal::new(BTreeSet::<String>::new());
    let status = RwSignal::new(Vec::<String>::new());
    let link = RwSignal::new(String::new());
    // The header, totals and actions come first; the details (band, chart, lines, notes,
    // every tier compared) once that frame is painted.
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
    let priced = move || c.catalog().with(|cat| cat.is_priced());
    view! {
        <Show when=priced fallback=|| view! {
            <p class="hq-muted">"Quotes need a catalog with prices; this one only lists features (see the service menu)."</p>
        }>
        <div class="hq-quote">
            <QuoteHead/>
            <div class="hq-quote-top">
                <Totals/>
            </div>
            <Actions status=status link=link/>
            {body}
            <Show when=move || details.get()>
                <section class="hq-block" aria-labelledby="hq-compare-h">
                    <h2 class="hq-h3" id="hq-compare-h">"Every tier for this configuration"</h2>
                    {chunk::lazy(
                        None,
                        "The comparison of every tier could not be downloaded from the server. Check the connection, then open this tab again.",
                        compare_view(),
                    )}
                </section>
            </Show>
        </div>
        </Show>
    }
}

/// The quote's details: band, chart, line items with their rationale, and notes, of the
/// estimate `q` explained (with the catalog that priced it).
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
        <section class="hq-block" aria-labelledby="hq-chart-h">
            <h2 class="hq-h3" id="hq-chart-h">"Where the money goes (first year)"</h2>
            <chart::Chart q=q.clone()/>
        </section>
        <section class="hq-block" aria-labelledby="hq-lines-h">
            <h2 class="hq-h3" id="hq-lines-h">"Line items"</h2>
            <p class="hq-hint hq-screen-only">"Every amount is quantity × unit price; \u{201c}Why?\u{201d} shows where each number comes from."</p>
            <lines::Lines q=q.clone() open=open/>
        </section>
        <Notes q=q/>
    }
    .into_any())
}

/// Every tier priced for the same scenario.
#[wasm_split(hubquote_compare, wasm_split_path = ::leptos::wasm_split, fallible)]
fn compare_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <compare::TierCompare/> }.into_any())
}

/// Fetches and compiles the chunks of the details and the comparison ahead of need.
pub async fn preload_details() {
    let _ = __wasm_split_preload_details_view().await;
    let _ = __wasm_split_preload_compare_view().await;
}

#[component]
fn QuoteHead() -> impl IntoView {
    let c = ctx();
    move || {
        c.last_good().get().map(|q| {
            let customer = if q.customer.name.is_empty() { "—".to_string() } else { q.customer.name.clone() };
            let sha: String = q.catalog.sha256.chars().take(12).collect();
            view! {
                <header class="hq-quote-head">
                    <div>
                        <h2 class="hq-h2">"Quote "<span data-testid="quote-number">{q.number.clone()}</span></h2>
                        <p class="hq-muted">{format!("For {customer} · {} membership · {} {}", q.tier.label, q.cloud.provider_label, q.cloud.region_label)}</p>
                    </div>
                    <dl class="hq-meta">
                        <div><dt>"Date"</dt><dd data-testid="quote-date">{q.date.clone()}</dd></div>
                        <div><dt>"Valid until"</dt><dd>{q.valid_until.clone()}</dd></div>
                        {(!q.prepared_by.is_empty()).then(|| view! { <div><dt>"Prepared by"</dt><dd>{q.prepared_by.clone()}</dd></div> })}
                        <div><dt>"Catalog"</dt><dd>{format!("{} {} ({sha}…)", q.catalog.name, q.catalog.version)}</dd></div>
                    </dl>
                </header>
            }
        })
    }
}

#[component]
fn Band(q: Arc<Quote>) -> impl IntoView {
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
        <section class="hq-block" aria-labelledby="hq-band-h">
            <h2 class="hq-h3" id="hq-band-h">"Cloud cost per active month"</h2>
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
    let heading = format!("hq-{key}-h");
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

/// Share link, the downloads and JSON open, with what happened.
#[component]
fn Actions(status: RwSignal<Vec<String>>, link: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="hq-actions">
            {copy_link(status, link)}
            {downloads(status)}
            {open_json(status)}
        </div>
        <Show when=move || !link.with(String::is_empty)>
            <p class="hq-share">"Share link: "
                <a data-testid="share-link" href=move || link.get()>{move || link.get()}</a>
            </p>
        </Show>
        <div class="hq-status" data-testid="import-status" role="status">
            {move || {
                let lines = status.get();
                (!lines.is_empty()).then(|| view! {
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                })
            }}
        </div>
    }
}

/// Puts the share link in the address bar, below the buttons and on the clipboard.
fn copy_link(status: RwSignal<Vec<String>>, link: RwSignal<String>) -> impl IntoView {
    let c = ctx();
    let copy = move |_| {
        let url = c.share_link();
        link.set(url.clone());
        spawn_local(async move {
            let msg = if io::copy(&url).await {
                "The share link is in the address bar and on the clipboard."
            } else {
                "The share link is in the address bar and below; copy it from there."
            };
            status.set(vec![msg.to_string()]);
        });
    };
    view! {
        <button type="button" class="hq-btn" data-testid="copy-link" on:click=copy>"Copy share link"</button>
    }
}

/// A button per file; every download is of the last good quote, made by the engine's
/// exports.
fn downloads(status: RwSignal<Vec<String>>) -> impl IntoView {
    let c = ctx();
    let save = move |kind: Download| {
        let Some(q) = c.last_good().get_untracked() else {
            status.set(vec!["There is no quote to save yet.".to_string()]);
            return;
        };
        let catalog = c.catalog().get_untracked();
        let stale = c.stale();
        spawn_local(async move {
            let (ext, _, mime) = kind.spec();
            let name = format!("{}.{ext}", q.number);
            let written = kind.bytes(catalog, q).await;
            let msg = match written.map(|b| b.and_then(|b| io::download(&name, &b, mime))) {
                Ok(Ok(())) if stale => format!(
                    "Saved {name}: the last valid quote, not your current answers (they need attention)."
                ),
                Ok(Ok(())) => format!("Saved {name}."),
                Ok(Err(e)) => format!("The file could not be saved: {e}."),
                Err(_) => not_downloaded(&format!("{name} was not saved")),
            };
            status.set(vec![msg]);
        });
    };
    Download::ALL
        .into_iter()
        .map(|kind| {
            let (ext, label, _) = kind.spec();
            let class = if matches!(kind, Download::Pdf) {
                "hq-btn hq-btn-primary"
            } else {
                "hq-btn"
            };
            view! {
                <button type="button" class=class data-testid=format!("download-{ext}")
                    on:click=move |_| save(kind)>{label}</button>
            }
        })
        .collect_view()
}

/// Opens a quote file: its scenario replaces the draft, re-priced, with what changed.
fn open_json(status: RwSignal<Vec<String>>) -> impl IntoView {
    let c = ctx();
    let on_open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            match io::read_file(&input).await {
                Some(Ok((name, text))) => {
                    let not_opened = not_downloaded(&format!("{name} was not opened"));
                    match files::open_quote(name, text, c.catalog().get_untracked()).await {
                        Ok((messages, scenario)) => {
                            if let Some(s) = scenario {
                                c.open(s);
                            }
                            status.set(messages);
                        }
                        Err(_) => status.set(vec![not_opened]),
                    }
                }
                Some(Err(e)) => status.set(vec![e]),
                None => {}
            }
            input.set_value("");
        });
    };
    view! {
        <label class="hq-btn hq-filebtn" for="hq-open-json">"Open JSON…"</label>
        <input id="hq-open-json" class="hq-file" type="file" accept=".json,application/json"
            data-testid="open-json" on:change=on_open/>
    }
}
