//! The app's state, shared by context as one `Copy` handle, [`Ctx`]: the catalog, the
//! scenario being edited, what the engine says about it, the view, the form mode, the
//! preset chosen and a notice. Its signals are private: views read through its accessors
//! and change state only through its methods, which keep the rules (a change ends the
//! pristine state, typed text goes with its scenario, the fragment follows the view).
//!
//! Each part is its own small type: [`catalogs`] (the catalog in use and loading
//! another), [`form`] (the draft and the text being typed), [`estimate`] (the engine's
//! memos over a catalog and a scenario), [`nav`] (view, fragment, tab focus), [`present`]
//! (presentation mode), [`pinned`] (scenario A, compared with the draft), [`draft`] (the
//! saved draft's format) and [`start`] (where a visit starts). Nothing here is
//! global: each mounted app has its own `Ctx`.

mod catalogs;
mod draft;
mod estimate;
mod form;
pub mod host;
mod nav;
mod negotiate;
mod pinned;
mod present;
mod read_only;
mod start;

pub use catalogs::preload as preload_catalog_check;
pub use catalogs::Origin;
pub use draft::Mode;
pub use nav::View;

use super::{io, paths, text};
use crate::catalog::Catalog;
use crate::pricing::QuoteError;
use crate::quote::{Quote, Recommendation};
use crate::scenario::share::{self, CatalogId};
use crate::scenario::{Discount, DiscountTarget, DiscountValue, Hub, Scenario};
use catalogs::Catalogs;
use estimate::Estimate;
use form::Form;
use host::{Audience, Options};
use leptos::prelude::*;
use nav::Nav;
use pinned::Pinned;
use present::Presentation;
use read_only::ReadOnly;
use rust_decimal::Decimal;
use start::Start;
use std::sync::Arc;

/// Everything the views share; `Copy` (signals are handles).
#[derive(Clone, Copy)]
pub struct Ctx {
    catalogs: Catalogs,
    form: Form,
    estimate: Estimate,
    nav: Nav,
    presentation: Presentation,
    pinned: Pinned,
    mode: RwSignal<Mode>,
    /// The id of the preset last chosen (empty when none).
    preset: RwSignal<String>,
    /// A message about the state at start or a pasted link (damaged, unreadable draft).
    notice: RwSignal<Option<String>>,
    /// What the share link last opened says of its catalog (`&c=`, unread: read by the
    /// view that tells, `loader::link_catalog_view`, a chunk).
    made_with: RwSignal<Option<String>>,
    /// The draft is too big to save.
    unsaved: RwSignal<bool>,
    /// The host page's options for this instance (kept as long as the page: an instance
    /// is never unmounted).
    host: &'static Options,
}

/// The shared state of the app this view is in.
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

impl Ctx {
    /// Builds the state: the embedded catalog, then the scenario of a share link, else
    /// the saved draft, else the catalog's initial scenario.
    pub fn new(host: Options) -> Ctx {
        let catalogs = Catalogs::embedded();
        // A share link opens in one instance (`Options::opens_links`); a view named in
        // the fragment only in the one that owns the address bar.
        let fragment = Some(io::hash())
            .filter(|f| host.history || (host.opens_links && share::in_fragment(f).is_some()))
            .unwrap_or_default();
        let start = catalogs
            .current()
            .with_untracked(|c| Start::read(c, &fragment, &host));
        let mode = match start.mode {
            Mode::Staff if host.audience == Audience::Public => Mode::Guided,
            m => m,
        };
        let view = host
            .view
            .filter(|_| share::in_fragment(&fragment).is_none())
            .unwrap_or_else(|| View::opened_by(&fragment));
        let form = Form::new(start.scenario, start.pristine);
        Ctx {
            catalogs,
            form,
            estimate: Estimate::new(catalogs.current(), form.draft(), io::today()),
            nav: Nav::new(view, host.history),
            presentation: Presentation::new(),
            pinned: Pinned::new(start.pinned),
            mode: RwSignal::new(mode),
            preset: RwSignal::new(String::new()),
            notice: RwSignal::new(start.notice),
            made_with: RwSignal::new(start.made_with),
            unsaved: RwSignal::new(false),
            host: Box::leak(Box::new(host)),
        }
    }

