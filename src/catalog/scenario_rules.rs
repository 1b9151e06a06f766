//! What a scenario must be under a catalog: its tier, cloud, sizes and features are the
//! catalog's, and its usage may not contradict a feature it chose. The catalog owns these
//! rules (its own presets are checked with them); the scenario's own bounds come from
//! `scenario::bounds`, run here in the order the messages are read.

use super::items::{Item, Kind};
use super::price_list::PriceList;
use super::Catalog;
use crate::scenario::bounds::{self, Names};
use crate::scenario::{FeatureValue, Hub, Scenario, RECOMMEND};
use crate::source::{self, child_path, shorten, Decoder, Diagnostics, Node};
use rust_decimal::Decimal;
use std::collections::HashSet;

impl Scenario {
    /// Decodes and validates against a catalog; every problem is located in the text.
    pub fn load(text: &str, catalog: &Catalog) -> Result<Scenario, Diagnostics> {
        let root = source::parse(text).map_err(Diagnostics::from)?;
        Scenario::load_node(&root, catalog)
    }

    /// [`Scenario::load`] of a document already read.
    pub fn load_node(root: &Node, catalog: &Catalog) -> Result<Scenario, Diagnostics> {
        let mut d = Decoder::new();
        let s = crate::scenario::decode::decode_node(&mut d, root);
        let Some(s) = s.filter(|_| !d.diags.has_errors()) else {
            return Err(d.diags);
        };
        let mut diags = s.validate(catalog);
        root.locate_all(&mut diags);
        if diags.has_errors() {
            Err(diags)
        } else {
            Ok(s)
        }
    }

    /// Every problem of the scenario under `c`, each at its field's path.
    pub fn validate(&self, c: &Catalog) -> Diagnostics {
        let mut out = Diagnostics::default();
        let Some(p) = &c.pricing else {
            out.error(
                "",
                format!(
                    "the catalog \"{}\" has no prices (it is a feature-only catalog): it can compare tiers but not quote",
                    c.name
                ),
            );
            return out;
        };
        choices(self, c, p, &mut out);
        negotiated_tiers(self, c, p, &mut out);
        bounds::scenario_wide(self, &mut out);
        crate::scenario::negotiated::bounds::check(self, &mut out);
        let mut names = Names::default();
        // Hubs beyond the limit are not looked at: the count is the error to fix first.
        for (i, hub) in self.hubs.iter().enumerate().take(bounds::MAX_HUBS) {
            let at = format!("hubs[{i}]");
            names.check(hub, &at, &mut out);
            bounds::hub_usage(hub, &at, &mut out);
            hub_size_and_region(self, hub, &at, p, &mut out);
            if hub.features.len() <= bounds::MAX_FEATURES {
                hub_features(hub, &at, c, &mut out);
                usage_agrees_with_features(hub, &at, c, p, &mut out);
            }
        }
        out
    }
}

/// The scenario-wide choices: a tier, provider, region, account and billing of the catalog.
fn choices(s: &Scenario, c: &Catalog, p: &PriceList, out: &mut Diagnostics) {
    if s.tier != RECOMMEND && p.tier(&s.tier).is_none() {
        out.error(
            "tier",
            format!(
                "unknown tier \"{}\": choose one of {} or \"recommend\"",
                shorten(&s.tier),
                c.tiers.join(", ")
            ),
        );
    }
    match p.providers.get(&s.provider) {
        None => out.error(
            "provider",
            format!(
                "unknown cloud provider \"{}\": choose one of {}",
                shorten(&s.provider),
                p.providers.key_list()
            ),
        ),
        Some(prov) if !prov.regions.contains(&s.region) => out.error(
            "region",
            format!(
                "{} has no region \"{}\" in this catalog: choose one of {}",
                prov.label,
                shorten(&s.region),
                prov.regions.key_list()
            ),
        ),
        Some(_) => {}
    }
    if !p.accounts.contains(&s.account) {
        out.error(
            "account",
            format!(
                "unknown cloud account arrangement \"{}\": choose one of {}",
                shorten(&s.account),
                p.accounts.key_list()
            ),
        );
    }
    if !p.billing.contains(&s.billing) {
        out.error(
            "billing",
            format!(
                "unknown billing choice \"{}\": choose one of {}",
                shorten(&s.billing),
                p.billing.key_list()
            ),
        );
    }
}

/// A negotiated membership fee is for a tier of the catalog.
fn negotiated_tiers(s: &Scenario, c: &Catalog, p: &PriceList, out: &mut Diagnostics) {
    for (i, o) in s.negotiated.overrides.iter().enumerate() {
        if let Some(t) = o.tier.as_deref().filter(|t| p.tier(t).is_none()) {
            out.error(
                format!("overrides[{i}].tier"),
                format!("unknown tier \"{t}\": choose one of {}", c.tiers.join(", ")),
            );
        }
    }
}

