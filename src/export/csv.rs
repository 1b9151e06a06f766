//! The quote's lines as RFC 4180 CSV: `csv_core`, the engine of the `csv` crate, decides
//! which fields need quotes and escapes them; the bytes are those of a default
//! `csv::Writer` (a test compares them), but for a text cell that a spreadsheet would
//! read as a formula (see [`Cell`]).
//!
//! Why not `csv::Writer` (or `csv_core::Writer::field`): size. Their quoting style is a
//! run-time setting, and the `NonNumeric` style parses each field as a number, so they
//! linked core's float parser and its 10 KB table of powers of five into the web app's
//! lazily loaded CSV chunk (19.7 KB gzip; 2.6 KB without). The two `csv_core` pieces
//! used here, `Writer::is_special_byte` and `quote`, never parse a number.

use super::copy::{internal_items, marks};
use crate::quote::{Line, Quote, Year};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt::Display;

/// A CSV field. Text — a name, a label, a reason, a rationale, any word, from the user,
/// the catalog or the program — that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return would be run as a formula by a spreadsheet (`=HYPERLINK(…)`): it is written as
/// OWASP advises, a single quote before it and the whole field in double quotes
/// (`"'=HYPERLINK(…)"`). A number the program writes (an amount such as `-12.50`, a
/// count) is a [`Cell::Number`] and written as is, so that it stays a number.
pub(super) enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(String),
}

/// What a [`Cell::Number`] is made of: the program's exact decimals and counts, never a text.
pub(super) trait Number: Display {}
impl Number for Decimal {}
impl Number for u32 {}
impl Number for usize {}

impl Cell<'_> {
    pub(super) fn number(n: impl Number) -> Cell<'static> {
        Cell::Number(n.to_string())
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Self {
        Cell::Text(Cow::Owned(s))
    }
}

