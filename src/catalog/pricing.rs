//! The catalog's `pricing` section: everything the engine needs, as data.

use super::Keyed;
use crate::money::Currency;
use crate::source::{Decoder, Node};
use rust_decimal::Decimal;
use serde::Serialize;

/// Prices and rules of a priced catalog (see `docs/catalog-format.md`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Pricing {
    pub currency: Currency,
    /// `YYYY-MM-DD`: when these prices took effect.
    pub effective_date: String,
    pub seller: Seller,
    pub sources: Keyed<Source>,
    /// Membership tiers, in display order.
    pub tiers: Keyed<Tier>,
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
}

/// A citation for a price or rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub retrieved: String,
}

/// Shared or dedicated Kubernetes cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ClusterKind {
    /// The core is split between `communities_per_shared_cluster` communities.
    Shared,
    /// The community pays its whole cluster core.
    Dedicated,
}

/// A membership tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// A cloud-account arrangement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Account {
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
}

/// Who pays the cloud provider.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Billing {
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// True: we pay and invoice the cloud cost; false: the community pays the provider.
    pub invoiced: bool,
}

/// The graduated monthly fee on monthly active users.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Provider {
    pub label: String,
    /// Printed in the rationale of this provider's lines (e.g. an allocation covers it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub regions: Keyed<Region>,
}

/// A price with its date and source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Price {
    pub price: Decimal,
    pub as_of: String,
    pub source: String,
}

/// A region's prices.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Component {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub price: Price,
}

/// Storage ($/GB-month) or egress ($/GB).
#[derive(Debug, Clone, PartialEq, Serialize)]
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

