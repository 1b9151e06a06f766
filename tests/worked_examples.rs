//! Worked examples: quotes whose expected numbers were computed by hand from PRODUCT.md §4
//! and the prices of `public/catalog.json5`, with the arithmetic written above each
//! assertion. Every expected value is a literal; nothing here calls the engine's helpers
//! to compute what the engine should print.
//!
//! Rounding (PRODUCT.md §4): a line's quantity is rounded to 2 decimals, half away from
//! zero, *before* it is multiplied by the unit price; the amount is rounded to cents.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;
use hubquote::pricing::{quote, quote_for, QuoteError};
use hubquote::quote::{Audience, Line, LineKind, Period, Quote, Status};
use hubquote::scenario::Scenario;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::OnceLock;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad decimal literal {s:?}: {e}"))
}

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        Catalog::load(hubquote::DEFAULT_CATALOG)
            .expect("the default catalog loads")
            .catalog
    })
}

fn general_premier() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        Catalog::load(include_str!(
            "../public/catalogs/2026-general-premier.json5"
        ))
        .expect("the two-tier catalog loads")
        .catalog
    })
}

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap()
}

fn try_quote_in(c: &Catalog, json: &str) -> Result<Quote, QuoteError> {
    let s = Scenario::load(json, c).unwrap_or_else(|d| panic!("scenario does not load: {d}"));
    quote(c, &s, date())
}

fn quote_in(c: &Catalog, json: &str) -> Quote {
    try_quote_in(c, json).unwrap_or_else(|e| panic!("no quote: {e}"))
}

fn quote_of(json: &str) -> Quote {
    quote_in(catalog(), json)
}

/// The staff copy: with the internal notes, the approval and why it is needed.
fn staff_quote_of(json: &str) -> Quote {
    let s =
        Scenario::load(json, catalog()).unwrap_or_else(|d| panic!("scenario does not load: {d}"));
    quote_for(catalog(), &s, date(), Audience::Staff).unwrap_or_else(|e| panic!("no quote: {e}"))
}

fn line<'a>(q: &'a Quote, id: &str) -> &'a Line {
    q.lines.iter().find(|l| l.id == id).unwrap_or_else(|| {
        let ids: Vec<&str> = q.lines.iter().map(|l| l.id.as_str()).collect();
        panic!("no line {id:?}; the quote has {ids:?}")
    })
}

fn has_line(q: &Quote, id: &str) -> bool {
    q.lines.iter().any(|l| l.id == id)
}

/// Checks a line's printed `quantity × unit_price = amount` (written as the quote prints
/// it, e.g. `"55.71 × 0.252 = 14.04"`) and how many months a year it is billed.
fn check(q: &Quote, id: &str, formula: &str, months: u32) {
    let (product, amount) = formula.split_once(" = ").expect("`q × p = a`");
    let (quantity, unit_price) = product.split_once(" × ").expect("`q × p = a`");
    let l = line(q, id);
    assert_eq!(l.quantity, dec(quantity), "{id}: quantity");
    assert_eq!(l.unit_price, dec(unit_price), "{id}: unit price");
    assert_eq!(l.amount, dec(amount), "{id}: amount");
    assert_eq!(l.months, months, "{id}: months per year");
}

fn cloud_ids(q: &Quote) -> Vec<&str> {
    q.lines
        .iter()
        .filter(|l| l.id.starts_with("cloud."))
        .map(|l| l.id.as_str())
        .collect()
}

// ── 1. The usage fee: 280 MAU = $1,000.00 a month ──────────────────────────────────────

#[test]
fn usage_fee_280_mau_over_two_hubs_is_1000_a_month() {
    // Advanced on AWS, 10 active months, two hubs with 200 + 80 = 280 MAU. No usage hours
    // and no home storage, so only the cluster core is on the cloud side.
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 10,
          "hubs": [
            { "name": "Course A", "registered_users": 250, "monthly_active_users": 200,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" },
            { "name": "Course B", "registered_users": 90, "monthly_active_users": 80,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
          ]
        }"#,
    );
    // 280 MAU summed over the hubs, graduated:
    //   users 1–10:    10 × $10.00 = $100.00
    //   users 11–100:  90 × $5.00  = $450.00
    //   users 101–280: 180 × $2.50 = $450.00
    //   total 100 + 450 + 450 = $1,000.00 per month
    check(&q, "usage.band1", "10 × 10.00 = 100.00", 10);
    check(&q, "usage.band2", "90 × 5.00 = 450.00", 10);
    check(&q, "usage.band3", "180 × 2.50 = 450.00", 10);
    assert!(
        !has_line(&q, "usage.band4"),
        "280 MAU never reach the 1,001+ band"
    );
    assert_eq!(q.totals.monthly_fees, dec("1000.00"));
    // × 10 active months: first year 1,000 + 4,500 + 4,500 = $10,000.00
    assert_eq!(line(&q, "usage.band1").first_year, dec("1000.00"));
    assert_eq!(line(&q, "usage.band2").first_year, dec("4500.00"));
    assert_eq!(line(&q, "usage.band3").first_year, dec("4500.00"));
    // Recurring fees: membership $15,000.00 + usage $10,000.00 = $25,000.00
    assert_eq!(q.totals.annual_fees, dec("25000.00"));
    // One cluster for the membership, not one per hub: 4 AWS core lines, no hub lines.
    assert_eq!(
        cloud_ids(&q),
        [
            "cloud.cluster.control-plane",
            "cloud.cluster.core-node",
            "cloud.cluster.nat-gateway",
            "cloud.cluster.load-balancer"
        ]
    );

    // The same 280 MAU on one hub give the same fee.
    let one = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 10,
          "hubs": [
            { "name": "Everyone", "registered_users": 340, "monthly_active_users": 280,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
          ]
        }"#,
    );
    // 100 + 450 + 450 = $1,000.00 a month, × 10 months = $10,000.00
    assert_eq!(one.totals.monthly_fees, dec("1000.00"));
    check(&one, "usage.band3", "180 × 2.50 = 450.00", 10);
    assert_eq!(one.totals.annual_fees, dec("25000.00"));
}

