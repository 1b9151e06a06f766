//! Every tier for the same scenario, side by side (the engine's `compare_tiers`), with
//! the cheapest tier that allows it highlighted and a button to switch to a tier.

use crate::pricing;
use crate::quote::TierOption;
use crate::web::state::{capitalise, ctx};
use leptos::prelude::*;

type Compared = Option<(Vec<TierOption>, Option<String>)>;

#[component]
pub fn TierCompare() -> impl IntoView {
    let c = ctx();
    // The current scenario when it is valid, else the last good quote's comparison.
    let compared: Memo<Compared> = Memo::new(move |_| {
        let now = c
            .problems
            .with(Vec::is_empty)
            .then(|| {
                c.catalog
                    .with(|cat| c.draft.with(|s| pricing::compare_tiers(cat, s)))
            })
            .and_then(Result::ok);
        match now {
            Some(tiers) => {
                let best = pricing::recommend(&tiers).map(|t| t.tier.clone());
                Some((tiers, best))
            }
            None => c.last_good.with(|q| {
                q.as_ref().map(|q| {
                    (
                        q.recommendation.tiers.clone(),
                        q.recommendation.recommended.clone(),
                    )
                })
            }),
        }
    });
    let chosen = Memo::new(move |_| c.draft.with(|s| s.tier.clone()));
    let rows = move || {
        let Some((tiers, best)) = compared.get() else {
            return view! { <tr><td colspan="6">"No comparison yet: fix the highlighted answers."</td></tr> }.into_any();
        };
        let cur = c
            .catalog
            .with(|cat| cat.pricing.as_ref().map(|p| p.currency.clone()));
        let money = move |d: Option<rust_decimal::Decimal>| match (d, &cur) {
            (Some(d), Some(cur)) => cur.format(d),
            _ => "—".to_string(),
        };
        tiers
            .into_iter()
            .map(|t| {
                let cheapest = best.as_deref() == Some(t.tier.as_str());
                let is_chosen = chosen.get() == t.tier;
                let fee = format!("{}{}", if t.custom_price { "from " } else { "" }, money(Some(t.annual_fee)));
                let tier = t.tier.clone();
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
                view! {
                    <tr data-tier=t.tier.clone() class:cheapest=cheapest class:chosen=is_chosen>
                        <th scope="row">{t.label.clone()}
                            {cheapest.then(|| view! { <span class="hq-badge">"Best fit"</span> })}
                        </th>
                        <td class="hq-num">{fee}</td>
                        <td class="hq-num">{money(t.first_year_total_cost)}</td>
                        <td class="hq-num">{money(t.term_total)}</td>
                        <td>{status}</td>
                        <td>
                            {if is_chosen {
                                view! { <span class="hq-small">"Chosen"</span> }.into_any()
                            } else if t.feasible {
                                view! {
                                    <button type="button" class="hq-btn hq-btn-quiet hq-btn-small"
                                        on:click=move |_| c.choose("tier", tier.clone())>
                                        {format!("Use {}", t.label)}
                                    </button>
                                }.into_any()
                            } else {
                                view! { <span></span> }.into_any()
                            }}
                        </td>
                    </tr>
                }
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
