//! What requirements read: the current value of every item in a tier for one hub (its
//! selections, the scenario's cloud choices for the items that mirror them, else the
//! tier's defaults), and whether a tier lets the hub choose a value. Lookups go through
//! maps built once, so that evaluating a requirement costs its clauses, not the catalog.

use crate::catalog::price_list::Mirrored;
use crate::catalog::{Catalog, Item, Kind, PriceList, Scalar};
use crate::scenario::{FeatureValue, Hub, Scenario};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A hub's feature selections: explicit ones plus those its usage implies
/// (Dask worker hours select Dask Gateway, a GPU share selects the GPU option).
pub fn selections(p: &PriceList, hub: &Hub) -> Vec<(String, FeatureValue)> {
    let mut out: Vec<(String, FeatureValue)> = hub
        .features
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    for (link, used) in [
        (&p.links.dask, hub.dask_node_hours > Decimal::ZERO),
        (&p.links.gpu, hub.gpu_share > Decimal::ZERO),
    ] {
        if let Some(link) = link {
            if used && !out.iter().any(|(k, _)| *k == link.item) {
                out.push((link.item.clone(), FeatureValue::Option(link.value.clone())));
            }
        }
    }
    out
}

/// The catalog's items by id.
pub struct Items<'c>(BTreeMap<&'c str, &'c Item>);

impl<'c> Items<'c> {
    pub fn new(c: &'c Catalog) -> Self {
        Items(c.items.iter().map(|i| (i.id.as_str(), i)).collect())
    }

    pub fn get(&self, id: &str) -> Option<&'c Item> {
        self.0.get(id).copied()
    }

    /// The label of an item, or its id if unknown.
    pub fn label(&self, id: &str) -> String {
        self.get(id)
            .map_or_else(|| id.to_string(), |i| i.label.clone())
    }
}

/// The values requirements read for one hub of a scenario (or, without a scenario, each
/// tier's defaults).
pub struct Values<'a> {
    items: &'a Items<'a>,
    /// The scenario's choice for each item that mirrors one.
    mirrored: BTreeMap<&'a str, &'a str>,
    chosen: BTreeMap<&'a str, &'a FeatureValue>,
}

impl<'a> Values<'a> {
    /// The values for a hub whose selections are `chosen` (see [`selections`]).
    pub fn new(
        c: &'a Catalog,
        items: &'a Items<'a>,
        s: Option<&'a Scenario>,
        chosen: &'a [(String, FeatureValue)],
    ) -> Self {
        let mirrored = match (&c.pricing, s) {
            (Some(p), Some(s)) => p
                .links
                .mirrored()
                .map(|(item, m)| {
                    let value = match m {
                        Mirrored::Provider => &s.provider,
                        Mirrored::Account => &s.account,
                        Mirrored::Billing => &s.billing,
                    };
                    (item, value.as_str())
                })
                .collect(),
            _ => BTreeMap::new(),
        };
        Values {
            items,
            mirrored,
            chosen: chosen.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        }
    }

    /// The current value of item `id` in `tier`.
    pub fn of(&self, tier: &str, id: &str) -> Scalar {
        if let Some(v) = self.mirrored.get(id) {
            return Scalar::Text(v.to_string());
        }
        if let Some(v) = self.chosen.get(id) {
            return scalar(v);
        }
        self.items
            .get(id)
            .and_then(|i| i.per_tier.get(tier))
            .map_or(Scalar::Null, |cfg| cfg.default_value())
    }

    /// Whether `tier` lets the hub choose `value` for `item`; `Err` says why not: "not
    /// offered", or the requirement that does not hold.
    pub fn allows(&self, tier: &str, item: &str, value: &FeatureValue) -> Result<(), String> {
        let Some(cfg) = self.items.get(item).and_then(|i| i.per_tier.get(tier)) else {
            return Err(NOT_OFFERED.into());
        };
        let scalar = scalar(value);
        // Choosing "no" for a flag is always allowed.
        if scalar == Scalar::Bool(false) && matches!(cfg.kind, Kind::Flag { .. }) {
            return Ok(());
        }
        if !cfg.offers(&scalar) {
            return Err(NOT_OFFERED.into());
        }
        let option = match value {
            FeatureValue::Option(v) => cfg.option(v).and_then(|o| o.requires.as_ref()),
            FeatureValue::Flag(_) => None,
        };
        for r in cfg.requires.iter().chain(option) {
            if !r.holds(&|id: &str| self.of(tier, id)) {
                return Err(format!(
                    "needs {}",
                    r.describe(&|id: &str| self.items.label(id))
                ));
            }
        }
        Ok(())
    }
}

/// Why [`Values::allows`] refuses a value the tier does not have at all.
pub const NOT_OFFERED: &str = "not offered";

/// A selection as the requirement language compares it.
fn scalar(v: &FeatureValue) -> Scalar {
    match v {
        FeatureValue::Flag(b) => Scalar::Bool(*b),
        FeatureValue::Option(t) => Scalar::Text(t.clone()),
    }
}
