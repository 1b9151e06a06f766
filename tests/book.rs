//! The book of business by hand: revenue by kind and the impact of the 2026 catalog on
//! three presets (course-50 on Essential, university-2000 on Advanced, network-5 on
//! Premier), every figure a literal with its arithmetic (prices from public/catalog.json5
//! and public/catalogs/2026-general-premier.json5); a batch's bad files, each reported at
//! its line:column while the others are priced; what the new catalog refuses or cannot map.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::book::{Dates, Direction, Impact, ImpactStatus, Kind, Problem, Row, Summary};
use hubquote::catalog::Catalog;
use hubquote::diff::Change;
use hubquote::quote::Status;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::OnceLock;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn old() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::load(hubquote::DEFAULT_CATALOG).unwrap().catalog)
}

const NEW_TEXT: &str = include_str!("../public/catalogs/2026-general-premier.json5");

fn new() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::load(NEW_TEXT).unwrap().catalog)
}

fn dates() -> Dates {
    let day = time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap();
    Dates {
        asked: None,
        today: day,
    }
}

const THREE: [&str; 3] = ["course-50", "university-2000", "network-5"];

/// A preset of the default catalog as a scenario file's text.
fn preset(id: &str) -> String {
    old().preset(id).unwrap().scenario.to_json()
}

fn summary_of(ids: &[&str]) -> Summary {
    let priced = ids
        .iter()
        .map(|id| (*id, hubquote::book::priced(&preset(id), old(), dates())));
    Summary::of(old(), priced).unwrap()
}

#[test]
fn revenue_by_kind_of_three_presets_by_hand() {
    let s = summary_of(&THREE);
    let all = &s.all.revenue;
    assert_eq!(s.all.quotes, 3);
    // Membership: Essential $5,000 + Advanced $15,000 + Premier $50,000 = $70,000.
    assert_eq!(all.kind(Kind::Membership).per_year, dec("70000.00"));
    // Usage fee: course-50 (10 × $10 + 40 × $5 = $300) × 9 months = $2,700;
    // university-2000 (10 × $10 + 90 × $5 + 900 × $2.50 + 510 × $1.25 = $3,437.50)
    // × 10 = $34,375; network-5 (10 × $10 + 90 × $5 + 775 × $2.50 = $2,487.50) × 12
    // = $29,850; $2,700 + $34,375 + $29,850 = $66,925.
    assert_eq!(all.kind(Kind::UsageFee).per_year, dec("66925.00"));
    // Hours: university-2000 wants 6 h a quarter, Advanced includes 4: 2 × 4 quarters
    // = 8 h × $250 = $2,000 a year; network-5's 8 h a quarter are all included (no
    // revenue) and its 40 project hours × $250 = $10,000 are one-off.
    assert_eq!(all.kind(Kind::Hours).per_year, dec("2000.00"));
    assert_eq!(all.kind(Kind::Hours).one_off, dec("10000.00"));
    assert_eq!(all.kind(Kind::Custom).per_year, dec("0.00"));
    assert_eq!(all.kind(Kind::Discounts).per_year, dec("0.00"));
    // Revenue: $70,000 + $66,925 + $2,000 = $138,925 a year, $10,000 one-off.
    assert_eq!(all.revenue.per_year, dec("138925.00"));
    assert_eq!(all.revenue.one_off, dec("10000.00"));
    // Cloud, all invoiced (2i2c pays): $564.78 + $34,707.12 + $23,174.52 = $58,446.42,
    // apart from the revenue.
    assert_eq!(all.kind(Kind::CloudInvoiced).per_year, dec("58446.42"));
    assert_eq!(all.kind(Kind::CloudPaidToProvider).per_year, dec("0.00"));
    assert_eq!(all.cloud.per_year, dec("58446.42"));
    // Total: $138,925 + $58,446.42 = $197,371.42 = the three per-year totals,
    // $8,264.78 + $86,082.12 + $103,024.52.
    assert_eq!(all.total.per_year, dec("197371.42"));
    // Per tier, in the catalog's order, one quote each.
    let tiers: Vec<(&str, u32, Decimal)> = s
        .tiers
        .iter()
        .map(|t| (t.tier.as_str(), t.quotes, t.revenue.revenue.per_year))
        .collect();
    // Essential $5,000 + $2,700; Advanced $15,000 + $34,375 + $2,000; Premier $50,000 + $29,850.
    assert_eq!(
        tiers,
        [
            ("Essential", 1, dec("7700.00")),
            ("Advanced", 1, dec("51375.00")),
            ("Premier", 1, dec("79850.00")),
        ]
    );
}

