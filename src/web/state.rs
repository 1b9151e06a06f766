//! The app's state, shared by context: the catalog, the scenario draft (the last valid
//! value of every field), the raw text and parse error of fields being typed, and the
//! quote derived from them (the engine's, never recomputed here), with the last good one.

use super::{io, paths};
use crate::catalog::Catalog;
use crate::pricing::{self, QuoteError};
use crate::quote::Quote;
use crate::scenario::{share, Hub, Scenario};
use crate::source::Diagnostics;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The three views (tabs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Menu,
    Configure,
    Quote,
}

impl View {
    pub const ALL: [View; 3] = [View::Menu, View::Configure, View::Quote];

    pub fn key(self) -> &'static str {
        match self {
            View::Menu => "menu",
            View::Configure => "configure",
            View::Quote => "quote",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Menu => "Service menu",
            View::Configure => "Configure",
            View::Quote => "Quote",
        }
    }

    pub fn from_key(k: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == k)
    }

    /// The view a page opens on, from its URL fragment: a share link (`s=…`, even a damaged
    /// one) opens the quote, a view's key opens that view, anything else the menu.
    pub fn opened_by(fragment: &str) -> View {
        if fragment.starts_with("s=") {
            View::Quote
        } else {
            View::from_key(fragment).unwrap_or(View::Menu)
        }
    }
}

/// Guided questions for prospects, or the dense staff form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Guided,
    Staff,
}

/// A field's text while typed, or its parse error, by path.
pub type ByPath = BTreeMap<String, String>;

/// Everything the views share; `Copy` (signals are handles).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub catalog: RwSignal<Arc<Catalog>>,
    /// The name diagnostics of the current catalog are reported under.
    pub catalog_file: RwSignal<String>,
    /// The last catalog that failed to load, rendered `FILE:LINE:COLUMN: …`.
    pub catalog_error: RwSignal<Option<String>>,
    pub catalog_warnings: RwSignal<Vec<String>>,
    pub draft: RwSignal<Scenario>,
    pub raw: RwSignal<ByPath>,
    pub parse_errors: RwSignal<ByPath>,
    pub view: RwSignal<View>,
    pub mode: RwSignal<Mode>,
    pub preset: RwSignal<String>,
    /// A message about the state at start (a damaged share link, an unreadable draft).
    pub notice: RwSignal<Option<String>>,
    /// The draft still is the catalog's first preset, untouched.
    pub pristine: RwSignal<bool>,
    /// The engine's validation of the draft: (path, message).
    pub problems: Memo<Vec<(String, String)>>,
    pub result: Memo<Result<Arc<Quote>, QuoteError>>,
    pub last_good: Memo<Option<Arc<Quote>>>,
}

/// A catalog that says there is none (used only if the embedded one failed to load).
fn empty_catalog() -> Catalog {
    Catalog {
        name: "No catalog".into(),
        version: String::new(),
        items: Vec::new(),
        pricing: None,
        presets: Vec::new(),
        tiers: Vec::new(),
        sha256: String::new(),
    }
}

/// A starting scenario for a catalog without presets: its first choices, one hub.
pub fn blank_scenario(c: &Catalog) -> Scenario {
    let first =
        |keys: Option<Vec<String>>| keys.and_then(|k| k.into_iter().next()).unwrap_or_default();
    let p = c.pricing.as_ref();
    let provider = first(p.map(|p| p.providers.keys().map(str::to_string).collect()));
    let region = first(
        p.and_then(|p| p.providers.get(&provider))
            .map(|x| x.regions.keys().map(str::to_string).collect()),
    );
    Scenario {
        format: crate::scenario::FORMAT.into(),
        customer: Default::default(),
        prepared_by: String::new(),
        tier: crate::scenario::RECOMMEND.into(),
        provider,
        region,
        account: first(p.map(|p| p.accounts.keys().map(str::to_string).collect())),
        billing: first(p.map(|p| p.billing.keys().map(str::to_string).collect())),
        active_months: 12,
        term_years: 1,
        help_hours_per_quarter: Decimal::ZERO,
        project_hours: Decimal::ZERO,
        discounts: Vec::new(),
        negotiated: Default::default(),
        hubs: vec![new_hub(c, "Hub 1")],
        notes: String::new(),
    }
}

/// A new hub with modest usage (staff edit it right away).
pub fn new_hub(c: &Catalog, name: &str) -> Hub {
    let size = c
        .pricing
        .as_ref()
        .and_then(|p| p.sizes.keys().next().map(str::to_string))
        .unwrap_or_default();
    Hub {
        name: name.into(),
        registered_users: 50,
        monthly_active_users: 40,
        hours_per_user: Decimal::from(10),
        size,
        gpu_share: Decimal::ZERO,
        home_gb_per_user: Decimal::ONE,
        object_storage_gb: Decimal::ZERO,
        egress_gb: Decimal::ZERO,
        dask_node_hours: Decimal::ZERO,
        features: Default::default(),
    }
}

