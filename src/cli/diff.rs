//! `hubquote diff A B`: two scenarios or quote files priced (the customer's copies) and
//! compared, B against A: what changed in the inputs, every total's delta, every line's.

use super::{dates, invalid, io, load_catalog, read, write_out, Failure};
use crate::book::{Dates, Document};
use crate::catalog::Catalog;
use crate::quote::Quote;
use crate::{diff, export};
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The baseline: a scenario or a quote JSON file, or - for standard input.
    a: String,
    /// The one compared with it.
    b: String,
    /// Catalog file (default: the embedded catalog).
    #[arg(long)]
    catalog: Option<PathBuf>,
    /// Quote date of both, YYYY-MM-DD (default: a quote file's own date, else today, UTC).
    #[arg(long)]
    date: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let catalog = load_catalog(args.catalog.as_ref())?;
    let dates = dates(args.date.as_deref())?;
    let a = priced(&catalog, &args.a, dates)?;
    let b = priced(&catalog, &args.b, dates)?;
    let d = diff::diff(&a, &b).map_err(|e| invalid(e.to_string()))?;
    let out = match args.format {
        Format::Text => export::diff_text(&d),
        Format::Json => d.to_json() + "\n",
        Format::Markdown => export::diff_markdown(&d),
    };
    write_out(None, &out)
}

/// The customer's copy of the quote of a scenario file, or of a quote file's scenario
/// (on the file's own date unless `--date` says otherwise); what refuses it at its place.
fn priced(catalog: &Catalog, path: &str, dates: Dates) -> Result<Quote, Failure> {
    let text = read(path)?;
    let name = io::shown_name(path);
    let doc = Document::read(&text, catalog).map_err(|d| invalid(d.render(name)))?;
    doc.quote(catalog, &doc.scenario, dates)
        .map_err(|d| invalid(d.render(name)))
}