#[test]
fn usage_fee_over_all_five_bands() {
    // 12,000 MAU over two hubs (7,000 + 5,000), 12 active months:
    //   1–10:          10 × $10.00 =    $100.00
    //   11–100:        90 × $5.00  =    $450.00
    //   101–1,000:    900 × $2.50  =  $2,250.00
    //   1,001–10,000: 9,000 × $1.25 = $11,250.00
    //   10,001+:      2,000 × $0    =      $0.00
    //   100 + 450 + 2,250 + 11,250 + 0 = $14,050.00 per month; × 12 = $168,600.00
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12,
          "hubs": [
            { "name": "North", "registered_users": 8000, "monthly_active_users": 7000,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" },
            { "name": "South", "registered_users": 6000, "monthly_active_users": 5000,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
          ]
        }"#,
    );
    check(&q, "usage.band1", "10 × 10.00 = 100.00", 12);
    check(&q, "usage.band2", "90 × 5.00 = 450.00", 12);
    check(&q, "usage.band3", "900 × 2.50 = 2250.00", 12);
    check(&q, "usage.band4", "9000 × 1.25 = 11250.00", 12);
    check(&q, "usage.band5", "2000 × 0 = 0.00", 12);
    assert_eq!(q.totals.monthly_fees, dec("14050.00"));
    // membership 15,000 + 14,050 × 12 (= 168,600) = $183,600.00
    assert_eq!(q.totals.annual_fees, dec("183600.00"));
}

// ── 2. The $250/h rate, its basis, extra help and project hours ──────────────────────────

#[test]
fn extra_help_on_advanced_and_the_250_rate_basis() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12,
          "help_hours_per_quarter": "6",
          "project_hours": "10",
          "hubs": [
            { "name": "Lab", "registered_users": 10, "monthly_active_users": 10,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
          ]
        }"#,
    );
    // Extra help = (6 wanted − 4 included) h/quarter × 4 quarters = 8 h × $250.00 = $2,000.00 a year
    let help = line(&q, "help.extra");
    assert_eq!(help.quantity, dec("8"));
    assert_eq!(help.unit_price, dec("250.00"));
    assert_eq!(help.amount, dec("2000.00"));
    assert_eq!(help.period, Period::Annual);
    assert_eq!(help.first_year, dec("2000.00"));
    // The rate's basis, in the rationale:
    //   $180,000 ÷ 900 h = $200.00/h; × 1.15 = $230.00/h; × 1.09 = $250.70/h; set at $250.00/h
    for part in [
        "$180,000",
        "÷ 900",
        "= $200.00/h",
        "+ 15%",
        "= $230.00/h",
        "+ 9%",
        "= $250.70/h",
        "set at $250.00/h",
    ] {
        assert!(
            help.rationale.contains(part),
            "help rationale lacks {part:?}: {}",
            help.rationale
        );
    }
    // Project work: 10 h × $250.00 = $2,500.00, one-off, with the same basis.
    let project = line(&q, "project");
    assert_eq!(project.quantity, dec("10"));
    assert_eq!(project.amount, dec("2500.00"));
    assert_eq!(project.period, Period::OneOff);
    assert!(
        project.rationale.contains("= $250.70/h"),
        "{}",
        project.rationale
    );
    assert_eq!(q.totals.one_off, dec("2500.00"));
    // Recurring fees: membership 15,000 + extra help 2,000 + usage (10 MAU × $10 = $100 a
    // month × 12 = 1,200) = $18,200.00
    assert_eq!(q.totals.annual_fees, dec("18200.00"));
}

#[test]
fn help_within_the_included_hours_is_free_and_essential_includes_none() {
    // Premier includes 8 h/quarter: 6 h wanted − 8 h included < 0 → no extra-help line.
    let premier = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Premier", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12, "help_hours_per_quarter": "6",
          "hubs": [
            { "name": "Lab", "registered_users": 10, "monthly_active_users": 10,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
          ]
        }"#,
    );
    assert!(!has_line(&premier, "help.extra"));
    // Essential includes 0 h: (2.5 − 0) h × 4 quarters = 10 h × $250.00 = $2,500.00
    let essential = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Essential", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12, "help_hours_per_quarter": "2.5",
          "hubs": [
            { "name": "Course", "registered_users": 10, "monthly_active_users": 10,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
          ]
        }"#,
    );
    let help = line(&essential, "help.extra");
    assert_eq!(help.quantity, dec("10"));
    assert_eq!(help.amount, dec("2500.00"));
}

// ── 3–6. Cloud estimates on each provider ──────────────────────────────────────────────

