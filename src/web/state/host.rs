//! The host page's options for one instance of the app, the one owner of their names,
//! values and defaults: read from the mount element's `data-*` attributes, each checked,
//! with a console warning naming an unknown option or a bad value (the default is used);
//! in the iframe's page (`embed.html`, whose element has `data-frame`) also from the
//! page's query string, the same names without `data-`. Everything else reads the typed
//! [`Options`].

use super::draft::Mode;
use super::nav::View;
use crate::catalog::Contact;

/// The id of the element the app mounted into before instances had options; `boot.js`
/// still mounts one there, with the defaults.
pub const MOUNT_ID: &str = "hubquote";

/// Who may use the form: the guided flow with the staff form a click away, the staff
/// form first, or the public (no staff form, no internal copy, ever).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Audience {
    Guided,
    Staff,
    Public,
}

/// The app's header: title, catalog line and catalog loader, or none of them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Chrome {
    Full,
    Minimal,
}

/// The words of each audience and chrome in the options (and `hubquote:ready`).
const AUDIENCES: [(&str, Audience); 3] = [
    ("guided", Audience::Guided),
    ("staff", Audience::Staff),
    ("public", Audience::Public),
];
const CHROMES: [(&str, Chrome); 2] = [("full", Chrome::Full), ("minimal", Chrome::Minimal)];
/// The words of `history` (whether the app writes the page's fragment) and `storage`.
const HISTORIES: [(&str, bool); 2] = [("hash", true), ("none", false)];
const STORAGES: [(&str, bool); 2] = [("on", true), ("off", false)];

impl Audience {
    pub fn key(self) -> &'static str {
        key_of(&AUDIENCES, self)
    }
}

impl Chrome {
    pub fn key(self) -> &'static str {
        key_of(&CHROMES, self)
    }
}

/// The word for `value` in `table`.
fn key_of<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> &'static str {
    table
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("", |(k, _)| k)
}

/// In the iframe, who follows the contact action: the iframe itself, or the host page
/// (told by `postMessage`, it cannot cancel the iframe's action in time).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Request {
    App,
    Host,
}

/// One instance's options, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The catalog's address (`data-catalog`).
    pub catalog: Option<String>,
    /// Origins other than the page's a catalog may come from (empty: same origin only).
    pub catalog_origins: Vec<String>,
    pub preset: Option<String>,
    pub view: Option<View>,
    pub tier: Option<String>,
    pub audience: Audience,
    pub chrome: Chrome,
    /// Whether the app writes the page's URL fragment (the view, a share link).
    pub history: bool,
    /// Whether drafts are saved and restored.
    pub storage: bool,
    pub contact_email: Option<String>,
    pub contact_url: Option<String>,
    pub contact_label: Option<String>,
    /// The address share links point to (default: the host page without its fragment).
    pub share_base: Option<String>,
    /// The iframe's parent origin for `postMessage` (none: nothing is posted).
    pub target_origin: Option<String>,
    pub request: Request,
    /// This instance is the page of an iframe (`embed.html`): its events also go to the
    /// parent, with its height.
    pub frame: bool,
    /// This instance opens a share link found in the page's fragment: the one that owns
    /// the address bar (`history=hash`), else the page's first when none does.
    pub opens_links: bool,
    /// The instance's name: its storage key and element ids are made from it.
    pub instance: String,
    /// The instance's position on the page (0 for the first).
    pub index: usize,
}

/// The options the iframe's page also takes from its address (`embed.html?mode=…`): how
/// it looks and whom it tells, never where its prices, its contact or its links come
/// from (anyone can make such an address on the app's own site; those are set on
/// `embed.html`'s element, by whoever deploys it).
const FROM_QUERY: [&str; 9] = [
    "preset",
    "view",
    "tier",
    "mode",
    "chrome",
    "history",
    "storage",
    "target-origin",
    "request",
];

/// Every option's name: what is read, and what the warning about an unknown one lists.
const NAMES: [&str; 15] = [
    "catalog",
    "catalog-origins",
    "preset",
    "view",
    "tier",
    "mode",
    "chrome",
    "history",
    "storage",
    "contact-email",
    "contact-url",
    "contact-label",
    "share-base",
    "target-origin",
    "request",
];

impl Options {
    /// The defaults of an instance named `instance` at `index` on the page.
    pub fn defaults(instance: String, index: usize) -> Options {
        Options {
            catalog: None,
            catalog_origins: Vec::new(),
            preset: None,
            view: None,
            tier: None,
            audience: Audience::Guided,
            chrome: Chrome::Full,
            history: false,
            storage: true,
            contact_email: None,
            contact_url: None,
            contact_label: None,
            share_base: None,
            target_origin: None,
            request: Request::App,
            frame: false,
            opens_links: false,
            instance,
            index,
        }
    }

    /// Sets the option `name` to `value`, if given; a problem is a warning naming the
    /// option as the host wrote it (`prefix` + `name`).
    fn read(&mut self, name: &str, value: Option<String>, prefix: &str, warn: &mut Vec<String>) {
        if let Some(value) = value {
            if let Err(e) = self.set(name, value.trim()) {
                warn.push(format!("hubquote: {prefix}{name}=\"{}\" {e}", value.trim()));
            }
        }
    }

