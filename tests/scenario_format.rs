//! Issue 13 §2: the scenario decoder and `docs/scenario-format.md` agree exactly, both
//! ways. The documented table is read here: every field it names is the decoder's and
//! every field the decoder knows is in it; a field is required exactly when the docs'
//! defaults do not name it; every documented range and count holds at its ends and is
//! an error one step beyond; every text bound too. Each error is at the field's path.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;
use hubquote::scenario::Scenario;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const DOC: &str = include_str!("../docs/scenario-format.md");

fn catalog() -> Catalog {
    Catalog::embedded().unwrap().catalog
}

/// A scenario with every field present: a preset with a discount, a contact, notes and
/// every `/2` member (a negotiated fee, a custom line, an approval).
fn full() -> Value {
    let c = catalog();
    let preset = c.preset("research-gpu-dask").unwrap();
    let mut v: Value = serde_json::from_str(&preset.scenario.to_json()).unwrap();
    v["customer"]["contact"] = json!("pi@example.edu");
    v["notes"] = json!("Call on Monday.");
    v["discounts"] =
        json!([{ "target": "membership", "percent": "10", "reason": "Early adopter" }]);
    v["format"] = json!("hubquote.scenario/2");
    v["overrides"] = json!([{ "target": "membership", "tier": "Premier", "price": "72000",
        "reason": "Consortium" }]);
    v["custom_lines"] = json!([{ "label": "Data pipeline SOW", "quantity": "60",
        "unit": "hour", "unit_price": "250", "period": "one_off", "kind": "fixed",
        "reason": "Ingest the shared dataset" }]);
    v["approval"] = json!({ "by": "Dana Finance", "date": "2026-11-20", "note": "Board" });
    v
}

/// One row of the documented table: its fields (`hubs[].size` as `hubs[0].size`) and
/// its type cell.
struct Row {
    fields: Vec<String>,
    kind: String,
}

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.strip_suffix("[]").unwrap_or(s).replace("[]", "[0]"))
        .collect()
}

fn rows() -> Vec<Row> {
    DOC.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            Row {
                fields: backticked(cells[0]),
                kind: cells[1].to_string(),
            }
        })
        .collect()
}

/// The fields the docs give a default.
fn optional() -> BTreeSet<String> {
    let from = DOC.find("Defaults:").unwrap();
    let to = DOC[from..].find("Every other field is required").unwrap() + from;
    backticked(&DOC[from..to])
        .into_iter()
        .flat_map(|f| match f.as_str() {
            // Hub fields are named without their `hubs[].` in the defaults.
            "gpu_share" | "object_storage_gb" | "egress_gb" | "dask_node_hours" | "features" => {
                vec![format!("hubs[0].{f}")]
            }
            _ => vec![f],
        })
        .collect()
}

/// The paths of every member of `v`, nested objects of the model included (a hub's
/// features are values, not fields).
fn paths(v: &Value, at: &str, out: &mut BTreeSet<String>) {
    if let Value::Object(m) = v {
        for (k, x) in m {
            let p = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            out.insert(p.clone());
            match (k.as_str(), x) {
                ("features", _) => {}
                (_, Value::Array(items)) if !items.is_empty() => {
                    paths(&items[0], &format!("{p}[0]"), out)
                }
                _ => paths(x, &p, out),
            }
        }
    }
}

fn remove(v: &mut Value, path: &str) {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let mut at = &mut *v;
    for step in parent.split('.').filter(|s| !s.is_empty()) {
        at = match step.strip_suffix("[0]") {
            Some(k) => &mut at[k][0],
            None => &mut at[step],
        };
    }
    at.as_object_mut().unwrap().remove(key);
}

fn set(v: &mut Value, path: &str, value: Value) {
    let mut at = &mut *v;
    for step in path.split('.') {
        at = match step.strip_suffix("[0]") {
            Some(k) => &mut at[k][0],
            None => &mut at[step],
        };
    }
    *at = value;
}

/// The paths of the errors of loading `v` (decoding, then validation).
fn errors(v: &Value) -> Vec<(String, String)> {
    match Scenario::load(&v.to_string(), &catalog()) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .errors()
            .map(|e| (e.path.clone(), e.message.clone()))
            .collect(),
    }
}

fn errs_at(v: &Value, path: &str) -> Vec<String> {
    errors(v)
        .into_iter()
        .filter(|(p, _)| p == path)
        .map(|(_, m)| m)
        .collect()
}

#[test]
fn the_full_scenario_is_valid() {
    assert_eq!(errors(&full()), Vec::<(String, String)>::new());
}