#[test]
fn aws_us_west_2_two_hubs_one_cluster() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12,
          "hubs": [
            { "name": "Teaching", "registered_users": 61, "monthly_active_users": 45,
              "hours_per_user": "13", "size": "Small", "home_gb_per_user": "2.5",
              "egress_gb": "20" },
            { "name": "Genomics", "registered_users": 5, "monthly_active_users": 5,
              "hours_per_user": "20", "size": "X-Large", "home_gb_per_user": "50",
              "object_storage_gb": "1000" }
          ]
        }"#,
    );
    // Cluster core, once for both hubs, 730 h × $/h each, all 12 months:
    //   EKS control plane 730 × $0.10   = $73.00
    //   core node r5.large 730 × $0.126  = $91.98
    //   NAT gateway       730 × $0.045  = $32.85
    //   load balancer     730 × $0.0225 = $16.425 → $16.43 (half away from zero)
    //   sum 73.00 + 91.98 + 32.85 + 16.43 = $214.26
    check(&q, "cloud.cluster.control-plane", "730 × 0.10 = 73.00", 12);
    check(&q, "cloud.cluster.core-node", "730 × 0.126 = 91.98", 12);
    check(&q, "cloud.cluster.nat-gateway", "730 × 0.045 = 32.85", 12);
    check(
        &q,
        "cloud.cluster.load-balancer",
        "730 × 0.0225 = 16.43",
        12,
    );

    // Hub 1, Small (2 GB) on r5.xlarge (32 GB): floor(32 × 0.90 ÷ 2) = floor(14.4) = 14 users/node.
    //   45 MAU × 13 h = 585 user-hours ÷ 14 ÷ 0.75 = 55.714… → 55.71 node-hours
    //   55.71 × $0.252 = $14.03892 → $14.04
    check(&q, "cloud.hub1.compute", "55.71 × 0.252 = 14.04", 12);
    //   egress 20 GB × $0.09 = $1.80
    check(&q, "cloud.hub1.egress", "20 × 0.09 = 1.80", 12);
    //   home max(0, ceil(61 × 2.5 = 152.5)) = 153 GB × $0.30 = $45.90
    check(&q, "cloud.hub1.home", "153 × 0.30 = 45.90", 12);
    assert!(!has_line(&q, "cloud.hub1.objects"));

    // Hub 2, X-Large (64 GB) on r5.16xlarge (512 GB): floor(512 × 0.90 ÷ 64) = floor(7.2) = 7.
    //   5 MAU × 20 h = 100 user-hours ÷ 7 ÷ 0.75 = 19.0476… → 19.05 node-hours
    //   19.05 × $4.032 = $76.8096 → $76.81
    //   (multiplying the unrounded 19.0476… would give $76.80: the quantity is rounded first)
    check(&q, "cloud.hub2.compute", "19.05 × 4.032 = 76.81", 12);
    //   home max(0, ceil(5 × 50)) = 250 GB × $0.30 = $75.00
    check(&q, "cloud.hub2.home", "250 × 0.30 = 75.00", 12);
    //   objects 1,000 GB × $0.023 = $23.00
    check(&q, "cloud.hub2.objects", "1000 × 0.023 = 23.00", 12);
    assert_eq!(
        line(&q, "cloud.hub2.compute").hub.as_deref(),
        Some("Genomics")
    );

    // Monthly cloud = 214.26 + (14.04 + 1.80 + 45.90) + (76.81 + 75.00 + 23.00)
    //              = 214.26 + 61.74 + 174.81 = $450.81
    assert_eq!(q.totals.monthly_cloud, dec("450.81"));
    // 12 active months: annual cloud = 450.81 × 12 = $5,409.72
    assert_eq!(q.totals.annual_cloud, dec("5409.72"));
    // Usage fee: 50 MAU = 10 × $10 + 40 × $5 = $300.00 a month × 12 = $3,600.00
    // First-year total = 15,000 + 3,600 + 5,409.72 = $24,009.72
    assert_eq!(q.totals.first_year_total_cost, dec("24009.72"));
    assert_eq!(q.totals.first_year_invoice, dec("24009.72"));
}

#[test]
fn gcp_us_central1_with_the_50_gb_disk_minimum() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "GCP", "region": "us-central1",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12,
          "hubs": [
            { "name": "Class", "registered_users": 20, "monthly_active_users": 18,
              "hours_per_user": "25", "size": "Small", "home_gb_per_user": "2",
              "object_storage_gb": "250", "egress_gb": "15" },
            { "name": "Modelling", "registered_users": 6, "monthly_active_users": 6,
              "hours_per_user": "30", "size": "Large", "home_gb_per_user": "5" }
          ]
        }"#,
    );
    // Cluster core (GKE), 730 h each:
    //   control plane 730 × $0.10     = $73.00
    //   core node     730 × $0.131014 = $95.64022 → $95.64
    //   load balancer 730 × $0.025    = $18.25
    //   sum 73.00 + 95.64 + 18.25 = $186.89 (no NAT line on GCP)
    check(&q, "cloud.cluster.control-plane", "730 × 0.10 = 73.00", 12);
    check(&q, "cloud.cluster.core-node", "730 × 0.131014 = 95.64", 12);
    check(&q, "cloud.cluster.load-balancer", "730 × 0.025 = 18.25", 12);
    assert!(!has_line(&q, "cloud.cluster.nat-gateway"));

    // Hub 1, Small on n2-highmem-4 (32 GB): floor(28.8 ÷ 2) = 14 users/node.
    //   18 × 25 = 450 user-hours ÷ 14 ÷ 0.75 = 42.857… → 42.86 node-hours
    //   42.86 × $0.262028 = $11.23052… → $11.23
    check(&q, "cloud.hub1.compute", "42.86 × 0.262028 = 11.23", 12);
    //   egress 15 GB × $0.12 = $1.80
    check(&q, "cloud.hub1.egress", "15 × 0.12 = 1.80", 12);
    //   home: ceil(20 × 2) = 40 GB, below the 50 GB minimum → 50 GB × $0.10 = $5.00
    check(&q, "cloud.hub1.home", "50 × 0.10 = 5.00", 12);
    //   objects 250 GB × $0.020 = $5.00
    check(&q, "cloud.hub1.objects", "250 × 0.020 = 5.00", 12);

    // Hub 2, Large (16 GB) on n2-highmem-16 (128 GB): floor(115.2 ÷ 16) = floor(7.2) = 7.
    //   6 × 30 = 180 user-hours ÷ 7 ÷ 0.75 = 34.2857… → 34.29 node-hours
    //   34.29 × $1.048112 = $35.93976… → $35.94
    check(&q, "cloud.hub2.compute", "34.29 × 1.048112 = 35.94", 12);
    //   home: ceil(6 × 5) = 30 GB, below the minimum → 50 GB × $0.10 = $5.00 (each hub its own)
    check(&q, "cloud.hub2.home", "50 × 0.10 = 5.00", 12);

    // Monthly cloud = 186.89 + (11.23 + 1.80 + 5.00 + 5.00) + (35.94 + 5.00)
    //              = 186.89 + 23.03 + 40.94 = $250.86
    assert_eq!(q.totals.monthly_cloud, dec("250.86"));
    // × 12 = $3,010.32
    assert_eq!(q.totals.annual_cloud, dec("3010.32"));
    // Usage: 24 MAU = 10 × $10 + 14 × $5 = $170.00 a month × 12 = $2,040.00
    // First-year total = 15,000 + 2,040 + 3,010.32 = $20,050.32
    assert_eq!(q.totals.first_year_total_cost, dec("20050.32"));
}

