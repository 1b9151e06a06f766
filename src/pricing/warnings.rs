//! What the reader of a quote must know before its numbers: a custom or negotiated
//! price, discounts capped or with nothing to discount, a cloud bill paid to the
//! provider, the provider's own note. What needs approval is internal: the staff copy's
//! `internal.approval_reasons`, never a warning.

use super::fees::Aside;
use super::overrides;
use super::tier::PricedTier;
use crate::catalog::price_list::{PriceList, Tier};
use crate::quote::Warning;
use crate::scenario::Scenario;

/// The quote's warnings, in the order they are read.
pub fn warnings(
    p: &PriceList,
    s: &Scenario,
    chosen: &str,
    tier: &Tier,
    priced: &PricedTier,
) -> Vec<Warning> {
    let mut out: Vec<Warning> = match overrides::membership(s, chosen, tier) {
        Some(n) => vec![negotiated_fee(p, chosen, tier, &n)],
        None => custom_price(p, chosen, tier).into_iter().collect(),
    };
    out.extend(priced.warnings.iter().cloned());
    out.extend(paid_to_provider(p, s));
    out.extend(provider_note(p, s));
    out
}

fn custom_price(p: &PriceList, chosen: &str, tier: &Tier) -> Option<Warning> {
    tier.custom_price.then(|| Warning {
        code: "custom-price".into(),
        message: format!(
            "{} is custom-priced: sales review. The membership line shows the starting price, {}{}.",
            p.tier_label(chosen),
            p.currency.amount(tier.annual_fee),
            Aside(&tier.price_note)
        ),
    })
}

/// The membership fee as negotiated, in place of the custom price's "sales review".
fn negotiated_fee(p: &PriceList, chosen: &str, tier: &Tier, n: &overrides::Negotiated) -> Warning {
    let from = if tier.custom_price { "from " } else { "" };
    Warning {
        code: "negotiated-price".into(),
        message: format!(
            "The {} membership fee is the negotiated {} a year (catalog price {from}{}).",
            p.tier_label(chosen),
            p.currency.amount(n.price),
            p.currency.amount(n.catalog)
        ),
    }
}

fn paid_to_provider(p: &PriceList, s: &Scenario) -> Option<Warning> {
    let provider = p.providers.get(&s.provider);
    (!p.invoices(&s.billing)).then(|| Warning {
        code: "paid-to-provider".into(),
        message: format!(
            "The community pays {} directly: the cloud lines are estimates of that bill, counted in the total cost but not on our invoice.",
            provider.map_or(s.provider.as_str(), |x| x.label.as_str())
        ),
    })
}

fn provider_note(p: &PriceList, s: &Scenario) -> Option<Warning> {
    let prov = p
        .providers
        .get(&s.provider)
        .filter(|x| !x.note.is_empty())?;
    Some(Warning {
        code: "provider-note".into(),
        message: prov.note.clone(),
    })
}
