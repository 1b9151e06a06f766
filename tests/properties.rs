//! Invariants of the engine over generated scenarios, and no-panic guarantees of every
//! decoder over arbitrary input.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;
use hubquote::pricing::{compare_tiers, quote, recommendation, QuoteError};
use hubquote::quote::{Period, Quote, Section};
use hubquote::scenario::Scenario;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        Catalog::embedded()
            .expect("embedded catalog is valid")
            .catalog
    })
}

fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap()
}

/// A decimal with 2 decimals from cents.
fn cents(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max).prop_map(|c| Decimal::new(c, 2))
}

#[derive(Debug, Clone)]
struct HubGen {
    registered: u32,
    mau_pct: u32,
    hours: Decimal,
    size: usize,
    gpu: Decimal,
    home: Decimal,
    objects: Decimal,
    egress: Decimal,
    dask: Decimal,
}

fn hub() -> impl Strategy<Value = HubGen> {
    (
        0u32..3000,
        0u32..=100,
        cents(20_000),
        0usize..4,
        prop_oneof![Just(Decimal::ZERO), cents(100)],
        cents(2_000),
        prop_oneof![Just(Decimal::ZERO), cents(500_000)],
        cents(100_000),
        prop_oneof![Just(Decimal::ZERO), cents(50_000)],
    )
        .prop_map(
            |(registered, mau_pct, hours, size, gpu, home, objects, egress, dask)| HubGen {
                registered,
                mau_pct,
                hours,
                size,
                gpu,
                home,
                objects,
                egress,
                dask,
            },
        )
}

#[derive(Debug, Clone)]
struct Gen {
    tier: usize,
    provider: usize,
    billing: usize,
    months: u32,
    term: u32,
    help: Decimal,
    project: Decimal,
    hubs: Vec<HubGen>,
    discount: Option<(usize, Decimal)>,
}

fn scenario_gen() -> impl Strategy<Value = Gen> {
    (
        0usize..4,
        0usize..4,
        0usize..2,
        1u32..=12,
        1u32..=5,
        cents(2_000),
        prop_oneof![Just(Decimal::ZERO), cents(20_000)],
        prop::collection::vec(hub(), 1..4),
        prop::option::of((0usize..2, (1i64..=5000).prop_map(|c| Decimal::new(c, 2)))),
    )
        .prop_map(
            |(tier, provider, billing, months, term, help, project, hubs, discount)| Gen {
                tier,
                provider,
                billing,
                months,
                term,
                help,
                project,
                hubs,
                discount,
            },
        )
}

/// Builds scenario JSON from generated choices, using the catalog's own names.
fn scenario_json(g: &Gen) -> String {
    let c = catalog();
    let p = c.pricing.as_ref().unwrap();
    let tiers: Vec<&str> = std::iter::once("recommend").chain(p.tiers.keys()).collect();
    let providers: Vec<&str> = p.providers.keys().collect();
    let provider = providers[g.provider % providers.len()];
    let region = p
        .providers
        .get(provider)
        .unwrap()
        .regions
        .keys()
        .next()
        .unwrap();
    let billing: Vec<&str> = p.billing.keys().collect();
    let sizes: Vec<&str> = p.sizes.keys().collect();
    let hubs: Vec<serde_json::Value> = g
        .hubs
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let mau = h.registered * h.mau_pct / 100;
            let mut features = serde_json::Map::new();
            if !h.dask.is_zero() {
                features.insert("hub:dask".into(), "Enabled".into());
            }
            serde_json::json!({
                "name": format!("hub {i}"),
                "registered_users": h.registered,
                "monthly_active_users": mau,
                "hours_per_user": (h.hours / Decimal::from(30)).round_dp(2).to_string(),
                "size": sizes[h.size % sizes.len()],
                "gpu_share": h.gpu.to_string(),
                "home_gb_per_user": (h.home / Decimal::from(100)).round_dp(2).to_string(),
                "object_storage_gb": h.objects.to_string(),
                "egress_gb": h.egress.to_string(),
                "dask_node_hours": h.dask.to_string(),
                "features": features,
            })
        })
        .collect();
    let discounts: Vec<serde_json::Value> = g
        .discount
        .iter()
        .map(|(t, pct)| {
            let target = ["membership", "usage_fee"][*t];
            serde_json::json!({
                "target": target,
                "percent": pct.to_string(),
                "reason": "generated",
            })
        })
        .collect();
    serde_json::json!({
        "format": "hubquote.scenario/1",
        "tier": tiers[g.tier % tiers.len()],
        "provider": provider,
        "region": region,
        "account": "2i2c-managed",
        "billing": billing[g.billing % billing.len()],
        "active_months": g.months,
        "term_years": g.term,
        "help_hours_per_quarter": g.help.to_string(),
        "project_hours": g.project.to_string(),
        "discounts": discounts,
        "hubs": hubs,
    })
    .to_string()
}

