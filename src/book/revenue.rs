//! Revenue by kind: each kind's amount per year (the recurring lines) and one-off, the
//! organisation's revenue (every kind but cloud), the cloud passed through, and their
//! total — each an exact sum of the lines added, in the order they were added.

use super::kind::Kind;
use crate::keyed::Keyed;
use crate::money::{self, Overflow};
use crate::quote::Line;
use rust_decimal::Decimal;
use serde::Serialize;

/// An amount per year (recurring) and one-off.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Split {
    /// The recurring lines' first-year amounts: what each year of the term brings.
    pub per_year: Decimal,
    pub one_off: Decimal,
}

/// The lines of one quote or many, summed by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Revenue {
    /// Every kind, keyed by `Kind::key`, in `Kind::ALL` order.
    pub kinds: Keyed<Split>,
    /// The organisation's revenue: every kind but cloud.
    pub revenue: Split,
    /// Cloud passed through at cost (invoiced or paid to the provider): not revenue.
    pub cloud: Split,
    /// Everything the quotes cost: revenue and cloud.
    pub total: Split,
}

impl Split {
    pub const ZERO: Split = Split {
        per_year: Decimal::from_parts(0, 0, 0, false, 2),
        one_off: Decimal::from_parts(0, 0, 0, false, 2),
    };

    fn add(&mut self, l: &Line) -> Result<(), Overflow> {
        let slot = if l.is_recurring() {
            &mut self.per_year
        } else {
            &mut self.one_off
        };
        *slot = money::add(*slot, l.first_year)?;
        Ok(())
    }
}

impl Default for Revenue {
    fn default() -> Self {
        Revenue {
            kinds: Keyed(
                Kind::ALL
                    .iter()
                    .map(|k| (k.key().to_string(), Split::ZERO))
                    .collect(),
            ),
            revenue: Split::ZERO,
            cloud: Split::ZERO,
            total: Split::ZERO,
        }
    }
}

impl Revenue {
    /// Revenue of the lines (of one quote).
    pub fn of(lines: &[Line]) -> Result<Revenue, Overflow> {
        let mut r = Revenue::default();
        r.add(lines)?;
        Ok(r)
    }

    /// Adds every line to its kind, and to the revenue or the cloud, and to the total.
    pub fn add(&mut self, lines: &[Line]) -> Result<(), Overflow> {
        for l in lines {
            let kind = Kind::of(l);
            if let Some((_, split)) = self.kinds.0.get_mut(kind as usize) {
                split.add(l)?;
            }
            let part = if kind.is_revenue() {
                &mut self.revenue
            } else {
                &mut self.cloud
            };
            part.add(l)?;
            self.total.add(l)?;
        }
        Ok(())
    }

    /// Adds the sums of another revenue, kind by kind.
    pub fn merge(&mut self, other: &Revenue) -> Result<(), Overflow> {
        self.combine(other, money::add)
    }

    /// This revenue less `before`, kind by kind: what changed.
    pub fn minus(&self, before: &Revenue) -> Result<Revenue, Overflow> {
        let mut out = self.clone();
        out.combine(before, money::sub)?;
        Ok(out)
    }

    fn combine(
        &mut self,
        other: &Revenue,
        op: fn(Decimal, Decimal) -> Result<Decimal, Overflow>,
    ) -> Result<(), Overflow> {
        let mine = self.kinds.0.iter_mut().map(|(_, s)| s);
        let mine = mine.chain([&mut self.revenue, &mut self.cloud, &mut self.total]);
        let theirs = other.kinds.0.iter().map(|(_, s)| s);
        let theirs = theirs.chain([&other.revenue, &other.cloud, &other.total]);
        for (a, b) in mine.zip(theirs) {
            a.per_year = op(a.per_year, b.per_year)?;
            a.one_off = op(a.one_off, b.one_off)?;
        }
        Ok(())
    }

    /// The amounts of one kind.
    pub fn kind(&self, kind: Kind) -> Split {
        self.kinds
            .0
            .get(kind as usize)
            .map_or(Split::ZERO, |(_, s)| *s)
    }
}

/// A row of a revenue table, as every face lists them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RevenueRow {
    /// `membership` … `cloud_paid_to_provider`, `revenue`, `cloud`, `total`.
    pub key: &'static str,
    pub label: &'static str,
    pub amounts: Split,
    /// A sum of the rows above it.
    pub sum: bool,
}

impl Revenue {
    /// The rows: each kind of revenue, the revenue, each kind of cloud, the cloud, the total.
    pub fn rows(&self) -> Vec<RevenueRow> {
        let row = |key, label, amounts, sum| RevenueRow {
            key,
            label,
            amounts,
            sum,
        };
        let kind = |k: Kind| row(k.key(), k.label(), self.kind(k), false);
        let mut out: Vec<RevenueRow> = Kind::ALL
            .into_iter()
            .filter(|k| k.is_revenue())
            .map(kind)
            .collect();
        out.push(row("revenue", REVENUE, self.revenue, true));
        out.extend(Kind::ALL.into_iter().filter(|k| !k.is_revenue()).map(kind));
        out.push(row("cloud", CLOUD, self.cloud, true));
        out.push(row("total", TOTAL, self.total, true));
        out
    }
}

/// The label of the organisation's revenue.
pub const REVENUE: &str = "Revenue (the organisation's income)";
/// The label of the cloud passed through.
pub const CLOUD: &str = "Cloud passed through at cost (not revenue)";
/// The label of the total.
pub const TOTAL: &str = "Total, revenue and cloud";
