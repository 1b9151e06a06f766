//! Catalogs and scenarios at every limit (`catalog::limits`, `scenario::bounds`, the text
//! bounds of `source::limits`), priced on every tier and written in every format; and
//! documents at the size cap that break a limit, refused within the bound. Shared by
//! `tests/source_bounds.rs` and `benches/source.rs`, like `inputs.rs`.

use crate::faces::every_face;
use crate::inputs::{filled, summary, Case, Outcome, CAP};
use hubquote::catalog::limits::{
    MAX_BANDS, MAX_COMPONENTS, MAX_ITEMS, MAX_SOURCES, MAX_TERMS, MAX_TIERS,
};
use hubquote::catalog::Catalog;
use hubquote::scenario::bounds::{MAX_DISCOUNTS, MAX_HUBS};
use hubquote::scenario::{share, Scenario};
use hubquote::source::{TextLimit, KEY, NAME, NOTES, PARAGRAPH, SYMBOL, URL};
use serde_json::{json, Map, Value};

/// Every case: the documents at the limits, then those past a limit at the cap.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "a catalog and a scenario at every limit: the quote, every format",
            make: || limit_catalog().to_string(),
            read: quote_at_the_limits,
        },
        Case {
            name: "the same: every tier's quote, every format, read back",
            make: || limit_catalog().to_string(),
            read: price_at_the_limits,
        },
        Case {
            name: "the longest share link of that scenario that fits, read and priced",
            make: longest_link,
            read: open_link,
        },
        Case {
            name: "a seller's name of 4 MiB of newlines (34,000 PDF pages)",
            make: long_seller_name,
            read: load_catalog_and_quote,
        },
        Case {
            name: "7,200 tiers",
            make: many_tiers,
            read: load_catalog_and_quote,
        },
        Case {
            name: "a select of 790k repeated options under a 1 MiB tier key",
            make: repeated_options,
            read: load_catalog_and_quote,
        },
        Case {
            name: "a requirement of 170k clauses",
            make: long_requirement,
            read: load_catalog_and_quote,
        },
        Case {
            name: "19k valid hubs (50 are validated)",
            make: many_hubs,
            read: load_and_quote_scenario,
        },
        Case {
            name: "62k discounts with reasons (20 are validated)",
            make: many_discounts,
            read: load_and_quote_scenario,
        },
    ]
}

/// `limit.max_chars` characters: `seed`, then words of Latin, CJK (written `[U+6771]` in
/// the PDF: eight bytes each) and, where allowed, line breaks.
fn text(limit: TextLimit, seed: &str) -> String {
    let filler = if limit.one_line {
        " Montréal 東京 wörds"
    } else {
        " Montréal 東京 wörds\n"
    };
    let plain = limit.max_chars <= KEY.max_chars;
    let chars = seed.chars().chain(if plain {
        "-key".chars().cycle()
    } else {
        filler.chars().cycle()
    });
    chars.take(limit.max_chars).collect()
}

/// The embedded catalog with a seller's name of `2i2c` lines up to the cap (each line
/// break written `\n` in the JSON text).
fn long_seller_name() -> String {
    let room = CAP - embedded().to_string().len();
    catalog_with(|c| c["pricing"]["seller"]["name"] = json!("2i2c\n".repeat(room / 6)))
}

fn embedded() -> Value {
    serde_json::to_value(Catalog::embedded().expect("the embedded catalog").catalog)
        .expect("a catalog is JSON")
}

fn catalog_with(edit: impl Fn(&mut Value)) -> String {
    let mut c = embedded();
    edit(&mut c);
    c.to_string()
}

fn loaded(text: &str) -> Catalog {
    Catalog::load(text)
        .unwrap_or_else(|d| panic!("the catalog at the limits: {}", first_errors(&d)))
        .catalog
}

/// The first errors of `d`, each shortened: enough to see what went wrong.
fn first_errors(d: &hubquote::source::Diagnostics) -> String {
    let shown: Vec<String> = d
        .errors()
        .take(5)
        .map(|e| e.to_string().chars().take(300).collect())
        .collect();
    shown.join("\n")
}

