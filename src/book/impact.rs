//! What a catalog change does to every member: each file quoted under the old catalog
//! and the new one (whole quotes: their lines are matched by id), side by side — its
//! tier under each (a tier the new catalog retired is read as its successor), the first-year and per-year totals and their change, the lines
//! that changed, and what the new catalog refuses — and, over them all, how many go up,
//! down or stay, and the yearly revenue by kind under each catalog.

use super::document::{Dates, Document};
use super::problem::Problem;
use super::revenue::Revenue;
use crate::catalog::price_list::PriceList;
use crate::catalog::Catalog;
use crate::diff::{self, LineChange, TotalChange};
use crate::money::{Currency, Overflow};
use crate::pricing::QuoteError;
use crate::quote::{labels, Conflict, Quote, Status};
use crate::scenario::Scenario;
use crate::source::{Diagnostic, Diagnostics};
use serde::Serialize;

/// The format tag of impact JSON.
pub const IMPACT_FORMAT: &str = "hubquote.impact/1";

/// Every file under both catalogs, and the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Impact {
    pub format: String,
    /// The old catalog's name and version.
    pub from: String,
    /// The new catalog's name and version.
    pub to: String,
    /// Both catalogs'.
    pub currency: Currency,
    /// One per file, in input order.
    pub rows: Vec<ImpactRow>,
    pub summary: ImpactSummary,
}

/// One file under both catalogs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ImpactRow {
    pub path: String,
    pub status: ImpactStatus,
    /// Its quote under the old catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Side>,
    /// Its quote under the new catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Side>,
    /// The first-year total cost and the per-year total, new − old.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub totals: Vec<TotalChange>,
    /// By the first-year total cost, to the cent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// How the new catalog reads the scenario: a retired tier's successor, a negotiated
    /// fee carried over to it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The lines changed, added or removed, by their first-year amounts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<LineChange>,
    /// Why the new catalog cannot quote it (`refused`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Why it could not be read or priced under the old catalog (`error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Problem>,
}

/// How a file fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImpactStatus {
    /// Priced under both catalogs.
    Priced,
    /// Priced under the old catalog; the new one does not allow it.
    Refused,
    /// Not readable, or not priced under the old catalog.
    Error,
}

/// Which way a member's first-year total cost moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Same,
}

/// A file's quote under one catalog.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Side {
    pub tier: String,
    pub tier_label: String,
    pub status: Status,
    pub first_year_total_cost: rust_decimal::Decimal,
    /// The recurring total of each year (`totals.annual_total`).
    pub per_year: rust_decimal::Decimal,
}

/// Over every file: how many go up, down or stay, and the revenue of those priced under
/// both catalogs (refused and bad files are counted apart, in neither revenue).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ImpactSummary {
    pub up: u32,
    pub down: u32,
    pub same: u32,
    pub refused: u32,
    pub errors: u32,
    pub from: Revenue,
    pub to: Revenue,
    /// `to` − `from`, kind by kind.
    pub change: Revenue,
}

impl Impact {
    /// An empty impact of moving from the catalog `from` to `to` (both priced, in one
    /// currency); why not, in words.
    pub fn new(from: &Catalog, to: &Catalog) -> Result<Impact, String> {
        let (old, new) = (prices(from)?, prices(to)?);
        if old.currency != new.currency {
            return Err(format!(
                "the catalogs price in different currencies ({} and {}): their quotes cannot be compared",
                old.currency.code, new.currency.code
            ));
        }
        Ok(Impact {
            format: IMPACT_FORMAT.into(),
            from: format!("{} {}", from.name, from.version),
            to: format!("{} {}", to.name, to.version),
            currency: new.currency.clone(),
            rows: Vec::new(),
            summary: ImpactSummary {
                up: 0,
                down: 0,
                same: 0,
                refused: 0,
                errors: 0,
                from: Revenue::default(),
                to: Revenue::default(),
                change: Revenue::default(),
            },
        })
    }

