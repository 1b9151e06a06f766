//! Navigation: the view shown, the URL fragment that names it (or holds a share link),
//! and keyboard focus on the tabs. The only code that writes the page's fragment.

use super::read_only::ReadOnly;
use crate::scenario::share::{self, CatalogId};
use crate::scenario::Scenario;
use crate::web::io;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The views (tabs); the book of business is staff's only.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Menu,
    Configure,
    Quote,
    Book,
}

impl View {
    pub const ALL: [View; 4] = [View::Menu, View::Configure, View::Quote, View::Book];

    /// Whether the form's mode shows this view (the book only in the staff form's).
    pub fn shown(self, staff: bool) -> bool {
        staff || self != View::Book
    }

    /// The view shown when this one is asked for: the book outside the staff form's mode
    /// is the menu.
    pub fn as_shown(self, staff: bool) -> View {
        if self.shown(staff) {
            self
        } else {
            View::Menu
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            View::Menu => "menu",
            View::Configure => "configure",
            View::Quote => "quote",
            View::Book => "book",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Menu => "Service menu",
            View::Configure => "Configure",
            View::Quote => "Quote",
            View::Book => "Book of business",
        }
    }

    pub fn from_key(k: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == k)
    }

    /// The view a page opens on, from its URL fragment: a share link (even a damaged
    /// one) opens the quote, a view's key opens that view, anything else the menu.
    pub fn opened_by(fragment: &str) -> View {
        if share::in_fragment(fragment).is_some() {
            View::Quote
        } else {
            View::from_key(fragment).unwrap_or(View::Menu)
        }
    }

    /// The tab a key moves to from this one (WAI-ARIA tabs pattern) among those shown,
    /// if it moves (the book, staff's only, is the last).
    pub fn after_key(self, key: &str, staff: bool) -> Option<View> {
        let all = View::ALL.get(..View::ALL.len() - usize::from(!staff))?;
        let at = all.iter().position(|v| *v == self)?;
        let n = all.len();
        let to = match key {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return None,
        };
        all.get(to).copied()
    }

    /// The parts of the element ids of this view's tab and panel (they label each
    /// other), prefixed per instance (`Ctx::id`).
    pub fn tab_part(self) -> String {
        format!("tab-{}", self.key())
    }

    pub fn panel_part(self) -> String {
        format!("panel-{}", self.key())
    }
}

/// The view shown.
#[derive(Clone, Copy)]
pub struct Nav {
    view: RwSignal<View>,
    /// The host lets the app write the page's fragment (`data-history="hash"`).
    history: bool,
}

impl Nav {
    pub fn new(opened: View, history: bool) -> Nav {
        Nav {
            view: RwSignal::new(opened),
            history,
        }
    }

    /// Writes the page's fragment, when the host lets the app.
    fn set_hash(self, fragment: &str) {
        if self.history {
            io::set_hash(fragment);
        }
    }

    pub fn view(self) -> ReadOnly<View> {
        ReadOnly::of(self.view)
    }

    /// Shows a view and names it in the fragment (unless the fragment holds a share link,
    /// which stays).
    pub fn go(self, v: View) {
        self.view.set(v);
        if share::in_fragment(&io::hash()).is_none() {
            self.set_hash(v.key());
        }
    }

    /// Shows a view as the fragment asked (nothing to write back).
    pub fn show(self, v: View) {
        self.view.set(v);
    }

    /// Shows a view and moves keyboard focus to its tab (the element that had it went
    /// away with the view it was in).
    pub fn go_and_focus(self, v: View, tab_id: &str) {
        self.go(v);
        let tab = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(tab_id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(tab) = tab {
            let _ = tab.focus();
        }
    }

    /// Puts the customer's share link of `s`, priced with `catalog` and pointing at
    /// `base`, in the address bar (when the host lets the app) and returns it (no
    /// internal notes, an approval without its details: whoever is sent it is a customer).
    pub fn share(self, s: &Scenario, catalog: &CatalogId, base: &str) -> String {
        let customer = s.for_customer();
        self.set_hash(&share::fragment(&customer, catalog));
        share::link(base, &customer, catalog)
    }

    /// Keeps a share link in the address bar current with the draft `s`, once it
    /// differs from the link's (a link opened under another catalog keeps naming its
    /// own until it is edited).
    pub fn follow(self, s: &Scenario, catalog: &CatalogId) {
        if !self.history {
            return;
        }
        let hash = io::hash();
        let Some(shown) = share::in_fragment(&hash) else {
            return;
        };
        let customer = s.for_customer();
        if shown != share::encode(&customer) {
            io::set_hash(&share::fragment(&customer, catalog));
        }
    }
}
