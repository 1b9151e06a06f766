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
    /// The instance's name: its storage key and element ids are made from it.
    pub instance: String,
    /// The instance's position on the page (0 for the first).
    pub index: usize,
}

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
        let web = || {
            some()
                .filter(|v| is_web(v))
                .map(Some)
                .ok_or_else(|| "is not an http(s) address; ignored".to_string())
        };
        match name {
            "catalog" => self.catalog = some(),
            "catalog-origins" => {
                self.catalog_origins = value.split_whitespace().map(str::to_string).collect()
            }
            "preset" => self.preset = some(),
            "tier" => self.tier = some(),
            "view" => {
                let views = View::ALL.map(|v| (v.key(), v));
                // The book of business is staff's own, not a view to embed.
                self.view = Some(pick(value, views.get(..3).unwrap_or(&views))?)
            }
            "mode" => self.audience = pick(value, &AUDIENCES)?,
            "chrome" => self.chrome = pick(value, &CHROMES)?,
            "history" => self.history = pick(value, &[("hash", true), ("none", false)])?,
            "storage" => self.storage = pick(value, &[("on", true), ("off", false)])?,
            "request" => {
                self.request = pick(value, &[("app", Request::App), ("host", Request::Host)])?
            }
            "contact-email" => self.contact_email = some(),
            "contact-url" => self.contact_url = some(),
            "contact-label" => self.contact_label = some(),
            "share-base" => self.share_base = web()?,
            "target-origin" if value == "*" => {
                return Err("is refused: name the parent page's origin (https://example.org); nothing is posted".into())
            }
            "target-origin" => self.target_origin = web()?,
            _ => return Err("is not an option".into()),
        }
        Ok(())
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
        }
        if let Some(label) = &self.contact_label {
            label.clone_into(&mut c.label);
        }
        if c.label.is_empty() {
            c.label = c.email.clone().unwrap_or_else(|| "us".into());
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
        let allowed = |o: &String| origin_of(o) == origin;
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

/// An origin as the browser writes it (`https://a.org`, no trailing slash, whatever the
/// host page wrote), or the text as given when it is not an address (it then matches
/// nothing).
fn origin_of(text: &str) -> String {
    web_sys::Url::new(text)
        .map(|u| u.origin())
        .unwrap_or_else(|_| text.to_string())
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

fn is_web(address: &str) -> bool {
    address.starts_with("https://") || address.starts_with("http://")
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
        if options.frame {
            options.read(name, crate::web::io::query(name), "?", &mut warn);
        }
    }
    for w in warn {
        web_sys::console::warn_1(&w.into());
    }
    options
}

/// Warns of each option of the instance at `el` that is not one (a misspelt attribute,
/// a query parameter of the iframe's page).
pub fn warn_unknown(el: &web_sys::Element, host: &Options) {
    let own = |name: &str| NAMES.contains(&name) || name == "hubquote" || name == "frame";
    let attributes = el.get_attribute_names();
    let mut unknown: Vec<String> = attributes
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
        unknown.extend(query.filter(|n| !own(n)).map(|n| format!("?{n}")));
    }
    for name in unknown {
        let w = format!(
            "hubquote: {name} is not an option (the options: {})",
            NAMES.join(", ")
        );
        web_sys::console::warn_1(&w.into());
    }
}
