//! The PDF export: valid (qpdf), text that extracts (pdftotext), paginated with a
//! repeated table header, deterministic, and safe with any Unicode.
//!
//! Golden text extraction: `tests/golden/<preset>.pdf.txt` holds `pdftotext -layout`
//! of each preset's PDF with whitespace runs collapsed and blank lines dropped. After an
//! intended change: `UPDATE_GOLDEN=1 cargo test --test pdf` and review the diff.
//! `HUBQUOTE_PDF_ARTIFACTS=1` also writes the PDFs and 60 dpi page images to
//! `artifacts/pdf/` for a look. Tests that need qpdf or poppler-utils print a notice
//! and skip that check when the tool is missing.
#![cfg(not(target_arch = "wasm32"))]

use hubquote::catalog::Catalog;
use hubquote::export::{pdf_text, to_pdf};
use hubquote::quote::Quote;
use hubquote::scenario::Scenario;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::embedded().unwrap().catalog)
}

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap()
}

fn has(tool: &str) -> bool {
    let ok = Command::new(tool)
        .arg("-v")
        .output()
        .map(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
        .unwrap_or(false);
    if !ok {
        // In CI scripts/setup.sh installs it: a missing tool there must fail, not skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is missing in CI (scripts/setup.sh installs it)"
        );
        eprintln!("NOTICE: {tool} is not installed; skipping the checks that need it");
    }
    ok
}

