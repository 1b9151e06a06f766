//! The quote as a document: its header (number, dates, seller, customer, catalog, tier,
//! cloud), its lines and totals, the cloud band, the recommendation, the warnings,
//! assumptions and terms, and the scenario it prices (so the file reproduces itself).

use super::line::{Line, Section};
use super::totals::Totals;
use super::years::Year;
use crate::catalog::price_list::{ClusterKind, Seller};
use crate::money::{self, Currency, Overflow};
use crate::scenario::{ApprovalRecord, Customer, Scenario};
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
    /// Year 1 with the one-off work, then each year of the term.
    pub years: Vec<Year>,
    pub cloud_band: CloudBand,
    pub recommendation: Recommendation,
    pub assumptions: Vec<String>,
    pub warnings: Vec<Warning>,
    /// A discount, a negotiated price or a custom line passes the catalog's approval
    /// threshold.
    pub needs_approval: bool,
    /// `draft` when the quote needs approval and has none.
    pub status: Status,
    pub terms: Vec<String>,
    /// The scenario this quote prices, so the file reproduces itself (a customer copy's
    /// has no notes and no approval record).
    pub scenario: Scenario,
    /// Staff copies only: notes, approval record and approval reasons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<Internal>,
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

/// Something the reader must know: custom or negotiated pricing, a discount capped, a
/// provider note (and, on staff copies, what needs approval).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Warning {
    pub code: String,
    pub message: String,
}

/// Whether the quote can be sent as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Needs no approval, or has it.
    Final,
    /// Needs approval and has none: "Draft — subject to approval".
    Draft,
}

/// What only the staff see: present in a staff copy alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Internal {
    /// Always "Internal copy — not for the customer".
    pub notice: String,
    pub notes: String,
    /// Who approved the quote, when, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<ApprovalRecord>,
    /// Why the quote needs approval, each with the threshold it passes.
    pub approval_reasons: Vec<String>,
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
