//! The quote's files: the downloads (PDF, JSON, CSV, Markdown, the internal copy), the
//! budget justification and opening a quote file.
//!
//! The code that writes and reads them lives in lazily loaded wasm chunks (`wasm_split`,
//! as Leptos's `#[lazy]` but `fallible`: a chunk that cannot be fetched is a message, not
//! a crash; `scripts/build.sh` cuts them out with wasm-split): a visitor who only looks at
//! prices never downloads the PDF writer. Each file is byte for byte what the CLI writes.

use crate::catalog::Catalog;
use crate::quote::Quote;
use crate::scenario::Scenario;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use rust_decimal::Decimal;
use std::sync::Arc;

/// A file the quote downloads as: one button each, one code path for all of them.
#[derive(Clone, Copy)]
pub enum Download {
    Pdf,
    Json,
    Csv,
    Markdown,
    /// The staff copy as a PDF (staff mode only): notes, approval and its reasons, and
    /// "Internal copy — not for the customer" at the top of every page.
    Internal,
}

impl Download {
    /// The customer's files, a button each.
    pub const ALL: [Download; 4] = [Self::Pdf, Self::Json, Self::Csv, Self::Markdown];

    /// The file's extension, button label and MIME type.
    fn spec(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Pdf => ("pdf", "Download PDF", "application/pdf"),
            Self::Json => ("json", "Download JSON", "application/json"),
            Self::Csv => ("csv", "Download CSV", "text/csv"),
            Self::Markdown => ("md", "Download Markdown", "text/markdown"),
            Self::Internal => ("pdf", "Internal copy (PDF)", "application/pdf"),
        }
    }

    pub fn label(self) -> &'static str {
        self.spec().1
    }

    pub fn mime(self) -> &'static str {
        self.spec().2
    }

    /// The button's hook: `download-<ext>`, `internal-copy`.
    pub fn testid(self) -> String {
        match self {
            Self::Internal => "internal-copy".into(),
            _ => format!("download-{}", self.spec().0),
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Self::Pdf => "hq-btn hq-btn-primary",
            Self::Internal => "hq-btn hq-staff-only",
            _ => "hq-btn",
        }
    }

    /// `<quote number>.<ext>`, the internal copy `<quote number>-internal.pdf`.
    pub fn file_name(self, number: &str) -> String {
        let ext = self.spec().0;
        match self {
            Self::Internal => format!("{number}-internal.{ext}"),
            _ => format!("{number}.{ext}"),
        }
    }

    /// What "Saved …" adds about the file.
    pub fn saved_note(self) -> &'static str {
        match self {
            Self::Internal => ": the internal copy, not for the customer",
            _ => "",
        }
    }

    /// The file, byte for byte what `hubquote quote --format <kind>` writes for the
    /// estimate `q` (a staff copy, amounts only) explained with the catalog `c` that priced
    /// it: the customer's copy, or with `--internal` the internal one. Inside, why the
    /// quote could not be explained; outside, that the writer's chunk could not be fetched.
    pub async fn bytes(self, c: Arc<Catalog>, q: Arc<Quote>) -> Written<Vec<u8>> {
        match self {
            Self::Pdf => pdf(c, q, false).await,
            Self::Internal => pdf(c, q, true).await,
            Self::Json => json(c, q).await,
            Self::Csv => csv(c, q).await,
            Self::Markdown => markdown(c, q).await,
        }
    }
}

/// What a chunk wrote, or why the quote could not be explained (inside), or that the
/// chunk could not be fetched (outside).
pub type Written<T> = Result<Result<T, String>, SplitLoaderError>;

/// The customer's copy of the estimate `q`, explained: every line with its rationale.
fn customer(c: &Catalog, q: &Quote) -> Result<Quote, String> {
    explained(c, q).map(|q| q.for_customer())
}

/// The estimate `q` explained with `c`, as the files need it.
fn explained(c: &Catalog, q: &Quote) -> Result<Quote, String> {
    crate::pricing::explain(c, q).map_err(|e| e.to_string())
}

