//! Every tier for the same scenario, side by side, with the cheapest tier that allows it
//! highlighted and a button to switch to a tier. The comparison is the engine's, read
//! where it already is: the quote's, the recommendation's when the chosen tier refuses
//! the scenario, the last good quote's while the input is invalid.

use crate::money::Currency;
use crate::pricing::QuoteError;
use crate::quote::{Recommendation, TierOption};
use crate::web::state::{ctx, Ctx};
use crate::web::text::capitalise;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Every tier, and the cheapest that allows the scenario.
type Compared = (Vec<TierOption>, Option<String>);

fn of(r: &Recommendation) -> Compared {
    (r.tiers.clone(), r.recommended.clone())
}

/// The comparison for the draft, else the last good quote's.
fn compared(c: Ctx) -> Option<Compared> {
    let now = c.result().with(|r| match r {
        Ok(q) => Some(of(&q.recommendation)),
        Err(QuoteError::NoTierFits(tiers)) => Some((tiers.clone(), None)),
        Err(QuoteError::Conflicts { .. }) => c.recommendation().with(|r| match r {
            Ok(r) => Some(of(r)),
            Err(QuoteError::NoTierFits(tiers)) => Some((tiers.clone(), None)),
            Err(_) => None,
        }),
        Err(_) => None,
    });
    now.or_else(|| {
        c.last_good()
            .with(|q| q.as_ref().map(|q| of(&q.recommendation)))
    })
}

#[component]
pub fn TierCompare() -> impl IntoView {
    let c = ctx();
    let compared = Memo::new(move |_| compared(c));
    let chosen = Memo::new(move |_| c.draft().with(|s| s.tier.clone()));
    let rows = move || {
        let Some((tiers, best)) = compared.get() else {
            return view! { <tr><td colspan="6">"No comparison yet: fix the highlighted answers."</td></tr> }.into_any();
        };
        let currency = c
            .catalog()
            .with(|cat| cat.pricing.as_ref().map(|p| p.currency.clone()));
        tiers
            .into_iter()
            .map(|t| {
                let cheapest = best.as_deref() == Some(t.tier.as_str());
                let is_chosen = chosen.get() == t.tier;
                view! { <TierRow t=t cheapest=cheapest chosen=is_chosen currency=currency.clone()/> }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="hq-scroll" tabindex="0" role="region" aria-label="Tiers compared">
            <table class="hq-compare" data-testid="tier-compare">
                <caption class="hq-sr">"Every tier for this configuration"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Tier"</th>
                        <th scope="col" class="hq-num">"Membership"</th>
                        <th scope="col" class="hq-num">"First year, total"</th>
                        <th scope="col" class="hq-num">"Whole term"</th>
                        <th scope="col">"Allows this configuration?"</th>
                        <th scope="col"><span class="hq-sr">"Action"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One tier: its fee and totals, whether it allows the scenario (or each conflict), and
/// a button to choose it.
#[component]
fn TierRow(
    t: TierOption,
    cheapest: bool,
    chosen: bool,
    currency: Option<Currency>,
) -> impl IntoView {
    let c = ctx();
    let money = move |d: Option<Decimal>| match (d, &currency) {
        (Some(d), Some(cur)) => cur.format(d),
        _ => "—".to_string(),
    };
    let fee = format!(
        "{}{}",
        if t.custom_price { "from " } else { "" },
        money(Some(t.annual_fee))
    );
    let status = if t.feasible {
        view! {
            <span class="hq-yes">{if cheapest { "Allows it: cheapest" } else { "Allows it" }}</span>
        }
        .into_any()
    } else {
        view! {
            <ul class="hq-conflicts">{t.conflicts.iter().map(|x| view! { <li class="unmet">{capitalise(&x.message)}</li> }).collect_view()}</ul>
        }
        .into_any()
    };
    let tier = t.tier.clone();
    let action = if chosen {
        view! { <span class="hq-small">"Chosen"</span> }.into_any()
    } else if t.feasible {
        view! {
            <button type="button" class="hq-btn hq-btn-quiet hq-btn-small"
                on:click=move |_| c.choose_tier(tier.clone())>
                {format!("Use {}", t.label)}
            </button>
        }
        .into_any()
    } else {
        view! { <span></span> }.into_any()
    };
    view! {
        <tr data-tier=t.tier.clone() class:cheapest=cheapest class:chosen=chosen>
            <th scope="row">{t.label.clone()}
                {cheapest.then(|| view! { <span class="hq-badge">"Best fit"</span> })}
            </th>
            <td class="hq-num">{fee}</td>
            <td class="hq-num">{money(t.first_year_total_cost)}</td>
            <td class="hq-num">{money(t.term_total)}</td>
            <td>{status}</td>
            <td>{action}</td>
        </tr>
    }
}