fn default_scenario(c: &Catalog) -> Scenario {
    c.presets
        .first()
        .map_or_else(|| blank_scenario(c), |p| p.scenario.clone())
}

/// The saved draft's format: `DRAFT_VERSION MODE SHARE-LINK-PAYLOAD`, one line of text
/// (the scenario is the share link's versioned encoding; no JSON parser needed here).
const DRAFT_VERSION: &str = "hubquote.draft/1";

/// The saved draft, if there is a readable one of this version.
fn saved_draft() -> Option<Result<(Scenario, Mode), String>> {
    let text = io::storage_get(io::DRAFT_KEY)?;
    let mut words = text.split(' ');
    if words.next() != Some(DRAFT_VERSION) {
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
            first_message(&d)
        )
    }))
}

fn first_message(d: &Diagnostics) -> String {
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

impl Ctx {
    /// Builds the state: the embedded catalog, then the scenario of a share link, else
    /// the saved draft, else the catalog's first preset.
    pub fn new() -> Ctx {
        let (catalog, warnings, error) = match crate::catalog::Catalog::embedded() {
            // The embedded catalog's lints are for its authors (`hubquote check`), not prospects.
            Ok(l) => (l.catalog, Vec::new(), None),
            Err(d) => (
                empty_catalog(),
                Vec::new(),
                Some(d.render(crate::DEFAULT_CATALOG_NAME)),
            ),
        };
        let mut notice = None;
        let mut pristine = false;
        let mut mode = Mode::Guided;
        let hash = io::hash();
        let view = View::opened_by(&hash);
        let from_link = hash.strip_prefix("s=").map(share::decode);
        let scenario = match from_link {
            Some(Ok(s)) => s,
            other => {
                if let Some(Err(d)) = other {
                    notice = Some(format!(
                        "{} The last saved draft is shown instead.",
                        damaged_link(&d)
                    ));
                }
                match saved_draft() {
                    Some(Ok((s, m))) => {
                        mode = m;
                        s
                    }
                    Some(Err(e)) => {
                        notice.get_or_insert(e);
                        pristine = true;
                        default_scenario(&catalog)
                    }
                    None => {
                        pristine = true;
                        default_scenario(&catalog)
                    }
                }
            }
        };
        let today = io::today();
        let catalog = RwSignal::new(Arc::new(catalog));
        let draft = RwSignal::new(scenario);
        let problems = Memo::new(move |_| {
            catalog.with(|c| {
                draft.with(|s| {
                    s.validate(c)
                        .errors()
                        .map(|d| (d.path.clone(), d.message.clone()))
                        .collect::<Vec<_>>()
                })
            })
        });
        let result = Memo::new(move |_| {
            catalog.with(|c| draft.with(|s| pricing::quote(c, s, today).map(Arc::new)))
        });
        let last_good = Memo::new(move |prev: Option<&Option<Arc<Quote>>>| {
            result.with(|r| match r {
                Ok(q) => Some(q.clone()),
                Err(_) => prev.cloned().flatten(),
            })
        });
        Ctx {
            catalog,
            catalog_file: RwSignal::new(crate::DEFAULT_CATALOG_NAME.to_string()),
            catalog_error: RwSignal::new(error),
            catalog_warnings: RwSignal::new(warnings),
            draft,
            raw: RwSignal::new(ByPath::new()),
            parse_errors: RwSignal::new(ByPath::new()),
            view: RwSignal::new(view),
            mode: RwSignal::new(mode),
            preset: RwSignal::new(String::new()),
            notice: RwSignal::new(notice),
            pristine: RwSignal::new(pristine),
            problems,
            result,
            last_good,
        }
    }

    /// The field's message: its parse error, else the engine's validation message.
    pub fn error_of(&self, path: &str) -> Option<String> {
        if let Some(e) = self.parse_errors.with(|m| m.get(path).cloned()) {
            return Some(e);
        }
        self.problems.with(|p| {
            let msgs: Vec<&str> = p
                .iter()
                .filter(|(at, _)| at == path)
                .map(|(_, m)| m.as_str())
                .collect();
            (!msgs.is_empty()).then(|| capitalise(&msgs.join("; ")))
        })
    }

    /// The text a field shows: what is being typed, else the draft's value.
    pub fn text_of(&self, path: &str) -> String {
        self.raw
            .with(|m| m.get(path).cloned())
            .unwrap_or_else(|| self.draft.with(|s| paths::read(s, path)))
    }

    /// Text typed into a field: a value that parses goes into the draft; one that does
    /// not is kept as typed, with its message, and the draft keeps the last valid value.
    pub fn edit(&self, path: &str, text: String) {
        let mut next = self.draft.get_untracked();
        let outcome = paths::write(&mut next, path, &text);
        self.raw.update(|m| {
            m.insert(path.to_string(), text);
        });
        match outcome {
            Ok(()) => {
                if self.parse_errors.with_untracked(|m| m.contains_key(path)) {
                    self.parse_errors.update(|m| {
                        m.remove(path);
                    });
                }
                if self.draft.with_untracked(|s| *s != next) {
                    self.draft.set(next);
                    self.pristine.set(false);
                }
            }
            Err(e) => self.parse_errors.update(|m| {
                m.insert(path.to_string(), capitalise(&e));
            }),
        }
    }

    /// A choice from a list (select): applied as is.
    pub fn choose(&self, path: &str, value: String) {
        let cat = self.catalog.get_untracked();
        self.draft.update(|s| {
            let _ = paths::write(s, path, &value);
            // A new provider: keep the region if it has it, else take its first region.
            if path == "provider" {
                let regions = cat
                    .pricing
                    .as_ref()
                    .and_then(|p| p.providers.get(&s.provider))
                    .map(|x| &x.regions);
                if let Some(r) = regions.filter(|r| !r.contains(&s.region)) {
                    if let Some(first) = r.keys().next() {
                        s.region = first.to_string();
                    }
                }
            }
        });
        self.pristine.set(false);
    }

    /// Replaces the whole scenario (preset, share link, opened file): typed text and
    /// parse errors of the old one are dropped.
    pub fn replace(&self, s: Scenario) {
        self.raw.set(ByPath::new());
        self.parse_errors.set(ByPath::new());
        self.draft.set(s);
    }

    /// Adds or removes hubs or discounts; the typed text of that list is dropped since
    /// its paths move.
    pub fn restructure(&self, list: &str, f: impl FnOnce(&mut Scenario)) {
        let prefix = format!("{list}[");
        self.raw
            .update(|m| m.retain(|k, _| !k.starts_with(&prefix)));
        self.parse_errors
            .update(|m| m.retain(|k, _| !k.starts_with(&prefix)));
        self.draft.update(f);
        self.pristine.set(false);
    }

    /// True while some input is invalid or the chosen tier does not allow the scenario.
    pub fn stale(&self) -> bool {
        !self.parse_errors.with(|m| m.is_empty()) || self.result.with(|r| r.is_err())
    }

    /// Loads catalog text; on failure the current catalog stays and the error is shown.
    /// The full check of a catalog (every rule and lint) is code only this needs, so it is
    /// a lazily loaded chunk: the embedded catalog was checked by the tests.
    pub async fn load_catalog(self, file: String, text: String) {
        let Ok(checked) = check_catalog(text).await else {
            self.catalog_error
                .set(Some(super::quote::not_downloaded(&format!(
                    "{file} was not checked"
                ))));
            return;
        };
        match checked {
            Ok(l) => {
                let catalog = l.catalog;
                self.catalog_warnings.set(render_all(&l.warnings, &file));
                self.catalog_error.set(None);
                self.catalog_file.set(file);
                self.preset.set(String::new());
                if self.pristine.get_untracked() {
                    self.replace(default_scenario(&catalog));
                }
                self.catalog.set(Arc::new(catalog));
            }
            Err(d) => {
                let mut text = d.render(&file);
                if text.is_empty() {
                    text = format!("{file}: the catalog could not be loaded");
                }
                self.catalog_error.set(Some(text));
            }
        }
    }

    /// Saves the draft to localStorage (and keeps a share link in the address bar current).
    pub fn persist(&self) {
        let encoded = self.draft.with(share::encode);
        let mode = match self.mode.get() {
            Mode::Guided => "guided",
            Mode::Staff => "staff",
        };
        io::storage_set(io::DRAFT_KEY, &format!("{DRAFT_VERSION} {mode} {encoded}"));
        if io::hash().starts_with("s=") {
            io::set_hash(&format!("s={encoded}"));
        }
    }
}

fn render_all(d: &Diagnostics, file: &str) -> Vec<String> {
    d.rendered(file)
}

/// First letter upper-case: engine messages are sentence fragments that start with an
/// ASCII word or a catalog name (ASCII only: Unicode case tables would add 24 KB).
pub fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The shared state.
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

#[wasm_split(hubquote_check_catalog, wasm_split_path = ::leptos::wasm_split, fallible)]
fn check_catalog(
    text: String,
) -> Result<Result<crate::catalog::Loaded, Diagnostics>, SplitLoaderError> {
    Ok(Catalog::load(&text))
}

/// Fetches and compiles the catalog checker's chunk ahead of need.
pub async fn preload_catalog_check() {
    let _ = __wasm_split_preload_check_catalog().await;
}