#[test]
fn every_documented_field_is_decoded_and_every_decoded_field_documented() {
    let documented: BTreeSet<String> = rows().into_iter().flat_map(|r| r.fields).collect();
    let mut decoded = BTreeSet::new();
    paths(&full(), "", &mut decoded);
    // The docs describe a discount's members in its row, not a row each.
    let discount = ["target", "percent", "reason"].map(|k| format!("discounts[0].{k}"));
    decoded.retain(|p| !discount.contains(p));
    assert_eq!(documented, decoded);
    // And nothing else is accepted: an unknown field is an error at its place.
    for at in [
        "",
        "customer",
        "hubs[0]",
        "discounts[0]",
        "overrides[0]",
        "custom_lines[0]",
        "approval",
    ] {
        let mut v = full();
        let path = if at.is_empty() {
            "extra".to_string()
        } else {
            format!("{at}.extra")
        };
        set(&mut v, &path, json!(1));
        assert!(!errs_at(&v, &path).is_empty(), "{path} accepted");
    }
}

#[test]
fn a_field_is_required_exactly_when_the_docs_give_it_no_default() {
    let optional = optional();
    let mut all = BTreeSet::new();
    paths(&full(), "", &mut all);
    // A discount's members and an override's tier are required by a rule, said below.
    let by_rule = |f: &&String| f.starts_with("discounts[0].") || *f == "overrides[0].tier";
    for field in all.iter().filter(|f| !by_rule(f)) {
        let mut v = full();
        remove(&mut v, field);
        let missing = errors(&v)
            .iter()
            .any(|(p, m)| p == field && m == "is missing");
        assert_eq!(missing, !optional.contains(field), "{field}");
    }
    for (field, message) in [
        ("discounts[0].target", "is missing"),
        ("discounts[0].reason", "is missing"),
        (
            "discounts[0].percent",
            "a discount needs a \"percent\" or an \"amount\"",
        ),
        (
            "overrides[0].tier",
            "a negotiated membership fee names its tier",
        ),
    ] {
        let mut v = full();
        remove(&mut v, field);
        let at = if field.ends_with("percent") {
            "discounts[0]"
        } else {
            field
        };
        assert_eq!(errs_at(&v, at), [message], "{field}");
    }
}

/// `decimal 0–1,000` → (decimal, 0, 1000); `whole number ≤ registered` is not a range.
fn range(kind: &str) -> Option<(bool, i64, i64)> {
    let whole = kind.starts_with("whole number ");
    let rest = kind
        .strip_prefix("whole number ")
        .or_else(|| kind.strip_prefix("decimal "))?;
    let (lo, hi) = rest.split_once('–')?;
    let n = |s: &str| s.trim().replace(',', "").parse::<i64>().ok();
    Some((whole, n(lo)?, n(hi)?))
}

