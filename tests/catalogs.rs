//! Catalog loading and validation: the real catalogs, tiers as data, and broken
//! catalogs reported with every error at once, each at its line and column.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;
use hubquote::pricing::quote;
use hubquote::scenario::{share, Scenario};

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap()
}

#[test]
fn the_reference_v2_catalogs_load_as_feature_only() {
    for (file, items) in [("catalog_20250825.json", 25), ("template_catalog.json", 12)] {
        let path = format!(
            "{}/../shared/reference/hub-configurator/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let Ok(text) = std::fs::read_to_string(&path) else {
            // CI always has shared/ beside the clone: there a missing file is a failure.
            assert!(std::env::var_os("CI").is_none(), "{path} is missing in CI");
            eprintln!("skipping {path}: not present");
            continue;
        };
        let loaded = Catalog::load(&text).unwrap_or_else(|d| panic!("{file}:\n{}", d.render(file)));
        let c = loaded.catalog;
        assert!(!c.is_priced());
        assert_eq!(c.tiers, ["Essential", "Advanced", "Premier"]);
        assert_eq!(c.items.len(), items);
    }
}

#[test]
fn the_real_catalog_with_its_trailing_comma_parses() {
    // catalog_20250825.json has `{ ... },\n          ],` in signin:auth's Advanced options.
    let text = r#"{"name":"n","version":"v","items":[{"id":"a","group":"g","label":"l","help":"h","perTier":{"T":{"kind":"select","options":[{"value":"x"},],"default":"x"}}},]}"#;
    assert!(Catalog::load(text).is_ok());
}

#[test]
fn shipped_catalogs_load_and_every_preset_prices() {
    for (name, text) in [
        ("catalog.json5", hubquote::DEFAULT_CATALOG),
        (
            "2026-general-premier.json5",
            include_str!("../public/catalogs/2026-general-premier.json5"),
        ),
    ] {
        let c = Catalog::load(text)
            .unwrap_or_else(|d| panic!("{name}:\n{}", d.render(name)))
            .catalog;
        assert!(c.is_priced(), "{name}");
        assert!(c.presets.len() >= 4, "{name}");
        for p in &c.presets {
            let q =
                quote(&c, &p.scenario, date()).unwrap_or_else(|e| panic!("{name} {}: {e}", p.id));
            assert!(q.totals.first_year_total_cost > rust_decimal::Decimal::ZERO);
            let link = share::encode(&p.scenario);
            assert_eq!(share::decode(&link).unwrap(), p.scenario, "{name} {}", p.id);
        }
    }
}

#[test]
fn the_embedded_catalog_has_no_errors_or_lints_so_embedded_may_skip_validation() {
    let loaded = Catalog::load(hubquote::DEFAULT_CATALOG)
        .unwrap_or_else(|d| panic!("{}", d.render(hubquote::DEFAULT_CATALOG_NAME)));
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        loaded.warnings.render(hubquote::DEFAULT_CATALOG_NAME)
    );
    // `embedded()` decodes without validating, with its SHA-256 computed at build time.
    let embedded = Catalog::embedded().unwrap();
    assert!(embedded.warnings.is_empty());
    assert_eq!(embedded.catalog, loaded.catalog);
}

#[test]
fn tiers_are_data_four_tiers_work() {
    let c = Catalog::load(include_str!("fixtures/four-tiers.json5"))
        .unwrap()
        .catalog;
    assert_eq!(c.tiers, ["Seed", "Sprout", "Grove", "Forest"]);
    let s = |hubs: usize, dask: &str| {
        let hub = |i: usize| {
            format!(
                r#"{{"name":"h{i}","registered_users":10,"monthly_active_users":5,"hours_per_user":10,"size":"S","home_gb_per_user":1,"dask_node_hours":{dask}}}"#
            )
        };
        let hubs: Vec<String> = (0..hubs).map(hub).collect();
        Scenario::decode(&format!(
            r#"{{"format":"hubquote.scenario/1","tier":"recommend","provider":"C","region":"r","account":"a","billing":"we","active_months":12,"hubs":[{}]}}"#,
            hubs.join(",")
        ))
        .unwrap()
    };
    // One small hub: the cheapest tier wins, currency is the catalog's.
    let q = quote(&c, &s(1, "0"), date()).unwrap();
    assert_eq!(q.tier.name, "Seed");
    assert!(hubquote::export::to_text(&q).contains("€1,000.00"));
    // Three hubs rule out Seed and Sprout by their limits; Dask rules out the first two too.
    let q = quote(&c, &s(3, "10"), date()).unwrap();
    assert_eq!(q.tier.name, "Grove");
    let why = q.recommendation.reasons.join("\n");
    assert!(
        why.contains("Seed is ruled out: 3 hubs exceed Seed's limit of 1 and need Grove or above"),
        "{why}"
    );
    assert!(
        why.contains("Dask Gateway (Enabled) needs Grove or above"),
        "{why}"
    );
    // Nine hubs fit no tier.
    let err = quote(&c, &s(9, "0"), date()).unwrap_err().to_string();
    assert!(err.contains("no tier allows this scenario"), "{err}");
}

