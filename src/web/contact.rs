//! The next step: the contact action, the primary action of the quote ("Request this
//! quote") and of the menu ("Talk to us about <tier>"). It opens the address the engine
//! writes for the last good quote (`quote::contact::href`: a `mailto:` with the quote's
//! number, tier, totals and customer share link, or the catalog's web address filled);
//! the app itself sends nothing. A lazily loaded chunk, shown once the prices are painted.

use super::events;
use super::state::host::Request;
use super::state::{ctx, Ctx};
use crate::catalog::Contact;
use crate::quote::contact::href;
use crate::scenario::share;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// Where the action is: its words differ.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Menu,
    Quote,
}

/// The contact action, once its chunk is here (nothing if the catalog has no contact).
pub fn action(place: Place) -> impl IntoView {
    super::chunk::optional(action_view(place))
}

#[wasm_split(hubquote_contact, wasm_split_path = ::leptos::wasm_split, fallible)]
fn action_view(place: Place) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Action place=place/> }.into_any())
}

#[component]
fn Action(place: Place) -> impl IntoView {
    let c = ctx();
    let contact = Memo::new(move |_| checked(c));
    // The address and the words for the last good quote, as the customer would get it.
    let target = Memo::new(move |_| {
        let contact = contact.get()?;
        let q = c.last_good().get()?;
        let words = match place {
            Place::Quote => "Request this quote".to_string(),
            Place::Menu => format!("Talk to us about {}", q.tier.label),
        };
        let address = href(&contact, &q, &c.share_base(), &c.catalog_id());
        Some((address, words, note(&contact)))
    });
    // The host hears it first; `preventDefault()` there means the host handles it.
    let request = move |ev: leptos::ev::MouseEvent| {
        if !request(c) {
            ev.prevent_default();
        }
    };
    move || {
        target.get().map(|(href, words, note)| {
            let web = !href.starts_with("mailto:");
            view! {
                <div class="hq-contact">
                    <a class="hq-btn hq-btn-primary" data-testid="contact-action" href=href on:click=request
                        target=web.then_some("_blank") rel=web.then_some("noopener")>
                        {words}
                    </a>
                    <p class="hq-hint">{note}</p>
                </div>
            }
        })
    }
}

/// What the action does, said before it is pressed: nothing leaves without the visitor.
fn note(contact: &Contact) -> String {
    if contact.url.is_some() {
        format!(
            "Opens {}'s page with this quote's number and link.",
            contact.label
        )
    } else {
        format!("Opens an e-mail to {} with this quote's number, totals and link; nothing is sent until you send it.", contact.label)
    }
}

/// Tells the host page the visitor asks for the quote (`hubquote:request`, cancelable,
/// with the customer's copy of the quote explained and its share link); false when the
/// host takes it over: it called `preventDefault()`, or this is an iframe whose host
/// asked for the requests (`request=host`), which cannot cancel in time.
fn request(c: Ctx) -> bool {
    let Some(q) = c.last_good().get_untracked() else {
        return true;
    };
    let catalog = c.catalog().get_untracked();
    let customer = crate::pricing::explain(&catalog, &q)
        .map(|q| q.for_customer())
        .unwrap_or_else(|_| q.for_customer());
    let detail = events::Request {
        quote: &customer,
        share_link: share::customer_link(&c.share_base(), &q.scenario, &c.catalog_id()),
        quote_number: &q.number,
        tier: &q.tier.name,
    };
    let followed = events::tell(c, "hubquote:request", &events::json(&detail), true);
    followed && !(c.host().frame && c.host().request == Request::Host)
}

/// The instance's contact: with the host's overrides when the catalog's rules accept
/// them, else the catalog's own, with a console warning naming each refused option.
fn checked(c: Ctx) -> Option<Contact> {
    let merged = c.contact()?;
    let problems = merged.problems();
    if problems.is_empty() {
        return Some(merged);
    }
    for (field, message) in problems {
        web_sys::console::warn_1(
            &format!("hubquote: data-contact-{field} is ignored: {message}").into(),
        );
    }
    c.catalog().with(|cat| cat.contact.clone())
}
