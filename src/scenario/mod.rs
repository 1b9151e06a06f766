//! The scenario: what a prospect wants (tier, cloud, usage, hubs, features, discounts),
//! as data that knows no catalog. Versioned JSON; decoding (`decode`) reports every bad
//! field with its path and line:column; `bounds` holds what any scenario must respect;
//! `share` is the share-link codec. A catalog's presets are scenarios, so the catalog
//! stands above this module and owns the rules that need it: validation against a
//! catalog (`Scenario::load`, `Scenario::validate`) and where a scenario starts
//! (`Scenario::initial`, `Scenario::blank`, `Hub::new`).

pub mod bounds;
pub mod decode;
pub mod fields;
pub mod negotiated;
pub mod share;
mod wire;

pub use negotiated::{
    Approval, ApprovalRecord, Approved, CustomKind, CustomLine, CustomPeriod, Negotiated, Override,
    OverrideTarget,
};

use crate::keyed::Keyed;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashSet;

/// The first scenario format: everything but what was negotiated.
pub const FORMAT_V1: &str = "hubquote.scenario/1";
/// The format that adds negotiated prices, custom lines and the approval.
pub const FORMAT_V2: &str = "hubquote.scenario/2";
/// The format a new scenario starts with; [`Scenario::upgrade`] moves it to
/// [`FORMAT_V2`] when something is negotiated.
pub const FORMAT: &str = FORMAT_V1;
/// Every format the decoder reads.
pub const FORMATS: [&str; 2] = [FORMAT_V1, FORMAT_V2];
/// The `tier` value that asks the engine to choose.
pub const RECOMMEND: &str = "recommend";

/// Everything the engine needs to price a hub service.
// Written as JSON by `wire.rs`; the `serde` attributes describe that JSON to the schema.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Scenario {
    /// `hubquote.scenario/1`, or `/2` when something is negotiated; kept as read.
    pub format: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub customer: Customer,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub prepared_by: String,
    /// A tier name of the catalog, or `recommend`.
    pub tier: String,
    pub provider: String,
    pub region: String,
    pub account: String,
    pub billing: String,
    /// Months with users each year (1–12).
    pub active_months: u32,
    /// Years of the agreement (1–10).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default = "one"))]
    pub term_years: u32,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub help_hours_per_quarter: Decimal,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub project_hours: Decimal,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub discounts: Vec<Discount>,
    /// `overrides`, `custom_lines` and `approval` (`hubquote.scenario/2`).
    #[cfg_attr(not(target_arch = "wasm32"), serde(flatten))]
    pub negotiated: Negotiated,
    pub hubs: Vec<Hub>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub notes: String,
}

#[cfg(not(target_arch = "wasm32"))]
fn one() -> u32 {
    1
}

/// Who the quote is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Customer {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
}

/// One hub and how it is used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Hub {
    pub name: String,
    pub registered_users: u32,
    pub monthly_active_users: u32,
    /// Hours each active user spends on the hub per month.
    pub hours_per_user: Decimal,
    /// A size name of the catalog.
    pub size: String,
    /// Share (0–1) of user-hours on a GPU server.
    #[serde(default)]
    pub gpu_share: Decimal,
    /// Home directory GB per registered user.
    pub home_gb_per_user: Decimal,
    #[serde(default)]
    pub object_storage_gb: Decimal,
    /// Data downloaded from the hub per month.
    #[serde(default)]
    pub egress_gb: Decimal,
    /// Dask worker node-hours per month.
    #[serde(default)]
    pub dask_node_hours: Decimal,
    /// Feature selections by catalog item id.
    #[serde(default)]
    pub features: Keyed<FeatureValue>,
}

/// A feature selection: a select's option value, or a flag's on/off.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum FeatureValue {
    Flag(bool),
    Option(String),
}

/// A staff discount with its reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Discount {
    pub target: DiscountTarget,
    #[serde(flatten)]
    pub value: DiscountValue,
    pub reason: String,
}

/// What a discount reduces. Cloud pass-through is never discounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DiscountTarget {
    Membership,
    UsageFee,
    ExtraHelp,
    ProjectHours,
}