    /// The impact on `files` of moving from `from` to `to`: each its name and its text, or
    /// why it could not be read (an error row, counted). Why there is none, in words: as
    /// [`Impact::new`], or a count or sum overflows at the file named — the files after it
    /// are not read, as no impact can be shown with a number that is wrong.
    pub fn of<N, T>(
        (from, to): (&Catalog, &Catalog),
        dates: Dates,
        files: impl IntoIterator<Item = (N, Result<T, Problem>)>,
    ) -> Result<Impact, String>
    where
        N: AsRef<str>,
        T: AsRef<str>,
    {
        let mut i = Impact::new(from, to)?;
        for (name, text) in files {
            let name = name.as_ref();
            match text {
                Ok(text) => i.add(name, text.as_ref(), (from, to), dates),
                Err(e) => i.fail(name, e),
            }
            .map_err(|e| format!("{name}: {e}"))?;
        }
        Ok(i)
    }

    /// Prices the file `path` (text `text`) under both catalogs, adds its row and counts
    /// it. Fails only as exact arithmetic can, far outside any valid quote.
    pub fn add(
        &mut self,
        path: &str,
        text: &str,
        (from, to): (&Catalog, &Catalog),
        dates: Dates,
    ) -> Result<(), Overflow> {
        let row = match compare(text, from, to, dates) {
            Ok(Compared {
                before,
                notes,
                after: Ok(after),
            }) => {
                self.count(&before, &after)?;
                ImpactRow::both(path, &before, &after, notes)?
            }
            Ok(Compared {
                before,
                notes,
                after: Err(conflicts),
            }) => {
                bump(&mut self.summary.refused)?;
                ImpactRow {
                    from: Some(Side::of(&before)),
                    notes,
                    conflicts,
                    ..ImpactRow::new(path, ImpactStatus::Refused)
                }
            }
            Err(e) => return self.fail(path, e),
        };
        if let Some(d) = row.direction {
            let n = match d {
                Direction::Up => &mut self.summary.up,
                Direction::Down => &mut self.summary.down,
                Direction::Same => &mut self.summary.same,
            };
            bump(n)?;
        }
        self.rows.push(row);
        Ok(())
    }

    /// Records a file that could not be read or priced under the old catalog: an error
    /// row, counted among the errors.
    pub fn fail(&mut self, path: &str, error: Problem) -> Result<(), Overflow> {
        bump(&mut self.summary.errors)?;
        self.rows.push(ImpactRow {
            error: Some(error),
            ..ImpactRow::new(path, ImpactStatus::Error)
        });
        Ok(())
    }

    fn count(&mut self, before: &Quote, after: &Quote) -> Result<(), Overflow> {
        let s = &mut self.summary;
        s.from.add(&before.lines)?;
        s.to.add(&after.lines)?;
        s.change = s.to.minus(&s.from)?;
        Ok(())
    }

