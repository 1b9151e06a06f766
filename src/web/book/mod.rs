//! The book of business, for staff: scenario and quote files dropped or chosen at once,
//! priced in the browser (nothing leaves it) by the engine's book (`crate::book`) exactly
//! as `hubquote batch`, `summary` and `impact` price them — a row per file, each opening
//! its quote as the draft; revenue by kind per tier and in total; and what moving every
//! file from an older catalog to the loaded one does. Its own lazily loaded chunk, shown
//! only in the staff form's mode. The files and the old catalog stay while the tab is
//! left (for one app per page: they are kept by this module, not by the app's state).

mod files;
mod priced;
mod tables;

use crate::catalog::Catalog;
use crate::web::io;
use crate::web::state::{ctx, View};
use files::{DropZone, File, MAX_FILES};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::sync::Arc;

#[wasm_split(hubquote_book_view, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn book_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <BookView/> }.into_any())
}

/// The old catalog of the impact: its file's name (none for the built-in catalog).
type From = (Option<String>, Arc<Catalog>);

/// What the book holds between visits of the tab: reference-counted signals, not owned
/// by the panel that is unmounted when another tab is shown.
#[derive(Clone)]
struct Kept {
    files: ArcRwSignal<Vec<File>>,
    from: ArcRwSignal<Option<From>>,
    status: ArcRwSignal<Vec<String>>,
}

thread_local! {
    /// Each instance's book, by the instance's index on the page.
    static KEPT: std::cell::RefCell<Vec<Kept>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Kept {
    fn new() -> Kept {
        Kept {
            files: ArcRwSignal::new(Vec::new()),
            from: ArcRwSignal::new(None),
            status: ArcRwSignal::new(Vec::new()),
        }
    }

    /// The book of the `index`-th instance on the page (empty the first time).
    fn of(index: usize) -> Kept {
        KEPT.with_borrow_mut(|all| {
            if all.len() <= index {
                all.resize_with(index + 1, Kept::new);
            }
            all.get(index).cloned().unwrap_or_else(Kept::new)
        })
    }
}

/// The old catalog: the one chosen, else the built-in one.
fn from_or_builtin(from: &Option<From>) -> Result<From, String> {
    match from {
        Some(f) => Ok(f.clone()),
        None => Catalog::embedded()
            .map(|l| (None, Arc::new(l.catalog)))
            .map_err(|d| d.render(crate::DEFAULT_CATALOG_NAME)),
    }
}

#[component]
fn BookView() -> impl IntoView {
    let c = ctx();
    let kept = Kept::of(c.host().index);
    let (files, from, status) = (kept.files, kept.from, kept.status);
    let old = {
        let from = from.clone();
        Memo::new(move |_| from.with(from_or_builtin))
    };
    let priced = {
        let files = files.clone();
        Memo::new(move |_| {
            let to = c.catalog().get();
            old.with(|old| {
                files.with(|files| {
                    (!files.is_empty()).then(|| {
                        let from = old.as_ref().map_or(&*to, |(_, f)| &**f);
                        Arc::new(priced::price(files, &to, from, io::today()))
                    })
                })
            })
        })
    };
    let got_files = {
        let (files, status) = (files.clone(), status.clone());
        Callback::new(move |(got, n): (Vec<File>, u32)| {
            status.set(vec![read_note(got.len(), n)]);
            files.set(got);
        })
    };
    let got_catalog = {
        let (from, status) = (from.clone(), status.clone());
        Callback::new(move |(got, _): (Vec<File>, u32)| {
            if let Some(f) = got.into_iter().next() {
                status.set(load_from(&from, f));
            }
        })
    };
    let open = {
        let (files, status) = (files.clone(), status.clone());
        Callback::new(move |i: usize| {
            let catalog = c.catalog().get_untracked();
            let file = files.with_untracked(|f| f.get(i).cloned());
            let Some(file) = file else { return };
            match opened(&file, &catalog) {
                Ok(s) => {
                    status.set(vec![format!("Opened {} as the draft.", file.name)]);
                    c.open(s);
                    c.go_and_focus(View::Quote);
                }
                Err(e) => status.set(vec![e]),
            }
        })
    };
    let status_lines = move || {
        status.with(|lines| {
            (!lines.is_empty()).then(|| {
                let items = lines.iter().map(|l| view! { <li>{l.clone()}</li> });
                view! { <ul>{items.collect_view()}</ul> }
            })
        })
    };
    let from_name = move || {
        old.with(|o| match o {
            Ok((Some(file), cat)) => format!("{} {} ({file})", cat.name, cat.version),
            Ok((None, cat)) => format!("{} {} (the built-in catalog)", cat.name, cat.version),
            Err(e) => e.clone(),
        })
    };
    let to_name = move || {
        c.catalog()
            .with(|cat| format!("{} {}", cat.name, cat.version))
    };
    view! {
        <div class="hq-book" data-testid="book">
            <h2>"Book of business"</h2>
            <p class="hq-muted">"Every file is priced here, in the browser, exactly as "
                <code>"hubquote batch"</code>", "<code>"summary"</code>" and "<code>"impact"</code>
                " price it; nothing is sent anywhere."</p>
            <DropZone id=c.id("book-files") testid="book-drop" label="Choose files…" multiple=true
                hint="Drop scenario or quote files here (several at once), or choose them:"
                got=got_files/>
            <p>"Priced with the loaded catalog: " <strong data-testid="book-to">{to_name}</strong>
                ". The impact moves every file from "
                <strong data-testid="book-from">{from_name}</strong>" to it."</p>
            <DropZone id=c.id("book-from") testid="book-from-drop"
                label="Choose the old (from) catalog…" multiple=false
                hint="To compare with the catalog the members are on now, drop it here or choose it:"
                got=got_catalog/>
            <div class="hq-status" data-testid="book-status" role="status">{status_lines}</div>
            {move || priced.get().map(|p| view! { <tables::Tables priced=p open=open/> })}
        </div>
    }
}

/// `3 files read.`, and what was left beyond the limit.
fn read_note(read: usize, given: u32) -> String {
    let plural = if read == 1 { "file" } else { "files" };
    let left = given.saturating_sub(MAX_FILES);
    if left > 0 {
        format!(
            "{read} {plural} read; {left} more were left: at most {MAX_FILES} are read at once."
        )
    } else {
        format!("{read} {plural} read.")
    }
}

/// Loads a catalog file as the old catalog of the impact; what to say about it.
fn load_from(from: &ArcRwSignal<Option<From>>, f: File) -> Vec<String> {
    let loaded = match &f.text {
        Ok(t) => Catalog::load(t).map_err(|d| d.rendered(&f.name)),
        Err(e) => Err(vec![crate::export::problem_text(&f.name, e)]),
    };
    match loaded {
        Ok(l) => {
            let said = format!(
                "The impact now moves every file from {} {} ({}).",
                l.catalog.name, l.catalog.version, f.name
            );
            from.set(Some((Some(f.name), Arc::new(l.catalog))));
            vec![said]
        }
        Err(mut lines) => {
            lines.insert(
                0,
                format!("{} could not be loaded as the old catalog:", f.name),
            );
            lines
        }
    }
}

/// A file's scenario, read as the batch reads it, to open as the draft.
fn opened(f: &File, catalog: &Catalog) -> Result<crate::scenario::Scenario, String> {
    let text = f
        .text
        .as_ref()
        .map_err(|e| crate::export::problem_text(&f.name, e))?;
    crate::book::Document::read(text, catalog)
        .map(|d| d.scenario)
        .map_err(|d| crate::export::problem_text(&f.name, &crate::book::Problem::of(&d)))
}
