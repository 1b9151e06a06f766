//! Catalog text → [`Catalog`]: the top level, the items, the price list and the presets
//! (each a scenario, decoded by the scenario's own decoder), every type error recorded.

use super::{contact, items, price_list, Catalog, Preset};
use crate::source::{put, Decoder, Node, Value};
use std::collections::HashSet;

const TOP_KEYS: &[&str] = &["name", "version", "items", "pricing", "presets", "contact"];

/// Decodes a whole catalog document, recording every type error.
pub fn catalog(d: &mut Decoder, root: &Node, sha256: String) -> Option<Catalog> {
    d.object(root)?;
    d.check_keys(root, TOP_KEYS, false);
    let mut c = Catalog {
        name: String::new(),
        version: String::new(),
        items: Vec::new(),
        pricing: None,
        presets: Vec::new(),
        contact: None,
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
    c.pricing = root
        .get("pricing")
        .and_then(|p| price_list::decode::price_list(d, p));
    if let Some(nodes) = root.get("presets").and_then(|p| d.array(p)) {
        c.presets = nodes.iter().filter_map(|n| decode_preset(d, n)).collect();
    }
    c.contact = root.get("contact").and_then(|n| contact::decode(d, n));
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
/// fails to decode for another reason. One set for the whole list: any number of items
/// is checked in one pass (an id that is an array or object never equals another).
fn repeated_ids(d: &mut Decoder, nodes: &[Node]) {
    let mut seen: HashSet<(u8, &str)> = HashSet::new();
    for id in nodes.iter().filter_map(|n| n.get("id")) {
        let key = match &id.value {
            Value::Null => (0, ""),
            Value::Bool(b) => (1, if *b { "true" } else { "false" }),
            Value::Number(n) => (2, n.as_str()),
            Value::String(s) => (3, s.as_str()),
            Value::Array(_) | Value::Object(_) => continue,
        };
        if !seen.insert(key) {
            d.fail(id, || {
                format!("the item id {} is used more than once", id.describe())
            });
        }
    }
}

fn decode_preset(d: &mut Decoder, n: &Node) -> Option<Preset> {
    d.object(n)?;
    d.check_keys(
        n,
        &["id", "label", "description", "example", "scenario"],
        false,
    );
    let id = d.req_string(n, "id");
    let label = d.req_string(n, "label");
    let description = d.text_or_empty(n, "description")?;
    let example = d.text_or_empty(n, "example")?;
    let scenario = d
        .required(n, "scenario")
        .and_then(|s| crate::scenario::decode::decode_node(d, s));
    let (Some(id), Some(label), Some(scenario)) = (id, label, scenario) else {
        return None;
    };
    Some(Preset {
        id,
        label,
        description,
        example,
        scenario,
    })
}
