//! Share links: a scenario in a URL fragment (`#s=1.<base64url of compact JSON>`), so
//! opening the link reproduces the same quote to the cent. The leading `1.` versions the
//! encoding; decoding goes through the same validating decoder as files.

use super::decode::decode_node;
use super::Scenario;
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

/// The URL fragment (without `#`) that carries `s`.
pub fn fragment(s: &Scenario) -> String {
    format!("{FRAGMENT_KEY}{}", encode(s))
}

/// The share link to `s` on the page at `base` (an address without a fragment).
pub fn link(base: &str, s: &Scenario) -> String {
    format!("{base}#{}", fragment(s))
}

/// The link a customer gets: [`link`] to the customer's copy of `s`
/// ([`Scenario::for_customer`]: no internal notes, an approval without its details).
pub fn customer_link(base: &str, s: &Scenario) -> String {
    link(base, &s.for_customer())
}

/// The encoded scenario of a URL fragment (without `#`), if the fragment is a share link
/// (damaged or not: [`decode`] tells).
pub fn in_fragment(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(FRAGMENT_KEY)
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
        let f = fragment(s);
        assert_eq!(decode(in_fragment(&f).unwrap()).unwrap(), *s);
        assert_eq!(
            super::link("https://x.org/q", s),
            format!("https://x.org/q#{f}")
        );
        assert_eq!(in_fragment("quote"), None);
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