/// A hub's size is the catalog's, and its GPU share and Dask hours can be priced in the region.
fn hub_size_and_region(s: &Scenario, hub: &Hub, at: &str, p: &PriceList, out: &mut Diagnostics) {
    if !p.sizes.contains(&hub.size) {
        out.error(
            format!("{at}.size"),
            format!(
                "unknown server size \"{}\": choose one of {}",
                shorten(&hub.size),
                p.sizes.key_list()
            ),
        );
    }
    let Some(r) = p.region(&s.provider, &s.region) else {
        return;
    };
    if hub.gpu_share > Decimal::ZERO && r.gpu.is_none() {
        out.error(
            format!("{at}.gpu_share"),
            format!(
                "{} {} offers no GPU servers in this catalog",
                s.provider, s.region
            ),
        );
    }
    if hub.dask_node_hours > Decimal::ZERO && r.dask_worker_node.is_none() {
        out.error(
            format!("{at}.dask_node_hours"),
            format!(
                "{} {} has no Dask worker pricing in this catalog",
                s.provider, s.region
            ),
        );
    }
}

/// Each feature a hub selects is an item of the catalog, with a value of the right type
/// (a text for a choice of options, true or false for an on/off feature) that some tier
/// offers.
fn hub_features(hub: &Hub, at: &str, c: &Catalog, out: &mut Diagnostics) {
    for (id, value) in hub.features.iter() {
        let fat = child_path(&format!("{at}.features"), id);
        let Some(item) = c.item(id) else {
            out.error(
                fat,
                format!(
                    "unknown feature \"{}\": it is not an item of this catalog",
                    shorten(id)
                ),
            );
            continue;
        };
        if let Some(problem) = Accepted::of(item).problem(value) {
            out.error(fat, format!("\"{}\" {problem}", item.label));
        }
    }
}

/// What a hub may write for an item across the tiers: the texts of its options and
/// fixed values (each once, in first-seen order), and whether it is on/off somewhere
/// (and offered on in some tier).
struct Accepted<'c> {
    texts: Vec<&'c str>,
    flag: bool,
    flag_offered: bool,
}

impl<'c> Accepted<'c> {
    fn of(item: &'c Item) -> Self {
        let mut seen = HashSet::new();
        let mut a = Accepted {
            texts: Vec::new(),
            flag: false,
            flag_offered: false,
        };
        for (_, cfg) in item.per_tier.iter() {
            match &cfg.kind {
                Kind::Select { options, .. } => a.texts.extend(
                    options
                        .iter()
                        .map(|o| o.value.as_str())
                        .filter(|v| seen.insert(*v)),
                ),
                Kind::Single { text } => a
                    .texts
                    .extend(seen.insert(text.as_str()).then_some(text.as_str())),
                Kind::Flag { available } => {
                    a.flag = true;
                    a.flag_offered |= available;
                }
            }
        }
        a
    }

    /// Why `value` does not fit the item (a type error, or a choice it does not have).
    /// `true` for an item offered on in no tier is left to the tier's check, which says
    /// so; unless the item is a choice of options elsewhere, where `true` is a type error.
    fn problem(&self, value: &FeatureValue) -> Option<String> {
        let options = || {
            let quoted: Vec<String> = self.texts.iter().map(|t| format!("\"{t}\"")).collect();
            quoted.join(", ")
        };
        match value {
            FeatureValue::Flag(on)
                if self.flag && (!on || self.flag_offered || self.texts.is_empty()) =>
            {
                None
            }
            FeatureValue::Flag(on) => Some(format!(
                "is a choice of options, not on or off: expected one of {} (a text), found {on}",
                options()
            )),
            FeatureValue::Option(v) if self.texts.iter().any(|t| t == v) => None,
            FeatureValue::Option(v) if self.texts.is_empty() => Some(format!(
                "is on or off: expected true or false, found the text \"{}\"",
                shorten(v)
            )),
            FeatureValue::Option(v) => Some(format!(
                "has no choice \"{}\": choose one of {}{}",
                shorten(v),
                options(),
                if self.flag_offered {
                    ", or true or false"
                } else {
                    ""
                }
            )),
        }
    }
}

/// Usage that needs a feature must not contradict an explicit choice of it.
fn usage_agrees_with_features(
    hub: &Hub,
    at: &str,
    c: &Catalog,
    p: &PriceList,
    out: &mut Diagnostics,
) {
    for (link, used, what) in [
        (
            &p.links.dask,
            hub.dask_node_hours > Decimal::ZERO,
            "Dask worker hours",
        ),
        (&p.links.gpu, hub.gpu_share > Decimal::ZERO, "a GPU share"),
    ] {
        let Some(link) = link else { continue };
        if let Some(FeatureValue::Option(chosen)) = hub.features.get(&link.item) {
            if used && chosen != &link.value {
                out.error(
                    child_path(&format!("{at}.features"), &link.item),
                    format!(
                        "{what} need {} set to \"{}\", but it is \"{chosen}\": change one of them",
                        c.item_label(&link.item),
                        link.value
                    ),
                );
            }
        }
    }
}
