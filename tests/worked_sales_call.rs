//! Worked examples of the sales call (issue 11): negotiated prices, custom lines, the
//! approval boundary, each discount rule, the year-by-year table and the average month.
//! Every expected value is a literal computed by hand from `public/catalog.json5`, with
//! the arithmetic above its assertion (rounding as PRODUCT.md §4).
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;
use hubquote::pricing::{quote, quote_for};
use hubquote::quote::{Audience, Line, LineKind, Period, Quote, Section, Status};
use hubquote::scenario::Scenario;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::OnceLock;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad decimal literal {s:?}: {e}"))
}

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::load(hubquote::DEFAULT_CATALOG).unwrap().catalog)
}

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap()
}

fn scenario(json: &str) -> Scenario {
    Scenario::load(json, catalog()).unwrap_or_else(|d| panic!("scenario does not load: {d}"))
}

/// The staff copy: what needs approval is in `internal`.
fn staff(json: &str) -> Quote {
    quote_for(catalog(), &scenario(json), date(), Audience::Staff).unwrap()
}

fn line<'a>(q: &'a Quote, id: &str) -> &'a Line {
    q.lines
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no line {id}"))
}

fn reasons(q: &Quote) -> &[String] {
    &q.internal.as_ref().unwrap().approval_reasons
}

/// A tier's first-year total cost as the recommendation compared it.
fn compared(q: &Quote, tier: &str) -> Option<Decimal> {
    let t = q.recommendation.tiers.iter().find(|t| t.tier == tier);
    t.and_then(|t| t.first_year_total_cost)
}

fn warned(q: &Quote, code: &str) -> bool {
    q.warnings.iter().any(|w| w.code == code)
}

/// Premier on AWS, four small hubs of 5 MAU with no usage: the cloud is the dedicated
/// cluster's core alone. EXTRA is spliced in as more members.
const PREMIER: &str = r#"{
  "format": "hubquote.scenario/2",
  "tier": "TIER", "provider": "AWS", "region": "us-west-2",
  "account": "2i2c-managed", "billing": "2i2c-pays",
  "active_months": 12,
  EXTRA
  "hubs": [
    { "name": "One", "registered_users": 5, "monthly_active_users": 5,
      "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" },
    { "name": "Two", "registered_users": 5, "monthly_active_users": 5,
      "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" },
    { "name": "Three", "registered_users": 5, "monthly_active_users": 5,
      "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" },
    { "name": "Four", "registered_users": 5, "monthly_active_users": 5,
      "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
  ]
}"#;

fn premier(tier: &str, extra: &str) -> String {
    PREMIER.replace("TIER", tier).replace("EXTRA", extra)
}

fn fee(price: &str) -> String {
    format!(
        r#""overrides": [ {{ "target": "membership", "tier": "Premier", "price": "{price}", "reason": "Consortium of four campuses" }} ],"#
    )
}

#[test]
fn a_negotiated_premier_fee_of_72000_and_every_total_following() {
    let q = staff(&premier("Premier", &fee("72000")));
    let m = line(&q, "membership");
    // 1 year × $72,000.00 = $72,000.00 (catalog floor $50,000.00)
    assert_eq!(m.unit_price, dec("72000"));
    assert_eq!(m.amount, dec("72000.00"));
    assert!(
        m.rationale
            .contains("Negotiated: Consortium of four campuses; catalog price from $50,000.00."),
        "{}",
        m.rationale
    );
    assert!(!m.rationale.contains("starting price"), "{}", m.rationale);
    // usage: 20 MAU = 10 × $10 + 10 × $5 = $150 a month × 12 = $1,800.00
    // fees = 72,000 + 1,800 = $73,800.00; cloud = AWS core 214.26 × 12 = $2,571.12
    assert_eq!(q.totals.annual_fees, dec("73800.00"));
    assert_eq!(q.totals.annual_cloud, dec("2571.12"));
    // first year = 73,800 + 2,571.12 = $76,371.12, all invoiced, term of 1 year
    assert_eq!(q.totals.first_year_total_cost, dec("76371.12"));
    assert_eq!(q.totals.first_year_invoice, dec("76371.12"));
    assert_eq!(q.totals.term_total, dec("76371.12"));
    // average month = 76,371.12 ÷ 12 = $6,364.26
    assert_eq!(q.totals.average_month, dec("6364.26"));
    // the tiers compared price Premier at the negotiated fee, the others at the catalog's
    assert_eq!(compared(&q, "Premier"), Some(dec("76371.12")));
    // a negotiated-price statement replaces "custom-priced: sales review"
    assert!(warned(&q, "negotiated-price") && !warned(&q, "custom-price"));
    // $72,000 is above the $50,000 floor: no approval, final
    assert!(!q.needs_approval && reasons(&q).is_empty());
    assert_eq!(q.status, Status::Final);
}

