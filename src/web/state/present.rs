//! Presentation mode: the app shown on a projector or a screen share. While it is on, the
//! shell marks the app root (`data-presentation="on"`), shows the quote's headline in
//! large type and the stylesheet stops rendering what only staff should see. Nothing is
//! unmounted, so leaving it shows every form as it was; the page scrolls back to where
//! it was too (entering moves the headline to the top).

use super::read_only::ReadOnly;
use crate::web::io;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Presentation {
    on: RwSignal<bool>,
    /// Where the page was scrolled to when presentation began.
    scrolled: RwSignal<f64>,
}

impl Presentation {
    pub fn new() -> Presentation {
        Presentation {
            on: RwSignal::new(false),
            scrolled: RwSignal::new(0.0),
        }
    }

    pub fn on(self) -> ReadOnly<bool> {
        ReadOnly::of(self.on)
    }

    /// Enters or leaves presentation mode.
    pub fn toggle(self) {
        if self.on.get_untracked() {
            self.on.set(false);
            let y = self.scrolled.get_untracked();
            // After the forms are laid out again, or the page is too short to get there.
            io::after_paint(move || io::scroll_to(y));
        } else {
            self.scrolled.set(io::scroll_y());
            self.on.set(true);
            io::scroll_to(0.0);
        }
    }

    /// A key pressed outside any field: `P` toggles, `Escape` leaves. True when the key
    /// was this mode's.
    pub fn key(self, key: &str) -> bool {
        let ours = matches!(key, "p" | "P") || (key == "Escape" && self.on.get_untracked());
        if ours {
            self.toggle();
        }
        ours
    }
}
