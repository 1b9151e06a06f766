//! What the app tells its host page: `CustomEvent`s on the mount element (bubbling,
//! composed): `hubquote:ready` once mounted, `hubquote:change` when the priced result
//! changes (at most once an animation frame), `hubquote:request` (cancelable) when the
//! visitor presses the contact action. Every detail is the customer's copy: the totals
//! as the quote JSON writes them (`"8264.78"`), the customer's share link and scenario,
//! never internal notes, approval details or thresholds.

use super::host::Options;
use super::state::Ctx;
use crate::quote::{Quote, Status};
use crate::scenario::share;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Dispatches `name` with `detail` on the instance's mount element; false when a
/// listener called `preventDefault()` on a `cancelable` event.
pub fn dispatch(index: usize, name: &str, detail: &Value, cancelable: bool) -> bool {
    let Some(el) = super::mounted(index) else {
        return true;
    };
    event(name, detail, cancelable)
        .and_then(|ev| el.dispatch_event(&ev).ok())
        .unwrap_or(true)
}

/// `new CustomEvent(name, { detail, bubbles, composed, cancelable })`, through js-sys
/// (web-sys's `CustomEventInit` would rebuild web-sys with one more feature).
fn event(name: &str, detail: &Value, cancelable: bool) -> Option<web_sys::Event> {
    let window = web_sys::window()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"CustomEvent".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let init = js_sys::Object::new();
    let detail = js_sys::JSON::parse(&detail.to_string()).ok()?;
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

/// Starts telling the host (a lazily loaded chunk, fetched once the first frame is
/// painted: the first download carries no event code).
pub async fn announce(c: Ctx, owner: Owner) {
    let _ = announce_split(c, owner).await;
}

#[wasm_split(hubquote_events, wasm_split_path = ::leptos::wasm_split, fallible)]
fn announce_split(c: Ctx, owner: Owner) -> Result<(), SplitLoaderError> {
    owner.with(|| start(c));
    Ok(())
}

/// `hubquote:ready`, then `hubquote:change` after each change of the priced result (one
/// per animation frame at most; none while the input is invalid: the last good quote
/// does not change).
fn start(c: Ctx) {
    let host = c.host();
    let index = host.index;
    let ready = json!({
        "options": options(&host),
        "catalog": c.catalog().with_untracked(|cat| json!({ "name": cat.name, "version": cat.version })),
    });
    request_animation_frame(move || {
        dispatch(index, "hubquote:ready", &ready, false);
    });
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        if c.last_good().with(Option::is_none) || pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            if let Some(q) = c.last_good().get_untracked() {
                let detail = change(&q, &c.share_base());
                dispatch(index, "hubquote:change", &detail, false);
            }
        });
    });
}

/// The change's detail: the customer's copy of `q` in brief.
pub fn change(q: &Quote, base: &str) -> Value {
    let totals: serde_json::Map<String, Value> = q
        .totals
        .named()
        .iter()
        .map(|(name, amount)| (name.to_string(), Value::String(amount.to_string())))
        .collect();
    let scenario = q.scenario.for_customer();
    json!({
        "tier": q.tier.name,
        "tier_label": q.tier.label,
        "totals": totals,
        "currency": q.currency.code,
        "quote_number": q.number,
        "share_link": share::link(base, &scenario),
        "scenario": scenario,
        "draft": q.status == Status::Draft,
    })
}

/// The options as resolved, for `hubquote:ready`.
fn options(h: &Options) -> Value {
    json!({
        "instance": h.instance,
        "catalog": h.catalog,
        "preset": h.preset,
        "view": h.view.map(|v| v.key()),
        "tier": h.tier,
        "mode": format!("{:?}", h.audience).to_lowercase(),
        "chrome": format!("{:?}", h.chrome).to_lowercase(),
        "history": if h.history { "hash" } else { "none" },
        "storage": if h.storage { "on" } else { "off" },
        "share_base": h.share_base,
    })
}
