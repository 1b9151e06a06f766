//! The catalog's price list (its `pricing` section): tiers and their fees, the usage fee,
//! the hourly rate, server sizes, cloud prices per provider and region, the links between
//! scenario choices and items, and the modelling assumptions — everything the engine
//! (`crate::pricing`) prices with, as data. Decoding and its checks are beside it.

pub(super) mod decode;
pub(super) mod validate;

use crate::keyed::Keyed;
use crate::money::Currency;
use crate::scenario::RECOMMEND;
use rust_decimal::Decimal;
use serde::Serialize;

/// Prices and rules of a priced catalog (see `docs/catalog-format.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PriceList {
    pub currency: Currency,
    /// `YYYY-MM-DD`: when these prices took effect.
    pub effective_date: String,
    pub seller: Seller,
    pub sources: Keyed<Citation>,
    /// Membership tiers, in display order.
    pub tiers: Keyed<Tier>,
    /// Tiers an earlier catalog had and this one no longer sells, each with the tier of
    /// this catalog that replaces it (what `hubquote impact` prices a member on).
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub retired_tiers: Keyed<RetiredTier>,
    pub accounts: Keyed<Account>,
    pub billing: Keyed<Billing>,
    pub usage_fee: UsageFee,
    pub hourly_rate: HourlyRate,
    pub sizes: Keyed<Size>,
    pub providers: Keyed<Provider>,
    pub links: Links,
    pub assumptions: Assumptions,
    pub quote_validity_days: u32,
    pub terms: Vec<String>,
}

/// Who issues the quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Seller {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// The web app's public address, the base of the share links `hubquote link` prints.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub app_url: String,
}

/// A citation for a price or rule.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Citation {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub retrieved: String,
}

/// Shared or dedicated Kubernetes cluster.
// `Default` only serves decoding, which always sets the catalog's own choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ClusterKind {
    /// The core is split between `communities_per_shared_cluster` communities.
    #[default]
    Shared,
    /// The community pays its whole cluster core.
    Dedicated,
}

/// A membership tier.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Tier {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub for_whom: String,
    pub annual_fee: Decimal,
    /// The fee is a "from" price that sales reviews.
    #[serde(default)]
    pub custom_price: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub price_note: String,
    pub hub_limit: u32,
    pub included_help_hours_per_quarter: Decimal,
    pub cluster: ClusterKind,
    pub providers: Vec<String>,
    pub accounts: Vec<String>,
    pub billing: Vec<String>,
    pub sizes: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// A tier this catalog no longer sells: the tier of this catalog that replaces it.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RetiredTier {
    /// A tier of this catalog.
    pub successor: String,
    /// Why, in a few words: "renamed", "no longer offered".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A cloud-account arrangement.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Account {
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
}

/// Who pays the cloud provider.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Billing {
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// True: we pay and invoice the cloud cost; false: the community pays the provider.
    pub invoiced: bool,
}

/// The graduated monthly fee on monthly active users.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct UsageFee {
    pub basis: String,
    pub bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// Users `from`..=`to` (open-ended when `to` is absent) pay `price` each per month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Band {
    pub from: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<u32>,
    pub price: Decimal,
}

/// The hourly rate for extra help and project work, with its derivation.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct HourlyRate {
    pub price: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<RateBasis>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// cost ÷ billed hours × (1 + sponsor %) × (1 + margin %).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RateBasis {
    pub engineer_annual_cost: Decimal,
    pub billed_hours_per_year: Decimal,
    pub fiscal_sponsor_pct: Decimal,
    pub operations_margin_pct: Decimal,
}

/// A server size users pick.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Size {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub mem_gb: Decimal,
    pub cpu: Decimal,
    /// Provider key → node type key the size is packed onto.
    pub nodes: Keyed<String>,
}

/// A cloud provider.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Provider {
    pub label: String,
    /// Printed in the rationale of this provider's lines (e.g. an allocation covers it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub regions: Keyed<Region>,
}

/// A price with its date and source.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Price {
    pub price: Decimal,
    pub as_of: String,
    pub source: String,
}

/// A region's prices.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Region {
    pub label: String,
    pub nodes: Keyed<NodeType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<GpuSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dask_worker_node: Option<String>,
    pub cluster: Vec<Component>,
    pub home_storage: Storage,
    pub object_storage: Storage,
    pub egress: Storage,
}

