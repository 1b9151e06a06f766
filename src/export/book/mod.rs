//! The faces of the book of business (`crate::book`): a batch as JSON Lines (the rows
//! themselves) or CSV, a row at a time so that a batch of any size streams; revenue by
//! kind and the impact of a catalog change as text, CSV and Markdown (their JSON is the
//! model, `to_json`). Words come from the engine (`book::Kind`, `Revenue::rows`,
//! `quote::labels`); a change is written as a quote diff writes it.

mod batch;
mod impact;
mod problem;
mod summary;

pub use batch::{batch_csv_header, batch_csv_row};
pub use impact::{impact_csv, impact_markdown, impact_text};
pub use problem::problem_text;
pub use summary::{summary_csv, summary_markdown, summary_text};

/// The tables and sentences the text and Markdown faces are made of, unescaped: what the
/// web app's book of business shows, cell for cell what `hubquote summary` and `impact` print.
pub mod parts {
    pub use super::impact::{counts, details, outcome, revenue_table, tiers, REVENUE_HEADLINE};
    pub use super::summary::{about, half, Half, HALVES};
}
