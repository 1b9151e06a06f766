//! The host page's options for one instance of the app, the one owner of their names,
//! values and defaults: read from the mount element's `data-*` attributes, each checked,
//! with a console warning naming an unknown option or a bad value (the default is used).
//! Everything else reads the typed [`Options`].

use super::state::{Mode, View};
use crate::catalog::Contact;

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
    /// The instance's name: its storage key and element ids are made from it.
    pub instance: String,
    /// The instance's position on the page (0 for the first).
    pub index: usize,
}

/// Every option's name, as the warning about an unknown one lists them.
const KNOWN: &str = "catalog, catalog-origins, preset, view, tier, mode, chrome, history, storage, contact-email, contact-url, contact-label, share-base, target-origin, request";

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
            instance,
            index,
        }
    }

    /// Reads `(name, value)` pairs over the defaults; each problem is a warning.
    pub fn parse<'a>(
        mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        warn: &mut Vec<String>,
    ) -> Options {
        for (name, value) in pairs {
            if let Err(e) = self.set(name, value.trim()) {
                warn.push(e);
            }
        }
        self
    }

    /// Sets one option, or says why not.
    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let some = || (!value.is_empty()).then(|| value.to_string());
        match name {
            "catalog" => self.catalog = some(),
            "catalog-origins" => {
                self.catalog_origins = value.split_whitespace().map(str::to_string).collect()
            }
            "preset" => self.preset = some(),
            "tier" => self.tier = some(),
            "view" => self.view = Some(pick(name, value, &View::ALL.map(|v| (v.key(), v)))?),
            "mode" => {
                self.audience = pick(
                    name,
                    value,
                    &[
                        ("guided", Audience::Guided),
                        ("staff", Audience::Staff),
                        ("public", Audience::Public),
                    ],
                )?
            }
            "chrome" => {
                self.chrome = pick(
                    name,
                    value,
                    &[("full", Chrome::Full), ("minimal", Chrome::Minimal)],
                )?
            }
            "history" => self.history = pick(name, value, &[("hash", true), ("none", false)])?,
            "storage" => self.storage = pick(name, value, &[("on", true), ("off", false)])?,
            "request" => {
                self.request = pick(name, value, &[("app", Request::App), ("host", Request::Host)])?
            }
            "contact-email" => self.contact_email = some(),
            "contact-url" => self.contact_url = some(),
            "contact-label" => self.contact_label = some(),
            "share-base" => self.share_base = some().filter(|b| is_web(b)),
            "target-origin" if value == "*" => {
                return Err("hubquote: data-target-origin=\"*\" is refused: name the parent page's origin (https://example.org)".into())
            }
            "target-origin" => self.target_origin = some().filter(|b| is_web(b)),
            // The marker itself (`data-hubquote="name"`): the instance's name.
            "hubquote" => {}
            _ => {
                return Err(format!(
                    "hubquote: unknown option data-{name} (known, each after data-: {KNOWN})"
                ))
            }
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
        if self.instance == super::MOUNT_ID {
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

/// `value` as one of `choices`, or a warning naming the option and the choices.
fn pick<T: Copy>(name: &str, value: &str, choices: &[(&str, T)]) -> Result<T, String> {
    choices
        .iter()
        .find(|(k, _)| *k == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let known: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
            format!(
                "hubquote: data-{name}=\"{value}\" is not one of {}; the default is used",
                known.join(", ")
            )
        })
}

fn is_web(address: &str) -> bool {
    address.starts_with("https://") || address.starts_with("http://")
}

/// The options of the element `el`, the `index`-th instance on the page; warnings go to
/// the console.
pub fn read(el: &web_sys::Element, index: usize) -> Options {
    let instance = [
        el.id(),
        el.get_attribute("data-hubquote").unwrap_or_default(),
    ]
    .into_iter()
    .find(|n| !n.trim().is_empty())
    .unwrap_or_else(|| index.to_string());
    let pairs: Vec<(String, String)> = el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .filter_map(|n| {
            let name = n.strip_prefix("data-")?.to_string();
            Some((name, el.get_attribute(&n).unwrap_or_default()))
        })
        .collect();
    let mut warn = Vec::new();
    let options = Options::defaults(instance, index).parse(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        &mut warn,
    );
    for w in warn {
        web_sys::console::warn_1(&w.into());
    }
    options
}