#[test]
fn a_negotiated_fee_exactly_at_the_threshold_needs_no_approval() {
    // 20% threshold: the floor $50,000.00 × (1 − 0.20) = $40,000.00; not below it
    let q = staff(&premier("Premier", &fee("40000")));
    assert!(!q.needs_approval);
    assert_eq!(q.status, Status::Final);
    // just past it: $39,999.99 < $40,000.00, so it needs approval and is a draft
    let q = staff(&premier("Premier", &fee("39999.99")));
    assert!(q.needs_approval);
    assert_eq!(q.status, Status::Draft);
    // (50,000 − 39,999.99) ÷ 50,000 = 20.0000% → 20% when rounded to cents of a percent
    assert_eq!(
        reasons(&q),
        ["The Premier membership fee of $39,999.99 is 20% below its catalog price of $50,000.00, more than the 20% that needs approval"]
    );
    // the customer's copy is marked a draft, names no threshold and has no internal part
    let c = q.for_customer();
    assert_eq!(c.status, Status::Draft);
    assert!(c.internal.is_none());
    let text = hubquote::export::to_text(&c);
    assert!(text.starts_with("Draft — subject to approval\n"), "{text}");
    assert!(!text.to_lowercase().contains("needs approval"), "{text}");
    assert!(!text.contains("below its catalog price"), "{text}");
}

#[test]
fn an_approval_record_makes_the_draft_final_and_customers_see_no_details() {
    let approval =
        r#""approval": { "by": "Dana Finance", "date": "2026-11-20", "note": "Board ok'd" },"#;
    let q = staff(&premier("Premier", &(fee("30000") + approval)));
    // $30,000 < $40,000: needs approval, and it is given
    assert!(q.needs_approval);
    assert_eq!(q.status, Status::Final);
    let record = q.internal.as_ref().unwrap().approval.as_ref().unwrap();
    assert_eq!(record.by, "Dana Finance");
    let c = q.for_customer();
    let json = c.to_json();
    assert!(json.contains("\"approved\": true"), "{json}");
    for secret in ["Dana Finance", "2026-11-20", "Board ok'd"] {
        assert!(!json.contains(secret), "{secret} in the customer's JSON");
    }
    // same quote number on both copies
    assert_eq!(c.number, q.number);
}

/// Advanced on AWS, one hub of 10 MAU with no usage: membership $15,000, usage 10 × $10 =
/// $100 a month × 12 = $1,200, the dedicated core 214.26 × 12 = $2,571.12.
const ADVANCED: &str = r#"{
  "format": "hubquote.scenario/2",
  "tier": "TIER", "provider": "AWS", "region": "us-west-2",
  "account": "2i2c-managed", "billing": "2i2c-pays",
  "active_months": 12,
  EXTRA
  "hubs": [
    { "name": "Lab", "registered_users": 10, "monthly_active_users": 10,
      "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
  ]
}"#;

fn advanced(extra: &str) -> String {
    ADVANCED.replace("TIER", "Advanced").replace("EXTRA", extra)
}

#[test]
fn an_hourly_rate_override_prices_help_and_project_work() {
    let q = staff(&advanced(
        r#""help_hours_per_quarter": "6", "project_hours": "10",
           "overrides": [ { "target": "hourly_rate", "price": "200", "reason": "NSF rate cap" } ],"#,
    ));
    // extra help: 6 − 4 included = 2 h × 4 quarters = 8 h × $200 = $1,600.00 a year
    let help = line(&q, "help.extra");
    assert_eq!((help.quantity, help.unit_price), (dec("8"), dec("200")));
    assert_eq!(help.amount, dec("1600.00"));
    // project: 10 h × $200 = $2,000.00 one-off
    assert_eq!(line(&q, "project").amount, dec("2000.00"));
    for l in [help, line(&q, "project")] {
        assert!(
            l.rationale
                .contains("Negotiated: NSF rate cap; catalog price $250.00."),
            "{}",
            l.rationale
        );
    }
    // fees = 15,000 + 1,200 + 1,600 = $17,800.00; + cloud 2,571.12 = $20,371.12 a year
    assert_eq!(q.totals.annual_total, dec("20371.12"));
    // first year = 2,000 + 20,371.12 = $22,371.12
    assert_eq!(q.totals.first_year_total_cost, dec("22371.12"));
    // $200 = $250 × (1 − 0.20), not below it: no approval
    assert!(!q.needs_approval);
    let q = staff(&advanced(
        r#""project_hours": "10",
           "overrides": [ { "target": "hourly_rate", "price": "199.99", "reason": "NSF rate cap" } ],"#,
    ));
    assert_eq!(q.status, Status::Draft);
    assert!(reasons(&q)[0].starts_with("The hourly rate of $199.99"));
}

