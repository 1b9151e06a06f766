//! The quote year by year, for a term of two years or more (what a grant budget asks
//! for): Year 1 with the one-off work, then each year; a column per cost category the
//! quote has, the year's total, and who is paid when the community pays the cloud. The
//! same table as every export's (the engine's `years` and `CATEGORIES`).

use crate::quote::years::CATEGORIES;
use crate::quote::{labels, Quote, Year};
use crate::web::state::ctx;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A column: its heading and its amount in a year.
type Column = (&'static str, fn(&Year) -> Decimal);

/// The table's columns: each category with an amount in some year, the total, and the
/// invoice and the cloud paid to the provider when there is any.
fn columns(q: &Quote) -> Vec<Column> {
    let mut out: Vec<Column> = CATEGORIES
        .iter()
        .filter(|c| q.years.iter().any(|y| !(c.value)(y).is_zero()))
        .map(|c| (c.heading, c.value))
        .collect();
    out.push(("Total", |y| y.total));
    if q.years.iter().any(|y| !y.paid_to_provider.is_zero()) {
        out.push((labels::INVOICE, |y| y.invoice));
        out.push((labels::PAID_TO_PROVIDER, |y| y.paid_to_provider));
    }
    out
}

#[component]
pub fn Years(q: std::sync::Arc<Quote>) -> impl IntoView {
    let cols = columns(&q);
    let head = cols
        .iter()
        .map(|(h, _)| view! { <th scope="col" class="hq-num">{*h}</th> })
        .collect_view();
    let rows = q
        .years
        .iter()
        .map(|y| {
            let cells = cols
                .iter()
                .map(|(_, v)| view! { <td class="hq-num">{q.currency.format(v(y))}</td> })
                .collect_view();
            view! { <tr data-year=y.year><th scope="row">{format!("{} {}", labels::YEAR, y.year)}</th>{cells}</tr> }
        })
        .collect_view();
    // The whole term's row: each column summed (left out past exact range, which no
    // valid quote reaches, rather than printed wrong).
    let sums: Option<Vec<Decimal>> = cols
        .iter()
        .map(|(_, v)| crate::money::sum(q.years.iter().map(v)).ok())
        .collect();
    let term = sums.map(|sums| {
        let cells = sums
            .into_iter()
            .map(|d| view! { <td class="hq-num">{q.currency.format(d)}</td> })
            .collect_view();
        view! { <tr class="hq-term"><th scope="row">{labels::whole_term(q.totals.term_years)}</th>{cells}</tr> }
    });
    view! {
        <section class="hq-block" aria-labelledby=ctx().id("years-h")>
            <h2 class="hq-h3" id=ctx().id("years-h")>{labels::YEAR_BY_YEAR}</h2>
            <div class="hq-scroll" tabindex="0" role="region" aria-label=labels::YEAR_BY_YEAR>
                <table class="hq-years" data-testid="years">
                    <caption class="hq-sr">{format!("{} ({})", labels::YEAR_BY_YEAR, labels::whole_term(q.totals.term_years))}</caption>
                    <thead><tr><th scope="col">{labels::YEAR}</th>{head}</tr></thead>
                    <tbody>{rows}{term}</tbody>
                </table>
            </div>
        </section>
    }
}
