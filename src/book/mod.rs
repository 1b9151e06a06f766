//! The book of business: many quotes at once, on the same engine as one. Each file of a
//! batch is a scenario or a quote file (`document.rs`), priced without its sentences
//! (`crate::pricing::priced`) into one row (`batch.rs`); the lines of the quotes are
//! summed by kind of revenue (`kind.rs`, `revenue.rs`) per tier (`summary.rs`); and every
//! member is priced under an old and a new catalog, side by side (`impact.rs`). Pure: the
//! faces (`crate::export`), the CLI and the web app read the files and print the results.

mod batch;
mod document;
mod impact;
mod kind;
mod problem;
mod revenue;
mod summary;

pub use batch::{Quoted, Row, RowStatus};
pub use document::{priced, Dates, Document};
pub use impact::{Direction, Impact, ImpactRow, ImpactStatus, ImpactSummary, Side, IMPACT_FORMAT};
pub use kind::Kind;
pub use problem::Problem;
pub use revenue::{Revenue, RevenueRow, Split};
pub use summary::{FileProblem, Summary, TierRevenue, SUMMARY_FORMAT};
