//! What staff negotiate (`hubquote.scenario/2`): prices, lines of our own and the
//! approval, added and removed as the scenario's lists are, through the engine's one way
//! to change them (`Scenario::negotiate`, which moves the scenario to `/2` so that its
//! file says which format it needs); what is added starts from the catalog's price, to
//! be edited.

use super::Ctx;
use crate::scenario::{
    Approval, ApprovalRecord, CustomKind, CustomLine, CustomPeriod, Override, OverrideTarget,
    Scenario,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

impl Ctx {
    /// Adds a negotiated membership fee for the tier of the quote (the chosen one, or
    /// the one recommended), at the catalog's fee; its reason still to write.
    pub fn add_override(&self) {
        let tier = self
            .result()
            .with_untracked(|r| r.as_ref().ok().map(|q| q.tier.name.clone()));
        let fee = self.catalog().with_untracked(|c| {
            let p = c.pricing.as_ref()?;
            Some(p.tier(tier.as_deref()?)?.annual_fee)
        });
        self.form.restructure("overrides[", |s| {
            s.negotiate().overrides.push(Override {
                target: OverrideTarget::Membership,
                tier,
                price: fee.unwrap_or_default(),
                reason: String::new(),
            })
        });
    }

    pub fn remove_override(&self, i: usize) {
        self.form
            .restructure("overrides[", |s| remove(&mut s.negotiate().overrides, i));
    }

    /// Adds a one-off line of hours at the catalog's hourly rate; its label and reason
    /// still to write.
    pub fn add_custom_line(&self) {
        let rate = self.catalog().with_untracked(|c| {
            c.pricing
                .as_ref()
                .map_or(Decimal::ZERO, |p| p.hourly_rate.price)
        });
        self.form.restructure("custom_lines[", |s| {
            s.negotiate().custom_lines.push(CustomLine {
                label: String::new(),
                quantity: Decimal::ONE,
                unit: "hour".into(),
                unit_price: rate,
                period: CustomPeriod::OneOff,
                kind: CustomKind::Fixed,
                reason: String::new(),
            })
        });
    }

    pub fn remove_custom_line(&self, i: usize) {
        self.form.restructure("custom_lines[", |s| {
            remove(&mut s.negotiate().custom_lines, i)
        });
    }

    /// Records an approval given on the quote's date (today); who gave it still to write.
    pub fn add_approval(&self) {
        let date = self
            .last_good()
            .with_untracked(|q| q.as_ref().map(|q| q.date.clone()))
            .unwrap_or_default();
        self.form.restructure("approval.", |s| {
            s.negotiate().approval = Some(Approval::Record(ApprovalRecord {
                by: String::new(),
                date,
                note: String::new(),
            }))
        });
    }

    pub fn remove_approval(&self) {
        self.form.restructure("approval.", |s: &mut Scenario| {
            s.negotiate().approval = None
        });
    }
}

/// Removes item `i` of a list, if there is one (any of the scenario's lists).
pub(super) fn remove<T>(list: &mut Vec<T>, i: usize) {
    if i < list.len() {
        list.remove(i);
    }
}
