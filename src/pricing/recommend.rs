//! The recommendation: the scenario checked, every tier of the catalog priced or ruled
//! out for it, the cheapest tier that allows it chosen, and the reasons in words.

use super::error::QuoteError;
use super::feasibility::Feasibility;
use super::tier::{price_list, tier_totals};
use crate::catalog::Catalog;
use crate::money::{self, Currency};
use crate::quote::{Recommendation, TierOption};
use crate::scenario::Scenario;
use rust_decimal::Decimal;

/// Every tier of the catalog for the same scenario: its conflicts, or its totals.
pub fn compare_tiers(c: &Catalog, s: &Scenario) -> Result<Vec<TierOption>, QuoteError> {
    let p = price_list(c)?;
    let feasibility = Feasibility::new(c, s);
    let mut out = Vec::with_capacity(p.tiers.len());
    for (name, tier) in p.tiers.iter() {
        let conflicts = feasibility.conflicts(name);
        // Discounts and negotiated prices are priced after feasibility: they never
        // rule a tier out, and the tiers compared include them (they are part of the cost).
        let priced = if conflicts.is_empty() {
            Some(tier_totals(p, s, name)?)
        } else {
            None
        };
        out.push(TierOption {
            tier: name.to_string(),
            label: p.tier_label(name).to_string(),
            annual_fee: tier.annual_fee,
            custom_price: tier.custom_price,
            feasible: priced.is_some(),
            first_year_total_cost: priced.as_ref().map(|t| t.first_year_total_cost),
            first_year_invoice: priced.as_ref().map(|t| t.first_year_invoice),
            term_total: priced.as_ref().map(|t| t.term_total),
            conflicts,
        });
    }
    Ok(out)
}

/// The feasible tier with the lowest first-year total cost (earlier tier on a tie).
pub fn recommend(tiers: &[TierOption]) -> Option<&TierOption> {
    tiers
        .iter()
        .filter_map(|t| t.first_year_total_cost.map(|cost| (t, cost)))
        .fold(
            None,
            |best: Option<(&TierOption, Decimal)>, (t, cost)| match best {
                Some((_, b)) if b <= cost => best,
                _ => Some((t, cost)),
            },
        )
        .map(|(t, _)| t)
}

/// The tier a quote is made for, and the recommendation that goes with it.
pub struct Decision {
    pub chosen: String,
    pub recommendation: Recommendation,
}

/// Checks the scenario, compares every tier and chooses: the recommended tier, or the
/// scenario's own if that tier allows it. Fails as [`super::quote`] does.
pub fn decide(c: &Catalog, s: &Scenario) -> Result<Decision, QuoteError> {
    let p = price_list(c)?;
    let diags = s.validate(c);
    if diags.has_errors() {
        return Err(QuoteError::Invalid(diags));
    }
    let tiers = compare_tiers(c, s)?;
    let recommended = recommend(&tiers).map(|t| t.tier.clone());
    let chosen = if s.wants_recommendation() {
        recommended
            .clone()
            .ok_or_else(|| QuoteError::NoTierFits(tiers.clone()))?
    } else {
        let option = tiers.iter().find(|t| t.tier == s.tier);
        if let Some(o) = option.filter(|o| !o.feasible) {
            return Err(QuoteError::Conflicts {
                tier: o.label.clone(),
                conflicts: o.conflicts.clone(),
            });
        }
        s.tier.clone()
    };
    let reasons = reasons(c, &p.currency, &chosen, recommended.as_deref(), &tiers, s)?;
    Ok(Decision {
        chosen,
        recommendation: Recommendation {
            requested: s.tier.clone(),
            recommended,
            reasons,
            tiers,
        },
    })
}

/// The recommendation part of the quote for `s`, without pricing the chosen tier line by
/// line (what the service menu shows; about a sixth of the work of [`super::quote`]).
pub fn recommendation(c: &Catalog, s: &Scenario) -> Result<Recommendation, QuoteError> {
    decide(c, s).map(|d| d.recommendation)
}

/// Why the chosen tier: first the verdict on it, then a sentence on each other tier.
fn reasons(
    c: &Catalog,
    cur: &Currency,
    chosen: &str,
    recommended: Option<&str>,
    tiers: &[TierOption],
    s: &Scenario,
) -> Result<Vec<String>, QuoteError> {
    let chosen_opt = tiers.iter().find(|t| t.tier == chosen);
    let chosen_cost = chosen_opt.and_then(|t| t.first_year_total_cost);
    let mut out = Vec::new();
    match recommended {
        Some(r) if r == chosen => {
            if let Some(cost) = chosen_cost {
                out.push(format!(
                    "{} has the lowest first-year total cost ({}) of the tiers that allow this scenario.",
                    c.tier_label(chosen),
                    cur.amount(cost)
                ));
            }
        }
        Some(r) => out.push(format!(
            "You chose {}; {} also allows this scenario at a lower first-year total cost.",
            c.tier_label(chosen),
            c.tier_label(r)
        )),
        None => {}
    }
    let chosen_fee = chosen_opt.map(|t| t.annual_fee);
    for t in tiers.iter().filter(|t| t.tier != chosen) {
        let ruled_out_matters =
            chosen_fee.is_some_and(|f| t.annual_fee <= f) || s.wants_recommendation();
        if let Some(r) = other_tier(cur, t, chosen_cost, ruled_out_matters)? {
            out.push(r);
        }
    }
    Ok(out)
}

/// How another tier compares with the chosen one's first-year cost; a tier that is ruled
/// out is only worth a word when it is no dearer than the chosen one (or when the engine
/// chose).
fn other_tier(
    cur: &Currency,
    t: &TierOption,
    chosen_cost: Option<Decimal>,
    ruled_out_matters: bool,
) -> Result<Option<String>, QuoteError> {
    Ok(match (t.first_year_total_cost, chosen_cost) {
        (None, _) if ruled_out_matters => {
            let why: Vec<&str> = t.conflicts.iter().map(|x| x.message.as_str()).collect();
            Some(format!("{} is ruled out: {}.", t.label, why.join("; ")))
        }
        (Some(cost), Some(base)) if cost > base => Some(format!(
            "{} also allows it but costs {} more in the first year.",
            t.label,
            cur.amount(money::sub(cost, base)?)
        )),
        (Some(cost), Some(base)) if cost < base => Some(format!(
            "{} also allows it and costs {} less in the first year.",
            t.label,
            cur.amount(money::sub(base, cost)?)
        )),
        (Some(_), Some(_)) => Some(format!(
            "{} also allows it at the same first-year cost.",
            t.label
        )),
        _ => None,
    })
}