/// Prices a generated scenario; `None` when a rule refuses it (conflict, empty target).
fn priced(json: &str) -> Option<(Scenario, Quote)> {
    let s = Scenario::load(json, catalog()).ok()?;
    match quote(catalog(), &s, date()) {
        Ok(q) => Some((s, q)),
        Err(QuoteError::Conflicts { .. } | QuoteError::NoTierFits(_) | QuoteError::Invalid(_)) => {
            None
        }
        Err(e) => panic!("unexpected engine error {e} for {json}"),
    }
}

fn sum(
    q: &Quote,
    f: impl Fn(&hubquote::quote::Line) -> bool,
    amount: fn(&hubquote::quote::Line) -> Decimal,
) -> Decimal {
    q.lines.iter().filter(|l| f(l)).map(amount).sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Every total is the exact sum of its printed lines.
    #[test]
    fn totals_are_sums_of_lines(g in scenario_gen()) {
        let json = scenario_json(&g);
        let Some((_, q)) = priced(&json) else { return Ok(()) };
        let t = &q.totals;
        let fy = |l: &hubquote::quote::Line| l.first_year;
        let amt = |l: &hubquote::quote::Line| l.amount;
        let cloud = |l: &hubquote::quote::Line| l.section == Section::Cloud;
        prop_assert_eq!(t.first_year_total_cost, sum(&q, |_| true, fy));
        prop_assert_eq!(t.first_year_invoice, sum(&q, |l| l.kind != hubquote::quote::LineKind::PaidToProvider, fy));
        prop_assert_eq!(t.one_off, sum(&q, |l| l.period == Period::OneOff, fy));
        prop_assert_eq!(t.annual_cloud, sum(&q, cloud, fy));
        prop_assert_eq!(t.monthly_cloud, sum(&q, |l| cloud(l) && l.period == Period::Monthly, amt));
        prop_assert_eq!(t.monthly_fees, sum(&q, |l| !cloud(l) && l.period == Period::Monthly, amt));
        prop_assert_eq!(t.monthly_total, sum(&q, |l| l.period == Period::Monthly, amt));
        prop_assert_eq!(t.annual_total, t.first_year_total_cost - t.one_off);
        prop_assert_eq!(t.term_total, t.one_off + Decimal::from(t.term_years) * t.annual_total);
        prop_assert_eq!(q.cloud_band.expected, t.monthly_cloud);
        prop_assert!(q.cloud_band.low <= q.cloud_band.expected && q.cloud_band.expected <= q.cloud_band.high);
        prop_assert!(q.cloud_band.budget_alert >= q.cloud_band.expected);
    }

    /// The menu's recommendation, checked against `compare_tiers` independently: every
    /// tier as compared, the cheapest feasible one (the earlier on a tie) recommended and
    /// named with its cost in the first reason; refused exactly when the scenario is
    /// invalid or no tier allows it; and the same as the full quote's.
    #[test]
    fn recommendation_is_the_cheapest_feasible_tier(g in scenario_gen()) {
        let json = scenario_json(&g);
        let Ok(mut s) = Scenario::decode(&json) else { return Ok(()) };
        s.tier = hubquote::scenario::RECOMMEND.into();
        let c = catalog();
        let invalid = s.validate(c).has_errors();
        match recommendation(c, &s) {
            Err(QuoteError::Invalid(_)) => prop_assert!(invalid),
            Err(QuoteError::NoTierFits(tiers)) => {
                prop_assert!(!invalid);
                prop_assert!(tiers.iter().all(|t| !t.feasible));
            }
            Err(e) => prop_assert!(false, "unexpected {e} for {json}"),
            Ok(r) => {
                prop_assert!(!invalid);
                let tiers = compare_tiers(c, &s).unwrap();
                prop_assert_eq!(&r.tiers, &tiers);
                let mut best: Option<(&str, Decimal)> = None;
                for t in &tiers {
                    if let Some(cost) = t.first_year_total_cost {
                        if best.is_none_or(|(_, b)| cost < b) {
                            best = Some((&t.tier, cost));
                        }
                    }
                }
                let (tier, cost) = best.unwrap();
                prop_assert_eq!(r.recommended.as_deref(), Some(tier));
                let cur = &c.pricing.as_ref().unwrap().currency;
                let first = r.reasons.first().unwrap();
                prop_assert!(first.starts_with(c.tier_label(tier)), "{first}");
                prop_assert!(first.contains(&cur.format(cost)), "{first}");
                prop_assert_eq!(&quote(c, &s, date()).unwrap().recommendation, &r);
            }
        }
    }

    /// `money::sub`, `ceil` and `floor` (one decimal adder in the wasm) give Decimal's own
    /// results, value and representation, over random mantissas and scales.
    #[test]
    fn money_sub_ceil_floor_are_decimals_own(
        a in any::<i64>(), sa in 0u32..=12, b in any::<i64>(), sb in 0u32..=12,
    ) {
        let (a, b) = (Decimal::new(a, sa), Decimal::new(b, sb));
        prop_assert_eq!(
            hubquote::money::sub(a, b).unwrap().serialize(),
            a.checked_sub(b).unwrap().serialize(),
            "{} - {}", a, b
        );
        prop_assert_eq!(hubquote::money::ceil(a).unwrap().serialize(), a.ceil().serialize(), "ceil {}", a);
        prop_assert_eq!(hubquote::money::floor(a).unwrap().serialize(), a.floor().serialize(), "floor {}", a);
    }

    /// Each line's printed formula reproduces: round(round(q, 2) × price, 2).
    #[test]
    fn each_line_reproduces_on_a_calculator(g in scenario_gen()) {
        let json = scenario_json(&g);
        let Some((_, q)) = priced(&json) else { return Ok(()) };
        for l in &q.lines {
            prop_assert!(l.quantity.scale() <= 2, "{} quantity {}", l.id, l.quantity);
            let expect = (l.quantity * l.unit_price).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(l.amount, expect, "{}", l.id);
            let times = if l.period == Period::Monthly { Decimal::from(l.months) } else { Decimal::ONE };
            prop_assert_eq!(l.first_year, l.amount * times, "{}", l.id);
            prop_assert!(!l.rationale.is_empty(), "{} has no rationale", l.id);
        }
    }

    /// More active users, hours or storage never lower any total (same tier).
    #[test]
    fn more_usage_never_costs_less(g in scenario_gen(), bump in 1u32..500, which in 0usize..4) {
        let json = scenario_json(&g);
        let Some((s, q)) = priced(&json) else { return Ok(()) };
        let mut more = s.clone();
        more.tier = q.tier.name.clone();
        let h = &mut more.hubs[0];
        match which {
            0 => { h.registered_users += bump; h.monthly_active_users += bump; }
            1 => h.hours_per_user = (h.hours_per_user + Decimal::from(bump)).min(Decimal::from(744)),
            2 => h.object_storage_gb += Decimal::from(bump),
            _ => h.home_gb_per_user += Decimal::from(bump % 50),
        }
        let mut same = s.clone();
        same.tier = q.tier.name.clone();
        let (Ok(a), Ok(b)) = (quote(catalog(), &same, date()), quote(catalog(), &more, date())) else {
            return Ok(());
        };
        let (ta, tb) = (&a.totals, &b.totals);
        for (name, x, y) in [
            ("first_year_total_cost", ta.first_year_total_cost, tb.first_year_total_cost),
            ("annual_cloud", ta.annual_cloud, tb.annual_cloud),
            ("monthly_cloud", ta.monthly_cloud, tb.monthly_cloud),
            ("annual_fees", ta.annual_fees, tb.annual_fees),
            ("term_total", ta.term_total, tb.term_total),
            ("first_year_invoice", ta.first_year_invoice, tb.first_year_invoice),
        ] {
            prop_assert!(y >= x, "{name} fell from {x} to {y}");
        }
    }

    /// The recommended tier is feasible and no feasible tier is cheaper.
    #[test]
    fn recommendation_is_the_cheapest_feasible(g in scenario_gen()) {
        let json = scenario_json(&g);
        let Ok(s) = Scenario::load(&json, catalog()) else { return Ok(()) };
        let tiers = compare_tiers(catalog(), &s).unwrap();
        let mut r = s.clone();
        r.tier = "recommend".into();
        match quote(catalog(), &r, date()) {
            Ok(q) => {
                let chosen = tiers.iter().find(|t| t.tier == q.tier.name).unwrap();
                prop_assert!(chosen.feasible && chosen.conflicts.is_empty());
                let cost = chosen.first_year_total_cost.unwrap();
                prop_assert_eq!(cost, q.totals.first_year_total_cost);
                for t in tiers.iter().filter(|t| t.feasible) {
                    prop_assert!(t.first_year_total_cost.unwrap() >= cost);
                }
            }
            Err(QuoteError::NoTierFits(_)) => prop_assert!(tiers.iter().all(|t| !t.feasible)),
            Err(e) => prop_assert!(false, "unexpected {e}"),
        }
    }

    /// Scenario JSON, share links and quote JSON round-trip losslessly.
    #[test]
    fn json_round_trips(g in scenario_gen()) {
        let json = scenario_json(&g);
        let Ok(s) = Scenario::load(&json, catalog()) else { return Ok(()) };
        let again = Scenario::decode(&s.to_json()).unwrap();
        prop_assert_eq!(&again, &s);
        let link = hubquote::scenario::share::encode(&s);
        prop_assert_eq!(&hubquote::scenario::share::decode(&link).unwrap(), &s);
        let Some((_, q)) = priced(&json) else { return Ok(()) };
        let text = q.to_json();
        let imported = hubquote::quote::import(&text).unwrap();
        prop_assert_eq!(&imported.scenario, &q.scenario);
        prop_assert!(hubquote::pricing::recheck(catalog(), &imported).unwrap().is_empty());
        // The file holds exactly the quote's data.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(value, serde_json::to_value(&q).unwrap());
    }

    /// No bytes make a decoder panic.
    #[test]
    fn arbitrary_text_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Catalog::load(&text);
        let _ = Scenario::decode(&text);
        let _ = Scenario::load(&text, catalog());
        let _ = hubquote::quote::import(&text);
    }

    /// JSON-shaped input with wild values (huge, negative, NaN-like, wrong types) is
    /// refused with a message, never a panic or a price.
    #[test]
    fn wild_values_in_a_valid_scenario_never_panic(
        g in scenario_gen(),
        field in prop::sample::select(vec![
            "registered_users", "monthly_active_users", "hours_per_user", "gpu_share",
            "home_gb_per_user", "object_storage_gb", "egress_gb", "dask_node_hours", "size",
        ]),
        value in prop::sample::select(vec![
            "-1", "1e30", "\"NaN\"", "\"Infinity\"", "\"abc\"", "null", "true", "[]", "{}",
            "79228162514264337593543950335", "0.000000000000000000000000001", "\"1,000\"",
            "4294967296", "\"\"", "1e-30", "-0",
        ]),
    ) {
        let json = scenario_json(&g);
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let raw: serde_json::Value = serde_json::from_str(value).unwrap_or(serde_json::Value::Null);
        v["hubs"][0][field] = raw;
        let text = v.to_string();
        if let Ok(s) = Scenario::load(&text, catalog()) {
            let _ = quote(catalog(), &s, date());
        }
    }
}
