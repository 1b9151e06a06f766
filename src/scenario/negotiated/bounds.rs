//! What the `/2` fields must respect whatever the catalog: prices and quantities in a range
//! that keeps every product exact, a reason for every negotiated price and custom line,
//! one override per price, an approval that says who gave it, and every count and text
//! within its bound (`source::limits`: a label, a reason or an approver is a name).

use super::{Approval, CustomLine, Override, OverrideTarget};
use crate::scenario::bounds::MAX_DISCOUNT_AMOUNT;
use crate::scenario::Scenario;
use crate::source::{check_count, Diagnostics, KEY, NAME, PARAGRAPH};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// The most custom lines a quote can hold.
pub const MAX_CUSTOM_LINES: usize = 100;
/// The largest quantity of a custom line (hours, workshops, months).
pub const MAX_CUSTOM_QUANTITY: u32 = 1_000_000;
/// The most overrides a scenario can hold (one per tier's fee and one hourly rate are
/// allowed; those beyond this are not looked at).
pub const MAX_OVERRIDES: usize = 50;

/// Every problem of the scenario's overrides, custom lines and approval.
pub fn check(s: &Scenario, out: &mut Diagnostics) {
    let n = &s.negotiated;
    check_count(
        out,
        "overrides",
        n.overrides.len(),
        MAX_OVERRIDES,
        "overrides",
    );
    let mut seen = Seen::default();
    for (i, o) in n.overrides.iter().enumerate().take(MAX_OVERRIDES) {
        check_override(o, &format!("overrides[{i}]"), &mut seen, out);
    }
    let lines = n.custom_lines.len();
    check_count(out, "custom_lines", lines, MAX_CUSTOM_LINES, "custom lines");
    for (i, l) in n.custom_lines.iter().enumerate().take(MAX_CUSTOM_LINES) {
        check_custom_line(l, &format!("custom_lines[{i}]"), out);
    }
    if let Some(Approval::Record(r)) = &n.approval {
        if r.by.trim().is_empty() {
            out.error("approval.by", "an approval names who gave it");
        }
        NAME.check(out, "approval.by", &r.by);
        PARAGRAPH.check(out, "approval.note", &r.note);
    }
}

/// The prices negotiated so far: the tiers whose fee is, and whether the hourly rate is.
#[derive(Default)]
struct Seen<'s> {
    fees: HashSet<&'s str>,
    rate: bool,
}

impl<'s> Seen<'s> {
    /// Records one negotiated price; false when it was negotiated before.
    fn first(&mut self, o: &'s Override) -> bool {
        match (o.target, o.tier.as_deref()) {
            (OverrideTarget::Membership, Some(t)) => self.fees.insert(t),
            // A fee without its tier is reported as such.
            (OverrideTarget::Membership, None) => true,
            (OverrideTarget::HourlyRate, _) => !std::mem::replace(&mut self.rate, true),
        }
    }
}

fn check_override<'s>(o: &'s Override, at: &str, seen: &mut Seen<'s>, out: &mut Diagnostics) {
    let tier = o.tier.as_deref();
    match (o.target, tier) {
        (OverrideTarget::Membership, None) => out.error(
            format!("{at}.tier"),
            "a negotiated membership fee names its tier",
        ),
        (OverrideTarget::HourlyRate, Some(_)) => out.error(
            format!("{at}.tier"),
            "the hourly rate is negotiated for every tier: leave \"tier\" out",
        ),
        _ => {}
    }
    if !seen.first(o) {
        out.error(
            at,
            format!(
                "the {} {}is negotiated twice: keep one price",
                o.target.label(),
                tier.map_or(String::new(), |t| format!("of {t} "))
            ),
        );
    }
    outside(
        out,
        &format!("{at}.price"),
        o.price,
        MAX_DISCOUNT_AMOUNT,
        "a negotiated price",
    );
    required(
        out,
        &format!("{at}.reason"),
        &o.reason,
        "every negotiated price needs a reason",
    );
    NAME.check(out, &format!("{at}.reason"), &o.reason);
    if let Some(t) = tier {
        KEY.check(out, &format!("{at}.tier"), t);
    }
}

fn check_custom_line(l: &CustomLine, at: &str, out: &mut Diagnostics) {
    required(
        out,
        &format!("{at}.label"),
        &l.label,
        "every custom line needs a label",
    );
    NAME.check(out, &format!("{at}.label"), &l.label);
    required(
        out,
        &format!("{at}.unit"),
        &l.unit,
        "every custom line needs a unit (hour, workshop, month)",
    );
    KEY.check(out, &format!("{at}.unit"), &l.unit);
    required(
        out,
        &format!("{at}.reason"),
        &l.reason,
        "every custom line needs a reason",
    );
    NAME.check(out, &format!("{at}.reason"), &l.reason);
    outside(
        out,
        &format!("{at}.quantity"),
        l.quantity,
        MAX_CUSTOM_QUANTITY,
        "a quantity",
    );
    outside(
        out,
        &format!("{at}.unit_price"),
        l.unit_price,
        MAX_DISCOUNT_AMOUNT,
        "a unit price (a credit is a discount, not a custom line)",
    );
}

fn required(out: &mut Diagnostics, at: &str, text: &str, message: &str) {
    if text.trim().is_empty() {
        out.error(at, message);
    }
}

/// A value from 0 to `max`, or an error that says the range.
fn outside(out: &mut Diagnostics, at: &str, v: Decimal, max: u32, what: &str) {
    if v < Decimal::ZERO || v > Decimal::from(max) {
        out.error(
            at,
            format!("{what} is from 0 to {max}, not {}", v.normalize()),
        );
    }
}