#[test]
fn azure_eastus_with_the_100_gb_files_minimum() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Premier", "provider": "Azure", "region": "eastus",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12,
          "hubs": [
            { "name": "Research", "registered_users": 30, "monthly_active_users": 24,
              "hours_per_user": "15", "size": "Medium", "home_gb_per_user": "3",
              "object_storage_gb": "200", "egress_gb": "10" }
          ]
        }"#,
    );
    // Cluster core (AKS), 730 h each:
    //   control plane (free tier) 730 × $0     = $0.00
    //   core node E2s_v5          730 × $0.126 = $91.98
    //   load balancer             730 × $0.025 = $18.25
    //   sum 0.00 + 91.98 + 18.25 = $110.23
    check(&q, "cloud.cluster.control-plane", "730 × 0 = 0.00", 12);
    check(&q, "cloud.cluster.core-node", "730 × 0.126 = 91.98", 12);
    check(&q, "cloud.cluster.load-balancer", "730 × 0.025 = 18.25", 12);
    // Medium (4 GB) on E4s_v5 (32 GB): floor(28.8 ÷ 4) = floor(7.2) = 7 users/node.
    //   24 × 15 = 360 user-hours ÷ 7 ÷ 0.75 = 68.571… → 68.57 node-hours
    //   68.57 × $0.252 = $17.27964 → $17.28
    check(&q, "cloud.hub1.compute", "68.57 × 0.252 = 17.28", 12);
    //   home: ceil(30 × 3) = 90 GB, below the 100 GB minimum → 100 GB × $0.16 = $16.00
    check(&q, "cloud.hub1.home", "100 × 0.16 = 16.00", 12);
    //   objects 200 GB × $0.018 = $3.60
    check(&q, "cloud.hub1.objects", "200 × 0.018 = 3.60", 12);
    //   egress 10 GB × $0.087 = $0.87
    check(&q, "cloud.hub1.egress", "10 × 0.087 = 0.87", 12);
    // Monthly cloud = 110.23 + 17.28 + 16.00 + 3.60 + 0.87 = $147.98
    assert_eq!(q.totals.monthly_cloud, dec("147.98"));
    // × 12 = $1,775.76
    assert_eq!(q.totals.annual_cloud, dec("1775.76"));
    // Premier $50,000 (custom price: sales review) + usage 24 MAU = $170 × 12 = $2,040
    //   + 1,775.76 = $53,815.76
    assert_eq!(q.totals.first_year_total_cost, dec("53815.76"));
    assert!(q.warnings.iter().any(|w| w.code == "custom-price"));
}

#[test]
fn jetstream2_indiana_is_free_under_an_allocation() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Premier", "provider": "JetStream2", "region": "indiana",
          "account": "community-managed", "billing": "community-pays",
          "active_months": 12, "help_hours_per_quarter": "8",
          "hubs": [
            { "name": "Research", "registered_users": 100, "monthly_active_users": 60,
              "hours_per_user": "20", "size": "Medium", "gpu_share": "0.1",
              "home_gb_per_user": "10", "egress_gb": "20",
              "features": { "hub:gpu": "NVIDIA T4" } }
          ]
        }"#,
    );
    // Cluster: control plane 730 × $0 = $0.00, core node 730 × $0 = $0.00 (no NAT, no LB)
    check(&q, "cloud.cluster.control-plane", "730 × 0 = 0.00", 12);
    check(&q, "cloud.cluster.core-node", "730 × 0 = 0.00", 12);
    // 60 × 20 = 1,200 user-hours; GPU 1,200 × 0.1 = 120, CPU 1,080.
    // Medium (4 GB) on m3.quad (15 GB): floor(15 × 0.90 ÷ 4) = floor(3.375) = 3 users/node.
    //   1,080 ÷ 3 ÷ 0.75 = 480 node-hours × $0 = $0.00
    check(&q, "cloud.hub1.compute", "480 × 0 = 0.00", 12);
    //   GPU: 120 ÷ 1 user/GPU ÷ 0.75 = 160 node-hours × $0 = $0.00
    check(&q, "cloud.hub1.gpu", "160 × 0 = 0.00", 12);
    //   egress 20 GB × $0 = $0.00; home ceil(100 × 10) = 1,000 GB × $0 = $0.00
    check(&q, "cloud.hub1.egress", "20 × 0 = 0.00", 12);
    check(&q, "cloud.hub1.home", "1000 × 0 = 0.00", 12);
    // Every cloud line says why it is $0.
    for l in q.lines.iter().filter(|l| l.id.starts_with("cloud.")) {
        assert_eq!(l.amount, dec("0.00"), "{}", l.id);
        assert!(
            l.rationale.contains("NSF ACCESS allocation"),
            "{} lacks the allocation note: {}",
            l.id,
            l.rationale
        );
    }
    assert_eq!(q.totals.monthly_cloud, dec("0.00"));
    assert_eq!(q.totals.annual_cloud, dec("0.00"));
    assert!(q.warnings.iter().any(|w| w.code == "provider-note"));
    // 8 h wanted ≤ 8 h included: no extra help.
    assert!(!has_line(&q, "help.extra"));
    // Premier 50,000 + usage 60 MAU (10 × $10 + 50 × $5 = $350 a month × 12 = 4,200)
    //   = $54,200.00
    assert_eq!(q.totals.first_year_total_cost, dec("54200.00"));
}

