//! The quote: priced lines that each explain themselves (`line.rs`), totals that are
//! exact sums of those lines (`totals.rs`), the document around them (`document.rs`),
//! the names the faces give the totals (`labels`), the year-by-year table (`years`), the
//! customer's and the staff copy (`audience.rs`), and a quote file read back
//! (`import.rs`). The engine that makes a quote is `crate::pricing`.

mod audience;
pub mod contact;
mod document;
mod import;
pub mod labels;
mod line;
mod totals;
pub mod years;

pub use audience::Audience;
pub use document::{
    CatalogRef, CloudBand, CloudChoice, Conflict, Internal, Quote, Recommendation, Status,
    TierOption, TierSummary, Warning, FORMAT,
};
pub use import::{import, Imported};
pub use line::{is_hourly, Line, LineKind, Period, Section, HOUR};
pub use totals::Totals;
pub use years::Year;
