//! The quote as Markdown (for wikis, tickets and grant documents).

use super::{formula, period};
use crate::quote::Quote;
use std::fmt::Write;

/// Escapes the characters that would break a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn to_markdown(q: &Quote) -> String {
    let c = &q.currency;
    let t = &q.totals;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Quote {} — {} membership\n",
        q.number,
        cell(&q.tier.label)
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
    let _ = writeln!(o, "\n## Totals\n\n| | Amount |\n|---|---:|");
    for (label, v) in [
        ("First-year total cost", t.first_year_total_cost),
        ("First-year invoice", t.first_year_invoice),
        ("Fees per active month", t.monthly_fees),
        ("Cloud per active month (estimate)", t.monthly_cloud),
        ("Per year", t.annual_total),
        ("One-off", t.one_off),
    ] {
        let _ = writeln!(o, "| {label} | {} |", c.format(v));
    }
    let _ = writeln!(
        o,
        "| Whole term ({} years) | {} |",
        t.term_years,
        c.format(t.term_total)
    );
    let b = &q.cloud_band;
    let _ = writeln!(
        o,
        "\nCloud per month: low {} · expected {} · high {} · budget alert at {}.",
        c.format(b.low),
        c.format(b.expected),
        c.format(b.high),
        c.format(b.budget_alert)
    );
    if !q.warnings.is_empty() {
        let _ = writeln!(o, "\n## Please note\n");
        for w in &q.warnings {
            let _ = writeln!(o, "- {}", cell(&w.message));
        }
    }
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
    let _ = writeln!(o, "\n## Why each number\n");
    for l in &q.lines {
        let _ = writeln!(o, "- **{}:** {}", cell(&l.label), cell(&l.rationale));
    }
    let _ = writeln!(o, "\n## Why {}\n", cell(&q.tier.label));
    for r in &q.recommendation.reasons {
        let _ = writeln!(o, "- {}", cell(r));
    }
    let _ = writeln!(o, "- {}", b.rationale);
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