#[test]
fn community_pays_cloud_is_paid_to_the_provider_and_a_custom_line_is_hours_by_its_unit() {
    // community-pays-gcp: the community pays GCP directly, $270.04 a month × 12 = $3,240.48.
    let s = summary_of(&["community-pays-gcp"]);
    assert_eq!(
        s.all.revenue.kind(Kind::CloudPaidToProvider).per_year,
        dec("3240.48")
    );
    assert_eq!(
        s.all.revenue.kind(Kind::CloudInvoiced).per_year,
        dec("0.00")
    );
    // The sales call's B: a custom line of 12 "hour" × $250 = $3,000, one-off, is hours.
    let b = include_str!("fixtures/sales-call-b.json");
    let p = hubquote::book::priced(b, old(), dates()).unwrap();
    let r = hubquote::book::Revenue::of(&p.lines).unwrap();
    assert_eq!(r.kind(Kind::Hours).one_off, dec("3000.00"));
    assert_eq!(r.kind(Kind::Custom).one_off, dec("0.00"));
    // … and by the workshop it is another additional service: 2 × $1,500 = $3,000.
    let workshop = b
        .replace("\"unit\": \"hour\"", "\"unit\": \"workshop\"")
        .replace("\"unit_price\": \"250\"", "\"unit_price\": \"1500\"")
        .replace("\"quantity\": \"12\"", "\"quantity\": \"2\"");
    let p = hubquote::book::priced(&workshop, old(), dates()).unwrap();
    let r = hubquote::book::Revenue::of(&p.lines).unwrap();
    assert_eq!(r.kind(Kind::Custom).one_off, dec("3000.00"));
    assert_eq!(r.kind(Kind::Hours).one_off, dec("0.00"));
}

fn impact_of(ids: &[&str], to: &Catalog) -> Impact {
    let texts = ids.iter().map(|id| (format!("{id}.json"), Ok(preset(id))));
    Impact::of((old(), to), dates(), texts).unwrap()
}

/// A file that cannot be read, as the CLI and the web app report one.
fn unreadable() -> Problem {
    Problem::whole("missing.json: No such file or directory")
}

#[test]
fn a_summary_records_a_file_that_cannot_be_read_and_counts_the_good_one() {
    let files = [
        ("missing.json", Err(unreadable())),
        (
            "course-50.json",
            hubquote::book::priced(&preset("course-50"), old(), dates()),
        ),
    ];
    let s = Summary::of(old(), files).unwrap();
    assert_eq!(s.errors.len(), 1);
    assert_eq!(
        (s.errors[0].path.as_str(), &s.errors[0].error),
        ("missing.json", &unreadable())
    );
    assert_eq!(s.all.quotes, 1);
    // course-50 alone: membership $5,000 + usage fee $300 × 9 months = $2,700 = $7,700.
    assert_eq!(s.all.revenue.revenue.per_year, dec("7700.00"));
    let essential = s.tiers.iter().find(|t| t.tier == "Essential").unwrap();
    assert_eq!(essential.quotes, 1);
}

#[test]
fn a_summary_or_an_impact_with_a_catalog_without_prices_says_why() {
    let mut bare = old().clone();
    bare.pricing = None;
    let none: [(&str, Result<hubquote::pricing::Priced, Problem>); 0] = [];
    let why = Summary::of(&bare, none).unwrap_err();
    assert!(why.contains(&bare.name), "{why}");
    let texts: [(&str, Result<&str, Problem>); 0] = [];
    assert!(Impact::of((&bare, new()), dates(), texts).is_err());
}

#[test]
fn an_impact_counts_a_file_that_cannot_be_read_as_an_error_row_and_prices_the_others() {
    let files = [
        ("missing.json".to_string(), Err(unreadable())),
        ("course-50.json".to_string(), Ok(preset("course-50"))),
    ];
    let i = Impact::of((old(), new()), dates(), files).unwrap();
    assert_eq!(i.rows.len(), 2);
    assert_eq!(i.rows[0].status, ImpactStatus::Error);
    assert_eq!(i.rows[0].error, Some(unreadable()));
    assert_eq!(i.rows[1].status, ImpactStatus::Priced);
    assert_eq!((i.summary.errors, i.summary.up), (1, 1));
    // Only the priced file is in the revenue: course-50's $7,700 a year (above).
    assert_eq!(i.summary.from.revenue.per_year, dec("7700.00"));
}

