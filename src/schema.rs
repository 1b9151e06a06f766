//! JSON Schemas of the documents (catalog, scenario, quote, diff, and the book's: a
//! batch row, a summary, an impact), generated from the Rust types so they cannot
//! drift from the code (a test compares them with the committed `schemas/`).

use schemars::{schema_for, Schema};
use serde_json::Value;

/// The documents that have a schema.
pub const KINDS: [&str; 7] = [
    "catalog", "scenario", "quote", "diff", "batch", "summary", "impact",
];

/// The schema of `kind` as pretty JSON, or `None` for an unknown kind.
pub fn json(kind: &str) -> Option<String> {
    let mut schema: Schema = match kind {
        "catalog" => schema_for!(crate::catalog::Catalog),
        "scenario" => schema_for!(crate::scenario::Scenario),
        "quote" => schema_for!(crate::quote::Quote),
        "diff" => schema_for!(crate::diff::QuoteDiff),
        // One line of `hubquote batch --format jsonl`.
        "batch" => schema_for!(crate::book::Row),
        "summary" => schema_for!(crate::book::Summary),
        "impact" => schema_for!(crate::book::Impact),
        _ => return None,
    };
    let input = kind == "catalog" || kind == "scenario";
    let obj = schema.as_object_mut()?;
    obj.insert(
        "$id".into(),
        Value::String(format!(
            "https://hubquote.invalid/schemas/{kind}.schema.json"
        )),
    );
    let mut value = Value::Object(obj.clone());
    if input {
        widen_decimals(&mut value);
    }
    serde_json::to_string_pretty(&value).ok().map(|s| s + "\n")
}

/// Inputs accept a decimal as a number or a string; outputs always write strings.
fn widen_decimals(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let is_decimal = map.get("type") == Some(&Value::String("string".into()))
                && map
                    .get("pattern")
                    .and_then(Value::as_str)
                    .is_some_and(|p| p.contains("[0-9]"));
            if is_decimal {
                map.insert("type".into(), serde_json::json!(["string", "number"]));
            }
            map.values_mut().for_each(widen_decimals);
        }
        Value::Array(items) => items.iter_mut().for_each(widen_decimals),
        _ => {}
    }
}
