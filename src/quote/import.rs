//! Reading a quote file back: its scenario (to recompute) and the totals it claims
//! (to say plainly when a recomputation disagrees: catalog changed, or file edited).
//! Re-pricing it is the engine's: `pricing::recheck`.

use super::document::FORMAT;
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

/// Decodes a quote JSON file: every problem with its path and line:column.
pub fn import(text: &str) -> Result<Imported, Diagnostics> {
    let root = source::parse(text).map_err(Diagnostics::from)?;
    let mut d = Decoder::new();
    d.object(&root).ok_or_else(|| d.diags.clone())?;
    let format = d.req_string(&root, "format");
    if let Some(f) = &format {
        if f != FORMAT {
            let at = root.get("format").unwrap_or(&root);
            d.fail(at, || {
                format!("this is not a hubquote quote file: expected \"{FORMAT}\", found \"{f}\"")
            });
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
        .and_then(|s| scenario::decode::decode_node(&mut d, s));
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
