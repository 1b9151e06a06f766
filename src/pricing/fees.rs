//! The organisation's own fees: membership, the graduated usage fee, extra help,
//! project hours, and staff discounts on them.

use super::error::QuoteError;
use crate::catalog::price_list::{PriceList, Tier};
use crate::money::{self, Overflow, Quantity};
use crate::quote::{Line, LineKind, Period, Section};
use crate::rationale::{months, number, rate_basis};
use crate::scenario::{Discount, DiscountTarget, DiscountValue, Scenario};
use crate::source::{Diagnostic, Diagnostics};
use rust_decimal::Decimal;

pub fn membership(p: &PriceList, name: &str, t: &Tier, explain: bool) -> Result<Line, QuoteError> {
    let label = p.tier_label(name);
    let line = Line::priced(
        "membership".into(),
        Section::Membership,
        if label.to_ascii_lowercase().ends_with("membership") {
            label.to_string()
        } else {
            format!("{label} membership")
        },
        Decimal::ONE,
        "year",
        t.annual_fee,
        Period::Annual,
        1,
        LineKind::Fixed,
    )?;
    Ok(line.explained(explain, |_| {
        let help = if t.included_help_hours_per_quarter.is_zero() {
            "help through the online documentation".to_string()
        } else {
            format!(
                "{} h of help per quarter",
                number(t.included_help_hours_per_quarter)
            )
        };
        let custom = if t.custom_price {
            format!(
                " This is a starting price: {label} is custom-priced after a sales review{}.",
                Aside(&t.price_note)
            )
        } else {
            String::new()
        };
        Ok(format!(
            "The {label} tier's annual fee, {} a year, billed at the start of each service year. It includes up to {} hub{}, {help}, and a {} cluster.{custom}",
            p.currency.amount(t.annual_fee),
            t.hub_limit,
            if t.hub_limit == 1 { "" } else { "s" },
            match t.cluster {
                crate::catalog::price_list::ClusterKind::Shared => "shared",
                crate::catalog::price_list::ClusterKind::Dedicated => "dedicated",
            }
        ))
    })?)
}

/// ` (note)` after a custom price, or nothing without a note.
pub struct Aside<'a>(pub &'a str);

impl std::fmt::Display for Aside<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            Ok(())
        } else {
            write!(f, " ({})", self.0)
        }
    }
}

/// One line per usage band the membership's monthly active users reach.
pub fn usage_fee(p: &PriceList, s: &Scenario, explain: bool) -> Result<Vec<Line>, QuoteError> {
    let cur = &p.currency;
    let total = s.total_mau();
    let mut out = Vec::new();
    let mut counted_before = 0u64;
    for (i, band) in p.usage_fee.bands.iter().enumerate() {
        let from = u64::from(band.from);
        let to = band.to.map_or(u64::MAX, u64::from);
        if total < from {
            break;
        }
        let users = total.min(to).saturating_sub(from).saturating_add(1);
        let range = match band.to {
            Some(to) => format!("{}–{}", group(from), group(u64::from(to))),
            None => format!("{}+", group(from)),
        };
        let line = Line::priced(
            format!("usage.band{}", i + 1),
            Section::UsageFee,
            format!("Usage fee, users {range}"),
            Decimal::from(users),
            "active user",
            band.price,
            Period::Monthly,
            s.active_months,
            LineKind::Fixed,
        )?;
        out.push(line.explained(explain, |line| {
            let hubs: Vec<String> = s
                .hubs
                .iter()
                .map(|h| format!("{} {}", h.name, group(u64::from(h.monthly_active_users))))
                .collect();
            let before = if counted_before == 0 {
                String::new()
            } else {
                format!(
                    "; the first {} are in the bands before",
                    group(counted_before)
                )
            };
            Ok(format!(
            "{} monthly active users across all hubs ({}); users {range} pay {} each: {} × {} = {} a month{before}. Billed monthly in {}.",
            group(total),
            hubs.join(" + "),
            cur.amount(band.price),
            group(users),
            cur.amount(band.price),
            cur.amount(line.amount),
            months(s.active_months)
        ))
        })?);
        counted_before += users;
        if total <= to {
            break;
        }
    }
    Ok(out)
}

/// A count of users, grouped: `1,200`.
fn group(v: u64) -> Quantity {
    number(Decimal::from(v))
}

/// The hourly rate's derivation after a space, or nothing without a basis.
fn rate_note(p: &PriceList) -> Result<String, Overflow> {
    Ok(match &p.hourly_rate.basis {
        Some(b) => format!(" {}", rate_basis(&p.currency, b, p.hourly_rate.price)?),
        None => String::new(),
    })
}

/// Help wanted beyond what the tier includes, billed per year.
pub fn extra_help(
    p: &PriceList,
    s: &Scenario,
    name: &str,
    t: &Tier,
    explain: bool,
) -> Result<Option<Line>, QuoteError> {
    let included = t.included_help_hours_per_quarter;
    let wanted = s.help_hours_per_quarter;
    if wanted <= included {
        return Ok(None);
    }
    let extra = money::sub(wanted, included)?;
    let hours = money::mul(extra, Decimal::from(4))?;
    let cur = &p.currency;
    let line = hours_line(p, "help.extra", Section::Help, "Extra help hours", hours)?;
    Ok(Some(line.explained(explain, |line| {
        let note = rate_note(p)?;
        Ok(format!(
        "{} h wanted per quarter − {} h included in {} = {} h × 4 quarters = {} h a year × {}/h = {}. Included hours reset each quarter and do not roll over.{note}",
        number(wanted),
        number(included),
        p.tier_label(name),
        number(extra),
        number(line.quantity),
        cur.amount(p.hourly_rate.price),
        cur.amount(line.amount),
    ))
    })?))
}

