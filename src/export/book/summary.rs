//! Revenue by kind as text and Markdown (a table per year and one-off: a row per kind, a
//! column per tier and all tiers) and as CSV (a record per tier and row of the table).

use super::problem::{problem_fields, problem_text};
use crate::book::{Split, Summary, TierRevenue};
use crate::export::csv::{csv_line, Cell};
use crate::export::markdown::{cell, table};
use crate::export::text::grid;
use crate::export::visible::visible_doc;
use crate::quote::labels;
use rust_decimal::Decimal;
use std::fmt::Write;

/// A half of the summary: its name, and the amount of a split it shows.
pub type Half = (&'static str, fn(&Split) -> Decimal);

/// The two halves of every table: the recurring amounts and the one-off ones.
pub const HALVES: [Half; 2] = [
    (labels::PER_YEAR, |s| s.per_year),
    (labels::ONE_OFF, |s| s.one_off),
];

const HEADLINE: &str = "Revenue by kind";

/// What the figures are, under the title.
pub fn about(s: &Summary) -> String {
    let n = s.all.quotes;
    let quotes = if n == 1 { "quote" } else { "quotes" };
    let bad = match s.errors.len() {
        0 => String::new(),
        1 => "; 1 file not priced".to_string(),
        e => format!("; {e} files not priced"),
    };
    format!(
        "{n} {quotes} priced with {}{bad}.\nPer year: the recurring lines, what each year of a term brings; one-off: project work and other one-off lines. Cloud is passed through at cost: it is not revenue.",
        s.catalog
    )
}

/// One half as a table: the headings (its name, each tier, all tiers) and a row per
/// revenue row.
pub fn half(
    s: &Summary,
    name: &str,
    pick: fn(&Split) -> Decimal,
) -> (Vec<String>, Vec<Vec<String>>) {
    let columns: Vec<&TierRevenue> = s.tiers.iter().chain([&s.all]).collect();
    let mut headings = vec![name.to_string()];
    headings.extend(
        columns
            .iter()
            .map(|t| format!("{} ({})", t.label, t.quotes)),
    );
    let tables: Vec<_> = columns.iter().map(|t| t.revenue.rows()).collect();
    let labels = s.all.revenue.rows();
    let rows = labels.iter().enumerate().map(|(i, r)| {
        let mut row = vec![r.label.to_string()];
        row.extend(tables.iter().map(|t| {
            t.get(i)
                .map(|r| s.currency.format(pick(&r.amounts)))
                .unwrap_or_default()
        }));
        row
    });
    (headings, rows.collect())
}

/// Revenue by kind as plain text, every hidden character shown ([`visible_doc`]).
pub fn summary_text(s: &Summary) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}\n{}", HEADLINE.to_uppercase(), about(s));
    for (name, pick) in HALVES {
        let (headings, rows) = half(s, &name.to_uppercase(), pick);
        let _ = writeln!(o);
        grid(&mut o, &headings, &rows);
    }
    if !s.errors.is_empty() {
        let _ = writeln!(o, "\nNOT PRICED");
        for e in &s.errors {
            let _ = writeln!(o, "- {}", problem_text(&e.path, &e.error));
        }
    }
    visible_doc(o)
}

/// Revenue by kind as Markdown.
pub fn summary_markdown(s: &Summary) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {HEADLINE}");
    for line in about(s).lines() {
        let _ = writeln!(o, "\n{}", cell(line));
    }
    for (name, pick) in HALVES {
        let (headings, rows) = half(s, name, pick);
        let _ = writeln!(o, "\n## {name}\n");
        table(&mut o, 1, &headings, &rows);
    }
    if !s.errors.is_empty() {
        let _ = writeln!(o, "\n## Not priced\n");
        for e in &s.errors {
            let _ = writeln!(o, "- {}", cell(&problem_text(&e.path, &e.error)));
        }
    }
    o
}

/// Revenue by kind as CSV: a record per tier (then all tiers, with an empty `tier`) and
/// row, amounts as plain decimals; after an empty line, the files not priced.
pub fn summary_csv(s: &Summary) -> String {
    let head = [
        "tier",
        "tier_label",
        "quotes",
        "row",
        "row_label",
        "per_year",
        "one_off",
    ];
    let mut o = csv_line(&head.map(Cell::from));
    for t in s.tiers.iter().chain([&s.all]) {
        for r in t.revenue.rows() {
            o.push_str(&csv_line(&[
                t.tier.as_str().into(),
                t.label.as_str().into(),
                Cell::number(t.quotes),
                r.key.into(),
                r.label.into(),
                Cell::number(r.amounts.per_year),
                Cell::number(r.amounts.one_off),
            ]));
        }
    }
    if !s.errors.is_empty() {
        o.push('\n');
        let head = ["path", "error", "field", "line", "column", "more_errors"];
        o.push_str(&csv_line(&head.map(Cell::from)));
        for e in &s.errors {
            let path = std::iter::once(e.path.as_str().into());
            let fields: Vec<Cell<'_>> = path.chain(problem_fields(&e.error)).collect();
            o.push_str(&csv_line(&fields));
        }
    }
    o
}
