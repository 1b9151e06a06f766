//! Revenue by kind for a set of quotes: per tier of the catalog (in its order, with how
//! many quotes each has) and in total, and the files that could not be priced.

use super::problem::Problem;
use super::revenue::Revenue;
use crate::catalog::Catalog;
use crate::money::{Currency, Overflow};
use crate::pricing::{Priced, QuoteError};
use serde::Serialize;
use std::borrow::Borrow;

/// The format tag of summary JSON.
pub const SUMMARY_FORMAT: &str = "hubquote.summary/1";

/// Revenue by kind, per tier and in total.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Summary {
    pub format: String,
    /// The catalog the quotes are priced with: its name and version.
    pub catalog: String,
    pub currency: Currency,
    /// Every tier of the catalog, in its order (a tier without quotes has zeros).
    pub tiers: Vec<TierRevenue>,
    /// All tiers together.
    pub all: TierRevenue,
    /// The files that could not be priced, in input order: none of their lines is counted.
    pub errors: Vec<FileProblem>,
}

/// The quotes of one tier (or of all), and their revenue by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TierRevenue {
    /// The tier's name; empty for all tiers together.
    pub tier: String,
    pub label: String,
    pub quotes: u32,
    pub revenue: Revenue,
}

/// A file that could not be priced, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct FileProblem {
    pub path: String,
    pub error: Problem,
}

/// The label of all tiers together.
pub const ALL_TIERS: &str = "All tiers";

impl TierRevenue {
    fn new(tier: &str, label: &str) -> TierRevenue {
        TierRevenue {
            tier: tier.to_string(),
            label: label.to_string(),
            quotes: 0,
            revenue: Revenue::default(),
        }
    }

    fn add(&mut self, revenue: &Revenue) -> Result<(), Overflow> {
        self.quotes = self.quotes.checked_add(1).ok_or(Overflow)?;
        self.revenue.merge(revenue)
    }
}

impl Summary {
    /// An empty summary of quotes priced with `catalog` (which must have prices).
    pub fn new(catalog: &Catalog) -> Result<Summary, QuoteError> {
        let p = catalog
            .pricing
            .as_ref()
            .ok_or_else(|| QuoteError::NotPriced(catalog.name.clone()))?;
        Ok(Summary {
            format: SUMMARY_FORMAT.into(),
            catalog: format!("{} {}", catalog.name, catalog.version),
            currency: p.currency.clone(),
            tiers: p
                .tiers
                .keys()
                .map(|t| TierRevenue::new(t, p.tier_label(t)))
                .collect(),
            all: TierRevenue::new("", ALL_TIERS),
            errors: Vec::new(),
        })
    }

    /// The summary of `files` priced with `catalog`: each its name and its quote, or why
    /// it has none (a failed file is recorded, never dropped). Why there is none, in
    /// words: `catalog` has no prices, or a sum overflows at the file named — the files
    /// after it are not read, as no summary can be shown with a number that is wrong.
    pub fn of<N, P>(
        catalog: &Catalog,
        files: impl IntoIterator<Item = (N, Result<P, Problem>)>,
    ) -> Result<Summary, String>
    where
        N: AsRef<str>,
        P: Borrow<Priced>,
    {
        let mut s = Summary::new(catalog).map_err(|e| e.to_string())?;
        for (name, priced) in files {
            let name = name.as_ref();
            match priced {
                Ok(p) => s.add(p.borrow()).map_err(|e| format!("{name}: {e}"))?,
                Err(e) => s.fail(name, e),
            }
        }
        Ok(s)
    }

    /// Counts a quote: its lines by kind, in its tier and in all.
    pub fn add(&mut self, q: &Priced) -> Result<(), Overflow> {
        let revenue = Revenue::of(&q.lines)?;
        if let Some(t) = self.tiers.iter_mut().find(|t| t.tier == q.tier) {
            t.add(&revenue)?;
        }
        self.all.add(&revenue)
    }

    /// Records a file that could not be priced.
    pub fn fail(&mut self, path: &str, error: Problem) {
        self.errors.push(FileProblem {
            path: path.to_string(),
            error,
        });
    }

    /// Pretty JSON with amounts as decimal strings.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
