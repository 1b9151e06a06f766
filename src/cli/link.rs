//! `hubquote link SCENARIO`: the share link a customer gets, the same encoding as the web
//! app's, of the customer's copy of the scenario (no internal notes, an approval without
//! its details), naming the catalog that priced it (`&c=`, [`share::CatalogId`]).

use super::{invalid, io, load_catalog, read, write_out, Failure};
use crate::scenario::share::{self, CatalogId};
use crate::scenario::Scenario;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Scenario JSON file, or - for standard input.
    scenario: String,
    /// The app's address (default: the catalog's `pricing.seller.app_url`).
    #[arg(long)]
    base: Option<String>,
    /// Catalog file (default: the embedded catalog).
    #[arg(long)]
    catalog: Option<PathBuf>,
    /// The address the catalog is published at, named in the link (the app offers to
    /// load it when its host page allows that address).
    #[arg(long)]
    catalog_url: Option<String>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let catalog = load_catalog(args.catalog.as_ref())?;
    let text = read(&args.scenario)?;
    let name = io::shown_name(&args.scenario);
    let s = Scenario::load(&text, &catalog).map_err(|d| invalid(d.render(name)))?;
    let from_catalog = catalog
        .pricing
        .as_ref()
        .map(|p| p.seller.app_url.clone())
        .filter(|u| !u.trim().is_empty());
    let base = args.base.or(from_catalog).ok_or_else(|| {
        Failure(
            "the catalog names no app address (pricing.seller.app_url): give one with --base URL"
                .into(),
            2,
        )
    })?;
    if base.contains('#') {
        return Err(Failure(
            format!("--base: an address without a fragment (no \"#\"), not \"{base}\""),
            2,
        ));
    }
    let id = CatalogId::of(&catalog, args.catalog_url.as_deref().map(str::trim));
    write_out(None, &(share::customer_link(base.trim(), &s, &id) + "\n"))
}
