//! The files under the catalogs, as `hubquote batch`, `summary` and `impact` price them
//! (the engine's `crate::book`, called the same way): a row per file and the revenue by
//! kind under the loaded catalog, and every file under the old catalog and the loaded one.

use super::files::File;
use crate::book::{self, Dates, Impact, Row, Summary};
use crate::catalog::Catalog;

/// What the files say.
#[derive(PartialEq)]
pub struct Priced {
    /// One per file, in order: its quote under the loaded catalog, or why there is none.
    pub rows: Vec<Row>,
    /// Revenue by kind under the loaded catalog; why not (a catalog without prices).
    pub summary: Result<Summary, String>,
    /// From the old catalog to the loaded one; why not (different currencies…).
    pub impact: Result<Impact, String>,
}

/// The files priced with `to` (the loaded catalog) and compared from `from`, each on its
/// own date if it is a quote file, else on `today`.
pub fn price(files: &[File], to: &Catalog, from: &Catalog, today: time::Date) -> Priced {
    let dates = Dates { asked: None, today };
    let priced: Vec<_> = files
        .iter()
        .map(|f| match &f.text {
            Ok(t) => book::priced(t, to, dates),
            Err(e) => Err(e.clone()),
        })
        .collect();
    let named = files.iter().zip(&priced);
    let summary = Summary::of(
        to,
        named.map(|(f, p)| (&f.name, p.as_ref().map_err(Clone::clone))),
    );
    let texts = files
        .iter()
        .map(|f| (&f.name, f.text.as_deref().map_err(Clone::clone)));
    let impact = Impact::of((from, to), dates, texts);
    let rows = files
        .iter()
        .zip(priced)
        .map(|(f, p)| match p {
            Ok(p) => Row::priced(&f.name, p),
            Err(e) => Row::failed(&f.name, e),
        })
        .collect();
    Priced {
        rows,
        summary,
        impact,
    }
}