/// The tier that allows the scenario at the limits, and the key of the `i`-th tier.
const OPEN_TIER: &str = "T9";

fn tier_key(i: usize) -> String {
    if i + 1 == MAX_TIERS {
        OPEN_TIER.into()
    } else {
        text(KEY, &format!("T{i}"))
    }
}

/// The ids of the generated items: as long as a key, `g00`… first.
fn item_id(k: usize) -> String {
    text(KEY, &format!("g{k:02}"))
}

/// A priced catalog at every limit that cost grows with: 10 tiers (only the last allows
/// the scenario at the limits, so every other tier rules out every feature and names the
/// one that allows it), 100 items whose last tier's choice has a 16-clause requirement,
/// 20 usage bands, 20 cluster components, 200 sources, 50 terms, and every text that is
/// printed at its longest.
pub fn limit_catalog() -> Value {
    let mut c = embedded();
    c["name"] = json!(text(NAME, "Catalog"));
    c["version"] = json!(text(KEY, "v"));
    let p = &mut c["pricing"];
    p["currency"] = json!({ "code": text(SYMBOL, "C"), "symbol": "東京都大阪府京都" });
    p["seller"] = json!({
        "name": text(NAME, "Seller"),
        "contact": text(NAME, "contact@"),
        "website": text(URL, "https://"),
        "address": text(PARAGRAPH, "Street"),
    });
    let premier = p["tiers"]["Premier"].clone();
    let mut tiers = Map::new();
    for i in 0..MAX_TIERS {
        let mut t = premier.clone();
        t["label"] = json!(text(NAME, &format!("Tier {i}")));
        t["for_whom"] = json!(text(PARAGRAPH, "For"));
        t["price_note"] = json!(text(PARAGRAPH, "Note"));
        t["hub_limit"] = json!(if i + 1 == MAX_TIERS { MAX_HUBS } else { 10 });
        tiers.insert(tier_key(i), t);
    }
    p["tiers"] = Value::Object(tiers);
    p["terms"] = json!((0..MAX_TERMS)
        .map(|i| text(PARAGRAPH, &format!("Term {i}")))
        .collect::<Vec<_>>());
    p["usage_fee"]["basis"] = json!(text(PARAGRAPH, "Basis"));
    p["usage_fee"]["bands"] = json!((0..MAX_BANDS)
        .map(|i| {
            let from = 10 * i + 1;
            let band =
                json!({ "from": from, "to": from + 9, "price": format!("{}.25", MAX_BANDS - i) });
            if i + 1 == MAX_BANDS {
                json!({ "from": from, "price": "0" })
            } else {
                band
            }
        })
        .collect::<Vec<_>>());
    sources(p);
    cloud(p);
    items(&mut c);
    if let Some(presets) = c["presets"].as_array_mut() {
        for preset in presets {
            preset["label"] = json!(text(NAME, "Preset"));
            preset["description"] = json!(text(PARAGRAPH, "Description"));
            preset["scenario"]["tier"] = json!("recommend");
        }
    }
    c
}

/// The existing sources retitled at length, and more up to the limit.
fn sources(p: &mut Value) {
    let Some(sources) = p["sources"].as_object_mut() else {
        return;
    };
    for s in sources.values_mut() {
        s["title"] = json!(text(PARAGRAPH, "Title"));
        s["url"] = json!(text(URL, "https://"));
    }
    for i in sources.len()..MAX_SOURCES {
        sources.insert(
            format!("extra-{i}"),
            json!({ "title": text(PARAGRAPH, "Extra") }),
        );
    }
}

