//! The engine compiled to wasm32 and run in headless Chromium prices every preset to
//! exactly the same JSON as the native build's golden files. Run with
//! `wasm-pack test --headless --chrome --mode no-install -- --test wasm_engine`.
#![cfg(target_arch = "wasm32")]

use hubquote::catalog::Catalog;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &[(&str, &str)] = &[
    ("course-50", include_str!("golden/course-50.json")),
    (
        "research-gpu-dask",
        include_str!("golden/research-gpu-dask.json"),
    ),
    (
        "university-2000",
        include_str!("golden/university-2000.json"),
    ),
    ("network-5", include_str!("golden/network-5.json")),
    (
        "community-pays-gcp",
        include_str!("golden/community-pays-gcp.json"),
    ),
    ("jetstream2", include_str!("golden/jetstream2.json")),
];

/// SHA-256 of each preset's PDF as the native build writes it.
const PDF_SHA256: &[(&str, &str)] = &[
    ("course-50", include_str!("golden/course-50.pdf.sha256")),
    (
        "research-gpu-dask",
        include_str!("golden/research-gpu-dask.pdf.sha256"),
    ),
    (
        "university-2000",
        include_str!("golden/university-2000.pdf.sha256"),
    ),
    ("network-5", include_str!("golden/network-5.pdf.sha256")),
    (
        "community-pays-gcp",
        include_str!("golden/community-pays-gcp.pdf.sha256"),
    ),
    ("jetstream2", include_str!("golden/jetstream2.pdf.sha256")),
];

#[wasm_bindgen_test]
fn presets_price_byte_for_byte_as_natively() {
    let catalog = Catalog::embedded().expect("embedded catalog").catalog;
    let date = time::Date::from_calendar_date(2026, time::Month::November, 21).expect("date");
    assert_eq!(catalog.presets.len(), GOLDEN.len());
    for (id, golden) in GOLDEN {
        let preset = catalog.preset(id).expect("preset");
        let quote = hubquote::pricing::quote(&catalog, &preset.scenario, date).expect("quote");
        assert_eq!(quote.to_json() + "\n", *golden, "{id} differs in wasm32");
        let pdf = hubquote::catalog::hex_sha256(&hubquote::export::to_pdf(&quote)) + "\n";
        let native = PDF_SHA256.iter().find(|(i, _)| i == id).map(|(_, h)| *h);
        assert_eq!(
            Some(pdf.as_str()),
            native,
            "{id}: the PDF differs in wasm32"
        );
    }
}

#[wasm_bindgen_test]
fn bad_input_is_refused_in_wasm_too() {
    let catalog = Catalog::embedded().expect("embedded catalog").catalog;
    assert!(hubquote::scenario::Scenario::load("{\"format\": 1", &catalog).is_err());
    assert!(hubquote::scenario::share::decode("1.not-base64!").is_err());
    assert!(Catalog::load("[[[[").is_err());
}
