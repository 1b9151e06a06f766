//! A file of the book: a scenario (`hubquote.scenario/1` or `/2`), or a quote file
//! (`hubquote.quote/1`) whose scenario is re-priced, as `hubquote diff` and the web app
//! read one. It is read under the catalog it is priced with; every error, and every
//! conflict pricing finds later, is at its field and line:column in the file.

use super::problem::Problem;
use crate::catalog::Catalog;
use crate::pricing::{self, Priced, QuoteError};
use crate::quote::{self, Quote};
use crate::scenario::Scenario;
use crate::source::{self, Diagnostic, Diagnostics, Node, Value};

/// A scenario read from a file, checked under a catalog.
#[derive(Debug, Clone)]
pub struct Document {
    pub scenario: Scenario,
    /// A quote file's own date.
    pub date: Option<time::Date>,
    /// The file's tree, to place what pricing refuses.
    root: Node,
    quote_file: bool,
}

/// The date each quote of the book is made on: the one asked for, else a quote file's
/// own (so that it reproduces), else today.
#[derive(Debug, Clone, Copy)]
pub struct Dates {
    pub asked: Option<time::Date>,
    pub today: time::Date,
}

impl Dates {
    pub fn of(&self, doc: &Document) -> time::Date {
        self.asked.or(doc.date).unwrap_or(self.today)
    }
}

/// The amounts of the quote of the file `text` under `catalog`: what every row of the
/// book starts from; the file's first error if it cannot be priced.
pub fn priced(text: &str, catalog: &Catalog, dates: Dates) -> Result<Priced, Problem> {
    let doc = Document::read(text, catalog).map_err(|d| Problem::of(&d))?;
    doc.price(catalog, &doc.scenario, dates)
}

impl Document {
    /// The amounts of the quote of `s` (this document's scenario, or one made from it)
    /// under `catalog`, on this document's date; what refuses it, placed in the file.
    pub fn price(&self, catalog: &Catalog, s: &Scenario, dates: Dates) -> Result<Priced, Problem> {
        pricing::priced(catalog, s, dates.of(self)).map_err(|e| Problem::of(&self.placed(&e)))
    }

    /// The quote of `s` for the customer, as [`Document::price`] prices it; every
    /// problem that refuses it, placed in the file.
    pub fn quote(
        &self,
        catalog: &Catalog,
        s: &Scenario,
        dates: Dates,
    ) -> Result<Quote, Diagnostics> {
        pricing::quote(catalog, s, dates.of(self)).map_err(|e| self.placed(&e))
    }

    /// Reads `text` (a scenario or a quote file) and checks its scenario under `catalog`.
    pub fn read(text: &str, catalog: &Catalog) -> Result<Document, Diagnostics> {
        let root = source::parse(text).map_err(Diagnostics::from)?;
        if !is_quote_file(&root) {
            let scenario = Scenario::load_node(&root, catalog)?;
            return Ok(Document {
                scenario,
                date: None,
                root,
                quote_file: false,
            });
        }
        let file = quote::import(text)?;
        let doc = Document {
            date: source::parse_date(&file.date),
            scenario: file.scenario,
            root,
            quote_file: true,
        };
        let invalid = doc.scenario.validate(catalog);
        if invalid.has_errors() {
            return Err(doc.placed(&QuoteError::Invalid(invalid)));
        }
        Ok(doc)
    }

    /// Why a quote of this document could not be made, each problem at its field in the
    /// file (a conflict names the tier that does not allow it).
    pub fn placed(&self, e: &QuoteError) -> Diagnostics {
        let mut d = match (e, e.refusal()) {
            (_, Some(r)) => r.diagnostics_alone(),
            (QuoteError::Invalid(d), None) => d.clone(),
            (other, None) => Diagnostics::from(Diagnostic::error("", other.to_string())),
        };
        let (scenario, prefix) = if self.quote_file {
            (self.root.get("scenario"), "scenario")
        } else {
            (Some(&self.root), "")
        };
        if let Some(node) = scenario {
            node.locate_all(&mut d);
        }
        if !prefix.is_empty() {
            for e in &mut d {
                e.path = match e.path.as_str() {
                    "" => prefix.to_string(),
                    path => format!("{prefix}.{path}"),
                };
            }
        }
        d
    }
}

/// Whether a document says it is a quote file (its `format` is the quote's).
fn is_quote_file(root: &Node) -> bool {
    matches!(root.get("format").map(|f| &f.value), Some(Value::String(s)) if s == quote::FORMAT)
}