/// AWS us-west-2 with every cluster component and every label at its longest.
fn cloud(p: &mut Value) {
    let aws = &mut p["providers"]["AWS"];
    aws["label"] = json!(text(NAME, "AWS"));
    aws["note"] = json!(text(PARAGRAPH, "Note"));
    let r = &mut aws["regions"]["us-west-2"];
    r["label"] = json!(text(NAME, "Oregon"));
    let part = r["cluster"][0].clone();
    r["cluster"] = json!((0..MAX_COMPONENTS)
        .map(|i| {
            let mut x = part.clone();
            x["id"] = json!(format!("part-{i}"));
            x["label"] = json!(text(NAME, &format!("Part {i}")));
            x
        })
        .collect::<Vec<_>>());
    for key in ["home_storage", "object_storage", "egress"] {
        r[key]["label"] = json!(text(NAME, key));
    }
    if let Some(sizes) = p["sizes"].as_object_mut() {
        for s in sizes.values_mut() {
            s["label"] = json!(text(NAME, "Size"));
        }
    }
}

/// The catalog's items, each in every tier (as Premier has it) with its texts at their
/// longest, and generated items up to the limit.
fn items(c: &mut Value) {
    let Some(list) = c["items"].as_array_mut() else {
        return;
    };
    for item in list.iter_mut() {
        item["label"] = json!(text(NAME, "Item"));
        item["help"] = json!(text(PARAGRAPH, "Help"));
        let premier = item["perTier"]["Premier"].clone();
        item["perTier"] = json!((0..MAX_TIERS)
            .map(|i| (tier_key(i), premier.clone()))
            .collect::<Map<_, _>>());
    }
    let existing = list.len();
    let generated = MAX_ITEMS - existing;
    for k in 0..generated {
        list.push(generated_item(k, generated));
    }
}

/// Item `gk`: only "no" in every tier but the last, where "yes" needs the 15 items after
/// it to be "yes" too (a 16-clause requirement on the choice and on the tier's config).
fn generated_item(k: usize, n: usize) -> Value {
    let needs = |op: &str| {
        let leaves: Vec<Value> = (1..16)
            .map(|j| json!({ "id": item_id((k + j) % n), "op": "eq", "value": "yes" }))
            .collect();
        json!({ op: leaves })
    };
    let closed = json!({ "kind": "select", "options": [{ "value": "no", "label": text(NAME, "No") }], "default": "no" });
    let open = json!({
        "kind": "select",
        "help": text(PARAGRAPH, "Tier help"),
        "requires": needs("anyOf"),
        "options": [
            { "value": "no" },
            { "value": "yes", "label": text(NAME, "Yes"), "help": text(PARAGRAPH, "Yes"), "requires": needs("allOf") },
        ],
        "default": "no",
    });
    let per_tier: Map<String, Value> = (0..MAX_TIERS)
        .map(|i| {
            (
                tier_key(i),
                if i + 1 == MAX_TIERS {
                    open.clone()
                } else {
                    closed.clone()
                },
            )
        })
        .collect();
    json!({
        "id": item_id(k),
        "group": text(NAME, &format!("Group {}", k % 7)),
        "label": text(NAME, &format!("Generated {k}")),
        "help": text(PARAGRAPH, "Help"),
        "perTier": per_tier,
    })
}

/// The flag items of the embedded catalog that hubs turn on or off, each hub its own way.
const FLAGS: [&str; 7] = [
    "environment:community_image",
    "environment:dynimg",
    "obj:scratch",
    "obj:persistent",
    "wl:customfields",
    "wl:fullpage",
    "reporting:usage",
];

