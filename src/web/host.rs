//! What the host page tells the app, as `data-` attributes on the element it mounts into
//! (`#hubquote`), read into [`Host`] where they are needed (the catalog loader's chunk:
//! nothing of it in the first download). Today the catalog origins the page allows
//! beyond its own; more options go here, each a field.

/// The attribute listing the other origins catalogs may come from, space-separated:
/// `data-catalog-origins="https://a.org https://b.org"`.
const CATALOG_ORIGINS: &str = "data-catalog-origins";

/// The host page's options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Host {
    /// Origins (`https://a.org`) other than the page's own that catalogs may be fetched
    /// from, as the page wrote them; the page's own always may.
    pub catalog_origins: Vec<String>,
}

impl Host {
    /// The options on the mount element (none when it has no attributes).
    pub fn read() -> Host {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(super::MOUNT_ID));
        Host {
            catalog_origins: root
                .and_then(|r| r.get_attribute(CATALOG_ORIGINS))
                .map(|list| list.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
        }
    }

    /// The absolute address of a catalog at `url` (resolved against the page), if this
    /// page may load it: http(s) from the page's own origin or one the host allows; else
    /// why not (`data:`, `blob:`, `javascript:` and other origins are refused).
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
