//! The catalog in use and what loading another said. The full check of a loaded catalog
//! (every rule and lint) is code only loading needs, so it is a lazily loaded chunk: the
//! embedded catalog was checked by the tests.

use super::read_only::ReadOnly;
use crate::catalog::{Catalog, Loaded};
use crate::source::Diagnostics;
use crate::web::text;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::sync::Arc;

/// Where the catalog in use came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    /// A file picked, by its name.
    File(String),
    /// Fetched (`?catalog=`, a link's catalog), by its absolute address.
    Url(String),
}

impl Origin {
    /// How diagnostics and the quote name it (empty for the embedded catalog).
    pub fn name(&self) -> &str {
        match self {
            Origin::Embedded => "",
            Origin::File(n) | Origin::Url(n) => n,
        }
    }

    /// The address it was fetched from, if it was.
    pub fn url(&self) -> Option<&str> {
        match self {
            Origin::Url(u) => Some(u),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Catalogs {
    current: RwSignal<Arc<Catalog>>,
    origin: RwSignal<Origin>,
    /// A catalog is being fetched (what a link says of its catalog waits for it).
    pending: RwSignal<bool>,
    /// The last catalog that failed to load, rendered `FILE:LINE:COLUMN: …`.
    error: RwSignal<Option<String>>,
    warnings: RwSignal<Vec<String>>,
}

impl Catalogs {
    /// The embedded catalog (its lints are for its authors, `hubquote check`, not for
    /// prospects), or none and why, if it failed to load.
    pub fn embedded() -> Catalogs {
        let (catalog, error) = match Catalog::embedded() {
            Ok(l) => (l.catalog, None),
            Err(d) => (empty(), Some(d.render(crate::DEFAULT_CATALOG_NAME))),
        };
        Catalogs {
            current: RwSignal::new(Arc::new(catalog)),
            origin: RwSignal::new(Origin::Embedded),
            pending: RwSignal::new(false),
            error: RwSignal::new(error),
            warnings: RwSignal::new(Vec::new()),
        }
    }

    pub fn current(self) -> ReadOnly<Arc<Catalog>> {
        ReadOnly::of(self.current)
    }

    pub fn origin(self) -> ReadOnly<Origin> {
        ReadOnly::of(self.origin)
    }

    pub fn pending(self) -> ReadOnly<bool> {
        ReadOnly::of(self.pending)
    }

    pub fn set_pending(self, on: bool) {
        self.pending.set(on);
    }

    pub fn error(self) -> ReadOnly<Option<String>> {
        ReadOnly::of(self.error)
    }

    pub fn warnings(self) -> ReadOnly<Vec<String>> {
        ReadOnly::of(self.warnings)
    }

    /// A catalog that could not be had (not fetched, not read); the current one stays.
    pub fn fail(self, why: String) {
        self.error.set(Some(why));
    }

    /// Checks catalog text from `file`: the catalog if it loaded (with its warnings
    /// shown), else `None` with every error shown and the current catalog kept.
    pub async fn check(self, file: &str, text: String) -> Option<Catalog> {
        let Ok(checked) = check_catalog(text).await else {
            self.fail(text::not_downloaded(&format!("{file} was not checked")));
            return None;
        };
        match checked {
            Ok(l) => {
                self.warnings.set(l.warnings.rendered(file));
                self.error.set(None);
                Some(l.catalog)
            }
            Err(d) => {
                let mut rendered = d.render(file);
                if rendered.is_empty() {
                    rendered = format!("{file}: the catalog could not be loaded");
                }
                self.fail(rendered);
                None
            }
        }
    }

    pub fn install(self, c: Catalog, from: Origin) {
        self.current.set(Arc::new(c));
        self.origin.set(from);
    }
}

/// A catalog that says there is none (only if the embedded one failed to load).
fn empty() -> Catalog {
    Catalog {
        name: "No catalog".into(),
        version: String::new(),
        items: Vec::new(),
        pricing: None,
        presets: Vec::new(),
        contact: None,
        tiers: Vec::new(),
        sha256: String::new(),
    }
}

#[wasm_split(hubquote_check_catalog, wasm_split_path = ::leptos::wasm_split, fallible)]
fn check_catalog(text: String) -> Result<Result<Loaded, Diagnostics>, SplitLoaderError> {
    Ok(Catalog::load(&text))
}

/// Fetches and compiles the catalog checker's chunk ahead of need.
pub async fn preload() {
    let _ = __wasm_split_preload_check_catalog().await;
}
