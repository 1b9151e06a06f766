//! How numbers are written inside rationale sentences, so every line's explanation
//! reads the same way and shows exactly the numbers the computation used.

use crate::catalog::pricing::{Price, Pricing, RateBasis};
use crate::money::{self, format_quantity, Currency, Overflow};
use crate::pricing::QuoteError;
use rust_decimal::Decimal;

/// A number as computed: `47.62`, `730`, `0.9`.
pub fn n(d: Decimal) -> String {
    format_quantity(d)
}

/// `$0.252/h (as of 2025-08-01, AWS EC2 on-demand pricing)`.
pub fn price_with_source(
    p: &Pricing,
    cur: &Currency,
    unit_price: Decimal,
    per: &str,
    price: &Price,
) -> String {
    let source = p
        .sources
        .get(&price.source)
        .map_or(price.source.as_str(), |s| short_title(&s.title));
    format!(
        "{}{per} (as of {}, {source})",
        cur.format_unit(unit_price),
        price.as_of
    )
}

/// The derivation of the hourly rate: `$180,000 ÷ 900 h = $200.00/h; + 15% …`.
pub fn rate_basis(cur: &Currency, b: &RateBasis, rate: Decimal) -> Result<String, Overflow> {
    let hundred = Decimal::ONE_HUNDRED;
    let base = money::round2(money::div(b.engineer_annual_cost, b.billed_hours_per_year)?);
    let sponsor = money::round2(money::mul(
        base,
        money::add(Decimal::ONE, money::div(b.fiscal_sponsor_pct, hundred)?)?,
    )?);
    let margin = money::round2(money::mul(
        sponsor,
        money::add(Decimal::ONE, money::div(b.operations_margin_pct, hundred)?)?,
    )?);
    Ok(format!(
        "The rate: a fully loaded engineer at {} a year ÷ {} billed hours = {}/h; + {}% fiscal sponsor fee = {}/h; + {}% operations margin = {}/h, set at {}/h.",
        cur.format(b.engineer_annual_cost),
        n(b.billed_hours_per_year),
        cur.format(base),
        n(b.fiscal_sponsor_pct),
        cur.format(sponsor),
        n(b.operations_margin_pct),
        cur.format(margin),
        cur.format(rate)
    ))
}

/// Writes a rationale only when asked: tier comparisons and the low/high band need the
/// amounts alone, and skipping the sentences is most of their speed.
pub fn when(
    explain: bool,
    write: impl FnOnce() -> Result<String, QuoteError>,
) -> Result<String, QuoteError> {
    if explain {
        write()
    } else {
        Ok(String::new())
    }
}

/// "9 active months" / "all 12 months".
pub fn months(m: u32) -> String {
    if m == 12 {
        "all 12 months".into()
    } else if m == 1 {
        "1 active month".into()
    } else {
        format!("{m} active months")
    }
}

/// A source title without its parenthesised detail, short enough for a sentence.
fn short_title(title: &str) -> &str {
    title.split(" (").next().unwrap_or(title).trim()
}