#[test]
fn the_2026_catalog_on_three_presets_by_hand() {
    let i = impact_of(&THREE, new());
    let [course, university, network] = [&i.rows[0], &i.rows[1], &i.rows[2]];
    // course-50: Essential is retired; its successor General is the ex-Advanced at
    // $15,000 on a dedicated cluster. Membership $5,000 → $15,000 (+$10,000); the
    // shared core's 1/10 share ($21.43 × 12 = $257.16) goes; the dedicated AWS core
    // comes: EKS 730 h × $0.10 = $73.00, core node 730 × $0.126 = $91.98, NAT
    // 730 × $0.045 = $32.85, load balancer 730 × $0.0225 = $16.43 (16.425 rounded),
    // each × 12: $876.00 + $1,103.76 + $394.20 + $197.16 = $2,571.12.
    // First year: $8,264.78 + $10,000 − $257.16 + $2,571.12 = $20,578.74, +$12,313.96,
    // +148.99% ($12,313.96 ÷ $8,264.78 = 1.489930…).
    let from = course.from.as_ref().unwrap();
    let to = course.to.as_ref().unwrap();
    assert_eq!(
        (from.tier.as_str(), to.tier.as_str()),
        ("Essential", "General")
    );
    assert_eq!(
        course.notes,
        ["Essential is retired (no longer offered; its members move to General Membership): priced on General Membership."]
    );
    let first_year = &course.totals[0];
    assert_eq!(
        (first_year.from, first_year.to),
        (dec("8264.78"), dec("20578.74"))
    );
    assert_eq!(first_year.delta, dec("12313.96"));
    assert_eq!(first_year.percent, Some(dec("148.99")));
    assert_eq!(course.direction, Some(Direction::Up));
    let lines: Vec<(Change, &str, Decimal)> = course
        .lines
        .iter()
        .map(|l| (l.change, l.label.as_str(), l.delta))
        .collect();
    assert_eq!(
        lines,
        [
            (Change::Changed, "General Membership", dec("10000.00")),
            (Change::Added, "EKS control plane", dec("876.00")),
            (Change::Added, "Core node (r5.large)", dec("1103.76")),
            (Change::Added, "NAT gateway", dec("394.20")),
            (Change::Added, "Load balancer", dec("197.16")),
            (
                Change::Removed,
                "Shared cluster core, 1/10 share",
                dec("-257.16")
            ),
        ]
    );
    // university-2000: Advanced is renamed General, at the same $15,000 and limits:
    // $86,082.12 under both, no line changed.
    assert_eq!(university.to.as_ref().unwrap().tier, "General");
    assert_eq!(university.direction, Some(Direction::Same));
    assert!(university.lines.is_empty());
    assert_eq!(university.totals[0].to, dec("86082.12"));
    // network-5: Premier stays Premier; its $50,000 is a fixed fee now, not a "from"
    // price: $113,024.52 under both.
    assert_eq!(network.to.as_ref().unwrap().tier, "Premier");
    assert!(network.notes.is_empty());
    assert_eq!(network.direction, Some(Direction::Same));
    assert_eq!(network.totals[0].to, dec("113024.52"));
    // Over the three: 1 up, 2 the same. Membership $70,000 → $80,000 a year
    // (+$10,000, +14.29%: 10,000 ÷ 70,000 = 0.142857…); cloud $58,446.42 → $60,760.38
    // (+$2,313.96 = $2,571.12 − $257.16); revenue $138,925 → $148,925.
    let s = &i.summary;
    assert_eq!((s.up, s.down, s.same, s.refused, s.errors), (1, 0, 2, 0, 0));
    assert_eq!(s.from.kind(Kind::Membership).per_year, dec("70000.00"));
    assert_eq!(s.to.kind(Kind::Membership).per_year, dec("80000.00"));
    assert_eq!(s.change.kind(Kind::Membership).per_year, dec("10000.00"));
    assert_eq!(s.change.cloud.per_year, dec("2313.96"));
    assert_eq!(s.to.revenue.per_year, dec("148925.00"));
    assert_eq!(s.change.total.per_year, dec("12313.96"));
    assert_eq!(s.change.total.one_off, dec("0.00"));
}

#[test]
fn a_member_the_new_catalog_does_not_allow_is_refused_and_one_it_cannot_map_is_an_error() {
    // General allows one hub here: university-2000's three hubs are refused.
    let one_hub = NEW_TEXT.replacen("hub_limit: 3,", "hub_limit: 1,", 1);
    let one_hub = Catalog::load(&one_hub).unwrap().catalog;
    let i = impact_of(&["university-2000"], &one_hub);
    let r = &i.rows[0];
    assert_eq!(r.status, ImpactStatus::Refused);
    assert!(r.to.is_none() && r.direction.is_none());
    let why: Vec<String> = r
        .conflicts
        .iter()
        .map(|c| format!("{}: {}", c.field, c.message))
        .collect();
    assert_eq!(
        why,
        ["hubs: 3 hubs exceed General Membership's limit of 1 and need Premier Membership"]
    );
    assert_eq!((i.summary.refused, i.summary.same), (1, 0));
    // Nothing of a refused member is in either revenue.
    assert_eq!(i.summary.from.total.per_year, dec("0.00"));
    // Without its retired tiers, the 2026 catalog cannot place an Essential member.
    let start = NEW_TEXT.find("    retired_tiers: {").unwrap();
    let end = start + NEW_TEXT[start..].find("    },\n").unwrap() + "    },\n".len();
    let unmapped = format!("{}{}", &NEW_TEXT[..start], &NEW_TEXT[end..]);
    let unmapped = Catalog::load(&unmapped).unwrap().catalog;
    let i = impact_of(&["course-50"], &unmapped);
    let e = i.rows[0].error.as_ref().unwrap();
    assert_eq!(i.rows[0].status, ImpactStatus::Error);
    assert_eq!(e.field, "tier");
    assert_eq!(
        e.message,
        "the new catalog neither sells Essential nor names its successor (pricing.retired_tiers)"
    );
    assert!(e.line.is_some());
}

