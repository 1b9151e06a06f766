//! The files a staff member brings: dropped on a zone or chosen with its file input (for
//! the keyboard), read as text in the browser and never sent anywhere. A file larger
//! than a document may be is refused unread, as the CLI refuses it.

use crate::book::Problem;
use crate::source::MAX_DOCUMENT_BYTES;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// At most this many files are read at once; the rest are left, and the status says so.
pub const MAX_FILES: u32 = 10_000;

/// A file as it was named, and its text or why it could not be read.
#[derive(Clone, PartialEq)]
pub struct File {
    pub name: String,
    pub text: Result<String, Problem>,
}

/// Every file of a list (at most [`MAX_FILES`]), in its order.
async fn read_all(list: web_sys::FileList) -> Vec<File> {
    let mut out = Vec::new();
    for i in 0..list.length().min(MAX_FILES) {
        if let Some(f) = list.get(i) {
            out.push(read(f).await);
        }
    }
    out
}

async fn read(f: web_sys::File) -> File {
    let name = f.name();
    let text = if f.size() > MAX_DOCUMENT_BYTES as f64 {
        Err(Problem::whole(crate::source::too_large()))
    } else {
        let t = JsFuture::from(f.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        t.ok_or_else(|| Problem::whole("the file could not be read as text"))
    };
    File { name, text }
}

/// A drop zone around a labelled file input: files dropped on it or chosen with it go
/// to `got` (with how many there were), read; `id` is the input's.
#[component]
pub fn DropZone(
    id: String,
    testid: &'static str,
    label: &'static str,
    hint: &'static str,
    multiple: bool,
    got: Callback<(Vec<File>, u32)>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    // The input is emptied once its files are read, so that the same files can be
    // chosen again.
    let take = move |list: Option<web_sys::FileList>, input: Option<web_sys::HtmlInputElement>| {
        let Some(list) = list else { return };
        let n = list.length();
        spawn_local(async move {
            let files = read_all(list).await;
            if let Some(input) = input {
                input.set_value("");
            }
            got.run((files, n));
        });
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        take(ev.data_transfer().and_then(|d| d.files()), None);
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take(input.files(), Some(input));
    };
    let on_over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(true);
    };
    view! {
        <div class="hq-drop" class:over=move || over.get() data-testid=testid
            on:dragover=on_over on:dragleave=move |_| over.set(false) on:drop=on_drop>
            <p>{hint}</p>
            <label class="hq-btn hq-filebtn" for=id.clone()>{label}</label>
            <input id=id class="hq-file" type="file" multiple=multiple
                accept=".json,.json5,application/json" data-testid=format!("{testid}-input")
                on:change=on_change/>
        </div>
    }
}
