//! What every export shows of a copy's status: the marks on its face (a staff copy says
//! it is not for the customer; a draft says it is subject to approval, naming no
//! threshold) and, on a staff copy alone, the internal notes, the approval and why it
//! is needed.

use crate::quote::labels;
use crate::quote::Quote;

/// The marks a document starts with, in order: the internal copy's, then the draft's.
pub fn marks(q: &Quote) -> Vec<&'static str> {
    let mut out = Vec::new();
    if q.is_internal() {
        out.push(labels::INTERNAL_COPY);
    }
    if q.is_draft() {
        out.push(labels::DRAFT);
    }
    out
}

/// The marks in one line: `Internal copy — not for the customer · Draft — subject to
/// approval`; none for a final customer copy.
pub fn mark_line(q: &Quote) -> Option<String> {
    let m = marks(q);
    (!m.is_empty()).then(|| m.join(" · "))
}

/// The heading of a staff copy's internal section.
pub const INTERNAL_HEADING: &str = "Internal — not for the customer";

/// A staff copy's internal section, one item a line: the notes, the approval (or that
/// none was given), and each reason for approval; none on a customer copy.
pub fn internal_items(q: &Quote) -> Vec<String> {
    let Some(i) = &q.internal else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !i.notes.trim().is_empty() {
        out.push(format!("Notes: {}", i.notes.trim()));
    }
    match (&i.approval, q.needs_approval) {
        (Some(a), _) => {
            let note = if a.note.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", a.note.trim())
            };
            out.push(format!("Approved by {} on {}{note}", a.by, a.date));
        }
        (None, true) if !q.is_draft() => out.push("Approved (no record on this copy)".into()),
        (None, true) => out.push(
            "Not approved yet: customer documents say \"Draft — subject to approval\"".into(),
        ),
        (None, false) => {}
    }
    out.extend(
        i.approval_reasons
            .iter()
            .map(|r| format!("Needs approval: {r}")),
    );
    out
}
