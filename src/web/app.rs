//! The shell: it builds the state, wires it to the browser (the fragment, `?catalog=`,
//! saving the draft, preloading chunks), and lays out the header (with presentation
//! mode's controls and headline), the three tabs and their panels. Only the active panel's content is mounted, so each `data-testid` exists once
//! on the page. Views depend on the state, never on the shell.

use super::state::host::{Chrome, Options};
use super::state::{ctx, preload_catalog_check, Ctx, Mode, View};
use super::{book, chunk, configure, events, io, loader, menu, present, quote};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// One instance of the app, with its host page's options.
#[component]
pub fn App(host: Options) -> impl IntoView {
    let history = host.history;
    let c = Ctx::new(host);
    provide_context(c);
    after_first_paint(c);
    load_asked_catalog(c);
    if history {
        follow_fragment(c);
    }
    view! {
        <main class="hq">
            <SkipLink/>
            <Header/>
            <Alerts/>
            <Tabs/>
            {View::ALL.into_iter().map(|v| view! { <Panel v=v/> }).collect_view()}
        </main>
    }
}

/// After the first frame is painted: the draft is kept and the host told from then on
/// ([`keep_and_tell`]), and the other view's details, the file writers, the forms and
/// the catalog checker load when the browser is idle (smallest and likeliest first).
/// Neither delays the first total (saving touches localStorage, which is slow the first
/// time).
fn after_first_paint(c: Ctx) {
    let owner = Owner::current();
    io::after_paint(move || {
        if let Some(owner) = owner {
            spawn_local(async move {
                let _ = keep_and_tell(c, owner).await;
            });
        }
        request_idle_callback(|| {
            spawn_local(async {
                quote::preload_details().await;
                menu::preload_matrix().await;
                quote::preload_files().await;
                let _ = __wasm_split_preload_configure_view().await;
                preload_catalog_check().await;
            })
        });
    });
}

/// The draft saved after each change (it survives a reload; a share link in the address
/// bar follows edits) and the host page told (`events`): a chunk, fetched once the first
/// frame is painted, so that the first download carries neither the share link's writer
/// nor the events. (Should it fail to download, nothing is saved: said in the README.)
#[wasm_split(hubquote_events, wasm_split_path = ::leptos::wasm_split, fallible)]
fn keep_and_tell(c: Ctx, owner: Owner) -> Result<(), SplitLoaderError> {
    owner.with(|| {
        Effect::new(move |_| c.persist());
        events::start(c);
    });
    Ok(())
}

/// The first Tab stop: to the view's tab, past the header's controls (visible when
/// focused).
#[component]
fn SkipLink() -> impl IntoView {
    let c = ctx();
    view! {
        <a class="hq-skip" data-testid="skip-link" href=move || format!("#{}", c.id(&c.view().get().tab_part()))
            on:click=move |ev| {
                ev.prevent_default();
                c.go_and_focus(c.view().get_untracked());
            }>"Skip to the content"</a>
    }
}

/// The host's `data-catalog`, else the page's `?catalog=<url>` when the app owns the
/// page's address (`data-history="hash"`), if the host allows its origin.
fn load_asked_catalog(c: Ctx) {
    let host = c.host();
    let asked = host
        .catalog
        .clone()
        .or_else(|| host.history.then(|| io::query("catalog")).flatten());
    if let Some(url) = asked {
        loader::fetch(c, url);
    }
}

/// A share link pasted into the address bar, or a view named in the fragment.
fn follow_fragment(c: Ctx) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        c.follow_fragment(&io::hash())
    });
    on_cleanup(move || handle.remove());
}

