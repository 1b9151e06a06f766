//! The committed JSON Schemas must match the types; regenerate with
//! `cargo run -- schema KIND > schemas/KIND.schema.json`.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

#[test]
fn committed_schemas_are_current() {
    for kind in hubquote::schema::KINDS {
        let path = format!("{}/schemas/{kind}.schema.json", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let current = hubquote::schema::json(kind).unwrap();
        assert!(
            committed == current,
            "schemas/{kind}.schema.json is stale: run `cargo run -- schema {kind} > schemas/{kind}.schema.json`"
        );
    }
}

#[test]
fn a_preset_validates_against_the_scenario_schema_shape() {
    // Cheap structural check: every required property of the schema is in a preset.
    let schema: serde_json::Value =
        serde_json::from_str(&hubquote::schema::json("scenario").unwrap()).unwrap();
    let c = hubquote::catalog::Catalog::embedded().unwrap().catalog;
    let preset = serde_json::to_value(&c.presets[0].scenario).unwrap();
    for req in schema["required"].as_array().unwrap() {
        assert!(preset.get(req.as_str().unwrap()).is_some(), "{req}");
    }
}
