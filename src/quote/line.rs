//! A quote's line: `quantity × unit_price = amount` with PRODUCT.md §4's rounding, what
//! part of the service it belongs to, how often it is due, and whether it is an estimate.

use crate::money::{self, Overflow};
use rust_decimal::Decimal;
use serde::Serialize;

/// The unit of every line priced at the hourly rate (extra help, project work).
pub const HOUR: &str = "hour";

/// Whether a line's `unit` is the hour ("hour" or "hours", in any case): what makes a
/// custom line hourly work, priced against the hourly rate and counted as hours.
pub fn is_hourly(unit: &str) -> bool {
    let unit = unit.trim();
    unit.eq_ignore_ascii_case(HOUR) || unit.eq_ignore_ascii_case("hours")
}

/// What part of the service a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Membership,
    UsageFee,
    Help,
    Project,
    /// The scenario's custom lines (a statement of work, a training package).
    Custom,
    Discount,
    Cloud,
}

impl Section {
    pub fn label(self) -> &'static str {
        match self {
            Section::Membership => "Membership",
            Section::UsageFee => "Usage fee",
            Section::Help => "Extra help",
            Section::Project => "Project work",
            Section::Custom => "Additional services",
            Section::Discount => "Discounts",
            Section::Cloud => "Cloud (pass-through at cost)",
        }
    }
}

/// How often a line's amount is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    OneOff,
    Monthly,
    Annual,
}

impl Period {
    pub fn label(self) -> &'static str {
        match self {
            Period::OneOff => "one-off",
            Period::Monthly => "per month",
            Period::Annual => "per year",
        }
    }
}

/// Whether a line is a fixed price, an estimate we invoice, or an estimate the
/// community pays to its provider directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Fixed,
    Estimate,
    PaidToProvider,
}

impl LineKind {
    pub fn label(self) -> &'static str {
        match self {
            LineKind::Fixed => "fixed",
            LineKind::Estimate => "estimate",
            LineKind::PaidToProvider => "paid to provider (estimate)",
        }
    }
}

/// One priced line: `quantity × unit_price = amount`, reproducible on a calculator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Line {
    pub id: String,
    pub section: Section,
    /// The hub the line belongs to; none for membership-wide lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    pub label: String,
    /// Rounded to 2 decimals before multiplying.
    pub quantity: Decimal,
    pub unit: String,
    pub unit_price: Decimal,
    /// round(quantity × unit_price, 2).
    pub amount: Decimal,
    pub period: Period,
    /// Months a monthly line is billed per year (active months or 12); 1 otherwise.
    pub months: u32,
    /// What the line costs in the first year: amount × months for monthly lines.
    pub first_year: Decimal,
    pub kind: LineKind,
    /// The formula with its real numbers and the assumption behind it.
    pub rationale: String,
}

impl Line {
    /// Builds a line from an unrounded quantity, applying PRODUCT.md §4's rounding.
    #[allow(clippy::too_many_arguments)]
    pub fn priced(
        id: String,
        section: Section,
        label: String,
        quantity: Decimal,
        unit: &str,
        unit_price: Decimal,
        period: Period,
        months: u32,
        kind: LineKind,
    ) -> Result<Line, Overflow> {
        let (quantity, amount) = money::line_amount(quantity, unit_price)?;
        let times = match period {
            Period::Monthly => Decimal::from(months),
            _ => Decimal::ONE,
        };
        Ok(Line {
            id,
            section,
            hub: None,
            label,
            quantity,
            unit: unit.to_string(),
            unit_price,
            amount,
            period,
            months: if period == Period::Monthly { months } else { 1 },
            first_year: money::mul(amount, times)?,
            kind,
            rationale: String::new(),
        })
    }

    pub fn with_hub(mut self, hub: &str) -> Line {
        self.hub = Some(hub.to_string());
        self
    }

    pub fn is_recurring(&self) -> bool {
        self.period != Period::OneOff
    }
}
