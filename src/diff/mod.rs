//! Two quotes compared, A (the baseline) against B (the current one): what changed in the
//! inputs, in words (`inputs.rs`, from the one table of scenario fields), every headline
//! total with its delta in money and %, and every line changed, added or removed (lines
//! matched by id). A pure function over two quotes; the faces print it
//! (`export::diff_text`, `export::diff_markdown`, JSON as is).

mod inputs;

use crate::money::{self, Currency, Overflow};
use crate::quote::{labels, Line, Quote, Status, Totals};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

/// The format tag of diff JSON.
pub const FORMAT: &str = "hubquote.diff/1";

/// B against A.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct QuoteDiff {
    pub format: String,
    /// B's currency, which every amount is in.
    pub currency: Currency,
    pub a: Side,
    pub b: Side,
    /// What changed in the scenario, in words.
    pub inputs: Vec<InputChange>,
    /// Every headline total, changed or not, with its delta B − A.
    pub totals: Vec<TotalChange>,
    /// The lines changed, added or removed; unchanged lines are left out.
    pub lines: Vec<LineChange>,
}

/// One of the two quotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Side {
    pub number: String,
    pub date: String,
    pub tier: String,
    pub tier_label: String,
    pub status: Status,
}

/// How something differs: Infracost's `~`, `+` and `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Changed,
    Added,
    Removed,
}

impl Change {
    /// Its word in the JSON: `changed`, `added`, `removed`.
    pub fn key(self) -> &'static str {
        match self {
            Change::Changed => "changed",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }

    /// `~`, `+` or `-`.
    pub fn symbol(self) -> &'static str {
        match self {
            Change::Changed => "~",
            Change::Added => "+",
            Change::Removed => "-",
        }
    }
}

/// A scenario field that differs: `Monthly active users, STAT 101: 50 → 80`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct InputChange {
    pub change: Change,
    /// The field's path in B (in A for what was removed).
    pub path: String,
    /// The field in words, with the hub or list element it belongs to.
    pub label: String,
    /// A's value (none for what was added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// B's value (none for what was removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// A headline total on both sides.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TotalChange {
    /// The total's name in the quote's `totals`.
    pub key: String,
    pub label: String,
    pub from: Decimal,
    pub to: Decimal,
    /// `to − from`.
    pub delta: Decimal,
    /// `delta ÷ from × 100`, to 2 decimals; none when `from` is 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Decimal>,
}

/// A line changed, added or removed, by its first-year amount.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct LineChange {
    pub change: Change,
    pub id: String,
    /// B's label (A's for a removed line).
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hub: Option<String>,
    /// A's first-year amount (0.00 for an added line).
    pub from: Decimal,
    /// B's first-year amount (0.00 for a removed line).
    pub to: Decimal,
    pub delta: Decimal,
}

/// A headline total: its key in `totals`, its label (for a term of so many years), its value.
type Headline = (&'static str, fn(u32) -> String, fn(&Totals) -> Decimal);

/// The totals a diff compares, in the order the faces print them.
const HEADLINE: [Headline; 8] = [
    (
        "first_year_total_cost",
        |_| labels::FIRST_YEAR_TOTAL_COST.into(),
        |t| t.first_year_total_cost,
    ),
    (
        "first_year_invoice",
        |_| labels::FIRST_YEAR_INVOICE.into(),
        |t| t.first_year_invoice,
    ),
    (
        "average_month",
        |_| labels::AVERAGE_MONTH.into(),
        |t| t.average_month,
    ),
    (
        "monthly_fees",
        |_| labels::FEES_PER_ACTIVE_MONTH.into(),
        |t| t.monthly_fees,
    ),
    (
        "monthly_cloud",
        |_| labels::CLOUD_PER_ACTIVE_MONTH.into(),
        |t| t.monthly_cloud,
    ),
    (
        "annual_total",
        |_| labels::PER_YEAR.into(),
        |t| t.annual_total,
    ),
    ("one_off", |_| labels::ONE_OFF.into(), |t| t.one_off),
    ("term_total", labels::whole_term, |t| t.term_total),
];

/// B against A. Fails only as exact arithmetic can, far outside any valid quote.
pub fn diff(a: &Quote, b: &Quote) -> Result<QuoteDiff, Overflow> {
    Ok(QuoteDiff {
        format: FORMAT.into(),
        currency: b.currency.clone(),
        a: side(a),
        b: side(b),
        inputs: inputs::changes(&a.scenario, &b.scenario),
        totals: totals(&a.totals, &b.totals)?,
        lines: lines(&a.lines, &b.lines)?,
    })
}

fn side(q: &Quote) -> Side {
    Side {
        number: q.number.clone(),
        date: q.date.clone(),
        tier: q.tier.name.clone(),
        tier_label: q.tier.label.clone(),
        status: q.status,
    }
}

fn totals(a: &Totals, b: &Totals) -> Result<Vec<TotalChange>, Overflow> {
    let mut out = Vec::with_capacity(HEADLINE.len());
    for (key, label, value) in HEADLINE {
        out.push(TotalChange::new(
            key,
            label(b.term_years),
            value(a),
            value(b),
        )?);
    }
    Ok(out)
}

impl TotalChange {
    /// The total `key` (named `label`) from `from` to `to`: its delta and percent.
    pub fn new(key: &str, label: String, from: Decimal, to: Decimal) -> Result<Self, Overflow> {
        let delta = money::sub(to, from)?;
        let percent = if from.is_zero() {
            None
        } else {
            Some(money::round2(money::div(
                money::mul(delta, Decimal::ONE_HUNDRED)?,
                from,
            )?))
        };
        Ok(TotalChange {
            key: key.into(),
            label,
            from,
            to,
            delta,
            percent,
        })
    }
}

/// Lines matched by id: B's in B's order (changed or added), then A's that B lacks.
pub fn lines(a: &[Line], b: &[Line]) -> Result<Vec<LineChange>, Overflow> {
    let in_a: HashMap<&str, &Line> = a.iter().map(|l| (l.id.as_str(), l)).collect();
    let in_b: HashMap<&str, &Line> = b.iter().map(|l| (l.id.as_str(), l)).collect();
    let zero = Decimal::new(0, 2);
    let mut out = Vec::new();
    for l in b {
        let (change, from) = match in_a.get(l.id.as_str()) {
            Some(old) if old.first_year == l.first_year => continue,
            Some(old) => (Change::Changed, old.first_year),
            None => (Change::Added, zero),
        };
        out.push(line_change(change, l, from, l.first_year)?);
    }
    for l in a.iter().filter(|l| !in_b.contains_key(l.id.as_str())) {
        out.push(line_change(Change::Removed, l, l.first_year, zero)?);
    }
    Ok(out)
}

fn line_change(
    change: Change,
    l: &Line,
    from: Decimal,
    to: Decimal,
) -> Result<LineChange, Overflow> {
    Ok(LineChange {
        change,
        id: l.id.clone(),
        label: l.label.clone(),
        hub: l.hub.clone(),
        from,
        to,
        delta: money::sub(to, from)?,
    })
}

impl QuoteDiff {
    /// Nothing differs: no input, no line, and every total's delta is zero.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
            && self.lines.is_empty()
            && self.totals.iter().all(|t| t.delta.is_zero())
    }

    /// Pretty JSON with amounts as decimal strings.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
