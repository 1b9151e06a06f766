//! Invariants of the engine over generated scenarios, and no-panic guarantees of every
//! decoder over arbitrary input.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::catalog::Catalog;
use hubquote::pricing::{
    amounts_only, compare_tiers, explain, quote, quote_for, recommendation, QuoteError,
};
use hubquote::quote::{Audience, Period, Quote, Section};
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

/// What a generated scenario negotiates: internal notes of any text, a Premier fee, an
/// hourly rate, a custom line, an approval record (each maybe).
#[derive(Debug, Clone)]
struct NegotiatedGen {
    notes: String,
    fee: Option<Decimal>,
    rate: Option<Decimal>,
    custom: Option<(Decimal, Decimal, usize)>,
    approved: bool,
}

fn negotiated_gen() -> impl Strategy<Value = NegotiatedGen> {
    (
        any::<String>(),
        prop::option::of(cents(20_000_000)),
        prop::option::of(cents(50_000)),
        prop::option::of((cents(10_000), cents(100_000), 0usize..3)),
        any::<bool>(),
    )
        .prop_map(|(notes, fee, rate, custom, approved)| NegotiatedGen {
            notes,
            fee,
            rate,
            custom,
            approved,
        })
}

/// Marks no export writes by itself: the notes and the approval record carry them.
const NOTE_MARK: &str = "QXNOTEMARKQX";
const APPROVER_MARK: &str = "QXAPPROVERQX";
const APPROVAL_NOTE_MARK: &str = "QXAPPNOTEQX";

/// The generated scenario, made `/2` with what `n` negotiates.
fn negotiated_json(g: &Gen, n: &NegotiatedGen) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&scenario_json(g)).unwrap();
    v["format"] = "hubquote.scenario/2".into();
    v["notes"] = format!("{NOTE_MARK} {}", n.notes).into();
    let mut overrides = Vec::new();
    if let Some(fee) = n.fee {
        overrides.push(
            serde_json::json!({"target": "membership", "tier": "Premier",
            "price": fee.to_string(), "reason": "negotiated"}),
        );
    }
    if let Some(rate) = n.rate {
        overrides.push(serde_json::json!({"target": "hourly_rate",
            "price": rate.to_string(), "reason": "rate cap"}));
    }
    v["overrides"] = overrides.into();
    if let Some((quantity, price, period)) = n.custom {
        let period = ["one_off", "monthly", "annual"][period];
        v["custom_lines"] = serde_json::json!([{ "label": "Statement of work",
            "quantity": quantity.to_string(), "unit": "hour", "unit_price": price.to_string(),
            "period": period, "kind": "fixed",
            "reason": "scoped work" }]);
    }
    if n.approved {
        v["approval"] = serde_json::json!({ "by": APPROVER_MARK, "date": "2026-11-20",
            "note": APPROVAL_NOTE_MARK });
    }
    v.to_string()
}

/// Every customer-facing text of a quote: text, Markdown, CSV, JSON, justification and
/// the text the PDF shows.
fn customer_faces(q: &Quote) -> Vec<(&'static str, String)> {
    use hubquote::export;
    vec![
        ("text", export::to_text(q)),
        ("markdown", export::to_markdown(q)),
        ("csv", export::to_csv(q)),
        ("json", q.to_json()),
        ("justification", export::justification(q)),
        ("pdf", pdf_strings(&export::to_pdf(q))),
    ]
}

/// The text a PDF shows: every string a `Tj` shows (`(…)` with nesting and escapes, or
/// `<hex>`), one a line, WinAnsi bytes read as Latin-1 (ASCII reads the same).
fn pdf_strings(pdf: &[u8]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < pdf.len() {
        let (shown, next) = match pdf[i] {
            b'(' => literal(pdf, i + 1),
            b'<' if pdf.get(i + 1) != Some(&b'<') => hex(pdf, i + 1),
            _ => {
                i += 1;
                continue;
            }
        };
        if pdf[next..].starts_with(b" Tj") {
            out.extend(
                shown
                    .iter()
                    .map(|&b| if b == 0x97 { '—' } else { char::from(b) }),
            );
            out.push('\n');
        }
        i = next;
    }
    out
}

/// A literal string's bytes from just after its `(`, and where it ends.
fn literal(pdf: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let (mut bytes, mut depth) = (Vec::new(), 1);
    while let Some(&b) = pdf.get(i) {
        i += 1;
        match b {
            b'\\' => {
                bytes.extend(pdf.get(i));
                i += 1;
            }
            b'(' => {
                depth += 1;
                bytes.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                bytes.push(b);
            }
            _ => bytes.push(b),
        }
    }
    (bytes, i)
}

