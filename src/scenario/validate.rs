//! Scenario rules that need the catalog or relate fields to each other. The bounds keep
//! every later computation far inside exact decimal range.

use super::{DiscountValue, FeatureValue, Hub, Scenario, RECOMMEND};
use crate::catalog::{Catalog, Kind};
use crate::source::Diagnostics;
use rust_decimal::Decimal;

pub const MAX_HUBS: usize = 50;
pub const MAX_USERS: u32 = 10_000_000;
/// 31 days × 24 hours: no one is active longer in a month.
pub const MAX_HOURS_PER_MONTH: u32 = 744;
pub const MAX_HOME_GB: u32 = 10_000;
pub const MAX_STORAGE_GB: u32 = 100_000_000;
pub const MAX_DASK_HOURS: u32 = 1_000_000;
pub const MAX_HELP_HOURS: u32 = 1_000;
pub const MAX_PROJECT_HOURS: u32 = 100_000;
pub const MAX_TERM_YEARS: u32 = 10;
pub const MAX_DISCOUNT_AMOUNT: u32 = 1_000_000_000;

pub fn validate(s: &Scenario, c: &Catalog) -> Diagnostics {
    let mut out = Diagnostics::default();
    let Some(p) = &c.pricing else {
        out.error(
            "",
            format!(
                "the catalog \"{}\" has no prices (it is a feature-only catalog): it can compare tiers but not quote",
                c.name
            ),
        );
        return out;
    };
    if s.tier != RECOMMEND && p.tier(&s.tier).is_none() {
        out.error(
            "tier",
            format!(
                "unknown tier \"{}\": choose one of {} or \"recommend\"",
                s.tier,
                c.tiers.join(", ")
            ),
        );
    }
    match p.providers.get(&s.provider) {
        None => out.error(
            "provider",
            format!(
                "unknown cloud provider \"{}\": choose one of {}",
                s.provider,
                p.providers.key_list()
            ),
        ),
        Some(prov) if !prov.regions.contains(&s.region) => out.error(
            "region",
            format!(
                "{} has no region \"{}\" in this catalog: choose one of {}",
                prov.label,
                s.region,
                prov.regions.key_list()
            ),
        ),
        Some(_) => {}
    }
    if !p.accounts.contains(&s.account) {
        out.error(
            "account",
            format!(
                "unknown cloud account arrangement \"{}\": choose one of {}",
                s.account,
                p.accounts.key_list()
            ),
        );
    }
    if !p.billing.contains(&s.billing) {
        out.error(
            "billing",
            format!(
                "unknown billing choice \"{}\": choose one of {}",
                s.billing,
                p.billing.key_list()
            ),
        );
    }
    whole_range(
        &mut out,
        "active_months",
        s.active_months,
        1,
        12,
        "active months a year",
    );
    whole_range(
        &mut out,
        "term_years",
        s.term_years,
        1,
        MAX_TERM_YEARS,
        "years of term",
    );
    range(
        &mut out,
        "help_hours_per_quarter",
        s.help_hours_per_quarter,
        MAX_HELP_HOURS,
        "help hours per quarter",
    );
    range(
        &mut out,
        "project_hours",
        s.project_hours,
        MAX_PROJECT_HOURS,
        "project hours",
    );
    for (i, disc) in s.discounts.iter().enumerate() {
        let at = format!("discounts[{i}]");
        match disc.value {
            DiscountValue::Percent(v) if v <= Decimal::ZERO || v > Decimal::ONE_HUNDRED => out.error(
                format!("{at}.percent"),
                format!("a discount percentage must be more than 0 and at most 100, not {v}"),
            ),
            DiscountValue::Amount(v) if v <= Decimal::ZERO || v > Decimal::from(MAX_DISCOUNT_AMOUNT) => out.error(
                format!("{at}.amount"),
                format!("a discount amount must be more than 0 and at most {MAX_DISCOUNT_AMOUNT}, not {v}"),
            ),
            _ => {}
        }
        if disc.reason.trim().is_empty() {
            out.error(format!("{at}.reason"), "every discount needs a reason");
        }
    }
    if s.hubs.len() > MAX_HUBS {
        out.error(
            "hubs",
            format!(
                "{} hubs is more than the {MAX_HUBS} a quote can hold",
                s.hubs.len()
            ),
        );
    }
    for (i, hub) in s.hubs.iter().enumerate() {
        let at = format!("hubs[{i}]");
        if hub.name.trim().is_empty() {
            out.error(format!("{at}.name"), "every hub needs a name");
        } else if s.hubs[..i].iter().any(|h| h.name == hub.name) {
            out.error(
                format!("{at}.name"),
                format!(
                    "two hubs are called \"{}\": give each its own name",
                    hub.name
                ),
            );
        }
        validate_hub(s, hub, &at, c, &mut out);
    }
    out
}