#[component]
fn Header() -> impl IntoView {
    let c = ctx();
    let name = move || {
        c.catalog().with(|cat| {
            if cat.version.is_empty() {
                cat.name.clone()
            } else {
                format!("{} {}", cat.name, cat.version)
            }
        })
    };
    let seller = move || {
        c.catalog().with(|cat| {
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
    // Presentation mode's toggle (its key, its headline) and the catalog picker, chunks
    // shown once the first frame is painted.
    let controls = RwSignal::new(false);
    io::after_paint(move || controls.set(true));
    // Minimal chrome: no title, catalog line or loader; presentation mode stays.
    let full = c.host().chrome == Chrome::Full;
    view! {
        <header class="hq-head">
            <div class="hq-title" hidden=!full>
                <h1>"hubquote"</h1>
                <p class="hq-sub">{seller}</p>
            </div>
            {move || controls.get().then(|| chunk::optional(present::toggle_view()))}
            <div class="hq-catalog" hidden=!full>
                <p class="hq-muted">
                    "Catalog: " <span data-testid="catalog-name">{name}</span>
                </p>
                {move || (full && controls.get()).then(|| chunk::optional(loader::picker_view()))}
            </div>
        </header>
    }
}

/// What the catalog and the start have to say: a catalog that failed to load, prices that
/// are missing, a damaged link or draft (a loaded catalog's warnings are the picker's).
#[component]
fn Alerts() -> impl IntoView {
    let c = ctx();
    let (error, notice) = (c.catalog_error(), c.notice());
    let priced = move || c.catalog().with(|cat| cat.is_priced());
    // What a link says of its catalog is the header controls' chunk, after the first paint.
    let shown = RwSignal::new(false);
    io::after_paint(move || shown.set(true));
    // Plain optional views, not `Show`s: the same behaviour in fewer bytes.
    view! {
        {move || error.get().map(|e| view! {
            <div class="hq-alert hq-alert-error" role="alert">
                <p><strong>"This catalog could not be loaded. "</strong>
                    "The previous catalog is still in use. What went wrong (each problem in the file at its line and column):"</p>
                <pre data-testid="catalog-error">{e}</pre>
            </div>
        })}
        {move || (!priced()).then(|| view! {
            <p class="hq-alert hq-alert-note" data-testid="prices-unavailable">
                "Prices are unavailable: this catalog only lists features. The service menu compares the tiers; configure and quote need a catalog with prices."
            </p>
        })}
        {move || notice.get().map(|n| view! {
            <p class="hq-alert hq-alert-error" role="alert" data-testid="notice">{n}</p>
        })}
        {move || c.unsaved().get().then(|| view! {
            <p class="hq-alert hq-alert-error" role="alert" data-testid="draft-unsaved">
                "These answers are too big to keep in this browser (their share link would be over 512 KiB): they are not saved, and a reload shows the last draft that was."
            </p>
        })}
        {move || (shown.get() && c.made_with().with(Option::is_some))
            .then(|| chunk::optional(loader::link_catalog_view()))}
    }
}

#[component]
fn Tabs() -> impl IntoView {
    let c = ctx();
    // Arrow keys, Home and End move between tabs (automatic activation).
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let next = untrack(|| shown(c).after_key(&ev.key(), staff(c)));
        if let Some(next) = next {
            ev.prevent_default();
            c.go_and_focus(next);
        }
    };
    view! {
        <div class="hq-tabs" role="tablist" aria-label="Views" on:keydown=on_key>
            {View::ALL.into_iter().map(|v| view! { <Tab v=v/> }).collect_view()}
        </div>
    }
}

/// Whether the staff form's mode is on (the book of business is its view); tracked.
fn staff(c: Ctx) -> bool {
    c.mode().get() == Mode::Staff
}

/// The view shown: the one asked for, if the form's mode shows it; tracked.
fn shown(c: Ctx) -> View {
    c.view().get().as_shown(staff(c))
}

#[component]
fn Tab(v: View) -> impl IntoView {
    let c = ctx();
    let selected = Memo::new(move |_| shown(c) == v);
    let selected = move || selected.get();
    let hidden = move || !v.shown(staff(c));
    view! {
        <button type="button" role="tab" id=c.id(&v.tab_part()) hidden=hidden
            data-testid=format!("nav-{}", v.key())
            aria-controls=c.id(&v.panel_part())
            aria-selected=move || if selected() { "true" } else { "false" }
            tabindex=move || if selected() { "0" } else { "-1" }
            class:active=selected
            on:click=move |_| c.go(v)>
            {v.label()}
        </button>
    }
}

#[component]
fn Panel(v: View) -> impl IntoView {
    let c = ctx();
    // A memo: the content is made again only when this panel is shown or hidden.
    let active = Memo::new(move |_| shown(c) == v);
    view! {
        <section role="tabpanel" id=c.id(&v.panel_part()) aria-labelledby=c.id(&v.tab_part())
            data-testid=format!("view-{}", v.key()) class="hq-panel"
            hidden=move || !active.get()>
            {move || active.get().then(|| content(v))}
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
        View::Book => chunk::lazy(
            Some("Loading…"),
            "The book of business could not be downloaded: check the connection, then open this tab again.",
            book::book_view(),
        )
        .into_any(),
    }
}

#[wasm_split(hubquote_configure_view, wasm_split_path = ::leptos::wasm_split, fallible)]
fn configure_view() -> Result<AnyView, SplitLoaderError> {
    Ok(configure::ConfigureView().into_any())
}