impl Pricing {
    pub fn tier(&self, name: &str) -> Option<&Tier> {
        self.tiers.get(name)
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

// ---------------------------------------------------------------- decoding

const PRICING_KEYS: &[&str] = &[
    "currency",
    "effective_date",
    "seller",
    "sources",
    "tiers",
    "accounts",
    "billing",
    "usage_fee",
    "hourly_rate",
    "sizes",
    "providers",
    "links",
    "assumptions",
    "quote_validity_days",
    "terms",
];

/// Decodes the pricing section, recording every type error.
pub fn decode(d: &mut Decoder, n: &Node) -> Option<Pricing> {
    d.object(n)?;
    d.check_keys(n, PRICING_KEYS, false);
    let currency = d.required(n, "currency").and_then(|c| {
        d.object(c)?;
        d.check_keys(c, &["code", "symbol"], false);
        let code = d.req_string(c, "code");
        let symbol = d.req_string(c, "symbol");
        Some(Currency {
            code: code?,
            symbol: symbol?,
        })
    });
    let effective_date = d
        .required(n, "effective_date")
        .and_then(|x| d.date(x).map(|_| d_string(x)));
    let seller = d.required(n, "seller").and_then(|s| {
        d.object(s)?;
        d.check_keys(s, &["name", "contact", "website", "address"], false);
        let name = d.req_string(s, "name");
        let contact = d.opt_string(s, "contact").ok()?;
        let website = d.opt_string(s, "website").ok()?;
        let address = d.opt_string(s, "address").ok()?;
        Some(Seller {
            name: name?,
            contact: contact.unwrap_or_default(),
            website: website.unwrap_or_default(),
            address: address.unwrap_or_default(),
        })
    });
    let sources = keyed(d, n, "sources", decode_source);
    let tiers = keyed(d, n, "tiers", decode_tier);
    let accounts = keyed(d, n, "accounts", |d, a| {
        d.check_keys(a, &["label", "help"], false);
        let label = d.req_string(a, "label");
        let help = d.opt_string(a, "help").ok()?;
        Some(Account {
            label: label?,
            help: help.unwrap_or_default(),
        })
    });
    let billing = keyed(d, n, "billing", |d, b| {
        d.check_keys(b, &["label", "help", "invoiced"], false);
        let label = d.req_string(b, "label");
        let help = d.opt_string(b, "help").ok()?;
        let invoiced = d.required(b, "invoiced").and_then(|i| d.boolean(i));
        Some(Billing {
            label: label?,
            help: help.unwrap_or_default(),
            invoiced: invoiced?,
        })
    });
    let usage_fee = d
        .required(n, "usage_fee")
        .and_then(|u| decode_usage_fee(d, u));
    let hourly_rate = d.required(n, "hourly_rate").and_then(|h| decode_rate(d, h));
    let sizes = keyed(d, n, "sizes", decode_size);
    let providers = keyed(d, n, "providers", decode_provider);
    let links = match n.get("links") {
        Some(l) => decode_links(d, l),
        None => Some(Links::default()),
    };
    let assumptions = match n.get("assumptions") {
        Some(a) => decode_assumptions(d, a),
        None => Some(Assumptions::default()),
    };
    let validity = d.opt_whole(n, "quote_validity_days").ok()?;
    let terms = match n.get("terms") {
        Some(t) => d.strings(t),
        None => Some(Vec::new()),
    };
    Some(Pricing {
        currency: currency?,
        effective_date: effective_date?,
        seller: seller?,
        sources: sources?,
        tiers: tiers?,
        accounts: accounts?,
        billing: billing?,
        usage_fee: usage_fee?,
        hourly_rate: hourly_rate?,
        sizes: sizes?,
        providers: providers?,
        links: links?,
        assumptions: assumptions?,
        quote_validity_days: validity.unwrap_or(60),
        terms: terms?,
    })
}

fn d_string(n: &Node) -> String {
    match &n.value {
        crate::source::Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// Decodes `obj[key]` as an ordered map whose values `each` decodes (a missing key is an
/// error); `None` if anything inside failed.
fn keyed<T>(
    d: &mut Decoder,
    obj: &Node,
    key: &str,
    each: impl Fn(&mut Decoder, &Node) -> Option<T>,
) -> Option<Keyed<T>> {
    let n = d.required(obj, key)?;
    keyed_node(d, n, each)
}

fn keyed_node<T>(
    d: &mut Decoder,
    n: &Node,
    each: impl Fn(&mut Decoder, &Node) -> Option<T>,
) -> Option<Keyed<T>> {
    let props = d.object(n)?;
    d.check_repeats(n);
    let mut out = Vec::with_capacity(props.len());
    let mut ok = true;
    for (k, v) in props {
        match d.object(v).and_then(|_| each(d, v)) {
            Some(t) => out.push((k.clone(), t)),
            None => ok = false,
        }
    }
    ok.then_some(Keyed(out))
}

fn decode_source(d: &mut Decoder, n: &Node) -> Option<Source> {
    d.check_keys(n, &["title", "url", "retrieved"], false);
    let title = d.req_string(n, "title");
    let url = d.opt_string(n, "url").ok()?;
    let retrieved = d.opt_string(n, "retrieved").ok()?;
    Some(Source {
        title: title?,
        url: url.unwrap_or_default(),
        retrieved: retrieved.unwrap_or_default(),
    })
}

const TIER_KEYS: &[&str] = &[
    "label",
    "for_whom",
    "annual_fee",
    "custom_price",
    "price_note",
    "hub_limit",
    "included_help_hours_per_quarter",
    "cluster",
    "providers",
    "accounts",
    "billing",
    "sizes",
    "source",
];

fn decode_tier(d: &mut Decoder, n: &Node) -> Option<Tier> {
    d.check_keys(n, TIER_KEYS, false);
    let label = d.opt_string(n, "label").ok()?;
    let for_whom = d.req_string(n, "for_whom");
    let annual_fee = d.req_decimal(n, "annual_fee");
    let custom_price = d.opt_bool(n, "custom_price").ok()?;
    let price_note = d.opt_string(n, "price_note").ok()?;
    let hub_limit = d.req_whole(n, "hub_limit");
    let help = d.req_decimal(n, "included_help_hours_per_quarter");
    let cluster = d
        .required(n, "cluster")
        .and_then(|c| match d.string(c).as_deref() {
            Some("shared") => Some(ClusterKind::Shared),
            Some("dedicated") => Some(ClusterKind::Dedicated),
            Some(other) => {
                d.push(c.error(format!(
                    "expected \"shared\" or \"dedicated\", found \"{other}\""
                )));
                None
            }
            None => None,
        });
    let mut list = |key: &str| d.required(n, key).and_then(|l| d.strings(l));
    let providers = list("providers");
    let accounts = list("accounts");
    let billing = list("billing");
    let sizes = list("sizes");
    let source = d.opt_string(n, "source").ok()?;
    Some(Tier {
        label: label.unwrap_or_default(),
        for_whom: for_whom?,
        annual_fee: annual_fee?,
        custom_price: custom_price.unwrap_or(false),
        price_note: price_note.unwrap_or_default(),
        hub_limit: hub_limit?,
        included_help_hours_per_quarter: help?,
        cluster: cluster?,
        providers: providers?,
        accounts: accounts?,
        billing: billing?,
        sizes: sizes?,
        source: source.unwrap_or_default(),
    })
}

fn decode_usage_fee(d: &mut Decoder, n: &Node) -> Option<UsageFee> {
    d.object(n)?;
    d.check_keys(n, &["basis", "bands", "source"], false);
    let basis = d.req_string(n, "basis");
    let source = d.opt_string(n, "source").ok()?;
    let bands = d.required(n, "bands").and_then(|b| {
        let items = d.array(b)?;
        let bands: Vec<Option<Band>> = items
            .iter()
            .map(|band| {
                d.object(band)?;
                d.check_keys(band, &["from", "to", "price"], false);
                let from = d.req_whole(band, "from");
                let to = d.opt_whole(band, "to").ok()?;
                let price = d.req_decimal(band, "price");
                Some(Band {
                    from: from?,
                    to,
                    price: price?,
                })
            })
            .collect();
        bands.into_iter().collect::<Option<Vec<_>>>()
    });
    Some(UsageFee {
        basis: basis?,
        bands: bands?,
        source: source.unwrap_or_default(),
    })
}

fn decode_rate(d: &mut Decoder, n: &Node) -> Option<HourlyRate> {
    d.object(n)?;
    d.check_keys(n, &["price", "basis", "source"], false);
    let price = d.req_decimal(n, "price");
    let source = d.opt_string(n, "source").ok()?;
    let basis = match n.get("basis") {
        None => Some(None),
        Some(b) => (|| {
            d.object(b)?;
            let keys = [
                "engineer_annual_cost",
                "billed_hours_per_year",
                "fiscal_sponsor_pct",
                "operations_margin_pct",
            ];
            d.check_keys(b, &keys, false);
            let [cost, hours, sponsor, margin] = keys.map(|k| d.req_decimal(b, k));
            Some(Some(RateBasis {
                engineer_annual_cost: cost?,
                billed_hours_per_year: hours?,
                fiscal_sponsor_pct: sponsor?,
                operations_margin_pct: margin?,
            }))
        })(),
    };
    Some(HourlyRate {
        price: price?,
        basis: basis?,
        source: source.unwrap_or_default(),
    })
}

fn decode_size(d: &mut Decoder, n: &Node) -> Option<Size> {
    d.check_keys(n, &["label", "mem_gb", "cpu", "nodes"], false);
    let label = d.opt_string(n, "label").ok()?;
    let mem_gb = d.req_decimal(n, "mem_gb");
    let cpu = d.req_decimal(n, "cpu");
    let nodes = d.required(n, "nodes").and_then(|m| {
        let props = d.object(m)?;
        let v: Vec<Option<(String, String)>> = props
            .iter()
            .map(|(k, v)| d.string(v).map(|s| (k.clone(), s)))
            .collect();
        v.into_iter().collect::<Option<Vec<_>>>().map(Keyed)
    });
    Some(Size {
        label: label.unwrap_or_default(),
        mem_gb: mem_gb?,
        cpu: cpu?,
        nodes: nodes?,
    })
}

fn decode_provider(d: &mut Decoder, n: &Node) -> Option<Provider> {
    d.check_keys(n, &["label", "note", "regions"], false);
    let label = d.req_string(n, "label");
    let note = d.opt_string(n, "note").ok()?;
    let regions = keyed(d, n, "regions", decode_region);
    Some(Provider {
        label: label?,
        note: note.unwrap_or_default(),
        regions: regions?,
    })
}

const REGION_KEYS: &[&str] = &[
    "label",
    "as_of",
    "source",
    "nodes",
    "gpu",
    "dask_worker_node",
    "cluster",
    "home_storage",
    "object_storage",
    "egress",
];

/// Date and source a region's prices inherit.
struct Defaults {
    as_of: Option<String>,
    source: Option<String>,
}

fn decode_region(d: &mut Decoder, n: &Node) -> Option<Region> {
    d.check_keys(n, REGION_KEYS, false);
    let label = d.req_string(n, "label");
    let as_of = match n.get("as_of") {
        Some(a) => Some(d.date(a).map(|_| d_string(a))?),
        None => None,
    };
    let source = d.opt_string(n, "source").ok()?;
    let defaults = Defaults { as_of, source };
    let nodes = keyed(d, n, "nodes", |d, node| {
        d.check_keys(
            node,
            &["vcpu", "mem_gb", "gpus", "price", "as_of", "source"],
            false,
        );
        let vcpu = d.req_decimal(node, "vcpu");
        let mem_gb = d.req_decimal(node, "mem_gb");
        let gpus = d.opt_whole(node, "gpus").ok()?;
        let price = price(d, node, &defaults);
        Some(NodeType {
            vcpu: vcpu?,
            mem_gb: mem_gb?,
            gpus: gpus.unwrap_or(0),
            price: price?,
        })
    });
    let gpu = match n.get("gpu") {
        None => Some(None),
        Some(g) => (|| {
            d.object(g)?;
            d.check_keys(g, &["node", "users_per_gpu"], false);
            let node = d.req_string(g, "node");
            let users = d.req_whole(g, "users_per_gpu");
            Some(Some(GpuSpec {
                node: node?,
                users_per_gpu: users?,
            }))
        })(),
    };
    let dask = d.opt_string(n, "dask_worker_node").ok()?;
    let cluster = d.required(n, "cluster").and_then(|c| {
        let items = d.array(c)?;
        let parts: Vec<Option<Component>> = items
            .iter()
            .map(|item| {
                d.object(item)?;
                d.check_keys(item, &["id", "label", "price", "as_of", "source"], false);
                let id = d.req_string(item, "id");
                let label = d.req_string(item, "label");
                let price = price(d, item, &defaults);
                Some(Component {
                    id: id?,
                    label: label?,
                    price: price?,
                })
            })
            .collect();
        parts.into_iter().collect::<Option<Vec<_>>>()
    });
    let mut storage = |key: &str| {
        let s = d.required(n, key)?;
        d.object(s)?;
        d.check_keys(
            s,
            &["label", "price", "min_billable_gb", "as_of", "source"],
            false,
        );
        let label = d.req_string(s, "label");
        let p = price(d, s, &defaults);
        let min = d.opt_decimal(s, "min_billable_gb").ok()?;
        Some(Storage {
            label: label?,
            price: p?,
            min_billable_gb: min.unwrap_or(Decimal::ZERO),
        })
    };
    let home = storage("home_storage");
    let object = storage("object_storage");
    let egress = storage("egress");
    Some(Region {
        label: label?,
        nodes: nodes?,
        gpu: gpu?,
        dask_worker_node: dask,
        cluster: cluster?,
        home_storage: home?,
        object_storage: object?,
        egress: egress?,
    })
}

/// A priced object's `price`, with `as_of`/`source` of its own or its region's.
fn price(d: &mut Decoder, n: &Node, defaults: &Defaults) -> Option<Price> {
    let amount = d.req_decimal(n, "price");
    let as_of = match n.get("as_of") {
        Some(a) => d.date(a).map(|_| d_string(a)),
        None => defaults.as_of.clone(),
    };
    let source = match n.get("source") {
        Some(s) => d.string(s),
        None => defaults.source.clone(),
    };
    if as_of.is_none() && n.get("as_of").is_none() {
        d.push(n.error("the price has no date: give \"as_of\" here or on its region"));
    }
    if source.is_none() && n.get("source").is_none() {
        d.push(n.error("the price has no source: give \"source\" here or on its region"));
    }
    Some(Price {
        price: amount?,
        as_of: as_of?,
        source: source?,
    })
}

fn decode_links(d: &mut Decoder, n: &Node) -> Option<Links> {
    d.object(n)?;
    d.check_keys(
        n,
        &[
            "provider_item",
            "account_item",
            "billing_item",
            "dask",
            "gpu",
        ],
        false,
    );
    let provider_item = d.opt_string(n, "provider_item").ok()?;
    let account_item = d.opt_string(n, "account_item").ok()?;
    let billing_item = d.opt_string(n, "billing_item").ok()?;
    let mut link = |key: &str| match n.get(key) {
        None => Some(None),
        Some(l) => {
            d.object(l)?;
            d.check_keys(l, &["item", "value"], false);
            let item = d.req_string(l, "item");
            let value = d.req_string(l, "value");
            Some(Some(Link {
                item: item?,
                value: value?,
            }))
        }
    };
    let dask = link("dask");
    let gpu = link("gpu");
    Some(Links {
        provider_item,
        account_item,
        billing_item,
        dask: dask?,
        gpu: gpu?,
    })
}

fn decode_assumptions(d: &mut Decoder, n: &Node) -> Option<Assumptions> {
    d.object(n)?;
    let keys = [
        "allocatable_fraction",
        "packing_efficiency",
        "communities_per_shared_cluster",
        "hours_per_month",
        "low_factor",
        "high_factor",
        "budget_alert_factor",
        "budget_alert_round_to",
        "cloud_markup_pct",
        "discount_approval_pct",
    ];
    d.check_keys(n, &keys, false);
    let base = Assumptions::default();
    let mut dec = |key: &str, default: Decimal| d.opt_decimal(n, key).map(|v| v.unwrap_or(default));
    let allocatable = dec("allocatable_fraction", base.allocatable_fraction);
    let packing = dec("packing_efficiency", base.packing_efficiency);
    let hours = dec("hours_per_month", base.hours_per_month);
    let low = dec("low_factor", base.low_factor);
    let high = dec("high_factor", base.high_factor);
    let alert = dec("budget_alert_factor", base.budget_alert_factor);
    let round_to = dec("budget_alert_round_to", base.budget_alert_round_to);
    let markup = dec("cloud_markup_pct", base.cloud_markup_pct);
    let approval = dec("discount_approval_pct", base.discount_approval_pct);
    let communities = d.opt_whole(n, "communities_per_shared_cluster");
    Some(Assumptions {
        allocatable_fraction: allocatable.ok()?,
        packing_efficiency: packing.ok()?,
        communities_per_shared_cluster: communities
            .ok()?
            .unwrap_or(base.communities_per_shared_cluster),
        hours_per_month: hours.ok()?,
        low_factor: low.ok()?,
        high_factor: high.ok()?,
        budget_alert_factor: alert.ok()?,
        budget_alert_round_to: round_to.ok()?,
        cloud_markup_pct: markup.ok()?,
        discount_approval_pct: approval.ok()?,
    })
}