    /// Pretty JSON with amounts as decimal strings.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// One more file counted, as [`super::TierRevenue`] counts its quotes: checked.
fn bump(n: &mut u32) -> Result<(), Overflow> {
    *n = n.checked_add(1).ok_or(Overflow)?;
    Ok(())
}

fn prices(c: &Catalog) -> Result<&PriceList, String> {
    c.pricing
        .as_ref()
        .ok_or_else(|| QuoteError::NotPriced(c.name.clone()).to_string())
}

/// A file under both catalogs: its quote under the old one, how the new one reads it,
/// and its quote under the new one or what the new one refuses.
struct Compared {
    before: Quote,
    notes: Vec<String>,
    after: Result<Quote, Vec<Conflict>>,
}

fn compare(text: &str, from: &Catalog, to: &Catalog, dates: Dates) -> Result<Compared, Problem> {
    let doc = Document::read(text, from).map_err(|d| Problem::of(&d))?;
    let before = doc
        .quote(from, &doc.scenario, dates)
        .map_err(|d| Problem::of(&d))?;
    let (old, new) = (prices(from), prices(to));
    let (old, new) = (old.map_err(Problem::whole)?, new.map_err(Problem::whole)?);
    let (moved, notes) = moved(&doc, old, new).map_err(|why| {
        let e = QuoteError::Invalid(Diagnostics::from(Diagnostic::error("tier", why)));
        Problem::of(&doc.placed(&e))
    })?;
    let after = match crate::pricing::quote(to, &moved, dates.of(&doc)) {
        Ok(after) => Ok(after),
        Err(e) => Err(conflicts(e).map_err(|e| Problem::of(&doc.placed(&e)))?),
    };
    Ok(Compared {
        before,
        notes,
        after,
    })
}

/// The document's scenario as the new catalog reads it: every tier it names (its own,
/// and that of a negotiated membership fee) kept when the new catalog sells it, else the
/// successor the new catalog names for it; and what that says, in words. A tier the new
/// catalog neither sells nor retires is an error (of the scenario's `tier`).
fn moved(
    doc: &Document,
    old: &PriceList,
    new: &PriceList,
) -> Result<(Scenario, Vec<String>), String> {
    let s = &doc.scenario;
    let Some(tier) = new.tier_for(&s.tier) else {
        return Err(format!(
            "the new catalog neither sells {} nor names its successor (pricing.retired_tiers)",
            old.tier_label(&s.tier)
        ));
    };
    let mut m = s.clone();
    let mut notes = Vec::new();
    if tier != s.tier {
        notes.push(retired_note(old, new, &s.tier, tier));
        m.tier = tier.to_string();
    }
    for o in &mut m.negotiated.overrides {
        let Some(named) = o.tier.as_deref() else {
            continue;
        };
        if let Some(next) = new.tier_for(named).filter(|n| *n != named) {
            notes.push(format!(
                "The membership fee negotiated for {} is carried over to {}.",
                old.tier_label(named),
                new.tier_label(next)
            ));
            o.tier = Some(next.to_string());
        }
    }
    Ok((m, notes))
}

/// `Advanced is retired (renamed General Membership): priced on General Membership.`
fn retired_note(old: &PriceList, new: &PriceList, retired: &str, successor: &str) -> String {
    let why = new
        .retired_tiers
        .get(retired)
        .map(|r| r.note.as_str())
        .filter(|n| !n.is_empty())
        .map_or_else(String::new, |n| format!(" ({n})"));
    format!(
        "{} is retired{why}: priced on {}.",
        old.tier_label(retired),
        new.tier_label(successor)
    )
}

/// What the new catalog refuses, as conflicts at their fields; an error that is no
/// refusal (an overflow, a catalog without prices) is returned as it is.
fn conflicts(e: QuoteError) -> Result<Vec<Conflict>, QuoteError> {
    if let Some(r) = e.refusal() {
        return Ok(r.conflicts);
    }
    match e {
        QuoteError::Invalid(d) => Ok(d
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| Conflict {
                field: d.path,
                message: d.message,
                allowed_in: Vec::new(),
            })
            .collect()),
        other => Err(other),
    }
}

impl ImpactRow {
    fn new(path: &str, status: ImpactStatus) -> ImpactRow {
        ImpactRow {
            path: path.to_string(),
            status,
            from: None,
            to: None,
            totals: Vec::new(),
            direction: None,
            notes: Vec::new(),
            lines: Vec::new(),
            conflicts: Vec::new(),
            error: None,
        }
    }

    fn both(
        path: &str,
        before: &Quote,
        after: &Quote,
        notes: Vec<String>,
    ) -> Result<ImpactRow, Overflow> {
        let (a, b) = (&before.totals, &after.totals);
        let first_year = TotalChange::new(
            "first_year_total_cost",
            labels::FIRST_YEAR_TOTAL_COST.into(),
            a.first_year_total_cost,
            b.first_year_total_cost,
        )?;
        let per_year = TotalChange::new(
            "annual_total",
            labels::PER_YEAR.into(),
            a.annual_total,
            b.annual_total,
        )?;
        let direction = match first_year.delta.cmp(&rust_decimal::Decimal::ZERO) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Less => Direction::Down,
            std::cmp::Ordering::Equal => Direction::Same,
        };
        Ok(ImpactRow {
            from: Some(Side::of(before)),
            to: Some(Side::of(after)),
            totals: vec![first_year, per_year],
            direction: Some(direction),
            notes,
            lines: diff::lines(&before.lines, &after.lines)?,
            ..ImpactRow::new(path, ImpactStatus::Priced)
        })
    }
}

impl Side {
    fn of(q: &Quote) -> Side {
        Side {
            tier: q.tier.name.clone(),
            tier_label: q.tier.label.clone(),
            status: q.status,
            first_year_total_cost: q.totals.first_year_total_cost,
            per_year: q.totals.annual_total,
        }
    }
}