// ── 7. Active months: usage lines × 9, all-year lines × 12 ─────────────────────────────

const COURSE_9: &str = r#"{
  "format": "hubquote.scenario/1",
  "tier": "Essential", "provider": "AWS", "region": "us-west-2",
  "account": "2i2c-managed", "billing": "2i2c-pays",
  "active_months": 9,
  "hubs": [
    { "name": "Course hub", "registered_users": 55, "monthly_active_users": 50,
      "hours_per_user": "10", "size": "Small", "home_gb_per_user": "1", "egress_gb": "2" }
  ]
}"#;

#[test]
fn nine_active_months_against_twelve() {
    let nine = quote_of(COURSE_9);
    let twelve = quote_of(&COURSE_9.replace(r#""active_months": 9"#, r#""active_months": 12"#));

    // Lines (the same in both quotes):
    //   compute: 50 × 10 = 500 user-hours ÷ 14 users/node ÷ 0.75 = 47.619… → 47.62 node-hours
    //            × $0.252 = $12.00024 → $12.00
    //   egress:  2 GB × $0.09 = $0.18
    //   shared cluster core: round(214.26 ÷ 10, 2) = round(21.426, 2) = $21.43
    //   home:    ceil(55 × 1) = 55 GB × $0.30 = $16.50
    //   usage:   50 MAU = 10 × $10 + 40 × $5 = 100 + 200 = $300.00
    for q in [&nine, &twelve] {
        let active = q.scenario.active_months;
        check(q, "cloud.hub1.compute", "47.62 × 0.252 = 12.00", active);
        check(q, "cloud.hub1.egress", "2 × 0.09 = 0.18", active);
        check(q, "cloud.cluster.shared", "1 × 21.43 = 21.43", 12);
        check(q, "cloud.hub1.home", "55 × 0.30 = 16.50", 12);
        // monthly cloud = 12.00 + 0.18 + 21.43 + 16.50 = $50.11
        assert_eq!(q.totals.monthly_cloud, dec("50.11"));
        assert_eq!(q.totals.monthly_fees, dec("300.00"));
    }

    // 9 active months: usage-driven lines billed 9 times, all-year lines 12 times.
    assert_eq!(line(&nine, "cloud.hub1.compute").months, 9);
    assert_eq!(line(&nine, "usage.band2").months, 9);
    //   compute 12.00 × 9 = $108.00; egress 0.18 × 9 = $1.62
    assert_eq!(line(&nine, "cloud.hub1.compute").first_year, dec("108.00"));
    assert_eq!(line(&nine, "cloud.hub1.egress").first_year, dec("1.62"));
    //   cluster share 21.43 × 12 = $257.16; home 16.50 × 12 = $198.00
    assert_eq!(
        line(&nine, "cloud.cluster.shared").first_year,
        dec("257.16")
    );
    assert_eq!(line(&nine, "cloud.hub1.home").first_year, dec("198.00"));
    //   annual cloud = (12.00 + 0.18) × 9 + (21.43 + 16.50) × 12 = 109.62 + 455.16 = $564.78
    assert_eq!(nine.totals.annual_cloud, dec("564.78"));
    //   usage fee $300 × 9 = $2,700; fees = 5,000 + 2,700 = $7,700.00
    assert_eq!(nine.totals.annual_fees, dec("7700.00"));
    //   annual total = 7,700 + 564.78 = $8,264.78
    assert_eq!(nine.totals.annual_total, dec("8264.78"));
    assert_eq!(nine.totals.first_year_invoice, dec("8264.78"));

    // 12 active months: everything × 12.
    //   annual cloud = 50.11 × 12 = $601.32; fees = 5,000 + 300 × 12 = $8,600.00
    //   annual total = 8,600 + 601.32 = $9,201.32
    assert_eq!(twelve.totals.annual_cloud, dec("601.32"));
    assert_eq!(twelve.totals.annual_fees, dec("8600.00"));
    assert_eq!(twelve.totals.annual_total, dec("9201.32"));
    // The difference is exactly 3 idle months of usage-driven lines and usage fee:
    //   3 × (12.00 + 0.18 + 300.00) = 3 × 312.18 = $936.54 = 9,201.32 − 8,264.78
    assert_eq!(
        twelve.totals.annual_total - nine.totals.annual_total,
        dec("936.54")
    );
}

// ── 8. The community pays its provider directly ─────────────────────────────────────────

#[test]
fn community_pays_keeps_cloud_out_of_the_invoice() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
          "account": "community-managed", "billing": "community-pays",
          "active_months": 12,
          "hubs": [
            { "name": "Lab", "registered_users": 30, "monthly_active_users": 25,
              "hours_per_user": "12", "size": "Small", "home_gb_per_user": "2",
              "egress_gb": "5" }
          ]
        }"#,
    );
    // compute: 25 × 12 = 300 user-hours ÷ 14 ÷ 0.75 = 28.571… → 28.57 × $0.252 = $7.19964 → $7.20
    check(&q, "cloud.hub1.compute", "28.57 × 0.252 = 7.20", 12);
    // egress 5 × $0.09 = $0.45; home ceil(30 × 2) = 60 GB × $0.30 = $18.00
    check(&q, "cloud.hub1.egress", "5 × 0.09 = 0.45", 12);
    check(&q, "cloud.hub1.home", "60 × 0.30 = 18.00", 12);
    // Every cloud line is "paid to provider", every fee line fixed.
    for l in &q.lines {
        if l.id.starts_with("cloud.") {
            assert_eq!(l.kind, LineKind::PaidToProvider, "{}", l.id);
        } else {
            assert_eq!(l.kind, LineKind::Fixed, "{}", l.id);
        }
    }
    // monthly cloud = 214.26 (AWS core) + 7.20 + 0.45 + 18.00 = $239.91
    assert_eq!(q.totals.monthly_cloud, dec("239.91"));
    // annual cloud = 239.91 × 12 = $2,878.92, all of it paid to the provider
    assert_eq!(q.totals.annual_cloud, dec("2878.92"));
    assert_eq!(q.totals.annual_cloud_paid_to_provider, dec("2878.92"));
    // usage: 25 MAU = 10 × $10 + 15 × $5 = $175.00 a month × 12 = $2,100.00
    // invoice = membership 15,000 + 2,100 = $17,100.00 (no cloud)
    assert_eq!(q.totals.first_year_invoice, dec("17100.00"));
    // total cost = 17,100 + 2,878.92 = $19,978.92 (cloud included)
    assert_eq!(q.totals.first_year_total_cost, dec("19978.92"));
    assert!(q.warnings.iter().any(|w| w.code == "paid-to-provider"));
    assert!(!q.cloud.invoiced);
}

