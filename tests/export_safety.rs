//! Exports are safe to open (issue 13 §3): a name that is a spreadsheet formula, Markdown
//! or HTML, or a terminal escape is written so that it is only ever text — in the CSV
//! (OWASP's single quote), the Markdown (escaped, checked with a CommonMark parser) and
//! every text face (control characters shown as `\u{1b}`), whichever field carries it.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

#[path = "support/safe.rs"]
mod safe;

use hubquote::catalog::Catalog;
use hubquote::export;
use hubquote::pricing::quote_for;
use hubquote::quote::{Audience, Quote};
use hubquote::scenario::Scenario;
use proptest::prelude::*;
use pulldown_cmark::{Event, Tag};
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::load(hubquote::DEFAULT_CATALOG).unwrap().catalog)
}

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap()
}

/// course-50 made `/2`, with `p` as the customer's name and contact, who prepared it,
/// the hub's name, a discount's reason, a custom line's label, unit and reason, the
/// notes and the approval's approver and note.
fn scenario_json(p: &str) -> String {
    let preset = catalog().preset("course-50").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&preset.scenario.to_json()).unwrap();
    v["format"] = "hubquote.scenario/2".into();
    v["customer"] = serde_json::json!({ "name": p, "contact": p });
    v["prepared_by"] = p.into();
    v["hubs"][0]["name"] = p.into();
    v["notes"] = p.into();
    v["discounts"] = serde_json::json!([{ "target": "membership", "amount": "500", "reason": p }]);
    v["custom_lines"] = serde_json::json!([{ "label": p, "quantity": "2", "unit": p,
        "unit_price": "150", "period": "one_off", "kind": "fixed", "reason": p }]);
    v["approval"] = serde_json::json!({ "by": p, "date": "2026-11-20", "note": p });
    v.to_string()
}

/// The staff copy (every field shown) of [`scenario_json`].
fn staff(p: &str) -> Quote {
    let s = Scenario::load(&scenario_json(p), catalog())
        .unwrap_or_else(|d| panic!("{p:?} does not load: {d}"));
    quote_for(catalog(), &s, date(), Audience::Staff).unwrap()
}

/// `q` with `p` in every text a user or a catalog gives, also where the decoders would
/// refuse it (a line break in a name): a quote file read back carries what it carries.
fn poisoned(q: &Quote, p: &str) -> Quote {
    let mut q = q.clone();
    let s = || p.to_string();
    q.customer.name = s();
    q.customer.contact = s();
    q.prepared_by = s();
    q.seller.name = s();
    q.catalog.name = s();
    q.catalog.version = s();
    q.tier.label = s();
    q.cloud.provider_label = s();
    q.cloud.region_label = s();
    q.cloud.account_label = s();
    q.cloud.billing_label = s();
    q.cloud_band.rationale = s();
    q.recommendation.reasons = vec![s()];
    q.assumptions = vec![s()];
    q.terms = vec![s()];
    for w in &mut q.warnings {
        w.message = s();
    }
    for h in &mut q.scenario.hubs {
        h.name = s();
    }
    for l in &mut q.lines {
        l.label = s();
        l.unit = s();
        l.rationale = s();
        l.hub = l.hub.as_ref().map(|_| s());
    }
    if let Some(i) = &mut q.internal {
        i.notes = s();
        i.approval_reasons = vec![s()];
    }
    q
}

/// The fields of every record of a CSV, as the `csv` crate reads them.
fn cells(csv: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    r.records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

const FORMULAS: [&str; 6] = [
    "=HYPERLINK(\"http://x\",\"click\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "\t=1",
    "\r=1",
];

#[test]
fn a_formula_in_any_name_is_text_in_the_csv_and_the_amounts_stay_numbers() {
    for p in FORMULAS {
        // A name is one line: `\r=1` reaches a quote only from a quote file.
        let q = if p.contains('\r') {
            poisoned(&staff("Course hub"), p)
        } else {
            staff(p)
        };
        let csv = export::to_csv(&q);
        assert_eq!(safe::csv_formula(&csv), None, "{csv}");
        let rows = cells(&csv);
        let header = rows
            .iter()
            .position(|r| r.first().is_some_and(|c| c == "id"));
        let lines = &rows[header.unwrap() + 1..];
        let quoted = format!("'{p}");
        // The hub's lines carry its name; the custom line its label; the discount its
        // reason (in its rationale) and a negative amount that is a number.
        let hub = lines.iter().find(|r| r[2] == quoted).map(|r| r[0].clone());
        assert!(hub.is_some(), "no hub cell {quoted:?}: {csv}");
        let custom = lines.iter().find(|r| r[0] == "custom1").unwrap();
        assert_eq!((&custom[3], &custom[5]), (&quoted, &quoted));
        let discount = lines.iter().find(|r| r[0] == "discount1").unwrap();
        assert_eq!(discount[7], "-500.00");
        assert!(
            discount[12].contains(p.trim_start_matches('\r')),
            "{discount:?}"
        );
        assert!(
            csv.contains(",-500.00,"),
            "an amount is written unquoted: {csv}"
        );
        // The staff copy's internal rows: the notes and the approval.
        let internal: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "internal").collect();
        assert!(!internal.is_empty());
    }
}

#[test]
fn the_csv_of_a_plain_name_is_unchanged() {
    // `Course hub`: no cell starts with a formula's character, nothing is quoted anew.
    let csv = export::to_csv(&staff("Course hub"));
    assert!(!csv.contains("\"'"), "{csv}");
}

const MARKUP: &str = "<img src=x onerror=alert(1)>[click](javascript:alert(1)) **b** | x\r\ny";