/// The scenario at every limit under [`limit_catalog`]: 50 hubs at the largest usage,
/// each choosing "yes" for every generated item (and Dask and a GPU) and its own set of
/// flags (so that no two hubs are judged alike), 20 discounts, and every text at its
/// longest.
pub fn limit_scenario(c: &Catalog) -> Scenario {
    let ids: Vec<&str> = c
        .items
        .iter()
        .map(|i| i.id.as_str())
        .filter(|id| id.starts_with('g'))
        .collect();
    let mut features: Map<String, Value> = ids
        .iter()
        .map(|id| (id.to_string(), json!("yes")))
        .collect();
    features.insert("hub:dask".into(), json!("Enabled"));
    features.insert("hub:gpu".into(), json!("NVIDIA T4"));
    let hubs: Vec<Value> = (0..MAX_HUBS)
        .map(|i| {
            let mut features = features.clone();
            for (bit, flag) in FLAGS.iter().enumerate() {
                features.insert(flag.to_string(), json!(i >> bit & 1 == 1));
            }
            json!({
                "name": text(NAME, &format!("Hub {i}")),
                "registered_users": 10_000_000, "monthly_active_users": 10_000_000,
                "hours_per_user": "744", "size": "X-Large", "gpu_share": "1",
                "home_gb_per_user": "10000", "object_storage_gb": "100000000",
                "egress_gb": "100000000", "dask_node_hours": "1000000",
                "features": features,
            })
        })
        .collect();
    let targets = ["membership", "usage_fee", "extra_help", "project_hours"];
    let discounts: Vec<Value> = (0..MAX_DISCOUNTS)
        .map(|i| json!({ "target": targets[i % 4], "percent": "5", "reason": text(NAME, &format!("Reason {i}")) }))
        .collect();
    let s = json!({
        "format": "hubquote.scenario/1",
        "customer": { "name": text(NAME, "Customer"), "contact": text(NAME, "Contact") },
        "prepared_by": text(NAME, "Sales"),
        "tier": "recommend", "provider": "AWS", "region": "us-west-2",
        "account": "2i2c-managed", "billing": "2i2c-pays",
        "active_months": 12, "term_years": 10,
        "help_hours_per_quarter": "1000", "project_hours": "100000",
        "discounts": discounts, "hubs": hubs,
        "notes": text(NOTES, "Notes"),
    });
    Scenario::load(&s.to_string(), c)
        .unwrap_or_else(|d| panic!("the scenario at the limits: {}", first_errors(&d)))
}

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).expect("a date")
}

/// Loads the catalog, makes the scenario at the limits for it, and quotes it as the CLI
/// does (the recommended tier), in every format.
fn quote_at_the_limits(text: &str) -> Outcome {
    let c = loaded(text);
    let s = limit_scenario(&c);
    let q = hubquote::pricing::quote(&c, &s, date()).expect("the quote at the limits");
    let written = hubquote::export::to_text(&q).len()
        + hubquote::export::to_markdown(&q).len()
        + hubquote::export::to_csv(&q).len()
        + hubquote::export::to_pdf(&q).len()
        + q.to_json().len();
    Outcome {
        summary: format!(
            "{} lines, {:.1} MB written",
            q.lines.len(),
            written as f64 / 1e6
        ),
        report_bytes: 0,
    }
}

/// Loads the catalog, makes the scenario at the limits for it, and every face of it.
fn price_at_the_limits(text: &str) -> Outcome {
    let c = loaded(text);
    let s = limit_scenario(&c);
    let f = every_face(&c, &s, date());
    assert!(f.broken.is_empty(), "{:?}", f.broken);
    assert_eq!(f.quotes, 2, "{OPEN_TIER} and recommend");
    Outcome {
        summary: format!(
            "{} quotes, {} tiers refused, {:.1} MB written, link {} bytes",
            f.quotes,
            f.refusals,
            f.bytes as f64 / 1e6,
            share::encode(&s).len()
        ),
        report_bytes: 0,
    }
}

/// The scenario at every limit, with as many of its hubs as its link can carry.
fn longest_link() -> String {
    let mut s = limit_scenario(&loaded(&limit_catalog().to_string()));
    while !share::fits(&s) {
        s.hubs.pop();
    }
    share::encode(&s)
}

fn open_link(text: &str) -> Outcome {
    assert!(text.len() <= share::MAX_LINK_BYTES, "{} bytes", text.len());
    let s = share::decode(text).expect("the link at the limits");
    let c = loaded(&limit_catalog().to_string());
    let f = every_face(&c, &s, date());
    Outcome {
        summary: format!("{} bytes of link, {} quotes", text.len(), f.quotes),
        report_bytes: 0,
    }
}

