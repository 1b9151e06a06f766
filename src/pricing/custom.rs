//! The scenario's custom lines (a statement of work, a workshop, a monthly service): in
//! their own section, in every total like any line, never discounted and never cloud. An
//! hourly one priced more than the approval threshold below the catalog's hourly rate
//! needs approval.

use super::detail::{explained, Detail};
use super::overrides::{approval_reason, below_threshold};
use crate::catalog::price_list::PriceList;
use crate::money::Overflow;
use crate::quote::{is_hourly, Line, LineKind, Period, Section};
use crate::rationale::quantity_of;
use crate::scenario::{CustomKind, CustomLine, CustomPeriod, Scenario};

/// Months a year a monthly custom line is billed: every month, whatever the active months.
const MONTHS: u32 = 12;

/// One line per custom line of the scenario, `custom1`, `custom2`, … in order.
pub fn lines<D: Detail>(p: &PriceList, s: &Scenario) -> Result<Vec<Line>, Overflow> {
    let mut out = Vec::with_capacity(s.negotiated.custom_lines.len());
    for (i, c) in s.negotiated.custom_lines.iter().enumerate() {
        out.push(line::<D>(p, i, c)?);
    }
    Ok(out)
}

fn line<D: Detail>(p: &PriceList, i: usize, c: &CustomLine) -> Result<Line, Overflow> {
    let period = match c.period {
        CustomPeriod::OneOff => Period::OneOff,
        CustomPeriod::Monthly => Period::Monthly,
        CustomPeriod::Annual => Period::Annual,
    };
    let kind = match c.kind {
        CustomKind::Fixed => LineKind::Fixed,
        CustomKind::Estimate => LineKind::Estimate,
    };
    let line = Line::priced(
        format!("custom{}", i + 1),
        Section::Custom,
        c.label.clone(),
        c.quantity,
        &c.unit,
        c.unit_price,
        period,
        MONTHS,
        kind,
    )?;
    explained::<D>(line, |l| {
        let cur = &p.currency;
        let when = match period {
            Period::OneOff => "one-off".to_string(),
            Period::Monthly => format!(
                "a month, billed all {MONTHS} months: {} a year",
                cur.amount(l.first_year)
            ),
            Period::Annual => "each year".to_string(),
        };
        let estimate = if kind == LineKind::Estimate {
            " An estimate: invoiced as delivered."
        } else {
            ""
        };
        Ok(format!(
            "{} × {} = {}, {when}. Reason: {}.{estimate}",
            quantity_of(l.quantity, &c.unit),
            cur.amount(l.unit_price),
            cur.amount(l.amount),
            c.reason
        ))
    })
}

/// The approvals the custom lines need: an hourly one more than the threshold below the
/// catalog's hourly rate (not a negotiated one: approval is against the catalog).
pub fn approvals(p: &PriceList, s: &Scenario) -> Result<Vec<String>, Overflow> {
    let threshold = p.assumptions.discount_approval_pct;
    let rate = p.hourly_rate.price;
    let mut out = Vec::new();
    for (i, c) in s.negotiated.custom_lines.iter().enumerate() {
        if is_hourly(&c.unit) && below_threshold(c.unit_price, rate, threshold)? {
            let what = format!("Custom line {} ({}) at an hourly price", i + 1, c.label);
            out.push(approval_reason(
                &p.currency,
                &what,
                c.unit_price,
                rate,
                threshold,
            )?);
        }
    }
    Ok(out)
}
