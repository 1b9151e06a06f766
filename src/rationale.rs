//! How numbers are written inside rationale sentences, so every line's explanation
//! reads the same way and shows exactly the numbers the computation used.
//!
//! The pieces are `Display` values rather than `String`s: a sentence is written once by
//! its `format!`, with no temporary text (or code to free it) per number.

use crate::catalog::price_list::{Price, PriceList, RateBasis};
use crate::money::{self, Amount, Currency, Overflow, Quantity};
use rust_decimal::Decimal;
use std::fmt;

/// A number as computed: `47.62`, `730`, `0.9`.
pub fn number(d: Decimal) -> Quantity {
    Quantity(d)
}

/// `$0.252/h (as of 2025-08-01, AWS EC2 on-demand pricing)`.
pub fn price_with_source<'a>(
    p: &'a PriceList,
    cur: &'a Currency,
    unit_price: Decimal,
    per: &'a str,
    price: &'a Price,
) -> PriceWithSource<'a> {
    let source = p
        .sources
        .get(&price.source)
        .map_or(price.source.as_str(), |s| short_title(&s.title));
    PriceWithSource {
        unit_price: cur.unit_price(unit_price),
        per,
        as_of: &price.as_of,
        source,
    }
}

/// See [`price_with_source`].
pub struct PriceWithSource<'a> {
    unit_price: Amount<'a>,
    per: &'a str,
    as_of: &'a str,
    source: &'a str,
}

impl fmt::Display for PriceWithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{} (as of {}, {})",
            self.unit_price, self.per, self.as_of, self.source
        )
    }
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
        cur.amount(b.engineer_annual_cost),
        number(b.billed_hours_per_year),
        cur.amount(base),
        number(b.fiscal_sponsor_pct),
        cur.amount(sponsor),
        number(b.operations_margin_pct),
        cur.amount(margin),
        cur.amount(rate)
    ))
}

/// "9 active months" / "all 12 months".
pub fn months(m: u32) -> Months {
    Months(m)
}

/// See [`months`].
pub struct Months(u32);

impl fmt::Display for Months {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            12 => f.write_str("all 12 months"),
            1 => f.write_str("1 active month"),
            m => write!(f, "{m} active months"),
        }
    }
}

/// A source title without its parenthesised detail, short enough for a sentence.
fn short_title(title: &str) -> &str {
    title.split(" (").next().unwrap_or(title).trim()
}

/// A quantity and its unit, the unit in the plural where the quantity asks for it:
/// `1 year`, `47.62 node-hours`, `12 hours`, `800 GB-month`.
pub fn quantity_of(quantity: Decimal, unit: &str) -> String {
    let unit = if quantity == Decimal::ONE {
        unit.to_string()
    } else {
        plural(unit)
    };
    format!("{} {unit}", crate::money::format_quantity(quantity))
}

fn plural(unit: &str) -> String {
    match unit {
        "GB" | "GB-month" => unit.to_string(),
        u if u.ends_with('s') => u.to_string(),
        u => format!("{u}s"),
    }
}
