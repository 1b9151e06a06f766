//! A batch as CSV, one record per file: the path, whether it priced, the quote's number,
//! date, tier and status, every amount of its totals (the quote JSON's names and decimal
//! strings), and the error of a file that did not price, with its line:column.

use super::problem::problem_fields;
use crate::book::Row;
use crate::export::csv::{csv_line, key};
use crate::quote::Totals;
use std::borrow::Cow;

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
    let fields: Vec<Cow<'_, str>> = HEAD
        .iter()
        .chain(names.iter().flatten())
        .chain(TAIL.iter())
        .map(|&h| Cow::Borrowed(h))
        .collect();
    csv_line(&fields)
}

/// One row's record: a file that did not price has its quote's fields empty.
pub fn batch_csv_row(r: &Row) -> String {
    let mut fields: Vec<String> = vec![r.path.clone(), key(r.status)];
    match &r.quote {
        Some(q) => {
            fields.extend([
                q.number.clone(),
                q.date.clone(),
                q.tier.clone(),
                q.tier_label.clone(),
                key(q.status),
            ]);
            fields.extend(q.totals.named().iter().map(|(_, v)| v.to_string()));
            fields.push(q.totals.term_years.to_string());
        }
        None => fields.resize(HEAD.len() + Totals::NAMED + 1, String::new()),
    }
    match &r.error {
        Some(e) => fields.extend(problem_fields(e)),
        None => fields.resize(fields.len() + TAIL.len() - 1, String::new()),
    }
    let fields: Vec<Cow<'_, str>> = fields.iter().map(|f| Cow::Borrowed(f.as_str())).collect();
    csv_line(&fields)
}