    /// Sets one option, or says why not (after the option's name).
    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let some = || (!value.is_empty()).then(|| value.to_string());
        match name {
            "catalog" => self.catalog = some(),
            "catalog-origins" => {
                let origins: Option<Vec<String>> = value.split_whitespace().map(origin).collect();
                self.catalog_origins = origins.ok_or(
                    "has an entry that is not an http(s) origin (https://example.org); none of them is allowed",
                )?
            }
            "preset" => self.preset = some(),
            "tier" => self.tier = some(),
            "view" => {
                // The book of business is staff's own, not a view to embed.
                let views: Vec<(&str, View)> = View::ALL
                    .into_iter()
                    .filter(|v| v.shown(false))
                    .map(|v| (v.key(), v))
                    .collect();
                self.view = Some(pick(value, &views)?)
            }
            "mode" => self.audience = pick(value, &AUDIENCES)?,
            "chrome" => self.chrome = pick(value, &CHROMES)?,
            "history" => self.history = pick(value, &HISTORIES)?,
            "storage" => self.storage = pick(value, &STORAGES)?,
            "request" => {
                self.request = pick(value, &[("app", Request::App), ("host", Request::Host)])?
            }
            "contact-email" => self.contact_email = some(),
            "contact-url" => self.contact_url = some(),
            "contact-label" => self.contact_label = some(),
            "share-base" => {
                let base = web_address(value).ok_or("is not an http(s) address; ignored")?;
                self.share_base = Some(base)
            }
            "target-origin" if value == "*" => {
                return Err("is refused: name the parent page's origin (https://example.org); nothing is posted".into())
            }
            "target-origin" => {
                let origin = origin(value).ok_or("is not an http(s) origin; nothing is posted")?;
                self.target_origin = Some(origin)
            }
            _ => return Err("is not an option".into()),
        }
        Ok(())
    }

    /// The words of `history` and `storage` as resolved (`hubquote:ready` tells them).
    pub fn history_key(&self) -> &'static str {
        key_of(&HISTORIES, self.history)
    }

    pub fn storage_key(&self) -> &'static str {
        key_of(&STORAGES, self.storage)
    }

    /// The form mode an instance starts in.
    pub fn first_mode(&self) -> Mode {
        match self.audience {
            Audience::Staff => Mode::Staff,
            _ => Mode::Guided,
        }
    }

    /// The localStorage key of this instance's draft: `hubquote.draft` for the page's
    /// `#hubquote` element (where drafts were saved before instances had names), else
    /// `hubquote.draft:<name>`.
    pub fn draft_key(&self) -> String {
        if self.instance == MOUNT_ID {
            "hubquote.draft".into()
        } else {
            format!("hubquote.draft:{}", self.instance)
        }
    }

    /// This instance's element id for `part`: `hq-<part>` in the first instance (the ids
    /// of `docs/ui-contract.md`), `hq<index>-<part>` in the others.
    pub fn id(&self, part: &str) -> String {
        match self.index {
            0 => format!("hq-{part}"),
            i => format!("hq{i}-{part}"),
        }
    }

    /// The catalog's contact with this instance's overrides (checked where the action is
    /// made, `contact::checked`, so that the first download carries no contact rules).
    pub fn contact(&self, catalog: Option<&Contact>) -> Option<Contact> {
        let overridden = self.contact_email.is_some() || self.contact_url.is_some();
        let mut c = match catalog {
            Some(c) => c.clone(),
            None if overridden => Contact {
                label: String::new(),
                email: None,
                url: None,
                subject: String::new(),
                body: String::new(),
            },
            None => return None,
        };
        if overridden {
            c.email = self.contact_email.clone();
            c.url = self.contact_url.clone();
            // The catalog's label names the catalog's contact, not the host's: without
            // a label of its own, the override is named by its address (the e-mail, or
            // the web address's host); none, and the contact's rules refuse it.
            c.label = c
                .email
                .clone()
                .or_else(|| c.url.as_deref().and_then(url_host))
                .unwrap_or_default();
        }
        if let Some(label) = &self.contact_label {
            label.clone_into(&mut c.label);
        }
        Some(c)
    }

    /// The absolute address of a catalog at `url` (resolved against the page), if this
    /// instance may load it: http(s) from the page's own origin or one the host allows
    /// (`catalog-origins`); else why not (`data:`, `blob:`, `javascript:` and other
    /// origins are refused).
    pub fn catalog_url(&self, url: &str) -> Result<String, String> {
        let page = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let parsed = web_sys::Url::new_with_base(url, &page)
            .map_err(|_| format!("{url} was not loaded: it is not an address"))?;
        let own = web_sys::Url::new(&page).map(|p| p.origin()).ok();
        let origin = parsed.origin();
        let web = matches!(parsed.protocol().as_str(), "http:" | "https:");
        let allowed = |o: &String| *o == origin;
        if web && (own.as_deref() == Some(&origin) || self.catalog_origins.iter().any(allowed)) {
            return Ok(parsed.href());
        }
        Err(format!(
            "{url} was not loaded: this page loads catalogs from its own site only{}.",
            if self.catalog_origins.is_empty() {
                String::new()
            } else {
                format!(" and from {}", self.catalog_origins.join(", "))
            }
        ))
    }
}

