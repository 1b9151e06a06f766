//! The scenario pinned as A, which the quote then compares the draft (B) with. Kept in
//! the share link's encoding, as the draft saves it: pinned, saved and restored exactly
//! as a draft is (and the first download needs no code for another kind of signal).

use super::read_only::ReadOnly;
use crate::scenario::{share, Scenario};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Pinned {
    encoded: RwSignal<Option<String>>,
}

impl Pinned {
    pub fn new(encoded: Option<String>) -> Pinned {
        Pinned {
            encoded: RwSignal::new(encoded),
        }
    }

    /// A, as the draft saves it.
    pub fn encoded(self) -> ReadOnly<Option<String>> {
        ReadOnly::of(self.encoded)
    }

    pub fn pin(self, s: &Scenario) {
        self.encoded.set(Some(share::encode(s)));
    }

    pub fn clear(self) {
        self.encoded.set(None);
    }

    /// A (tracked), if one is pinned and decodes (it was encoded by [`Pinned::pin`], or
    /// saved so; a hand-edited draft's A that does not decode is none).
    pub fn scenario(self) -> Option<Scenario> {
        self.encoded
            .with(|e| e.as_deref().and_then(|e| share::decode(e).ok()))
    }
}