/// The customer's copy, or the staff's own (`internal`).
#[wasm_split(hubquote_pdf, wasm_split_path = ::leptos::wasm_split, fallible)]
fn pdf(c: Arc<Catalog>, q: Arc<Quote>, internal: bool) -> Written<Vec<u8>> {
    let q = if internal {
        explained(&c, &q)
    } else {
        customer(&c, &q)
    };
    Ok(q.map(|q| crate::export::to_pdf(&q)))
}

#[wasm_split(hubquote_json, wasm_split_path = ::leptos::wasm_split, fallible)]
fn json(c: Arc<Catalog>, q: Arc<Quote>) -> Written<Vec<u8>> {
    Ok(customer(&c, &q).map(|q| (q.to_json() + "\n").into_bytes()))
}

#[wasm_split(hubquote_csv, wasm_split_path = ::leptos::wasm_split, fallible)]
fn csv(c: Arc<Catalog>, q: Arc<Quote>) -> Written<Vec<u8>> {
    Ok(customer(&c, &q).map(|q| crate::export::to_csv(&q).into_bytes()))
}

#[wasm_split(hubquote_markdown, wasm_split_path = ::leptos::wasm_split, fallible)]
fn markdown(c: Arc<Catalog>, q: Arc<Quote>) -> Written<Vec<u8>> {
    Ok(customer(&c, &q).map(|q| crate::export::to_markdown(&q).into_bytes()))
}

/// The budget justification a PI pastes into a grant proposal, of the customer's copy:
/// the same text as `hubquote quote --format justification`. In the quote tools' chunk,
/// where its button is.
#[wasm_split(hubquote_tools, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn justification(c: Arc<Catalog>, q: Arc<Quote>) -> Written<String> {
    Ok(customer(&c, &q).map(|q| crate::export::justification(&q)))
}

/// Fetches and compiles every chunk of this module (no-op once loaded; a chunk that
/// cannot be fetched now is fetched again when it is needed).
pub async fn preload() {
    let _ = __wasm_split_preload_pdf().await;
    let _ = __wasm_split_preload_json().await;
    let _ = __wasm_split_preload_csv().await;
    let _ = __wasm_split_preload_markdown().await;
    let _ = __wasm_split_preload_open_quote().await;
}

/// Opens a quote file: its scenario, re-priced with the current catalog, and what to say
/// about it (whether its totals still match). No scenario when the file is not a quote.
#[wasm_split(hubquote_open_quote, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn open_quote(
    name: String,
    text: String,
    catalog: Arc<Catalog>,
) -> Result<(Vec<String>, Option<Scenario>), SplitLoaderError> {
    let imported = match crate::quote::import(&text) {
        Ok(i) => i,
        Err(d) => {
            let mut out = vec![format!("{name} is not a quote file this app can open:")];
            out.extend(d.errors().map(|x| x.render(&name)));
            return Ok((out, None));
        }
    };
    let mut out = Vec::new();
    match crate::pricing::recheck(&catalog, &imported) {
        Ok(m) if m.is_empty() => out.push(format!(
            "Opened quote {} of {}: its totals reproduce exactly with this catalog.",
            imported.number, imported.date
        )),
        Ok(m) => {
            let cur = catalog.pricing.as_ref().map(|p| p.currency.clone());
            let money = |d: Decimal| cur.as_ref().map_or_else(|| d.to_string(), |c| c.format(d));
            out.push(format!(
                "Opened quote {} of {}, but its totals differ when re-priced now: the catalog changed or the file was edited.",
                imported.number, imported.date
            ));
            if imported.catalog_sha256 != catalog.sha256 {
                out.push(
                    "The file was priced with a different catalog than the one loaded.".into(),
                );
            }
            out.extend(m.iter().map(|x| {
                format!(
                    "Totals differ: {}: {} in the file, {} now.",
                    x.total.replace('_', " "),
                    money(x.in_file),
                    money(x.recomputed)
                )
            }));
        }
        Err(e) => out.push(format!(
            "Opened quote {}, but it cannot be re-priced with this catalog: {e}",
            imported.number
        )),
    }
    Ok((out, Some(imported.scenario)))
}