/// Replaces `from` by `to` once and returns the text and the 1-based line of the change.
fn broken(from: &str, to: &str) -> (String, u32) {
    let text = hubquote::DEFAULT_CATALOG;
    let at = text
        .find(from)
        .unwrap_or_else(|| panic!("{from} not in the catalog"));
    let line = text[..at].matches('\n').count() as u32 + 1;
    (text.replacen(from, to, 1), line)
}

#[test]
fn every_error_of_a_broken_catalog_at_once_with_positions() {
    let (t, fee_line) = broken("annual_fee: \"15000.00\"", "annual_fee: true");
    let d = Catalog::load(&t).unwrap_err();
    let e = d
        .errors()
        .find(|e| e.path == "pricing.tiers.Advanced.annual_fee")
        .expect("fee error");
    assert!(e.message.starts_with("expected a decimal"), "{e}");
    assert_eq!(e.line, Some(fee_line));

    // Several semantic errors in one catalog, all reported.
    let mut text = hubquote::DEFAULT_CATALOG.to_string();
    for (from, to) in [
        ("{ from: 11, to: 100", "{ from: 12, to: 100"),
        ("price: \"0.252\"", "price: \"-0.252\""),
        (
            "{ id: \"environment:dynimg\", op: \"truthy\" }",
            "{ id: \"environment:dynamic\", op: \"truthy\" }",
        ),
        ("mem_gb: 64,", "mem_gb: 640,"),
    ] {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    let d = Catalog::load(&text).unwrap_err();
    let all = d.render("catalog.json5");
    for needle in [
        "pricing.usage_fee.bands[1].from: a gap: this band starts at 12 but should start at 11",
        "r5.xlarge\"].price: must not be negative",
        "requires names an unknown item \"environment:dynamic\"",
        "fits no",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in\n{all}");
    }
    assert!(
        d.errors().all(|e| e.line.is_some() && e.column.is_some()),
        "{all}"
    );
}

#[test]
fn a_tier_allowing_an_undefined_provider_or_a_size_without_a_node_is_an_error() {
    let (t, _) = broken("providers: [\"AWS\"]", "providers: [\"AWS\", \"Oracle\"]");
    let all = Catalog::load(&t).unwrap_err().render("c");
    assert!(
        all.contains(
            "pricing.tiers.Essential.providers[1]: \"Oracle\" is not defined in pricing.providers"
        ),
        "{all}"
    );
}

#[test]
fn syntax_errors_are_located() {
    let d = Catalog::load("{\n  name: \"x\",\n  version: 1 2,\n}").unwrap_err();
    assert_eq!(d.error_count(), 1);
    let e = d.iter().next().unwrap();
    assert_eq!(e.line, Some(3), "{}", d.render("x"));
}

/// The embedded catalog as JSON, to break one limit at a time.
fn catalog_json() -> serde_json::Value {
    serde_json::to_value(Catalog::embedded().unwrap().catalog).unwrap()
}

#[test]
fn a_catalog_past_a_limit_is_refused_there_and_not_checked_further() {
    use serde_json::json;
    let item = catalog_json()["items"][0].clone();
    let items = move |n: usize| -> serde_json::Value {
        (0..n)
            .map(|i| {
                let mut it = item.clone();
                it["id"] = json!(format!("i{i}"));
                it
            })
            .collect()
    };
    let leaf = json!({ "id": "hub:dask", "op": "truthy" });
    let tier = catalog_json()["pricing"]["tiers"]["Premier"].clone();
    let tiers: serde_json::Map<String, serde_json::Value> =
        (0..11).map(|i| (format!("T{i}"), tier.clone())).collect();
    type Edit = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "pricing.seller.name",
            Box::new(|c| c["pricing"]["seller"]["name"] = json!("2i2c\n".repeat(80_000))),
            "is 400,000 characters long, more than the 200 allowed in a name",
        ),
        (
            "pricing.seller.name",
            Box::new(|c| c["pricing"]["seller"]["name"] = json!("2i2c\nfoundation")),
            "a name is one line: remove the line break",
        ),
        (
            "pricing.currency.symbol",
            Box::new(|c| c["pricing"]["currency"]["symbol"] = json!("$".repeat(9))),
            "is 9 characters long, more than the 8 allowed in a currency symbol or code",
        ),
        (
            "items[0].help",
            Box::new(|c| c["items"][0]["help"] = json!("h".repeat(2_001))),
            "is 2,001 characters long, more than the 2,000 allowed in a paragraph",
        ),
        (
            "items[0].id",
            Box::new(|c| c["items"][0]["id"] = json!("k".repeat(101))),
            "is 101 characters long, more than the 100 allowed in a key",
        ),
        (
            "items",
            Box::new(move |c| c["items"] = items(101)),
            "101 items are more than the 100 this calculator accepts",
        ),
        (
            "pricing.tiers",
            Box::new(move |c| c["pricing"]["tiers"] = json!(tiers)),
            "11 tiers are more than the 10 this calculator accepts",
        ),
        (
            "contact.subject",
            Box::new(|c| c["contact"]["subject"] = json!("{tier}".repeat(40))),
            "is 240 characters long, more than the 200 allowed in a name",
        ),
        (
            "pricing.terms",
            Box::new(|c| c["pricing"]["terms"] = json!(vec!["t"; 51])),
            "51 terms are more than the 50 this calculator accepts",
        ),
        (
            "items[0].perTier.Essential.requires",
            Box::new(move |c| {
                c["items"][0]["perTier"]["Essential"]["requires"] =
                    json!({ "allOf": vec![leaf.clone(); 16] })
            }),
            "17 clauses are more than the 16 this calculator accepts",
        ),
    ];
    for (path, edit, message) in cases {
        let mut c = catalog_json();
        edit(&mut c);
        let text = serde_json::to_string_pretty(&c).unwrap();
        let d = Catalog::load(&text).unwrap_err();
        let errors: Vec<String> = d
            .errors()
            .map(|e| format!("{}: {}", e.path, e.message))
            .collect();
        assert_eq!(errors, [format!("{path}: {message}")], "{path}");
        // Located at the offending value's line, in the CLI's form.
        let e = d.errors().next().unwrap();
        assert!(e.line.is_some_and(|l| l > 1), "{path}: {e:?}");
    }
}

