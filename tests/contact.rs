//! The contact action (the next step after a quote): the catalog's `contact` section
//! checked where it is written, and the address it opens filled from the customer's copy
//! of a quote, every value percent-encoded so that it arrives as it was written.
#![cfg(not(target_arch = "wasm32"))]

use hubquote::catalog::{Catalog, Contact};
use hubquote::pricing::quote;
use hubquote::quote::contact::href;
use hubquote::quote::Quote;
use hubquote::scenario::share;
use percent_encoding::percent_decode_str;

fn catalog() -> Catalog {
    Catalog::load(hubquote::DEFAULT_CATALOG).unwrap().catalog
}

/// course-50 on 2026-11-21: Essential, $8,264.78 the first year (tests/golden).
fn course_50(c: &Catalog) -> Quote {
    let s = c.preset("course-50").unwrap().scenario.clone();
    let date = time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap();
    quote(c, &s, date).unwrap().for_customer()
}

fn decoded(text: &str) -> String {
    percent_decode_str(text).decode_utf8().unwrap().into_owned()
}

/// The value of `key` in a `?a=…&b=…` query, decoded.
fn param(href: &str, key: &str) -> String {
    let query = href.split_once('?').unwrap().1;
    let value = query
        .split('&')
        .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key} in {href}"));
    decoded(value)
}

#[test]
fn the_mailto_carries_number_tier_totals_and_a_share_link_that_reopens_the_quote() {
    let c = catalog();
    let q = course_50(&c);
    let (base, id) = ("https://2i2c.org/quote/", share::CatalogId::of(&c, None));
    let link = share::customer_link(base, &q.scenario, &id);
    let h = href(c.contact.as_ref().unwrap(), &q, base, &id);
    assert!(h.starts_with("mailto:hello@2i2c.org?subject="), "{h}");
    // Nothing but unreserved characters and escapes after the address: no raw space,
    // `&`, `#` or line break that a mail client would cut the message at.
    let query = h.split_once('?').unwrap().1;
    assert!(query.split(['&', '=']).all(|p| p
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || "-._~%".contains(ch))));
    assert_eq!(
        param(&h, "subject"),
        format!(
            "Quote {}: Essential for Example Community College",
            q.number
        )
    );
    let body = param(&h, "body");
    // Line breaks are CRLF (RFC 6068); each total as the quote writes it: 1,800.00 usage
    // + 5,900.00 membership (9 months) + 564.78 cloud = 8,264.78; ÷ 12 = 688.73.
    for line in [
        "Hello 2i2c,\r\n",
        "First-year total cost: $8,264.78\r\n",
        "First-year invoice: $8,264.78\r\n",
        "Average month, everything included (first-year total ÷ 12): $688.73\r\n",
        "Whole term (1 year): $8,264.78\r\n",
    ] {
        assert!(body.contains(line), "{line:?} not in {body:?}");
    }
    let shared = body
        .split("with my answers: ")
        .nth(1)
        .unwrap()
        .trim_end()
        .to_string();
    assert_eq!(shared, link);
    // The link reopens the same scenario, so the same totals.
    let encoded = share::in_fragment(shared.split_once('#').unwrap().1).unwrap();
    let reopened = share::decode(encoded).unwrap();
    assert_eq!(reopened, q.scenario);
}

#[test]
fn a_url_template_gets_each_value_encoded_and_keeps_its_own_text() {
    let c = catalog();
    let q = course_50(&c);
    let (base, id) = ("https://2i2c.org/quote/", share::CatalogId::of(&c, None));
    let link = share::customer_link(base, &q.scenario, &id);
    let contact = Contact {
        url: Some(
            "https://2i2c.org/contact?quote={quote_number}&tier={tier}&total={first_year_total}&link={share_link}"
                .into(),
        ),
        ..c.contact.clone().unwrap()
    };
    let h = href(&contact, &q, base, &id);
    assert!(h.starts_with(&format!("https://2i2c.org/contact?quote={}&tier=Essential&total=%248%2C264.78&link=https%3A%2F%2F2i2c.org%2Fquote%2F%23s%3D1.", q.number)), "{h}");
    assert_eq!(param(&h, "link"), link);
    assert_eq!(param(&h, "total"), "$8,264.78");
}

/// The catalog with its contact section's `from` replaced by `to`.
fn with_contact(from: &str, to: &str) -> String {
    let text = hubquote::DEFAULT_CATALOG;
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn a_contact_that_could_mislead_or_break_is_refused_at_its_place() {
    let email = "email: \"hello@2i2c.org\",";
    for (from, to, message) in [
        (
            email,
            "email: \"hello at 2i2c\",",
            "contact.email: \"hello at 2i2c\" is not an e-mail address",
        ),
        (
            email,
            "url: \"javascript:alert(1)\",",
            "contact.url: \"javascript:alert(1)\" must start with https:, http: or mailto:",
        ),
        (email, "", "contact.email: give an email or a url (or both)"),
        (
            "for {customer}",
            "for {custmer}",
            "contact.subject: the subject names an unknown placeholder {custmer}",
        ),
        (
            "{share_link}\\n",
            "{share_link\\n",
            "contact.body: the body has a \"{\" that is never closed",
        ),
        (
            "label: \"2i2c\",\n    email",
            "label: 7,\n    email",
            "contact.label: expected a text, found 7",
        ),
    ] {
        let d = Catalog::load(&with_contact(from, to)).unwrap_err();
        let all = d.render("catalog.json5");
        assert!(all.contains(message), "{message:?} not in\n{all}");
        assert!(d.errors().all(|e| e.line.is_some()), "{all}");
    }
    let unknown = with_contact(
        email,
        "emial: \"hello@2i2c.org\", email: \"hello@2i2c.org\",",
    );
    let all = Catalog::load(&unknown).map(|l| l.warnings.render("c"));
    assert!(format!("{all:?}").contains("emial"), "{all:?}");
}
