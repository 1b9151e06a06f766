//! One tier priced for a scenario: the fee lines (at negotiated prices where the
//! scenario has them), the custom lines, the discounts, the cloud lines, and the totals
//! of them all. The tier must allow the scenario (`feasibility.rs` says whether it does);
//! nothing priced here rules it out.

use super::cloud::Cloud;
use super::error::QuoteError;
use super::{custom, discounts, fees, overrides};
use crate::catalog::price_list::{PriceList, Tier};
use crate::catalog::Catalog;
use crate::quote::{Line, LineKind, Totals, Warning};
use crate::scenario::Scenario;
use rust_decimal::Decimal;

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

/// Prices the scenario for the tier `name`; `explain` writes every line's rationale.
pub fn price_tier(
    p: &PriceList,
    s: &Scenario,
    name: &str,
    explain: bool,
) -> Result<PricedTier, QuoteError> {
    let t = tier(p, name)?;
    let cloud = Cloud {
        explain,
        ..cloud_for(p, s, name)?
    };
    let mut lines = vec![fees::membership(p, s, name, t, explain)?];
    lines.extend(fees::usage_fee(p, s, explain)?);
    lines.extend(fees::extra_help(p, s, name, t, explain)?);
    lines.extend(fees::project(p, s, explain)?);
    lines.extend(custom::lines(p, s, explain)?);
    let discounted = discounts::discounts(p, s, p.tier_label(name), &lines, explain)?;
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
pub fn cloud_for<'a>(
    p: &'a PriceList,
    s: &'a Scenario,
    name: &str,
) -> Result<Cloud<'a>, QuoteError> {
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
        explain: true,
    })
}
