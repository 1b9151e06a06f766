//! What the app tells its host page: `CustomEvent`s on the mount element (bubbling,
//! composed): `hubquote:ready` once mounted, `hubquote:change` when the priced result
//! changes (at most once an animation frame), `hubquote:request` (cancelable) when the
//! visitor presses the contact action. Every detail is the customer's copy: the totals
//! as the quote JSON writes them (`"8264.78"`), the customer's share link and scenario,
//! never internal notes, approval details or thresholds. In an iframe (`embed.html`) the
//! same messages go to the parent page by `postMessage` (see `frame`).
//!
//! Details are written as JSON text by the quote JSON's own writer and parsed by the
//! browser: no JSON value tree in the wasm.

use super::frame;
use super::state::host::Options;
use super::state::Ctx;
use crate::quote::{Quote, Status, Totals};
use crate::scenario::{share, Scenario};
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Tells the host `name` with the JSON text `detail`: dispatched on the instance's mount
/// element and, in an iframe with a target origin, posted to the parent. False when a
/// listener called `preventDefault()` on a `cancelable` event.
pub fn tell(c: Ctx, name: &str, detail: &str, cancelable: bool) -> bool {
    let Ok(detail) = js_sys::JSON::parse(detail) else {
        return true;
    };
    frame::post(c.host(), name, &detail);
    let Some(el) = super::state::host::mounted(c.host().index) else {
        return true;
    };
    event(name, detail, cancelable)
        .and_then(|ev| el.dispatch_event(&ev).ok())
        .unwrap_or(true)
}

/// `new CustomEvent(name, { detail, bubbles, composed, cancelable })`, through js-sys
/// (web-sys's `CustomEventInit` would rebuild web-sys with one more feature).
fn event(name: &str, detail: JsValue, cancelable: bool) -> Option<web_sys::Event> {
    let window = web_sys::window()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"CustomEvent".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let init = js_sys::Object::new();
    for (key, value) in [
        ("detail", detail),
        ("bubbles", JsValue::TRUE),
        ("composed", JsValue::TRUE),
        ("cancelable", JsValue::from_bool(cancelable)),
    ] {
        js_sys::Reflect::set(&init, &key.into(), &value).ok()?;
    }
    let args = js_sys::Array::of2(&name.into(), &init);
    js_sys::Reflect::construct(&ctor, &args)
        .ok()?
        .dyn_into()
        .ok()
}

/// JSON text of `value` (the quote JSON's writer); `null` if it cannot be written.
pub fn json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into())
}

/// `hubquote:ready`, then `hubquote:change` after each change of the priced result (one
/// per animation frame at most; none while the input is invalid: the last good quote
/// does not change); in an iframe, `hubquote:resize` too. Run from the shell's chunk
/// after the first paint (`app::keep_and_tell`).
pub fn start(c: Ctx) {
    if let Some(el) = super::state::host::mounted(c.host().index) {
        super::state::host::warn_unknown(&el, c.host());
    }
    let ready = c
        .catalog()
        .with_untracked(|cat| json(&Ready::of(c.host(), &cat.name, &cat.version)));
    request_animation_frame(move || {
        tell(c, "hubquote:ready", &ready, false);
    });
    frame::watch_height(c);
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        if c.last_good().with(Option::is_none) || pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            if let Some(q) = c.last_good().get_untracked() {
                let link = share::customer_link(&c.share_base(), &q.scenario, &c.catalog_id());
                tell(c, "hubquote:change", &json(&Change::of(&q, link)), false);
            }
        });
    });
}

/// `hubquote:change`'s detail: the customer's copy of a quote in brief.
#[derive(Serialize)]
pub struct Change<'a> {
    tier: &'a str,
    tier_label: &'a str,
    /// The quote JSON's `totals`, money as its strings.
    totals: &'a Totals,
    currency: &'a str,
    quote_number: &'a str,
    share_link: String,
    scenario: Scenario,
    draft: bool,
}

impl<'a> Change<'a> {
    /// Of the quote `q`, whose customer share link is `share_link`.
    pub fn of(q: &'a Quote, share_link: String) -> Change<'a> {
        Change {
            tier: &q.tier.name,
            tier_label: &q.tier.label,
            totals: &q.totals,
            currency: &q.currency.code,
            quote_number: &q.number,
            share_link,
            scenario: q.scenario.for_customer(),
            draft: q.status == Status::Draft,
        }
    }
}

/// `hubquote:request`'s detail: the customer's copy of the quote explained, and its link.
#[derive(Serialize)]
pub struct Request<'a> {
    pub quote: &'a Quote,
    pub share_link: String,
    pub quote_number: &'a str,
    pub tier: &'a str,
}

/// `hubquote:ready`'s detail: the instance's options as resolved and its catalog.
#[derive(Serialize)]
struct Ready<'a> {
    options: Resolved<'a>,
    catalog: Named<'a>,
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct Resolved<'a> {
    instance: &'a str,
    catalog: Option<&'a str>,
    preset: Option<&'a str>,
    view: Option<&'static str>,
    tier: Option<&'a str>,
    mode: &'static str,
    chrome: &'static str,
    history: &'static str,
    storage: &'static str,
    share_base: Option<&'a str>,
    target_origin: Option<&'a str>,
}

impl<'a> Ready<'a> {
    fn of(h: &'a Options, name: &'a str, version: &'a str) -> Ready<'a> {
        Ready {
            options: Resolved {
                instance: &h.instance,
                catalog: h.catalog.as_deref(),
                preset: h.preset.as_deref(),
                view: h.view.map(|v| v.key()),
                tier: h.tier.as_deref(),
                mode: h.audience.key(),
                chrome: h.chrome.key(),
                history: h.history_key(),
                storage: h.storage_key(),
                share_base: h.share_base.as_deref(),
                target_origin: h.target_origin.as_deref(),
            },
            catalog: Named { name, version },
        }
    }
}
