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
    let (head, mut diags) = match (e, e.refusal()) {
        (_, Some(r)) => (r.head(), r.diagnostics()),
        (QuoteError::Invalid(d), None) => (String::new(), d.clone()),
        (other, None) => return invalid(format!("{name}: {other}")),
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
