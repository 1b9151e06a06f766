//! The pricing engine: catalog + scenario + date → quote. Pure, deterministic, no I/O.

mod cloud;
pub mod feasibility;
mod fees;
pub mod menu;

use crate::catalog::{Catalog, Pricing};
use crate::money::{self, Overflow};
use crate::quote::{
    CatalogRef, CloudBand, CloudChoice, Conflict, Line, LineKind, Quote, Recommendation,
    TierOption, TierSummary, Totals, Warning, FORMAT,
};
use crate::rationale::n;
use crate::scenario::Scenario;
use crate::source::Diagnostics;
use rust_decimal::Decimal;
use std::fmt;

/// Why a quote could not be made. Never a wrong price instead.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteError {
    /// The scenario breaks a rule; each diagnostic names its field.
    Invalid(Diagnostics),
    /// The catalog is feature-only.
    NotPriced(String),
    /// The chosen tier does not allow the scenario.
    Conflicts {
        tier: String,
        conflicts: Vec<Conflict>,
    },
    /// No tier allows the scenario (asked to recommend).
    NoTierFits(Vec<TierOption>),
    /// The catalog lacks something a valid catalog has (validation should prevent it).
    Inconsistent(String),
    Overflow,
}

impl From<Overflow> for QuoteError {
    fn from(_: Overflow) -> Self {
        QuoteError::Overflow
    }
}

impl fmt::Display for QuoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteError::Invalid(d) => write!(f, "{d}"),
            QuoteError::NotPriced(name) => write!(
                f,
                "the catalog \"{name}\" has no prices: it can compare tiers but not quote"
            ),
            QuoteError::Conflicts { tier, conflicts } => {
                write!(f, "{tier} does not allow this scenario:")?;
                for c in conflicts {
                    write!(f, "\n  - {}: {}", c.field, c.message)?;
                }
                Ok(())
            }
            QuoteError::NoTierFits(tiers) => {
                write!(f, "no tier allows this scenario:")?;
                for t in tiers {
                    let why: Vec<&str> = t.conflicts.iter().map(|c| c.message.as_str()).collect();
                    write!(f, "\n  - {}: {}", t.label, why.join("; "))?;
                }
                Ok(())
            }
            QuoteError::Inconsistent(why) => write!(f, "the catalog is inconsistent: {why}"),
            QuoteError::Overflow => write!(f, "{Overflow}"),
        }
    }
}

impl std::error::Error for QuoteError {}

/// A tier priced for a scenario.
struct Priced {
    lines: Vec<Line>,
    totals: Totals,
    approvals: Vec<String>,
}

/// Prices the scenario for one tier (the tier must allow it).
fn price_tier(
    c: &Catalog,
    p: &Pricing,
    s: &Scenario,
    name: &str,
    explain: bool,
) -> Result<Priced, QuoteError> {
    let tier = p
        .tier(name)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no tier \"{name}\"")))?;
    let cloud = cloud::Cloud {
        explain,
        ..cloud_for(c, p, s, name)?
    };
    let mut lines = vec![fees::membership(p, name, tier, explain)?];
    lines.extend(fees::usage_fee(p, s, explain)?);
    lines.extend(fees::extra_help(p, s, name, tier, explain)?);
    lines.extend(fees::project(p, s, explain)?);
    let (discounts, approvals) = fees::discounts(p, s, &lines, explain)?;
    lines.extend(discounts);
    lines.extend(cloud.lines(Decimal::ONE)?);
    let totals = Totals::from_lines(&lines, s.term_years)?;
    Ok(Priced {
        lines,
        totals,
        approvals,
    })
}

fn cloud_for<'a>(
    _c: &'a Catalog,
    p: &'a Pricing,
    s: &'a Scenario,
    name: &str,
) -> Result<cloud::Cloud<'a>, QuoteError> {
    let tier = p
        .tier(name)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no tier \"{name}\"")))?;
    let provider = p
        .providers
        .get(&s.provider)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no provider \"{}\"", s.provider)))?;
    let region = provider
        .regions
        .get(&s.region)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no region \"{}\"", s.region)))?;
    let invoiced = p.billing.get(&s.billing).is_none_or(|b| b.invoiced);
    Ok(cloud::Cloud {
        p,
        s,
        tier,
        provider,
        region,
        kind: if invoiced {
            LineKind::Estimate
        } else {
            LineKind::PaidToProvider
        },
        explain: true,
    })
}

