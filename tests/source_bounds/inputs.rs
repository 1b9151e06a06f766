//! Documents at the size cap, one for each way an input once cost far more than its size
//! (issue 13 §1), and how reading one is measured (its time, and its peak heap as
//! `support/heap.rs` counts it).
//! Shared by `tests/source_bounds.rs` (which asserts the bounds) and `benches/source.rs`
//! (which reports the figures in release mode).

use hubquote::catalog::Catalog;
use hubquote::scenario::Scenario;
use hubquote::source::{self, MAX_DOCUMENT_BYTES};
use std::time::{Duration, Instant};

/// Every document is filled up to this many bytes.
pub const CAP: usize = MAX_DOCUMENT_BYTES;

/// What reading one document cost.
pub struct Cost {
    pub time: Duration,
    /// Peak heap above what was in use before (the document's text excluded).
    pub peak_bytes: usize,
    pub outcome: Outcome,
}

/// Runs `read` on `text` and measures it (single-threaded callers: the peak is global).
pub fn measure(text: &str, read: fn(&str) -> Outcome) -> Cost {
    let before = crate::heap::start();
    let start = Instant::now();
    let outcome = read(text);
    let time = start.elapsed();
    Cost {
        time,
        peak_bytes: crate::heap::peak_since(before),
        outcome,
    }
}

/// One class of input, generated at the cap, and the reader it is given to.
pub struct Case {
    pub name: &'static str,
    pub make: fn() -> String,
    pub read: fn(&str) -> Outcome,
}

/// Every class, each at the cap.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "a 2 MiB key above 1M values (paths copied per node)",
            make: long_key_above_values,
            read: decode_scenario,
        },
        Case {
            name: "270k distinct keys in one object (repeats compared pairwise)",
            make: distinct_keys,
            read: decode_scenario,
        },
        Case {
            name: "420k repeats of one key (a diagnostic each)",
            make: repeated_key,
            read: decode_scenario,
        },
        Case {
            name: "a 4 MiB unknown key (\"did you mean\" against it)",
            make: huge_unknown_key,
            read: decode_scenario,
        },
        Case {
            name: "4,000 unknown 1 KB keys (a suggestion each)",
            make: many_unknown_keys,
            read: decode_scenario,
        },
        Case {
            name: "1M empty hubs (8M missing fields)",
            make: empty_hubs,
            read: decode_scenario,
        },
        Case {
            name: "14k invalid hubs validated (each error located in the tree)",
            make: invalid_hubs,
            read: load_scenario,
        },
        Case {
            name: "get() of each of 290k keys of one object",
            make: wide_object,
            read: get_every_key,
        },
        Case {
            name: "[0,0,…]: 2M numbers",
            make: || filled("[", "0,", "0]"),
            read: decode_scenario,
        },
        Case {
            name: "[[0],[0],…]: 1M lists",
            make: || filled("[", "[0],", "[0]]"),
            read: decode_scenario,
        },
        Case {
            name: "[[[[[[[[0]]]]]]],…]: 260k chains of 8 lists",
            make: || filled("[", "[[[[[[[[0]]]]]]]],", "0]"),
            read: decode_scenario,
        },
        Case {
            name: "[{a:{a:{a:0}}},…]: 280k chains of 3 objects",
            make: || filled("[", "{a:{a:{a:0}}},", "0]"),
            read: decode_scenario,
        },
        Case {
            name: "one 4 MiB line, a comma missing at its end",
            make: missing_comma_at_the_end,
            read: load_catalog,
        },
    ]
}

/// `open` + as many `item`s as fit + `close`, at most [`CAP`] bytes.
pub fn filled(open: &str, item: &str, close: &str) -> String {
    let n = (CAP - open.len() - close.len()) / item.len();
    let mut s = String::with_capacity(CAP);
    s.push_str(open);
    for _ in 0..n {
        s.push_str(item);
    }
    s.push_str(close);
    s
}

/// Like [`filled`], with items that differ (`item(i)`), stopping before the cap.
fn numbered(open: &str, item: impl Fn(usize) -> String, close: &str) -> String {
    let mut s = String::with_capacity(CAP);
    s.push_str(open);
    for i in 0.. {
        let next = item(i);
        if s.len() + next.len() + close.len() > CAP {
            break;
        }
        s.push_str(&next);
    }
    s.push_str(close);
    s
}