#[test]
fn custom_lines_one_off_monthly_annual_and_an_estimate() {
    let q = staff(&advanced(
        r#""custom_lines": [
             { "label": "Data pipeline SOW", "quantity": "60", "unit": "hour", "unit_price": "250",
               "period": "one_off", "kind": "fixed", "reason": "Ingest the shared dataset" },
             { "label": "Office hours", "quantity": "2", "unit": "session", "unit_price": "300",
               "period": "monthly", "kind": "estimate", "reason": "Live help for instructors" },
             { "label": "Training workshop", "quantity": "1", "unit": "workshop", "unit_price": "2500",
               "period": "annual", "kind": "fixed", "reason": "Yearly onboarding" }
           ],"#,
    ));
    // custom1: 60 h × $250 = $15,000.00 one-off
    let sow = line(&q, "custom1");
    assert_eq!((sow.section, sow.period), (Section::Custom, Period::OneOff));
    assert_eq!(sow.first_year, dec("15000.00"));
    assert!(sow.rationale.contains("Reason: Ingest the shared dataset."));
    // custom2: 2 × $300 = $600.00 a month, billed all 12 months = $7,200.00, an estimate
    let hours = line(&q, "custom2");
    assert_eq!((hours.amount, hours.months), (dec("600.00"), 12));
    assert_eq!(hours.first_year, dec("7200.00"));
    assert_eq!(hours.kind, LineKind::Estimate);
    // custom3: 1 × $2,500 = $2,500.00 a year
    assert_eq!(line(&q, "custom3").first_year, dec("2500.00"));
    // one-off = $15,000.00; monthly fees = usage 100 + office hours 600 = $700.00
    assert_eq!(q.totals.one_off, dec("15000.00"));
    assert_eq!(q.totals.monthly_fees, dec("700.00"));
    // fees a year = 15,000 + 1,200 + 7,200 + 2,500 = $25,900.00
    assert_eq!(q.totals.annual_fees, dec("25900.00"));
    // first year = 15,000 + 25,900 + 2,571.12 = $43,471.12, all of it invoiced
    assert_eq!(q.totals.first_year_total_cost, dec("43471.12"));
    assert_eq!(q.totals.first_year_invoice, dec("43471.12"));
    // average month = 43,471.12 ÷ 12 = 3,622.5933… = $3,622.59
    assert_eq!(q.totals.average_month, dec("3622.59"));
    // an hourly custom line at the catalog rate needs no approval
    assert!(!q.needs_approval);
}

#[test]
fn an_hourly_custom_line_far_below_the_rate_needs_approval() {
    let q = staff(&advanced(
        r#""custom_lines": [
             { "label": "Pilot SOW", "quantity": "10", "unit": "hours", "unit_price": "150",
               "period": "one_off", "kind": "fixed", "reason": "Pilot" } ],"#,
    ));
    // $150 < $250 × 0.8 = $200 → approval; (250 − 150) ÷ 250 = 40%
    assert_eq!(
        reasons(&q),
        ["Custom line 1 (Pilot SOW) at an hourly price of $150.00 is 40% below its catalog price of $250.00, more than the 20% that needs approval"]
    );
}

#[test]
fn a_percent_discount_on_a_zero_target_is_zero_and_warns() {
    // Premier includes 8 h of help a quarter and none are wanted beyond: extra help $0
    let q = staff(&premier(
        "Premier",
        r#""discounts": [ { "target": "extra_help", "percent": "10", "reason": "Goodwill" } ],"#,
    ));
    // 10% of $0.00 = $0.00: a line of $0.00 (not −$0.00), a warning, no error
    let d = line(&q, "discount1");
    assert_eq!(d.amount, dec("0.00"));
    assert!(!d.amount.is_sign_negative());
    assert!(warned(&q, "discount-nothing"));
    // first year unchanged: 50,000 + 1,800 + 2,571.12 = $54,371.12
    assert_eq!(q.totals.first_year_total_cost, dec("54371.12"));
    assert!(!q.needs_approval);
}

