//! The next step a prospect is offered after reading a quote: whom to ask for it (an
//! e-mail address, or a web address to open) and what the message says. Catalog data
//! like the prices; a host page may override it per instance, checked by the same rules
//! ([`Contact::problems`]). `quote::contact` fills the templates from a quote.

use crate::source::{Decoder, Node, TextLimit, NAME, PARAGRAPH, URL};
use serde::Serialize;

/// The placeholders a subject, body or web address may hold, each written `{name}`.
pub const PLACEHOLDERS: [&str; 6] = [
    "share_link",
    "quote_number",
    "tier",
    "first_year_total",
    "customer",
    "totals",
];

/// Web address schemes a contact may open.
const SCHEMES: [&str; 3] = ["https:", "http:", "mailto:"];

/// How to ask for the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Contact {
    /// Who is asked, as the visitor reads it: "2i2c's partnerships team".
    pub label: String,
    /// The address a `mailto:` goes to (used when there is no `url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A web address template opened instead of an e-mail (http, https or mailto).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The e-mail's subject template; empty: [`DEFAULT_SUBJECT`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    /// The e-mail's body template; empty: [`DEFAULT_BODY`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
}

/// The subject when the catalog gives none.
pub const DEFAULT_SUBJECT: &str = "Quote {quote_number}: {tier}";

/// The body when the catalog gives none.
pub const DEFAULT_BODY: &str = "Hello,\n\nI would like to discuss this quote for {customer}.\n\n{totals}\n\nThe quote (it opens with the same answers): {share_link}\n";

impl Contact {
    /// The subject template in use.
    pub fn subject(&self) -> &str {
        non_empty(&self.subject, DEFAULT_SUBJECT)
    }

    /// The body template in use.
    pub fn body(&self) -> &str {
        non_empty(&self.body, DEFAULT_BODY)
    }

    /// Each text with its field and limit (what `catalog::limits` checks first).
    pub fn texts(&self) -> [(&'static str, &str, TextLimit); 5] {
        [
            ("label", &self.label, NAME),
            ("email", self.email.as_deref().unwrap_or_default(), NAME),
            ("url", self.url.as_deref().unwrap_or_default(), URL),
            ("subject", &self.subject, NAME),
            ("body", &self.body, PARAGRAPH),
        ]
    }

    /// Every problem, as (field, message): the texts' lengths first (a text too long is
    /// read no further), then [`Contact::rules`]. What a host page's override is held to.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let long: Vec<_> = self
            .texts()
            .into_iter()
            .filter_map(|(field, text, limit)| {
                limit
                    .problem(text)
                    .map(|p| (field, format!("the {field} {p}")))
            })
            .collect();
        if long.is_empty() {
            self.rules()
        } else {
            long
        }
    }

    /// The rules within the limits: a label, at least one of e-mail or web address, the
    /// e-mail's shape, the web address's scheme, only known placeholders in a template.
    pub fn rules(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.label.trim().is_empty() {
            out.push(("label", "the label is empty".to_string()));
        }
        match (&self.email, &self.url) {
            (None, None) => out.push(("email", "give an email or a url (or both)".to_string())),
            (Some(e), _) if !is_email(e) => out.push((
                "email",
                format!("\"{e}\" is not an e-mail address (name@example.org: letters, digits and . _ + - before the @, a domain with a dot after it)"),
            )),
            _ => {}
        }
        if let Some(u) = &self.url {
            if !SCHEMES.iter().any(|s| starts_with_ignore_case(u, s)) {
                out.push((
                    "url",
                    format!("\"{u}\" must start with https:, http: or mailto:"),
                ));
            }
        }
        for (field, text) in [
            ("url", self.url.as_deref().unwrap_or_default()),
            ("subject", &self.subject),
            ("body", &self.body),
        ] {
            if let Err(e) = parse(text) {
                out.push((field, format!("the {field} {e}")));
            }
        }
        out
    }
}

