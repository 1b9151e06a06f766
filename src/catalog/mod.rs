//! The catalog: the feature matrix (v2 items with their `requires`), optionally the
//! price list the engine prices with, and presets (ready-made scenarios). It is data,
//! never code: tier names, prices and limits all live here. This file holds the model
//! and its lookups; `load.rs` reads a catalog (`decode.rs`, then `validate.rs`), and the
//! rules that relate a scenario to a catalog are `scenario_rules.rs` (validation) and
//! `scenario_start.rs` (where a new scenario starts).

pub mod contact;
mod decode;
mod embedded;
mod items;
pub mod limits;
mod load;
pub mod price_list;
pub mod requires;
mod scenario_rules;
mod scenario_start;
mod validate;

pub use contact::Contact;
pub use items::{Item, Kind, SelectOption, TierConfig};
pub use price_list::PriceList;
pub use requires::{Requires, Scalar};

use crate::scenario::Scenario;
use crate::source::Diagnostics;
use serde::Serialize;

/// A loaded, validated catalog.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Catalog {
    pub name: String,
    pub version: String,
    pub items: Vec<Item>,
    /// Absent in a feature-only (v2) catalog: comparison without prices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pricing: Option<PriceList>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presets: Vec<Preset>,
    /// The next step offered with a quote (absent: none is offered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Tier names in display order (from `pricing.tiers`, else the first item's `perTier`).
    #[serde(skip)]
    pub tiers: Vec<String>,
    /// SHA-256 of the catalog text, hex: quotes cite it so a price change is visible.
    #[serde(skip)]
    pub sha256: String,
}

/// A ready-made scenario shipped with the catalog.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Preset {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// What the preset prices, as a price's label: "a course of 50 students on AWS, 9
    /// months a year" (the web app's "For …: Essential, $8,264.78 the first year").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub example: String,
    pub scenario: Scenario,
}

/// What a hub can select for one item, across the tiers: the options of its selects
/// (each value once, in first-seen order) and whether some tier offers it as a flag.
#[derive(Debug, Clone, PartialEq)]
pub struct HubChoice<'a> {
    pub item: &'a Item,
    pub options: Vec<&'a SelectOption>,
    pub flag: bool,
}

impl<'a> HubChoice<'a> {
    fn of(item: &'a Item) -> HubChoice<'a> {
        let mut seen = std::collections::BTreeSet::new();
        let mut choice = HubChoice {
            item,
            options: Vec::new(),
            flag: false,
        };
        for (_, cfg) in item.per_tier.iter() {
            match &cfg.kind {
                Kind::Select { options, .. } => choice
                    .options
                    .extend(options.iter().filter(|o| seen.insert(o.value.as_str()))),
                Kind::Flag { available: true } => choice.flag = true,
                _ => {}
            }
        }
        choice
    }
}

/// A catalog together with its lints (warnings that do not stop it being used).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub catalog: Catalog,
    pub warnings: Diagnostics,
}

impl Catalog {
    /// True when the catalog can price quotes.
    pub fn is_priced(&self) -> bool {
        self.pricing.is_some()
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The label of an item, or its id if unknown.
    pub fn item_label(&self, id: &str) -> String {
        self.item(id)
            .map_or_else(|| id.to_string(), |i| i.label.clone())
    }

    /// What a hub can select, item by item: every item a tier offers a choice in, except
    /// those that mirror the scenario's cloud choices (set once for the whole scenario).
    pub fn hub_choices(&self) -> Vec<HubChoice<'_>> {
        let mirrored: Vec<&str> = self
            .pricing
            .as_ref()
            .map(|p| p.links.mirrored().map(|(item, _)| item).collect())
            .unwrap_or_default();
        self.items
            .iter()
            .filter(|item| !mirrored.contains(&item.id.as_str()))
            .map(HubChoice::of)
            .filter(|c| c.flag || !c.options.is_empty())
            .collect()
    }

    /// Items grouped by `group`, groups in order of first appearance.
    pub fn groups(&self) -> Vec<(&str, Vec<&Item>)> {
        let mut groups: Vec<(&str, Vec<&Item>)> = Vec::new();
        for item in &self.items {
            match groups.iter_mut().find(|(g, _)| *g == item.group) {
                Some((_, list)) => list.push(item),
                None => groups.push((&item.group, vec![item])),
            }
        }
        groups
    }

    /// The display label of a tier.
    pub fn tier_label<'a>(&'a self, tier: &'a str) -> &'a str {
        self.pricing.as_ref().map_or(tier, |p| p.tier_label(tier))
    }

    pub fn preset(&self, id: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// The preset `s` is, whatever its tier (a visitor who changed nothing but the tier,
    /// or nothing at all, is looking at the preset's example): one comparison a preset.
    pub fn example_of(&self, s: &Scenario) -> Option<&Preset> {
        self.presets.iter().find(|p| {
            p.scenario.hubs == s.hubs
                && Scenario {
                    tier: s.tier.clone(),
                    ..p.scenario.clone()
                } == *s
        })
    }
}

/// Lower-case hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_choices_leave_out_mirrored_items_and_offer_each_option_once() {
        let c = Catalog::embedded().unwrap().catalog;
        let links = &c.pricing.as_ref().unwrap().links;
        let choices = c.hub_choices();
        assert!(!choices.is_empty());
        for ch in &choices {
            assert!(links.mirrored().all(|(item, _)| item != ch.item.id));
            assert!(ch.flag || !ch.options.is_empty());
            let mut values: Vec<&str> = ch.options.iter().map(|o| o.value.as_str()).collect();
            let n = values.len();
            values.sort_unstable();
            values.dedup();
            assert_eq!(values.len(), n, "{}", ch.item.id);
        }
        assert_eq!(links.mirrored().count(), 3);
    }

    #[test]
    fn a_scenario_is_its_presets_example_until_something_but_the_tier_changes() {
        let c = Catalog::embedded().unwrap().catalog;
        let mut s = Scenario::initial(&c);
        let example = |s: &Scenario| c.example_of(s).map(|p| p.example.as_str());
        let course = Some("a course of 50 students on AWS, 9 months a year");
        assert_eq!(example(&s), course);
        s.tier = "Advanced".into();
        assert_eq!(example(&s), course);
        s.hubs[0].monthly_active_users += 1;
        assert_eq!(example(&s), None);
        assert!(c.presets.iter().all(|p| !p.example.is_empty()));
    }
}