#[test]
fn a_negotiated_fee_for_a_retired_tier_is_carried_over_to_its_successor() {
    // The sales call's B negotiates Advanced at $13,500: under 2026 it is General's fee.
    let b = include_str!("fixtures/sales-call-b.json");
    let mut i = Impact::new(old(), new()).unwrap();
    i.add("b.json", b, (old(), new()), dates()).unwrap();
    let r = &i.rows[0];
    assert_eq!(
        r.notes,
        [
            "Advanced is retired (renamed General Membership): priced on General Membership.",
            "The membership fee negotiated for Advanced is carried over to General Membership.",
        ]
    );
    assert_eq!(r.direction, Some(Direction::Same), "{:?}", r.lines);
}

#[test]
fn a_batch_reports_each_bad_file_at_its_place_and_prices_the_others() {
    let good = preset("course-50");
    let syntax = good.replacen("\"tier\": \"Essential\",", "\"tier\": \"Essential\"", 1);
    let size = good.replacen("\"size\": \"Small\"", "\"size\": \"Tiny\"", 1);
    let quote = hubquote::pricing::quote(
        old(),
        &old().preset("network-5").unwrap().scenario,
        dates().today,
    )
    .unwrap();
    // The scenario is the last part of a quote file: its provider is the last one.
    let json = quote.to_json();
    let at = json.rfind("\"provider\": \"GCP\"").unwrap();
    let tampered = format!(
        "{}\"provider\": \"Oracle\"{}",
        &json[..at],
        &json[at + 17..]
    );
    let forced = good.replacen("\"hubs\": [", "\"hubs\": [{\"name\": \"b\", \"registered_users\": 1, \"monthly_active_users\": 1, \"hours_per_user\": \"1\", \"size\": \"Small\", \"home_gb_per_user\": \"1\"},", 1);
    let rows: Vec<Row> = [
        ("good.json", good.as_str()),
        ("syntax.json", &syntax),
        ("size.json", &size),
        ("quote.json", &quote.to_json()),
        ("tampered.json", &tampered),
        ("two-hubs.json", &forced),
    ]
    .iter()
    .map(|(path, text)| Row::of(path, text, old(), dates()))
    .collect();
    let line_of = |text: &str, needle: &str| {
        text[..text.find(needle).unwrap()].matches('\n').count() as u32 + 1
    };
    let ok: Vec<bool> = rows.iter().map(|r| r.error.is_none()).collect();
    assert_eq!(ok, [true, false, false, true, false, false]);
    assert_eq!(
        rows[0].quote.as_ref().unwrap().totals.first_year_total_cost,
        dec("8264.78")
    );
    // A missing comma: found where the next member starts.
    let e = rows[1].error.as_ref().unwrap();
    assert_eq!(e.line, Some(line_of(&syntax, "\"provider\"")), "{e:?}");
    // An unknown size, at its field.
    let e = rows[2].error.as_ref().unwrap();
    assert_eq!(
        (e.field.as_str(), e.line),
        ("hubs[0].size", Some(line_of(&size, "\"Tiny\"")))
    );
    // A quote file is re-priced on its own date: the same number as the quote.
    let q = rows[3].quote.as_ref().unwrap();
    assert_eq!(
        (q.number.as_str(), q.status),
        (quote.number.as_str(), Status::Final)
    );
    // Its scenario is checked under the catalog, at its place in the quote file.
    let e = rows[4].error.as_ref().unwrap();
    assert_eq!(e.field, "scenario.provider");
    assert_eq!(e.line, Some(line_of(&tampered, "\"Oracle\"")));
    // Two hubs on Essential: refused, at `hubs`, naming the tier.
    let e = rows[5].error.as_ref().unwrap();
    assert_eq!(e.field, "hubs");
    assert!(
        e.message
            .starts_with("Essential does not allow it: 2 hubs exceed"),
        "{}",
        e.message
    );
    assert_eq!(e.more, 0);
}
