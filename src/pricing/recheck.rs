//! Re-pricing a quote file read back (`quote::import`): the same scenario on the catalog
//! at hand and the file's date, and every total that no longer matches, so a face can say
//! plainly that the catalog changed or the file was edited.

use super::assembly::amounts_only;
use super::error::QuoteError;
use crate::catalog::Catalog;
use crate::quote::{Audience, Imported};
use crate::source::{self, Diagnostic, Diagnostics};
use rust_decimal::Decimal;

/// A difference between a file's totals and the same scenario recomputed now.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub total: String,
    pub in_file: Decimal,
    pub recomputed: Decimal,
}

/// Re-prices the file's scenario on `catalog` at the file's date and lists every total
/// that differs from the file (empty: the file reproduces exactly).
pub fn recheck(catalog: &Catalog, file: &Imported) -> Result<Vec<Mismatch>, QuoteError> {
    let date = source::parse_date(&file.date).ok_or_else(|| {
        QuoteError::Invalid(Diagnostics::from(Diagnostic::error(
            "date",
            "expected YYYY-MM-DD",
        )))
    })?;
    let q = amounts_only(catalog, &file.scenario, date, Audience::Customer)?;
    let now = serde_json::to_value(&q.totals).unwrap_or_default();
    let recomputed = |name: &str| {
        now.get(name)
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse::<Decimal>().ok())
    };
    Ok(file
        .totals
        .iter()
        .filter_map(|(name, in_file)| match recomputed(name) {
            Some(r) if r == *in_file => None,
            r => Some(Mismatch {
                total: name.clone(),
                in_file: *in_file,
                recomputed: r.unwrap_or(Decimal::ZERO),
            }),
        })
        .collect())
}
