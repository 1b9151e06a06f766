//! The impact of a catalog change as text and Markdown (each file's move in sentences,
//! then the revenue by kind under each catalog) and as CSV (a record per file, then the
//! revenue table and the counts). A change reads as in a quote diff: `+$743.00
//! ($8,264.78 → $9,007.78, +8.99%)`.

use super::problem::{problem_fields, problem_text};
use crate::book::{Direction, Impact, ImpactRow, ImpactStatus, ImpactSummary};
use crate::diff::{LineChange, TotalChange};
use crate::export::csv::{csv_line, key, Cell};
use crate::export::diff::{from_to, line_name, percent, signed};
use crate::export::markdown::{cell, table};
use crate::export::text::grid;
use crate::export::visible::visible_doc;
use crate::money::Currency;
use crate::quote::labels;
use std::fmt::Write;

const HEADLINE: &str = "Impact of a catalog change";
pub const REVENUE_HEADLINE: &str = "Yearly revenue by kind (the files priced under both catalogs)";
const ONE_OFF_ROW: &str = "One-off, every kind";

/// How a file fared, in a word or three.
pub fn outcome(r: &ImpactRow) -> &'static str {
    match (r.status, r.direction) {
        (ImpactStatus::Error, _) => "not priced",
        (ImpactStatus::Refused, _) => "refused by the new catalog",
        (_, Some(Direction::Up)) => "up",
        (_, Some(Direction::Down)) => "down",
        (_, _) => "the same",
    }
}

/// `6 files: 4 up, 1 down, 1 the same (by the first-year total cost, to the cent); 0
/// refused by the new catalog; 0 not priced.`
pub fn counts(s: &ImpactSummary, files: usize) -> String {
    let plural = if files == 1 { "file" } else { "files" };
    format!(
        "{files} {plural}: {} up, {} down, {} the same (by the first-year total cost, to the cent); {} refused by the new catalog; {} not priced.",
        s.up, s.down, s.same, s.refused, s.errors
    )
}

/// `Essential membership → General Membership`, or the one tier known.
pub fn tiers(r: &ImpactRow) -> String {
    match (&r.from, &r.to) {
        (Some(a), Some(b)) => format!("{} → {}", a.tier_label, b.tier_label),
        (Some(a), None) => a.tier_label.clone(),
        _ => String::new(),
    }
}

/// `+$743.00 ($8,264.78 → $9,007.78, +8.99%)`.
fn change(c: &Currency, t: &TotalChange) -> String {
    format!(
        "{} ({})",
        signed(c, t.delta),
        from_to(c, t.from, t.to, &percent(t))
    )
}

/// `Membership: +$10,000.00 ($5,000.00 → $15,000.00)`.
fn line(c: &Currency, l: &LineChange) -> String {
    format!(
        "{}: {} ({})",
        line_name(l),
        signed(c, l.delta),
        from_to(c, l.from, l.to, "")
    )
}

/// What a file's move says, a sentence a line, each with its mark (`~`, `+`, `-` for
/// a line, none for the others): its notes, its totals, its lines, what the new
/// catalog refuses, or its error.
pub fn details(c: &Currency, r: &ImpactRow) -> Vec<(&'static str, String)> {
    let said = |s: String| ("", s);
    let mut out: Vec<(&str, String)> = r.notes.iter().cloned().map(said).collect();
    let totals = r
        .totals
        .iter()
        .map(|t| format!("{}: {}", t.label, change(c, t)));
    out.extend(totals.map(said));
    out.extend(r.lines.iter().map(|l| (l.change.symbol(), line(c, l))));
    let conflicts = r
        .conflicts
        .iter()
        .map(|x| format!("{}: {}", x.field, x.message));
    out.extend(conflicts.map(said));
    out.extend(r.error.iter().map(|e| said(problem_text(&r.path, e))));
    out
}

/// The revenue under each catalog, a row per revenue row, and the one-off.
pub fn revenue_table(i: &Impact) -> (Vec<String>, Vec<Vec<String>>) {
    let c = &i.currency;
    let s = &i.summary;
    let headings = ["", "From", "To", "Change", "%"].map(String::from).to_vec();
    let from = s.from.rows();
    let to = s.to.rows();
    let mut rows: Vec<(String, TotalChange)> = from
        .iter()
        .zip(&to)
        .filter_map(|(a, b)| {
            let t = TotalChange::new(
                a.key,
                a.label.into(),
                a.amounts.per_year,
                b.amounts.per_year,
            );
            t.ok().map(|t| (a.label.to_string(), t))
        })
        .collect();
    let one_off = TotalChange::new(
        "one_off",
        ONE_OFF_ROW.into(),
        s.from.total.one_off,
        s.to.total.one_off,
    );
    rows.extend(one_off.ok().map(|t| (ONE_OFF_ROW.to_string(), t)));
    let cells = rows
        .into_iter()
        .map(|(label, t)| {
            vec![
                label,
                c.format(t.from),
                c.format(t.to),
                signed(c, t.delta),
                percent(&t),
            ]
        })
        .collect();
    (headings, cells)
}

/// The impact as plain text, every hidden character shown ([`visible_doc`]).
pub fn impact_text(i: &Impact) -> String {
    let c = &i.currency;
    let mut o = String::new();
    let _ = writeln!(o, "{}", HEADLINE.to_uppercase());
    let _ = writeln!(o, "From {}\nTo   {}", i.from, i.to);
    let _ = writeln!(o, "{}", counts(&i.summary, i.rows.len()));
    for r in &i.rows {
        let _ = writeln!(o, "\n{}: {}", r.path, outcome(r));
        let tiers = tiers(r);
        if !tiers.is_empty() {
            let _ = writeln!(o, "  Tier: {tiers}");
        }
        for (mark, d) in details(c, r) {
            let space = if mark.is_empty() { "" } else { " " };
            let _ = writeln!(o, "  {mark}{space}{d}");
        }
    }
    let _ = writeln!(o, "\n{}", REVENUE_HEADLINE.to_uppercase());
    let (headings, rows) = revenue_table(i);
    grid(&mut o, &headings, &rows);
    visible_doc(o)
}