/// Hours at the hourly rate: extra help is due each year, project work once.
fn hours_line(
    p: &PriceList,
    id: &str,
    section: Section,
    label: &str,
    hours: Decimal,
) -> Result<Line, Overflow> {
    let period = if section == Section::Project {
        Period::OneOff
    } else {
        Period::Annual
    };
    let rate = p.hourly_rate.price;
    let kind = LineKind::Fixed;
    Line::priced(
        id.into(),
        section,
        label.into(),
        hours,
        "hour",
        rate,
        period,
        1,
        kind,
    )
}

/// One-off project work at the hourly rate.
pub fn project(p: &PriceList, s: &Scenario, explain: bool) -> Result<Option<Line>, QuoteError> {
    if s.project_hours <= Decimal::ZERO {
        return Ok(None);
    }
    let cur = &p.currency;
    let line = hours_line(
        p,
        "project",
        Section::Project,
        "Project work (statement of work)",
        s.project_hours,
    )?;
    Ok(Some(line.explained(explain, |line| {
        let note = rate_note(p)?;
        Ok(format!(
            "{} h of scoped project work × {}/h = {}, one-off.{note}",
            number(line.quantity),
            cur.amount(p.hourly_rate.price),
            cur.amount(line.amount),
        ))
    })?))
}

fn target_section(t: DiscountTarget) -> Section {
    match t {
        DiscountTarget::Membership => Section::Membership,
        DiscountTarget::UsageFee => Section::UsageFee,
        DiscountTarget::ExtraHelp => Section::Help,
        DiscountTarget::ProjectHours => Section::Project,
    }
}

/// Discount lines, and the approvals they need. A % is taken of the target's
/// first-year amount; a discount may not exceed what is left of its target after the
/// discounts before it.
pub fn discounts(
    p: &PriceList,
    s: &Scenario,
    lines: &[Line],
    explain: bool,
) -> Result<(Vec<Line>, Vec<String>), QuoteError> {
    let threshold = p.assumptions.discount_approval_pct;
    let mut out = Vec::with_capacity(s.discounts.len());
    let mut approvals = Vec::new();
    // What the discounts so far took of each target: one running sum per target.
    let mut given: Vec<(DiscountTarget, Decimal)> = Vec::new();
    for (i, d) in s.discounts.iter().enumerate() {
        let section = target_section(d.target);
        let base = money::sum(
            lines
                .iter()
                .filter(|l| l.section == section)
                .map(|l| l.first_year),
        )?;
        if base <= Decimal::ZERO {
            return Err(refused(
                format!("discounts[{i}].target"),
                format!("this quote has no {} to discount", d.target.label()),
            ));
        }
        let amount = match d.value {
            DiscountValue::Percent(pct) => {
                money::round2(money::div(money::mul(base, pct)?, Decimal::ONE_HUNDRED)?)
            }
            DiscountValue::Amount(a) => money::round2(a),
        };
        let already = given
            .iter()
            .find(|(t, _)| *t == d.target)
            .map_or(Decimal::new(0, 2), |(_, a)| *a);
        let left = money::sub(base, already)?;
        if amount > left {
            return Err(refused(
                format!("discounts[{i}]"),
                format!(
                    "a discount of {} is more than the {} left of the {} to discount",
                    p.currency.amount(amount),
                    p.currency.amount(left),
                    d.target.label()
                ),
            ));
        }
        let taken = money::add(already, amount)?;
        let share = money::div(money::mul(taken, Decimal::ONE_HUNDRED)?, base)?;
        let over = share > threshold;
        if over {
            approvals.push(format!(
                "Discounts on the {} come to {}% of it, above the {}% that needs approval",
                d.target.label(),
                number(money::round2(share)),
                number(threshold)
            ));
        }
        out.push(discount_line(p, i, d, base, amount, over, explain)?);
        match given.iter_mut().find(|(t, _)| *t == d.target) {
            Some((_, sum)) => *sum = taken,
            None => given.push((d.target, taken)),
        }
    }
    Ok((out, approvals))
}

/// A discount the quote cannot give, as the scenario error that names its field.
fn refused(path: String, message: String) -> QuoteError {
    QuoteError::Invalid(Diagnostics::from(Diagnostic::error(path, message)))
}

/// One discount's line: a negative amount in its target's period (one-off for project
/// hours, yearly otherwise).
fn discount_line(
    p: &PriceList,
    i: usize,
    d: &Discount,
    base: Decimal,
    amount: Decimal,
    over: bool,
    explain: bool,
) -> Result<Line, QuoteError> {
    let cur = &p.currency;
    let period = if d.target == DiscountTarget::ProjectHours {
        Period::OneOff
    } else {
        Period::Annual
    };
    let line = Line::priced(
        format!("discount{}", i + 1),
        Section::Discount,
        format!("Discount on the {}: {}", d.target.label(), d.reason),
        Decimal::ONE,
        "discount",
        -amount,
        period,
        1,
        LineKind::Fixed,
    )?;
    Ok(line.explained(explain, |_| {
        let how = match d.value {
            DiscountValue::Percent(pct) => format!(
                "{}% of the first-year {} of {} = {}",
                number(pct),
                d.target.label(),
                cur.amount(base),
                cur.amount(amount)
            ),
            DiscountValue::Amount(a) => format!(
                "{} off the first-year {} of {}",
                cur.amount(a),
                d.target.label(),
                cur.amount(base)
            ),
        };
        Ok(format!(
            "{how}, {}. Reason: {}.{}",
            if period == Period::OneOff {
                "one-off"
            } else {
                "each year"
            },
            d.reason,
            if over { " Needs approval." } else { "" }
        ))
    })?)
}
