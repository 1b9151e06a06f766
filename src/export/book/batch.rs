//! A batch as CSV, one record per file: the path, whether it priced, the quote's number,
//! date, tier and status, every amount of its totals (the quote JSON's names and decimal
//! strings), and the error of a file that did not price, with its line:column.

use super::problem::problem_fields;
use crate::book::Row;
use crate::export::csv::{csv_line, key, Cell};
use crate::quote::Totals;

const HEAD: [&str; 7] = [
    "path",
    "status",
    "number",
    "date",
    "tier",
    "tier_label",
    "quote_status",
];
const TAIL: [&str; 6] = [
    "term_years",
    "error",
    "field",
    "line",
    "column",
    "more_errors",
];

/// The header record.
pub fn batch_csv_header() -> String {
    let names = Totals::from_lines(&[], 1).map(|t| t.named().map(|(k, _)| k));
    let fields: Vec<Cell<'_>> = HEAD
        .iter()
        .chain(names.iter().flatten())
        .chain(TAIL.iter())
        .map(|&h| Cell::from(h))
        .collect();
    csv_line(&fields)
}

/// One row's record: a file that did not price has its quote's fields empty.
pub fn batch_csv_row(r: &Row) -> String {
    let mut fields: Vec<Cell<'_>> = vec![r.path.as_str().into(), key(r.status).into()];
    match &r.quote {
        Some(q) => {
            fields.extend([
                q.number.as_str().into(),
                q.date.as_str().into(),
                q.tier.as_str().into(),
                q.tier_label.as_str().into(),
                key(q.status).into(),
            ]);
            fields.extend(q.totals.named().iter().map(|(_, v)| Cell::number(*v)));
            fields.push(Cell::number(q.totals.term_years));
        }
        None => fields.resize_with(HEAD.len() + Totals::NAMED + 1, || "".into()),
    }
    match &r.error {
        Some(e) => fields.extend(problem_fields(e)),
        None => fields.resize_with(fields.len() + TAIL.len() - 1, || "".into()),
    }
    csv_line(&fields)
}