fn non_empty<'a>(text: &'a str, default: &'a str) -> &'a str {
    if text.is_empty() {
        default
    } else {
        text
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// A plain address: `local@domain.tld`, the local part of letters, digits and `._+-`,
/// the domain of labels of letters, digits and `-` joined by dots. Stricter than RFC
/// 5322 on purpose: nothing in it needs encoding in a `mailto:`.
pub fn is_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    local_ok && domain_ok
}

/// A template's pieces: literal text and placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'t> {
    Text(&'t str),
    Placeholder(&'t str),
}

/// Splits a template into its pieces; a `{` without its `}`, a `}` without its `{`, or
/// an unknown name is an error (one pass, no nesting).
pub fn parse(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        let (text, tail) = rest.split_at(open);
        if text.contains('}') || tail.starts_with('}') {
            return Err("has a \"}\" that closes nothing".to_string());
        }
        pieces.push(Piece::Text(text));
        let Some(close) = tail.find('}') else {
            return Err("has a \"{\" that is never closed".to_string());
        };
        let name = tail.get(1..close).unwrap_or_default();
        if !PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "names an unknown placeholder {{{}}} (known: {})",
                crate::source::shorten(name),
                PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")
            ));
        }
        pieces.push(Piece::Placeholder(name));
        rest = tail.get(close + 1..).unwrap_or_default();
    }
    pieces.push(Piece::Text(rest));
    Ok(pieces)
}

const KEYS: &[&str] = &["label", "email", "url", "subject", "body"];

/// Decodes the `contact` section, recording every type error.
pub fn decode(d: &mut Decoder, n: &Node) -> Option<Contact> {
    d.object(n)?;
    d.check_keys(n, KEYS, false);
    let label = d.req_string(n, "label");
    let email = d.opt_string(n, "email");
    let url = d.opt_string(n, "url");
    let subject = d.text_or_empty(n, "subject");
    let body = d.text_or_empty(n, "body");
    Some(Contact {
        label: label?,
        email: email.ok()?,
        url: url.ok()?,
        subject: subject?,
        body: body?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> Contact {
        Contact {
            label: "2i2c".into(),
            email: Some("hello@2i2c.org".into()),
            url: None,
            subject: String::new(),
            body: String::new(),
        }
    }

    #[test]
    fn addresses_of_the_plain_shape_only() {
        for ok in ["hello@2i2c.org", "a.b+quotes@mail.example-x.org"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "hello",
            "@2i2c.org",
            "hello@",
            "hello@2i2c",
            "hello@2i2c..org",
            "a b@x.org",
            "a?subject=x@x.org",
            "a@b@x.org",
            "a%40@x.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn templates_split_into_text_and_known_placeholders() {
        assert_eq!(
            parse("Quote {quote_number}: {tier}").unwrap(),
            vec![
                Piece::Text("Quote "),
                Piece::Placeholder("quote_number"),
                Piece::Text(": "),
                Piece::Placeholder("tier"),
                Piece::Text(""),
            ]
        );
        assert!(parse("{price}")
            .unwrap_err()
            .contains("unknown placeholder {price}"));
        assert!(parse("a { b").unwrap_err().contains("never closed"));
        assert!(parse("a } b").unwrap_err().contains("closes nothing"));
        assert!(parse("a {tier}} b").unwrap_err().contains("closes nothing"));
        assert!(parse(DEFAULT_SUBJECT).is_ok() && parse(DEFAULT_BODY).is_ok());
    }

    #[test]
    fn a_contact_needs_a_way_to_reach_someone_and_only_safe_schemes() {
        assert!(contact().problems().is_empty());
        let none = Contact {
            email: None,
            ..contact()
        };
        assert_eq!(none.problems()[0].0, "email");
        for (url, ok) in [
            ("https://2i2c.org/contact?q={quote_number}", true),
            ("MAILTO:hello@2i2c.org", true),
            ("javascript:alert(1)", false),
            ("data:text/html,hi", false),
            ("//2i2c.org", false),
        ] {
            let c = Contact {
                url: Some(url.into()),
                ..contact()
            };
            assert_eq!(c.problems().is_empty(), ok, "{url}");
        }
        let long = Contact {
            subject: "x".repeat(201),
            ..contact()
        };
        assert_eq!(long.problems()[0].0, "subject");
    }
}