fn validate_hub(s: &Scenario, hub: &Hub, at: &str, c: &Catalog, out: &mut Diagnostics) {
    let Some(p) = &c.pricing else { return };
    whole_range(
        out,
        &format!("{at}.registered_users"),
        hub.registered_users,
        0,
        MAX_USERS,
        "registered users",
    );
    if hub.monthly_active_users > hub.registered_users {
        out.error(
            format!("{at}.monthly_active_users"),
            format!(
                "{} monthly active users is more than the {} registered users: active users are a part of the registered ones",
                hub.monthly_active_users, hub.registered_users
            ),
        );
    }
    if hub.hours_per_user > Decimal::from(MAX_HOURS_PER_MONTH) {
        out.error(
            format!("{at}.hours_per_user"),
            format!(
                "{} hours per user is more than a month has ({MAX_HOURS_PER_MONTH} hours in 31 days)",
                hub.hours_per_user.normalize()
            ),
        );
    } else {
        range(
            out,
            &format!("{at}.hours_per_user"),
            hub.hours_per_user,
            MAX_HOURS_PER_MONTH,
            "hours per user",
        );
    }
    if hub.gpu_share < Decimal::ZERO || hub.gpu_share > Decimal::ONE {
        out.error(
            format!("{at}.gpu_share"),
            format!("the GPU share is a fraction of the hours between 0 and 1 (0.25 = a quarter), not {}", hub.gpu_share.normalize()),
        );
    }
    range(
        out,
        &format!("{at}.home_gb_per_user"),
        hub.home_gb_per_user,
        MAX_HOME_GB,
        "GB of home directory per user",
    );
    range(
        out,
        &format!("{at}.object_storage_gb"),
        hub.object_storage_gb,
        MAX_STORAGE_GB,
        "GB of object storage",
    );
    range(
        out,
        &format!("{at}.egress_gb"),
        hub.egress_gb,
        MAX_STORAGE_GB,
        "GB of egress per month",
    );
    range(
        out,
        &format!("{at}.dask_node_hours"),
        hub.dask_node_hours,
        MAX_DASK_HOURS,
        "Dask node-hours per month",
    );
    if !p.sizes.contains(&hub.size) {
        out.error(
            format!("{at}.size"),
            format!(
                "unknown server size \"{}\": choose one of {}",
                hub.size,
                p.sizes.key_list()
            ),
        );
    }
    let region = p.region(&s.provider, &s.region);
    if let Some(r) = region {
        if hub.gpu_share > Decimal::ZERO && r.gpu.is_none() {
            out.error(
                format!("{at}.gpu_share"),
                format!(
                    "{} {} offers no GPU servers in this catalog",
                    s.provider, s.region
                ),
            );
        }
        if hub.dask_node_hours > Decimal::ZERO && r.dask_worker_node.is_none() {
            out.error(
                format!("{at}.dask_node_hours"),
                format!(
                    "{} {} has no Dask worker pricing in this catalog",
                    s.provider, s.region
                ),
            );
        }
    }
    for (id, value) in hub.features.iter() {
        let fat = crate::source::child_path(&format!("{at}.features"), id);
        let Some(item) = c.item(id) else {
            out.error(
                fat,
                format!("unknown feature \"{id}\": it is not an item of this catalog"),
            );
            continue;
        };
        let offered_somewhere = item
            .per_tier
            .iter()
            .any(|(_, cfg)| match (&cfg.kind, value) {
                (Kind::Flag { .. }, FeatureValue::Flag(_)) => true,
                (Kind::Select { options, .. }, FeatureValue::Option(v)) => {
                    options.iter().any(|o| &o.value == v)
                }
                (Kind::Single { text }, FeatureValue::Option(v)) => text == v,
                _ => false,
            });
        if !offered_somewhere {
            let expected = describe_choices(item);
            out.error(
                fat,
                format!("\"{}\" has no such choice; {expected}", item.label),
            );
        }
    }
    // Usage that needs a feature must not contradict an explicit choice of it.
    for (link, used, what) in [
        (
            &p.links.dask,
            hub.dask_node_hours > Decimal::ZERO,
            "Dask worker hours",
        ),
        (&p.links.gpu, hub.gpu_share > Decimal::ZERO, "a GPU share"),
    ] {
        let Some(link) = link else { continue };
        if let Some(FeatureValue::Option(chosen)) = hub.features.get(&link.item) {
            if used && chosen != &link.value {
                out.error(
                    crate::source::child_path(&format!("{at}.features"), &link.item),
                    format!(
                        "{what} need {} set to \"{}\", but it is \"{chosen}\": change one of them",
                        c.item_label(&link.item),
                        link.value
                    ),
                );
            }
        }
    }
}

fn describe_choices(item: &crate::catalog::Item) -> String {
    let mut values: Vec<String> = Vec::new();
    let mut flag = false;
    for (_, cfg) in item.per_tier.iter() {
        match &cfg.kind {
            Kind::Select { options, .. } => {
                for o in options {
                    if !values.contains(&o.value) {
                        values.push(o.value.clone());
                    }
                }
            }
            Kind::Flag { .. } => flag = true,
            Kind::Single { text } => {
                if !values.contains(text) {
                    values.push(text.clone());
                }
            }
        }
    }
    if flag && values.is_empty() {
        "choose true or false".into()
    } else {
        format!("choose one of: {}", values.join(", "))
    }
}

fn range(out: &mut Diagnostics, at: &str, v: Decimal, max: u32, what: &str) {
    if v < Decimal::ZERO {
        out.error(
            at,
            format!(
                "the number of {what} cannot be negative ({})",
                v.normalize()
            ),
        );
    } else if v > Decimal::from(max) {
        out.error(
            at,
            format!(
                "{} {what} is more than this calculator accepts (at most {max})",
                v.normalize()
            ),
        );
    }
}

fn whole_range(out: &mut Diagnostics, at: &str, v: u32, min: u32, max: u32, what: &str) {
    if v < min || v > max {
        out.error(at, format!("{v} {what} is outside the range {min}–{max}"));
    }
}
