//! The contact action's address for a quote: the catalog's (or a host's) [`Contact`]
//! filled from the customer's copy of a quote and its customer share link. A `mailto:` carries
//! the subject and body, every character outside RFC 3986's unreserved set
//! percent-encoded (line breaks as `%0D%0A`, RFC 6068); a web address template keeps its
//! own text and gets each placeholder's value percent-encoded. Nothing is sent: the
//! browser opens the address.

use super::{labels, Quote};
use crate::catalog::contact::{parse, Contact, Piece};
use crate::scenario::share::{self, CatalogId};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The address the contact action opens for `quote` (the customer's copy: only its
/// number, tier, customer and totals are read), with the customer share link of its
/// scenario at the app's address `base` naming `catalog`: made here, so that no staff
/// link (internal notes, the approval) can be mailed.
pub fn href(contact: &Contact, quote: &Quote, base: &str, catalog: &CatalogId) -> String {
    let share_link = share::customer_link(base, &quote.scenario, catalog);
    let value = |name: &str| placeholder(name, quote, &share_link);
    if let Some(url) = &contact.url {
        return fill(url, |name| encode(&value(name)));
    }
    let email = contact.email.as_deref().unwrap_or_default();
    let subject = fill(contact.subject(), value);
    let body = fill(contact.body(), value)
        .replace("\r\n", "\n")
        .replace('\n', "\r\n");
    format!(
        "mailto:{email}?subject={}&body={}",
        encode(&subject),
        encode(&body)
    )
}

/// `template` with each placeholder replaced by `value(name)` (a template the catalog's
/// check refused is used as it is).
fn fill(template: &str, value: impl Fn(&str) -> String) -> String {
    let Ok(pieces) = parse(template) else {
        return template.to_string();
    };
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_string(),
            Piece::Placeholder(name) => value(name),
        })
        .collect()
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// The value of one placeholder (`catalog::contact::PLACEHOLDERS`).
fn placeholder(name: &str, q: &Quote, share_link: &str) -> String {
    let money = |d| q.currency.format(d);
    match name {
        "share_link" => share_link.to_string(),
        "quote_number" => q.number.clone(),
        "tier" => q.tier.label.clone(),
        "first_year_total" => money(q.totals.first_year_total_cost),
        "customer" => q.customer.name.clone(),
        "totals" => {
            let t = &q.totals;
            [
                (labels::FIRST_YEAR_TOTAL_COST, t.first_year_total_cost),
                (labels::FIRST_YEAR_INVOICE, t.first_year_invoice),
                (labels::AVERAGE_MONTH, t.average_month),
                (labels::PER_YEAR, t.annual_total),
                (labels::ONE_OFF, t.one_off),
                (&labels::whole_term(t.term_years), t.term_total),
            ]
            .iter()
            .map(|(label, amount)| format!("{label}: {}", money(*amount)))
            .collect::<Vec<_>>()
            .join("\n")
        }
        _ => String::new(),
    }
}
