//! What the reader of a quote must know before its numbers: a custom price, discounts
//! that need approval, a cloud bill paid to the provider, the provider's own note.

use super::fees::Aside;
use crate::catalog::price_list::{PriceList, Tier};
use crate::quote::Warning;
use crate::scenario::Scenario;

/// The quote's warnings, in the order they are read.
pub fn warnings(
    p: &PriceList,
    s: &Scenario,
    chosen: &str,
    tier: &Tier,
    approvals: &[String],
) -> Vec<Warning> {
    let mut out: Vec<Warning> = custom_price(p, chosen, tier).into_iter().collect();
    out.extend(approvals.iter().map(|a| Warning {
        code: "needs-approval".into(),
        message: format!("Needs approval: {a}."),
    }));
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
