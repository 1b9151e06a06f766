//! The quote: priced lines that each explain themselves, totals that are exact sums of
//! those lines, the cloud band, the recommendation and everything needed to reproduce it.

mod import;

pub use import::{import, Imported};

use crate::catalog::price_list::{ClusterKind, Seller};
use crate::money::{self, Currency, Overflow};
use crate::scenario::{Customer, Scenario};
use rust_decimal::Decimal;
use serde::Serialize;

/// The format tag of quote JSON.
pub const FORMAT: &str = "hubquote.quote/1";

/// A complete quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Quote {
    pub format: String,
    /// Deterministic: the same catalog, scenario, tier and date give the same number.
    pub number: String,
    pub date: String,
    pub valid_until: String,
    pub currency: Currency,
    pub seller: Seller,
    pub customer: Customer,
    pub prepared_by: String,
    pub catalog: CatalogRef,
    pub tier: TierSummary,
    pub cloud: CloudChoice,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub cloud_band: CloudBand,
    pub recommendation: Recommendation,
    pub assumptions: Vec<String>,
    pub warnings: Vec<Warning>,
    /// A discount exceeds the catalog's approval threshold.
    pub needs_approval: bool,
    pub terms: Vec<String>,
    /// The scenario this quote prices, so the file reproduces itself.
    pub scenario: Scenario,
}

/// Which catalog priced the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CatalogRef {
    pub name: String,
    pub version: String,
    pub sha256: String,
    pub effective_date: String,
}

/// The tier the quote is for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TierSummary {
    pub name: String,
    pub label: String,
    pub for_whom: String,
    pub annual_fee: Decimal,
    pub custom_price: bool,
    pub hub_limit: u32,
    pub included_help_hours_per_quarter: Decimal,
    pub cluster: ClusterKind,
}

/// The cloud and who pays it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CloudChoice {
    pub provider: String,
    pub provider_label: String,
    pub region: String,
    pub region_label: String,
    pub account: String,
    pub account_label: String,
    pub billing: String,
    pub billing_label: String,
    /// True: we pay the provider and invoice the cost; false: the community pays it.
    pub invoiced: bool,
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

    pub fn because(mut self, rationale: String) -> Line {
        self.rationale = rationale;
        self
    }

    pub fn is_recurring(&self) -> bool {
        self.period != Period::OneOff
    }
}

/// The totals, each an exact sum of printed lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Totals {
    /// One-off lines (project work and its discounts).
    pub one_off: Decimal,
    /// Fixed fees due each active month (the usage fee).
    pub monthly_fees: Decimal,
    /// Expected cloud cost of an active month.
    pub monthly_cloud: Decimal,
    /// `monthly_fees + monthly_cloud`: everything an active month is expected to cost.
    pub monthly_total: Decimal,
    /// Recurring fees per year (membership, usage fee, extra help, less discounts).
    pub annual_fees: Decimal,
    /// Cloud per year: usage lines × active months + all-year lines × 12.
    pub annual_cloud: Decimal,
    /// The part of `annual_cloud` the community pays its provider directly.
    pub annual_cloud_paid_to_provider: Decimal,
    /// `annual_fees + annual_cloud`.
    pub annual_total: Decimal,
    /// What we invoice in the first year: everything but cloud paid to the provider.
    pub first_year_invoice: Decimal,
    /// Everything the first year costs, cloud always included.
    pub first_year_total_cost: Decimal,
    pub term_years: u32,
    /// `one_off + term_years × annual_total`.
    pub term_total: Decimal,
}

