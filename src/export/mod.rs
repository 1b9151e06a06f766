//! The quote's faces: plain text for an email, Markdown, CSV of the lines, the PDF, the
//! budget justification of a grant proposal (JSON is the quote itself, `Quote::to_json`),
//! and a diff of two quotes as text or Markdown. Each renders the copy it is given: the
//! customer's unless staff asked for theirs (`copy.rs` says which on its face). Each only presents the engine's
//! [`Quote`](crate::quote::Quote); none computes. The totals are named as
//! `crate::quote::labels` names them, a line reads as `line_text.rs` writes it.

mod book;
mod copy;
mod csv;
mod diff;
mod justification;
mod line_text;
mod markdown;
mod pdf;
mod text;
mod visible;
mod years_table;

pub use self::csv::to_csv;
pub use book::parts as book_parts;
pub use book::{
    batch_csv_header, batch_csv_row, impact_csv, impact_markdown, impact_text, problem_text,
    summary_csv, summary_markdown, summary_text,
};
pub use diff::{
    diff_markdown, diff_text, from_to, input as input_change, line_name, percent, signed,
};
pub use justification::justification;
pub use line_text::{formula, period};
pub use markdown::to_markdown;
pub use pdf::{pdf_text, to_pdf};
pub use text::to_text;
pub use visible::{visible, visible_lines};