#[test]
fn a_discount_is_capped_at_what_is_left_of_its_target() {
    let q = staff(&advanced(
        r#""discounts": [
             { "target": "membership", "amount": "10000", "reason": "Founding member" },
             { "target": "membership", "amount": "8000", "reason": "Second campus" } ],"#,
    ));
    // $15,000 − $10,000 = $5,000 left: the second asks $8,000 and gives $5,000.00
    assert_eq!(line(&q, "discount1").amount, dec("-10000.00"));
    let second = line(&q, "discount2");
    assert_eq!(second.amount, dec("-5000.00"));
    assert!(second
        .rationale
        .contains("asked $8,000.00, given $5,000.00"));
    assert!(warned(&q, "discount-capped"));
    // fees = 15,000 − 15,000 + 1,200 = $1,200.00; + cloud 2,571.12 = $3,771.12
    assert_eq!(q.totals.first_year_total_cost, dec("3771.12"));
    // $15,000 of $15,000 = 100% > 20%: approval
    assert_eq!(
        reasons(&q).last().map(String::as_str),
        Some("Discounts on the membership come to 100% of it, above the 20% that needs approval")
    );
}

#[test]
fn discounts_on_one_target_are_summed_against_the_threshold() {
    let q = staff(&advanced(
        r#""discounts": [
             { "target": "membership", "percent": "15", "reason": "Early signing" },
             { "target": "membership", "percent": "10", "reason": "Teaching only" } ],"#,
    ));
    // 15% of $15,000 = $2,250.00 and 10% of it = $1,500.00: each under 20%, together 25%
    assert_eq!(line(&q, "discount1").amount, dec("-2250.00"));
    assert_eq!(line(&q, "discount2").amount, dec("-1500.00"));
    assert_eq!(
        reasons(&q),
        ["Discounts on the membership come to 25% of it, above the 20% that needs approval"]
    );
    assert_eq!(q.status, Status::Draft);
}

#[test]
fn recommend_compares_tiers_with_their_discounts_and_negotiated_fees() {
    // One hub, 4 help hours a quarter wanted, 100% off extra help.
    let json = ADVANCED.replace("TIER", "recommend").replace(
        "EXTRA",
        r#""help_hours_per_quarter": "4",
           "discounts": [ { "target": "extra_help", "percent": "100", "reason": "Grant partner" } ],"#,
    );
    let q = quote(catalog(), &scenario(&json), date()).unwrap();
    // Essential: 5,000 + usage 1,200 + extra help 16 h × $250 = 4,000 − 100% (4,000)
    //   + shared core 21.43 × 12 = 257.16 → $6,457.16
    assert_eq!(compared(&q, "Essential"), Some(dec("6457.16")));
    // Advanced includes the 4 h (its discount has nothing to discount):
    //   15,000 + 1,200 + 2,571.12 = $18,771.12
    assert_eq!(compared(&q, "Advanced"), Some(dec("18771.12")));
    assert_eq!(q.tier.name, "Essential");
    // A negotiated Premier fee of $1,000 makes Premier the cheapest:
    //   1,000 + 1,200 + 8 h included (no extra) + 2,571.12 = $4,771.12 < $6,457.16
    let json = json.replace(
        r#""discounts""#,
        r#""overrides": [ { "target": "membership", "tier": "Premier", "price": "1000", "reason": "Pilot" } ],
           "discounts""#,
    );
    let q = quote(catalog(), &scenario(&json), date()).unwrap();
    assert_eq!(q.tier.name, "Premier");
    assert_eq!(q.totals.first_year_total_cost, dec("4771.12"));
}

