//! Does a tier allow a scenario? Every choice is checked against the tier's rules
//! (hub limit, clouds, accounts, billing, sizes) and the items' per-tier configs with
//! their `requires`; each refusal names the tiers that would allow the choice.

use crate::catalog::price_list::{Mirrored, Tier};
use crate::catalog::{Catalog, Kind, PriceList, Scalar};
use crate::quote::Conflict;
use crate::scenario::{FeatureValue, Hub, Scenario};
use crate::source::child_path;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// A hub's feature selections: explicit ones plus those its usage implies
/// (Dask worker hours select Dask Gateway, a GPU share selects the GPU option).
pub fn selections(p: &PriceList, hub: &Hub) -> Vec<(String, FeatureValue)> {
    let mut out: Vec<(String, FeatureValue)> = hub
        .features
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    for (link, used) in [
        (&p.links.dask, hub.dask_node_hours > Decimal::ZERO),
        (&p.links.gpu, hub.gpu_share > Decimal::ZERO),
    ] {
        if let Some(link) = link {
            if used && !out.iter().any(|(k, _)| *k == link.item) {
                out.push((link.item.clone(), FeatureValue::Option(link.value.clone())));
            }
        }
    }
    out
}

/// The current value of every item in `tier` for a hub: the scenario's cloud choices
/// for linked items, the hub's selections, else the tier's defaults.
pub fn value_of(
    c: &Catalog,
    s: &Scenario,
    chosen: &[(String, FeatureValue)],
    tier: &str,
    id: &str,
) -> Scalar {
    if let Some(p) = &c.pricing {
        if let Some((_, m)) = p.links.mirrored().find(|(item, _)| *item == id) {
            let value = match m {
                Mirrored::Provider => &s.provider,
                Mirrored::Account => &s.account,
                Mirrored::Billing => &s.billing,
            };
            return Scalar::Text(value.clone());
        }
    }
    if let Some((_, v)) = chosen.iter().find(|(k, _)| k == id) {
        return scalar(v);
    }
    c.item(id)
        .and_then(|i| i.per_tier.get(tier))
        .map_or(Scalar::Null, |cfg| cfg.default_value())
}

/// A selection as the requirement language compares it.
fn scalar(v: &FeatureValue) -> Scalar {
    match v {
        FeatureValue::Flag(b) => Scalar::Bool(*b),
        FeatureValue::Option(t) => Scalar::Text(t.clone()),
    }
}

/// Whether `tier` lets a hub choose `value` for `item`; `Err` carries the reason when
/// the value is offered but a requirement does not hold.
pub fn allows_feature(
    c: &Catalog,
    s: &Scenario,
    chosen: &[(String, FeatureValue)],
    tier: &str,
    item: &str,
    value: &FeatureValue,
) -> Result<(), String> {
    let Some(cfg) = c.item(item).and_then(|i| i.per_tier.get(tier)) else {
        return Err("not offered".into());
    };
    let scalar = scalar(value);
    // Choosing "no" for a flag is always allowed.
    if scalar == Scalar::Bool(false) && matches!(cfg.kind, Kind::Flag { .. }) {
        return Ok(());
    }
    if !cfg.offers(&scalar) {
        return Err("not offered".into());
    }
    let lookup = |id: &str| value_of(c, s, chosen, tier, id);
    let label_of = |id: &str| c.item_label(id);
    if let Some(r) = &cfg.requires {
        if !r.holds(&lookup) {
            return Err(format!("needs {}", r.describe(&label_of)));
        }
    }
    if let FeatureValue::Option(v) = value {
        if let Some(r) = cfg.option(v).and_then(|o| o.requires.as_ref()) {
            if !r.holds(&lookup) {
                return Err(format!("needs {}", r.describe(&label_of)));
            }
        }
    }
    Ok(())
}

/// Every choice of the scenario that `tier` does not allow (empty: the tier fits).
pub fn conflicts(c: &Catalog, s: &Scenario, tier: &str) -> Vec<Conflict> {
    let Some(p) = &c.pricing else {
        return Vec::new();
    };
    let Some(t) = p.tier(tier) else {
        return Vec::new();
    };
    let mut r = Refusals {
        c,
        p,
        out: Vec::new(),
        said: HashSet::new(),
    };
    let hubs = u32::try_from(s.hubs.len()).unwrap_or(u32::MAX);
    if hubs > t.hub_limit {
        r.needs(
            "hubs".into(),
            format!(
                "{hubs} hubs exceed {}'s limit of {} and",
                p.tier_label(tier),
                t.hub_limit
            ),
            r.tiers_where(|x| x.hub_limit >= hubs),
        );
    }
    cloud_choices(&mut r, s, t);
    for (i, hub) in s.hubs.iter().enumerate() {
        if !t.sizes.contains(&hub.size) {
            r.needs(
                format!("hubs[{i}].size"),
                format!("{} servers", p.size_label(&hub.size)),
                r.tiers_where(|x| x.sizes.contains(&hub.size)),
            );
        }
        hub_features(&mut r, s, i, hub, tier);
    }
    r.out
}

