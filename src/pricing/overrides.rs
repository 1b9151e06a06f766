//! Negotiated prices: which catalog price a scenario's override replaces, the sentence a
//! negotiated line adds to its rationale, and the one approval rule of the catalog's
//! threshold (`assumptions.discount_approval_pct`): a price needs approval when it is
//! more than that % below its reference, the list price or a custom tier's floor.

use crate::catalog::price_list::{PriceList, Tier};
use crate::money::{self, Currency, Overflow};
use crate::rationale::number;
use crate::scenario::{OverrideTarget, Scenario};
use rust_decimal::Decimal;

/// A price the scenario negotiated, with the catalog's price it replaces.
#[derive(Debug, Clone, Copy)]
pub struct Negotiated<'s> {
    pub price: Decimal,
    pub catalog: Decimal,
    pub reason: &'s str,
}

/// The membership fee of the tier `name`: negotiated for it, or none.
pub fn membership<'s>(s: &'s Scenario, name: &str, t: &Tier) -> Option<Negotiated<'s>> {
    find(s, OverrideTarget::Membership, Some(name), t.annual_fee)
}

/// The hourly rate, negotiated for every tier, or none.
pub fn hourly_rate<'s>(p: &PriceList, s: &'s Scenario) -> Option<Negotiated<'s>> {
    find(s, OverrideTarget::HourlyRate, None, p.hourly_rate.price)
}

/// The hourly rate in force: the negotiated one, else the catalog's.
pub fn rate(p: &PriceList, s: &Scenario) -> Decimal {
    hourly_rate(p, s).map_or(p.hourly_rate.price, |n| n.price)
}

fn find<'s>(
    s: &'s Scenario,
    target: OverrideTarget,
    tier: Option<&str>,
    catalog: Decimal,
) -> Option<Negotiated<'s>> {
    s.negotiated
        .overrides
        .iter()
        .find(|o| o.target == target && o.tier.as_deref() == tier)
        .map(|o| Negotiated {
            price: o.price,
            catalog,
            reason: &o.reason,
        })
}

/// ` Negotiated: <reason>; catalog price $X.` (`from $X` for a custom-priced tier's floor).
pub fn note(cur: &Currency, n: &Negotiated, floor: bool) -> String {
    let from = if floor { "from " } else { "" };
    format!(
        " Negotiated: {}; catalog price {from}{}.",
        n.reason,
        cur.amount(n.catalog)
    )
}

/// Whether `price` is more than `threshold` % below `reference`:
/// price < reference × (1 − threshold/100).
pub fn below_threshold(
    price: Decimal,
    reference: Decimal,
    threshold: Decimal,
) -> Result<bool, Overflow> {
    let keep = money::sub(Decimal::ONE, money::div(threshold, Decimal::ONE_HUNDRED)?)?;
    Ok(price < money::mul(reference, keep)?)
}

/// Why a price below its reference needs approval, naming the threshold (staff only).
pub fn approval_reason(
    cur: &Currency,
    what: &str,
    price: Decimal,
    reference: Decimal,
    threshold: Decimal,
) -> Result<String, Overflow> {
    let off = money::div(
        money::mul(money::sub(reference, price)?, Decimal::ONE_HUNDRED)?,
        reference,
    )?;
    Ok(format!(
        "{what} of {} is {}% below its catalog price of {}, more than the {}% that needs approval",
        cur.amount(price),
        number(money::round2(off)),
        cur.amount(reference),
        number(threshold)
    ))
}

/// The approvals the negotiated prices of tier `name` need.
pub fn approvals(
    p: &PriceList,
    s: &Scenario,
    name: &str,
    t: &Tier,
) -> Result<Vec<String>, Overflow> {
    let threshold = p.assumptions.discount_approval_pct;
    let mut out = Vec::new();
    let fee =
        membership(s, name, t).map(|n| (format!("The {} membership fee", p.tier_label(name)), n));
    let rate = hourly_rate(p, s).map(|n| ("The hourly rate".to_string(), n));
    for (what, n) in fee.into_iter().chain(rate) {
        if below_threshold(n.price, n.catalog, threshold)? {
            out.push(approval_reason(
                &p.currency,
                &what,
                n.price,
                n.catalog,
                threshold,
            )?);
        }
    }
    Ok(out)
}
