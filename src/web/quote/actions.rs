//! The quote's actions: the share link, the downloads, opening a quote file, the budget
//! justification and, in the staff form's mode, the internal copy; with what happened.
//! What a customer can be sent (the link, every download, the justification) is the
//! engine's customer copy: no internal notes, no approval details, no thresholds. In the
//! quote's lazily loaded tools chunk, shown once the totals are painted.

use super::files::{self, Download};
use crate::web::io;
use crate::web::state::{ctx, Mode};
use crate::web::text::not_downloaded;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the last action said, one line each.
type Status = RwSignal<Vec<String>>;

#[component]
pub fn Actions() -> impl IntoView {
    let c = ctx();
    let status = RwSignal::new(Vec::<String>::new());
    let link = RwSignal::new(String::new());
    let justification = RwSignal::new(None::<String>);
    let staff = move || c.mode().get() == Mode::Staff;
    view! {
        <div class="hq-actions">
            {copy_link(status, link)}
            {Download::ALL.into_iter().map(|kind| save_button(kind, status)).collect_view()}
            {open_json(status)}
            {copy_justification(status, justification)}
            <Show when=staff>{save_button(Download::Internal, status)}</Show>
        </div>
        <Show when=move || !link.with(String::is_empty)>
            <p class="hq-share">"Share link: "
                <a data-testid="share-link" href=move || link.get()>{move || link.get()}</a>
            </p>
        </Show>
        <div class="hq-status" data-testid="import-status" role="status">
            {move || {
                let lines = status.get();
                (!lines.is_empty()).then(|| view! {
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                })
            }}
        </div>
        {move || justification.get().map(|text| view! {
            <pre class="hq-justification" data-testid="justification-text" tabindex="0"
                aria-label="Budget justification">{text}</pre>
        })}
    }
}

/// Puts the customer's share link in the address bar, below the buttons and on the
/// clipboard.
fn copy_link(status: Status, link: RwSignal<String>) -> impl IntoView {
    let c = ctx();
    let copy = move |_| {
        let url = c.share_link();
        link.set(url.clone());
        spawn_local(async move {
            let msg = if io::copy(&url).await {
                "The share link is in the address bar and on the clipboard."
            } else {
                "The share link is in the address bar and below; copy it from there."
            };
            status.set(vec![msg.to_string()]);
        });
    };
    view! {
        <button type="button" class="hq-btn" data-testid="copy-link" on:click=copy>"Copy share link"</button>
    }
}

/// A file's button; every file is of the last good quote, made by the engine's exports.
fn save_button(kind: Download, status: Status) -> impl IntoView {
    let c = ctx();
    let save = move |_| {
        let Some(q) = c.last_good().get_untracked() else {
            status.set(vec!["There is no quote to save yet.".to_string()]);
            return;
        };
        let catalog = c.catalog().get_untracked();
        let stale = c.stale();
        spawn_local(async move {
            let name = kind.file_name(&q.number);
            let mime = kind.mime();
            let written = kind.bytes(catalog, q).await;
            let msg = match written.map(|b| b.and_then(|b| io::download(&name, &b, mime))) {
                Ok(Ok(())) if stale => format!(
                    "Saved {name}: the last valid quote, not your current answers (they need attention)."
                ),
                Ok(Ok(())) => format!("Saved {name}{}.", kind.saved_note()),
                Ok(Err(e)) => format!("The file could not be saved: {e}."),
                Err(_) => not_downloaded(&format!("{name} was not saved")),
            };
            status.set(vec![msg]);
        });
    };
    view! {
        <button type="button" class=kind.class() data-testid=kind.testid() on:click=save>{kind.label()}</button>
    }
}

/// Puts the customer copy's budget justification on the clipboard, and shows it below
/// when the browser refuses (to copy from there).
fn copy_justification(status: Status, shown: RwSignal<Option<String>>) -> impl IntoView {
    let c = ctx();
    let copy = move |_| {
        let Some(q) = c.last_good().get_untracked() else {
            status.set(vec!["There is no quote to justify yet.".to_string()]);
            return;
        };
        let catalog = c.catalog().get_untracked();
        spawn_local(async move {
            let text = match files::justification(catalog, q).await {
                Ok(Ok(text)) => text,
                Ok(Err(e)) => {
                    status.set(vec![format!(
                        "The budget justification was not written: {e}."
                    )]);
                    return;
                }
                Err(_) => {
                    status.set(vec![not_downloaded(
                        "The budget justification was not written",
                    )]);
                    return;
                }
            };
            let copied = io::copy(&text).await;
            let msg = if copied {
                "The budget justification is on the clipboard, ready to paste into a proposal."
            } else {
                "The browser did not allow copying: the budget justification is below, to copy from there."
            };
            shown.set((!copied).then_some(text));
            status.set(vec![msg.to_string()]);
        });
    };
    view! {
        <button type="button" class="hq-btn" data-testid="copy-justification" on:click=copy>"Copy budget justification"</button>
    }
}

/// Opens a quote file: its scenario replaces the draft, re-priced, with what changed.
fn open_json(status: Status) -> impl IntoView {
    let c = ctx();
    let on_open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            match io::read_file(&input).await {
                Some(Ok((name, text))) => {
                    let not_opened = not_downloaded(&format!("{name} was not opened"));
                    match files::open_quote(name, text, c.catalog().get_untracked()).await {
                        Ok((messages, scenario)) => {
                            if let Some(s) = scenario {
                                c.open(s);
                            }
                            status.set(messages);
                        }
                        Err(_) => status.set(vec![not_opened]),
                    }
                }
                Some(Err(e)) => status.set(vec![e]),
                None => {}
            }
            input.set_value("");
        });
    };
    let id = c.id("open-json");
    view! {
        <label class="hq-btn hq-filebtn" for=id.clone()>"Open JSON…"</label>
        <input id=id class="hq-file" type="file" accept=".json,application/json"
            data-testid="open-json" on:change=on_open/>
    }
}
