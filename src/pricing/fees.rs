//! The organisation's own fees: membership, the graduated usage fee, extra help and
//! project hours, each at its catalog price or the price the scenario negotiated
//! (`overrides.rs`). Discounts on them are `discounts.rs`.

use super::detail::{explained, Detail};
use super::error::QuoteError;
use super::overrides::{self, Negotiated};
use crate::catalog::price_list::{PriceList, Tier};
use crate::money::{self, Overflow, Quantity};
use crate::quote::{Line, LineKind, Period, Section, HOUR};
use crate::rationale::{months, number, rate_basis};
use crate::scenario::Scenario;
use rust_decimal::Decimal;

pub fn membership<D: Detail>(
    p: &PriceList,
    s: &Scenario,
    name: &str,
    t: &Tier,
) -> Result<Line, QuoteError> {
    let label = p.tier_label(name);
    let negotiated = overrides::membership(s, name, t);
    let fee = negotiated.map_or(t.annual_fee, |n| n.price);
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
        fee,
        Period::Annual,
        1,
        LineKind::Fixed,
    )?;
    Ok(explained::<D>(line, |_| {
        let help = if t.included_help_hours_per_quarter.is_zero() {
            "help through the online documentation".to_string()
        } else {
            format!(
                "{} h of help per quarter",
                number(t.included_help_hours_per_quarter)
            )
        };
        let custom = if let Some(n) = &negotiated {
            overrides::note(&p.currency, n, t.custom_price)
        } else if t.custom_price {
            format!(
                " This is a starting price: {label} is custom-priced after a sales review{}.",
                Aside(&t.price_note)
            )
        } else {
            String::new()
        };
        Ok(format!(
            "The {label} tier's annual fee, {} a year, billed at the start of each service year. It includes up to {} hub{}, {help}, and a {} cluster.{custom}",
            p.currency.amount(fee),
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
pub fn usage_fee<D: Detail>(p: &PriceList, s: &Scenario) -> Result<Vec<Line>, QuoteError> {
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
        out.push(explained::<D>(line, |line| {
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

/// After a space, the negotiated rate's reason, else the catalog rate's derivation (or
/// nothing without a basis).
fn rate_note(p: &PriceList, negotiated: Option<&Negotiated>) -> Result<String, Overflow> {
    Ok(match (negotiated, &p.hourly_rate.basis) {
        (Some(n), _) => overrides::note(&p.currency, n, false),
        (None, Some(b)) => format!(" {}", rate_basis(&p.currency, b, p.hourly_rate.price)?),
        (None, None) => String::new(),
    })
}

/// Help wanted beyond what the tier includes, billed per year.
pub fn extra_help<D: Detail>(
    p: &PriceList,
    s: &Scenario,
    name: &str,
    t: &Tier,
) -> Result<Option<Line>, QuoteError> {
    let included = t.included_help_hours_per_quarter;
    let wanted = s.help_hours_per_quarter;
    if wanted <= included {
        return Ok(None);
    }
    let extra = money::sub(wanted, included)?;
    let hours = money::mul(extra, Decimal::from(4))?;
    let cur = &p.currency;
    let negotiated = overrides::hourly_rate(p, s);
    let line = hours_line(p, s, "help.extra", Section::Help, "Extra help hours", hours)?;
    Ok(Some(explained::<D>(line, |line| {
        let note = rate_note(p, negotiated.as_ref())?;
        Ok(format!(
        "{} h wanted per quarter − {} h included in {} = {} h × 4 quarters = {} h a year × {}/h = {}. Included hours reset each quarter and do not roll over.{note}",
        number(wanted),
        number(included),
        p.tier_label(name),
        number(extra),
        number(line.quantity),
        cur.amount(line.unit_price),
        cur.amount(line.amount),
    ))
    })?))
}

/// Hours at the hourly rate in force: extra help is due each year, project work once.
fn hours_line(
    p: &PriceList,
    s: &Scenario,
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
    let rate = overrides::rate(p, s);
    let kind = LineKind::Fixed;
    Line::priced(
        id.into(),
        section,
        label.into(),
        hours,
        HOUR,
        rate,
        period,
        1,
        kind,
    )
}

/// One-off project work at the hourly rate.
pub fn project<D: Detail>(p: &PriceList, s: &Scenario) -> Result<Option<Line>, QuoteError> {
    if s.project_hours <= Decimal::ZERO {
        return Ok(None);
    }
    let cur = &p.currency;
    let negotiated = overrides::hourly_rate(p, s);
    let line = hours_line(
        p,
        s,
        "project",
        Section::Project,
        "Project work (statement of work)",
        s.project_hours,
    )?;
    Ok(Some(explained::<D>(line, |line| {
        let note = rate_note(p, negotiated.as_ref())?;
        Ok(format!(
            "{} h of scoped project work × {}/h = {}, one-off.{note}",
            number(line.quantity),
            cur.amount(line.unit_price),
            cur.amount(line.amount),
        ))
    })?))
}
