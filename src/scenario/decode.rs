//! Scenario text → [`Scenario`], reporting every type error at once. Unknown fields are
//! errors here: a mistyped optional field must not silently fall back to its default.

use super::{
    negotiated, Customer, Discount, DiscountTarget, DiscountValue, FeatureValue, Hub, Negotiated,
    Scenario, FORMATS, FORMAT_V1, FORMAT_V2,
};
use crate::keyed::Keyed;
use crate::source::{self, put, Decoder, Diagnostics, Node, Reported, Value};
use rust_decimal::Decimal;

impl Scenario {
    /// Decodes scenario text (JSON or JSON5): every type error at once, with positions.
    pub fn decode(text: &str) -> Result<Scenario, Diagnostics> {
        let root = source::parse(text).map_err(Diagnostics::from)?;
        let mut d = Decoder::new();
        let s = decode_node(&mut d, &root);
        match s {
            Some(s) if !d.diags.has_errors() => Ok(s),
            _ => Err(d.diags),
        }
    }
}

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
    // `hubquote.scenario/2` (scenario/negotiated/decode.rs reads them).
    "overrides",
    "custom_lines",
    "approval",
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
    let mut s = Scenario {
        format: String::new(),
        customer: Customer::default(),
        prepared_by: String::new(),
        tier: String::new(),
        provider: String::new(),
        region: String::new(),
        account: String::new(),
        billing: String::new(),
        active_months: 0,
        term_years: 1,
        help_hours_per_quarter: Decimal::ZERO,
        project_hours: Decimal::ZERO,
        discounts: Vec::new(),
        negotiated: Negotiated::default(),
        hubs: Vec::new(),
        notes: String::new(),
    };
    let format = d.req_string(n, "format").filter(|f| {
        let known = FORMATS.contains(&f.as_str());
        if !known {
            if let Some(at) = n.get("format") {
                d.push(at.error(format!(
                    "this is not a hubquote scenario of a known version: expected \"{FORMAT_V1}\" or \"{FORMAT_V2}\", found \"{f}\""
                )));
            }
        }
        known
    });
    let mut ok = put(&mut s.format, format);
    if let Some(c) = n.get("customer") {
        ok &= put(&mut s.customer, decode_customer(d, c));
    }
    ok &= put_opt(&mut s.prepared_by, d.opt_string(n, "prepared_by"));
    for (key, slot) in [
        ("tier", &mut s.tier),
        ("provider", &mut s.provider),
        ("region", &mut s.region),
        ("account", &mut s.account),
        ("billing", &mut s.billing),
    ] {
        ok &= put(slot, d.req_string(n, key));
    }
    ok &= put(&mut s.active_months, d.req_whole(n, "active_months"));
    ok &= put_opt(&mut s.term_years, d.opt_whole(n, "term_years"));
    ok &= put_opt(
        &mut s.help_hours_per_quarter,
        d.opt_decimal(n, "help_hours_per_quarter"),
    );
    ok &= put_opt(&mut s.project_hours, d.opt_decimal(n, "project_hours"));
    if let Some(list) = n.get("discounts") {
        ok &= put(&mut s.discounts, all(d, list, decode_discount));
    }
    ok &= put(
        &mut s.hubs,
        d.required(n, "hubs").and_then(|h| all(d, h, decode_hub)),
    );
    ok &= put_opt(&mut s.notes, d.opt_string(n, "notes"));
    ok &= negotiated::decode::decode(d, n, &mut s);
    ok.then_some(s)
}

/// [`put`] for an optional member: absent keeps the slot's default.
fn put_opt<T>(slot: &mut T, value: Result<Option<T>, Reported>) -> bool {
    match value {
        Ok(v) => {
            if let Some(v) = v {
                *slot = v;
            }
            true
        }
        Err(Reported) => false,
    }
}

fn decode_customer(d: &mut Decoder, n: &Node) -> Option<Customer> {
    d.object(n)?;
    d.check_keys(n, &["name", "contact"], true);
    let name = d.text_or_empty(n, "name")?;
    let contact = d.text_or_empty(n, "contact")?;
    Some(Customer { name, contact })
}

/// Decodes every element of a list; `None` if any failed (all are still reported).
fn all<T>(
    d: &mut Decoder,
    list: &Node,
    each: fn(&mut Decoder, &Node) -> Option<T>,
) -> Option<Vec<T>> {
    let items = d.array(list)?;
    d.each(items, each)
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
    let reason = d.req_string(n, "reason")?;
    Some(Discount {
        target: target?,
        value: value?,
        reason,
    })
}

fn decode_hub(d: &mut Decoder, n: &Node) -> Option<Hub> {
    d.object(n)?;
    d.check_keys(n, HUB_KEYS, true);
    let mut h = Hub {
        name: String::new(),
        registered_users: 0,
        monthly_active_users: 0,
        hours_per_user: Decimal::ZERO,
        size: String::new(),
        gpu_share: Decimal::ZERO,
        home_gb_per_user: Decimal::ZERO,
        object_storage_gb: Decimal::ZERO,
        egress_gb: Decimal::ZERO,
        dask_node_hours: Decimal::ZERO,
        features: Keyed::default(),
    };
    let mut ok = put(&mut h.name, d.req_string(n, "name"));
    ok &= put(&mut h.registered_users, d.req_whole(n, "registered_users"));
    ok &= put(
        &mut h.monthly_active_users,
        d.req_whole(n, "monthly_active_users"),
    );
    ok &= put(&mut h.hours_per_user, d.req_decimal(n, "hours_per_user"));
    ok &= put(&mut h.size, d.req_string(n, "size"));
    ok &= put(
        &mut h.home_gb_per_user,
        d.req_decimal(n, "home_gb_per_user"),
    );
    for (key, slot) in [
        ("gpu_share", &mut h.gpu_share),
        ("object_storage_gb", &mut h.object_storage_gb),
        ("egress_gb", &mut h.egress_gb),
        ("dask_node_hours", &mut h.dask_node_hours),
    ] {
        ok &= put_opt(slot, d.opt_decimal(n, key));
    }
    if let Some(f) = n.get("features") {
        ok &= put(&mut h.features, decode_features(d, f));
    }
    ok.then_some(h)
}

/// A hub's feature selections: option values (texts) or flags.
fn decode_features(d: &mut Decoder, n: &Node) -> Option<Keyed<FeatureValue>> {
    let props = d.object(n)?;
    d.check_repeats(n);
    let mut out = Vec::with_capacity(props.len());
    let mut ok = true;
    for (k, v) in props {
        let value = match &v.value {
            Value::Bool(b) => FeatureValue::Flag(*b),
            Value::String(s) => FeatureValue::Option(s.clone()),
            _ => {
                d.push(v.error(format!(
                    "expected an option value (text) or true/false, found {}",
                    v.describe()
                )));
                ok = false;
                continue;
            }
        };
        out.push((k.clone(), value));
    }
    ok.then_some(Keyed(out))
}
