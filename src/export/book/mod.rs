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
