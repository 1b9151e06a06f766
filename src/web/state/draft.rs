//! The draft a visitor leaves behind: saved to localStorage after each change, restored
//! on the next visit. One line of text, `hubquote.draft/1 MODE SHARE-LINK-PAYLOAD` (the
//! scenario in the share link's versioned encoding: no JSON parser needed here); a draft
//! of another version is ignored.

use crate::scenario::{share, Scenario};
use crate::web::{io, text};

/// The localStorage key of the draft.
const KEY: &str = "hubquote.draft";

/// The first word of a draft this version writes and reads.
const VERSION: &str = "hubquote.draft/1";

/// Guided questions for prospects, or the dense staff form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Guided,
    Staff,
}

impl Mode {
    fn key(self) -> &'static str {
        match self {
            Mode::Guided => "guided",
            Mode::Staff => "staff",
        }
    }
}

/// Saves the scenario and the form it is edited in.
pub fn save(s: &Scenario, mode: Mode) {
    let encoded = share::encode(s);
    io::storage_set(KEY, &format!("{VERSION} {} {encoded}", mode.key()));
}

/// The saved draft, if there is one of this version: its scenario and form, or what to
/// say when it no longer decodes.
pub fn restore() -> Option<Result<(Scenario, Mode), String>> {
    let saved = io::storage_get(KEY)?;
    let mut words = saved.split(' ');
    if words.next() != Some(VERSION) {
        return None;
    }
    let mode = match words.next() {
        Some("staff") => Mode::Staff,
        _ => Mode::Guided,
    };
    let encoded = words.next()?;
    Some(share::decode(encoded).map(|s| (s, mode)).map_err(|d| {
        format!(
            "Your saved draft could not be restored ({}).",
            text::first_message(&d)
        )
    }))
}
