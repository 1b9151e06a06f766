//! Golden quotes: each preset's text, JSON and PDF hash on a fixed date, compared with the
//! committed files. After an intended change: `UPDATE_GOLDEN=1 cargo test --test golden`
//! and review the diff.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;

#[test]
fn presets_match_their_golden_quotes() {
    let c = Catalog::embedded().unwrap().catalog;
    let date = time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for p in &c.presets {
        let q = hubquote::pricing::quote(&c, &p.scenario, date).unwrap();
        // The PDF is checked by its hash here (its text is in tests/pdf.rs), so that the
        // wasm32 build can prove it writes the same bytes (tests/wasm_engine.rs).
        let pdf_hash = hubquote::catalog::hex_sha256(&hubquote::export::to_pdf(&q)) + "\n";
        for (ext, body) in [
            ("txt", hubquote::export::to_text(&q)),
            ("json", q.to_json() + "\n"),
            ("pdf.sha256", pdf_hash),
        ] {
            let path = format!("{}/tests/golden/{}.{ext}", env!("CARGO_MANIFEST_DIR"), p.id);
            if update {
                std::fs::write(&path, &body).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(body.as_str()) {
                stale.push(path);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "golden files differ (UPDATE_GOLDEN=1 to accept, then review the diff): {stale:#?}"
    );
}
