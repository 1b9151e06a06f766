//! One tier priced for a scenario: the fee lines (at negotiated prices where the
//! scenario has them), the custom lines, the discounts, the cloud lines, and the totals
//! of them all. The tier must allow the scenario (`feasibility.rs` says whether it does);
//! nothing priced here rules it out.

use super::cloud::Cloud;
use super::detail::{Amounts, Detail};
use super::error::QuoteError;
use super::{custom, discounts, fees, overrides};
use crate::catalog::price_list::{PriceList, Tier};
use crate::catalog::Catalog;
use crate::quote::{Line, LineKind, Totals, Warning};
use crate::scenario::Scenario;
use rust_decimal::Decimal;
use std::marker::PhantomData;

/// A tier's lines and totals, the approvals its prices and discounts need (each naming
/// its threshold: staff only), and the warnings of its discounts.
pub struct PricedTier {
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub approvals: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// The catalog's price list; a feature-only catalog cannot quote.
pub fn price_list(c: &Catalog) -> Result<&PriceList, QuoteError> {
    c.pricing
        .as_ref()
        .ok_or_else(|| QuoteError::NotPriced(c.name.clone()))
}

/// The tier called `name` (validation has made sure it exists).
pub fn tier<'p>(p: &'p PriceList, name: &str) -> Result<&'p Tier, QuoteError> {
    p.tier(name)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no tier \"{name}\"")))
}

/// Prices the scenario for the tier `name`, every line named, each with its rationale
/// when `D` explains.
pub fn price_tier<D: Detail>(
    p: &PriceList,
    s: &Scenario,
    name: &str,
) -> Result<PricedTier, QuoteError> {
    price::<D>(p, s, name, true)
}

/// The totals of the tier `name` for the scenario (what comparing tiers needs): the
/// same lines as [`price_tier`]'s, the cloud's unnamed.
pub fn tier_totals(p: &PriceList, s: &Scenario, name: &str) -> Result<Totals, QuoteError> {
    Ok(price::<Amounts>(p, s, name, false)?.totals)
}

fn price<D: Detail>(
    p: &PriceList,
    s: &Scenario,
    name: &str,
    named: bool,
) -> Result<PricedTier, QuoteError> {
    let t = tier(p, name)?;
    let cloud = Cloud {
        named,
        ..cloud_for::<D>(p, s, name)?
    };
    let mut lines = vec![fees::membership::<D>(p, s, name, t)?];
    lines.extend(fees::usage_fee::<D>(p, s)?);
    lines.extend(fees::extra_help::<D>(p, s, name, t)?);
    lines.extend(fees::project::<D>(p, s)?);
    lines.extend(custom::lines::<D>(p, s)?);
    let discounted = discounts::discounts::<D>(p, s, p.tier_label(name), &lines)?;
    lines.extend(discounted.lines);
    lines.extend(cloud.lines(Decimal::ONE)?);
    let totals = Totals::from_lines(&lines, s.term_years)?;
    let mut approvals = overrides::approvals(p, s, name, t)?;
    approvals.extend(custom::approvals(p, s)?);
    approvals.extend(discounted.approvals);
    Ok(PricedTier {
        lines,
        totals,
        approvals,
        warnings: discounted.warnings,
    })
}

/// What every cloud line of the tier `name` shares: its cluster, the scenario's
/// provider and region, and who pays.
pub fn cloud_for<'a, D: Detail>(
    p: &'a PriceList,
    s: &'a Scenario,
    name: &str,
) -> Result<Cloud<'a, D>, QuoteError> {
    let tier = tier(p, name)?;
    let provider = p
        .providers
        .get(&s.provider)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no provider \"{}\"", s.provider)))?;
    let region = provider
        .regions
        .get(&s.region)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no region \"{}\"", s.region)))?;
    Ok(Cloud {
        p,
        s,
        tier,
        provider,
        region,
        kind: if p.invoices(&s.billing) {
            LineKind::Estimate
        } else {
            LineKind::PaidToProvider
        },
        named: true,
        detail: PhantomData,
    })
}
