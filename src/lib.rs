//! hubquote: the service menu and pricing calculator of a managed-JupyterHub nonprofit.
//!
//! One engine, many faces: `scenario` (what the customer wants, as data) + `catalog`
//! (prices and rules, data; its presets are scenarios, and it owns the rules a scenario
//! must meet under it) → `pricing` (the engine) → `quote` (lines, totals, rationale),
//! which the `export` formats, the CLI (`cli`, native) and the web app (`web`, wasm) only
//! present; `diff` compares two quotes; `book` prices many at once (a batch, revenue by
//! kind, the impact of a catalog change). Each module imports only those below it:
//! `source`, `money`, `keyed` → `scenario` → `catalog` → `quote`, `rationale` →
//! `pricing`, `diff` → `book` → `export` → `cli`, `web`.

pub mod book;
pub mod catalog;
pub mod diff;
pub mod export;
pub mod keyed;
pub mod money;
pub mod pricing;
pub mod quote;
pub mod rationale;
pub mod scenario;
pub mod source;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

/// The default catalog, embedded at build time so the app and CLI work offline.
pub const DEFAULT_CATALOG: &str = include_str!("../public/catalog.json5");
/// The file name the default catalog is reported under in diagnostics.
pub const DEFAULT_CATALOG_NAME: &str = "public/catalog.json5";
