//! Refusals written at their place, `FILE:LINE:COLUMN: error: PATH: message`, as every
//! other error of the command: a quote the tier does not allow at the scenario's fields
//! that conflict with it, a catalog without prices at the catalog.

use super::io::{invalid, Failure};
use crate::catalog::Catalog;
use crate::pricing::QuoteError;
use crate::source::{self, Diagnostic, Diagnostics};

/// The failure for `e`, a quote of the scenario `text` (read from `name`) refused:
/// each conflict at the field it names.
pub fn refusal(name: &str, text: &str, e: &QuoteError) -> Failure {
    let (head, mut diags) = match e {
        QuoteError::Conflicts { tier, conflicts } => (
            format!("{tier} does not allow this scenario:"),
            conflicts
                .iter()
                .map(|c| Diagnostic::error(c.field.clone(), c.message.clone()))
                .collect(),
        ),
        QuoteError::NoTierFits(tiers) => (
            "no tier allows this scenario:".to_string(),
            tiers
                .iter()
                .flat_map(|t| {
                    t.conflicts.iter().map(|c| {
                        Diagnostic::error(c.field.clone(), format!("{}: {}", t.label, c.message))
                    })
                })
                .collect(),
        ),
        QuoteError::Invalid(d) => (String::new(), d.iter().cloned().collect()),
        other => return invalid(format!("{name}: {other}")),
    };
    locate(text, &mut diags);
    let body = diags.render(name);
    invalid(if head.is_empty() {
        body
    } else {
        format!("{name}: {head}\n{body}")
    })
}

/// The failure for quoting with the catalog `c` (the text `text` of `name`), which has
/// no prices: at the catalog, not the scenario.
pub fn not_priced(name: &str, text: &str, c: &Catalog) -> Failure {
    let message = QuoteError::NotPriced(c.name.clone()).to_string();
    let mut diags = Diagnostics::from(Diagnostic::error("", message));
    locate(text, &mut diags);
    invalid(diags.render(name))
}

/// Places each diagnostic at its path in `text` (a document already read once).
fn locate(text: &str, diags: &mut Diagnostics) {
    if let Ok(root) = source::parse(text) {
        root.locate_all(diags);
    }
}