/// A node type and its hourly price.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct NodeType {
    pub vcpu: Decimal,
    pub mem_gb: Decimal,
    #[serde(default)]
    pub gpus: u32,
    #[serde(flatten)]
    pub price: Price,
}

/// How GPU user-hours are served.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GpuSpec {
    pub node: String,
    pub users_per_gpu: u32,
}

/// One always-on part of the cluster core, priced per hour.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Component {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub price: Price,
}

/// Storage ($/GB-month) or egress ($/GB).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Storage {
    pub label: String,
    #[serde(flatten)]
    pub price: Price,
    #[serde(default)]
    pub min_billable_gb: Decimal,
}

/// Ties scenario choices to catalog items.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Links {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_item: Option<String>,
    /// The selection that Dask worker hours imply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dask: Option<Link>,
    /// The selection that a GPU share implies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<Link>,
}

/// A scenario-wide choice that a catalog item mirrors: the item's value is the
/// scenario's choice, never a hub's own selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mirrored {
    Provider,
    Account,
    Billing,
}

impl Links {
    /// The items that mirror the scenario's cloud choices, each with the choice it mirrors.
    pub fn mirrored(&self) -> impl Iterator<Item = (&str, Mirrored)> {
        [
            (&self.provider_item, Mirrored::Provider),
            (&self.account_item, Mirrored::Account),
            (&self.billing_item, Mirrored::Billing),
        ]
        .into_iter()
        .filter_map(|(item, m)| item.as_deref().map(|i| (i, m)))
    }
}

/// An item and the option value that a usage implies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Link {
    pub item: String,
    pub value: String,
}

/// The modelling assumptions, with PRODUCT.md's defaults.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Assumptions {
    pub allocatable_fraction: Decimal,
    pub packing_efficiency: Decimal,
    pub communities_per_shared_cluster: u32,
    pub hours_per_month: Decimal,
    pub low_factor: Decimal,
    pub high_factor: Decimal,
    pub budget_alert_factor: Decimal,
    pub budget_alert_round_to: Decimal,
    pub cloud_markup_pct: Decimal,
    pub discount_approval_pct: Decimal,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            allocatable_fraction: Decimal::new(90, 2),
            packing_efficiency: Decimal::new(75, 2),
            communities_per_shared_cluster: 10,
            hours_per_month: Decimal::from(730),
            low_factor: Decimal::new(5, 1),
            high_factor: Decimal::new(20, 1),
            budget_alert_factor: Decimal::new(120, 2),
            budget_alert_round_to: Decimal::from(10),
            cloud_markup_pct: Decimal::ZERO,
            discount_approval_pct: Decimal::from(20),
        }
    }
}

impl PriceList {
    pub fn tier(&self, name: &str) -> Option<&Tier> {
        self.tiers.get(name)
    }

    /// The tier of this catalog that a scenario naming `name` (a tier of this catalog or
    /// of an earlier one) is priced on: `name` itself, or the successor of a retired tier;
    /// `recommend` stays `recommend`. `None`: this catalog neither has nor replaces it.
    pub fn tier_for<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        if name == RECOMMEND || self.tiers.contains(name) {
            return Some(name);
        }
        self.retired_tiers.get(name).map(|r| r.successor.as_str())
    }

    /// True when we pay the provider and invoice the cloud cost under the billing choice
    /// `billing` (an unknown choice, which validation refuses, counts as invoiced).
    pub fn invoices(&self, billing: &str) -> bool {
        self.billing.get(billing).is_none_or(|b| b.invoiced)
    }

    pub fn tier_label<'a>(&'a self, name: &'a str) -> &'a str {
        match self.tiers.get(name) {
            Some(t) if !t.label.is_empty() => &t.label,
            _ => name,
        }
    }

    pub fn size_label<'a>(&'a self, name: &'a str) -> &'a str {
        match self.sizes.get(name) {
            Some(s) if !s.label.is_empty() => &s.label,
            _ => name,
        }
    }

    pub fn region(&self, provider: &str, region: &str) -> Option<&Region> {
        self.providers.get(provider)?.regions.get(region)
    }
}
