//! The faces of the book of business (`crate::book`): a batch as JSON Lines (the rows
//! themselves) or CSV, a row at a time so that a batch of any size streams; revenue by
//! kind and the impact of a catalog change as text, CSV and Markdown (their JSON is the
//! model, `to_json`). Words come from the engine (`book::Kind`, `Revenue::rows`,
//! `quote::labels`); a change is written as a quote diff writes it.

mod batch;
mod impact;
mod summary;

pub use batch::{batch_csv_header, batch_csv_row};
pub use impact::{impact_csv, impact_markdown, impact_text};
pub use summary::{summary_csv, summary_markdown, summary_text};

use crate::book::Problem;

/// `bad.json:3:15: hubs[0].size: unknown server size "Tiny" (and 2 more errors)`.
pub fn problem_text(path: &str, p: &Problem) -> String {
    let place = match (p.line, p.column) {
        (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
        _ => path.to_string(),
    };
    let field = if p.field.is_empty() {
        String::new()
    } else {
        format!("{}: ", p.field)
    };
    let more = match p.more {
        0 => String::new(),
        1 => " (and 1 more error)".to_string(),
        n => format!(" (and {n} more errors)"),
    };
    format!("{place}: {field}{}{more}", p.message)
}

/// A problem's CSV fields: `error,field,line,column,more_errors`.
fn problem_fields(p: &Problem) -> [String; 5] {
    let optional = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    [
        p.message.clone(),
        p.field.clone(),
        optional(p.line),
        optional(p.column),
        p.more.to_string(),
    ]
}
