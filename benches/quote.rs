//! On the largest preset: a full recommendation (every tier priced, the chosen one
//! quoted with every rationale, its band and number), the tier comparison alone, and the
//! decoders (the catalog both fully checked and as the web app reads its embedded copy).
//! Budget on the reference machine for the recommendation: ≤ 50 µs.

use criterion::{criterion_group, criterion_main, Criterion};
use hubquote::catalog::Catalog;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded().expect("embedded catalog").catalog;
    let date = time::Date::from_calendar_date(2026, time::Month::November, 21).expect("date");
    let largest = catalog
        .presets
        .iter()
        .max_by_key(|p| p.scenario.hubs.len())
        .expect("a preset");
    let mut scenario = largest.scenario.clone();
    scenario.tier = "recommend".into();
    c.bench_function(
        &format!("recommend {} ({} hubs)", largest.id, scenario.hubs.len()),
        |b| b.iter(|| hubquote::pricing::quote(black_box(&catalog), black_box(&scenario), date)),
    );
    c.bench_function("the recommendation alone (what the menu shows)", |b| {
        b.iter(|| hubquote::pricing::recommendation(black_box(&catalog), black_box(&scenario)))
    });
    c.bench_function("compare every tier (totals only)", |b| {
        b.iter(|| hubquote::pricing::compare_tiers(black_box(&catalog), black_box(&scenario)))
    });
    c.bench_function("load + validate the default catalog", |b| {
        b.iter(|| Catalog::load(black_box(hubquote::DEFAULT_CATALOG)))
    });
    c.bench_function(
        "the embedded catalog as the web app starts (no checks)",
        |b| b.iter(Catalog::embedded),
    );
    let json = largest.scenario.to_json();
    c.bench_function("decode + validate the scenario", |b| {
        b.iter(|| hubquote::scenario::Scenario::load(black_box(&json), &catalog))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