// ── 9. A shared cluster (Essential) ─────────────────────────────────────────────────────

#[test]
fn essential_pays_a_tenth_of_a_shared_cluster_core() {
    let q = quote_of(COURSE_9);
    // AWS core components in catalog order, 730 h each:
    //   EKS 730 × 0.10 = 73.00; core r5.large 730 × 0.126 = 91.98;
    //   NAT 730 × 0.045 = 32.85; LB 730 × 0.0225 = 16.425 → 16.43
    //   share = round((73.00 + 91.98 + 32.85 + 16.43) ÷ 10, 2) = round(214.26 ÷ 10, 2)
    //         = round(21.426, 2) = $21.43 a month, all 12 months = $257.16 a year
    let clusters: Vec<&str> = cloud_ids(&q)
        .into_iter()
        .filter(|id| id.starts_with("cloud.cluster."))
        .collect();
    assert_eq!(clusters, ["cloud.cluster.shared"]);
    let shared = line(&q, "cloud.cluster.shared");
    assert_eq!(shared.quantity, dec("1"));
    assert_eq!(shared.amount, dec("21.43"));
    assert_eq!(shared.months, 12);
    assert_eq!(shared.first_year, dec("257.16"));
    for part in ["$73.00", "$91.98", "$32.85", "$16.43", "$214.26", "$21.43"] {
        assert!(
            shared.rationale.contains(part),
            "shared-cluster rationale lacks {part}: {}",
            shared.rationale
        );
    }
}

// ── 10. Discounts and the approval threshold ────────────────────────────────────────────

const DISCOUNTED: &str = r#"{
  "format": "hubquote.scenario/1",
  "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
  "account": "2i2c-managed", "billing": "2i2c-pays",
  "active_months": 12,
  "discounts": [ { "target": "membership", "percent": "PCT", "reason": "Founding member" } ],
  "hubs": [
    { "name": "Lab", "registered_users": 10, "monthly_active_users": 10,
      "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
  ]
}"#;

#[test]
fn a_25_percent_membership_discount_needs_approval() {
    let q = staff_quote_of(&DISCOUNTED.replace("PCT", "25"));
    // 25% of the first-year membership $15,000.00 = $3,750.00 off, each year
    let d = line(&q, "discount1");
    assert_eq!(d.amount, dec("-3750.00"));
    assert_eq!(d.first_year, dec("-3750.00"));
    assert_eq!(d.period, Period::Annual);
    // 25% > the catalog's 20% threshold: a draft until approved; the staff copy says why
    assert!(q.needs_approval);
    assert_eq!(q.status, Status::Draft);
    let why = &q.internal.as_ref().unwrap().approval_reasons;
    assert_eq!(
        why,
        &["Discounts on the membership come to 25% of it, above the 20% that needs approval"]
    );
    let customer = q.for_customer();
    assert!(customer.internal.is_none());
    assert_eq!(customer.status, Status::Draft);
    // fees = 15,000 − 3,750 + usage (10 MAU × $10 = $100 × 12 = 1,200) = $12,450.00
    assert_eq!(q.totals.annual_fees, dec("12450.00"));
    // cloud is never discounted: AWS core 214.26 × 12 = $2,571.12
    assert_eq!(q.totals.annual_cloud, dec("2571.12"));
    // invoice = 12,450 + 2,571.12 = $15,021.12
    assert_eq!(q.totals.first_year_invoice, dec("15021.12"));
}

#[test]
fn a_20_percent_membership_discount_does_not_need_approval() {
    let q = staff_quote_of(&DISCOUNTED.replace("PCT", "20"));
    // 20% of $15,000.00 = $3,000.00 off; 20% is not above the 20% threshold
    assert_eq!(line(&q, "discount1").amount, dec("-3000.00"));
    assert!(!q.needs_approval);
    assert_eq!(q.status, Status::Final);
    assert!(q.internal.as_ref().unwrap().approval_reasons.is_empty());
    // invoice = 15,000 − 3,000 + 1,200 + 2,571.12 = $15,771.12
    assert_eq!(q.totals.first_year_invoice, dec("15771.12"));
}

// ── 11. Four hubs exceed Advanced ───────────────────────────────────────────────────────

const FOUR_HUBS: &str = r#"{
  "format": "hubquote.scenario/1",
  "tier": "TIER", "provider": "AWS", "region": "us-west-2",
  "account": "2i2c-managed", "billing": "2i2c-pays",
  "active_months": 12,
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