#[test]
fn every_documented_range_holds_at_its_ends_and_not_one_step_beyond() {
    let mut checked = 0;
    for row in rows() {
        let Some((whole, lo, hi)) = range(&row.kind) else {
            continue;
        };
        for field in &row.fields {
            let ok = |x: Value| {
                let mut v = full();
                set(&mut v, field, x.clone());
                if field.ends_with("registered_users") {
                    set(&mut v, "hubs[0].monthly_active_users", json!(0));
                }
                errs_at(&v, field)
            };
            let (below, above) = if whole {
                (json!(lo - 1), json!(hi + 1))
            } else {
                (
                    json!(format!("{lo}.00").replace("0.00", "-0.01")),
                    json!(format!("{hi}.01")),
                )
            };
            assert_eq!(ok(json!(lo)), Vec::<String>::new(), "{field} = {lo}");
            assert_eq!(ok(json!(hi)), Vec::<String>::new(), "{field} = {hi}");
            assert!(!ok(above.clone()).is_empty(), "{field} = {above}");
            if lo > 0 || whole {
                assert!(!ok(below.clone()).is_empty(), "{field} = {below}");
            } else {
                assert!(!ok(json!("-0.01")).is_empty(), "{field} = -0.01");
            }
            // Read exactly, never rounded or guessed.
            let bad: &[Value] = if whole {
                &[json!(7.5), json!("7")]
            } else {
                &[
                    json!(" 12 "),
                    json!("0x10"),
                    json!(format!("1{}", "0".repeat(400))),
                ]
            };
            for b in bad {
                assert!(!ok(b.clone()).is_empty(), "{field} = {b}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 14, "every ranged field of the table");
    // Active users are a part of the registered ones.
    let mut v = full();
    set(&mut v, "hubs[0].monthly_active_users", json!(21));
    assert_eq!(errs_at(&v, "hubs[0].monthly_active_users").len(), 1);
}

#[test]
fn every_documented_count_holds_at_its_ends_and_not_beyond() {
    let hub = full()["hubs"][0].clone();
    let hubs = |n: usize| -> Value {
        (0..n)
            .map(|i| {
                let mut h = hub.clone();
                h["name"] = json!(format!("Hub {i}"));
                h
            })
            .collect()
    };
    let discounts = |n: usize| -> Value {
        (0..n)
            .map(|_| json!({ "target": "membership", "amount": "1", "reason": "r" }))
            .collect()
    };
    for (path, value, ok) in [
        ("hubs", hubs(0), false),
        ("hubs", hubs(1), true),
        ("hubs", hubs(50), true),
        ("hubs", hubs(51), false),
        ("discounts", discounts(0), true),
        ("discounts", discounts(20), true),
        ("discounts", discounts(21), false),
    ] {
        let mut v = full();
        v["tier"] = json!("Premier");
        set(&mut v, path, value.clone());
        let at = errs_at(&v, path);
        assert_eq!(
            at.is_empty(),
            ok,
            "{path} × {}: {at:?}",
            value.as_array().unwrap().len()
        );
    }
    let mut v = full();
    let many: serde_json::Map<String, Value> =
        (0..101).map(|i| (format!("f{i}"), json!(true))).collect();
    v["hubs"][0]["features"] = Value::Object(many);
    assert_eq!(
        errs_at(&v, "hubs[0].features"),
        ["101 features are more than the 100 this calculator accepts"]
    );
    let text = DOC.lines().find(|l| l.starts_with("| `hubs[]`")).unwrap();
    assert!(text.contains("1–50 hubs"), "{text}");
}

#[test]
fn every_text_has_its_documented_bound() {
    let names = [
        "customer.name",
        "customer.contact",
        "prepared_by",
        "hubs[0].name",
        "discounts[0].reason",
        "overrides[0].reason",
        "custom_lines[0].label",
        "custom_lines[0].reason",
        "approval.by",
    ];
    let keys = [
        "tier",
        "provider",
        "region",
        "account",
        "billing",
        "hubs[0].size",
        "overrides[0].tier",
        "custom_lines[0].unit",
    ];
    for (fields, max, one_line) in [
        (&names[..], 200, true),
        (&keys[..], 100, true),
        (&["notes"][..], 10_000, false),
    ] {
        for field in fields {
            let with = |t: String| {
                let mut v = full();
                set(&mut v, field, json!(t));
                errs_at(&v, field)
            };
            let over = with("x".repeat(max + 1));
            assert!(
                over.iter().any(|m| m.starts_with(
                    &format!("is {} characters long", max + 1).replace("10001", "10,001")
                )),
                "{field}: {over:?}"
            );
            if one_line {
                assert!(
                    with("a\nb".into())
                        .iter()
                        .any(|m| m.ends_with("is one line: remove the line break")),
                    "{field}"
                );
            }
        }
        // Names within their bound are accepted (keys must also be the catalog's).
        if one_line && max == 200 {
            for field in fields {
                let mut v = full();
                set(&mut v, field, json!("é".repeat(200)));
                assert_eq!(errs_at(&v, field), Vec::<String>::new(), "{field}");
            }
        }
    }
    let mut v = full();
    set(&mut v, "notes", json!("line\n".repeat(2_000)));
    assert_eq!(errs_at(&v, "notes"), Vec::<String>::new());
    let doc = DOC.replace('\n', " ");
    for words in [
        "one line of at most 200 characters",
        "at most 100",
        "notes at most 10,000 characters",
    ] {
        assert!(doc.contains(words), "{words}");
    }
}

#[test]
fn a_feature_of_the_wrong_type_is_a_located_type_error() {
    let mut v = full();
    v["hubs"][0]["features"]["hub:dask"] = json!(true);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let e = Scenario::load(&text, &catalog()).unwrap_err();
    let line = text
        .lines()
        .position(|l| l.contains("\"hub:dask\": true"))
        .unwrap()
        + 1;
    let rendered = e.render("s.json");
    assert!(
        rendered.contains(&format!(
            "s.json:{line}:21: error: hubs[0].features.hub:dask: \"Dask Gateway\" is a choice of options, not on or off: expected one of \"Disabled\", \"Enabled\" (a text), found true"
        )),
        "{rendered}"
    );
    // A flag given a text, and a choice the item does not have.
    let c = catalog();
    let flag = c
        .hub_choices()
        .into_iter()
        .find(|h| h.flag && h.options.is_empty())
        .expect("an on/off item")
        .item
        .clone();
    let mut v = full();
    v["hubs"][0]["features"][&flag.id] = json!("yes");
    let at = format!("hubs[0].features.{}", flag.id);
    assert_eq!(
        errs_at(&v, &at),
        [format!(
            "\"{}\" is on or off: expected true or false, found the text \"yes\"",
            flag.label
        )]
    );
    let mut v = full();
    v["hubs"][0]["dask_node_hours"] = json!("0");
    v["hubs"][0]["features"]["hub:dask"] = json!("Maybe");
    assert_eq!(
        errs_at(&v, "hubs[0].features.hub:dask"),
        ["\"Dask Gateway\" has no choice \"Maybe\": choose one of \"Disabled\", \"Enabled\""]
    );
}
