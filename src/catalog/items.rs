//! Catalog items: the v2 feature matrix (one config per tier for each feature).

use super::requires::{self, Requires, Scalar};
use crate::keyed::Keyed;
use crate::source::{put, shorten, Decoder, Node, Value};
use serde::Serialize;
use std::collections::HashSet;

/// One feature row of the service menu.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Item {
    /// Unique, stable id such as `hub:dask`.
    pub id: String,
    /// Section label; groups are shown in order of first appearance.
    pub group: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// One config per tier, keyed by tier name.
    #[serde(rename = "perTier")]
    pub per_tier: Keyed<TierConfig>,
}

/// What one tier offers for an item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TierConfig {
    #[serde(flatten)]
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires: Option<Requires>,
}

/// The three v2 kinds of per-tier config.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Kind {
    /// A fixed, read-only value.
    Single { text: String },
    /// Included or not.
    Flag { available: bool },
    /// A choice; without `default` the first option is the default.
    Select {
        options: Vec<SelectOption>,
        #[serde(skip_serializing_if = "Option::is_none")]
        default: Option<String>,
    },
}

/// One option of a select.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SelectOption {
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires: Option<Requires>,
}

impl SelectOption {
    pub fn display(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.value)
    }
}

impl TierConfig {
    /// The value the tier starts with: single → its text, flag → available, select →
    /// the default option (or the first).
    pub fn default_value(&self) -> Scalar {
        match &self.kind {
            Kind::Single { text } => Scalar::Text(text.clone()),
            Kind::Flag { available } => Scalar::Bool(*available),
            Kind::Select { options, default } => default
                .clone()
                .or_else(|| options.first().map(|o| o.value.clone()))
                .map_or(Scalar::Null, Scalar::Text),
        }
    }

    /// The values a customer may choose in this tier (ignoring `requires`).
    pub fn offers(&self, value: &Scalar) -> bool {
        match (&self.kind, value) {
            (Kind::Single { text }, v) => v.same(&Scalar::Text(text.clone())),
            (Kind::Flag { available }, Scalar::Bool(b)) => !*b || *available,
            (Kind::Select { options, .. }, Scalar::Text(v)) => {
                options.iter().any(|o| &o.value == v)
            }
            _ => false,
        }
    }

    pub fn option(&self, value: &str) -> Option<&SelectOption> {
        match &self.kind {
            Kind::Select { options, .. } => options.iter().find(|o| o.value == value),
            _ => None,
        }
    }

    /// The tier's value written for people: `Included`, `Not available`, a select's
    /// option labels, or a single's text.
    pub fn summary(&self) -> String {
        match &self.kind {
            Kind::Single { text } => text.clone(),
            Kind::Flag { available: true } => "Included".into(),
            Kind::Flag { available: false } => "Not available".into(),
            Kind::Select { options, .. } => options
                .iter()
                .map(SelectOption::display)
                .collect::<Vec<_>>()
                .join(" · "),
        }
    }
}

const ITEM_KEYS: &[&str] = &["id", "group", "label", "help", "perTier"];
const CONFIG_KEYS: &[&str] = &[
    "kind",
    "text",
    "available",
    "options",
    "default",
    "help",
    "requires",
];
const OPTION_KEYS: &[&str] = &["value", "label", "help", "requires"];

/// Decodes one item. Tier-set checks happen in validation, once the tiers are known.
pub fn decode_item(d: &mut Decoder, n: &Node) -> Option<Item> {
    d.object(n)?;
    d.check_keys(n, ITEM_KEYS, false);
    let mut item = Item {
        id: String::new(),
        group: String::new(),
        label: String::new(),
        help: None,
        per_tier: Keyed::default(),
    };
    let mut ok = put(&mut item.id, d.req_string(n, "id"));
    ok &= put(&mut item.group, d.req_string(n, "group"));
    ok &= put(&mut item.label, d.req_string(n, "label"));
    item.help = d.opt_string(n, "help").ok()?;
    let per_tier = d.required(n, "perTier").and_then(|pt| d.object(pt));
    ok &= put(
        &mut item.per_tier,
        per_tier.and_then(|p| decode_configs(d, p)),
    );
    ok.then_some(item)
}

/// Every tier's config of an item; `None` if any failed (all are still reported).
fn decode_configs(d: &mut Decoder, props: &[(String, Node)]) -> Option<Keyed<TierConfig>> {
    let mut out = Vec::with_capacity(props.len());
    let mut ok = true;
    for (tier, c) in props {
        match decode_config(d, c) {
            Some(cfg) => out.push((tier.clone(), cfg)),
            None => ok = false,
        }
    }
    ok.then_some(Keyed(out))
}

fn decode_config(d: &mut Decoder, n: &Node) -> Option<TierConfig> {
    d.object(n)?;
    d.check_keys(n, CONFIG_KEYS, false);
    let help = d.opt_string(n, "help");
    let requires = match n.get("requires") {
        Some(r) => requires::decode(d, r).map(Some),
        None => Some(None),
    };
    let kind_node = d.required(n, "kind");
    let kind = match kind_node.and_then(|k| d.string(k)).as_deref() {
        Some("single") => d.req_string(n, "text").map(|text| Kind::Single { text }),
        Some("flag") => d
            .required(n, "available")
            .and_then(|a| d.boolean(a))
            .map(|available| Kind::Flag { available }),
        Some("select") => decode_select(d, n),
        Some(other) => {
            if let Some(k) = kind_node {
                d.fail(k, || {
                    format!("unknown kind \"{other}\" (expected single, flag or select)")
                });
            }
            None
        }
        None => None,
    };
    let (Some(kind), Ok(help), Some(requires)) = (kind, help, requires) else {
        return None;
    };
    Some(TierConfig {
        kind,
        help,
        requires,
    })
}

fn decode_select(d: &mut Decoder, n: &Node) -> Option<Kind> {
    let options_node = d.required(n, "options")?;
    let items = d.array(options_node)?;
    if items.is_empty() {
        d.fail(options_node, || "a select needs at least one option".into());
        return None;
    }
    let mut options = Vec::with_capacity(items.len());
    let mut seen = HashSet::new();
    let mut ok = true;
    for item in items {
        match decode_option(d, item) {
            Some(o) => {
                if !seen.insert(o.value.clone()) {
                    d.fail(item, || {
                        format!(
                            "the option value \"{}\" appears more than once",
                            shorten(&o.value)
                        )
                    });
                    ok = false;
                }
                // A select that failed is not kept: its options need not be either.
                if ok {
                    options.push(o);
                }
            }
            None => ok = false,
        }
    }
    let default = match n.get("default") {
        None => None,
        Some(dn) => {
            let v = d.string(dn)?;
            if ok && !options.iter().any(|o| o.value == v) {
                d.fail(dn, || format!("the default \"{v}\" matches no option"));
                return None;
            }
            Some(v)
        }
    };
    ok.then_some(Kind::Select { options, default })
}

fn decode_option(d: &mut Decoder, n: &Node) -> Option<SelectOption> {
    let mut o = SelectOption {
        value: String::new(),
        label: None,
        help: None,
        requires: None,
    };
    if let Value::String(s) = &n.value {
        o.value.clone_from(s);
        return Some(o);
    }
    d.object(n)?;
    d.check_keys(n, OPTION_KEYS, false);
    let ok = put(&mut o.value, d.req_string(n, "value"));
    o.label = d.opt_string(n, "label").ok()?;
    o.help = d.opt_string(n, "help").ok()?;
    if let Some(r) = n.get("requires") {
        o.requires = Some(requires::decode(d, r)?);
    }
    ok.then_some(o)
}
