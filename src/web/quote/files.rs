//! The quote's files: the downloads (PDF, JSON, CSV, Markdown) and opening a quote file.
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
}

impl Download {
    pub const ALL: [Download; 4] = [Self::Pdf, Self::Json, Self::Csv, Self::Markdown];

    /// File extension (also the `download-<ext>` hook), button label, MIME type.
    pub fn spec(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Pdf => ("pdf", "Download PDF", "application/pdf"),
            Self::Json => ("json", "Download JSON", "application/json"),
            Self::Csv => ("csv", "Download CSV", "text/csv"),
            Self::Markdown => ("md", "Download Markdown", "text/markdown"),
        }
    }

    /// The file, byte for byte what `hubquote quote --format <kind>` writes for the
    /// estimate `q` explained with the catalog that priced it, or why it cannot be
    /// written; an error when the writer's chunk could not be fetched.
    pub async fn bytes(self, c: Arc<Catalog>, q: Arc<Quote>) -> Written {
        match self {
            Self::Pdf => pdf(c, q).await,
            Self::Json => json(c, q).await,
            Self::Csv => csv(c, q).await,
            Self::Markdown => markdown(c, q).await,
        }
    }
}

/// A file's bytes, or why the quote could not be explained.
type Written = Result<Result<Vec<u8>, String>, SplitLoaderError>;

/// The estimate `q` explained, every line with its rationale, as the files need it.
fn explained(c: &Catalog, q: &Quote) -> Result<Quote, String> {
    crate::pricing::explain(c, q).map_err(|e| e.to_string())
}

#[wasm_split(hubquote_pdf, wasm_split_path = ::leptos::wasm_split, fallible)]
fn pdf(c: Arc<Catalog>, q: Arc<Quote>) -> Written {
    Ok(explained(&c, &q).map(|q| crate::export::to_pdf(&q)))
}

#[wasm_split(hubquote_json, wasm_split_path = ::leptos::wasm_split, fallible)]
fn json(c: Arc<Catalog>, q: Arc<Quote>) -> Written {
    Ok(explained(&c, &q).map(|q| (q.to_json() + "\n").into_bytes()))
}

#[wasm_split(hubquote_csv, wasm_split_path = ::leptos::wasm_split, fallible)]
fn csv(c: Arc<Catalog>, q: Arc<Quote>) -> Written {
    Ok(explained(&c, &q).map(|q| crate::export::to_csv(&q).into_bytes()))
}

#[wasm_split(hubquote_markdown, wasm_split_path = ::leptos::wasm_split, fallible)]
fn markdown(c: Arc<Catalog>, q: Arc<Quote>) -> Written {
    Ok(explained(&c, &q).map(|q| crate::export::to_markdown(&q).into_bytes()))
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
