//! Share links: a scenario in a URL fragment (`#s=1.<base64url of compact JSON>`), so
//! opening the link reproduces the same quote to the cent. The leading `1.` versions the
//! encoding; decoding goes through the same validating decoder as files. The catalog that
//! priced it follows as `&c=` ([`CatalogId`]), so that opening the link under another
//! catalog can say so; a link without it (written before) opens as it always did.

use super::decode::decode_node;
use super::Scenario;
use crate::catalog::Catalog;
use crate::source::{self, Decoder, Diagnostic, Diagnostics};
use base64ct::{Base64UrlUnpadded, Encoding};

/// The encoding version prefix.
pub const PREFIX: &str = "1.";

/// The longest encoded scenario (without `#s=`) a link may carry, in bytes: room for
/// every hub and discount a scenario may have, far below what a browser keeps in a URL
/// or in local storage. A longer one is refused unread; the web app saves a draft only
/// when it [`fits`].
pub const MAX_LINK_BYTES: usize = 512 * 1024;

/// What a URL fragment that holds a share link starts with: `#s=<encoded>`.
const FRAGMENT_KEY: &str = "s=";

/// What separates the scenario from the catalog's identity in a fragment (base64url never
/// has it).
const CATALOG_KEY: &str = "&c=";

/// The version prefix of a catalog's identity in a link.
const CATALOG_PREFIX: &str = "1.";

/// The hex digits of the catalog's SHA-256 a link carries: 64 bits tell catalogs apart.
pub const SHA_PREFIX_LEN: usize = 16;

/// The longest catalog identity (without `&c=`) a link may carry: a catalog's name and
/// version are short lines and its address a URL; a longer one is not read.
pub const MAX_CATALOG_ID_BYTES: usize = 8 * 1024;

/// Which catalog priced a shared scenario: its name, version, the first
/// [`SHA_PREFIX_LEN`] hex digits of its SHA-256, and the address it was fetched from, if
/// it was (`?catalog=`). In a link as `&c=1.<sha>.<name>.<version>[.<url>]`, the texts in
/// base64url.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogId {
    pub name: String,
    pub version: String,
    pub sha256: String,
    pub url: Option<String>,
}

impl CatalogId {
    /// The identity of `catalog`, fetched from `url` if it was.
    pub fn of(catalog: &Catalog, url: Option<&str>) -> CatalogId {
        CatalogId {
            name: catalog.name.clone(),
            version: catalog.version.clone(),
            sha256: catalog.sha256.chars().take(SHA_PREFIX_LEN).collect(),
            url: url.map(str::to_string),
        }
    }

    /// Whether `catalog` is this one (its SHA-256 starts with this one's digits).
    pub fn matches(&self, catalog: &Catalog) -> bool {
        !self.sha256.is_empty() && catalog.sha256.starts_with(&self.sha256)
    }

    /// `Name version (sha…)`, as the app names a catalog.
    pub fn label(&self) -> String {
        let version = if self.version.is_empty() {
            String::new()
        } else {
            format!(" {}", self.version)
        };
        format!("{}{version} ({}…)", self.name, self.sha256)
    }

    fn encode(&self) -> String {
        let mut out = format!("{CATALOG_PREFIX}{}", self.sha256);
        for text in [Some(&self.name), Some(&self.version), self.url.as_ref()]
            .into_iter()
            .flatten()
        {
            out.push('.');
            to_base64url(text.as_bytes(), &mut out);
        }
        out
    }

