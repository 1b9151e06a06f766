//! The one table of scenario fields: each field's path (as diagnostics print it), its
//! label in words, and how its value reads as text. The diff says what changed with it
//! ("Monthly active users, STAT 101: 50 → 80") and the forms label their fields with it.

use super::{
    ApprovalRecord, CustomLine, Discount, DiscountValue, FeatureValue, Hub, Override, Scenario,
};
use rust_decimal::Decimal;

/// One field of a `T`: its key under `T`, its label, and its value as text.
pub struct Field<T: 'static> {
    pub key: &'static str,
    pub label: &'static str,
    pub read: fn(&T) -> String,
}

const fn field<T>(key: &'static str, label: &'static str, read: fn(&T) -> String) -> Field<T> {
    Field { key, label, read }
}

/// A decimal as a form shows it: `2.5`, never `2.50`.
pub fn decimal(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The scenario-wide fields, in form order. `notes` is internal: no customer copy has it.
pub const SCENARIO: &[Field<Scenario>] = &[
    field("customer.name", "Customer", |s| s.customer.name.clone()),
    field("customer.contact", "Customer contact", |s| {
        s.customer.contact.clone()
    }),
    field("prepared_by", "Prepared by", |s| s.prepared_by.clone()),
    field("tier", "Tier", |s| s.tier.clone()),
    field("term_years", "Term (years)", |s| s.term_years.to_string()),
    field("active_months", "Active months per year", |s| {
        s.active_months.to_string()
    }),
    field("provider", "Cloud provider", |s| s.provider.clone()),
    field("region", "Region", |s| s.region.clone()),
    field("account", "Cloud account", |s| s.account.clone()),
    field("billing", "Who pays the cloud bill", |s| s.billing.clone()),
    field(
        "help_hours_per_quarter",
        "Help hours wanted per quarter",
        |s| decimal(s.help_hours_per_quarter),
    ),
    field("project_hours", "One-off project hours", |s| {
        decimal(s.project_hours)
    }),
    field("notes", "Internal notes", |s| s.notes.clone()),
];

/// A hub's fields, under `hubs[i].`; its features are `features.<item id>`.
pub const HUB: &[Field<Hub>] = &[
    field("name", "Name", |h| h.name.clone()),
    field("registered_users", "Registered users", |h| {
        h.registered_users.to_string()
    }),
    field("monthly_active_users", "Monthly active users", |h| {
        h.monthly_active_users.to_string()
    }),
    field("hours_per_user", "Hours per active user per month", |h| {
        decimal(h.hours_per_user)
    }),
    field("size", "Server size", |h| h.size.clone()),
    field("gpu_share", "GPU share of hours (0–1)", |h| {
        decimal(h.gpu_share)
    }),
    field("home_gb_per_user", "Home directory GB per user", |h| {
        decimal(h.home_gb_per_user)
    }),
    field("object_storage_gb", "Object storage GB", |h| {
        decimal(h.object_storage_gb)
    }),
    field("egress_gb", "Egress GB per month", |h| decimal(h.egress_gb)),
    field("dask_node_hours", "Dask worker node-hours per month", |h| {
        decimal(h.dask_node_hours)
    }),
];

/// A discount's fields, under `discounts[i].`.
pub const DISCOUNT: &[Field<Discount>] = &[
    field("target", "Discount on", |d| d.target.key().to_string()),
    field("value", "Discount", |d| match d.value {
        DiscountValue::Percent(v) => format!("{}%", decimal(v)),
        DiscountValue::Amount(v) => decimal(v),
    }),
    field("reason", "Reason", |d| d.reason.clone()),
];

/// A negotiated price's fields, under `overrides[i].`.
pub const OVERRIDE: &[Field<Override>] = &[
    field("target", "Negotiated price of", |o| {
        o.target.key().to_string()
    }),
    field("tier", "Tier", |o| o.tier.clone().unwrap_or_default()),
    field("price", "Negotiated price", |o| decimal(o.price)),
    field("reason", "Reason", |o| o.reason.clone()),
];

/// A custom line's fields, under `custom_lines[i].`.
pub const CUSTOM_LINE: &[Field<CustomLine>] = &[
    field("label", "Label", |l| l.label.clone()),
    field("quantity", "Quantity", |l| decimal(l.quantity)),
    field("unit", "Unit", |l| l.unit.clone()),
    field("unit_price", "Unit price", |l| decimal(l.unit_price)),
    field("period", "Period", |l| l.period.key().to_string()),
    field("kind", "Kind", |l| l.kind.key().to_string()),
    field("reason", "Reason", |l| l.reason.clone()),
];

/// The approval record's fields, under `approval.` (internal: a customer copy has none).
pub const APPROVAL: &[Field<ApprovalRecord>] = &[
    field("by", "Approved by", |a| a.by.clone()),
    field("date", "Approved on", |a| a.date.clone()),
    field("note", "Approval note", |a| a.note.clone()),
];

/// The label of a feature selection, named by its catalog item id.
pub fn feature_label(item: &str) -> String {
    format!("Feature {item}")
}

/// A feature selection as text: the option's value, or `yes` / `no`.
pub fn feature_value(v: &FeatureValue) -> String {
    match v {
        FeatureValue::Flag(true) => "yes".into(),
        FeatureValue::Flag(false) => "no".into(),
        FeatureValue::Option(o) => o.clone(),
    }
}

/// The label of the field at `path` (`hubs[0].monthly_active_users` → `Monthly active
/// users`), from the table above; `None` for a path it does not hold.
pub fn label(path: &str) -> Option<String> {
    let (list, rest) = match path.split_once("].") {
        Some((head, rest)) => (head.split_once('[').map(|(l, _)| l), rest),
        None => (None, path),
    };
    match list {
        None => match rest.strip_prefix("approval.") {
            Some(key) => lookup(APPROVAL, key),
            None => lookup(SCENARIO, rest),
        },
        Some("hubs") => match rest.strip_prefix("features.") {
            Some(item) => Some(feature_label(item.trim_matches('"'))),
            None => lookup(HUB, rest),
        },
        Some("discounts") => lookup(DISCOUNT, rest),
        Some("overrides") => lookup(OVERRIDE, rest),
        Some("custom_lines") => lookup(CUSTOM_LINE, rest),
        Some(_) => None,
    }
}

fn lookup<T>(table: &[Field<T>], key: &str) -> Option<String> {
    table
        .iter()
        .find(|f| f.key == key)
        .map(|f| f.label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_fields() {
        assert_eq!(
            label("hubs[3].monthly_active_users").as_deref(),
            Some("Monthly active users")
        );
        assert_eq!(label("tier").as_deref(), Some("Tier"));
        assert_eq!(
            label("custom_lines[0].unit_price").as_deref(),
            Some("Unit price")
        );
        assert_eq!(
            label("overrides[1].price").as_deref(),
            Some("Negotiated price")
        );
        assert_eq!(label("approval.by").as_deref(), Some("Approved by"));
        assert_eq!(
            label("hubs[0].features.hub:dask").as_deref(),
            Some("Feature hub:dask")
        );
        assert_eq!(label("nothing"), None);
        assert_eq!(label("hubs[0].nothing"), None);
    }
}
