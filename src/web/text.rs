//! Sentences the app says in several places: engine messages made sentences, and what to
//! say when a share link is damaged or a part of the app could not be downloaded.

use crate::source::Diagnostics;

/// First letter upper-case: engine messages are sentence fragments that start with an
/// ASCII word or a catalog name (ASCII only: Unicode case tables would add 24 KB).
pub fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The first diagnostic's message (empty when there is none).
pub fn first_message(d: &Diagnostics) -> String {
    d.iter()
        .next()
        .map(|d| d.message.clone())
        .unwrap_or_default()
}

/// What to say about a share link that does not decode (the engine's message already
/// says the link is damaged, and why).
pub fn damaged_link(d: &Diagnostics) -> String {
    let msg = first_message(d);
    format!("{}.", capitalise(msg.trim_end_matches('.')))
}

/// What to say when the lazily loaded chunk that does `what` could not be fetched.
pub fn not_downloaded(what: &str) -> String {
    format!("{what}: the part of the app that does this could not be downloaded from the server. Check the connection and try again; nothing was lost.")
}
