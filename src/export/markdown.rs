//! The quote as Markdown (for wikis, tickets and grant documents): its marks (internal
//! copy, draft), a header list, the totals, the years of a longer term and the lines as
//! tables, then why each number, why the tier, what is internal (staff copies only), the
//! assumptions and terms.

use super::copy::{internal_items, marks, INTERNAL_HEADING};
use super::line_text::{formula, period};
use super::years_table;
use crate::quote::labels;
use crate::quote::Quote;
use std::fmt::Write;

/// Escapes the characters that would break a Markdown table cell.
pub(super) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn to_markdown(q: &Quote) -> String {
    let mut o = String::new();
    for m in marks(q) {
        let _ = writeln!(o, "> **{m}**\n");
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
    let _ = writeln!(o, "- {}", q.cloud_band.rationale);
    let internal = internal_items(q);
    if !internal.is_empty() {
        let _ = writeln!(o, "\n## {INTERNAL_HEADING}\n");
        for item in &internal {
            let _ = writeln!(o, "- {}", cell(item));
        }
    }
    let _ = writeln!(o, "\n## Assumptions\n");
    for a in &q.assumptions {
        let _ = writeln!(o, "- {a}");
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
        q.catalog.sha256
    );
    o
}

fn header(o: &mut String, q: &Quote) {
    let _ = writeln!(
        o,
        "# Quote {} — {}\n",
        q.number,
        cell(&labels::membership(q))
    );
    let _ = writeln!(o, "- **Date:** {} (valid until {})", q.date, q.valid_until);
    if !q.customer.name.is_empty() {
        let _ = writeln!(o, "- **For:** {}", cell(&q.customer.name));
    }
    if !q.prepared_by.is_empty() {
        let _ = writeln!(o, "- **Prepared by:** {}", cell(&q.prepared_by));
    }
    let _ = writeln!(
        o,
        "- **Cloud:** {} {} · {} · {}",
        q.cloud.provider_label, q.cloud.region_label, q.cloud.account_label, q.cloud.billing_label
    );
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
        let _ = writeln!(o, "| {label} | {} |", c.format(v));
    }
    let _ = writeln!(
        o,
        "\n{}: {}.",
        labels::CLOUD_PER_MONTH,
        labels::band_figures(q)
    );
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
/// right-aligned (amounts).
pub(super) fn table(o: &mut String, left: usize, headings: &[String], rows: &[Vec<String>]) {
    let _ = writeln!(o, "| {} |", headings.join(" | "));
    let align: Vec<&str> = headings
        .iter()
        .enumerate()
        .map(|(i, _)| if i < left { "---" } else { "---:" })
        .collect();
    let _ = writeln!(o, "|{}|", align.join("|"));
    for row in rows {
        let _ = writeln!(o, "| {} |", row.join(" | "));
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
                formula(q, l),
                period(q, l),
                l.kind.label()
            );
        }
    }
}
