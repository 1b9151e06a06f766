//! The catalog: the feature matrix (v2 items) and, optionally, the prices and rules the
//! engine uses. It is data, never code: tier names, prices and limits all live here.

mod embedded;
mod items;
mod keyed;
pub mod pricing;
pub mod requires;
mod validate;

pub use items::{Item, Kind, SelectOption, TierConfig};
pub use keyed::Keyed;
pub use pricing::Pricing;
pub use requires::{Requires, Scalar};

use crate::scenario::Scenario;
use crate::source::{self, put, Decoder, Diagnostics, Node};
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
    pub pricing: Option<Pricing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presets: Vec<Preset>,
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
    /// Parses and validates catalog text. On failure every error (and warning) is
    /// returned at once, each with its path and line:column.
    pub fn load(text: &str) -> Result<Loaded, Diagnostics> {
        let root = source::parse(text).map_err(Diagnostics::from)?;
        let mut d = Decoder::new();
        let catalog = decode(&mut d, &root, hex_sha256(text.as_bytes()));
        let mut diags = d.diags;
        if let Some(c) = &catalog {
            let mut semantic = validate::validate(c);
            root.locate_all(&mut semantic);
            diags.extend(semantic);
        }
        diags.sort_by_position();
        match catalog {
            Some(catalog) if !diags.has_errors() => Ok(Loaded {
                catalog,
                warnings: diags,
            }),
            _ => Err(diags),
        }
    }

    /// The catalog embedded in the build (`public/catalog.json5`), decoded but not
    /// validated: `tests/catalogs.rs` proves it has no errors or lints, and skipping the
    /// checks keeps them (and their code) out of the web app's start. It is read from a
    /// copy without comments and blank space; the SHA-256 is that of the file.
    pub fn embedded() -> Result<Loaded, Diagnostics> {
        let root = source::parse(embedded::TEXT).map_err(Diagnostics::from)?;
        let mut d = Decoder::new();
        match decode(&mut d, &root, embedded::SHA256.to_string()) {
            Some(catalog) if !d.diags.has_errors() => Ok(Loaded {
                catalog,
                warnings: d.diags,
            }),
            _ => Err(d.diags),
        }
    }

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
}

const TOP_KEYS: &[&str] = &["name", "version", "items", "pricing", "presets"];

fn decode(d: &mut Decoder, root: &Node, sha256: String) -> Option<Catalog> {
    d.object(root)?;
    d.check_keys(root, TOP_KEYS, false);
    let mut c = Catalog {
        name: String::new(),
        version: String::new(),
        items: Vec::new(),
        pricing: None,
        presets: Vec::new(),
        tiers: Vec::new(),
        sha256,
    };
    let mut ok = put(&mut c.name, d.req_string(root, "name"));
    ok &= put(&mut c.version, d.req_string(root, "version"));
    let items = d.required(root, "items").and_then(|n| d.array(n));
    ok &= put(
        &mut c.items,
        items.and_then(|nodes| {
            repeated_ids(d, nodes);
            d.each(nodes, items::decode_item)
        }),
    );
    // Without a pricing section that decoded, the rest is still checked as feature-only.
    c.pricing = root.get("pricing").and_then(|p| pricing::decode(d, p));
    if let Some(nodes) = root.get("presets").and_then(|p| d.array(p)) {
        c.presets = nodes.iter().filter_map(|n| decode_preset(d, n)).collect();
    }
    c.tiers = match &c.pricing {
        Some(p) => p.tiers.keys().map(str::to_string).collect(),
        None => c
            .items
            .first()
            .map(|i| i.per_tier.keys().map(str::to_string).collect())
            .unwrap_or_default(),
    };
    ok.then_some(c)
}

/// Repeated item ids, found on the text so that they are reported even when an item
/// fails to decode for another reason.
fn repeated_ids(d: &mut Decoder, nodes: &[Node]) {
    let ids: Vec<Option<&Node>> = nodes.iter().map(|n| n.get("id")).collect();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        let seen = ids[..i].iter().flatten().any(|o| o.value == id.value);
        if seen {
            d.push(id.error(format!(
                "the item id {} is used more than once",
                id.describe()
            )));
        }
    }
}

fn decode_preset(d: &mut Decoder, n: &Node) -> Option<Preset> {
    d.object(n)?;
    d.check_keys(n, &["id", "label", "description", "scenario"], false);
    let id = d.req_string(n, "id");
    let label = d.req_string(n, "label");
    let description = d.text_or_empty(n, "description")?;
    let scenario = d
        .required(n, "scenario")
        .and_then(|s| crate::scenario::decode_node(d, s));
    let (Some(id), Some(label), Some(scenario)) = (id, label, scenario) else {
        return None;
    };
    Some(Preset {
        id,
        label,
        description,
        scenario,
    })
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
