//! Reading user-supplied documents (catalogs, scenarios, quote files) with positions.
//!
//! Every decoder in hubquote goes through here: the text is read as JSON5 ([`parse`], or
//! strict JSON with [`parse_json`] where the program wrote it)
//! into a [`Node`] tree in which each value knows its line:column and its path
//! (`pricing.tiers.Advanced.annual_fee`), so that every later complaint can point at the
//! exact spot. The tree's memory is linear in the text, lookups by key are logarithmic,
//! and a document's diagnostics are bounded ([`MAX_KEPT`] of each kind are kept, the rest
//! counted), so that no input within [`MAX_DOCUMENT_BYTES`] costs more than its size.

mod decode;
mod diagnostic;
mod dialect;
mod json5;
mod limits;
mod node;
mod number;
mod scan;

pub use decode::{parse_date, put, Decoder, Reported};
pub use diagnostic::{shorten, Diagnostic, Diagnostics, Excerpt, Severity, MAX_KEPT};
pub use json5::{parse, parse_json};
pub use limits::{check_count, TextLimit, KEY, NAME, NOTES, PARAGRAPH, SYMBOL, URL};
pub use node::{child_path, too_large, Literal, Members, Node, Value, MAX_DOCUMENT_BYTES};
pub use number::{parse_decimal, parse_number};
