//! The assumptions a quote states: whose list prices, which cluster, how full the
//! nodes are, when each kind of cost is billed, the markup, the usage fee's basis.

use crate::catalog::price_list::{ClusterKind, PriceList, Tier};
use crate::money::{self, Overflow};
use crate::rationale::{months, number};
use crate::scenario::Scenario;
use rust_decimal::Decimal;

/// The assumptions behind the quote's cloud estimate and fees, as sentences.
pub fn assumptions(p: &PriceList, s: &Scenario, tier: &Tier) -> Result<Vec<String>, Overflow> {
    let a = &p.assumptions;
    let mut out = Vec::new();
    if let (Some(prov), Some(region)) = (
        p.providers.get(&s.provider),
        p.region(&s.provider, &s.region),
    ) {
        out.push(format!(
            "Cloud prices are {} {} list prices in {} ({}), dated per line.",
            prov.label, region.label, p.currency.code, s.region
        ));
    }
    let cluster = match tier.cluster {
        ClusterKind::Shared => format!(
            "a shared cluster whose core is split between {} communities",
            a.communities_per_shared_cluster
        ),
        ClusterKind::Dedicated => "one dedicated cluster".to_string(),
    };
    out.push(format!("All hubs run on {cluster} in the chosen region."));
    out.push(format!(
        "Users can request {}% of a node's memory; nodes are {}% full on average (packing efficiency). You pay for the memory requested, not used.",
        number(money::mul(a.allocatable_fraction, Decimal::ONE_HUNDRED)?),
        number(money::mul(a.packing_efficiency, Decimal::ONE_HUNDRED)?)
    ));
    out.push(format!(
        "Compute, GPU, Dask and egress are billed in {}; the cluster core and storage all 12 months ({} hours a month).",
        months(s.active_months),
        number(a.hours_per_month)
    ));
    out.push(if a.cloud_markup_pct.is_zero() {
        "Cloud costs are passed through at cost, with no markup.".to_string()
    } else {
        format!(
            "Cloud unit prices include a {}% markup.",
            number(a.cloud_markup_pct)
        )
    });
    out.push(format!(
        "The usage fee is charged on monthly active users summed across all hubs ({}).",
        p.usage_fee.basis
    ));
    out.push("Included help hours reset each quarter and do not roll over.".to_string());
    Ok(out)
}
