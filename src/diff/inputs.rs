//! What changed between two scenarios, field by field, in the words of the one table of
//! scenario fields (`scenario::fields`): scenario-wide fields, hubs matched by name (and
//! their features), discounts and custom lines by position, negotiated prices by what
//! they negotiate. The internal notes and the approval are never compared: a diff may be
//! shown to the customer.

use super::{Change, InputChange};
use crate::scenario::fields::{self, Field};
use crate::scenario::{CustomLine, Discount, Hub, Override, Scenario};
use crate::source::child_path;
use std::collections::{HashMap, HashSet};

/// Scenario-wide fields a diff leaves out: internal ones.
const INTERNAL: [&str; 1] = ["notes"];

/// Every input that differs, in form order.
pub fn changes(a: &Scenario, b: &Scenario) -> Vec<InputChange> {
    let mut out = Vec::new();
    let top = fields::SCENARIO
        .iter()
        .filter(|f| !INTERNAL.contains(&f.key));
    for f in top {
        field(&mut out, "", "", f, a, b);
    }
    list(&mut out, &a.hubs, &b.hubs);
    list(&mut out, &a.discounts, &b.discounts);
    let (x, y) = (&a.negotiated, &b.negotiated);
    list(&mut out, &x.overrides, &y.overrides);
    list(&mut out, &x.custom_lines, &y.custom_lines);
    out
}

/// `membership fee of Premier`, `hourly rate`.
fn negotiated(o: &Override) -> String {
    match &o.tier {
        Some(t) => format!("{} of {t}", o.target.label()),
        None => o.target.label().to_string(),
    }
}

/// One field, when it differs: `<label>, <of>: <a> → <b>`.
fn field<T>(out: &mut Vec<InputChange>, prefix: &str, of: &str, f: &Field<T>, a: &T, b: &T) {
    let (from, to) = ((f.read)(a), (f.read)(b));
    if from != to {
        out.push(InputChange {
            change: Change::Changed,
            path: format!("{prefix}{}", f.key),
            label: labelled(f.label, of),
            from: Some(from),
            to: Some(to),
        });
    }
}

fn labelled(label: &str, of: &str) -> String {
    if of.is_empty() {
        label.to_string()
    } else {
        format!("{label}, {of}")
    }
}

/// A list's elements: B's in B's order (changed or added), then A's that B lacks.
fn list<T: ListItem>(out: &mut Vec<InputChange>, a: &[T], b: &[T]) {
    let in_a: HashMap<String, &T> = a.iter().enumerate().map(|(i, x)| (x.key(i), x)).collect();
    let mut in_b = HashSet::with_capacity(b.len());
    for (j, x) in b.iter().enumerate() {
        let key = x.key(j);
        let prefix = format!("{}[{j}].", T::LIST);
        match in_a.get(&key) {
            Some(old) => {
                let of = x.of(j);
                for f in T::FIELDS {
                    field(out, &prefix, &of, f, *old, x);
                }
                x.more(out, &prefix, &of, old);
            }
            None => out.push(whole(
                Change::Added,
                format!("{}[{j}]", T::LIST),
                x.whole(j),
            )),
        }
        in_b.insert(key);
    }
    for (i, x) in a.iter().enumerate() {
        if !in_b.contains(&x.key(i)) {
            out.push(whole(
                Change::Removed,
                format!("{}[{i}]", T::LIST),
                x.whole(i),
            ));
        }
    }
}

fn whole(change: Change, path: String, label: String) -> InputChange {
    InputChange {
        change,
        path,
        label,
        from: None,
        to: None,
    }
}

/// An element of one of the scenario's lists, as a diff compares it: matched by `key`
/// (given its position), named by `of` after a field's label and by `whole` when added
/// or removed.
trait ListItem: Sized + 'static {
    /// The list's name in a path: `hubs`.
    const LIST: &'static str;
    const FIELDS: &'static [Field<Self>];
    /// What one element is called: `discount`.
    const NOUN: &'static str;
    /// By position, unless the element has a name of its own.
    fn key(&self, i: usize) -> String {
        i.to_string()
    }
    /// `discount 2`.
    fn of(&self, i: usize) -> String {
        format!("{} {}", Self::NOUN, i + 1)
    }
    fn whole(&self, i: usize) -> String;
    /// What it compares beyond its fields (a hub's features).
    fn more(&self, _out: &mut Vec<InputChange>, _prefix: &str, _of: &str, _old: &Self) {}
}

impl ListItem for Discount {
    const LIST: &'static str = "discounts";
    const FIELDS: &'static [Field<Self>] = fields::DISCOUNT;
    const NOUN: &'static str = "discount";
    fn whole(&self, i: usize) -> String {
        format!("Discount {} on the {}", i + 1, self.target.label())
    }
}

impl ListItem for Override {
    const LIST: &'static str = "overrides";
    const FIELDS: &'static [Field<Self>] = fields::OVERRIDE;
    const NOUN: &'static str = "negotiated price";
    fn key(&self, _: usize) -> String {
        format!(
            "{}/{}",
            self.target.key(),
            self.tier.as_deref().unwrap_or("")
        )
    }
    fn of(&self, _: usize) -> String {
        negotiated(self)
    }
    fn whole(&self, _: usize) -> String {
        format!("Negotiated {}", negotiated(self))
    }
}

impl ListItem for CustomLine {
    const LIST: &'static str = "custom_lines";
    const FIELDS: &'static [Field<Self>] = fields::CUSTOM_LINE;
    const NOUN: &'static str = "custom line";
    fn whole(&self, i: usize) -> String {
        format!("Custom line {}: {}", i + 1, self.label)
    }
}

impl ListItem for Hub {
    const LIST: &'static str = "hubs";
    const FIELDS: &'static [Field<Self>] = fields::HUB;
    const NOUN: &'static str = "hub";
    fn key(&self, _: usize) -> String {
        self.name.clone()
    }
    fn of(&self, _: usize) -> String {
        self.name.clone()
    }
    fn whole(&self, _: usize) -> String {
        format!("Hub {}", self.name)
    }
    /// Each feature selected on either side, by item id (none: the tier's default).
    fn more(&self, out: &mut Vec<InputChange>, prefix: &str, of: &str, old: &Hub) {
        let read = |h: &Hub, id: &str| {
            h.feature(id)
                .map_or_else(|| "tier default".to_string(), fields::feature_value)
        };
        let mut seen = HashSet::new();
        for (id, _) in self.features.iter().chain(old.features.iter()) {
            if !seen.insert(id) {
                continue;
            }
            let (from, to) = (read(old, id), read(self, id));
            if from != to {
                out.push(InputChange {
                    change: Change::Changed,
                    path: child_path(&format!("{prefix}features"), id),
                    label: labelled(&fields::feature_label(id), of),
                    from: Some(from),
                    to: Some(to),
                });
            }
        }
    }
}
