//! What is wrong with a file of the book, in one row: its first error, at its field and
//! line:column when it has one, and how many more errors the file has.

use crate::source::{Diagnostic, Diagnostics};
use serde::Serialize;

/// The first error of a file, and a count of the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Problem {
    pub message: String,
    /// The field at fault (`hubs[0].size`); empty for the whole file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// 1-based, when the error has a place in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The file's other errors.
    pub more: usize,
}

impl Problem {
    /// A problem of the whole file (it cannot be read, it is not text).
    pub fn whole(message: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            field: String::new(),
            line: None,
            column: None,
            more: 0,
        }
    }

    /// The first error of `d` (already located), and how many more there are.
    pub fn of(d: &Diagnostics) -> Problem {
        let more = d.error_count().saturating_sub(1);
        match d.errors().next() {
            Some(e) => Problem {
                more,
                ..Problem::at(e)
            },
            None => Problem::whole("the file has an error"),
        }
    }

    fn at(e: &Diagnostic) -> Problem {
        Problem {
            message: e.message.clone(),
            field: e.path.clone(),
            line: e.line,
            column: e.column,
            more: 0,
        }
    }
}
