//! What `hubquote.scenario/2` adds to a scenario: prices negotiated with the customer
//! (`overrides`), lines of our own (`custom_lines`: a statement of work, a training
//! package) and the approval of a quote that needs one. Decoding (`decode.rs`) and the
//! bounds every such field must respect (`bounds.rs`) are beside the model; the rules that
//! need a catalog (a tier that exists) are the catalog's.

pub mod bounds;
pub mod decode;

use rust_decimal::Decimal;
use serde::Serialize;

/// The terms negotiated for this quote: prices, lines of our own, and the approval.
/// Each member is left out of the JSON when empty, so a `/1` scenario writes as before.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Negotiated {
    /// Negotiated prices (`hubquote.scenario/2`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
    /// Lines the catalog does not price (`hubquote.scenario/2`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_lines: Vec<CustomLine>,
    /// Who approved the quote (`hubquote.scenario/2`); a quote that needs approval and
    /// has none is a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
}

impl Negotiated {
    /// Nothing negotiated: the scenario needs no more than `/1`.
    pub fn is_empty(&self) -> bool {
        self.overrides.is_empty() && self.custom_lines.is_empty() && self.approval.is_none()
    }
}

/// A negotiated price for a priced line of the catalog, with its reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Override {
    pub target: OverrideTarget,
    /// The tier whose membership fee is negotiated (membership only: the hourly rate
    /// applies in every tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// The negotiated price: a year's membership fee, or the price of an hour.
    pub price: Decimal,
    pub reason: String,
}

/// Which catalog price an override replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OverrideTarget {
    /// A tier's annual membership fee.
    Membership,
    /// The hourly rate of extra help and project work, in every tier.
    HourlyRate,
}

impl OverrideTarget {
    pub const ALL: [OverrideTarget; 2] = [OverrideTarget::Membership, OverrideTarget::HourlyRate];

    pub fn key(self) -> &'static str {
        match self {
            OverrideTarget::Membership => "membership",
            OverrideTarget::HourlyRate => "hourly_rate",
        }
    }

    /// In a sentence: "the membership fee", "the hourly rate".
    pub fn label(self) -> &'static str {
        match self {
            OverrideTarget::Membership => "membership fee",
            OverrideTarget::HourlyRate => "hourly rate",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// A line the catalog does not price: `Data pipeline SOW: 60 h × $250`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CustomLine {
    pub label: String,
    pub quantity: Decimal,
    /// `hour`, `workshop`, `month`: the catalog's hourly unit (`hour`, `hours`) makes the
    /// line an hourly one, checked against the hourly rate for approval.
    pub unit: String,
    pub unit_price: Decimal,
    pub period: CustomPeriod,
    pub kind: CustomKind,
    pub reason: String,
}

/// How often a custom line is due. A monthly one is billed all 12 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomPeriod {
    OneOff,
    Monthly,
    Annual,
}

impl CustomPeriod {
    pub const ALL: [CustomPeriod; 3] = [
        CustomPeriod::OneOff,
        CustomPeriod::Monthly,
        CustomPeriod::Annual,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CustomPeriod::OneOff => "one_off",
            CustomPeriod::Monthly => "monthly",
            CustomPeriod::Annual => "annual",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Whether a custom line's price is fixed or an estimate (ours to invoice either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomKind {
    Fixed,
    Estimate,
}

impl CustomKind {
    pub const ALL: [CustomKind; 2] = [CustomKind::Fixed, CustomKind::Estimate];

    pub fn key(self) -> &'static str {
        match self {
            CustomKind::Fixed => "fixed",
            CustomKind::Estimate => "estimate",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The approval of a quote that needs one: who and when (staff), or only that it was
/// given (what a customer's copy carries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Approval {
    Record(ApprovalRecord),
    Given(Approved),
}

/// Who approved the quote, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ApprovalRecord {
    pub by: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// `{ "approved": true }`: an approval without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Approved {
    /// Always true.
    pub approved: bool,
}

impl Approval {
    /// What a customer's copy carries: that the quote is approved, not by whom.
    pub fn reduced(&self) -> Approval {
        Approval::Given(Approved { approved: true })
    }

    /// The record, where this is the staff's copy of the approval.
    pub fn record(&self) -> Option<&ApprovalRecord> {
        match self {
            Approval::Record(r) => Some(r),
            Approval::Given(_) => None,
        }
    }
}
