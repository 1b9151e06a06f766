//! The draft a visitor leaves behind: saved to localStorage after each change, restored
//! on the next visit. One line of text, `hubquote.draft/2 MODE SCENARIO [PINNED]`: the
//! form mode, the scenario and, when one is pinned for comparison, scenario A, each in the
//! share link's versioned encoding (no JSON parser needed here). A `hubquote.draft/1` line
//! (the same without A) is read too; a draft of another version is ignored. A draft is
//! kept only while each scenario in it fits a share link ([`share::MAX_LINK_BYTES`]); a
//! stored one longer than that allows is removed unread, so that it cannot slow a start.

use crate::scenario::{share, Scenario};
use crate::web::{io, text};

/// The first word of a draft this version writes, and of every version it reads.
const VERSION: &str = "hubquote.draft/2";
const READS: [&str; 2] = ["hubquote.draft/1", VERSION];

/// The longest draft line this app writes: the version, the mode and two scenarios at
/// most [`share::MAX_LINK_BYTES`] long, with their spaces.
const MAX_BYTES: usize = VERSION.len() + " guided ".len() + 2 * share::MAX_LINK_BYTES + 1;

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

/// A restored draft.
pub struct Saved {
    pub scenario: Scenario,
    pub mode: Mode,
    /// Scenario A in the share link's encoding (one that does not decode counts as none).
    pub pinned: Option<String>,
}

/// Saves the scenario, the form it is edited in and scenario A (encoded), if pinned,
/// under this instance's `key` (`host::Options::draft_key`); false (nothing saved, the
/// last draft saved stays) when one of them is too big for a link.
pub fn save(key: &str, s: &Scenario, mode: Mode, pinned: Option<&str>) -> bool {
    let encoded = share::encode(s);
    let fits = |e: &str| e.len() <= share::MAX_LINK_BYTES;
    if !fits(&encoded) || !pinned.is_none_or(fits) {
        return false;
    }
    let pinned = pinned.map(|p| format!(" {p}")).unwrap_or_default();
    io::storage_set(key, &format!("{VERSION} {} {encoded}{pinned}", mode.key()));
    true
}

/// The saved draft, if there is one of a version this app reads: its scenario, form and
/// A, or what to say when its scenario no longer decodes.
pub fn restore(key: &str) -> Option<Result<Saved, String>> {
    let saved = io::storage_get(key)?;
    if saved.len() > MAX_BYTES {
        io::storage_remove(key);
        return Some(Err(
            "Your saved draft was too big to restore (over 512 KiB) and was removed.".into(),
        ));
    }
    let mut words = saved.split(' ');
    if !words.next().is_some_and(|v| READS.contains(&v)) {
        return None;
    }
    let mode = match words.next() {
        Some("staff") => Mode::Staff,
        _ => Mode::Guided,
    };
    let scenario = share::decode(words.next()?).map_err(|d| {
        format!(
            "Your saved draft could not be restored ({}).",
            text::first_message(&d)
        )
    });
    let pinned = words.next().map(str::to_string);
    Some(scenario.map(|scenario| Saved {
        scenario,
        mode,
        pinned,
    }))
}
