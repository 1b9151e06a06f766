//! The quote's faces: plain text for an email, Markdown, CSV of the lines, and the PDF
//! (JSON is the quote itself, `Quote::to_json`). Each only presents the engine's
//! [`Quote`](crate::quote::Quote); none computes. The totals are named as
//! `crate::quote::labels` names them, a line reads as `line_text.rs` writes it.

mod csv;
mod line_text;
mod markdown;
mod pdf;
mod text;

pub use self::csv::to_csv;
pub use line_text::{formula, period};
pub use markdown::to_markdown;
pub use pdf::{pdf_text, to_pdf};
pub use text::to_text;
