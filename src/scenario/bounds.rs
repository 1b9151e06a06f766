//! What this calculator accepts whatever the catalog: the ranges that keep every later
//! computation far inside exact decimal range, and the rules that relate a scenario's
//! fields to each other. The rules that need a catalog are the catalog's
//! (`catalog/scenario_rules.rs`), which runs these in its own order.

use super::{DiscountValue, Hub, Scenario};
use crate::source::{check_count, Diagnostics, KEY, NAME, NOTES};
use rust_decimal::Decimal;
use std::collections::HashSet;

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
pub const MAX_DISCOUNTS: usize = 20;
/// A hub selects at most one value per item: a catalog has at most this many items.
pub const MAX_FEATURES: usize = 100;

/// The scenario-wide numbers and texts: months, term, hours, discounts, how many hubs,
/// who it is for and the choices it names.
pub fn scenario_wide(s: &Scenario, out: &mut Diagnostics) {
    texts(s, out);
    whole_range(
        out,
        "active_months",
        s.active_months,
        1,
        12,
        "active months a year",
    );
    whole_range(
        out,
        "term_years",
        s.term_years,
        1,
        MAX_TERM_YEARS,
        "years of term",
    );
    range(
        out,
        "help_hours_per_quarter",
        s.help_hours_per_quarter,
        MAX_HELP_HOURS,
        "help hours per quarter",
    );
    range(
        out,
        "project_hours",
        s.project_hours,
        MAX_PROJECT_HOURS,
        "project hours",
    );
    discounts(s, out);
    if s.hubs.is_empty() {
        out.error(
            "hubs",
            "a scenario has one or more hubs: add the hub to be quoted",
        );
    } else {
        check_count(out, "hubs", s.hubs.len(), MAX_HUBS, "hubs");
    }
}

/// Names are one line of at most [`NAME`]'s length, the notes at most [`NOTES`]'s, and
/// the catalog keys the scenario chooses as long as a key can be.
fn texts(s: &Scenario, out: &mut Diagnostics) {
    NAME.check(out, "customer.name", &s.customer.name);
    NAME.check(out, "customer.contact", &s.customer.contact);
    NAME.check(out, "prepared_by", &s.prepared_by);
    NOTES.check(out, "notes", &s.notes);
    for (at, key) in [
        ("tier", &s.tier),
        ("provider", &s.provider),
        ("region", &s.region),
        ("account", &s.account),
        ("billing", &s.billing),
    ] {
        KEY.check(out, at, key);
    }
}

/// At most [`MAX_DISCOUNTS`] discounts (those beyond are not looked at), each with a
/// value in range and a reason.
fn discounts(s: &Scenario, out: &mut Diagnostics) {
    check_count(
        out,
        "discounts",
        s.discounts.len(),
        MAX_DISCOUNTS,
        "discounts",
    );
    for (i, disc) in s.discounts.iter().enumerate().take(MAX_DISCOUNTS) {
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
        NAME.check(out, &format!("{at}.reason"), &disc.reason);
    }
}

/// The hub names already given, to tell each hub whether its own is taken (one set for
/// the whole list: any number of hubs is checked in one pass).
#[derive(Default)]
pub struct Names<'s>(HashSet<&'s str>);

impl<'s> Names<'s> {
    /// Every hub needs a name of its own, one line of at most [`NAME`]'s length.
    pub fn check(&mut self, hub: &'s Hub, at: &str, out: &mut Diagnostics) {
        if let Some(problem) = NAME.problem(&hub.name) {
            out.error(format!("{at}.name"), problem);
        } else if hub.name.trim().is_empty() {
            out.error(format!("{at}.name"), "every hub needs a name");
        } else if !self.0.insert(&hub.name) {
            out.error(
                format!("{at}.name"),
                format!(
                    "two hubs are called \"{}\": give each its own name",
                    hub.name
                ),
            );
        }
    }
}

/// One hub's usage: users, hours, GPU share, storage, egress, Dask hours, and the size
/// and features it chooses (as long as keys, at most [`MAX_FEATURES`]).
pub fn hub_usage(hub: &Hub, at: &str, out: &mut Diagnostics) {
    KEY.check(out, &format!("{at}.size"), &hub.size);
    check_count(
        out,
        &format!("{at}.features"),
        hub.features.len(),
        MAX_FEATURES,
        "features",
    );
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
    hours_per_user(hub, at, out);
    if hub.gpu_share < Decimal::ZERO || hub.gpu_share > Decimal::ONE {
        out.error(
            format!("{at}.gpu_share"),
            format!("the GPU share is a fraction of the hours between 0 and 1 (0.25 = a quarter), not {}", hub.gpu_share.normalize()),
        );
    }
    for (key, value, max, what) in [
        (
            "home_gb_per_user",
            hub.home_gb_per_user,
            MAX_HOME_GB,
            "GB of home directory per user",
        ),
        (
            "object_storage_gb",
            hub.object_storage_gb,
            MAX_STORAGE_GB,
            "GB of object storage",
        ),
        (
            "egress_gb",
            hub.egress_gb,
            MAX_STORAGE_GB,
            "GB of egress per month",
        ),
        (
            "dask_node_hours",
            hub.dask_node_hours,
            MAX_DASK_HOURS,
            "Dask node-hours per month",
        ),
    ] {
        range(out, &format!("{at}.{key}"), value, max, what);
    }
}

/// Hours per user: never more than a month has.
fn hours_per_user(hub: &Hub, at: &str, out: &mut Diagnostics) {
    let at = format!("{at}.hours_per_user");
    if hub.hours_per_user > Decimal::from(MAX_HOURS_PER_MONTH) {
        out.error(
            at,
            format!(
                "{} hours per user is more than a month has ({MAX_HOURS_PER_MONTH} hours in 31 days)",
                hub.hours_per_user.normalize()
            ),
        );
    } else {
        range(
            out,
            &at,
            hub.hours_per_user,
            MAX_HOURS_PER_MONTH,
            "hours per user",
        );
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