    /// Reads an identity back: `None` for anything [`CatalogId::encode`] does not write.
    fn decode(text: &str) -> Option<CatalogId> {
        if text.len() > MAX_CATALOG_ID_BYTES {
            return None;
        }
        let mut parts = text.strip_prefix(CATALOG_PREFIX)?.split('.');
        let sha256 = parts.next()?.to_string();
        let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
        if sha256.len() != SHA_PREFIX_LEN || !sha256.chars().all(hex) {
            return None;
        }
        let text = |p: &str| String::from_utf8(from_base64url(p)?).ok();
        let name = text(parts.next()?)?;
        let version = text(parts.next()?)?;
        let url = match parts.next() {
            Some(p) => Some(text(p).filter(|u| !u.is_empty())?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(CatalogId {
            name,
            version,
            sha256,
            url,
        })
    }
}

/// The catalog a share link names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MadeWith {
    /// None: a link written before links named their catalog, or no link at all.
    Unnamed,
    Catalog(CatalogId),
    /// A `&c=` that does not read (cut short, tampered).
    Unreadable,
}

/// The URL fragment (without `#`) that carries `s`, priced with `catalog`.
pub fn fragment(s: &Scenario, catalog: &CatalogId) -> String {
    format!(
        "{FRAGMENT_KEY}{}{CATALOG_KEY}{}",
        encode(s),
        catalog.encode()
    )
}

/// The share link to `s` priced with `catalog` on the page at `base` (an address without
/// a fragment).
pub fn link(base: &str, s: &Scenario, catalog: &CatalogId) -> String {
    format!("{base}#{}", fragment(s, catalog))
}

/// The link a customer gets: [`link`] to the customer's copy of `s`
/// ([`Scenario::for_customer`]: no internal notes, an approval without its details).
pub fn customer_link(base: &str, s: &Scenario, catalog: &CatalogId) -> String {
    link(base, &s.for_customer(), catalog)
}

/// The encoded scenario of a URL fragment (without `#`), if the fragment is a share link
/// (damaged or not: [`decode`] tells).
pub fn in_fragment(fragment: &str) -> Option<&str> {
    let rest = fragment.strip_prefix(FRAGMENT_KEY)?;
    Some(rest.split_once(CATALOG_KEY).map_or(rest, |(s, _)| s))
}

/// The catalog the share link in `fragment` names.
pub fn made_with(fragment: &str) -> MadeWith {
    MadeWith::read(named_catalog(fragment))
}

/// The text after `&c=` of the share link in `fragment`, if it has one (read by
/// [`MadeWith::read`]; the web app reads it only when it has something to say).
pub fn named_catalog(fragment: &str) -> Option<&str> {
    let rest = fragment.strip_prefix(FRAGMENT_KEY)?;
    rest.split_once(CATALOG_KEY).map(|(_, id)| id)
}

impl MadeWith {
    /// What the text after `&c=` ([`named_catalog`]) says.
    pub fn read(named: Option<&str>) -> MadeWith {
        match named {
            None => MadeWith::Unnamed,
            Some(id) => CatalogId::decode(id).map_or(MadeWith::Unreadable, MadeWith::Catalog),
        }
    }
}

/// The fragment value for a scenario (without `#s=`).
pub fn encode(s: &Scenario) -> String {
    let json = serde_json::to_string(s).unwrap_or_default();
    let mut out = String::from(PREFIX);
    to_base64url(json.as_bytes(), &mut out);
    out
}

/// Whether `s` can be shared and saved: its encoding is at most [`MAX_LINK_BYTES`].
pub fn fits(s: &Scenario) -> bool {
    encode(s).len() <= MAX_LINK_BYTES
}

/// Reads a fragment value back; a tampered or truncated link is an error, never a guess.
/// A link longer than [`MAX_LINK_BYTES`] is refused before it is decoded.
pub fn decode(text: &str) -> Result<Scenario, Diagnostics> {
    let fail = |m: &str| {
        Diagnostics::from(Diagnostic::error(
            "",
            format!("this share link is damaged: {m}"),
        ))
    };
    let text = text.trim();
    if text.len() > PREFIX.len() + MAX_LINK_BYTES {
        return Err(fail(&format!(
            "it is longer than the {MAX_LINK_BYTES} characters of any link this calculator writes"
        )));
    }
    let body = text
        .strip_prefix(PREFIX)
        .ok_or_else(|| fail("it does not start with a known version"))?;
    let bytes = from_base64url(body)
        .ok_or_else(|| fail("it is not valid base64url (was it cut short?)"))?;
    let json = String::from_utf8(bytes).map_err(|_| fail("it is not text"))?;
    let damaged = |mut d: Diagnostics| {
        for x in &mut d {
            x.message = format!("this share link is damaged: {}", x.message);
        }
        d
    };
    let root = source::parse_json(&json).map_err(|e| damaged(Diagnostics::from(e)))?;
    let mut d = Decoder::new();
    match decode_node(&mut d, &root) {
        Some(s) if !d.diags.has_errors() => Ok(s),
        _ => Err(damaged(d.diags)),
    }
}

/// Appends `bytes` in base64url without `=` padding (RFC 4648 §5).
fn to_base64url(bytes: &[u8], out: &mut String) {
    out.push_str(&Base64UrlUnpadded::encode_string(bytes));
}

/// Reads base64url without padding; `None` for any other character, a length no
/// encoding produces, or unused trailing bits that are not zero (only one text encodes
/// each byte string).
fn from_base64url(text: &str) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        Scenario::decode(
            r#"{"format":"hubquote.scenario/1","customer":{"name":"Université de Montréal"},
                "tier":"recommend","provider":"p","region":"r","account":"a","billing":"b",
                "active_months":9,"discounts":[{"target":"membership","percent":"10","reason":"x"}],
                "hubs":[{"name":"Hub 1","registered_users":50,"monthly_active_users":40,
                         "hours_per_user":"2.5","size":"s","home_gb_per_user":"1","features":{"hub:dask":"Enabled"}}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn round_trip_and_tampering() {
        let s = &scenario();
        let link = encode(s);
        assert!(link
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "-_.".contains(ch)));
        assert_eq!(decode(&link).unwrap(), *s);
        assert!(decode(&link[..link.len() / 2]).is_err());
        assert!(decode("2.abc").is_err());
        let f = fragment(s, &id(None));
        assert_eq!(decode(in_fragment(&f).unwrap()).unwrap(), *s);
        assert_eq!(
            super::link("https://x.org/q", s, &id(None)),
            format!("https://x.org/q#{f}")
        );
        assert_eq!(in_fragment("quote"), None);
        // A link written before links named their catalog opens as it did.
        assert_eq!(
            decode(in_fragment(&format!("s={link}")).unwrap()).unwrap(),
            *s
        );
        assert!(decode("1.!!!").is_err());
        assert!(fits(s));
        let long = format!("1.{}", "A".repeat(MAX_LINK_BYTES + 1));
        assert!(decode(&long)
            .unwrap_err()
            .render("link")
            .contains("it is longer than"));
        let mut link = String::from("1.");
        to_base64url(b"{\"format\":1}", &mut link);
        let e = decode(&link).unwrap_err();
        assert!(e
            .iter()
            .all(|d| d.message.starts_with("this share link is damaged")));
    }

    fn id(url: Option<&str>) -> CatalogId {
        CatalogId {
            name: "Hub Catalog \u{e9}.&c=".into(),
            version: "2026.1".into(),
            sha256: "0123456789abcdef".into(),
            url: url.map(str::to_string),
        }
    }

    #[test]
    fn links_name_their_catalog() {
        let s = &scenario();
        for url in [None, Some("https://catalogs.example.org/c.json?x=1&c=2#f")] {
            let f = fragment(s, &id(url));
            assert_eq!(made_with(&f), MadeWith::Catalog(id(url)), "{f}");
            assert_eq!(decode(in_fragment(&f).unwrap()).unwrap(), *s);
            assert!(f
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "-_.=&".contains(ch)));
        }
        let plain = format!("s={}", encode(s));
        assert_eq!(made_with(&plain), MadeWith::Unnamed);
        assert_eq!(made_with("quote"), MadeWith::Unnamed);
        let f = fragment(s, &id(Some("https://x.org/c.json")));
        let unreadable = [
            f[..f.find("&c=").unwrap() + 10].to_string(),
            format!("{f}!"),
            f.replace("&c=1.", "&c=2."),
            f.replace("0123456789abcdef", "0123456789ABCDEF"),
            f.replace("0123456789abcdef", "0123"),
            format!("{f}.eA"),
            format!("{plain}&c=1.0123456789abcdef"),
            format!("{plain}&c=1.0123456789abcdef.eA.eA."),
            format!("{plain}&c={}", "A".repeat(MAX_CATALOG_ID_BYTES + 1)),
        ];
        for bad in unreadable {
            assert_eq!(made_with(&bad), MadeWith::Unreadable, "{bad}");
        }
    }