/// The impact as Markdown.
pub fn impact_markdown(i: &Impact) -> String {
    let c = &i.currency;
    let mut o = String::new();
    let _ = writeln!(o, "# {HEADLINE}\n");
    let _ = writeln!(
        o,
        "- **From:** {}\n- **To:** {}",
        cell(&i.from),
        cell(&i.to)
    );
    let _ = writeln!(o, "- {}\n", cell(&counts(&i.summary, i.rows.len())));
    let totals = |r: &ImpactRow, k: usize| {
        r.totals.get(k).map_or_else(
            || vec![String::new(); 3],
            |t| vec![from_to(c, t.from, t.to, ""), signed(c, t.delta), percent(t)],
        )
    };
    let mut headings = vec!["File".to_string(), "Tier".into(), "Outcome".into()];
    for name in [labels::FIRST_YEAR_TOTAL_COST, labels::PER_YEAR] {
        headings.extend([name.to_string(), "Change".into(), "%".into()]);
    }
    let rows: Vec<Vec<String>> = i
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.path.clone(), tiers(r), outcome(r).to_string()];
            row.extend(totals(r, 0));
            row.extend(totals(r, 1));
            row
        })
        .collect();
    table(&mut o, 3, &headings, &rows);
    for r in &i.rows {
        let _ = writeln!(o, "\n## {}\n", cell(&r.path));
        for (mark, d) in details(c, r) {
            let mark = if mark.is_empty() {
                String::new()
            } else {
                format!("`{mark}` ")
            };
            let _ = writeln!(o, "- {mark}{}", cell(&d));
        }
    }
    let _ = writeln!(o, "\n## {REVENUE_HEADLINE}\n");
    let (headings, rows) = revenue_table(i);
    table(&mut o, 1, &headings, &rows);
    o
}

/// The impact as CSV: a record per file; after an empty line, the yearly revenue by
/// kind under each catalog; after another, the counts.
pub fn impact_csv(i: &Impact) -> String {
    let head = [
        "path",
        "status",
        "direction",
        "from_tier",
        "to_tier",
        "from_first_year_total_cost",
        "to_first_year_total_cost",
        "first_year_change",
        "first_year_percent",
        "from_per_year",
        "to_per_year",
        "per_year_change",
        "per_year_percent",
        "from_status",
        "to_status",
        "lines",
        "notes",
        "conflicts",
        "error",
        "field",
        "line",
        "column",
        "more_errors",
    ];
    let mut o = csv_line(&head.map(Cell::from));
    for r in &i.rows {
        o.push_str(&csv_line(&file_fields(r)));
    }
    o.push('\n');
    let head = [
        "row",
        "row_label",
        "from_per_year",
        "to_per_year",
        "from_one_off",
        "to_one_off",
    ];
    o.push_str(&csv_line(&head.map(Cell::from)));
    for (a, b) in i.summary.from.rows().iter().zip(i.summary.to.rows()) {
        o.push_str(&csv_line(&[
            a.key.into(),
            a.label.into(),
            Cell::number(a.amounts.per_year),
            Cell::number(b.amounts.per_year),
            Cell::number(a.amounts.one_off),
            Cell::number(b.amounts.one_off),
        ]));
    }
    o.push('\n');
    let s = &i.summary;
    o.push_str(&csv_line(
        &["up", "down", "same", "refused", "errors"].map(Cell::from),
    ));
    let n = [s.up, s.down, s.same, s.refused, s.errors].map(Cell::number);
    o.push_str(&csv_line(&n));
    o
}

/// A file's record.
fn file_fields(r: &ImpactRow) -> Vec<Cell<'_>> {
    let side = |s: Option<&crate::book::Side>, f: fn(&crate::book::Side) -> String| {
        Cell::from(s.map(f).unwrap_or_default())
    };
    let number = |n: Option<rust_decimal::Decimal>| n.map_or_else(|| "".into(), Cell::number);
    let (a, b) = (r.from.as_ref(), r.to.as_ref());
    let mut out = vec![
        r.path.as_str().into(),
        key(r.status).into(),
        r.direction.map(key).unwrap_or_default().into(),
        side(a, |s| s.tier.clone()),
        side(b, |s| s.tier.clone()),
    ];
    for k in 0..2 {
        let t = r.totals.get(k);
        let amount = |s: Option<&crate::book::Side>| {
            number(s.map(|s| {
                if k == 0 {
                    s.first_year_total_cost
                } else {
                    s.per_year
                }
            }))
        };
        out.extend([
            amount(a),
            amount(b),
            number(t.map(|t| t.delta)),
            number(t.and_then(|t| t.percent)),
        ]);
    }
    out.extend([side(a, |s| key(s.status)), side(b, |s| key(s.status))]);
    let lines: Vec<String> = r
        .lines
        .iter()
        .map(|l| format!("{}{}", l.change.symbol(), l.id))
        .collect();
    let conflicts: Vec<String> = r
        .conflicts
        .iter()
        .map(|x| format!("{}: {}", x.field, x.message))
        .collect();
    out.extend([lines.join(" "), r.notes.join(" "), conflicts.join("; ")].map(Cell::from));
    match &r.error {
        Some(e) => out.extend(problem_fields(e)),
        None => out.resize_with(out.len() + 5, || "".into()),
    }
    out
}
