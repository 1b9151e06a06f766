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
    let mut summary = Summary::new(to).map_err(|e| e.to_string());
    let mut rows = Vec::with_capacity(files.len());
    for f in files {
        let priced = match &f.text {
            Ok(t) => book::priced(t, to, dates),
            Err(e) => Err(e.clone()),
        };
        rows.push(match priced {
            Ok(p) => {
                if let Ok(s) = &mut summary {
                    if let Err(e) = s.add(&p) {
                        summary = Err(format!("{}: {e}", f.name));
                    }
                }
                Row::priced(&f.name, p)
            }
            Err(e) => {
                if let Ok(s) = &mut summary {
                    s.fail(&f.name, e.clone());
                }
                Row::failed(&f.name, e)
            }
        });
    }
    Priced {
        rows,
        summary,
        impact: impact(files, from, to, dates),
    }
}

/// As `hubquote impact --from --to`: a file that cannot be read is priced as no text.
fn impact(files: &[File], from: &Catalog, to: &Catalog, dates: Dates) -> Result<Impact, String> {
    let mut i = Impact::new(from, to)?;
    for f in files {
        let text = f.text.as_deref().unwrap_or_default();
        i.add(&f.name, text, (from, to), dates)
            .map_err(|e| format!("{}: {e}", f.name))?;
    }
    Ok(i)
}
