//! Reading and writing one scenario field by its path (`hubs[0].monthly_active_users`),
//! the same paths the engine's diagnostics print. The engine's table of scenario fields
//! (`scenario::fields`) names each field and reads its value as text, for the forms as
//! for the diff; here is only how typed text is written back into a field (one entry per
//! field, per record), and the discount's form-only fields (its kind, and its number in
//! the box of that kind). The UI only converts text to the field's type; every rule about
//! the values is the engine's (`Scenario::validate`).

use crate::scenario::fields::{self, Field as Named};
use crate::scenario::{
    Approval, ApprovalRecord, CustomKind, CustomLine, CustomPeriod, Discount, DiscountTarget,
    DiscountValue, FeatureValue, Hub, Override, OverrideTarget, Scenario,
};
use crate::source::{parse_date, parse_decimal};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// How a field's typed text becomes its value: the field, borrowed to write.
enum Write<T> {
    Text(fn(&mut T) -> &mut String),
    /// A whole number (counts, months, years).
    Whole(fn(&mut T) -> &mut u32),
    Number(fn(&mut T) -> &mut Decimal),
    /// A value that is not one plain field (a choice from a closed set, a date).
    Other(fn(&mut T, &str) -> Result<(), String>),
}

/// A table entry: the field's path (as the engine prints it) and its [`Write`], from the
/// field's name written once.
macro_rules! field {
    ($kind:ident $first:ident $(. $rest:ident)*) => {
        (
            concat!(stringify!($first) $(, ".", stringify!($rest))*),
            Write::$kind(|x| &mut x.$first $(.$rest)*),
        )
    };
}

/// A table entry for a field chosen from a closed set by its key (an unknown key, which
/// no form offers, changes nothing).
macro_rules! choice {
    ($name:ident, $from_key:path) => {
        (
            stringify!($name),
            Write::Other(|x, key| {
                if let Some(v) = $from_key(key) {
                    x.$name = v;
                }
                Ok(())
            }),
        )
    };
}