/// How many nodes of each structural kind the Markdown has: emphasis, code, headings,
/// lists, tables, rules.
fn shape(md: &str) -> Vec<String> {
    let mut kinds: Vec<String> = safe::markdown_events(md)
        .into_iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => None,
            Event::Start(t) => Some(format!("{t:?}").chars().take(8).collect()),
            Event::Code(_) | Event::Rule | Event::SoftBreak | Event::HardBreak => {
                Some(format!("{e:?}").chars().take(8).collect())
            }
            _ => None,
        })
        .collect();
    kinds.sort();
    kinds
}

/// Every text of the Markdown, joined.
fn shown(md: &str) -> String {
    safe::markdown_events(md)
        .into_iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn markup_in_any_name_renders_as_text_in_the_markdown() {
    let base = staff("Course hub");
    let plain = export::to_markdown(&poisoned(&base, "plain"));
    for q in [poisoned(&base, MARKUP), staff(&MARKUP.replace("\r\n", " "))] {
        let md = export::to_markdown(&q);
        assert_eq!(safe::markdown_active(&md), None, "{md}");
        // No emphasis, code, heading, list or break of its own: the same nodes as a name
        // without markup, and the name read back as it was typed, on one line.
        assert_eq!(shape(&md), shape(&plain), "{md}");
        let text = shown(&md);
        let typed = "<img src=x onerror=alert(1)>[click](javascript:alert(1)) **b** | x";
        assert!(text.contains(typed), "{text}");
        assert!(!md.contains('\r'));
    }
    // In the diff as well (the customer's name is an input).
    let other = poisoned(&base, MARKUP);
    let d = hubquote::diff::diff(&base, &other).unwrap();
    let md = export::diff_markdown(&d);
    assert_eq!(safe::markdown_active(&md), None, "{md}");
}

#[test]
fn a_list_marker_or_a_heading_at_the_start_of_a_name_is_text() {
    let base = staff("Course hub");
    let plain = export::to_markdown(&poisoned(&base, "plain"));
    for p in [
        "- item",
        "+ item",
        "1. item",
        "12) item",
        "---",
        "# Heading",
        "> quote",
        "    code",
        "`x`",
        "~~s~~",
        "&amp;",
        "!",
    ] {
        let md = export::to_markdown(&poisoned(&base, p));
        assert_eq!(shape(&md), shape(&plain), "{p:?}: {md}");
        assert!(shown(&md).contains(p.trim_start()), "{p:?}: {md}");
    }
}

const ESCAPES: &str = "ACME\u{1b}[31m red\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7}\u{7f}\u{9b}2J";

#[test]
fn terminal_escapes_in_any_name_are_shown_in_every_text_face() {
    let shown = r"ACME\u{1b}[31m red\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7}\u{7f}\u{9b}2J";
    let base = staff("Course hub");
    for q in [staff(ESCAPES), poisoned(&base, ESCAPES)] {
        let d = hubquote::diff::diff(&base, &q).unwrap();
        for (face, text) in [
            ("text", export::to_text(&q)),
            ("justification", export::justification(&q)),
            ("diff", export::diff_text(&d)),
        ] {
            assert_eq!(safe::text_control(&text), None, "{face}: {text}");
            assert!(text.contains(shown), "{face}: {text}");
        }
    }
    // The PDF shows them as `[U+001B]`; no raw control byte in any of its strings.
    let pdf = export::to_pdf(&staff(ESCAPES));
    assert!(
        !pdf.windows(2).any(|w| w == b"\x1b["),
        "a raw escape in the PDF"
    );
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[=+@\t\r\n<>\\[\\]()*_`#|!\\\\&~ -]{0,4}[a-z]{0,3}[\u{0}-\u{1f}\u{7f}-\u{9f}]{0,2}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// For any text in every field: no CSV cell a formula unless a number of the
    /// program's, no Markdown link, image or HTML, no control character but `\n` in
    /// the text faces.
    #[test]
    fn any_text_in_any_field_is_safe_in_every_face(p in any_text()) {
        static BASE: OnceLock<Quote> = OnceLock::new();
        let base = BASE.get_or_init(|| staff("Course hub"));
        let q = poisoned(base, &p);
        prop_assert_eq!(safe::csv_formula(&export::to_csv(&q)), None);
        let md = export::to_markdown(&q);
        prop_assert_eq!(safe::markdown_active(&md), None, "{}", md);
        for text in [export::to_text(&q), export::justification(&q)] {
            prop_assert_eq!(safe::text_control(&text), None);
        }
        let d = hubquote::diff::diff(base, &q).unwrap();
        prop_assert_eq!(safe::text_control(&export::diff_text(&d)), None);
        prop_assert_eq!(safe::markdown_active(&export::diff_markdown(&d)), None);
    }
}

#[test]
fn a_formula_in_a_batch_file_name_or_an_error_is_text_and_the_totals_numbers() {
    let dates = hubquote::book::Dates {
        asked: Some(date()),
        today: date(),
    };
    let json = scenario_json("=1+1");
    let good = hubquote::book::Row::of("=HYPERLINK(\"http://x\")", &json, catalog(), dates);
    // A file that does not price: its error quotes the unknown tier `-2+3`.
    let bad_json = json.replace("\"Essential\"", "\"-2+3\"");
    let bad = hubquote::book::Row::of("@SUM(1).json", &bad_json, catalog(), dates);
    let csv: String = [good, bad]
        .iter()
        .map(export::batch_csv_row)
        .chain([export::batch_csv_header()])
        .collect();
    assert_eq!(safe::csv_formula(&csv), None, "{csv}");
    let rows = cells(&csv);
    assert_eq!(rows[0][0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[1][0], "'@SUM(1).json");
    assert!(
        !rows[0][7].starts_with('\''),
        "an amount is a number: {csv}"
    );
}