#[test]
fn three_years_with_one_off_work_year_by_year() {
    let q = quote(
        catalog(),
        &scenario(&ADVANCED.replace("TIER", "Advanced").replace(
            "EXTRA",
            r#""term_years": 3, "project_hours": "10",
               "discounts": [ { "target": "project_hours", "amount": "500.00", "reason": "Shared roadmap" } ],"#,
        )),
        date(),
    )
    .unwrap();
    assert_eq!(q.years.len(), 3);
    let y1 = &q.years[0];
    // Year 1: membership 15,000; usage 1,200; hours: project 10 h × $250 = 2,500;
    //   discounts −500 (one-off); cloud 2,571.12; total 20,771.12
    assert_eq!(
        (
            y1.membership,
            y1.usage_fee,
            y1.hours,
            y1.discounts,
            y1.cloud
        ),
        (
            dec("15000.00"),
            dec("1200.00"),
            dec("2500.00"),
            dec("-500.00"),
            dec("2571.12")
        )
    );
    assert_eq!(y1.total, dec("20771.12"));
    assert_eq!(y1.invoice, dec("20771.12"));
    // Years 2 and 3: 15,000 + 1,200 + 2,571.12 = 18,771.12, no hours, no discount
    for y in &q.years[1..] {
        assert_eq!((y.hours, y.discounts), (dec("0.00"), dec("0.00")));
        assert_eq!(y.total, dec("18771.12"));
    }
    // 20,771.12 + 2 × 18,771.12 = 58,313.36 = the term total
    assert_eq!(q.totals.term_total, dec("58313.36"));
    // average month: Year 1 ÷ 12 = 20,771.12 ÷ 12 = 1,730.9266… = $1,730.93
    assert_eq!(q.totals.average_month, dec("1730.93"));
    // the text shows the table, with the term's total row
    let text = hubquote::export::to_text(&q);
    assert!(text.contains("YEAR BY YEAR"), "{text}");
    assert!(text.contains("Whole term (3 years)"), "{text}");
    // the CSV appends it as a second table, after an empty line
    let csv = hubquote::export::to_csv(&q);
    assert!(
        csv.contains(
            "\n\nyear,membership,usage_fee,hours,custom,discounts,cloud,invoice,paid_to_provider,total\n\
             1,15000.00,1200.00,2500.00,0.00,-500.00,2571.12,20771.12,0.00,20771.12\n\
             2,15000.00,1200.00,0.00,0.00,0.00,2571.12,18771.12,0.00,18771.12\n"
        ),
        "{csv}"
    );
    // and ends, after another empty line, with the catalog that priced it
    let named = format!(
        "\n\ncatalog,{},{},{}\n",
        q.catalog.name, q.catalog.version, q.catalog.sha256
    );
    assert!(csv.ends_with(&named), "{csv}");
    let md = hubquote::export::to_markdown(&q);
    assert!(md.contains("## Year by year"), "{md}");
}

#[test]
fn the_average_month_of_a_nine_month_course() {
    let c = catalog();
    let p = c.preset("course-50").unwrap();
    let q = quote(c, &p.scenario, date()).unwrap();
    // $8,264.78 ÷ 12 = 688.7316… = $688.73, beside fees $300.00 and cloud $50.11 an active month
    assert_eq!(q.totals.average_month, dec("688.73"));
    assert_eq!(
        (q.totals.monthly_fees, q.totals.monthly_cloud),
        (dec("300.00"), dec("50.11"))
    );
}

#[test]
fn a_v1_scenario_with_a_v2_field_names_the_format_it_needs() {
    let json = advanced(r#""overrides": [],"#).replace("scenario/2", "scenario/1");
    let e = Scenario::decode(&json).unwrap_err().to_string();
    assert!(
        e.contains("\"overrides\" needs \"format\": \"hubquote.scenario/2\""),
        "{e}"
    );
}

#[test]
fn each_price_is_negotiated_once() {
    let twice = advanced(
        r#""overrides": [
             { "target": "hourly_rate", "price": "200", "reason": "cap" },
             { "target": "membership", "tier": "Advanced", "price": "14000", "reason": "a" },
             { "target": "membership", "tier": "Premier", "price": "60000", "reason": "b" },
             { "target": "hourly_rate", "price": "210", "reason": "cap again" },
             { "target": "membership", "tier": "Advanced", "price": "13000", "reason": "c" } ],"#,
    );
    let e = Scenario::load(&twice, catalog()).unwrap_err();
    let paths: Vec<&str> = e.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["overrides[3]", "overrides[4]"], "{e}");
}

#[test]
fn negotiating_moves_a_scenario_to_v2_and_it_reads_back() {
    let c = catalog();
    let mut s = c.preset("course-50").unwrap().scenario.clone();
    assert_eq!(s.format, hubquote::scenario::FORMAT_V1);
    s.negotiate()
        .custom_lines
        .push(hubquote::scenario::CustomLine {
            label: "Workshop".into(),
            quantity: dec("1"),
            unit: "workshop".into(),
            unit_price: dec("800"),
            period: hubquote::scenario::CustomPeriod::OneOff,
            kind: hubquote::scenario::CustomKind::Fixed,
            reason: "Kick-off".into(),
        });
    assert_eq!(s.format, hubquote::scenario::FORMAT_V2);
    let back = Scenario::load(&s.to_json(), c).unwrap();
    assert_eq!(back, s);
    // course-50's $8,264.78 + the $800.00 one-off workshop = $9,064.78
    let q = quote(c, &back, date()).unwrap();
    assert_eq!(q.totals.first_year_total_cost, dec("9064.78"));
}