/// Loads a catalog and, when it loads, quotes each of its presets.
fn load_catalog_and_quote(text: &str) -> Outcome {
    summary(Catalog::load(text).map(|l| {
        let quotes = l
            .catalog
            .presets
            .iter()
            .map(|p| every_face(&l.catalog, &p.scenario, date()).quotes)
            .sum::<usize>();
        format!("valid, {quotes} quotes")
    }))
}

/// Loads a scenario under the embedded catalog and, when it is valid, every face of it.
fn load_and_quote_scenario(text: &str) -> Outcome {
    let c = Catalog::embedded().expect("the embedded catalog").catalog;
    summary(
        Scenario::load(text, &c)
            .map(|s| format!("valid, {} quotes", every_face(&c, &s, date()).quotes)),
    )
}

fn many_tiers() -> String {
    let tier = embedded()["pricing"]["tiers"]["Premier"].to_string();
    let whole = catalog_with(|c| c["pricing"]["tiers"] = json!({}));
    let (open, close) = whole.split_once("\"tiers\":{}").expect("tiers");
    let open = format!("{open}\"tiers\":{{");
    let mut s = String::with_capacity(CAP);
    s.push_str(&open);
    for i in 0.. {
        let next = format!("\"T{i}\":{tier},");
        if s.len() + next.len() + tier.len() + close.len() + 8 > CAP {
            break;
        }
        s.push_str(&next);
    }
    s.push_str("\"Z\":");
    s.push_str(&tier);
    s.push('}');
    s.push_str(close);
    s
}

fn repeated_options() -> String {
    let key = "k".repeat(1 << 20);
    let open = format!(
        "{{\"name\":\"n\",\"version\":\"v\",\"items\":[{{\"id\":\"a\",\"group\":\"g\",\"label\":\"l\",\"perTier\":{{\"{key}\":{{\"kind\":\"select\",\"options\":["
    );
    filled(&open, "\"o\",", "\"o\"]}}}]}")
}

fn long_requirement() -> String {
    let open = "{\"name\":\"n\",\"version\":\"v\",\"items\":[{\"id\":\"a\",\"group\":\"g\",\"label\":\"l\",\"perTier\":{\"T\":{\"kind\":\"flag\",\"available\":true,\"requires\":{\"allOf\":[";
    filled(
        open,
        "{\"id\":\"a\",\"op\":\"truthy\"},",
        "{\"id\":\"a\",\"op\":\"truthy\"}]}}}}]}",
    )
}

fn preset_json(id: &str) -> Value {
    let c = Catalog::embedded().expect("the embedded catalog").catalog;
    let p = c.preset(id).expect("a preset");
    serde_json::from_str(&p.scenario.to_json()).expect("a preset is JSON")
}

/// The scenario `preset`, its list `key` filled with copies of `item(i)` up to the cap.
fn filled_list(preset: &str, key: &str, item: impl Fn(usize) -> Value) -> String {
    let mut v = preset_json(preset);
    v[key] = json!([]);
    let whole = v.to_string();
    let marker = format!("\"{key}\":[]");
    let (open, close) = whole.split_once(&marker).expect("the list");
    let mut s = format!("{open}\"{key}\":[");
    for i in 0.. {
        let next = item(i).to_string();
        if s.len() + next.len() + close.len() + 2 > CAP {
            break;
        }
        s.push_str(&next);
        s.push(',');
    }
    s.pop();
    s.push(']');
    s.push_str(close);
    s
}

fn many_hubs() -> String {
    let hub = preset_json("course-50")["hubs"][0].clone();
    filled_list("course-50", "hubs", |i| {
        let mut h = hub.clone();
        h["name"] = json!(format!("Hub {i}"));
        h
    })
}

fn many_discounts() -> String {
    filled_list(
        "course-50",
        "discounts",
        |i| json!({ "target": "membership", "amount": "1", "reason": format!("reason number {i}") }),
    )
}