/// The conflicts found so far, each message once, and how they are worded.
struct Refusals<'c> {
    c: &'c Catalog,
    p: &'c PriceList,
    out: Vec<Conflict>,
    said: HashSet<String>,
}

impl Refusals<'_> {
    /// `subject` needs one of the `allowed` tiers: "Dask Gateway needs Advanced or above".
    fn needs(&mut self, field: String, subject: String, allowed: Vec<String>) {
        let verb = if subject.ends_with('s') || subject.ends_with(" and") {
            "need"
        } else {
            "needs"
        };
        let message = format!(
            "{subject} {}",
            needs(self.c, &allowed).replacen("needs", verb, 1)
        );
        self.push(field, message, allowed);
    }

    fn push(&mut self, field: String, message: String, allowed_in: Vec<String>) {
        if self.said.insert(message.clone()) {
            self.out.push(Conflict {
                field,
                message,
                allowed_in,
            });
        }
    }

    /// The tiers, in catalog order, for which `f` holds.
    fn tiers_where(&self, f: impl Fn(&Tier) -> bool) -> Vec<String> {
        self.p
            .tiers
            .iter()
            .filter(|(_, t)| f(t))
            .map(|(k, _)| k.to_string())
            .collect()
    }
}

/// The scenario's provider, cloud account and billing choice, each allowed by the tier.
fn cloud_choices(r: &mut Refusals, s: &Scenario, t: &Tier) {
    let p = r.p;
    let label = |found: Option<&String>, key: &String| found.unwrap_or(key).clone();
    if !t.providers.contains(&s.provider) {
        r.needs(
            "provider".into(),
            label(p.providers.get(&s.provider).map(|x| &x.label), &s.provider),
            r.tiers_where(|x| x.providers.contains(&s.provider)),
        );
    }
    if !t.accounts.contains(&s.account) {
        let account = label(p.accounts.get(&s.account).map(|x| &x.label), &s.account);
        r.needs(
            "account".into(),
            format!("The cloud account \"{account}\""),
            r.tiers_where(|x| x.accounts.contains(&s.account)),
        );
    }
    if !t.billing.contains(&s.billing) {
        let billing = label(p.billing.get(&s.billing).map(|x| &x.label), &s.billing);
        r.needs(
            "billing".into(),
            format!("Billing \"{billing}\""),
            r.tiers_where(|x| x.billing.contains(&s.billing)),
        );
    }
}

/// Each feature a hub selects (or its usage implies) that `tier` does not allow.
fn hub_features(r: &mut Refusals, s: &Scenario, i: usize, hub: &Hub, tier: &str) {
    let (c, p) = (r.c, r.p);
    let chosen = selections(p, hub);
    for (item, value) in &chosen {
        let Err(why) = allows_feature(c, s, &chosen, tier, item, value) else {
            continue;
        };
        let allowed: Vec<String> = c
            .tiers
            .iter()
            .filter(|other| allows_feature(c, s, &chosen, other, item, value).is_ok())
            .cloned()
            .collect();
        let subject = feature_subject(c, item, value);
        let field = child_path(&format!("hubs[{i}].features"), item);
        if why == "not offered" {
            r.needs(field, subject, allowed);
        } else {
            let message = format!("{subject} {why} in {}", p.tier_label(tier));
            r.push(field, message, allowed);
        }
    }
}

/// A selection in words: the item's label, with the option's where it adds to it
/// ("Dask Gateway (Enabled)").
fn feature_subject(c: &Catalog, item: &str, value: &FeatureValue) -> String {
    let label = c.item_label(item);
    match value {
        FeatureValue::Flag(_) => label,
        FeatureValue::Option(v) => {
            let shown = c
                .item(item)
                .and_then(|i| i.per_tier.iter().find_map(|(_, cfg)| cfg.option(v)))
                .map_or(v.clone(), |o| o.display().to_string());
            if shown == label || shown.contains(&label) {
                shown
            } else {
                format!("{label} ({shown})")
            }
        }
    }
}

/// "needs Advanced or above", "needs Premier", "needs General or Premier",
/// "is not offered by any tier".
fn needs(c: &Catalog, allowed: &[String]) -> String {
    let labels: Vec<&str> = allowed.iter().map(|t| c.tier_label(t)).collect();
    match labels.as_slice() {
        [] => "is not offered by any tier".into(),
        [one] => format!("needs {one}"),
        _ => {
            let first = c.tiers.iter().position(|t| Some(t) == allowed.first());
            let is_suffix =
                first.is_some_and(|f| c.tiers.get(f..).is_some_and(|rest| rest == allowed));
            if is_suffix {
                format!(
                    "needs {} or above",
                    labels.first().copied().unwrap_or_default()
                )
            } else {
                let (last, rest) = labels.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
                format!("needs {} or {last}", rest.join(", "))
            }
        }
    }
}