/// The host name of a web address (`2i2c.org`), if it is one.
fn url_host(address: &str) -> Option<String> {
    web_sys::Url::new(address)
        .ok()
        .map(|u| u.hostname())
        .filter(|h| !h.is_empty())
}

/// `value` as one of `choices`, or why not (the choices named).
fn pick<T: Copy>(value: &str, choices: &[(&str, T)]) -> Result<T, String> {
    choices
        .iter()
        .find(|(k, _)| *k == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let known: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
            format!("is not one of {}; the default is used", known.join(", "))
        })
}

/// `address` as the browser writes it, without a fragment (a share link adds its
/// own), if it is an http(s) address.
fn web_address(address: &str) -> Option<String> {
    let url = web_sys::Url::new(address).ok()?;
    let web = matches!(url.protocol().as_str(), "http:" | "https:") && !url.host().is_empty();
    web.then(|| {
        url.set_hash("");
        url.href().trim_end_matches('#').to_string()
    })
}

/// The origin of an http(s) address (`https://a.org`), as the browser writes it.
fn origin(address: &str) -> Option<String> {
    web_address(address).and_then(|a| web_sys::Url::new(&a).ok().map(|u| u.origin()))
}

thread_local! {
    /// The elements an instance is mounted in, in order: the next one's index.
    static MOUNTED: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Counts `el` as the next instance's mount element and returns its index; none if an
/// instance is mounted there already.
pub fn register(el: &web_sys::Element) -> Option<usize> {
    MOUNTED.with_borrow_mut(|m| {
        if m.iter().any(|e| e.is_same_node(Some(el))) {
            return None;
        }
        m.push(el.clone());
        Some(m.len() - 1)
    })
}

/// The mount element of the `index`-th instance.
pub fn mounted(index: usize) -> Option<web_sys::Element> {
    MOUNTED.with_borrow(|m| m.get(index).cloned())
}

/// The options of the element `el`, the `index`-th instance on the page (in the iframe's
/// page, `data-frame`, then its query string's); a bad value's warning goes to the
/// console. (Unknown options are told after the first paint: [`warn_unknown`].)
pub fn read(el: &web_sys::Element, index: usize) -> Options {
    let instance = [
        el.id(),
        el.get_attribute("data-hubquote").unwrap_or_default(),
    ]
    .into_iter()
    .find(|n| !n.trim().is_empty())
    .unwrap_or_else(|| index.to_string());
    let mut options = Options::defaults(instance, index);
    options.frame = el.has_attribute("data-frame");
    let mut warn = Vec::new();
    for name in NAMES {
        let attribute = el.get_attribute(&format!("data-{name}"));
        options.read(name, attribute, "data-", &mut warn);
        if options.frame && FROM_QUERY.contains(&name) {
            options.read(name, crate::web::io::query(name), "?", &mut warn);
        }
    }
    options.opens_links = options.history || (index == 0 && !page_has_history_owner());
    if options.frame && options.request == Request::Host && options.target_origin.is_none() {
        // Told to no one, a request the iframe left to its host would go nowhere.
        warn.push("hubquote: ?request=host needs a target-origin to post the request to; the iframe follows the contact itself".into());
        options.request = Request::App;
    }
    for w in warn {
        web_sys::console::warn_1(&w.into());
    }
    options
}

/// Whether an instance on the page owns the address bar (`data-history="hash"`).
fn page_has_history_owner() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(
                r#"[data-hubquote][data-history="hash"], #hubquote[data-history="hash"]"#,
            )
            .ok()
            .flatten()
        })
        .is_some()
}

/// Warns of each option of the instance at `el` that is not one (a misspelt attribute,
/// a query parameter of the iframe's page that is not one of its address's).
pub fn warn_unknown(el: &web_sys::Element, host: &Options) {
    let own = |name: &str| NAMES.contains(&name) || name == "hubquote" || name == "frame";
    let attributes = el.get_attribute_names();
    let unknown: Vec<String> = attributes
        .iter()
        .filter_map(|n| n.as_string())
        .filter_map(|n| n.strip_prefix("data-").map(str::to_string))
        .filter(|n| !own(n))
        .map(|n| format!("data-{n}"))
        .collect();
    if host.frame {
        let query = crate::web::io::query_pairs()
            .into_iter()
            .map(|(name, _)| name);
        let unknown_query = query.filter(|n| !FROM_QUERY.contains(&n.as_str()));
        for name in unknown_query {
            let w = format!(
                "hubquote: ?{name} is not an option of embed.html's address (those: {}; the others are data- attributes of its element)",
                FROM_QUERY.join(", ")
            );
            web_sys::console::warn_1(&w.into());
        }
    }
    for name in unknown {
        let w = format!(
            "hubquote: {name} is not an option (the options: {})",
            NAMES.join(", ")
        );
        web_sys::console::warn_1(&w.into());
    }
}
