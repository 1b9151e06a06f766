//! The service menu: a card per tier and the full feature matrix, both from the engine's
//! `pricing::menu` (requirements evaluated against the current scenario), with the tier
//! the engine recommends for the scenario and its reasons.

use super::chunk;
use super::contact::{self, Place};
use super::state::{ctx, View};
use super::text::capitalise;
use crate::pricing::menu::{Menu, MenuCell, MenuRow};
use crate::pricing::{self, QuoteError};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// The engine's recommendation for the draft: (tier, reasons), or why there is none.
type Reco = Result<(Option<String>, Vec<String>), String>;

fn reco(r: &Result<crate::quote::Recommendation, QuoteError>) -> Reco {
    match r {
        Ok(r) => Ok((r.recommended.clone(), r.reasons.clone())),
        Err(QuoteError::NotPriced(_)) => {
            Err("Prices are unavailable in this catalog, so no tier is recommended.".into())
        }
        Err(QuoteError::Invalid(_)) => Err(
            "Some answers in Configure need attention; the recommendation follows once they are fixed.".into(),
        ),
        Err(e) => Err(capitalise(&e.to_string())),
    }
}

#[component]
pub fn MenuView() -> impl IntoView {
    let c = ctx();
    // The engine's recommendation for the draft (not the quote: its lines are not written
    // for the menu).
    let recommended = Memo::new(move |_| {
        c.recommendation()
            .with(|r| r.as_ref().ok().and_then(|r| r.recommended.clone()))
    });
    // Only rebuilt when what it shows changes, not on every keystroke elsewhere.
    let menu: Memo<Menu> = Memo::new(move |_| {
        let rec = recommended.get();
        c.catalog().with(|cat| {
            c.draft()
                .with(|s| pricing::menu::menu(cat, Some(s), rec.as_deref()))
        })
    });
    // The cards and the recommendation come first; the matrix (most of the page) once that
    // frame is painted.
    let matrix_shown = RwSignal::new(false);
    super::io::after_paint(move || matrix_shown.set(true));
    view! {
        <div class="hq-menu">
            <h2 class="hq-h2">"Membership tiers"</h2>
            <div class="hq-cards">{move || cards(menu.get())}</div>
            <Recommendation/>
            {move || matrix_shown.get().then(|| contact::action(Place::Menu))}
            <h2 class="hq-h2">"Every feature, tier by tier"</h2>
            <p class="hq-muted">"Requirements are checked against your current configuration; a feature whose requirement is not met says why."</p>
            {move || {
                matrix_shown.get().then(|| {
                    chunk::lazy(
                        None,
                        "The feature comparison could not be downloaded from the server. Check the connection, then open this tab again; the tiers above are complete.",
                        matrix_view(menu.get(), recommended.get()),
                    )
                })
            }}
        </div>
    }
}

fn cards(m: Menu) -> impl IntoView {
    let c = ctx();
    m.tiers
        .into_iter()
        .map(|t| {
            let tier = t.tier.clone();
            let choose = move |_| {
                c.choose_tier(tier.clone());
                c.go(View::Configure);
            };
            view! {
                <article class="hq-card" class:recommended=t.recommended data-testid="tier-card" data-tier=t.tier.clone()>
                    <h3>{t.label.clone()}</h3>
                    {t.recommended.then(|| view! { <p class="hq-badge">"Recommended for you"</p> })}
                    {(!t.fee_text.is_empty()).then(|| view! { <p class="hq-fee">{t.fee_text.clone()}</p> })}
                    {(!t.price_note.is_empty()).then(|| view! { <p class="hq-small">{t.price_note.clone()}</p> })}
                    <ul class="hq-facts">
                        {(!t.hub_limit_text.is_empty()).then(|| view! { <li>{t.hub_limit_text.clone()}</li> })}
                        {(!t.help_text.is_empty()).then(|| view! { <li>{t.help_text.clone()}</li> })}
                    </ul>
                    {(!t.for_whom.is_empty()).then(|| view! { <p class="hq-for">{t.for_whom.clone()}</p> })}
                    <button type="button" class="hq-btn hq-btn-quiet" on:click=choose>
                        {format!("Configure with {}", t.label)}
                    </button>
                </article>
            }
        })
        .collect_view()
}

