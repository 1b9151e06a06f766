//! What a scenario must be under a catalog: its tier, cloud, sizes and features are the
//! catalog's, and its usage may not contradict a feature it chose. The catalog owns these
//! rules (its own presets are checked with them); the scenario's own bounds come from
//! `scenario::bounds`, run here in the order the messages are read.

use super::items::{Item, Kind};
use super::price_list::PriceList;
use super::Catalog;
use crate::scenario::bounds::{self, Names};
use crate::scenario::{FeatureValue, Hub, Scenario, RECOMMEND};
use crate::source::{self, child_path, Decoder, Diagnostics, Node};
use rust_decimal::Decimal;

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
        for (i, hub) in self.hubs.iter().enumerate() {
            let at = format!("hubs[{i}]");
            names.check(hub, &at, &mut out);
            bounds::hub_usage(hub, &at, &mut out);
            hub_size_and_region(self, hub, &at, p, &mut out);
            hub_features(hub, &at, c, &mut out);
            usage_agrees_with_features(hub, &at, c, p, &mut out);
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
                s.tier,
                c.tiers.join(", ")
            ),
        );
    }
    match p.providers.get(&s.provider) {
        None => out.error(
            "provider",
            format!(
                "unknown cloud provider \"{}\": choose one of {}",
                s.provider,
                p.providers.key_list()
            ),
        ),
        Some(prov) if !prov.regions.contains(&s.region) => out.error(
            "region",
            format!(
                "{} has no region \"{}\" in this catalog: choose one of {}",
                prov.label,
                s.region,
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
                s.account,
                p.accounts.key_list()
            ),
        );
    }
    if !p.billing.contains(&s.billing) {
        out.error(
            "billing",
            format!(
                "unknown billing choice \"{}\": choose one of {}",
                s.billing,
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
                hub.size,
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

/// Each feature a hub selects is an item of the catalog, with a value some tier offers.
fn hub_features(hub: &Hub, at: &str, c: &Catalog, out: &mut Diagnostics) {
    for (id, value) in hub.features.iter() {
        let fat = child_path(&format!("{at}.features"), id);
        let Some(item) = c.item(id) else {
            out.error(
                fat,
                format!("unknown feature \"{id}\": it is not an item of this catalog"),
            );
            continue;
        };
        if !offered_somewhere(item, value) {
            out.error(
                fat,
                format!(
                    "\"{}\" has no such choice; {}",
                    item.label,
                    describe_choices(item)
                ),
            );
        }
    }
}

fn offered_somewhere(item: &Item, value: &FeatureValue) -> bool {
    item.per_tier
        .iter()
        .any(|(_, cfg)| match (&cfg.kind, value) {
            (Kind::Flag { .. }, FeatureValue::Flag(_)) => true,
            (Kind::Select { options, .. }, FeatureValue::Option(v)) => {
                options.iter().any(|o| &o.value == v)
            }
            (Kind::Single { text }, FeatureValue::Option(v)) => text == v,
            _ => false,
        })
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

fn describe_choices(item: &Item) -> String {
    let mut values: Vec<String> = Vec::new();
    let mut flag = false;
    for (_, cfg) in item.per_tier.iter() {
        match &cfg.kind {
            Kind::Select { options, .. } => {
                for o in options {
                    if !values.contains(&o.value) {
                        values.push(o.value.clone());
                    }
                }
            }
            Kind::Flag { .. } => flag = true,
            Kind::Single { text } => {
                if !values.contains(text) {
                    values.push(text.clone());
                }
            }
        }
    }
    if flag && values.is_empty() {
        "choose true or false".into()
    } else {
        format!("choose one of: {}", values.join(", "))
    }
}
