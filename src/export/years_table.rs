//! The year-by-year table every export shows for a term of two years or more: Year 1
//! with the one-off work, then each year; a column per cost category the quote has, the
//! year's total, and who is paid (the invoice, and the cloud paid to the provider when
//! there is any).

use crate::quote::years::CATEGORIES;
use crate::quote::{labels, Quote, Year};
use rust_decimal::Decimal;

/// A column: its heading and its amount in a year.
type Column = (String, fn(&Year) -> Decimal);

/// The headings and the rows of money cells, `Year 1` … then the term's total row; none
/// for a one-year term (its year is the first-year total).
pub fn table(q: &Quote) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    if q.years.len() < 2 {
        return None;
    }
    let c = &q.currency;
    let paid = q.years.iter().any(|y| !y.paid_to_provider.is_zero());
    let mut columns: Vec<Column> = CATEGORIES
        .iter()
        .filter(|c| q.years.iter().any(|y| !(c.value)(y).is_zero()))
        .map(|c| (c.heading.to_string(), c.value))
        .collect();
    columns.push(("Total".into(), |y| y.total));
    if paid {
        columns.push((labels::INVOICE.into(), |y| y.invoice));
        columns.push((labels::PAID_TO_PROVIDER.into(), |y| y.paid_to_provider));
    }
    let mut headings = vec![labels::YEAR.to_string()];
    headings.extend(columns.iter().map(|(h, _)| h.clone()));
    let mut rows: Vec<Vec<String>> = q
        .years
        .iter()
        .map(|y| {
            let mut row = vec![format!("{} {}", labels::YEAR, y.year)];
            row.extend(columns.iter().map(|(_, v)| c.format(v(y))));
            row
        })
        .collect();
    let sums: Option<Vec<String>> = columns
        .iter()
        .map(|(_, v)| term(q, *v).map(|d| c.format(d)))
        .collect();
    // A sum past exact range is left out rather than printed wrong (no valid quote has one).
    if let Some(sums) = sums {
        let mut total = vec![labels::whole_term(q.totals.term_years)];
        total.extend(sums);
        rows.push(total);
    }
    Some((headings, rows))
}

/// A column's sum over the years.
fn term(q: &Quote, value: fn(&Year) -> Decimal) -> Option<Decimal> {
    q.years.iter().try_fold(Decimal::new(0, 2), |sum, y| {
        crate::money::add(sum, value(y)).ok()
    })
}
