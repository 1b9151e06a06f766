//! The names every face gives the quote's totals: the text, Markdown and PDF exports and
//! the web app take them from here. Where faces word a total alike, it has one entry;
//! where a face words it its own way (the text's capital headline, a table's terse cell,
//! the web's stacked figures), that wording is here too, under its own name.

use super::document::Quote;

/// Everything the first year costs, cloud always included.
pub const FIRST_YEAR_TOTAL_COST: &str = "First-year total cost";
/// [`FIRST_YEAR_TOTAL_COST`] as the plain-text quote's headline.
pub const FIRST_YEAR_TOTAL_COST_HEADLINE: &str = "FIRST YEAR TOTAL COST";
/// [`FIRST_YEAR_TOTAL_COST`] as the caption of the web app's big figure.
pub const FIRST_YEAR_TOTAL_COST_CAPTION: &str = "First year, total cost";
/// What we invoice in the first year.
pub const FIRST_YEAR_INVOICE: &str = "First-year invoice";
/// One-off lines (project work and its discounts).
pub const ONE_OFF: &str = "One-off";

/// The face of a staff copy: its first line, the header of every PDF page, a JSON field.
pub const INTERNAL_COPY: &str = "Internal copy — not for the customer";
/// The mark of a quote that needs approval and has none, on every document.
pub const DRAFT: &str = "Draft — subject to approval";
/// The status of a quote that needs no approval, or has it (the book of business's rows).
pub const FINAL: &str = "Final";

/// The average month of everything: the first-year total ÷ 12, so nobody reads the
/// monthly fees as the whole monthly cost.
pub const AVERAGE_MONTH: &str = "Average month, everything included (first-year total ÷ 12)";
/// The fixed fees of an active month.
pub const FEES_PER_ACTIVE_MONTH: &str = "Fees per active month";
/// The expected cloud cost of an active month.
pub const CLOUD_PER_ACTIVE_MONTH: &str = "Cloud per active month (estimate)";

/// Everything recurring in a year, fees and cloud.
pub const PER_YEAR: &str = "Per year";
/// [`PER_YEAR`] as one of the web app's figures.
pub const PER_YEAR_RECURRING: &str = "Per year, recurring";
/// The recurring fees of a year.
pub const FEES_PER_YEAR: &str = "Fees per year";
/// The cloud of a year.
pub const CLOUD_PER_YEAR: &str = "Cloud per year (estimate)";

/// A year of the term, as the year-by-year table heads its rows: `Year 2`.
pub const YEAR: &str = "Year";
/// What we invoice, as the year-by-year table heads its column.
pub const INVOICE: &str = "Invoice";
/// The year-by-year table's title.
pub const YEAR_BY_YEAR: &str = "Year by year";

/// The cloud the community pays its provider directly, a year.
pub const PAID_TO_PROVIDER: &str = "Paid to the provider";
/// [`PAID_TO_PROVIDER`] under a total that includes it (the PDF's totals).
pub const PAID_TO_PROVIDER_OF_WHICH: &str =
    "of which paid to the provider directly (estimate, not invoiced)";

/// The monthly cloud band, as the text and Markdown introduce it.
pub const CLOUD_PER_MONTH: &str = "Cloud per month";
/// The monthly cloud band, as the PDF's heading.
pub const CLOUD_COST_PER_ACTIVE_MONTH: &str = "Cloud cost per active month";
/// The band's four figures, in order: `low`, `expected`, `high`, `budget alert at`
/// (the PDF writes them in capitals).
pub const BAND: [&str; 4] = ["low", "expected", "high", "budget alert at"];
/// The band's figures in a sentence: `low $44.02 · expected $50.11 · high $62.29 ·
/// budget alert at $70.00`.
pub fn band_figures(q: &Quote) -> String {
    let c = &q.currency;
    let b = &q.cloud_band;
    let [low, expected, high, alert] = BAND;
    format!(
        "{low} {} · {expected} {} · {high} {} · {alert} {}",
        c.format(b.low),
        c.format(b.expected),
        c.format(b.high),
        c.format(b.budget_alert)
    )
}

/// Who pays the cloud bill, as the PDF's summary line.
pub const CLOUD_BILL: &str = "Cloud bill";

/// The whole term: `Whole term (1 year)`, `Whole term (3 years)`.
pub fn whole_term(years: u32) -> String {
    let s = if years == 1 { "" } else { "s" };
    format!("Whole term ({years} year{s})")
}

/// [`whole_term`] in the text quote's column: `Whole term (3 yr)`.
pub fn whole_term_yr(years: u32) -> String {
    format!("Whole term ({years} yr)")
}

/// [`whole_term`] as the Markdown table writes it, `years` even for one.
pub fn whole_term_years(years: u32) -> String {
    format!("Whole term ({years} years)")
}

/// [`whole_term`] with its formula, as the PDF's totals write it.
pub fn whole_term_formula(years: u32) -> String {
    format!("Whole term: one-off + {years} × per-year total")
}

/// [`FIRST_YEAR_INVOICE`] with who sends it, as the PDF's summary writes it.
pub fn first_year_invoice_from(q: &Quote) -> String {
    format!("{FIRST_YEAR_INVOICE} from {}", q.seller.name)
}

/// Who invoices what, under the web app's invoice figure.
pub fn invoice_note(q: &Quote) -> String {
    if q.cloud.invoiced {
        format!("Invoiced by {}, cloud included", q.seller.name)
    } else {
        format!(
            "Invoiced by {}; the cloud is paid to {} directly",
            q.seller.name, q.cloud.provider_label
        )
    }
}

/// Who pays the cloud bill and how, beside [`CLOUD_BILL`] in the PDF's summary.
pub fn cloud_bill(q: &Quote) -> String {
    if q.cloud.invoiced {
        format!(
            "{} pays the provider and invoices it at cost",
            q.seller.name
        )
    } else {
        format!(
            "You pay {} directly: about {} a year, not invoiced",
            q.cloud.provider_label,
            q.currency.format(q.totals.annual_cloud_paid_to_provider)
        )
    }
}

/// The tier as the totals name it: `Advanced membership`.
pub fn membership(q: &Quote) -> String {
    format!("{} membership", q.tier.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_term_agrees_with_its_number() {
        assert_eq!(whole_term(1), "Whole term (1 year)");
        assert_eq!(whole_term(3), "Whole term (3 years)");
        assert_eq!(whole_term_yr(3), "Whole term (3 yr)");
    }
}