#[test]
fn four_hubs_on_advanced_is_a_conflict_naming_premier() {
    let err = try_quote_in(catalog(), &FOUR_HUBS.replace("TIER", "Advanced"))
        .expect_err("Advanced allows 3 hubs, not 4");
    let QuoteError::Conflicts { tier, conflicts } = err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert_eq!(tier, "Advanced");
    let hubs = conflicts
        .iter()
        .find(|c| c.field == "hubs")
        .expect("a conflict on the number of hubs");
    assert!(hubs.message.contains("4 hubs"), "{}", hubs.message);
    assert!(hubs.message.contains("Premier"), "{}", hubs.message);
    assert_eq!(hubs.allowed_in, ["Premier"]);
}

#[test]
fn four_hubs_with_recommend_picks_premier() {
    let q = quote_of(&FOUR_HUBS.replace("TIER", "recommend"));
    assert_eq!(q.tier.name, "Premier");
    assert_eq!(q.recommendation.recommended.as_deref(), Some("Premier"));
    // Essential (1 hub) and Advanced (3 hubs) are ruled out, each with its reason.
    for ruled_out in ["Essential", "Advanced"] {
        assert!(
            q.recommendation
                .reasons
                .iter()
                .any(|r| r.starts_with(ruled_out) && r.contains("ruled out")),
            "no reason rules out {ruled_out}: {:#?}",
            q.recommendation.reasons
        );
    }
    // Premier: 50,000 + usage 20 MAU (10 × $10 + 10 × $5 = $150 × 12 = 1,800)
    //   + AWS core (214.26 × 12 = 2,571.12) = $54,371.12
    assert_eq!(q.totals.first_year_total_cost, dec("54371.12"));
}

// ── 12. Buying extra help on Advanced beats Premier ─────────────────────────────────────

#[test]
fn recommendation_prefers_advanced_with_extra_help_to_premier() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "recommend", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12, "help_hours_per_quarter": "8",
          "hubs": [
            { "name": "Group", "registered_users": 20, "monthly_active_users": 20,
              "hours_per_user": "10", "size": "Medium", "home_gb_per_user": "1" }
          ]
        }"#,
    );
    // Medium servers rule out Essential (Small only).
    // The same usage and cloud on Advanced and Premier (both dedicated AWS clusters):
    //   usage 20 MAU = 10 × $10 + 10 × $5 = $150 × 12 = $1,800.00
    //   compute 20 × 10 = 200 user-hours ÷ 7 ÷ 0.75 = 38.095… → 38.10 × $0.252 = $9.6012 → $9.60
    //   home 20 × 1 = 20 GB × $0.30 = $6.00
    //   cloud a month 214.26 + 9.60 + 6.00 = $229.86; × 12 = $2,758.32
    // Advanced: 15,000 + (8 − 4) × 4 = 16 h × $250 = 4,000 → 19,000 + 1,800 + 2,758.32 = $23,558.32
    // Premier:  50,000 + 0 extra help + 1,800 + 2,758.32 = $54,558.32
    // Premier costs 54,558.32 − 23,558.32 = $31,000.00 more.
    assert_eq!(q.recommendation.recommended.as_deref(), Some("Advanced"));
    assert_eq!(q.tier.name, "Advanced");
    check(&q, "help.extra", "16 × 250.00 = 4000.00", 1);
    check(&q, "cloud.hub1.compute", "38.10 × 0.252 = 9.60", 12);
    assert_eq!(q.totals.monthly_cloud, dec("229.86"));
    assert_eq!(q.totals.first_year_total_cost, dec("23558.32"));
    let cost = |tier: &str| {
        q.recommendation
            .tiers
            .iter()
            .find(|t| t.tier == tier)
            .and_then(|t| t.first_year_total_cost)
    };
    assert_eq!(cost("Advanced"), Some(dec("23558.32")));
    assert_eq!(cost("Premier"), Some(dec("54558.32")));
    assert_eq!(cost("Essential"), None);
    assert!(
        q.recommendation
            .reasons
            .iter()
            .any(|r| r.contains("Premier") && r.contains("$31,000.00 more")),
        "{:#?}",
        q.recommendation.reasons
    );
    assert!(
        q.recommendation
            .reasons
            .iter()
            .any(|r| r.starts_with("Essential") && r.contains("ruled out")),
        "{:#?}",
        q.recommendation.reasons
    );
}

// ── 13. The low / expected / high band and the budget alert ─────────────────────────────