fn tmp(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

fn write_pdf(name: &str, bytes: &[u8]) -> PathBuf {
    let path = tmp(&format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn qpdf_check(path: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "qpdf --check {}: {}{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `pdftotext -layout`; pages are separated by form feeds.
fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whitespace runs collapsed to one space, everything on one line.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each line's whitespace collapsed; blank lines dropped (the golden form).
fn normalized(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        let l = flat(line);
        if !l.is_empty() {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

fn page_count(text: &str) -> usize {
    text.trim_end_matches('\u{c}').split('\u{c}').count()
}

fn artifacts(name: &str, pdf: &Path) {
    if std::env::var_os("HUBQUOTE_PDF_ARTIFACTS").is_none() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/pdf");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(pdf, dir.join(format!("{name}.pdf"))).unwrap();
    let _ = Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(pdf)
        .arg(dir.join(name))
        .status();
}

/// Everything the reader must find in the PDF's text.
fn assert_contains_quote(q: &Quote, text: &str) {
    let all = flat(text);
    let c = &q.currency;
    let mut expected = vec![
        q.number.clone(),
        q.valid_until.clone(),
        q.date.clone(),
        c.format(q.totals.first_year_total_cost),
        c.format(q.totals.first_year_invoice),
        c.format(q.totals.term_total),
        c.format(q.cloud_band.budget_alert),
        q.catalog.sha256.clone(),
        format!("Page 1 of {}", page_count(text)),
    ];
    for l in &q.lines {
        expected.push(l.label.clone());
        expected.push(c.format(l.amount));
        expected.push(c.format(l.first_year));
    }
    for e in expected {
        let shown = flat(&pdf_text(&e));
        assert!(all.contains(&shown), "{}: missing {shown:?}", q.number);
    }
}

#[test]
fn presets_are_valid_pdfs_with_their_numbers() {
    let qpdf = has("qpdf");
    let poppler = has("pdftotext");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for p in &catalog().presets {
        let q = hubquote::pricing::quote(catalog(), &p.scenario, date()).unwrap();
        let bytes = to_pdf(&q);
        assert!(bytes.starts_with(b"%PDF-"));
        let path = write_pdf(&p.id, &bytes);
        artifacts(&p.id, &path);
        if qpdf {
            qpdf_check(&path);
        }
        if !poppler {
            continue;
        }
        let text = pdftotext(&path);
        assert_contains_quote(&q, &text);
        let golden = format!(
            "{}/tests/golden/{}.pdf.txt",
            env!("CARGO_MANIFEST_DIR"),
            p.id
        );
        let body = normalized(&text);
        if update {
            std::fs::write(&golden, &body).unwrap();
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(body.as_str()) {
            stale.push(golden);
        }
    }
    assert!(
        stale.is_empty(),
        "golden PDF text differs (UPDATE_GOLDEN=1 to accept, then review the diff): {stale:#?}"
    );
}

/// A Premier network of 10 hubs of every size, with GPU and Dask: several pages.
fn ten_hubs() -> Quote {
    let sizes = ["Small", "Medium", "Large", "X-Large"];
    let hubs: Vec<serde_json::Value> = (0..10)
        .map(|i| {
            let mut features = serde_json::Map::new();
            if i % 3 == 0 {
                features.insert("hub:dask".into(), "Enabled".into());
            }
            if i % 2 == 1 {
                features.insert("hub:gpu".into(), "NVIDIA T4".into());
            }
            serde_json::json!({
                "name": format!("Hub {} — department {}", i + 1, ["physics", "ocean science", "genomics", "economics", "climate"][i % 5]),
                "registered_users": 40 + 90 * i,
                "monthly_active_users": 25 + 60 * i,
                "hours_per_user": (10 + 3 * i).to_string(),
                "size": sizes[i % 4],
                "gpu_share": if i % 2 == 1 { "0.2" } else { "0" },
                "home_gb_per_user": "5",
                "object_storage_gb": (250 * i).to_string(),
                "egress_gb": (20 * i).to_string(),
                "dask_node_hours": if i % 3 == 0 { "150" } else { "0" },
                "features": features,
            })
        })
        .collect();
    let json = serde_json::json!({
        "format": "hubquote.scenario/1",
        "customer": { "name": "Ten Hub University", "contact": "research-computing@example.edu" },
        "prepared_by": "2i2c sales",
        "tier": "Premier",
        "provider": "GCP",
        "region": "us-central1",
        "account": "2i2c-managed",
        "billing": "2i2c-pays",
        "active_months": 10,
        "term_years": 3,
        "help_hours_per_quarter": "20",
        "project_hours": "60",
        "discounts": [
            { "target": "membership", "percent": "25", "reason": "Founding member of the network" },
            { "target": "project_hours", "amount": "500.00", "reason": "Shared roadmap work" }
        ],
        "hubs": hubs,
        "notes": "Ten departments, one agreement.\nGPU hubs are shared by two labs each."
    });
    let s = Scenario::load(&json.to_string(), catalog())
        .unwrap_or_else(|d| panic!("{}", d.render("ten hubs")));
    hubquote::pricing::quote(catalog(), &s, date()).unwrap()
}

#[test]
fn ten_hubs_span_pages_with_a_repeated_table_header() {
    let q = ten_hubs();
    assert_eq!(q.scenario.hubs.len(), 10);
    let path = write_pdf("ten-hubs", &to_pdf(&q));
    artifacts("ten-hubs", &path);
    if has("qpdf") {
        qpdf_check(&path);
    }
    if !has("pdftotext") {
        return;
    }
    let text = pdftotext(&path);
    assert_contains_quote(&q, &text);
    let pages: Vec<&str> = text.trim_end_matches('\u{c}').split('\u{c}').collect();
    let n = pages.len();
    assert!(n >= 2, "10 hubs fit on {n} page");
    let header = flat(&pdf_text(
        "# Item Quantity × unit price Period Amount First year",
    ));
    let table_end = pages
        .iter()
        .position(|p| p.contains("Whole term: one-off"))
        .expect("the totals under the table");
    assert!(table_end >= 1, "the table spans at least two pages");
    for (i, page) in pages.iter().enumerate() {
        let f = flat(page);
        assert!(
            f.contains(&format!("Page {} of {n}", i + 1)),
            "page {}: no page number",
            i + 1
        );
        if i <= table_end {
            assert!(f.contains(&header), "page {}: no table header", i + 1);
        }
    }
}

#[test]
fn non_latin_names_are_encoded_or_visibly_substituted() {
    let mut q = ten_hubs();
    q.customer.name = "Université de Montréal — 東京".into();
    q.customer.contact = "Zoë O’Brien “ZO” <zoe@example.ca> • €5 × 3".into();
    // Notes are internal: a staff copy prints them.
    let notes = "Emoji 😀, Greek αβγ, Arabic مرحبا, combining e\u{301}, NUL \u{0}.";
    q.internal = Some(hubquote::quote::Internal::new(notes, None, Vec::new()));
    let bytes = to_pdf(&q);
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(
        pdf_text(&q.customer.name),
        "Université de Montréal — [U+6771][U+4EAC]"
    );
    if !has("pdftotext") {
        return;
    }
    let path = write_pdf("non-latin", &bytes);
    if has("qpdf") {
        qpdf_check(&path);
    }
    let text = pdftotext(&path);
    assert!(text.contains("Université de Montréal — [U+6771][U+4EAC]"));
    assert!(text.contains("Zoë O’Brien “ZO” <zoe@example.ca> • €5 × 3"));
    let all = flat(&text);
    assert!(all.contains("Emoji [U+1F600], Greek [U+03B1][U+03B2][U+03B3]"));
    assert!(all.contains("combining e[U+0301], NUL [U+0000]."));
}

#[test]
fn same_quote_same_bytes() {
    let q = ten_hubs();
    let a = to_pdf(&q);
    let b = to_pdf(&q.clone());
    assert_eq!(a, b);
    // No clock in the file: no creation date, a file ID from the quote number.
    let s = String::from_utf8_lossy(&a);
    assert!(!s.contains("/CreationDate") && !s.contains("/ModDate"));
    assert!(s.contains("/ID ["));
}

#[test]
fn empty_and_minimal_quotes_render() {
    let p = catalog().presets.first().unwrap();
    let mut q = hubquote::pricing::quote(catalog(), &p.scenario, date()).unwrap();
    q.lines.clear();
    q.warnings.clear();
    q.assumptions.clear();
    q.terms.clear();
    q.recommendation.reasons.clear();
    q.customer.name.clear();
    q.seller.name.clear();
    let bytes = to_pdf(&q);
    assert!(bytes.starts_with(b"%PDF-"));
    if has("qpdf") {
        qpdf_check(&write_pdf("empty", &bytes));
    }
}

/// The largest values validation allows, on Premier's 10 hubs: long amounts.
#[test]
fn extreme_values_render() {
    let hubs: Vec<serde_json::Value> = (0..10)
        .map(|i| {
            serde_json::json!({
                "name": format!("Hub {i} {}", "with a very long name ".repeat(i % 4)),
                "registered_users": 10_000_000,
                "monthly_active_users": 10_000_000,
                "hours_per_user": "744",
                "size": "X-Large",
                "gpu_share": "0.5",
                "home_gb_per_user": "10000",
                "object_storage_gb": "100000000",
                "egress_gb": "100000000",
                "dask_node_hours": "1000000",
                "features": { "hub:dask": "Enabled", "hub:gpu": "NVIDIA T4" },
            })
        })
        .collect();
    let json = serde_json::json!({
        "format": "hubquote.scenario/1",
        "tier": "Premier", "provider": "GCP", "region": "us-central1",
        "account": "2i2c-managed", "billing": "2i2c-pays",
        "active_months": 12, "term_years": 10, "hubs": hubs,
    });
    let Ok(s) = Scenario::load(&json.to_string(), catalog()) else {
        panic!("the extreme scenario is valid")
    };
    let q = hubquote::pricing::quote(catalog(), &s, date()).unwrap();
    let path = write_pdf("extreme", &to_pdf(&q));
    artifacts("extreme", &path);
    if has("qpdf") {
        qpdf_check(&path);
    }
    if has("pdftotext") {
        assert_contains_quote(&q, &pdftotext(&path));
    }
}

static CHECKED: AtomicUsize = AtomicUsize::new(0);

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..400).prop_map(|v| v.into_iter().collect()),
        "[a-zA-Zé—東 ]{0,3000}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_never_panics_and_stays_a_pdf(
        name in text(),
        contact in text(),
        notes in text(),
        label in text(),
        rationale in text(),
        seller in text(),
        which in 0usize..6,
    ) {
        let p = &catalog().presets[which % catalog().presets.len()];
        let mut q = hubquote::pricing::quote(catalog(), &p.scenario, date()).unwrap();
        q.customer.name = name;
        q.customer.contact = contact;
        q.scenario.notes = notes;
        q.seller.name = seller;
        if let Some(l) = q.lines.first_mut() {
            l.label = label.clone();
            l.rationale = rationale;
        }
        q.assumptions.push(label);
        let bytes = to_pdf(&q);
        prop_assert!(bytes.starts_with(b"%PDF-"));
        prop_assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));
        // qpdf on a few of them, not all.
        let n = CHECKED.fetch_add(1, Ordering::Relaxed);
        if n < 4 && has("qpdf") {
            qpdf_check(&write_pdf(&format!("prop-{n}"), &bytes));
        }
    }
}

#[test]
fn cli_writes_pdf_bytes() {
    let p = catalog().presets.first().unwrap();
    let scenario = tmp("cli-scenario.json");
    std::fs::write(&scenario, p.scenario.to_json()).unwrap();
    let out = tmp("cli.pdf");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hubquote"))
            .arg("quote")
            .arg(&scenario)
            .args(["--date", "2026-11-21", "--format", "pdf"])
            .args(args)
            .output()
            .unwrap()
    };
    let file = run(&["-o", out.to_str().unwrap()]);
    assert!(file.status.success(), "{file:?}");
    let q = hubquote::pricing::quote(catalog(), &p.scenario, date()).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), to_pdf(&q));
    // Standard output is a pipe here, so the bytes go there.
    let piped = run(&["-o", "-"]);
    assert!(piped.status.success());
    assert_eq!(piped.stdout, to_pdf(&q));
}

/// Not a test: `cargo test --release --test pdf -- --ignored --nocapture timing`.
#[test]
#[ignore]
fn timing() {
    let q = ten_hubs();
    let n = 200;
    let start = std::time::Instant::now();
    let mut size = 0;
    for _ in 0..n {
        size = std::hint::black_box(to_pdf(std::hint::black_box(&q))).len();
    }
    let each = start.elapsed() / n;
    println!(
        "10-hub quote ({} lines): {} µs per PDF, {size} bytes",
        q.lines.len(),
        each.as_micros()
    );
}
