//! The shell: header with the catalog, the three tabs and their panels. Only the active
//! panel's content is mounted, so each `data-testid` exists once on the page.

use super::state::{ctx, Ctx, View};
use super::{chunk, configure, io, menu, quote};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let c = Ctx::new();
    provide_context(c);

    // After the first frame is painted: the draft is saved from then on (it survives a
    // reload; a share link in the address bar follows edits), and the other view's
    // details, the file writers, the forms and the catalog checker load when the browser
    // is idle (smallest and likeliest first). Neither delays the first total (saving
    // touches localStorage, which is slow the first time).
    let owner = Owner::current();
    io::after_paint(move || {
        if let Some(owner) = owner {
            owner.with(|| Effect::new(move |_| c.persist()));
        }
        request_idle_callback(|| {
            spawn_local(async {
                quote::preload_details().await;
                menu::preload_matrix().await;
                quote::preload_files().await;
                let _ = __wasm_split_preload_configure_view().await;
                super::state::preload_catalog_check().await;
            })
        });
    });

    // `?catalog=<url>`: the only request the app makes beyond its own files.
    if let Some(url) = io::query("catalog") {
        spawn_local(async move {
            match io::fetch_text(&url).await {
                Ok(text) => c.load_catalog(url, text).await,
                Err(e) => c.catalog_error.set(Some(e)),
            }
        });
    }

    // A share link pasted into the address bar, or a view named in the fragment.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = io::hash();
        if let Some(encoded) = hash.strip_prefix("s=") {
            match crate::scenario::share::decode(encoded) {
                Ok(s) => {
                    c.replace(s);
                    c.notice.set(None);
                }
                Err(d) => c.notice.set(Some(format!(
                    "{} Your last answers are kept.",
                    super::state::damaged_link(&d)
                ))),
            }
            c.view.set(View::Quote);
        } else if let Some(v) = View::from_key(&hash) {
            c.view.set(v);
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <main class="hq">
            <Header/>
            <Tabs/>
            {View::ALL.into_iter().map(|v| view! { <Panel v=v/> }).collect_view()}
        </main>
    }
}

#[component]
fn Header() -> impl IntoView {
    let c = ctx();
    let name = move || {
        c.catalog.with(|cat| {
            if cat.version.is_empty() {
                cat.name.clone()
            } else {
                format!("{} {}", cat.name, cat.version)
            }
        })
    };
    let seller = move || {
        c.catalog.with(|cat| {
            cat.pricing
                .as_ref()
                .map(|p| {
                    format!(
                        "Managed JupyterHubs by {}: service menu and price estimate",
                        p.seller.name
                    )
                })
                .unwrap_or_else(|| "Managed JupyterHubs: service menu".into())
        })
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            match io::read_file(&input).await {
                Some(Ok((name, text))) => c.load_catalog(name, text).await,
                Some(Err(e)) => c.catalog_error.set(Some(e)),
                None => {}
            }
            input.set_value("");
        });
    };
    let priced = move || c.catalog.with(|cat| cat.is_priced());
    view! {
        <header class="hq-head">
            <div class="hq-title">
                <h1>"hubquote"</h1>
                <p class="hq-sub">{seller}</p>
            </div>
            <div class="hq-catalog">
                <p class="hq-muted">
                    "Catalog: " <span data-testid="catalog-name">{name}</span>
                </p>
                <label class="hq-filebtn" for="hq-catalog-file">"Load a catalog file…"</label>
                <input id="hq-catalog-file" class="hq-file" type="file" data-testid="catalog-file"
                    accept=".json,.json5,application/json" on:change=on_file/>
            </div>
        </header>
        <Show when=move || c.catalog_error.with(Option::is_some)>
            <div class="hq-alert hq-alert-error" role="alert">
                <p><strong>"This catalog could not be loaded. "</strong>
                    "The previous catalog is still in use. What went wrong (each problem in the file at its line and column):"</p>
                <pre data-testid="catalog-error">{move || c.catalog_error.get().unwrap_or_default()}</pre>
            </div>
        </Show>
        <Show when=move || !c.catalog_warnings.with(Vec::is_empty)>
            <details class="hq-alert hq-alert-note" data-testid="catalog-warnings">
                <summary>{move || format!("The catalog loaded with {} warning(s)", c.catalog_warnings.with(Vec::len))}</summary>
                <pre>{move || c.catalog_warnings.get().join("\n")}</pre>
            </details>
        </Show>
        <Show when=move || !priced()>
            <p class="hq-alert hq-alert-note" data-testid="prices-unavailable">
                "Prices are unavailable: this catalog only lists features. The service menu compares the tiers; configure and quote need a catalog with prices."
            </p>
        </Show>
        <Show when=move || c.notice.with(Option::is_some)>
            <p class="hq-alert hq-alert-error" role="alert" data-testid="notice">
                {move || c.notice.get().unwrap_or_default()}
            </p>
        </Show>
    }
}

fn tab_id(v: View) -> String {
    format!("hq-tab-{}", v.key())
}

fn panel_id(v: View) -> String {
    format!("hq-panel-{}", v.key())
}

/// Shows a view and names it in the fragment (unless the fragment holds a share link).
pub fn go(c: Ctx, v: View) {
    c.view.set(v);
    if !io::hash().starts_with("s=") {
        io::set_hash(v.key());
    }
}

/// Moves keyboard focus to a view's tab (after the element that had it went away).
pub fn focus_tab(v: View) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&tab_id(v)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
fn Tabs() -> impl IntoView {
    let c = ctx();
    // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let all = View::ALL;
        let at = all
            .iter()
            .position(|v| *v == c.view.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => all[(at + 1) % all.len()],
            "ArrowLeft" => all[(at + all.len() - 1) % all.len()],
            "Home" => all[0],
            "End" => all[all.len() - 1],
            _ => return,
        };
        ev.prevent_default();
        go(c, next);
        focus_tab(next);
    };
    view! {
        <div class="hq-tabs" role="tablist" aria-label="Views" on:keydown=on_key>
            {View::ALL
                .into_iter()
                .map(|v| {
                    let selected = move || c.view.get() == v;
                    view! {
                        <button type="button" role="tab" id=tab_id(v)
                            data-testid=format!("nav-{}", v.key())
                            aria-controls=panel_id(v)
                            aria-selected=move || if selected() { "true" } else { "false" }
                            tabindex=move || if selected() { "0" } else { "-1" }
                            class:active=selected
                            on:click=move |_| go(c, v)>
                            {v.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn Panel(v: View) -> impl IntoView {
    let c = ctx();
    let active = move || c.view.get() == v;
    view! {
        <section role="tabpanel" id=panel_id(v) aria-labelledby=tab_id(v)
            data-testid=format!("view-{}", v.key()) class="hq-panel"
            hidden=move || !active()>
            <Show when=active>{content(v)}</Show>
        </section>
    }
}

/// A view's content: the menu and the quote, where visitors and share links land, come
/// with the first download and render at once; the forms of Configure are a chunk.
fn content(v: View) -> AnyView {
    match v {
        View::Menu => menu::MenuView().into_any(),
        View::Quote => quote::QuoteView().into_any(),
        View::Configure => chunk::lazy(
            Some("Loading…"),
            "The forms could not be downloaded from the server. Check the connection, then open this tab again; the menu and the quote still work.",
            configure_view(),
        )
        .into_any(),
    }
}

#[wasm_split(hubquote_configure_view, wasm_split_path = ::leptos::wasm_split, fallible)]
fn configure_view() -> Result<AnyView, SplitLoaderError> {
    Ok(configure::ConfigureView().into_any())
}