impl DiscountTarget {
    pub const ALL: [DiscountTarget; 4] = [
        DiscountTarget::Membership,
        DiscountTarget::UsageFee,
        DiscountTarget::ExtraHelp,
        DiscountTarget::ProjectHours,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DiscountTarget::Membership => "membership",
            DiscountTarget::UsageFee => "usage_fee",
            DiscountTarget::ExtraHelp => "extra_help",
            DiscountTarget::ProjectHours => "project_hours",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DiscountTarget::Membership => "membership",
            DiscountTarget::UsageFee => "usage fee",
            DiscountTarget::ExtraHelp => "extra help",
            DiscountTarget::ProjectHours => "project hours",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// A percentage of the target's first-year amount, or a fixed amount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum DiscountValue {
    Percent(Decimal),
    Amount(Decimal),
}

impl Scenario {
    pub fn wants_recommendation(&self) -> bool {
        self.tier == RECOMMEND
    }

    /// Total monthly active users across the membership.
    pub fn total_mau(&self) -> u64 {
        self.hubs
            .iter()
            .map(|h| u64::from(h.monthly_active_users))
            .sum()
    }

    /// The name of a hub added next: `Hub N` for the first N not taken.
    pub fn next_hub_name(&self) -> String {
        let taken: HashSet<&str> = self.hubs.iter().map(|h| h.name.as_str()).collect();
        (self.hubs.len() + 1..)
            .map(|n| format!("Hub {n}"))
            .find(|n| !taken.contains(n.as_str()))
            .unwrap_or_default()
    }

    /// Moves the scenario to [`FORMAT_V2`]: what every change that negotiates something
    /// calls, so that the file says which format it needs.
    pub fn upgrade(&mut self) {
        FORMAT_V2.clone_into(&mut self.format);
    }

    /// What was negotiated, to change: the scenario is moved to [`FORMAT_V2`] first, so
    /// whatever is added through it is in a format that holds it.
    pub fn negotiate(&mut self) -> &mut Negotiated {
        self.upgrade();
        &mut self.negotiated
    }

    /// The scenario as the customer may see it: no internal notes, and an approval
    /// reduced to the fact that it was given.
    pub fn for_customer(&self) -> Scenario {
        let mut s = self.clone();
        s.make_customer_copy();
        s
    }

    /// Makes this the customer's copy ([`Scenario::for_customer`]) in place.
    pub fn make_customer_copy(&mut self) {
        self.notes.clear();
        if let Some(a) = &mut self.negotiated.approval {
            *a = a.reduced();
        }
    }

    /// What identifies the quote of this scenario: everything but the notes and the
    /// approval, so that a customer's and a staff copy, draft or approved, share a number.
    pub fn identity(&self) -> Scenario {
        let mut s = self.clone();
        s.notes.clear();
        s.negotiated.approval = None;
        s
    }

    /// Pretty JSON, the form files and exports use.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl FeatureValue {
    /// The selection as one word, as a form's choice carries it: `opt:<value>` for a
    /// select's option, `flag:true` or `flag:false` for a flag.
    pub fn key(&self) -> String {
        match self {
            FeatureValue::Flag(b) => format!("flag:{b}"),
            FeatureValue::Option(v) => format!("opt:{v}"),
        }
    }

    /// Reads [`FeatureValue::key`] back; `None` for any other text (no selection).
    pub fn from_key(key: &str) -> Option<FeatureValue> {
        if let Some(v) = key.strip_prefix("opt:") {
            return Some(FeatureValue::Option(v.to_string()));
        }
        match key.strip_prefix("flag:")? {
            "true" => Some(FeatureValue::Flag(true)),
            "false" => Some(FeatureValue::Flag(false)),
            _ => None,
        }
    }
}

impl Hub {
    /// The feature selection for `item`, if the hub makes one.
    pub fn feature(&self, item: &str) -> Option<&FeatureValue> {
        self.features.get(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_keys_round_trip_and_refuse_anything_else() {
        for v in [
            FeatureValue::Flag(true),
            FeatureValue::Flag(false),
            FeatureValue::Option("dask".into()),
            FeatureValue::Option(String::new()),
        ] {
            assert_eq!(FeatureValue::from_key(&v.key()), Some(v));
        }
        for bad in ["", "flag:yes", "dask", "Opt:x"] {
            assert_eq!(FeatureValue::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn hub_names_skip_taken_ones() {
        let mut s = Scenario::decode(
            r#"{"format":"hubquote.scenario/1","tier":"recommend","provider":"p","region":"r",
                "account":"a","billing":"b","active_months":12,
                "hubs":[{"name":"Hub 1","registered_users":1,"monthly_active_users":1,
                         "hours_per_user":1,"size":"s","home_gb_per_user":1}]}"#,
        )
        .unwrap();
        assert_eq!(s.next_hub_name(), "Hub 2");
        s.hubs[0].name = "Hub 2".into();
        assert_eq!(s.next_hub_name(), "Hub 3");
    }
}
