//! Reading a quote file back: its scenario (to recompute) and the totals it claims
//! (to say plainly when a recomputation disagrees: catalog changed, or file edited).

use super::FORMAT;
use crate::catalog::Catalog;
use crate::pricing::{self, QuoteError};
use crate::scenario::{self, Scenario};
use crate::source::{self, Decoder, Diagnostic, Diagnostics};
use rust_decimal::Decimal;

/// What a quote file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub scenario: Scenario,
    pub number: String,
    pub date: String,
    pub catalog_sha256: String,
    /// (name, amount) of every total in the file, in file order.
    pub totals: Vec<(String, Decimal)>,
}

/// A difference between a file's totals and the same scenario recomputed now.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub total: String,
    pub in_file: Decimal,
    pub recomputed: Decimal,
}

/// Decodes a quote JSON file: every problem with its path and line:column.
pub fn import(text: &str) -> Result<Imported, Diagnostics> {
    let root = source::parse(text).map_err(Diagnostics::from)?;
    let mut d = Decoder::new();
    d.object(&root).ok_or_else(|| d.diags.clone())?;
    let format = d.req_string(&root, "format");
    if let Some(f) = &format {
        if f != FORMAT {
            let at = root.get("format").unwrap_or(&root);
            d.push(at.error(format!(
                "this is not a hubquote quote file: expected \"{FORMAT}\", found \"{f}\""
            )));
        }
    }
    let number = d.req_string(&root, "number");
    let date = d.req_string(&root, "date");
    let sha = d
        .required(&root, "catalog")
        .and_then(|c| d.req_string(c, "sha256"));
    let totals = d.required(&root, "totals").and_then(|t| {
        let props = d.object(t)?;
        let mut out = Vec::with_capacity(props.len());
        for (k, v) in props {
            if k == "term_years" {
                continue;
            }
            out.push((k.clone(), d.decimal(v)?));
        }
        Some(out)
    });
    let s = d
        .required(&root, "scenario")
        .and_then(|s| scenario::decode_node(&mut d, s));
    if d.diags.has_errors() {
        return Err(d.diags);
    }
    match (s, number, date, sha, totals) {
        (Some(scenario), Some(number), Some(date), Some(catalog_sha256), Some(totals)) => {
            Ok(Imported {
                scenario,
                number,
                date,
                catalog_sha256,
                totals,
            })
        }
        _ => Err(Diagnostics::from(Diagnostic::error(
            "",
            "the quote file is incomplete",
        ))),
    }
}

impl Imported {
    /// Re-prices the scenario on `catalog` at the file's date and lists every total that
    /// differs from the file (empty: the file reproduces exactly).
    pub fn recheck(&self, catalog: &Catalog) -> Result<Vec<Mismatch>, QuoteError> {
        let date = source::parse_date(&self.date).ok_or_else(|| {
            QuoteError::Invalid(Diagnostics::from(Diagnostic::error(
                "date",
                "expected YYYY-MM-DD",
            )))
        })?;
        let q = pricing::quote(catalog, &self.scenario, date)?;
        let now = serde_json::to_value(&q.totals).unwrap_or_default();
        let mut out = Vec::new();
        for (name, in_file) in &self.totals {
            let recomputed = now
                .get(name)
                .and_then(|v| v.as_str())
                .and_then(|s| s.parse::<Decimal>().ok());
            match recomputed {
                Some(r) if r == *in_file => {}
                Some(r) => out.push(Mismatch {
                    total: name.clone(),
                    in_file: *in_file,
                    recomputed: r,
                }),
                None => out.push(Mismatch {
                    total: name.clone(),
                    in_file: *in_file,
                    recomputed: Decimal::ZERO,
                }),
            }
        }
        Ok(out)
    }
}