#[component]
fn Recommendation() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="hq-reco" data-testid="recommendation" aria-labelledby=c.id("reco-h")>
            {move || match c.recommendation().with(reco) {
                Ok((tier, reasons)) => {
                    let label = tier.clone()
                        .map(|t| c.catalog().with(|cat| cat.tier_label(&t).to_string()))
                        .unwrap_or_else(|| "No tier".into());
                    // Before anything changed, the price is the example's (the recommended
                    // tier's quote, which is the draft's while its tier is left to the
                    // recommendation).
                    let priced = c.last_good().get().filter(|q| tier.as_deref() == Some(q.tier.name.as_str()));
                    let (lead, after) = match (c.example(), priced) {
                        (Some(example), Some(q)) => (
                            format!("For {example}: "),
                            format!(", {} the first year", q.currency.format(q.totals.first_year_total_cost)),
                        ),
                        _ => ("Recommended for your configuration: ".to_string(), String::new()),
                    };
                    view! {
                        <h2 id=c.id("reco-h") class="hq-h3" data-testid="recommendation-heading">{lead}<strong>{label}</strong>{after}</h2>
                        <ul>
                            {reasons
                                .into_iter()
                                .enumerate()
                                .map(|(i, r)| {
                                    // The first reason prices the recommended tier: the
                                    // browser reports when it is first painted
                                    // (scripts/bench-browser.mjs times the menu with it).
                                    let timing = (i == 0).then_some("menu-first-price");
                                    view! { <li>{r}</li> }.attr("elementtiming", timing)
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
                Err(why) => view! {
                    <h2 id=c.id("reco-h") class="hq-h3">"Recommendation"</h2>
                    <p>{why}</p>
                }
                .into_any(),
            }}
        </section>
    }
}

fn matrix(m: Menu, recommended: Option<String>) -> impl IntoView {
    let c = ctx();
    let tiers: Vec<(String, String)> = c.catalog().with_untracked(|cat| {
        cat.tiers
            .iter()
            .map(|t| (t.clone(), cat.tier_label(t).to_string()))
            .collect()
    });
    let cols = tiers.len() + 1;
    let rec = recommended.as_deref();
    let head = tiers
        .iter()
        .map(|(t, label)| {
            let is_rec = rec == Some(t.as_str());
            view! { <th scope="col" data-tier=t.clone() class:recommended=is_rec>{label.clone()}</th> }
        })
        .collect_view();
    let groups = m
        .groups
        .into_iter()
        .map(|g| {
            let rows = g
                .rows
                .into_iter()
                .map(|row| matrix_row(row, rec))
                .collect_view();
            view! {
                <tbody>
                    <tr class="hq-group"><th scope="rowgroup" colspan=cols>{g.name}</th></tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <div class="hq-scroll" tabindex="0" role="region" aria-label="Feature comparison (scrolls sideways)">
            <table class="hq-matrix" data-testid="feature-matrix">
                <caption class="hq-sr">"Features of each membership tier"</caption>
                <thead><tr><th scope="col">"Feature"</th>{head}</tr></thead>
                {groups}
            </table>
        </div>
    }
}

/// One catalog item: its label and help, and a cell per tier.
fn matrix_row(row: MenuRow, recommended: Option<&str>) -> impl IntoView {
    let cells = row
        .cells
        .into_iter()
        .map(|cell| matrix_cell(cell, recommended))
        .collect_view();
    view! {
        <tr data-item=row.id.clone()>
            <th scope="row">
                {row.label}
                {row.help.map(|h| view! { <p class="hq-help">{h}</p> })}
            </th>
            {cells}
        </tr>
    }
}

/// What a tier offers of an item: a value, or its options (default and unmet marked).
fn matrix_cell(cell: MenuCell, recommended: Option<&str>) -> impl IntoView {
    let rec = recommended == Some(cell.tier.as_str());
    let body = if cell.options.is_empty() {
        let mark = match cell.summary.as_str() {
            "Included" => "hq-yes",
            "Not available" => "hq-no",
            _ => "hq-val",
        };
        view! { <span class=mark>{cell.summary.clone()}</span> }.into_any()
    } else {
        view! {
            <ul class="hq-opts">
                {cell.options.into_iter().map(|o| view! {
                    <li>
                        {o.label}
                        {o.is_default.then(|| view! { <span class="hq-small">" (default)"</span> })}
                        {o.unmet.map(|u| view! { <span class="unmet">{u}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <td data-tier=cell.tier.clone() class:recommended=rec class:off=!cell.available>
            {body}
            {cell.help.map(|h| view! { <p class="hq-help">{h}</p> })}
            {cell.unmet.map(|u| view! { <p class="unmet">{u}</p> })}
        </td>
    }
}

/// The feature matrix, a lazily loaded chunk (most of the menu's code, below its prices).
#[wasm_split(hubquote_matrix, wasm_split_path = ::leptos::wasm_split, fallible)]
fn matrix_view(m: Menu, recommended: Option<String>) -> Result<AnyView, SplitLoaderError> {
    Ok(matrix(m, recommended).into_any())
}

/// Fetches and compiles the matrix's chunk ahead of need.
pub async fn preload_matrix() {
    let _ = __wasm_split_preload_matrix_view().await;
}
