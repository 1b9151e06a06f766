//! The book's tables, cell for cell what the CLI prints (`crate::export::book_parts`): a
//! row per file (each opening its quote, or the file's error at its line:column), the
//! revenue by kind per tier (per year and one-off), and the impact of the catalog change
//! with the yearly revenue by kind under each catalog. Real tables: captions, column and
//! row headers, each in a scrolling region reachable by the keyboard.

use super::priced::Priced;
use crate::book::{Impact, ImpactRow, Row, Summary};
use crate::export::book_parts::{self as parts, HALVES};
use crate::export::{from_to, percent, problem_text, signed};
use crate::money::Currency;
use crate::quote::{labels, Status};
use crate::web::state::ctx;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Tables(priced: Arc<Priced>, open: Callback<usize>) -> impl IntoView {
    let currency = priced.summary.as_ref().ok().map(|s| s.currency.clone());
    let files = files(&priced.rows, currency, open);
    let summary = match &priced.summary {
        Ok(s) => summary(s).into_any(),
        Err(e) => failed("book-summary-error", e),
    };
    let impact = match &priced.impact {
        Ok(i) => impact(i).into_any(),
        Err(e) => failed("book-impact-error", e),
    };
    view! { {files} {summary} {impact} }
}

fn failed(testid: &'static str, e: &str) -> AnyView {
    view! { <p class="hq-alert hq-alert-error" data-testid=testid>{e.to_string()}</p> }.into_any()
}

