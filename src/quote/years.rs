//! The quote year by year, as a grant budget needs it: Year 1 with the one-off work, then
//! each year of the term, every amount by cost category and by who is paid. The rows add
//! up to the term total (a property test checks it).

use super::line::{Line, LineKind, Section};
use crate::money::{self, Overflow};
use rust_decimal::Decimal;
use serde::Serialize;

/// One year of the term.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Year {
    /// 1 for the first year.
    pub year: u32,
    pub membership: Decimal,
    pub usage_fee: Decimal,
    /// Extra help and project work at the hourly rate.
    pub hours: Decimal,
    /// The custom lines.
    pub custom: Decimal,
    /// The discounts (negative).
    pub discounts: Decimal,
    pub cloud: Decimal,
    /// What we invoice this year.
    pub invoice: Decimal,
    /// The cloud the community pays its provider directly this year.
    pub paid_to_provider: Decimal,
    /// Everything this year costs.
    pub total: Decimal,
}

/// One cost category of a [`Year`]: the words a table heads it with, the sections of the
/// quote it gathers, and its amount in a year.
pub struct Category {
    pub heading: &'static str,
    pub sections: &'static [Section],
    pub value: fn(&Year) -> Decimal,
}

const fn category(
    heading: &'static str,
    sections: &'static [Section],
    value: fn(&Year) -> Decimal,
) -> Category {
    Category {
        heading,
        sections,
        value,
    }
}

/// The categories of [`Year`], in column order.
pub const CATEGORIES: [Category; 6] = [
    category("Membership", &[Section::Membership], |y| y.membership),
    category("Usage fee", &[Section::UsageFee], |y| y.usage_fee),
    category(
        "Hours (help and project)",
        &[Section::Help, Section::Project],
        |y| y.hours,
    ),
    category("Additional services", &[Section::Custom], |y| y.custom),
    category("Discounts", &[Section::Discount], |y| y.discounts),
    category("Cloud", &[Section::Cloud], |y| y.cloud),
];

impl Year {
    fn new(year: u32) -> Year {
        let zero = Decimal::new(0, 2);
        Year {
            year,
            membership: zero,
            usage_fee: zero,
            hours: zero,
            custom: zero,
            discounts: zero,
            cloud: zero,
            invoice: zero,
            paid_to_provider: zero,
            total: zero,
        }
    }

    fn add(&mut self, l: &Line) -> Result<(), Overflow> {
        let slot = match l.section {
            Section::Membership => &mut self.membership,
            Section::UsageFee => &mut self.usage_fee,
            Section::Help | Section::Project => &mut self.hours,
            Section::Custom => &mut self.custom,
            Section::Discount => &mut self.discounts,
            Section::Cloud => &mut self.cloud,
        };
        *slot = money::add(*slot, l.first_year)?;
        let payer = if l.kind == LineKind::PaidToProvider {
            &mut self.paid_to_provider
        } else {
            &mut self.invoice
        };
        *payer = money::add(*payer, l.first_year)?;
        self.total = money::add(self.total, l.first_year)?;
        Ok(())
    }
}

/// A row per year of the term: the first with every line, the others with the
/// recurring ones (each later year is the same, so it is computed once).
pub fn years(lines: &[Line], term_years: u32) -> Result<Vec<Year>, Overflow> {
    let mut first = Year::new(1);
    let mut later = Year::new(2);
    for l in lines {
        first.add(l)?;
        if l.is_recurring() {
            later.add(l)?;
        }
    }
    let mut out = vec![first];
    out.extend((2..=term_years).map(|year| Year {
        year,
        ..later.clone()
    }));
    Ok(out)
}
