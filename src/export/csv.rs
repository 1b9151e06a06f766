//! The quote's lines as RFC 4180 CSV: `csv_core`, the engine of the `csv` crate, decides
//! which fields need quotes and escapes them; the bytes are those of a default
//! `csv::Writer` (a test compares them).
//!
//! Why not `csv::Writer` (or `csv_core::Writer::field`): size. Their quoting style is a
//! run-time setting, and the `NonNumeric` style parses each field as a number, so they
//! linked core's float parser and its 10 KB table of powers of five into the web app's
//! lazily loaded CSV chunk (19.7 KB gzip; 2.6 KB without). The two `csv_core` pieces
//! used here, `Writer::is_special_byte` and `quote`, never parse a number.

use super::copy::{internal_items, marks};
use crate::quote::{Line, Quote, Year};
use std::borrow::Cow;

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

const YEAR_HEADER: [&str; 10] = [
    "year",
    "membership",
    "usage_fee",
    "hours",
    "custom",
    "discounts",
    "cloud",
    "invoice",
    "paid_to_provider",
    "total",
];

/// One row per line, amounts as plain decimals in the quote's currency. A draft or a
/// staff copy starts with a one-field row that says so; a term of two years or more is
/// followed, after an empty line, by the year-by-year table; a staff copy ends, after an
/// empty line, with its internal items (`internal,<item>`).
pub fn to_csv(q: &Quote) -> String {
    let csv = csv_core::Writer::new();
    let mut out = Vec::new();
    for m in marks(q) {
        record(&mut out, &csv, &[Cow::Borrowed(m)]);
    }
    let rows = std::iter::once(HEADER.map(Cow::Borrowed)).chain(q.lines.iter().map(row));
    for fields in rows {
        record(&mut out, &csv, &fields);
    }
    if q.years.len() > 1 {
        out.push(b'\n');
        let years =
            std::iter::once(YEAR_HEADER.map(Cow::Borrowed)).chain(q.years.iter().map(year_row));
        for fields in years {
            record(&mut out, &csv, &fields);
        }
    }
    let internal = internal_items(q);
    if !internal.is_empty() {
        out.push(b'\n');
        for item in &internal {
            record(&mut out, &csv, &["internal".into(), item.as_str().into()]);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn year_row(y: &Year) -> [Cow<'_, str>; 10] {
    [
        y.year.to_string().into(),
        y.membership.to_string().into(),
        y.usage_fee.to_string().into(),
        y.hours.to_string().into(),
        y.custom.to_string().into(),
        y.discounts.to_string().into(),
        y.cloud.to_string().into(),
        y.invoice.to_string().into(),
        y.paid_to_provider.to_string().into(),
        y.total.to_string().into(),
    ]
}

fn row(l: &Line) -> [Cow<'_, str>; 13] {
    [
        l.id.as_str().into(),
        key(l.section).into(),
        l.hub.as_deref().unwrap_or("").into(),
        l.label.as_str().into(),
        l.quantity.to_string().into(),
        l.unit.as_str().into(),
        l.unit_price.to_string().into(),
        l.amount.to_string().into(),
        key(l.period).into(),
        l.months.to_string().into(),
        l.first_year.to_string().into(),
        key(l.kind).into(),
        l.rationale.as_str().into(),
    ]
}

/// One record, with its line break, as [`to_csv`] writes them: for the tables of the book
/// of business (`book/`), which are written a row at a time.
pub(super) fn csv_line(fields: &[Cow<'_, str>]) -> String {
    let mut out = Vec::new();
    record(&mut out, &csv_core::Writer::new(), fields);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes one record of one non-empty field or more as a default `csv::Writer` does: `,`
/// between fields and `\n` after them; a field goes in quotes, its quotes doubled,
/// only when it holds a byte that configuration marks special (`,` `"` CR LF).
fn record(out: &mut Vec<u8>, csv: &csv_core::Writer, fields: &[Cow<'_, str>]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let bytes = field.as_bytes();
        if !bytes.iter().any(|&b| csv.is_special_byte(b)) {
            out.extend_from_slice(bytes);
            continue;
        }
        out.push(b'"');
        // Room for the worst case, every byte a quote (`csv_core::quote`'s contract).
        let start = out.len();
        out.resize(start + 2 * bytes.len(), 0);
        let written = out
            .get_mut(start..)
            .map_or(0, |buf| csv_core::quote(bytes, buf, b'"', b'"', true).2);
        out.truncate(start + written);
        out.push(b'"');
    }
    out.push(b'\n');
}

/// The serialized name of an enum value (`one_off`), the same word the JSON uses.
pub(super) fn key<T: serde::Serialize>(v: T) -> String {
    let json = serde_json::to_string(&v).unwrap_or_default();
    json.trim_matches('"').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(fields: &[&str]) -> Vec<u8> {
        let fields: Vec<Cow<'_, str>> = fields.iter().map(|&f| f.into()).collect();
        let mut out = Vec::new();
        record(&mut out, &csv_core::Writer::new(), &fields);
        out
    }

    fn csv_crate(fields: &[&str]) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        assert!(w.write_record(fields).is_ok());
        w.into_inner().unwrap_or_default()
    }

    const PIECES: [&str; 16] = [
        "",
        "plain",
        "a,b",
        "say \"hi\"",
        "\"",
        "line\nbreak",
        "cr\rlf",
        "\r\n",
        " padded ",
        "back\\slash",
        "1.5",
        "-0",
        "1e5",
        "NaN",
        "Montréal — 東京",
        "#comment",
    ];

    #[test]
    fn same_bytes_as_the_csv_crate() {
        for a in PIECES {
            for b in PIECES {
                assert_eq!(ours(&[a, b]), csv_crate(&[a, b]), "{a:?} {b:?}");
                assert_eq!(ours(&[a, b, a]), csv_crate(&[a, b, a]), "{a:?} {b:?}");
            }
        }
        // Longer fields from the special bytes, by a fixed pseudo-random sequence.
        let alphabet = [",", "\"", "\r", "\n", "a", " ", "\\", "é", "1", "."];
        let mut x: u32 = 0x9E37_79B9;
        let mut next = |n: u32| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x % n
        };
        for _ in 0..2000 {
            let mut fields = Vec::new();
            for _ in 0..2 + next(13) {
                let f: String = (0..next(9)).map(|_| alphabet[next(10) as usize]).collect();
                fields.push(f);
            }
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            assert_eq!(ours(&fields), csv_crate(&fields), "{fields:?}");
        }
    }
}