/// A table in its scrolling region, `label` naming both.
fn scrolled(label: String, testid: &'static str, head: AnyView, body: AnyView) -> impl IntoView {
    let region = label.clone();
    view! {
        <div class="hq-scroll" tabindex="0" role="region" aria-label=region>
            <table data-testid=testid>
                <caption>{label}</caption>
                <thead>{head}</thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// One row a file: its quote's number, tier, status and totals, and a button that opens
/// it; or its error.
fn files(rows: &[Row], currency: Option<Currency>, open: Callback<usize>) -> impl IntoView {
    let money = move |d: rust_decimal::Decimal| {
        currency
            .as_ref()
            .map_or_else(|| d.to_string(), |c| c.format(d))
    };
    let body = rows.iter().enumerate().map(|(i, r)| {
        let path = r.path.clone();
        match (&r.quote, &r.error) {
            (Some(q), _) => {
                let status = match q.status {
                    Status::Final => labels::FINAL,
                    Status::Draft => labels::DRAFT,
                };
                let open_label = format!("Open {path} as the draft");
                view! {
                    <tr data-testid="book-row" data-path=r.path.clone() data-status="ok">
                        <th scope="row">{path}</th>
                        <td data-testid="book-number">{q.number.clone()}</td>
                        <td data-testid="book-tier">{q.tier_label.clone()}</td>
                        <td>{status}</td>
                        <td class="hq-num" data-testid="book-first-year">{money(q.totals.first_year_total_cost)}</td>
                        <td class="hq-num" data-testid="book-per-year">{money(q.totals.annual_total)}</td>
                        <td><button type="button" class="hq-btn" data-testid="book-open"
                            aria-label=open_label on:click=move |_| open.run(i)>"Open"</button></td>
                    </tr>
                }
                .into_any()
            }
            (None, e) => {
                let why = e.as_ref().map(|e| problem_text(&r.path, e)).unwrap_or_default();
                view! {
                    <tr data-testid="book-row" data-path=r.path.clone() data-status="error">
                        <th scope="row">{path}</th>
                        <td colspan="6" class="hq-err" data-testid="book-error">{why}</td>
                    </tr>
                }
                .into_any()
            }
        }
    });
    let head = view! {
        <tr>
            <th scope="col">"File"</th>
            <th scope="col">"Quote"</th>
            <th scope="col">"Tier"</th>
            <th scope="col">"Status"</th>
            <th scope="col" class="hq-num">{labels::FIRST_YEAR_TOTAL_COST}</th>
            <th scope="col" class="hq-num">{labels::PER_YEAR}</th>
            <th scope="col"><span class="hq-sr">"Action"</span></th>
        </tr>
    };
    let body = body.collect_view().into_any();
    scrolled(
        "Quotes, one per file".into(),
        "book-files",
        head.into_any(),
        body,
    )
}

/// Headings and rows of strings as a table: the first column heads each row; rows
/// marked in `sums` are sums of the rows above.
fn grid(
    label: String,
    testid: &'static str,
    (headings, rows): (Vec<String>, Vec<Vec<String>>),
    sums: &[bool],
) -> impl IntoView {
    let head = headings.into_iter().enumerate().map(|(k, h)| {
        let class = if k == 0 { "" } else { "hq-num" };
        view! { <th scope="col" class=class>{h}</th> }
    });
    let head = view! { <tr>{head.collect_view()}</tr> }.into_any();
    let body = rows.into_iter().enumerate().map(|(i, row)| {
        let mut cells = row.into_iter();
        let first = cells.next().unwrap_or_default();
        // A sum in bold (no style of its own: the first download's CSS stays as it was).
        let sum = sums.get(i).copied().unwrap_or(false);
        let bold = move |c: String| {
            if sum {
                view! { <strong>{c}</strong> }.into_any()
            } else {
                c.into_any()
            }
        };
        let rest = cells.map(|c| view! { <td class="hq-num">{bold(c)}</td> });
        view! { <tr><th scope="row">{bold(first)}</th>{rest.collect_view()}</tr> }
    });
    scrolled(label, testid, head, body.collect_view().into_any())
}

/// Revenue by kind: what the figures are, then a table per year and one-off.
fn summary(s: &Summary) -> impl IntoView {
    let sums: Vec<bool> = s.all.revenue.rows().iter().map(|r| r.sum).collect();
    let about = parts::about(s);
    let tables = HALVES.map(|(name, pick)| {
        let label = format!("Revenue by kind, {}", name.to_lowercase());
        grid(label, "book-summary", parts::half(s, name, pick), &sums)
    });
    view! {
        <section class="hq-wide" aria-labelledby=ctx().id("book-summary")>
            <h3 id=ctx().id("book-summary")>"Revenue by kind"</h3>
            {about.lines().map(|l| view! { <p class="hq-muted">{l.to_string()}</p> }).collect_view()}
            {tables.into_iter().collect_view()}
        </section>
    }
}

/// The impact: the counts, a row per file, and the yearly revenue under each catalog.
fn impact(i: &Impact) -> impl IntoView {
    let c = &i.currency;
    let totals = |r: &ImpactRow, k: usize| -> [String; 3] {
        r.totals.get(k).map_or_else(Default::default, |t| {
            [from_to(c, t.from, t.to, ""), signed(c, t.delta), percent(t)]
        })
    };
    let rows = i.rows.iter().map(|r| {
        let [a, b, d] = totals(r, 0);
        let [e, f, g] = totals(r, 1);
        view! {
            <tr data-testid="book-impact-row" data-path=r.path.clone()>
                <th scope="row">{r.path.clone()}</th>
                <td>{parts::tiers(r)}</td>
                <td data-testid="book-outcome">{parts::outcome(r)}</td>
                <td class="hq-num">{a}</td><td class="hq-num">{b}</td><td class="hq-num">{d}</td>
                <td class="hq-num">{e}</td><td class="hq-num">{f}</td><td class="hq-num">{g}</td>
            </tr>
            {changed(c, r)}
        }
    });
    let head = view! {
        <tr>
            <th scope="col">"File"</th>
            <th scope="col">"Tier"</th>
            <th scope="col">"Outcome"</th>
            <th scope="col" class="hq-num">{labels::FIRST_YEAR_TOTAL_COST}</th>
            <th scope="col" class="hq-num">"Change"</th>
            <th scope="col" class="hq-num">"%"</th>
            <th scope="col" class="hq-num">{labels::PER_YEAR}</th>
            <th scope="col" class="hq-num">"Change"</th>
            <th scope="col" class="hq-num">"%"</th>
        </tr>
    };
    let label = format!("Impact of moving from {} to {}", i.from, i.to);
    let files = scrolled(
        "Each file under both catalogs".into(),
        "book-impact",
        head.into_any(),
        rows.collect_view().into_any(),
    );
    let revenue = parts::revenue_table(i);
    let sums: Vec<bool> = i.summary.from.rows().iter().map(|r| r.sum).collect();
    let revenue = grid(
        parts::REVENUE_HEADLINE.into(),
        "book-impact-revenue",
        revenue,
        &sums,
    );
    view! {
        <section class="hq-wide" aria-labelledby=ctx().id("book-impact")>
            <h3 id=ctx().id("book-impact")>{label}</h3>
            <p data-testid="book-impact-counts">{parts::counts(&i.summary, i.rows.len())}</p>
            {files}
            {revenue}
        </section>
    }
}

/// Under a file's row of the impact, what else the CLI says of it: how the new catalog
/// reads it, the lines that changed, what it refuses, or the file's error (its totals
/// are the row's columns already: `details` lists them after the notes).
fn changed(c: &Currency, r: &ImpactRow) -> Option<impl IntoView> {
    let notes = r.notes.len();
    let said: Vec<String> = parts::details(c, r)
        .into_iter()
        .enumerate()
        .filter(|(k, _)| *k < notes || *k >= notes + r.totals.len())
        .map(|(_, (mark, d))| {
            if mark.is_empty() {
                d
            } else {
                format!("{mark} {d}")
            }
        })
        .collect();
    (!said.is_empty()).then(|| {
        let items = said.into_iter().map(|d| view! { <li>{d}</li> });
        view! {
            <tr data-testid="book-impact-changes" data-path=r.path.clone()>
                <td colspan="9"><ul class="hq-changes">{items.collect_view()}</ul></td>
            </tr>
        }
    })
}
