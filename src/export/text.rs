//! The quote as plain text a salesperson pastes into an email.

use super::{formula, period};
use crate::quote::Quote;
use std::fmt::Write;

pub fn to_text(q: &Quote) -> String {
    let c = &q.currency;
    let t = &q.totals;
    let mut o = String::new();
    let _ = writeln!(o, "QUOTE {} — {}", q.number, q.seller.name);
    let _ = writeln!(o, "Date {} · valid until {}", q.date, q.valid_until);
    let customer = if q.customer.name.is_empty() {
        "(no customer named)"
    } else {
        &q.customer.name
    };
    let contact = if q.customer.contact.is_empty() {
        String::new()
    } else {
        format!(" <{}>", q.customer.contact)
    };
    let by = if q.prepared_by.is_empty() {
        String::new()
    } else {
        format!(" · prepared by {}", q.prepared_by)
    };
    let _ = writeln!(o, "For {customer}{contact}{by}");
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{} membership · {} {} · {} · {}",
        q.tier.label,
        q.cloud.provider_label,
        q.cloud.region_label,
        q.cloud.account_label,
        q.cloud.billing_label
    );
    let hubs = q.scenario.hubs.len();
    let months = q.scenario.active_months;
    let _ = writeln!(
        o,
        "{hubs} hub{}, {months} active month{} a year, {}-year term",
        if hubs == 1 { "" } else { "s" },
        if months == 1 { "" } else { "s" },
        t.term_years
    );
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "FIRST YEAR TOTAL COST   {}",
        c.format(t.first_year_total_cost)
    );
    let _ = writeln!(
        o,
        "First-year invoice      {}",
        c.format(t.first_year_invoice)
    );
    if !t.annual_cloud_paid_to_provider.is_zero() {
        let _ = writeln!(
            o,
            "Paid to the provider    {} a year (estimate)",
            c.format(t.annual_cloud_paid_to_provider)
        );
    }
    let _ = writeln!(
        o,
        "Per active month        {} fees + {} cloud (estimate)",
        c.format(t.monthly_fees),
        c.format(t.monthly_cloud)
    );
    let _ = writeln!(
        o,
        "Per year                {} ({} fees + {} cloud)",
        c.format(t.annual_total),
        c.format(t.annual_fees),
        c.format(t.annual_cloud)
    );
    let _ = writeln!(o, "One-off                 {}", c.format(t.one_off));
    let _ = writeln!(
        o,
        "Whole term ({} yr)       {}",
        t.term_years,
        c.format(t.term_total)
    );
    let b = &q.cloud_band;
    let _ = writeln!(
        o,
        "Cloud per month         low {} · expected {} · high {} · budget alert at {}",
        c.format(b.low),
        c.format(b.expected),
        c.format(b.high),
        c.format(b.budget_alert)
    );
    if !q.warnings.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "PLEASE NOTE");
        for w in &q.warnings {
            let _ = writeln!(o, "- {}", w.message);
        }
    }
    for (title, lines) in q.sections() {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", title.to_uppercase());
        for l in lines {
            let _ = writeln!(
                o,
                "- {}: {} {} [{}]",
                l.label,
                formula(q, l),
                period(q, l),
                l.kind.label()
            );
            let _ = writeln!(o, "  Why: {}", l.rationale);
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "WHY {}", q.tier.label.to_uppercase());
    for r in &q.recommendation.reasons {
        let _ = writeln!(o, "- {r}");
    }
    let _ = writeln!(o, "- Cloud band: {}", b.rationale);
    if !q.scenario.notes.trim().is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "NOTES");
        let _ = writeln!(o, "{}", q.scenario.notes.trim());
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "ASSUMPTIONS");
    for a in &q.assumptions {
        let _ = writeln!(o, "- {a}");
    }
    if !q.terms.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "TERMS");
        for term in &q.terms {
            let _ = writeln!(o, "- {term}");
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "Catalog: {} {} (prices effective {}), sha256 {}",
        q.catalog.name, q.catalog.version, q.catalog.effective_date, q.catalog.sha256
    );
    o
}
