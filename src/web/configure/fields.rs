//! One labelled field bound to a scenario path, with its inline message (`error-<path>`,
//! linked by `aria-describedby`). Typing never wipes anything: text that does not parse
//! stays in the box with its message, and the draft keeps the last valid value.

use crate::web::state::ctx;
use leptos::prelude::*;

fn ids(path: &str) -> (String, String, String) {
    (
        format!("hq-f-{path}"),
        format!("hq-h-{path}"),
        format!("hq-e-{path}"),
    )
}

/// The field's message and the `aria-describedby` it needs.
fn message(path: String, has_hint: bool) -> (Memo<Option<String>>, Signal<Option<String>>) {
    let c = ctx();
    let p = path.clone();
    let err = Memo::new(move |_| c.error_of(&p));
    let (_, hint_id, err_id) = ids(&path);
    let described = Signal::derive(move || {
        let mut v = Vec::new();
        if has_hint {
            v.push(hint_id.clone());
        }
        if err.with(Option::is_some) {
            v.push(err_id.clone());
        }
        (!v.is_empty()).then(|| v.join(" "))
    });
    (err, described)
}

fn messages(path: &str, hint: Option<String>, err: Memo<Option<String>>) -> impl IntoView {
    let (_, hint_id, err_id) = ids(path);
    let testid = format!("error-{path}");
    view! {
        {hint.map(|h| view! { <p class="hq-hint" id=hint_id>{h}</p> })}
        {move || err.get().map(|e| view! {
            <p class="hq-err" id=err_id.clone() data-testid=testid.clone()>{e}</p>
        })}
    }
}

/// A text or number box. Numbers are typed as text (`inputmode`), so that whatever a
/// person types reaches the engine's parser and gets a message in words.
#[component]
pub fn Input(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// A number: decimal keyboard on phones, right-aligned.
    #[prop(optional)]
    numeric: bool,
    /// A unit shown after the box ("hours", "GB").
    #[prop(optional)]
    unit: Option<&'static str>,
) -> impl IntoView {
    let c = ctx();
    let (id, _, _) = ids(&path);
    let (err, described) = message(path.clone(), hint.is_some());
    let p_value = path.clone();
    let p_input = path.clone();
    view! {
        <div class="hq-field" class:invalid=move || err.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <div class="hq-control">
                <input id=id type="text" class:num=numeric
                    inputmode=if numeric { "decimal" } else { "text" }
                    autocomplete="off"
                    data-testid=format!("field-{path}")
                    prop:value=move || c.text_of(&p_value)
                    aria-invalid=move || if err.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described
                    on:input=move |ev| c.edit(&p_input, event_target_value(&ev))/>
                {unit.map(|u| view! { <span class="hq-unit" aria-hidden="true">{u}</span> })}
            </div>
            {messages(&path, hint, err)}
        </div>
    }
}

/// A choice among options (value, label); a current value the catalog does not know is
/// kept as an extra option so nothing is silently changed.
#[component]
pub fn Select(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let c = ctx();
    let (id, _, _) = ids(&path);
    let (err, described) = message(path.clone(), hint.is_some());
    let p_value = path.clone();
    let p_change = path.clone();
    let current = Memo::new(move |_| c.text_of(&p_value));
    let list = move || {
        let now = current.get();
        let mut opts = options.get();
        if !opts.iter().any(|(v, _)| *v == now) {
            let label = if now.is_empty() {
                "Choose…".to_string()
            } else {
                format!("{now} (not in this catalog)")
            };
            opts.insert(0, (now.clone(), label));
        }
        opts.into_iter()
            .map(|(v, l)| {
                let selected = v == now;
                view! { <option value=v selected=selected>{l}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="hq-field" class:invalid=move || err.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <div class="hq-control">
                <select id=id data-testid=format!("field-{path}")
                    prop:value=move || current.get()
                    aria-invalid=move || if err.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described
                    on:change=move |ev| c.choose(&p_change, event_target_value(&ev))>
                    {list}
                </select>
            </div>
            {messages(&path, hint, err)}
        </div>
    }
}
