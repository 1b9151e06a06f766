//! The quote as Markdown (for wikis, tickets and grant documents): its marks (internal
//! copy, draft), a header list, the totals, the years of a longer term and the lines as
//! tables, then why each number, why the tier, what is internal (staff copies only), the
//! assumptions and terms.

use super::copy::{internal_items, marks, INTERNAL_HEADING};
use super::line_text::{formula, period};
use super::visible::hidden;
use super::years_table;
use crate::quote::labels;
use crate::quote::Quote;
use std::fmt::Write;

/// A text as Markdown that renders it as text, the one way every name, label, reason or
/// amount enters a Markdown document: in a table cell, a list item, a heading or a
/// paragraph, it makes no link, image, HTML, entity, emphasis, code, heading, quote or
/// list, and it stays one line.
///
/// - a backslash before each of `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `#` `|` `!` `~`
///   (CommonMark's escapes; GitHub's tables read `\|` as a `|`);
/// - a line break or carriage return is a space; any other control character is shown as
///   [`visible`](super::visible) shows it (`\u{1b}`, its backslash escaped);
/// - its leading spaces are left out (four would start a code block), and where it
///   would start a list (`-`, `+` or `1.`/`1)` then a space or nothing, or `--`), the
///   marker is escaped.
///
/// `(` `)` are left as they are: with `[` `]` and `<` escaped, no link can open, and
/// amounts and words read as they do elsewhere (`Term (years)`).
pub(super) fn cell(s: &str) -> String {
    let s = s.trim_start_matches(' ');
    let mut out = String::with_capacity(s.len() + 8);
    let marker = list_marker(s);
    for (i, c) in s.char_indices() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if marker == Some(i) => {
                out.push('\\');
                out.push(c);
            }
            c if hidden(c) => {
                out.push('\\');
                out.extend(c.escape_unicode());
            }
            c => out.push(c),
        }
    }
    out
}

/// The byte index of the character that would make `s`, at the start of a block, a list
/// item or a rule: `-` or `+` before a space, the end or (`-`) another `-`; the `.` or
/// `)` after the digits of an ordered list's number.
fn list_marker(s: &str) -> Option<usize> {
    let mut chars = s.chars();
    let first = chars.next()?;
    let next = chars.next();
    let ends = |c: Option<char>| matches!(c, None | Some(' '));
    match first {
        '-' if ends(next) || next == Some('-') => Some(0),
        '+' if ends(next) => Some(0),
        '0'..='9' => {
            let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let mut after = s.get(digits..)?.chars();
            let dot = after.next()?;
            (matches!(dot, '.' | ')') && digits <= 9 && ends(after.next())).then_some(digits)
        }
        _ => None,
    }
}

pub fn to_markdown(q: &Quote) -> String {
    let mut o = String::new();
    for m in marks(q) {
        let _ = writeln!(o, "> **{}**\n", cell(m));
    }
    header(&mut o, q);
    totals(&mut o, q);
    years(&mut o, q);
    if !q.warnings.is_empty() {
        let _ = writeln!(o, "\n## Please note\n");
        for w in &q.warnings {
            let _ = writeln!(o, "- {}", cell(&w.message));
        }
    }
    lines(&mut o, q);
    let _ = writeln!(o, "\n## Why each number\n");
    for l in &q.lines {
        let _ = writeln!(o, "- **{}:** {}", cell(&l.label), cell(&l.rationale));
    }
    let _ = writeln!(o, "\n## Why {}\n", cell(&q.tier.label));
    for r in &q.recommendation.reasons {
        let _ = writeln!(o, "- {}", cell(r));
    }
    let _ = writeln!(o, "- {}", cell(&q.cloud_band.rationale));
    let internal = internal_items(q);
    if !internal.is_empty() {
        let _ = writeln!(o, "\n## {INTERNAL_HEADING}\n");
        for item in &internal {
            let _ = writeln!(o, "- {}", cell(item));
        }
    }
    let _ = writeln!(o, "\n## Assumptions\n");
    for a in &q.assumptions {
        let _ = writeln!(o, "- {}", cell(a));
    }
    if !q.terms.is_empty() {
        let _ = writeln!(o, "\n## Terms\n");
        for term in &q.terms {
            let _ = writeln!(o, "- {}", cell(term));
        }
    }
    let _ = writeln!(
        o,
        "\n---\n{} {} · sha256 `{}`",
        cell(&q.catalog.name),
        cell(&q.catalog.version),
        cell(&q.catalog.sha256)
    );
    o
}