const GENERAL_PREMIER: &str = include_str!("../public/catalogs/2026-general-premier.json5");

#[test]
fn the_2026_catalog_names_the_successor_of_each_retired_tier() {
    let c = Catalog::load(GENERAL_PREMIER).unwrap().catalog;
    let p = c.pricing.as_ref().unwrap();
    assert_eq!(p.tier_for("Advanced"), Some("General"));
    assert_eq!(p.tier_for("Essential"), Some("General"));
    assert_eq!(p.tier_for("Premier"), Some("Premier"));
    assert_eq!(p.tier_for("recommend"), Some("recommend"));
    assert_eq!(p.tier_for("Platinum"), None);
    // The default catalog retires nothing: its own tiers map to themselves.
    let old = Catalog::embedded().unwrap().catalog;
    let old = old.pricing.as_ref().unwrap();
    assert!(old.retired_tiers.is_empty());
    assert_eq!(old.tier_for("Essential"), Some("Essential"));
}

#[test]
fn a_retired_tier_that_is_still_sold_or_has_an_unknown_successor_is_an_error_at_its_place() {
    let retired = "Essential: { successor: \"General\",";
    for (to, path, message) in [
        (
            "Premier: { successor: \"General\",",
            "pricing.retired_tiers.Premier",
            "\"Premier\" is a tier of this catalog: a tier is either sold or retired",
        ),
        (
            "Essential: { successor: \"Gold\",",
            "pricing.retired_tiers.Essential.successor",
            "\"Gold\" is not a tier of this catalog (tiers: General, Premier)",
        ),
    ] {
        let line = GENERAL_PREMIER[..GENERAL_PREMIER.find(retired).unwrap()]
            .matches('\n')
            .count() as u32
            + 1;
        let d = Catalog::load(&GENERAL_PREMIER.replacen(retired, to, 1)).unwrap_err();
        let e = d
            .errors()
            .find(|e| e.path == path)
            .unwrap_or_else(|| panic!("no error at {path}:\n{}", d.render("c")));
        assert_eq!(e.message, message);
        assert_eq!(e.line, Some(line), "{}", d.render("c"));
    }
    let d =
        Catalog::load(&GENERAL_PREMIER.replacen(retired, "Essential: { succesor: \"General\",", 1))
            .unwrap_err();
    assert!(
        d.render("c").contains("retired_tiers.Essential"),
        "{}",
        d.render("c")
    );
}