/// A hex string's bytes from just after its `<`, and where it ends.
fn hex(pdf: &[u8], i: usize) -> (Vec<u8>, usize) {
    let end = pdf[i..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(pdf.len(), |p| i + p);
    let bytes = pdf[i..end]
        .chunks(2)
        .filter_map(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
        .collect();
    (bytes, (end + 1).min(pdf.len()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, .. ProptestConfig::default() })]

    /// The years of the term add up to the term total; Year 1 is the first year.
    #[test]
    fn years_add_up_to_the_term(g in scenario_gen(), n in negotiated_gen()) {
        let Some((_, q)) = priced(&negotiated_json(&g, &n)) else { return Ok(()) };
        prop_assert_eq!(q.years.len(), q.totals.term_years as usize);
        let total: Decimal = q.years.iter().map(|y| y.total).sum();
        prop_assert_eq!(total, q.totals.term_total);
        prop_assert_eq!(q.years[0].total, q.totals.first_year_total_cost);
        for y in &q.years {
            let parts = y.membership + y.usage_fee + y.hours + y.custom + y.discounts + y.cloud;
            prop_assert_eq!(parts, y.total);
            prop_assert_eq!(y.invoice + y.paid_to_provider, y.total);
        }
        let m = (q.totals.first_year_total_cost / Decimal::from(12))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        prop_assert_eq!(q.totals.average_month, m);
    }

    /// The customer's copy never carries the notes, the approval record or why approval
    /// is needed (with its threshold), in any format or in the share link.
    #[test]
    fn customer_copies_keep_internal_things_internal(g in scenario_gen(), n in negotiated_gen()) {
        let json = negotiated_json(&g, &n);
        let Some((s, q)) = priced(&json) else { return Ok(()) };
        prop_assert!(q.internal.is_none());
        for (format, body) in customer_faces(&q) {
            for mark in [NOTE_MARK, APPROVER_MARK, APPROVAL_NOTE_MARK] {
                prop_assert!(!body.contains(mark), "{} shows {}", format, mark);
                prop_assert!(!body.contains(&hubquote::export::pdf_text(mark)));
            }
            prop_assert!(!body.to_lowercase().contains("needs approval"), "{}", format);
            prop_assert!(!body.contains("Internal copy"), "{}", format);
            let mark = match format {
                "json" => "\"status\": \"draft\"",
                _ => "Draft — subject to approval",
            };
            prop_assert_eq!(body.contains(mark), q.is_draft(), "{}", format);
        }
        let id = hubquote::scenario::share::CatalogId::of(catalog(), None);
        let link = hubquote::scenario::share::customer_link("https://x.invalid/", &s, &id);
        let fragment = link.split_once('#').unwrap().1;
        let shared = hubquote::scenario::share::decode(hubquote::scenario::share::in_fragment(fragment).unwrap()).unwrap();
        prop_assert!(shared.notes.is_empty());
        prop_assert!(shared.negotiated.approval.iter().all(|a| a.record().is_none()));
        // The staff copy has them, under the same number.
        let staff = hubquote::pricing::quote_for(catalog(), &s, date(), hubquote::quote::Audience::Staff).unwrap();
        prop_assert_eq!(&staff.number, &q.number);
        prop_assert!(hubquote::export::to_text(&staff).contains(NOTE_MARK));
        // (and the PDF reader above would see it there)
        prop_assert!(pdf_strings(&hubquote::export::to_pdf(&staff)).contains(NOTE_MARK));
        prop_assert!(hubquote::export::to_text(&staff).starts_with("Internal copy — not for the customer\n"));
    }

    /// The amounts-only quote is the explained one without its sentences (every line's
    /// rationale, the band's, the assumptions), for either copy; `explain` gives back the
    /// explained one exactly.
    #[test]
    fn amounts_only_is_the_quote_without_its_sentences(g in scenario_gen(), n in negotiated_gen()) {
        let Some((s, _)) = priced(&negotiated_json(&g, &n)) else { return Ok(()) };
        for audience in [Audience::Customer, Audience::Staff] {
            let full = quote_for(catalog(), &s, date(), audience).unwrap();
            let amounts = amounts_only(catalog(), &s, date(), audience).unwrap();
            let mut bare = full.clone();
            bare.lines.iter_mut().for_each(|l| l.rationale.clear());
            bare.cloud_band.rationale.clear();
            bare.assumptions.clear();
            prop_assert_eq!(&amounts, &bare);
            prop_assert!(full.lines.iter().all(|l| !l.rationale.is_empty()));
            prop_assert_eq!(explain(catalog(), &amounts).unwrap(), full);
        }
    }

    /// A quote compared with itself differs in nothing.
    #[test]
    fn a_quote_diffed_with_itself_is_empty(g in scenario_gen(), n in negotiated_gen()) {
        let Some((_, q)) = priced(&negotiated_json(&g, &n)) else { return Ok(()) };
        let d = hubquote::diff::diff(&q, &q).unwrap();
        prop_assert!(d.is_empty(), "{:#?}", d);
    }

    /// Every delta is B − A, each total's sides are the quotes' own, and the lines'
    /// deltas add up to the first-year total's.
    #[test]
    fn diff_deltas_are_b_minus_a(a in scenario_gen(), b in scenario_gen(), n in negotiated_gen()) {
        let Some((_, qa)) = priced(&scenario_json(&a)) else { return Ok(()) };
        let Some((_, qb)) = priced(&negotiated_json(&b, &n)) else { return Ok(()) };
        let d = hubquote::diff::diff(&qa, &qb).unwrap();
        let ta = serde_json::to_value(&qa.totals).unwrap();
        let tb = serde_json::to_value(&qb.totals).unwrap();
        for t in &d.totals {
            prop_assert_eq!(t.delta, t.to - t.from);
            let (from, to) = (t.from.to_string(), t.to.to_string());
            prop_assert_eq!(ta[&t.key].as_str(), Some(from.as_str()));
            prop_assert_eq!(tb[&t.key].as_str(), Some(to.as_str()));
        }
        let lines: Decimal = d.lines.iter().map(|l| l.delta).sum();
        let first = d.totals.iter().find(|t| t.key == "first_year_total_cost").unwrap();
        prop_assert_eq!(lines, first.delta);
    }
}