fn header(o: &mut String, q: &Quote) {
    let _ = writeln!(
        o,
        "# Quote {} — {}\n",
        cell(&q.number),
        cell(&labels::membership(q))
    );
    let _ = writeln!(
        o,
        "- **Date:** {} (valid until {})",
        cell(&q.date),
        cell(&q.valid_until)
    );
    if !q.customer.name.is_empty() {
        let _ = writeln!(o, "- **For:** {}", cell(&q.customer.name));
    }
    if !q.prepared_by.is_empty() {
        let _ = writeln!(o, "- **Prepared by:** {}", cell(&q.prepared_by));
    }
    let cloud = format!(
        "{} {} · {} · {}",
        q.cloud.provider_label, q.cloud.region_label, q.cloud.account_label, q.cloud.billing_label
    );
    let _ = writeln!(o, "- **Cloud:** {}", cell(&cloud));
}

/// The totals table and the cloud band under it.
fn totals(o: &mut String, q: &Quote) {
    let c = &q.currency;
    let t = &q.totals;
    let _ = writeln!(o, "\n## Totals\n\n| | Amount |\n|---|---:|");
    let whole_term = labels::whole_term_years(t.term_years);
    for (label, v) in [
        (labels::FIRST_YEAR_TOTAL_COST, t.first_year_total_cost),
        (labels::FIRST_YEAR_INVOICE, t.first_year_invoice),
        (labels::AVERAGE_MONTH, t.average_month),
        (labels::FEES_PER_ACTIVE_MONTH, t.monthly_fees),
        (labels::CLOUD_PER_ACTIVE_MONTH, t.monthly_cloud),
        (labels::PER_YEAR, t.annual_total),
        (labels::ONE_OFF, t.one_off),
        (whole_term.as_str(), t.term_total),
    ] {
        let _ = writeln!(o, "| {} | {} |", cell(label), cell(&c.format(v)));
    }
    let band = format!("{}: {}.", labels::CLOUD_PER_MONTH, labels::band_figures(q));
    let _ = writeln!(o, "\n{}", cell(&band));
}

/// The year-by-year table of a term of two years or more.
fn years(o: &mut String, q: &Quote) {
    let Some((headings, rows)) = years_table::table(q) else {
        return;
    };
    let _ = writeln!(o, "\n## {}\n", labels::YEAR_BY_YEAR);
    table(o, 1, &headings, &rows);
}

/// A Markdown table: the first `left` columns left-aligned (words), the others
/// right-aligned (amounts); every cell escaped here ([`cell`]).
pub(super) fn table(o: &mut String, left: usize, headings: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| {
        cells
            .iter()
            .map(|c| cell(c))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let _ = writeln!(o, "| {} |", line(headings));
    let align: Vec<&str> = headings
        .iter()
        .enumerate()
        .map(|(i, _)| if i < left { "---" } else { "---:" })
        .collect();
    let _ = writeln!(o, "|{}|", align.join("|"));
    for row in rows {
        let _ = writeln!(o, "| {} |", line(row));
    }
}

fn lines(o: &mut String, q: &Quote) {
    let _ = writeln!(o, "\n## Lines\n\n| Line | Quantity × unit price = amount | Period | Kind |\n|---|---|---|---|");
    for (title, lines) in q.sections() {
        let _ = writeln!(o, "| **{}** | | | |", cell(&title));
        for l in lines {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                cell(&l.label),
                cell(&formula(q, l)),
                cell(&period(q, l)),
                cell(l.kind.label())
            );
        }
    }
}
