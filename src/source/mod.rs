//! Reading user-supplied documents (catalogs, scenarios, quote files) with positions.
//!
//! Every decoder in hubquote goes through here: the text is parsed as JSON5 into a
//! [`Node`] tree in which each value knows its path (`pricing.tiers.Advanced.annual_fee`)
//! and its line:column, so that every later complaint can point at the exact spot.

mod decode;
mod diagnostic;
mod node;

pub use decode::{parse_date, parse_decimal, put, Decoder, Reported};
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use node::{child_path, parse, Node, Value, MAX_DOCUMENT_BYTES};