const HEAD: &str = r#"{"format": "hubquote.scenario/1", "#;

fn long_key_above_values() -> String {
    let open = format!("{HEAD}\"{}\": [", "k".repeat(CAP / 2));
    filled(&open, "0,", "0]}")
}

fn distinct_keys() -> String {
    let open = format!("{HEAD}\"hubs\": [{{\"features\": {{");
    numbered(&open, |i| format!("\"f{i:07}\": true,"), "\"z\": true}}]}")
}

fn repeated_key() -> String {
    let open = format!("{HEAD}\"hubs\": [{{\"features\": {{");
    filled(&open, "\"f\": true,", "\"f\": true}}]}")
}

fn huge_unknown_key() -> String {
    format!("{HEAD}\"{}\": 1}}", "x".repeat(CAP - HEAD.len() - 8))
}

fn many_unknown_keys() -> String {
    numbered(
        HEAD,
        |i| format!("\"{i:04}{}\": 1,", "y".repeat(1000)),
        "\"z\": 1}",
    )
}

fn empty_hubs() -> String {
    filled(&format!("{HEAD}\"hubs\": ["), "{},", "{}]}")
}

fn invalid_hubs() -> String {
    let catalog = Catalog::embedded().expect("the embedded catalog").catalog;
    let preset = catalog.presets.first().expect("a preset");
    let mut json: serde_json::Value =
        serde_json::from_str(&preset.scenario.to_json()).expect("a preset is JSON");
    let mut hub = json["hubs"][0].clone();
    hub["registered_users"] = 1.into();
    hub["monthly_active_users"] = 2.into();
    let hub = serde_json::to_string(&hub).expect("JSON");
    json["hubs"] = serde_json::Value::Array(Vec::new());
    let whole = serde_json::to_string(&json).expect("JSON");
    let open = whole.replace("\"hubs\":[]", "\"hubs\":[");
    let (open, close) = open.split_once("\"hubs\":[").expect("hubs");
    let open = format!("{open}\"hubs\":[");
    let close = format!("{hub}]{close}");
    filled(&open, &format!("{hub},"), &close)
}

fn wide_object() -> String {
    numbered("{", |i| format!("\"k{i:07}\":0,"), "\"z\":0}")
}

fn missing_comma_at_the_end() -> String {
    let mut s = filled("{\"name\": \"x\", \"items\": [", "1,", "1], ");
    s.truncate(CAP - 20);
    s.push_str("\"a\": 1 \"b\": 2}");
    s
}

/// Keys of a one-level object.
fn keys_of(text: &str) -> Vec<String> {
    text.trim_start_matches('{')
        .split(',')
        .filter_map(|m| m.split_once(':'))
        .map(|(k, _)| k.trim_matches('"').to_string())
        .collect()
}

/// What reading a document gave: a one-line account, and how long the report of its
/// problems is.
pub struct Outcome {
    pub summary: String,
    pub report_bytes: usize,
}

/// The outcome of reading a document: its summary, or how many errors and the first.
pub fn summary(result: Result<String, hubquote::source::Diagnostics>) -> Outcome {
    match result {
        Ok(summary) => Outcome {
            summary,
            report_bytes: 0,
        },
        Err(d) => {
            let text = d.render("doc");
            let first: String = text.lines().next().unwrap_or("").chars().take(90).collect();
            Outcome {
                summary: format!("{} errors: {first}", d.errors().count()),
                report_bytes: text.len(),
            }
        }
    }
}

pub fn decode_scenario(text: &str) -> Outcome {
    summary(Scenario::decode(text).map(|_| "decoded".into()))
}

pub fn load_scenario(text: &str) -> Outcome {
    let catalog = Catalog::embedded().expect("the embedded catalog").catalog;
    summary(Scenario::load(text, &catalog).map(|_| "valid".into()))
}

pub fn load_catalog(text: &str) -> Outcome {
    summary(Catalog::load(text).map(|_| "valid".into()))
}

pub fn get_every_key(text: &str) -> Outcome {
    let summary = match source::parse(text) {
        Ok(root) => {
            let keys = keys_of(text);
            let found = keys.iter().filter(|k| root.get(k).is_some()).count();
            format!("{found} of {} keys found", keys.len())
        }
        Err(e) => e.to_string(),
    };
    Outcome {
        summary,
        report_bytes: 0,
    }
}
