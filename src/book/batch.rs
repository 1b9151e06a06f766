//! A batch: one row per file, in input order — the quote's number, tier, status and
//! totals, or the file's first error at its line:column. Priced without the quote's
//! sentences (`crate::pricing::priced`): a batch needs the amounts only.

use super::document::{priced, Dates};
use super::problem::Problem;
use crate::catalog::Catalog;
use crate::pricing::Priced;
use crate::quote::{Status, Totals};
use serde::Serialize;

/// One file of a batch: its quote, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Row {
    /// The file as it was named.
    pub path: String,
    /// `ok`: the file is priced; `error`: it could not be.
    pub status: RowStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quoted>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Problem>,
}

/// Whether a file of a batch was priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Ok,
    Error,
}

/// The head of a file's quote: what `hubquote quote` would print for it, less the lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Quoted {
    pub number: String,
    pub date: String,
    pub tier: String,
    pub tier_label: String,
    /// `draft` when it needs approval and has none.
    pub status: Status,
    pub totals: Totals,
}

impl Row {
    /// The row of the file `path`, whose text is `text`, priced under `catalog`.
    pub fn of(path: &str, text: &str, catalog: &Catalog, dates: Dates) -> Row {
        match priced(text, catalog, dates) {
            Ok(p) => Row::priced(path, p),
            Err(e) => Row::failed(path, e),
        }
    }

    pub fn priced(path: &str, p: Priced) -> Row {
        Row {
            path: path.to_string(),
            status: RowStatus::Ok,
            quote: Some(Quoted {
                number: p.number,
                date: p.date,
                tier: p.tier,
                tier_label: p.tier_label,
                status: p.status,
                totals: p.totals,
            }),
            error: None,
        }
    }

    /// The row of a file that could not be priced (or read).
    pub fn failed(path: &str, e: Problem) -> Row {
        Row {
            path: path.to_string(),
            status: RowStatus::Error,
            quote: None,
            error: Some(e),
        }
    }

    /// The row as one line of JSON (JSON Lines), amounts as decimal strings.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