/// Whether a spreadsheet would read the text `s` as a formula (OWASP's list).
fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

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
        record(&mut out, &csv, &[m.into()]);
    }
    let rows = std::iter::once(HEADER.map(Cell::from)).chain(q.lines.iter().map(row));
    for fields in rows {
        record(&mut out, &csv, &fields);
    }
    if q.years.len() > 1 {
        out.push(b'\n');
        let years =
            std::iter::once(YEAR_HEADER.map(Cell::from)).chain(q.years.iter().map(year_row));
        for fields in years {
            record(&mut out, &csv, &fields);
        }
    }
    // The catalog that priced it, whichever it is: a CSV read apart from its quote still
    // says whose prices these are.
    out.push(b'\n');
    let c = &q.catalog;
    let named = ["catalog", &c.name, &c.version, &c.sha256].map(Cell::from);
    record(&mut out, &csv, &named);
    let internal = internal_items(q);
    if !internal.is_empty() {
        out.push(b'\n');
        for item in &internal {
            record(&mut out, &csv, &["internal".into(), item.as_str().into()]);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn year_row(y: &Year) -> [Cell<'static>; 10] {
    [
        Cell::number(y.year),
        Cell::number(y.membership),
        Cell::number(y.usage_fee),
        Cell::number(y.hours),
        Cell::number(y.custom),
        Cell::number(y.discounts),
        Cell::number(y.cloud),
        Cell::number(y.invoice),
        Cell::number(y.paid_to_provider),
        Cell::number(y.total),
    ]
}

fn row(l: &Line) -> [Cell<'_>; 13] {
    [
        l.id.as_str().into(),
        key(l.section).into(),
        l.hub.as_deref().unwrap_or("").into(),
        l.label.as_str().into(),
        Cell::number(l.quantity),
        l.unit.as_str().into(),
        Cell::number(l.unit_price),
        Cell::number(l.amount),
        key(l.period).into(),
        Cell::number(l.months),
        Cell::number(l.first_year),
        key(l.kind).into(),
        l.rationale.as_str().into(),
    ]
}

/// One record, with its line break, as [`to_csv`] writes them: for the tables of the book
/// of business (`book/`), which are written a row at a time.
pub(super) fn csv_line(fields: &[Cell<'_>]) -> String {
    let mut out = Vec::new();
    record(&mut out, &csv_core::Writer::new(), fields);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes one record of one non-empty field or more as a default `csv::Writer` does: `,`
/// between fields and `\n` after them; a field goes in quotes, its quotes doubled,
/// only when it holds a byte that configuration marks special (`,` `"` CR LF) — and a
/// text that looks like a formula always, after its single quote ([`Cell`]). The one
/// writer of every CSV: the quote's and the book of business's.
fn record(out: &mut Vec<u8>, csv: &csv_core::Writer, fields: &[Cell<'_>]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let (text, neutralised) = match field {
            Cell::Text(t) => (t.as_ref(), formula_like(t)),
            Cell::Number(n) => (n.as_str(), false),
        };
        let bytes = text.as_bytes();
        if !neutralised && !bytes.iter().any(|&b| csv.is_special_byte(b)) {
            out.extend_from_slice(bytes);
            continue;
        }
        out.push(b'"');
        if neutralised {
            out.push(b'\'');
        }
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

    fn ours(fields: &[Cell<'_>]) -> Vec<u8> {
        let mut out = Vec::new();
        record(&mut out, &csv_core::Writer::new(), fields);
        out
    }

    fn texts(fields: &[&str]) -> Vec<u8> {
        let cells: Vec<Cell<'_>> = fields.iter().map(|&f| f.into()).collect();
        ours(&cells)
    }

    fn csv_crate(fields: &[&str]) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        assert!(w.write_record(fields).is_ok());
        w.into_inner().unwrap_or_default()
    }

    /// The fields of the one record in `bytes`, as the `csv` crate reads them back.
    fn read_back(bytes: &[u8]) -> Vec<String> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes);
        let record = r.records().next().and_then(Result::ok).unwrap_or_default();
        record.iter().map(String::from).collect()
    }

    const PIECES: [&str; 16] = [
        "",
        "plain",
        "a,b",
        "say \"hi\"",
        "\"",
        "line\nbreak",
        "cr\rlf",
        "a\r\n",
        " padded ",
        "back\\slash",
        "1.5",
        "0",
        "1e5",
        "NaN",
        "Montréal — 東京",
        "#comment",
    ];

    #[test]
    fn same_bytes_as_the_csv_crate() {
        for a in PIECES {
            for b in PIECES {
                assert_eq!(texts(&[a, b]), csv_crate(&[a, b]), "{a:?} {b:?}");
                assert_eq!(texts(&[a, b, a]), csv_crate(&[a, b, a]), "{a:?} {b:?}");
            }
        }
        // Longer fields from the special bytes, by a fixed pseudo-random sequence (the
        // first byte never a formula's).
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
                fields.push(f.trim_start_matches('\r').to_string());
            }
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            assert_eq!(texts(&fields), csv_crate(&fields), "{fields:?}");
        }
    }

    #[test]
    fn a_formula_is_text_and_a_number_stays_a_number() {
        // LibreOffice-style payloads: each reads back as the text with a quote before it.
        for payload in [
            "=HYPERLINK(\"http://x\",\"click\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1)",
            "-2+3",
            "\t=1",
            "\r=1",
            "=1,2",
        ] {
            let bytes = texts(&["a", payload]);
            assert_eq!(read_back(&bytes), ["a".to_string(), format!("'{payload}")]);
            let quoted = format!("a,\"'{}\"\n", payload.replace('"', "\"\""));
            assert_eq!(String::from_utf8_lossy(&bytes), quoted);
        }
        // A discount's amount is the program's number: written as is.
        let amount = Decimal::new(-1250, 2);
        assert_eq!(ours(&[Cell::number(amount), "x".into()]), b"-12.50,x\n");
    }
}
