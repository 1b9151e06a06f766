//! The browser around the app: today's date, the URL (query, fragment), localStorage,
//! file downloads and uploads, the clipboard and fetching a catalog. Every failure comes
//! back as a value (never a panic, never an unhandled promise rejection).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Runs `f` once the next frame has been painted: a task queued from the frame's
/// animation callback runs after that frame's paint. What is below the fold (the quote's
/// details, the feature matrix) and what can wait (saving the draft) go there, so that the
/// first total is on screen without waiting for them.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
    });
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// How far the page is scrolled down, in CSS pixels.
pub fn scroll_y() -> f64 {
    window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

pub fn scroll_to(y: f64) {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Whether a key press may be one of the app's shortcuts: no Ctrl or Cmd (Ctrl+P prints),
/// not held down, not typed into a field (text box, select, editable text), and aimed at
/// this app (`root`) or at no app (the page itself, before anything has focus).
pub fn shortcut(ev: &web_sys::KeyboardEvent, root: &web_sys::Element) -> bool {
    if ev.ctrl_key() || ev.meta_key() || ev.repeat() {
        return false;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return true;
    };
    let within = |selector: &str| target.closest(selector).ok().flatten();
    within("input, textarea, select, [contenteditable]").is_none()
        && within(".hq").is_none_or(|app| &app == root)
}

/// Today in the browser's time zone (falls back to the catalog-independent epoch day).
pub fn today() -> time::Date {
    let now = js_sys::Date::new_0();
    let month = u8::try_from(now.get_month() + 1)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .unwrap_or(time::Month::January);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    let year = i32::try_from(now.get_full_year()).unwrap_or(2026);
    time::Date::from_calendar_date(year, month, day).unwrap_or(
        time::Date::from_calendar_date(2026, time::Month::January, 1).unwrap_or(time::Date::MIN),
    )
}

/// The URL fragment without `#` (empty when none).
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Replaces the URL fragment without adding a history entry or firing `hashchange`.
pub fn set_hash(fragment: &str) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let url = format!("#{fragment}");
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// The page address without its fragment.
pub fn base_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// A query parameter of the page URL.
pub fn query(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|v| !v.trim().is_empty())
}

/// Every `name=value` pair of the page's query string, decoded, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = window().and_then(|w| w.location().search().ok());
    let params = search.and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let entries = params.and_then(|p| js_sys::try_iter(&p).ok().flatten());
    entries
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.ok()?.into();
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

pub fn storage_get(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.local_storage()) {
        let _ = s.set_item(key, value);
    }
}

pub fn storage_remove(key: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.local_storage()) {
        let _ = s.remove_item(key);
    }
}

/// Saves `bytes` as a download named `name` (a Blob URL, revoked right after).
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(bytes, Some(mime)));
    let doc = window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| "the browser refused to create the file".to_string())?
        .dyn_into()
        .map_err(|_| "no anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// The text and name of the first file chosen in an `<input type=file>`.
pub async fn read_file(
    input: &web_sys::HtmlInputElement,
) -> Option<Result<(String, String), String>> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let text = JsFuture::from(file.text()).await;
    Some(match text.ok().and_then(|t| t.as_string()) {
        Some(t) => Ok((name, t)),
        None => Err(format!("{name}: the file could not be read as text")),
    })
}

/// Fetches text from `url` (same origin under the strict CSP).
pub async fn fetch(url: &str) -> Result<String, String> {
    let w = window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let resp = JsFuture::from(w.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| format!("{url}: could not be fetched ({})", js_text(&e)))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| format!("{url}: no response"))?;
    if !resp.ok() {
        return Err(format!("{url}: the server answered HTTP {}", resp.status()));
    }
    let text = resp.text().map_err(|_| format!("{url}: no body"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{url}: the response is not text"))
}

/// The browser's words for a failed request ("Failed to fetch").
fn js_text(v: &JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// Puts text on the clipboard; false when the browser refuses (no permission).
pub async fn copy(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let nav = w.navigator();
    let present = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return false;
    }
    let clipboard = nav.clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
