//! Semantic checks of a decoded catalog: the v2 rules of FORMAT.md for its items, the
//! price list's own checks (`price_list/validate.rs`), and its presets, each a scenario
//! that must be valid under the catalog. Diagnostics carry paths; `Catalog::load` adds
//! line:column from the text.

use super::items::{Item, Kind};
use super::{limits, price_list};
use super::{Catalog, Scalar};
use crate::source::Diagnostics;
use std::collections::HashSet;

pub fn validate(c: &Catalog) -> Diagnostics {
    let mut out = Diagnostics::default();
    // Past a limit nothing else is checked: every later check is bounded by them.
    if !limits::check(c, &mut out) {
        return out;
    }
    items(c, &mut out);
    if let Some(p) = &c.pricing {
        price_list::validate::validate(&c.items, p, &mut out);
    }
    presets(c, &mut out);
    for (key, message) in c.contact.iter().flat_map(|k| k.rules()) {
        out.error(format!("contact.{key}"), message);
    }
    out
}

fn items(c: &Catalog, out: &mut Diagnostics) {
    if c.tiers.is_empty() {
        out.error("items", "the catalog defines no tiers");
    }
    for (i, item) in c.items.iter().enumerate() {
        let at = format!("items[{i}]");
        if item.help.as_deref().is_none_or(|h| h.trim().is_empty()) {
            out.warning(format!("{at}.help"), "the item has no help text");
        }
        for tier in &c.tiers {
            if !item.per_tier.contains(tier) {
                out.error(
                    format!("{at}.perTier"),
                    format!("the tier \"{tier}\" is missing"),
                );
            }
        }
        for (tier, cfg) in item.per_tier.iter() {
            let cat = crate::source::child_path(&format!("{at}.perTier"), tier);
            if !c.tiers.iter().any(|t| t == tier) {
                out.error(
                    cat.clone(),
                    format!(
                        "\"{tier}\" is not a tier of this catalog (tiers: {})",
                        c.tiers.join(", ")
                    ),
                );
                continue;
            }
            for id in cfg.requires.iter().flat_map(|r| r.ids()) {
                unknown_id(c, id, &format!("{cat}.requires"), out);
            }
            if let Kind::Select { options, default } = &cfg.kind {
                if default.is_none() {
                    out.warning(
                        format!("{cat}.default"),
                        "the select has no default (the first option is used)",
                    );
                }
                for (j, o) in options.iter().enumerate() {
                    for id in o.requires.iter().flat_map(|r| r.ids()) {
                        unknown_id(c, id, &format!("{cat}.options[{j}].requires"), out);
                    }
                }
            }
            defaults_break_requires(c, item, tier, &cat, out);
        }
    }
}

fn unknown_id(c: &Catalog, id: &str, at: &str, out: &mut Diagnostics) {
    if c.item(id).is_none() {
        out.error(at, format!("requires names an unknown item \"{id}\""));
    }
}

/// Lint: with every item at its default, does this tier's config (and its default
/// option) satisfy its own `requires`?
fn defaults_break_requires(c: &Catalog, item: &Item, tier: &str, at: &str, out: &mut Diagnostics) {
    let Some(cfg) = item.per_tier.get(tier) else {
        return;
    };
    let value_of = |id: &str| {
        c.item(id)
            .and_then(|i| i.per_tier.get(tier))
            .map_or(Scalar::Null, |cfg| cfg.default_value())
    };
    let label_of = |id: &str| c.item_label(id);
    // An unavailable flag's requirement is moot.
    let moot = matches!(cfg.kind, Kind::Flag { available: false });
    if let Some(r) = cfg.requires.as_ref().filter(|_| !moot) {
        if c.tiers.iter().any(|t| t == tier)
            && r.ids().iter().all(|id| c.item(id).is_some())
            && !r.holds(&value_of)
        {
            out.warning(
                format!("{at}.requires"),
                format!(
                    "with {tier}'s defaults this requirement does not hold: needs {}",
                    r.describe(&label_of)
                ),
            );
        }
    }
    if let Scalar::Text(v) = cfg.default_value() {
        if let Some(r) = cfg.option(&v).and_then(|o| o.requires.as_ref()) {
            if r.ids().iter().all(|id| c.item(id).is_some()) && !r.holds(&value_of) {
                out.warning(
                    format!("{at}.default"),
                    format!(
                        "the default option \"{v}\" needs {}, which {tier}'s defaults do not meet",
                        r.describe(&label_of)
                    ),
                );
            }
        }
    }
}

fn presets(c: &Catalog, out: &mut Diagnostics) {
    let mut ids = HashSet::new();
    for (i, preset) in c.presets.iter().enumerate() {
        let at = format!("presets[{i}]");
        if !ids.insert(preset.id.as_str()) {
            out.error(
                format!("{at}.id"),
                format!("the preset id \"{}\" is used more than once", preset.id),
            );
        }
        if preset.example.trim().is_empty() {
            out.warning(
                format!("{at}.example"),
                "the preset has no example: its prices are labelled with its label",
            );
        }
        if c.pricing.is_none() {
            continue;
        }
        for mut d in preset.scenario.validate(c) {
            d.path = if d.path.is_empty() {
                format!("{at}.scenario")
            } else {
                format!("{at}.scenario.{}", d.path)
            };
            out.push(d);
        }
    }
}
