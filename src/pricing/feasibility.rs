//! Does a tier allow a scenario? Every choice is checked against the tier's rules
//! (hub limit, clouds, accounts, billing, sizes) and the items' per-tier configs with
//! their `requires`; each refusal names the tiers that would allow the choice.

use super::values::{selections, Items, Values, NOT_OFFERED};
use crate::catalog::price_list::Tier;
use crate::catalog::{Catalog, PriceList};
use crate::quote::Conflict;
use crate::scenario::{FeatureValue, Scenario};
use crate::source::child_path;
use std::collections::{HashMap, HashSet};

/// Every choice of a scenario judged against every tier once: each hub's selections
/// (hubs with the same selections share one judgement) and, for each, which tiers allow
/// it. Each tier's conflicts are then read from it, so comparing every tier costs one
/// evaluation of each requirement per distinct hub, not one per tier and tier again.
pub struct Feasibility<'c> {
    c: &'c Catalog,
    s: &'c Scenario,
    /// For each hub, its judgement in `judged`.
    of_hub: Vec<usize>,
    judged: Vec<Judged>,
}

/// One set of selections and, for each of them, each tier's verdict (in `c.tiers` order).
struct Judged {
    chosen: Vec<(String, FeatureValue)>,
    verdicts: Vec<Vec<Result<(), String>>>,
}

impl<'c> Feasibility<'c> {
    pub fn new(c: &'c Catalog, s: &'c Scenario) -> Self {
        let mut f = Feasibility {
            c,
            s,
            of_hub: Vec::with_capacity(s.hubs.len()),
            judged: Vec::new(),
        };
        let Some(p) = &c.pricing else {
            return f;
        };
        let items = Items::new(c);
        let mut seen: HashMap<Vec<(String, FeatureValue)>, usize> = HashMap::new();
        for hub in &s.hubs {
            let chosen = selections(p, hub);
            let next = f.judged.len();
            let index = *seen.entry(chosen.clone()).or_insert(next);
            if index == next {
                f.judged.push(judge(c, &items, s, chosen));
            }
            f.of_hub.push(index);
        }
        f
    }

    /// Every choice of the scenario that `tier` does not allow (empty: the tier fits).
    pub fn conflicts(&self, tier: &str) -> Vec<Conflict> {
        let (c, s) = (self.c, self.s);
        let Some(p) = &c.pricing else {
            return Vec::new();
        };
        let (Some(t), Some(column)) = (p.tier(tier), c.tiers.iter().position(|x| x == tier)) else {
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
            hub_limit(&mut r, hubs, tier, t);
        }
        cloud_choices(&mut r, s, t);
        // A hub judged like an earlier one has the same refusals, already said; a
        // selection refused for the same reason as before, too.
        let mut said = HashSet::new();
        let mut refused = HashSet::new();
        for (i, (hub, &j)) in s.hubs.iter().zip(&self.of_hub).enumerate() {
            if !t.sizes.contains(&hub.size) {
                r.needs(
                    format!("hubs[{i}].size"),
                    format!("{} servers", p.size_label(&hub.size)),
                    r.tiers_where(|x| x.sizes.contains(&hub.size)),
                );
            }
            if let Some(judged) = self.judged.get(j).filter(|_| said.insert(j)) {
                hub_features(&mut r, &mut refused, i, judged, (tier, column));
            }
        }
        r.out
    }
}

/// More hubs than `tier` allows: which tiers would, or that none does.
fn hub_limit(r: &mut Refusals, hubs: u32, tier: &str, t: &Tier) {
    let over = format!(
        "{hubs} hubs exceed {}'s limit of {}",
        r.p.tier_label(tier),
        t.hub_limit
    );
    let allowed = r.tiers_where(|x| x.hub_limit >= hubs);
    if allowed.is_empty() {
        let most =
            r.p.tiers
                .iter()
                .map(|(_, x)| x.hub_limit)
                .max()
                .unwrap_or(0);
        let message = format!("{over}, and no tier allows more than {most}");
        r.push("hubs".into(), message, allowed);
    } else {
        r.needs("hubs".into(), format!("{over} and"), allowed);
    }
}

/// Each selection against each tier.
fn judge(c: &Catalog, items: &Items, s: &Scenario, chosen: Vec<(String, FeatureValue)>) -> Judged {
    let values = Values::new(c, items, Some(s), &chosen);
    let verdicts = chosen
        .iter()
        .map(|(item, value)| {
            c.tiers
                .iter()
                .map(|tier| values.allows(tier, item, value))
                .collect()
        })
        .collect();
    Judged { chosen, verdicts }
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

/// A refused selection and why: the same one refused again says the same sentence.
type Refused<'j> = (&'j str, &'j FeatureValue, &'j str);

/// Each feature hub `i` selects (or its usage implies) that `tier` (column `column` of
/// the verdicts) does not allow, with the tiers that would; `refused` are those said.
fn hub_features<'j>(
    r: &mut Refusals,
    refused: &mut HashSet<Refused<'j>>,
    i: usize,
    judged: &'j Judged,
    (tier, column): (&str, usize),
) {
    let (c, p) = (r.c, r.p);
    for ((item, value), verdicts) in judged.chosen.iter().zip(&judged.verdicts) {
        let Some(Err(why)) = verdicts.get(column) else {
            continue;
        };
        if !refused.insert((item, value, why)) {
            continue;
        }
        let allowed: Vec<String> = c
            .tiers
            .iter()
            .zip(verdicts)
            .filter(|(_, v)| v.is_ok())
            .map(|(t, _)| t.clone())
            .collect();
        let subject = feature_subject(c, item, value);
        let field = child_path(&format!("hubs[{i}].features"), item);
        if why == NOT_OFFERED {
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
