//! A file that did not price, as a line of text and as CSV fields.

use crate::book::Problem;
use crate::export::csv::Cell;
use crate::export::visible::visible;

/// `bad.json:3:15: hubs[0].size: unknown server size "Tiny" (and 2 more errors)`, its
/// hidden characters shown ([`visible`]): also a line of the command's output.
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
    visible(&format!("{place}: {field}{}{more}", p.message)).into_owned()
}

/// A problem's CSV fields: `error,field,line,column,more_errors`.
pub(super) fn problem_fields(p: &Problem) -> [Cell<'_>; 5] {
    let optional = |n: Option<u32>| n.map_or_else(|| "".into(), Cell::number);
    [
        p.message.as_str().into(),
        p.field.as_str().into(),
        optional(p.line),
        optional(p.column),
        Cell::number(p.more),
    ]
}
