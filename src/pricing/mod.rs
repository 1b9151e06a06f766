//! The pricing engine: catalog + scenario + date → quote. Pure, deterministic, no I/O.
//!
//! - `recommend.rs`: every tier compared for the scenario, the cheapest that allows it
//!   chosen, and why; `feasibility.rs` says whether a tier allows it, from what
//!   `values.rs` says requirements read.
//! - `tier.rs`: one tier priced — the organisation's fees (`fees.rs`) at the prices the
//!   scenario negotiated (`overrides.rs`), its custom lines (`custom.rs`), the discounts
//!   (`discounts.rs`), then the cloud estimate (`cloud.rs`), then the totals.
//! - `assembly.rs`: the quote itself, with `warnings.rs` and `assumptions.rs`: explained
//!   ([`quote_for`]) or its amounts alone ([`amounts_only`]), as `detail.rs`'s type
//!   parameter chooses.
//! - `menu.rs`: the service menu; `recheck.rs`: a quote file re-priced.
//! - `error.rs`: why a quote could not be made.

mod assembly;
mod assumptions;
mod cloud;
mod custom;
mod detail;
mod discounts;
mod error;
pub mod feasibility;
mod fees;
pub mod menu;
mod overrides;
mod recheck;
mod recommend;
mod tier;
mod values;
mod warnings;

pub use assembly::{amounts_only, explain, priced, quote, quote_for, Priced};
pub use error::{QuoteError, Refusal};
pub use recheck::{recheck, Mismatch};
pub use recommend::{compare_tiers, recommend, recommendation};
