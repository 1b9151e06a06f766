//! Batch throughput: 10,000 scenarios generated from the presets (usage, months, term,
//! tier, billing, discounts, negotiated fees and custom lines varied; about one in eight
//! is refused by the tier it asks for), each read, checked, priced without its sentences
//! and written as a JSON Lines row, as `hubquote batch` does. Target on the reference
//! machine: ≥ 10,000 quotes per second on one core (≤ 1 s for the 10,000).

#[path = "../tests/support/generated.rs"]
mod generated;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hubquote::book::{Dates, Row};
use hubquote::catalog::Catalog;
use std::hint::black_box;

const FILES: u64 = 10_000;

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded().expect("embedded catalog").catalog;
    let texts: Vec<String> = (0..FILES)
        .map(|seed| generated::scenario(&catalog, seed))
        .collect();
    let today = time::Date::from_calendar_date(2026, time::Month::November, 21).expect("date");
    let dates = Dates { asked: None, today };
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(FILES));
    group.sample_size(10);
    group.bench_function("10,000 generated scenarios → JSON Lines", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for text in &texts {
                let row = Row::of("scenario.json", black_box(text), &catalog, dates);
                bytes += row.to_json_line().len();
            }
            bytes
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