    #[test]
    fn a_catalog_is_known_by_its_digest() {
        let mut c = crate::catalog::Catalog::embedded().unwrap().catalog;
        let ours = CatalogId::of(&c, None);
        assert_eq!(ours.sha256.len(), SHA_PREFIX_LEN);
        assert!(ours.matches(&c));
        assert_eq!(
            ours.label(),
            format!(
                "{} {} ({}…)",
                c.name,
                c.version,
                &c.sha256[..SHA_PREFIX_LEN]
            )
        );
        assert!(!id(None).matches(&c));
        c.sha256 = "f".repeat(64);
        assert!(!ours.matches(&c));
        let unversioned = CatalogId {
            version: String::new(),
            ..id(None)
        };
        assert_eq!(
            unversioned.label(),
            "Hub Catalog \u{e9}.&c= (0123456789abcdef…)"
        );
    }

    #[test]
    fn base64url_as_rfc_4648_writes_it() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xfe], "-__-"),
        ] {
            let mut out = String::new();
            to_base64url(bytes, &mut out);
            assert_eq!(out, text);
            assert_eq!(from_base64url(text).as_deref(), Some(bytes));
        }
        // Padding, other alphabets, impossible lengths and non-zero trailing bits.
        for bad in ["Zg==", "Zm9v+/", "Z", "Zm9vY", "Zh", "Zm9", "Zm a"] {
            assert_eq!(from_base64url(bad), None, "{bad}");
        }
    }
}
