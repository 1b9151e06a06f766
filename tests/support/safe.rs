//! The three promises of safe exports (issue 13 §3), as checks on a written document:
//! shared by the export-safety tests and the fuzzer (through `faces.rs`).

use pulldown_cmark::{Event, Options, Parser, Tag};
use std::str::FromStr;

/// A CSV cell a spreadsheet would run as a formula: one that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return and is not a number (the program's amounts).
pub fn csv_formula(csv: &str) -> Option<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    for record in r.records() {
        let Ok(record) = record else {
            return Some("the CSV does not read back".into());
        };
        for cell in record.iter() {
            let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            if formula && rust_decimal::Decimal::from_str(cell).is_err() {
                return Some(format!("a CSV cell is a formula: {cell:?}"));
            }
        }
    }
    None
}

/// The Markdown's nodes, as a CommonMark renderer with GitHub's tables and
/// strikethrough reads them.
pub fn markdown_events(md: &str) -> Vec<Event<'_>> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(md, options).collect()
}

/// A link, an image or HTML in the Markdown (the exports write none of their own).
pub fn markdown_active(md: &str) -> Option<String> {
    markdown_events(md).into_iter().find_map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Some(format!("Markdown has HTML: {h:?}")),
        Event::Start(Tag::Link { dest_url, .. }) => Some(format!("a Markdown link: {dest_url}")),
        Event::Start(Tag::Image { dest_url, .. }) => Some(format!("a Markdown image: {dest_url}")),
        _ => None,
    })
}

/// A control character other than a line break in a text output.
pub fn text_control(text: &str) -> Option<String> {
    text.chars()
        .find(|&c| c.is_control() && c != '\n')
        .map(|c| format!("the text has the control character {c:?}"))
}
