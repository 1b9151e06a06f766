//! Scenario text → [`Scenario`], reporting every type error at once. Unknown fields are
//! errors here: a mistyped optional field must not silently fall back to its default.

use super::{
    Customer, Discount, DiscountTarget, DiscountValue, FeatureValue, Hub, Scenario, FORMAT,
};
use crate::catalog::Keyed;
use crate::source::{Decoder, Node, Value};
use rust_decimal::Decimal;

const KEYS: &[&str] = &[
    "format",
    "customer",
    "prepared_by",
    "tier",
    "provider",
    "region",
    "account",
    "billing",
    "active_months",
    "term_years",
    "help_hours_per_quarter",
    "project_hours",
    "discounts",
    "hubs",
    "notes",
];

const HUB_KEYS: &[&str] = &[
    "name",
    "registered_users",
    "monthly_active_users",
    "hours_per_user",
    "size",
    "gpu_share",
    "home_gb_per_user",
    "object_storage_gb",
    "egress_gb",
    "dask_node_hours",
    "features",
];

/// Decodes a scenario from a node (a whole file, a preset, or a quote's `scenario`).
pub fn decode_node(d: &mut Decoder, n: &Node) -> Option<Scenario> {
    d.object(n)?;
    d.check_keys(n, KEYS, true);
    let format = d.req_string(n, "format").and_then(|f| {
        if f == FORMAT {
            Some(f)
        } else {
            if let Some(at) = n.get("format") {
                d.push(at.error(format!(
                    "this is not a hubquote scenario of a known version: expected \"{FORMAT}\", found \"{f}\""
                )));
            }
            None
        }
    });
    let customer = match n.get("customer") {
        None => Some(Customer::default()),
        Some(c) => (|| {
            d.object(c)?;
            d.check_keys(c, &["name", "contact"], true);
            let name = d.opt_string(c, "name").ok()?;
            let contact = d.opt_string(c, "contact").ok()?;
            Some(Customer {
                name: name.unwrap_or_default(),
                contact: contact.unwrap_or_default(),
            })
        })(),
    };
    let prepared_by = d.opt_string(n, "prepared_by");
    let tier = d.req_string(n, "tier");
    let provider = d.req_string(n, "provider");
    let region = d.req_string(n, "region");
    let account = d.req_string(n, "account");
    let billing = d.req_string(n, "billing");
    let active_months = d.req_whole(n, "active_months");
    let term_years = d.opt_whole(n, "term_years");
    let help = d.opt_decimal(n, "help_hours_per_quarter");
    let project = d.opt_decimal(n, "project_hours");
    let discounts = match n.get("discounts") {
        None => Some(Vec::new()),
        Some(list) => all(d, list, decode_discount),
    };
    let hubs = d.required(n, "hubs").and_then(|h| all(d, h, decode_hub));
    let notes = d.opt_string(n, "notes");
    Some(Scenario {
        format: format?,
        customer: customer?,
        prepared_by: prepared_by.ok()?.unwrap_or_default(),
        tier: tier?,
        provider: provider?,
        region: region?,
        account: account?,
        billing: billing?,
        active_months: active_months?,
        term_years: term_years.ok()?.unwrap_or(1),
        help_hours_per_quarter: help.ok()?.unwrap_or(Decimal::ZERO),
        project_hours: project.ok()?.unwrap_or(Decimal::ZERO),
        discounts: discounts?,
        hubs: hubs?,
        notes: notes.ok()?.unwrap_or_default(),
    })
}

/// Decodes every element of a list; `None` if any failed (all are still reported).
fn all<T>(
    d: &mut Decoder,
    list: &Node,
    each: fn(&mut Decoder, &Node) -> Option<T>,
) -> Option<Vec<T>> {
    let items = d.array(list)?;
    let decoded: Vec<Option<T>> = items.iter().map(|i| each(d, i)).collect();
    decoded.into_iter().collect()
}

fn decode_discount(d: &mut Decoder, n: &Node) -> Option<Discount> {
    d.object(n)?;
    d.check_keys(n, &["target", "percent", "amount", "reason"], true);
    let target = d.required(n, "target").and_then(|t| {
        let key = d.string(t)?;
        let found = DiscountTarget::from_key(&key);
        if found.is_none() {
            d.push(t.error(format!(
                "unknown discount target \"{key}\" (expected membership, usage_fee, extra_help or project_hours)"
            )));
        }
        found
    });
    let value = match (n.get("percent"), n.get("amount")) {
        (Some(p), None) => d.decimal(p).map(DiscountValue::Percent),
        (None, Some(a)) => d.decimal(a).map(DiscountValue::Amount),
        (Some(_), Some(a)) => {
            d.push(a.error("give either \"percent\" or \"amount\", not both"));
            None
        }
        (None, None) => {
            d.push(n.error("a discount needs a \"percent\" or an \"amount\""));
            None
        }
    };
    let reason = d.req_string(n, "reason");
    Some(Discount {
        target: target?,
        value: value?,
        reason: reason?,
    })
}

fn decode_hub(d: &mut Decoder, n: &Node) -> Option<Hub> {
    d.object(n)?;
    d.check_keys(n, HUB_KEYS, true);
    let name = d.req_string(n, "name");
    let registered = d.req_whole(n, "registered_users");
    let mau = d.req_whole(n, "monthly_active_users");
    let hours = d.req_decimal(n, "hours_per_user");
    let size = d.req_string(n, "size");
    let mut opt = |key: &str| d.opt_decimal(n, key).map(|v| v.unwrap_or(Decimal::ZERO));
    let gpu = opt("gpu_share");
    let home = opt("home_gb_per_user");
    let object = opt("object_storage_gb");
    let egress = opt("egress_gb");
    let dask = opt("dask_node_hours");
    let features = match n.get("features") {
        None => Some(Keyed::default()),
        Some(f) => (|| {
            let props = d.object(f)?;
            d.check_repeats(f);
            let values: Vec<Option<(String, FeatureValue)>> = props
                .iter()
                .map(|(k, v)| match &v.value {
                    Value::Bool(b) => Some((k.clone(), FeatureValue::Flag(*b))),
                    Value::String(s) => Some((k.clone(), FeatureValue::Option(s.clone()))),
                    _ => {
                        d.push(v.error(format!(
                            "expected an option value (text) or true/false, found {}",
                            v.describe()
                        )));
                        None
                    }
                })
                .collect();
            values.into_iter().collect::<Option<Vec<_>>>().map(Keyed)
        })(),
    };
    Some(Hub {
        name: name?,
        registered_users: registered?,
        monthly_active_users: mau?,
        hours_per_user: hours?,
        size: size?,
        gpu_share: gpu.ok()?,
        home_gb_per_user: home.ok()?,
        object_storage_gb: object.ok()?,
        egress_gb: egress.ok()?,
        dask_node_hours: dask.ok()?,
        features: features?,
    })
}