#[test]
fn cloud_band_and_budget_alert_for_a_gpu_and_dask_hub() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "GCP", "region": "us-central1",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12,
          "hubs": [
            { "name": "Research", "registered_users": 20, "monthly_active_users": 15,
              "hours_per_user": "40", "size": "Medium", "gpu_share": "0.25",
              "home_gb_per_user": "10", "object_storage_gb": "500", "egress_gb": "50",
              "dask_node_hours": "200",
              "features": { "hub:dask": "Enabled", "hub:gpu": "NVIDIA T4" } }
          ]
        }"#,
    );
    // Expected month: 15 × 40 = 600 user-hours; GPU 600 × 0.25 = 150; CPU 450.
    //   compute: Medium on n2-highmem-4, 7 users/node: 450 ÷ 7 ÷ 0.75 = 85.714… → 85.71
    //            × $0.262028 = $22.45841988 → $22.46
    //   GPU:     150 ÷ 1 ÷ 0.75 = 200 node-hours × $0.586606 = $117.3212 → $117.32
    //   Dask:    200 node-hours × $1.048112 (n2-highmem-16) = $209.6224 → $209.62
    //   egress:  50 GB × $0.12 = $6.00
    //   all-year: home 20 × 10 = 200 GB × $0.10 = $20.00; objects 500 × $0.020 = $10.00;
    //             GKE core 186.89 → 216.89
    //   expected = 22.46 + 117.32 + 209.62 + 6.00 + 216.89 = $572.29
    check(&q, "cloud.hub1.compute", "85.71 × 0.262028 = 22.46", 12);
    check(&q, "cloud.hub1.gpu", "200 × 0.586606 = 117.32", 12);
    check(&q, "cloud.hub1.dask", "200 × 1.048112 = 209.62", 12);
    check(&q, "cloud.hub1.egress", "50 × 0.12 = 6.00", 12);
    check(&q, "cloud.hub1.home", "200 × 0.10 = 20.00", 12);
    check(&q, "cloud.hub1.objects", "500 × 0.020 = 10.00", 12);
    assert_eq!(q.cloud_band.expected, dec("572.29"));
    assert_eq!(q.totals.monthly_cloud, dec("572.29"));
    // Low (usage × 0.5): 300 user-hours; GPU 75; CPU 225.
    //   compute 225 ÷ 7 ÷ 0.75 = 42.857… → 42.86 × 0.262028 = 11.23052… → $11.23
    //   GPU 75 ÷ 0.75 = 100 × 0.586606 = $58.6606 → $58.66
    //   Dask 100 × 1.048112 = $104.8112 → $104.81
    //   egress 25 × 0.12 = $3.00
    //   low = 11.23 + 58.66 + 104.81 + 3.00 + 216.89 = $394.59
    assert_eq!(q.cloud_band.low, dec("394.59"));
    // High (usage × 2): 1,200 user-hours; GPU 300; CPU 900.
    //   compute 900 ÷ 7 ÷ 0.75 = 171.428… → 171.43 × 0.262028 = 44.91946… → $44.92
    //   GPU 300 ÷ 0.75 = 400 × 0.586606 = $234.6424 → $234.64
    //   Dask 400 × 1.048112 = $419.2448 → $419.24
    //   egress 100 × 0.12 = $12.00
    //   high = 44.92 + 234.64 + 419.24 + 12.00 + 216.89 = $927.69
    assert_eq!(q.cloud_band.high, dec("927.69"));
    // Budget alert = ceil(572.29 × 1.20 ÷ 10) × 10 = ceil(68.6748) × 10 = 69 × 10 = $690.00
    assert_eq!(q.cloud_band.budget_alert, dec("690.00"));
}

// ── 14. The two-tier catalog (General / Premier) ────────────────────────────────────────

#[test]
fn two_tier_catalog_quotes_general_at_15000() {
    let q = quote_in(
        general_premier(),
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "General", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12, "help_hours_per_quarter": "6",
          "hubs": [
            { "name": "Group", "registered_users": 20, "monthly_active_users": 20,
              "hours_per_user": "10", "size": "Small", "home_gb_per_user": "1" }
          ]
        }"#,
    );
    // General membership: 1 year × $15,000.00
    check(&q, "membership", "1 × 15000.00 = 15000.00", 1);
    assert!(!q.warnings.iter().any(|w| w.code == "custom-price"));
    // Extra help: (6 − 4 included) × 4 = 8 h × $250 = $2,000.00
    check(&q, "help.extra", "8 × 250.00 = 2000.00", 1);
    // Usage: 20 MAU = 10 × $10 + 10 × $5 = $150.00 a month
    assert_eq!(q.totals.monthly_fees, dec("150.00"));
    // Cloud: compute 200 ÷ 14 ÷ 0.75 = 19.047… → 19.05 × $0.252 = $4.8006 → $4.80;
    //   home 20 GB × $0.30 = $6.00; AWS core $214.26 → 225.06 a month, × 12 = $2,700.72
    check(&q, "cloud.hub1.compute", "19.05 × 0.252 = 4.80", 12);
    assert_eq!(q.totals.monthly_cloud, dec("225.06"));
    // First year = 15,000 + 2,000 + 150 × 12 (1,800) + 2,700.72 = $21,500.72
    assert_eq!(q.totals.first_year_total_cost, dec("21500.72"));
    // Premier: 50,000 + 0 help + 1,800 + 2,700.72 = $54,500.72, so General is recommended.
    assert_eq!(q.recommendation.recommended.as_deref(), Some("General"));
    let premier = q
        .recommendation
        .tiers
        .iter()
        .find(|t| t.tier == "Premier")
        .and_then(|t| t.first_year_total_cost);
    assert_eq!(premier, Some(dec("54500.72")));
}

// ── 15. A three-year term ───────────────────────────────────────────────────────────────

#[test]
fn three_year_term_counts_one_offs_once() {
    let q = quote_of(
        r#"{
          "format": "hubquote.scenario/1",
          "tier": "Advanced", "provider": "AWS", "region": "us-west-2",
          "account": "2i2c-managed", "billing": "2i2c-pays",
          "active_months": 12, "term_years": 3, "project_hours": "10",
          "discounts": [
            { "target": "project_hours", "amount": "500.00", "reason": "Shared roadmap work" }
          ],
          "hubs": [
            { "name": "Lab", "registered_users": 10, "monthly_active_users": 10,
              "hours_per_user": "0", "size": "Small", "home_gb_per_user": "0" }
          ]
        }"#,
    );
    // One-off: project 10 h × $250 = $2,500.00 − $500.00 discount (one-off) = $2,000.00
    assert_eq!(line(&q, "project").amount, dec("2500.00"));
    assert_eq!(line(&q, "discount1").amount, dec("-500.00"));
    assert_eq!(line(&q, "discount1").period, Period::OneOff);
    assert_eq!(q.totals.one_off, dec("2000.00"));
    // Yearly: membership 15,000 + usage (10 × $10 = $100 × 12 = 1,200) + AWS core
    //   (214.26 × 12 = 2,571.12) = $18,771.12
    assert_eq!(q.totals.annual_total, dec("18771.12"));
    assert_eq!(q.totals.term_years, 3);
    // Term = 2,000 + 3 × 18,771.12 = 2,000 + 56,313.36 = $58,313.36
    assert_eq!(q.totals.term_total, dec("58313.36"));
    // First year = 2,000 + 18,771.12 = $20,771.12
    assert_eq!(q.totals.first_year_total_cost, dec("20771.12"));
}
