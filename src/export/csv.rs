//! The quote's lines as RFC 4180 CSV (the `csv` crate does the quoting).

use crate::quote::Quote;

const HEADER: [&str; 13] = [
    "id",
    "section",
    "hub",
    "label",
    "quantity",
    "unit",
    "unit_price",
    "amount",
    "period",
    "months",
    "first_year",
    "kind",
    "rationale",
];

/// One row per line, amounts as plain decimals in the quote's currency.
pub fn to_csv(q: &Quote) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for l in &q.lines {
        let _ = w.write_record([
            l.id.as_str(),
            &key(l.section),
            l.hub.as_deref().unwrap_or(""),
            l.label.as_str(),
            &l.quantity.to_string(),
            l.unit.as_str(),
            &l.unit_price.to_string(),
            &l.amount.to_string(),
            &key(l.period),
            &l.months.to_string(),
            &l.first_year.to_string(),
            &key(l.kind),
            l.rationale.as_str(),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The serialized name of an enum value (`one_off`), the same word the JSON uses.
fn key<T: serde::Serialize>(v: T) -> String {
    let json = serde_json::to_string(&v).unwrap_or_default();
    json.trim_matches('"').to_string()
}
