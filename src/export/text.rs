//! The quote as plain text a salesperson pastes into an email: its marks (internal copy,
//! draft), a header, the totals in an aligned column, the year-by-year table of a longer
//! term, then the lines with their rationale, why the tier, what is internal (staff
//! copies only), assumptions and terms.

use super::copy::{internal_items, marks, INTERNAL_HEADING};
use super::line_text::{formula, period};
use super::visible::{visible, visible_doc};
use super::years_table;
use crate::quote::labels;
use crate::quote::Quote;
use std::fmt::Write;

/// The quote as text, every hidden character of its names shown ([`visible_doc`]).
pub fn to_text(q: &Quote) -> String {
    let mut o = String::new();
    for m in marks(q) {
        let _ = writeln!(o, "{m}");
    }
    header(&mut o, q);
    totals(&mut o, q);
    years(&mut o, q);
    list(&mut o, "PLEASE NOTE", q.warnings.iter().map(|w| &w.message));
    lines(&mut o, q);
    let _ = writeln!(o);
    let _ = writeln!(o, "WHY {}", q.tier.label.to_uppercase());
    for r in &q.recommendation.reasons {
        let _ = writeln!(o, "- {r}");
    }
    let _ = writeln!(o, "- Cloud band: {}", q.cloud_band.rationale);
    let internal = internal_items(q);
    list(&mut o, &INTERNAL_HEADING.to_uppercase(), internal.iter());
    let _ = writeln!(o);
    let _ = writeln!(o, "ASSUMPTIONS");
    for a in &q.assumptions {
        let _ = writeln!(o, "- {a}");
    }
    list(&mut o, "TERMS", q.terms.iter());
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "Catalog: {} {} (prices effective {}), sha256 {}",
        q.catalog.name, q.catalog.version, q.catalog.effective_date, q.catalog.sha256
    );
    visible_doc(o)
}

/// Who, when, for whom, and the choices the quote prices.
fn header(o: &mut String, q: &Quote) {
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
        "{} · {} {} · {} · {}",
        labels::membership(q),
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
        q.totals.term_years
    );
}

/// The totals, each label in a column as wide as the longest label, then the cloud band.
fn totals(o: &mut String, q: &Quote) {
    let c = &q.currency;
    let t = &q.totals;
    let mut rows = vec![
        (
            labels::FIRST_YEAR_TOTAL_COST_HEADLINE.to_string(),
            c.format(t.first_year_total_cost),
        ),
        (
            labels::FIRST_YEAR_INVOICE.into(),
            c.format(t.first_year_invoice),
        ),
    ];
    if !t.annual_cloud_paid_to_provider.is_zero() {
        let paid = c.format(t.annual_cloud_paid_to_provider);
        rows.push((
            labels::PAID_TO_PROVIDER.into(),
            format!("{paid} a year (estimate)"),
        ));
    }
    rows.push((labels::AVERAGE_MONTH.into(), c.format(t.average_month)));
    rows.push((
        labels::FEES_PER_ACTIVE_MONTH.into(),
        c.format(t.monthly_fees),
    ));
    rows.push((
        labels::CLOUD_PER_ACTIVE_MONTH.into(),
        c.format(t.monthly_cloud),
    ));
    let (fees, cloud) = (c.format(t.annual_fees), c.format(t.annual_cloud));
    let year = c.format(t.annual_total);
    rows.push((
        labels::PER_YEAR.into(),
        format!("{year} ({fees} fees + {cloud} cloud)"),
    ));
    rows.push((labels::ONE_OFF.into(), c.format(t.one_off)));
    rows.push((labels::whole_term_yr(t.term_years), c.format(t.term_total)));
    let _ = writeln!(o);
    aligned(o, &rows);
    let _ = writeln!(
        o,
        "{}: {}",
        labels::CLOUD_PER_MONTH,
        labels::band_figures(q)
    );
}

/// Rows of two cells, the first padded to the widest first cell and two spaces.
fn aligned(o: &mut String, rows: &[(String, String)]) {
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for (label, value) in rows {
        let _ = writeln!(o, "{label:<width$}{value}");
    }
}

/// The year-by-year table of a term of two years or more, every column aligned.
fn years(o: &mut String, q: &Quote) {
    let Some((headings, rows)) = years_table::table(q) else {
        return;
    };
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", labels::YEAR_BY_YEAR.to_uppercase());
    grid(o, &headings, &rows);
}

/// A table as text: the first column left-aligned, the others right-aligned, each as
/// wide as its widest cell (shown as [`visible`] shows it), two spaces apart.
pub(super) fn grid(o: &mut String, headings: &[String], rows: &[Vec<String>]) {
    let shown = |row: &[String]| row.iter().map(|c| visible(c).into_owned()).collect();
    let headings: Vec<String> = shown(headings);
    let rows: Vec<Vec<String>> = rows.iter().map(|r| shown(r)).collect();
    let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&headings).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, w))| {
                if i == 0 {
                    format!("{cell:<w$}")
                } else {
                    format!("{cell:>w$}")
                }
            })
            .collect();
        let _ = writeln!(o, "{}", cells.join("  ").trim_end());
    }
}

/// Every section's lines, each with its formula, period, kind and rationale.
fn lines(o: &mut String, q: &Quote) {
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
}

/// A titled list of items, or nothing when there are none.
fn list<'a>(o: &mut String, title: &str, items: impl ExactSizeIterator<Item = &'a String>) {
    if items.len() == 0 {
        return;
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{title}");
    for item in items {
        let _ = writeln!(o, "- {item}");
    }
}
