//! Reading and writing one scenario field by its path (`hubs[0].monthly_active_users`),
//! the same paths the engine's diagnostics print. The UI only converts text to the
//! field's type here; every rule about the values is the engine's (`Scenario::validate`).

use crate::scenario::{Discount, DiscountTarget, DiscountValue, FeatureValue, Hub, Scenario};
use crate::source::parse_decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A path split into its list (hubs / discounts), index and field.
enum Parts<'a> {
    Top(&'a str),
    Hub(usize, &'a str),
    Discount(usize, &'a str),
}

fn split(path: &str) -> Parts<'_> {
    let indexed = |prefix: &str| {
        let rest = path.strip_prefix(prefix)?;
        let (index, field) = rest.split_once("].")?;
        Some((index.parse::<usize>().ok()?, field))
    };
    if let Some((i, field)) = indexed("hubs[") {
        Parts::Hub(i, field)
    } else if let Some((i, field)) = indexed("discounts[") {
        Parts::Discount(i, field)
    } else {
        Parts::Top(path)
    }
}

fn dec(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The text a field shows for the scenario's current value.
pub fn read(s: &Scenario, path: &str) -> String {
    match split(path) {
        Parts::Top(field) => match field {
            "tier" => s.tier.clone(),
            "provider" => s.provider.clone(),
            "region" => s.region.clone(),
            "account" => s.account.clone(),
            "billing" => s.billing.clone(),
            "active_months" => s.active_months.to_string(),
            "term_years" => s.term_years.to_string(),
            "help_hours_per_quarter" => dec(s.help_hours_per_quarter),
            "project_hours" => dec(s.project_hours),
            "customer.name" => s.customer.name.clone(),
            "customer.contact" => s.customer.contact.clone(),
            "prepared_by" => s.prepared_by.clone(),
            "notes" => s.notes.clone(),
            _ => String::new(),
        },
        Parts::Hub(i, field) => s
            .hubs
            .get(i)
            .map(|h| read_hub(h, field))
            .unwrap_or_default(),
        Parts::Discount(i, field) => s
            .discounts
            .get(i)
            .map(|d| read_discount(d, field))
            .unwrap_or_default(),
    }
}

fn read_hub(h: &Hub, field: &str) -> String {
    match field {
        "name" => h.name.clone(),
        "registered_users" => h.registered_users.to_string(),
        "monthly_active_users" => h.monthly_active_users.to_string(),
        "hours_per_user" => dec(h.hours_per_user),
        "size" => h.size.clone(),
        "gpu_share" => dec(h.gpu_share),
        "home_gb_per_user" => dec(h.home_gb_per_user),
        "object_storage_gb" => dec(h.object_storage_gb),
        "egress_gb" => dec(h.egress_gb),
        "dask_node_hours" => dec(h.dask_node_hours),
        other => match other.strip_prefix("features.").and_then(|id| h.feature(id)) {
            Some(FeatureValue::Flag(b)) => format!("flag:{b}"),
            Some(FeatureValue::Option(v)) => format!("opt:{v}"),
            None => String::new(),
        },
    }
}

fn read_discount(d: &Discount, field: &str) -> String {
    match (field, d.value) {
        ("target", _) => d.target.key().to_string(),
        ("kind", DiscountValue::Percent(_)) => "percent".into(),
        ("kind", DiscountValue::Amount(_)) => "amount".into(),
        ("percent", DiscountValue::Percent(v)) | ("amount", DiscountValue::Amount(v)) => dec(v),
        ("reason", _) => d.reason.clone(),
        _ => String::new(),
    }
}

/// A whole number from text; the engine then checks its range.
fn whole(text: &str) -> Result<u32, String> {
    let d = parse_decimal(text)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(format!("\"{}\" is negative: enter 0 or more", text.trim()));
    }
    if d.trunc() != d {
        return Err(format!("\"{}\" is not a whole number", text.trim()));
    }
    d.to_u32()
        .ok_or_else(|| format!("\"{}\" is too large", text.trim()))
}

/// Applies the text typed into a field. An error leaves the scenario unchanged.
pub fn write(s: &mut Scenario, path: &str, text: &str) -> Result<(), String> {
    match split(path) {
        Parts::Top(field) => {
            match field {
                "tier" => s.tier = text.to_string(),
                "provider" => s.provider = text.to_string(),
                "region" => s.region = text.to_string(),
                "account" => s.account = text.to_string(),
                "billing" => s.billing = text.to_string(),
                "active_months" => s.active_months = whole(text)?,
                "term_years" => s.term_years = whole(text)?,
                "help_hours_per_quarter" => s.help_hours_per_quarter = parse_decimal(text)?,
                "project_hours" => s.project_hours = parse_decimal(text)?,
                "customer.name" => s.customer.name = text.to_string(),
                "customer.contact" => s.customer.contact = text.to_string(),
                "prepared_by" => s.prepared_by = text.to_string(),
                "notes" => s.notes = text.to_string(),
                _ => {}
            }
            Ok(())
        }
        Parts::Hub(i, field) => match s.hubs.get_mut(i) {
            Some(h) => write_hub(h, field, text),
            None => Ok(()),
        },
        Parts::Discount(i, field) => match s.discounts.get_mut(i) {
            Some(d) => write_discount(d, field, text),
            None => Ok(()),
        },
    }
}

fn write_hub(h: &mut Hub, field: &str, text: &str) -> Result<(), String> {
    match field {
        "name" => h.name = text.to_string(),
        "registered_users" => h.registered_users = whole(text)?,
        "monthly_active_users" => h.monthly_active_users = whole(text)?,
        "hours_per_user" => h.hours_per_user = parse_decimal(text)?,
        "size" => h.size = text.to_string(),
        "gpu_share" => h.gpu_share = parse_decimal(text)?,
        "home_gb_per_user" => h.home_gb_per_user = parse_decimal(text)?,
        "object_storage_gb" => h.object_storage_gb = parse_decimal(text)?,
        "egress_gb" => h.egress_gb = parse_decimal(text)?,
        "dask_node_hours" => h.dask_node_hours = parse_decimal(text)?,
        other => {
            if let Some(id) = other.strip_prefix("features.") {
                let value = if let Some(v) = text.strip_prefix("opt:") {
                    Some(FeatureValue::Option(v.to_string()))
                } else {
                    text.strip_prefix("flag:")
                        .map(|b| FeatureValue::Flag(b == "true"))
                };
                h.features.0.retain(|(k, _)| k != id);
                if let Some(v) = value {
                    h.features.0.push((id.to_string(), v));
                }
            }
        }
    }
    Ok(())
}

fn write_discount(d: &mut Discount, field: &str, text: &str) -> Result<(), String> {
    let current = match d.value {
        DiscountValue::Percent(v) | DiscountValue::Amount(v) => v,
    };
    match field {
        "target" => {
            if let Some(t) = DiscountTarget::from_key(text) {
                d.target = t;
            }
        }
        "kind" if text == "amount" => d.value = DiscountValue::Amount(current),
        "kind" => d.value = DiscountValue::Percent(current),
        "percent" => d.value = DiscountValue::Percent(parse_decimal(text)?),
        "amount" => d.value = DiscountValue::Amount(parse_decimal(text)?),
        "reason" => d.reason = text.to_string(),
        _ => {}
    }
    Ok(())
}

/// The path of a hub's feature selection, as the engine writes it.
pub fn feature_path(hub: usize, item: &str) -> String {
    crate::source::child_path(&format!("hubs[{hub}].features"), item)
}
