//! Invariants of the book of business over scenarios generated from the presets
//! (`support/generated.rs`): a batch row is what one `quote` of the file says (a quote
//! file's too), a catalog's impact onto itself is zero everywhere, and revenue by kind
//! adds up to the quotes' lines, kind by kind, tier by tier.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

#[path = "support/generated.rs"]
mod generated;

use hubquote::book::{
    Dates, Direction, Impact, ImpactStatus, Kind, Revenue, Row, RowStatus, Summary,
};
use hubquote::catalog::Catalog;
use hubquote::pricing::quote;
use hubquote::quote::Line;
use hubquote::scenario::Scenario;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::embedded().unwrap().catalog)
}

fn dates() -> Dates {
    let today = time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap();
    Dates { asked: None, today }
}

/// The quote `hubquote quote` makes of a scenario file, if it makes one.
fn one_quote(text: &str) -> Option<hubquote::quote::Quote> {
    let s = Scenario::load(text, catalog()).ok()?;
    quote(catalog(), &s, dates().today).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// A batch row is the number, date, tier, status and totals of one quote of the file;
    /// a file that does not quote is an error row. A quote file of it gives the same row.
    #[test]
    fn a_batch_row_is_one_quote_of_its_file(seed in any::<u64>()) {
        let text = generated::scenario(catalog(), seed);
        let row = Row::of("f.json", &text, catalog(), dates());
        match one_quote(&text) {
            None => prop_assert_eq!(row.status, RowStatus::Error),
            Some(q) => {
                let r = row.quote.as_ref().unwrap();
                prop_assert_eq!(&r.number, &q.number);
                prop_assert_eq!(&r.date, &q.date);
                prop_assert_eq!(&r.tier, &q.tier.name);
                prop_assert_eq!(&r.tier_label, &q.tier.label);
                prop_assert_eq!(r.status, q.status);
                prop_assert_eq!(&r.totals, &q.totals);
                let file = Row::of("q.json", &q.to_json(), catalog(), Dates { today: time::Date::MIN, ..dates() });
                prop_assert_eq!(file.quote, row.quote);
            }
        }
    }

    /// Moving every file from a catalog to itself changes nothing.
    #[test]
    fn the_impact_of_a_catalog_onto_itself_is_zero(seeds in prop::collection::vec(any::<u64>(), 1..6)) {
        let c = catalog();
        let mut i = Impact::new(c, c).unwrap();
        for seed in &seeds {
            i.add("f.json", &generated::scenario(c, *seed), (c, c), dates()).unwrap();
        }
        let s = &i.summary;
        prop_assert_eq!((s.up, s.down, s.refused), (0, 0, 0));
        prop_assert_eq!(s.same + s.errors, u32::try_from(seeds.len()).unwrap());
        prop_assert_eq!(&s.from, &s.to);
        for r in s.change.rows() {
            prop_assert!(r.amounts.per_year.is_zero() && r.amounts.one_off.is_zero(), "{}", r.key);
        }
        for r in i.rows.iter().filter(|r| r.status == ImpactStatus::Priced) {
            prop_assert_eq!(r.direction, Some(Direction::Same));
            prop_assert!(r.totals.iter().all(|t| t.delta.is_zero()));
            prop_assert!(r.lines.is_empty() && r.notes.is_empty() && r.conflicts.is_empty());
            prop_assert_eq!(&r.from, &r.to);
        }
    }

    /// Every kind's amount is the sum of the quotes' lines of that kind (per year for the
    /// recurring ones, one-off for the others); revenue and cloud split the total, which is
    /// the quotes' per-year and one-off totals; the tiers add up to all of them.
    #[test]
    fn revenue_by_kind_adds_up_to_the_lines(seeds in prop::collection::vec(any::<u64>(), 1..8)) {
        let c = catalog();
        let mut s = Summary::new(c).unwrap();
        let mut quotes = Vec::new();
        for seed in &seeds {
            let text = generated::scenario(c, *seed);
            if let Ok(p) = hubquote::book::priced(&text, c, dates()) {
                s.add(&p).unwrap();
                quotes.push(one_quote(&text).unwrap());
            }
        }
        let all = &s.all.revenue;
        for kind in Kind::ALL {
            let lines = quotes.iter().flat_map(|q| &q.lines).filter(|l| Kind::of(l) == kind);
            let (recurring, one_off): (Vec<&Line>, Vec<&Line>) = lines.partition(|l| l.is_recurring());
            let sum = |ls: &[&Line]| ls.iter().map(|l| l.first_year).sum::<Decimal>();
            prop_assert_eq!(all.kind(kind).per_year, sum(&recurring), "{}", kind.key());
            prop_assert_eq!(all.kind(kind).one_off, sum(&one_off), "{}", kind.key());
        }
        // The kinds partition each quote's lines: over every kind, its revenue is the
        // quote's per-year and one-off totals (a line of no kind, or of two, breaks it).
        for q in &quotes {
            let r = Revenue::of(&q.lines).unwrap();
            let per_year: Decimal = Kind::ALL.iter().map(|k| r.kind(*k).per_year).sum();
            let one_off: Decimal = Kind::ALL.iter().map(|k| r.kind(*k).one_off).sum();
            prop_assert_eq!(per_year, q.totals.annual_total, "{}", q.number);
            prop_assert_eq!(one_off, q.totals.one_off, "{}", q.number);
        }
        let annual: Decimal = quotes.iter().map(|q| q.totals.annual_total).sum();
        let one_off: Decimal = quotes.iter().map(|q| q.totals.one_off).sum();
        prop_assert_eq!(all.total.per_year, annual);
        prop_assert_eq!(all.total.one_off, one_off);
        prop_assert_eq!(all.revenue.per_year + all.cloud.per_year, all.total.per_year);
        let tiers: Decimal = s.tiers.iter().map(|t| t.revenue.total.per_year).sum();
        prop_assert_eq!(tiers, all.total.per_year);
        prop_assert_eq!(s.tiers.iter().map(|t| t.quotes).sum::<u32>(), s.all.quotes);
        prop_assert_eq!(s.all.quotes as usize, quotes.len());
    }
}
