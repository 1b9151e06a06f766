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
