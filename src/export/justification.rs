//! The budget justification a PI pastes into a grant proposal: one plain paragraph per
//! cost category the quote has (what is bought, the amount per year, the basis: the
//! membership fee, the usage-fee bands applied to their users, the hourly rate and its
//! basis, the custom lines with their reasons, the discounts, cloud at cost with the
//! budget alert), the assumptions, then the total of each year (and, on a staff copy,
//! what is internal). Every basis is what the quote already says of its lines (their
//! rationale or formula): the text invents nothing.

use super::copy::{internal_items, marks, INTERNAL_HEADING};
use super::line_text::formula;
use super::visible::visible_doc;
use crate::money;
use crate::quote::years::{Category, CATEGORIES};
use crate::quote::{labels, Quote, Section, Year};
use rust_decimal::Decimal;

/// The justification of `q`, paragraphs separated by blank lines, every hidden character
/// of its names shown ([`visible_doc`]).
pub fn justification(q: &Quote) -> String {
    let mut paragraphs: Vec<String> = marks(q).iter().map(|m| m.to_string()).collect();
    paragraphs.push(intro(q));
    for c in &CATEGORIES {
        if let Some(p) = category(q, c) {
            paragraphs.push(p);
        }
    }
    paragraphs.push(format!("Assumptions: {}", q.assumptions.join(" ")));
    paragraphs.push(totals(q));
    let internal = internal_items(q);
    if !internal.is_empty() {
        paragraphs.push(format!("{INTERNAL_HEADING}:\n- {}", internal.join("\n- ")));
    }
    visible_doc(paragraphs.join("\n\n") + "\n")
}

fn intro(q: &Quote) -> String {
    let years = q.totals.term_years;
    let hubs = q.scenario.hubs.len();
    let customer = if q.customer.name.trim().is_empty() {
        String::new()
    } else {
        format!(" for {}", q.customer.name.trim())
    };
    format!(
        "Budget justification{customer}: managed JupyterHub service from {} ({}, {hubs} hub{}, {years}-year term, {} {}), as priced in quote {} of {}.",
        q.seller.name,
        labels::membership(q),
        if hubs == 1 { "" } else { "s" },
        q.cloud.provider_label,
        q.cloud.region_label,
        q.number,
        q.date
    )
}

/// A category's paragraph: its heading, its amount per year, and its basis (none when
/// the quote has nothing in it).
fn category(q: &Quote, c: &Category) -> Option<String> {
    let lines: Vec<_> = q
        .lines
        .iter()
        .filter(|l| c.sections.contains(&l.section))
        .collect();
    if lines.is_empty() || q.years.iter().all(|y| (c.value)(y).is_zero()) {
        return None;
    }
    let basis = match c.sections {
        [Section::Cloud] => cloud_basis(q),
        [Section::UsageFee] => usage_basis(q, &lines),
        _ => {
            let why: Vec<&str> = lines.iter().map(|l| l.rationale.as_str()).collect();
            why.join(" ")
        }
    };
    Some(format!("{}: {}. {basis}", c.heading, per_year(q, c.value)))
}

/// What a category costs: `$5,000.00 a year for 3 years ($15,000.00 in all)`, or year by
/// year when the years differ.
fn per_year(q: &Quote, value: fn(&Year) -> Decimal) -> String {
    let cur = &q.currency;
    let amounts: Vec<Decimal> = q.years.iter().map(value).collect();
    let all = money::sum(amounts.iter().copied()).ok();
    let in_all = |text: String| match all {
        Some(a) if amounts.len() > 1 => format!("{text} ({} in all)", cur.amount(a)),
        _ => text,
    };
    match amounts.as_slice() {
        [] => cur.format(Decimal::new(0, 2)),
        [one] => format!("{} in the year", cur.amount(*one)),
        [first, rest @ ..] if rest.iter().all(|a| a == first) => in_all(format!(
            "{} a year for {} years",
            cur.amount(*first),
            amounts.len()
        )),
        [first, rest @ ..] if rest.iter().all(Decimal::is_zero) => {
            format!("{} in Year 1 only (one-off)", cur.amount(*first))
        }
        [first, rest @ ..] => {
            let later = rest.first().copied().unwrap_or_default();
            in_all(format!(
                "{} in Year 1 (with the one-off work), then {} a year in years 2–{}",
                cur.amount(*first),
                cur.amount(later),
                amounts.len()
            ))
        }
    }
}

/// The usage fee: the bands applied to the membership's monthly active users, once.
fn usage_basis(q: &Quote, lines: &[&crate::quote::Line]) -> String {
    let bands: Vec<String> = lines
        .iter()
        .map(|l| format!("{}: {}", l.label, formula(q, l)))
        .collect();
    let months = lines.first().map_or(12, |l| l.months);
    format!(
        "A monthly fee on the {} monthly active users summed across all hubs, in graduated bands: {}; a month, billed in {months} month{} a year.",
        crate::rationale::number(Decimal::from(q.scenario.total_mau())),
        bands.join("; "),
        if months == 1 { "" } else { "s" }
    )
}

/// Cloud at cost: who pays it, the month's band and the budget alert.
fn cloud_basis(q: &Quote) -> String {
    let c = &q.currency;
    let b = &q.cloud_band;
    let who = if q.cloud.invoiced {
        format!(
            "{} pays {} and invoices it at cost",
            q.seller.name, q.cloud.provider_label
        )
    } else {
        format!(
            "The community pays {} directly; it is not invoiced by {}",
            q.cloud.provider_label, q.seller.name
        )
    };
    format!(
        "Cloud computing, an estimate: {who}. An active month is expected to cost {} (between {} and {}), and a budget alert is set at {} a month. {}",
        c.amount(b.expected),
        c.amount(b.low),
        c.amount(b.high),
        c.amount(b.budget_alert),
        b.rationale
    )
}

/// Each year's total and the whole term's.
fn totals(q: &Quote) -> String {
    let c = &q.currency;
    let years: Vec<String> = q
        .years
        .iter()
        .map(|y| format!("{} {} {}", labels::YEAR, y.year, c.amount(y.total)))
        .collect();
    format!(
        "Total: {}; {}: {}.",
        years.join("; "),
        labels::whole_term(q.totals.term_years),
        c.amount(q.totals.term_total)
    )
}
