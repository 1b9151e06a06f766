//! A file that did not price, as a line of text and as CSV fields.

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
pub(super) fn problem_fields(p: &Problem) -> [String; 5] {
    let optional = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    [
        p.message.clone(),
        p.field.clone(),
        optional(p.line),
        optional(p.column),
        p.more.to_string(),
    ]
}