type Table<T> = [(&'static str, Write<T>)];

const SCENARIO: &Table<Scenario> = &[
    field!(Text tier),
    field!(Text provider),
    field!(Text region),
    field!(Text account),
    field!(Text billing),
    field!(Whole active_months),
    field!(Whole term_years),
    field!(Number help_hours_per_quarter),
    field!(Number project_hours),
    field!(Text customer.name),
    field!(Text customer.contact),
    field!(Text prepared_by),
    field!(Text notes),
];

const HUB: &Table<Hub> = &[
    field!(Text name),
    field!(Whole registered_users),
    field!(Whole monthly_active_users),
    field!(Number hours_per_user),
    field!(Text size),
    field!(Number gpu_share),
    field!(Number home_gb_per_user),
    field!(Number object_storage_gb),
    field!(Number egress_gb),
    field!(Number dask_node_hours),
];

const DISCOUNT: &Table<Discount> = &[
    choice!(target, DiscountTarget::from_key),
    ("kind", Write::Other(write_kind)),
    (
        "percent",
        Write::Other(|d, t| write_value(d, t, DiscountValue::Percent)),
    ),
    (
        "amount",
        Write::Other(|d, t| write_value(d, t, DiscountValue::Amount)),
    ),
    field!(Text reason),
];

/// A form-only field: its name and its value as text.
type Read<T> = (&'static str, fn(&T) -> String);

/// The discount's fields only the form has: its kind, and its number in each kind's box.
const DISCOUNT_FORM: [Read<Discount>; 3] = [
    ("kind", read_kind),
    ("percent", |d| read_value(d, "percent")),
    ("amount", |d| read_value(d, "amount")),
];

const OVERRIDE: &Table<Override> = &[
    choice!(target, OverrideTarget::from_key),
    (
        "tier",
        Write::Other(|o, tier| {
            o.tier = (!tier.is_empty()).then(|| tier.to_string());
            Ok(())
        }),
    ),
    field!(Number price),
    field!(Text reason),
];

const CUSTOM_LINE: &Table<CustomLine> = &[
    field!(Text label),
    field!(Number quantity),
    field!(Text unit),
    field!(Number unit_price),
    choice!(period, CustomPeriod::from_key),
    choice!(kind, CustomKind::from_key),
    field!(Text reason),
];

const APPROVAL: &Table<ApprovalRecord> = &[
    field!(Text by),
    ("date", Write::Other(write_date)),
    field!(Text note),
];

impl<T> Write<T> {
    fn write(&self, x: &mut T, text: &str) -> Result<(), String> {
        match self {
            Write::Text(set) => text.clone_into(set(x)),
            Write::Whole(set) => *set(x) = whole(text)?,
            Write::Number(set) => *set(x) = typed_number(text)?,
            Write::Other(set) => set(x, text)?,
        }
        Ok(())
    }
}

/// Writes `text` into the field `name` of `x`, if the table has it (else nothing).
fn write_in<T>(table: &Table<T>, x: &mut T, name: &str, text: &str) -> Result<(), String> {
    match table.iter().find(|(n, _)| *n == name) {
        Some((_, w)) => w.write(x, text),
        None => Ok(()),
    }
}

/// The value of the field `name` of `x` as text, by the engine's table.
fn read_in<T>(table: &[Named<T>], x: &T, name: &str) -> Option<String> {
    table.iter().find(|f| f.key == name).map(|f| (f.read)(x))
}

/// A path split into its list, index and field.
enum Parts<'a> {
    Top(&'a str),
    Hub(usize, &'a str),
    Discount(usize, &'a str),
    Override(usize, &'a str),
    CustomLine(usize, &'a str),
    Approval(&'a str),
}

fn split(path: &str) -> Parts<'_> {
    let indexed = |prefix: &str| {
        let rest = path.strip_prefix(prefix)?.strip_prefix('[')?;
        let (index, field) = rest.split_once("].")?;
        Some((index.parse::<usize>().ok()?, field))
    };
    if let Some((i, field)) = indexed("hubs") {
        Parts::Hub(i, field)
    } else if let Some((i, field)) = indexed("discounts") {
        Parts::Discount(i, field)
    } else if let Some((i, field)) = indexed("overrides") {
        Parts::Override(i, field)
    } else if let Some((i, field)) = indexed("custom_lines") {
        Parts::CustomLine(i, field)
    } else if let Some(field) = path.strip_prefix("approval.") {
        Parts::Approval(field)
    } else {
        Parts::Top(path)
    }
}

/// The approval record being edited (none for no approval, or for one that only says it
/// was given, as a customer's link carries it).
fn record(s: &Scenario) -> Option<&ApprovalRecord> {
    s.negotiated.approval.as_ref().and_then(Approval::record)
}

/// The text a field shows for the scenario's current value (empty for no such field).
pub fn read(s: &Scenario, path: &str) -> String {
    let n = &s.negotiated;
    let text = match split(path) {
        Parts::Top(name) => read_in(fields::SCENARIO, s, name),
        Parts::Hub(i, name) => s.hubs.get(i).and_then(|h| match feature(name) {
            Some(id) => h.feature(id).map(FeatureValue::key),
            None => read_in(fields::HUB, h, name),
        }),
        Parts::Discount(i, name) => s.discounts.get(i).and_then(|d| {
            DISCOUNT_FORM
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, read)| read(d))
                .or_else(|| read_in(fields::DISCOUNT, d, name))
        }),
        Parts::Override(i, name) => n
            .overrides
            .get(i)
            .and_then(|o| read_in(fields::OVERRIDE, o, name)),
        Parts::CustomLine(i, name) => n
            .custom_lines
            .get(i)
            .and_then(|l| read_in(fields::CUSTOM_LINE, l, name)),
        Parts::Approval(name) => record(s).and_then(|r| read_in(fields::APPROVAL, r, name)),
    };
    text.unwrap_or_default()
}

/// Applies the text typed into a field. An error leaves the scenario unchanged; a path
/// that names no field changes nothing.
pub fn write(s: &mut Scenario, path: &str, text: &str) -> Result<(), String> {
    match split(path) {
        Parts::Top(name) => write_in(SCENARIO, s, name, text),
        Parts::Hub(i, name) => match (s.hubs.get_mut(i), feature(name)) {
            (Some(h), Some(id)) => {
                select(h, id, text);
                Ok(())
            }
            (Some(h), None) => write_in(HUB, h, name, text),
            (None, _) => Ok(()),
        },
        Parts::Discount(i, name) => s
            .discounts
            .get_mut(i)
            .map_or(Ok(()), |d| write_in(DISCOUNT, d, name, text)),
        Parts::Override(i, name) => s
            .negotiated
            .overrides
            .get_mut(i)
            .map_or(Ok(()), |o| write_in(OVERRIDE, o, name, text)),
        Parts::CustomLine(i, name) => s
            .negotiated
            .custom_lines
            .get_mut(i)
            .map_or(Ok(()), |l| write_in(CUSTOM_LINE, l, name, text)),
        Parts::Approval(name) => match &mut s.negotiated.approval {
            Some(Approval::Record(r)) => write_in(APPROVAL, r, name, text),
            _ => Ok(()),
        },
    }
}

/// The item a hub's `features.<item>` path names.
fn feature(name: &str) -> Option<&str> {
    name.strip_prefix("features.")
}

/// A hub's selection for a catalog item, as a form's choice carries it (anything but a
/// feature key clears it: the tier's default).
fn select(h: &mut Hub, id: &str, key: &str) {
    h.features.0.retain(|(k, _)| k != id);
    if let Some(v) = FeatureValue::from_key(key) {
        h.features.0.push((id.to_string(), v));
    }
}

/// The path of a hub's feature selection, as the engine writes it.
pub fn feature_path(hub: usize, item: &str) -> String {
    crate::source::child_path(&format!("hubs[{hub}].features"), item)
}

/// A number typed into a field: the spaces a paste brings are not part of it (a scenario
/// file's numbers are read strictly, by `parse_decimal` alone).
fn typed_number(text: &str) -> Result<Decimal, String> {
    parse_decimal(text.trim())
}

/// A whole number from text; the engine then checks its range.
fn whole(text: &str) -> Result<u32, String> {
    let d = typed_number(text)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(format!("\"{}\" is negative: enter 0 or more", text.trim()));
    }
    if d.trunc() != d {
        return Err(format!("\"{}\" is not a whole number", text.trim()));
    }
    d.to_u32()
        .ok_or_else(|| format!("\"{}\" is too large", text.trim()))
}

/// A date as a scenario file writes it (`YYYY-MM-DD`), which the file's reader checks.
fn write_date(r: &mut ApprovalRecord, text: &str) -> Result<(), String> {
    let text = text.trim();
    if parse_date(text).is_none() {
        return Err(format!(
            "\"{text}\" is not a date written YYYY-MM-DD, such as 2026-11-21"
        ));
    }
    text.clone_into(&mut r.date);
    Ok(())
}

fn read_kind(d: &Discount) -> String {
    match d.value {
        DiscountValue::Percent(_) => "percent",
        DiscountValue::Amount(_) => "amount",
    }
    .into()
}

/// The kind changes, the number stays.
fn write_kind(d: &mut Discount, kind: &str) -> Result<(), String> {
    let (DiscountValue::Percent(v) | DiscountValue::Amount(v)) = d.value;
    d.value = if kind == "amount" {
        DiscountValue::Amount(v)
    } else {
        DiscountValue::Percent(v)
    };
    Ok(())
}

/// A discount's number typed into the field of a kind (`of`), which it then has.
fn write_value(
    d: &mut Discount,
    text: &str,
    of: fn(Decimal) -> DiscountValue,
) -> Result<(), String> {
    d.value = of(typed_number(text)?);
    Ok(())
}

/// A discount's number, in the field of its kind only (`percent` or `amount`).
fn read_value(d: &Discount, kind: &str) -> String {
    if read_kind(d) == kind {
        let (DiscountValue::Percent(v) | DiscountValue::Amount(v)) = d.value;
        fields::decimal(v)
    } else {
        String::new()
    }
}