impl Totals {
    /// Every total in one pass over the lines (each sum in line order, from 0.00).
    pub fn from_lines(lines: &[Line], term_years: u32) -> Result<Totals, Overflow> {
        let zero = Decimal::new(0, 2);
        let mut t = Totals {
            one_off: zero,
            monthly_fees: zero,
            monthly_cloud: zero,
            monthly_total: zero,
            annual_fees: zero,
            annual_cloud: zero,
            annual_cloud_paid_to_provider: zero,
            annual_total: zero,
            first_year_invoice: zero,
            first_year_total_cost: zero,
            term_years,
            term_total: zero,
        };
        for l in lines {
            let cloud = l.section == Section::Cloud;
            if !l.is_recurring() {
                t.one_off = money::add(t.one_off, l.first_year)?;
            }
            if cloud {
                t.annual_cloud = money::add(t.annual_cloud, l.first_year)?;
            } else if l.is_recurring() {
                t.annual_fees = money::add(t.annual_fees, l.first_year)?;
            }
            if l.period == Period::Monthly {
                let month = if cloud {
                    &mut t.monthly_cloud
                } else {
                    &mut t.monthly_fees
                };
                *month = money::add(*month, l.amount)?;
            }
            let payer = if l.kind == LineKind::PaidToProvider {
                &mut t.annual_cloud_paid_to_provider
            } else {
                &mut t.first_year_invoice
            };
            *payer = money::add(*payer, l.first_year)?;
            t.first_year_total_cost = money::add(t.first_year_total_cost, l.first_year)?;
        }
        t.monthly_total = money::add(t.monthly_fees, t.monthly_cloud)?;
        t.annual_total = money::add(t.annual_fees, t.annual_cloud)?;
        t.term_total = money::add(
            t.one_off,
            money::mul(Decimal::from(term_years), t.annual_total)?,
        )?;
        Ok(t)
    }
}

/// The expected month's cloud cost with its low/high band and the budget alert.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CloudBand {
    pub low: Decimal,
    pub expected: Decimal,
    pub high: Decimal,
    pub budget_alert: Decimal,
    pub rationale: String,
}

/// A choice a tier does not allow, and the tiers that would.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Conflict {
    /// The scenario field or feature at fault: `hubs`, `provider`, `hubs[1].size`, `hubs[0].features.hub:dask`.
    pub field: String,
    /// "Dask Gateway needs Advanced or above".
    pub message: String,
    pub allowed_in: Vec<String>,
}

/// One tier priced (or ruled out) for the same scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TierOption {
    pub tier: String,
    pub label: String,
    pub annual_fee: Decimal,
    pub custom_price: bool,
    pub feasible: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_year_total_cost: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_year_invoice: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_total: Option<Decimal>,
    pub conflicts: Vec<Conflict>,
}

/// Which tier the quote is for and why, with every tier side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Recommendation {
    /// What the scenario asked for: a tier name or `recommend`.
    pub requested: String,
    /// The cheapest tier that allows the scenario, if any does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended: Option<String>,
    pub reasons: Vec<String>,
    pub tiers: Vec<TierOption>,
}

/// Something the reader must know: custom pricing, approval, a provider note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Warning {
    pub code: String,
    pub message: String,
}

impl Quote {
    /// Pretty JSON with amounts as decimal strings.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The first-year amount of each section, in quote order (the cost breakdown).
    pub fn section_totals(&self) -> Result<Vec<(Section, Decimal)>, Overflow> {
        let mut parts: Vec<(Section, Decimal)> = Vec::new();
        for l in &self.lines {
            match parts.iter_mut().find(|(s, _)| *s == l.section) {
                Some((_, sum)) => *sum = money::add(*sum, l.first_year)?,
                None => parts.push((l.section, l.first_year)),
            }
        }
        Ok(parts)
    }

    /// Lines grouped by section (and hub), in quote order.
    pub fn sections(&self) -> Vec<(String, Vec<&Line>)> {
        let mut out: Vec<(String, Vec<&Line>)> = Vec::new();
        for line in &self.lines {
            let title = match &line.hub {
                Some(h) => format!("Cloud — {h}"),
                None if line.section == Section::Cloud => "Cloud — cluster".to_string(),
                None => line.section.label().to_string(),
            };
            match out.last_mut() {
                Some((t, ls)) if *t == title => ls.push(line),
                _ => out.push((title, vec![line])),
            }
        }
        out
    }
}
