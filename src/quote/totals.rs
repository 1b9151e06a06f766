//! The quote's totals, each an exact sum of its printed lines.

use super::line::{Line, LineKind, Period, Section};
use crate::money::{self, Overflow};
use rust_decimal::Decimal;
use serde::Serialize;

/// The totals, each an exact sum of printed lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Totals {
    /// One-off lines (project work and its discounts).
    pub one_off: Decimal,
    /// Fixed fees due each active month (the usage fee).
    pub monthly_fees: Decimal,
    /// Expected cloud cost of an active month.
    pub monthly_cloud: Decimal,
    /// `monthly_fees + monthly_cloud`: everything an active month is expected to cost.
    pub monthly_total: Decimal,
    /// Recurring fees per year (membership, usage fee, extra help, less discounts).
    pub annual_fees: Decimal,
    /// Cloud per year: usage lines × active months + all-year lines × 12.
    pub annual_cloud: Decimal,
    /// The part of `annual_cloud` the community pays its provider directly.
    pub annual_cloud_paid_to_provider: Decimal,
    /// `annual_fees + annual_cloud`.
    pub annual_total: Decimal,
    /// What we invoice in the first year: everything but cloud paid to the provider.
    pub first_year_invoice: Decimal,
    /// Everything the first year costs, cloud always included.
    pub first_year_total_cost: Decimal,
    /// The average month of everything: round2(`first_year_total_cost` ÷ 12).
    pub average_month: Decimal,
    pub term_years: u32,
    /// `one_off + term_years × annual_total`.
    pub term_total: Decimal,
}

impl Totals {
    /// How many amounts [`Totals::named`] lists.
    pub const NAMED: usize = 12;

    /// Every amount by its name in the quote JSON, in the JSON's order (`term_years`,
    /// a count, is left out): what the CSV of a batch lists.
    pub fn named(&self) -> [(&'static str, Decimal); Totals::NAMED] {
        [
            ("one_off", self.one_off),
            ("monthly_fees", self.monthly_fees),
            ("monthly_cloud", self.monthly_cloud),
            ("monthly_total", self.monthly_total),
            ("annual_fees", self.annual_fees),
            ("annual_cloud", self.annual_cloud),
            (
                "annual_cloud_paid_to_provider",
                self.annual_cloud_paid_to_provider,
            ),
            ("annual_total", self.annual_total),
            ("first_year_invoice", self.first_year_invoice),
            ("first_year_total_cost", self.first_year_total_cost),
            ("average_month", self.average_month),
            ("term_total", self.term_total),
        ]
    }

    /// Every total in one pass over the lines (each sum in line order, from 0.00).
    pub fn from_lines(lines: &[Line], term_years: u32) -> Result<Totals, Overflow> {
        let zero = Decimal::new(0, 2);
        let mut t = Totals {
            one_off: zero,
            monthly_fees: zero,
            monthly_cloud: zero,
            monthly_total: zero,
            annual_fees: zero,
            annual_cloud: zero,
            annual_cloud_paid_to_provider: zero,
            annual_total: zero,
            first_year_invoice: zero,
            first_year_total_cost: zero,
            average_month: zero,
            term_years,
            term_total: zero,
        };
        for l in lines {
            let cloud = l.section == Section::Cloud;
            if !l.is_recurring() {
                t.one_off = money::add(t.one_off, l.first_year)?;
            }
            if cloud {
                t.annual_cloud = money::add(t.annual_cloud, l.first_year)?;
            } else if l.is_recurring() {
                t.annual_fees = money::add(t.annual_fees, l.first_year)?;
            }
            if l.period == Period::Monthly {
                let month = if cloud {
                    &mut t.monthly_cloud
                } else {
                    &mut t.monthly_fees
                };
                *month = money::add(*month, l.amount)?;
            }
            let payer = if l.kind == LineKind::PaidToProvider {
                &mut t.annual_cloud_paid_to_provider
            } else {
                &mut t.first_year_invoice
            };
            *payer = money::add(*payer, l.first_year)?;
            t.first_year_total_cost = money::add(t.first_year_total_cost, l.first_year)?;
        }
        t.monthly_total = money::add(t.monthly_fees, t.monthly_cloud)?;
        t.annual_total = money::add(t.annual_fees, t.annual_cloud)?;
        t.average_month = money::round2(money::div(t.first_year_total_cost, Decimal::from(12))?);
        t.term_total = money::add(
            t.one_off,
            money::mul(Decimal::from(term_years), t.annual_total)?,
        )?;
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_totals_are_the_json_members_in_their_order() {
        let t = Totals::from_lines(&[], 3).unwrap();
        let json = serde_json::to_string(&t).unwrap();
        let mut keys: Vec<&str> = json
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|k| !k.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .collect();
        keys.retain(|k| *k != "term_years");
        let named: Vec<&str> = t.named().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, named);
    }
}