    // What the views read.

    pub fn catalog(&self) -> ReadOnly<Arc<Catalog>> {
        self.catalogs.current()
    }

    /// Where the catalog in use came from.
    pub fn catalog_origin(&self) -> ReadOnly<Origin> {
        self.catalogs.origin()
    }

    /// A catalog is being fetched.
    pub fn catalog_pending(&self) -> ReadOnly<bool> {
        self.catalogs.pending()
    }

    /// The identity of the catalog in use, as share links carry it.
    pub fn catalog_id(&self) -> CatalogId {
        let url = self.catalogs.origin().with(|o| o.url().map(str::to_string));
        self.catalog().with(|c| CatalogId::of(c, url.as_deref()))
    }

    /// The catalog the share link last opened names.
    pub fn made_with(&self) -> ReadOnly<Option<String>> {
        ReadOnly::of(self.made_with)
    }

    /// The draft is too big to save (see [`draft::save`]).
    pub fn unsaved(&self) -> ReadOnly<bool> {
        ReadOnly::of(self.unsaved)
    }

    pub fn catalog_error(&self) -> ReadOnly<Option<String>> {
        self.catalogs.error()
    }

    pub fn catalog_warnings(&self) -> ReadOnly<Vec<String>> {
        self.catalogs.warnings()
    }

    pub fn draft(&self) -> ReadOnly<Scenario> {
        self.form.draft()
    }

    pub fn view(&self) -> ReadOnly<View> {
        self.nav.view()
    }

    pub fn mode(&self) -> ReadOnly<Mode> {
        ReadOnly::of(self.mode)
    }

    /// Scenario A, pinned to compare the draft with (tracked; see [`pinned`]).
    pub fn pinned(&self) -> Option<Scenario> {
        self.pinned.scenario()
    }

    /// Whether the app is in presentation mode (see [`present`]).
    pub fn presenting(&self) -> ReadOnly<bool> {
        self.presentation.on()
    }

    /// The id of the preset last chosen (empty when none).
    pub fn preset(&self) -> ReadOnly<String> {
        ReadOnly::of(self.preset)
    }

    pub fn notice(&self) -> ReadOnly<Option<String>> {
        ReadOnly::of(self.notice)
    }

    /// The next step offered with a quote: the catalog's contact (none: no action).
    pub fn contact(&self) -> Option<crate::catalog::Contact> {
        self.catalogs
            .current()
            .with(|cat| self.host.contact(cat.contact.as_ref()))
    }

