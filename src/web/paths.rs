//! Reading and writing one scenario field by its path (`hubs[0].monthly_active_users`),
//! the same paths the engine's diagnostics print. One table per record lists each field
//! once, with how its text is read and written; the UI only converts text to the field's
//! type here, and every rule about the values is the engine's (`Scenario::validate`).

use crate::scenario::{Discount, DiscountTarget, DiscountValue, FeatureValue, Hub, Scenario};
use crate::source::parse_decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// How a field's text becomes its value and back: the field, borrowed to read and to write.
enum Field<T> {
    Text(fn(&T) -> &String, fn(&mut T) -> &mut String),
    /// A whole number (counts, months, years).
    Whole(fn(&T) -> &u32, fn(&mut T) -> &mut u32),
    Number(fn(&T) -> &Decimal, fn(&mut T) -> &mut Decimal),
    /// A value that is not one plain field (a discount's kind and amount).
    Other(fn(&T) -> String, fn(&mut T, &str) -> Result<(), String>),
}

/// A table entry: the field's path (as the engine prints it) and its [`Field`], from
/// the field's name written once.
macro_rules! field {
    ($kind:ident $first:ident $(. $rest:ident)*) => {
        (
            concat!(stringify!($first) $(, ".", stringify!($rest))*),
            Field::$kind(|x| &x.$first $(.$rest)*, |x| &mut x.$first $(.$rest)*),
        )
    };
}

type Table<T> = [(&'static str, Field<T>)];

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
    (
        "target",
        Field::Other(|d| d.target.key().into(), write_target),
    ),
    ("kind", Field::Other(read_kind, write_kind)),
    (
        "percent",
        Field::Other(
            |d| read_value(d, "percent"),
            |d, t| write_value(d, t, DiscountValue::Percent),
        ),
    ),
    (
        "amount",
        Field::Other(
            |d| read_value(d, "amount"),
            |d, t| write_value(d, t, DiscountValue::Amount),
        ),
    ),
    field!(Text reason),
];

impl<T> Field<T> {
    fn read(&self, x: &T) -> String {
        match self {
            Field::Text(get, _) => get(x).clone(),
            Field::Whole(get, _) => get(x).to_string(),
            Field::Number(get, _) => get(x).normalize().to_string(),
            Field::Other(get, _) => get(x),
        }
    }

    fn write(&self, x: &mut T, text: &str) -> Result<(), String> {
        match self {
            Field::Text(_, set) => text.clone_into(set(x)),
            Field::Whole(_, set) => *set(x) = whole(text)?,
            Field::Number(_, set) => *set(x) = typed_number(text)?,
            Field::Other(_, set) => set(x, text)?,
        }
        Ok(())
    }
}

fn find<'t, T>(table: &'t Table<T>, name: &str) -> Option<&'t Field<T>> {
    table.iter().find(|(n, _)| *n == name).map(|(_, f)| f)
}

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

/// The text a field shows for the scenario's current value (empty for no such field).
pub fn read(s: &Scenario, path: &str) -> String {
    let text = match split(path) {
        Parts::Top(name) => find(SCENARIO, name).map(|f| f.read(s)),
        Parts::Hub(i, name) => s.hubs.get(i).and_then(|h| match feature(name) {
            Some(id) => h.feature(id).map(FeatureValue::key),
            None => find(HUB, name).map(|f| f.read(h)),
        }),
        Parts::Discount(i, name) => s
            .discounts
            .get(i)
            .and_then(|d| find(DISCOUNT, name).map(|f| f.read(d))),
    };
    text.unwrap_or_default()
}

/// Applies the text typed into a field. An error leaves the scenario unchanged; a path
/// that names no field changes nothing.
pub fn write(s: &mut Scenario, path: &str, text: &str) -> Result<(), String> {
    match split(path) {
        Parts::Top(name) => find(SCENARIO, name).map_or(Ok(()), |f| f.write(s, text)),
        Parts::Hub(i, name) => match (s.hubs.get_mut(i), feature(name)) {
            (Some(h), Some(id)) => {
                select(h, id, text);
                Ok(())
            }
            (Some(h), None) => find(HUB, name).map_or(Ok(()), |f| f.write(h, text)),
            (None, _) => Ok(()),
        },
        Parts::Discount(i, name) => match s.discounts.get_mut(i) {
            Some(d) => find(DISCOUNT, name).map_or(Ok(()), |f| f.write(d, text)),
            None => Ok(()),
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

fn write_target(d: &mut Discount, key: &str) -> Result<(), String> {
    if let Some(t) = DiscountTarget::from_key(key) {
        d.target = t;
    }
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
        v.normalize().to_string()
    } else {
        String::new()
    }
}
