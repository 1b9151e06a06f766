//! Golden files: each preset's text, JSON, PDF hash and budget justification on a fixed
//! date, the diff of the two sales-call fixtures (text, JSON, Markdown), and every
//! preset's impact of the 2026 catalog (text, JSON, CSV, Markdown), compared with
//! the committed files. After an intended change: `UPDATE_GOLDEN=1 cargo test --test
//! golden` and review the diff.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;
use hubquote::export;
use hubquote::scenario::Scenario;

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap()
}

/// Compares `body` with the golden file `name` (or writes it, with `UPDATE_GOLDEN`);
/// a differing file is added to `stale`.
fn check(name: &str, body: &str, stale: &mut Vec<String>) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, body).unwrap();
    } else if std::fs::read_to_string(&path).ok().as_deref() != Some(body) {
        stale.push(path);
    }
}

fn none_stale(stale: &[String]) {
    assert!(
        stale.is_empty(),
        "golden files differ (UPDATE_GOLDEN=1 to accept, then review the diff): {stale:#?}"
    );
}

#[test]
fn presets_match_their_golden_quotes() {
    let c = Catalog::embedded().unwrap().catalog;
    let mut stale = Vec::new();
    for p in &c.presets {
        let q = hubquote::pricing::quote(&c, &p.scenario, date()).unwrap();
        // The PDF is checked by its hash here (its text is in tests/pdf.rs), so that the
        // wasm32 build can prove it writes the same bytes (tests/wasm_engine.rs).
        let pdf_hash = hubquote::catalog::hex_sha256(&export::to_pdf(&q)) + "\n";
        for (ext, body) in [
            ("txt", export::to_text(&q)),
            ("json", q.to_json() + "\n"),
            ("pdf.sha256", pdf_hash),
            ("justification.txt", export::justification(&q)),
        ] {
            check(&format!("{}.{ext}", p.id), &body, &mut stale);
        }
    }
    none_stale(&stale);
}

/// The sales call's two scenarios: course-50 (A), and B with 80 students, a second
/// course hub, Advanced at a negotiated fee, a custom line and a 3-year term.
pub fn sales_call(c: &Catalog, file: &str) -> hubquote::quote::Quote {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let s = Scenario::load(&std::fs::read_to_string(path).unwrap(), c).unwrap();
    hubquote::pricing::quote(c, &s, date()).unwrap()
}

#[test]
fn the_sales_call_diff_and_justification_match_their_goldens() {
    let c = Catalog::embedded().unwrap().catalog;
    let a = sales_call(&c, "sales-call-a.json");
    let b = sales_call(&c, "sales-call-b.json");
    let d = hubquote::diff::diff(&a, &b).unwrap();
    let mut stale = Vec::new();
    check("sales-call.diff.txt", &export::diff_text(&d), &mut stale);
    check("sales-call.diff.json", &(d.to_json() + "\n"), &mut stale);
    check("sales-call.diff.md", &export::diff_markdown(&d), &mut stale);
    check(
        "sales-call-b.justification.txt",
        &export::justification(&b),
        &mut stale,
    );
    check("sales-call-b.txt", &export::to_text(&b), &mut stale);
    none_stale(&stale);
}

/// Every preset of the default catalog moved to the 2026 catalog, as text, JSON, CSV and
/// Markdown (each file named `<preset>.json`).
#[test]
fn every_presets_impact_of_the_2026_catalog_matches_its_goldens() {
    let from = Catalog::embedded().unwrap().catalog;
    let to = Catalog::load(include_str!(
        "../public/catalogs/2026-general-premier.json5"
    ))
    .unwrap()
    .catalog;
    let dates = hubquote::book::Dates {
        asked: None,
        today: date(),
    };
    let mut i = hubquote::book::Impact::new(&from, &to).unwrap();
    for p in &from.presets {
        let name = format!("{}.json", p.id);
        i.add(&name, &p.scenario.to_json(), (&from, &to), dates)
            .unwrap();
    }
    let mut stale = Vec::new();
    check("impact-2026.txt", &export::impact_text(&i), &mut stale);
    check("impact-2026.json", &(i.to_json() + "\n"), &mut stale);
    check("impact-2026.csv", &export::impact_csv(&i), &mut stale);
    check("impact-2026.md", &export::impact_markdown(&i), &mut stale);
    none_stale(&stale);
}