    /// The host page's options for this instance.
    pub fn host(&self) -> &'static Options {
        self.host
    }

    /// This instance's element id for `part` (`host::Options::id`).
    pub fn id(&self, part: &str) -> String {
        self.host.id(part)
    }

    /// What the prices price while the visitor has changed nothing but the tier: the
    /// preset's example ("a course of 50 students on AWS, 9 months a year"); tracked.
    pub fn example(&self) -> Option<String> {
        self.catalogs
            .current()
            .with(|cat| {
                self.form
                    .draft()
                    .with(|s| cat.example_of(s).map(|p| p.example.clone()))
            })
            .filter(|e| !e.is_empty())
    }

    /// The address share links point to: the host's `share-base`, else the host page
    /// without its fragment (the iframe's: the app's own page beside `embed.html`).
    pub fn share_base(&self) -> String {
        let h = self.host;
        match (&h.share_base, h.frame) {
            (Some(base), _) => base.clone(),
            // The iframe's page is `embed.html?…`: its links open the app's own page.
            (None, true) => {
                let page = io::base_url();
                let path = page.split('?').next().unwrap_or_default();
                path.rsplit_once('/')
                    .map_or_else(|| page.clone(), |(dir, _)| format!("{dir}/"))
            }
            (None, false) => io::base_url(),
        }
    }

    /// The engine's validation of the draft: (path, message).
    pub fn problems(&self) -> Memo<Vec<(String, String)>> {
        self.estimate.problems
    }

    /// The engine's quote for the draft, or why there is none.
    pub fn result(&self) -> Memo<Result<Arc<Quote>, QuoteError>> {
        self.estimate.result
    }

    /// The last quote the draft had (kept while the current input is invalid).
    pub fn last_good(&self) -> Memo<Option<Arc<Quote>>> {
        self.estimate.last_good
    }

    /// The engine's recommendation for the draft, as if asked to recommend.
    pub fn recommendation(&self) -> Memo<Result<Recommendation, QuoteError>> {
        self.estimate.recommendation
    }

    /// The text a field shows: what is being typed, else the draft's value.
    pub fn text_of(&self, path: &str) -> String {
        self.form.text_of(path)
    }

    /// The field's message: its parse error, else the engine's validation message.
    pub fn error_of(&self, path: &str) -> Option<String> {
        if let Some(e) = self.form.parse_error(path) {
            return Some(e);
        }
        self.estimate.problems.with(|p| {
            let msgs: Vec<&str> = p
                .iter()
                .filter(|(at, _)| at == path)
                .map(|(_, m)| m.as_str())
                .collect();
            (!msgs.is_empty()).then(|| text::capitalise(&msgs.join("; ")))
        })
    }

    /// True while some input is invalid or the chosen tier does not allow the scenario.
    pub fn stale(&self) -> bool {
        self.form.has_parse_errors() || self.estimate.result.with(Result::is_err)
    }

    // What the views change.

    /// Text typed into a field (see [`Form::edit`]).
    pub fn edit(&self, path: &str, typed: String) {
        self.form.edit(path, typed);
    }

    /// A choice from a list, applied as is; a new provider keeps the region only if it
    /// has it (the engine's rule).
    pub fn choose(&self, path: &str, value: String) {
        let catalog = self.catalogs.current().get_untracked();
        self.form.apply(|s| {
            if path == "provider" {
                s.set_provider(&catalog, &value);
            } else {
                let _ = paths::write(s, path, &value);
            }
        });
    }

    /// Chooses the tier (a card of the menu, a row of the tiers compared).
    pub fn choose_tier(&self, tier: String) {
        self.form.apply(|s| s.tier = tier);
    }

    /// Starts over from a preset of the catalog (an unknown id only clears the choice).
    pub fn start_from_preset(&self, id: String) {
        let preset = self
            .catalogs
            .current()
            .with_untracked(|cat| cat.preset(&id).map(|p| p.scenario.clone()));
        if let Some(s) = preset {
            self.form.replace(s);
        }
        self.preset.set(id);
    }

    /// Replaces the scenario with one the visitor brought (an opened quote file).
    pub fn open(&self, s: Scenario) {
        self.form.replace(s);
    }

    /// Changes the form mode (a public instance has no staff form).
    pub fn set_mode(&self, m: Mode) {
        if m == Mode::Guided || self.host.audience != Audience::Public {
            self.mode.set(m);
        }
    }

    /// Adds a hub with the engine's defaults and the next free name.
    pub fn add_hub(&self) {
        let hub = self.catalogs.current().with_untracked(|cat| {
            let name = self.form.draft().with_untracked(Scenario::next_hub_name);
            Hub::new(cat, &name)
        });
        self.form.restructure("hubs[", |s| s.hubs.push(hub));
    }

    pub fn remove_hub(&self, i: usize) {
        self.form
            .restructure("hubs[", |s| negotiate::remove(&mut s.hubs, i));
    }

    /// Adds a discount of 10 % on the membership, its reason still to write.
    pub fn add_discount(&self) {
        self.form.restructure("discounts[", |s| {
            s.discounts.push(Discount {
                target: DiscountTarget::Membership,
                value: DiscountValue::Percent(Decimal::from(10)),
                reason: String::new(),
            })
        });
    }

    pub fn remove_discount(&self, i: usize) {
        self.form
            .restructure("discounts[", |s| negotiate::remove(&mut s.discounts, i));
    }

    /// Shows a view and names it in the fragment.
    pub fn go(&self, v: View) {
        self.nav.go(v);
    }

    /// Shows a view and moves keyboard focus to its tab (after the control that had it
    /// went away with the view it was in).
    pub fn go_and_focus(&self, v: View) {
        self.nav.go_and_focus(v, &self.id(&v.tab_part()));
    }

    /// Pins the last good quote's scenario as A: from now on the quote compares the
    /// draft with it.
    pub fn pin(&self) {
        if let Some(q) = self.estimate.last_good.get_untracked() {
            self.pinned.pin(&q.scenario);
        }
    }

    /// Ends the comparison.
    pub fn clear_pin(&self) {
        self.pinned.clear();
    }

    /// Enters or leaves presentation mode.
    pub fn toggle_presentation(&self) {
        self.presentation.toggle();
    }

    /// Puts the draft's share link in the address bar and returns it.
    pub fn share_link(&self) -> String {
        let id = untrack(|| self.catalog_id());
        let base = self.share_base();
        self.form
            .draft()
            .with_untracked(|s| self.nav.share(s, &id, &base))
    }

    // What the shell wires to the browser.

    /// The URL fragment changed: a share link pasted into the address bar replaces the
    /// scenario (a damaged one keeps it, and says so) and opens the quote; a view's key
    /// opens that view.
    pub fn follow_fragment(&self, fragment: &str) {
        if let Some(encoded) = share::in_fragment(fragment) {
            match share::decode(encoded) {
                Ok(s) => {
                    self.form.replace(s);
                    self.notice.set(None);
                    self.made_with
                        .set(share::named_catalog(fragment).map(str::to_string));
                }
                Err(d) => self.notice.set(Some(format!(
                    "{} Your last answers are kept.",
                    text::damaged_link(&d)
                ))),
            }
            self.nav.show(View::Quote);
        } else if let Some(v) = View::from_key(fragment) {
            self.nav.show(v);
        }
    }

    /// Loads catalog text from `from`; on failure the current catalog stays and the
    /// error is shown. An untouched draft becomes the new catalog's initial scenario.
    pub async fn load_catalog(self, from: Origin, text: String) {
        if let Some(catalog) = self.catalogs.check(from.name(), text).await {
            self.preset.set(String::new());
            self.form.reset(|| Scenario::initial(&catalog));
            self.catalogs.install(catalog, from);
        }
    }

    /// Marks a catalog fetch as started or ended.
    pub fn set_catalog_pending(&self, on: bool) {
        self.catalogs.set_pending(on);
    }

    /// A key pressed outside any field; true when it was a shortcut (`P` toggles
    /// presentation mode, `Escape` leaves it).
    pub fn shortcut(&self, key: &str) -> bool {
        self.presentation.key(key)
    }

    /// A catalog that could not be fetched or read; the current one stays.
    pub fn catalog_failed(&self, why: String) {
        self.catalogs.fail(why);
    }

    /// Saves the draft and scenario A (they survive a reload; not when too big, which
    /// is said) and keeps a share link in the address bar current; tracks the draft, the
    /// mode, A and the catalog, so an effect runs it after each change.
    pub fn persist(&self) {
        let mode = self.mode.get();
        let id = self.catalog_id();
        self.pinned.encoded().with(|pinned| {
            self.form.draft().with(|s| {
                if let Some(key) = self.host.storage.then(|| self.host.draft_key()) {
                    let saved = draft::save(&key, s, mode, pinned.as_deref());
                    if self.unsaved.get_untracked() == saved {
                        self.unsaved.set(!saved);
                    }
                }
                self.nav.follow(s, &id);
            })
        });
    }
}