/// Every tier of the catalog for the same scenario: its conflicts, or its totals.
pub fn compare_tiers(c: &Catalog, s: &Scenario) -> Result<Vec<TierOption>, QuoteError> {
    let p = c
        .pricing
        .as_ref()
        .ok_or_else(|| QuoteError::NotPriced(c.name.clone()))?;
    let mut out = Vec::with_capacity(p.tiers.len());
    for (name, tier) in p.tiers.iter() {
        let mut conflicts = feasibility::conflicts(c, s, name);
        let mut priced = None;
        if conflicts.is_empty() {
            match price_tier(c, p, s, name, false) {
                Ok(pr) => priced = Some(pr.totals),
                Err(QuoteError::Invalid(d)) => conflicts.extend(d.into_iter().map(|d| Conflict {
                    field: d.path,
                    message: d.message,
                    allowed_in: Vec::new(),
                })),
                Err(e) => return Err(e),
            }
        }
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

/// The tier a quote is made for and why: the scenario checked, every tier compared, the
/// cheapest that allows it recommended, and the reasons. Fails as [`quote`] does.
struct Decision {
    chosen: String,
    recommendation: Recommendation,
}

fn decide(c: &Catalog, s: &Scenario) -> Result<Decision, QuoteError> {
    let p = c
        .pricing
        .as_ref()
        .ok_or_else(|| QuoteError::NotPriced(c.name.clone()))?;
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
/// line (what the service menu shows; about a sixth of the work of [`quote`]).
pub fn recommendation(c: &Catalog, s: &Scenario) -> Result<Recommendation, QuoteError> {
    decide(c, s).map(|d| d.recommendation)
}

/// Makes the quote. `date` is the quote date (valid-until follows from the catalog).
pub fn quote(c: &Catalog, s: &Scenario, date: time::Date) -> Result<Quote, QuoteError> {
    let p = c
        .pricing
        .as_ref()
        .ok_or_else(|| QuoteError::NotPriced(c.name.clone()))?;
    let Decision {
        chosen,
        recommendation,
    } = decide(c, s)?;
    let tier = p
        .tier(&chosen)
        .ok_or_else(|| QuoteError::Inconsistent(format!("no tier \"{chosen}\"")))?;
    let priced = price_tier(c, p, s, &chosen, true)?;
    let cloud = cloud_for(c, p, s, &chosen)?;
    let band = cloud_band(p, &cloud, priced.totals.monthly_cloud)?;
    let provider = p.providers.get(&s.provider);
    let region = provider.and_then(|x| x.regions.get(&s.region));
    let billing = p.billing.get(&s.billing);
    let invoiced = billing.is_none_or(|b| b.invoiced);
    let date_text = ymd(date);
    let valid_until = date
        .checked_add(time::Duration::days(i64::from(p.quote_validity_days)))
        .map_or_else(|| date_text.clone(), ymd);
    let number = quote_number(c, s, &chosen, &date_text);
    let mut warnings = Vec::new();
    if tier.custom_price {
        warnings.push(Warning {
            code: "custom-price".into(),
            message: format!(
                "{} is custom-priced: sales review. The membership line shows the starting price, {}{}.",
                p.tier_label(&chosen),
                p.currency.amount(tier.annual_fee),
                fees::Aside(&tier.price_note)
            ),
        });
    }
    for a in &priced.approvals {
        warnings.push(Warning {
            code: "needs-approval".into(),
            message: format!("Needs approval: {a}."),
        });
    }
    if !invoiced {
        warnings.push(Warning {
            code: "paid-to-provider".into(),
            message: format!(
                "The community pays {} directly: the cloud lines are estimates of that bill, counted in the total cost but not on our invoice.",
                provider.map_or(s.provider.as_str(), |x| x.label.as_str())
            ),
        });
    }
    if let Some(prov) = provider.filter(|x| !x.note.is_empty()) {
        warnings.push(Warning {
            code: "provider-note".into(),
            message: prov.note.clone(),
        });
    }
    if s.hubs.is_empty() {
        warnings.push(Warning {
            code: "no-hubs".into(),
            message: "No hub is quoted: this is the membership alone, with no cloud cost.".into(),
        });
    }
    Ok(Quote {
        format: FORMAT.into(),
        number,
        date: date_text,
        valid_until,
        currency: p.currency.clone(),
        seller: p.seller.clone(),
        customer: s.customer.clone(),
        prepared_by: s.prepared_by.clone(),
        catalog: CatalogRef {
            name: c.name.clone(),
            version: c.version.clone(),
            sha256: c.sha256.clone(),
            effective_date: p.effective_date.clone(),
        },
        tier: TierSummary {
            name: chosen.clone(),
            label: p.tier_label(&chosen).to_string(),
            for_whom: tier.for_whom.clone(),
            annual_fee: tier.annual_fee,
            custom_price: tier.custom_price,
            hub_limit: tier.hub_limit,
            included_help_hours_per_quarter: tier.included_help_hours_per_quarter,
            cluster: tier.cluster,
        },
        cloud: CloudChoice {
            provider: s.provider.clone(),
            provider_label: provider.map_or_else(|| s.provider.clone(), |x| x.label.clone()),
            region: s.region.clone(),
            region_label: region.map_or_else(|| s.region.clone(), |x| x.label.clone()),
            account: s.account.clone(),
            account_label: p
                .accounts
                .get(&s.account)
                .map_or_else(|| s.account.clone(), |x| x.label.clone()),
            billing: s.billing.clone(),
            billing_label: billing.map_or_else(|| s.billing.clone(), |x| x.label.clone()),
            invoiced,
        },
        needs_approval: !priced.approvals.is_empty(),
        lines: priced.lines,
        totals: priced.totals,
        cloud_band: band,
        recommendation,
        assumptions: assumptions(p, s, &chosen)?,
        warnings,
        terms: p.terms.clone(),
        scenario: s.clone(),
    })
}

fn cloud_band(
    p: &Pricing,
    cloud: &cloud::Cloud,
    expected: Decimal,
) -> Result<CloudBand, QuoteError> {
    let a = &p.assumptions;
    let cur = &p.currency;
    let low = cloud.month(a.low_factor)?;
    let high = cloud.month(a.high_factor)?;
    let raised = money::mul(expected, a.budget_alert_factor)?;
    let alert = money::ceil_to(raised, a.budget_alert_round_to)?;
    Ok(CloudBand {
        low,
        expected,
        high,
        budget_alert: alert,
        rationale: format!(
            "Expected month {}. Low {} and high {} re-price the usage-driven lines (compute, GPU, Dask, egress) with usage × {} and × {}; cluster and storage lines stay as they are. Budget alert: {} × {} = {}, rounded up to the next {} = {}.",
            cur.amount(expected),
            cur.amount(low),
            cur.amount(high),
            n(a.low_factor),
            n(a.high_factor),
            cur.amount(expected),
            n(a.budget_alert_factor),
            cur.unit_price(raised.normalize()),
            cur.amount(a.budget_alert_round_to),
            cur.amount(alert)
        ),
    })
}

fn reasons(
    c: &Catalog,
    cur: &crate::money::Currency,
    chosen: &str,
    recommended: Option<&str>,
    tiers: &[TierOption],
    s: &Scenario,
) -> Result<Vec<String>, QuoteError> {
    let amount = |d: Decimal| cur.amount(d);
    let mut out = Vec::new();
    let chosen_opt = tiers.iter().find(|t| t.tier == chosen);
    let chosen_cost = chosen_opt.and_then(|t| t.first_year_total_cost);
    match recommended {
        Some(r) if r == chosen => {
            if let Some(cost) = chosen_cost {
                out.push(format!(
                    "{} has the lowest first-year total cost ({}) of the tiers that allow this scenario.",
                    c.tier_label(chosen),
                    amount(cost)
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
        match (t.first_year_total_cost, chosen_cost) {
            (None, _)
                if chosen_fee.is_some_and(|f| t.annual_fee <= f) || s.wants_recommendation() =>
            {
                let why: Vec<&str> = t.conflicts.iter().map(|x| x.message.as_str()).collect();
                out.push(format!("{} is ruled out: {}.", t.label, why.join("; ")));
            }
            (Some(cost), Some(base)) if cost > base => out.push(format!(
                "{} also allows it but costs {} more in the first year.",
                t.label,
                amount(money::sub(cost, base)?)
            )),
            (Some(cost), Some(base)) if cost < base => out.push(format!(
                "{} also allows it and costs {} less in the first year.",
                t.label,
                amount(money::sub(base, cost)?)
            )),
            (Some(_), Some(_)) => out.push(format!(
                "{} also allows it at the same first-year cost.",
                t.label
            )),
            _ => {}
        }
    }
    Ok(out)
}

fn assumptions(p: &Pricing, s: &Scenario, tier: &str) -> Result<Vec<String>, QuoteError> {
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
    let cluster = match p.tier(tier).map(|t| t.cluster) {
        Some(crate::catalog::pricing::ClusterKind::Shared) => format!(
            "a shared cluster whose core is split between {} communities",
            a.communities_per_shared_cluster
        ),
        _ => "one dedicated cluster".to_string(),
    };
    out.push(format!("All hubs run on {cluster} in the chosen region."));
    out.push(format!(
        "Users can request {}% of a node's memory; nodes are {}% full on average (packing efficiency). You pay for the memory requested, not used.",
        n(money::mul(a.allocatable_fraction, Decimal::ONE_HUNDRED)?),
        n(money::mul(a.packing_efficiency, Decimal::ONE_HUNDRED)?)
    ));
    out.push(format!(
        "Compute, GPU, Dask and egress are billed in {}; the cluster core and storage all 12 months ({} hours a month).",
        crate::rationale::months(s.active_months),
        n(a.hours_per_month)
    ));
    out.push(if a.cloud_markup_pct.is_zero() {
        "Cloud costs are passed through at cost, with no markup.".to_string()
    } else {
        format!(
            "Cloud unit prices include a {}% markup.",
            n(a.cloud_markup_pct)
        )
    });
    out.push(format!(
        "The usage fee is charged on monthly active users summed across all hubs ({}).",
        p.usage_fee.basis
    ));
    out.push("Included help hours reset each quarter and do not roll over.".to_string());
    Ok(out)
}

fn ymd(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `HQ-20261121-3FA94C`: the date plus 24 bits of a 64-bit FNV-1a hash of everything
/// that determines the quote (catalog hash, tier, date, scenario). An identifier, not a
/// security measure: the catalog itself is identified by its SHA-256.
fn quote_number(c: &Catalog, s: &Scenario, tier: &str, date: &str) -> String {
    let mut basis = format!("{}\n{tier}\n{date}\n", c.sha256).into_bytes();
    let _ = serde_json::to_writer(&mut basis, s);
    let hash = basis.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("HQ-{}-{:06X}", date.replace('-', ""), hash >> 40)
}
