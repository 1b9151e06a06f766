//! One labelled field bound to a scenario path, with its inline message (`error-<path>`,
//! linked by `aria-describedby`). Typing never wipes anything: text that does not parse
//! stays in the box with its message, and the draft keeps the last valid value.
//!
//! The forms are data: lists of [`Spec`]s rendered by one [`Field`] component, so that a
//! new question is one line and the download carries one field's code, not forty.

use crate::scenario::fields;
use crate::web::state::ctx;
use leptos::prelude::*;

/// (value, label) pairs a choice offers, from the catalog.
pub type Options = Signal<Vec<(String, String)>>;

/// How a field is edited.
#[derive(Clone, Copy)]
pub enum Control {
    /// Free text.
    Text,
    /// A number, typed as text so that whatever a person types reaches the engine's
    /// parser and gets a message in words; decimal keyboard, right-aligned, optional unit.
    Number(Option<&'static str>),
    /// One of the options the function lists.
    Choice(fn() -> Options),
}

/// The text under a field that says what to answer.
#[derive(Clone, Copy)]
pub enum Hint {
    None,
    Text(&'static str),
    /// The help-hours hint, which quotes the catalog's hourly rate.
    HelpRate,
}

/// The label of a field named as the engine's table of scenario fields names it (the
/// staff form's, which the diff uses too); the guided questions have their own words.
pub const NAMED: &str = "";

/// One question of a form.
#[derive(Clone, Copy)]
pub struct Spec {
    /// The scenario path, relative to its record in a list (`name` in `hubs[1].`).
    pub path: &'static str,
    /// Its label, or [`NAMED`].
    pub label: &'static str,
    pub hint: Hint,
    pub control: Control,
}

impl Spec {
    pub const fn text(path: &'static str, label: &'static str) -> Spec {
        Spec {
            path,
            label,
            hint: Hint::None,
            control: Control::Text,
        }
    }

    pub const fn number(path: &'static str, label: &'static str) -> Spec {
        Spec {
            control: Control::Number(None),
            ..Spec::text(path, label)
        }
    }

    pub const fn choice(path: &'static str, label: &'static str, options: fn() -> Options) -> Spec {
        Spec {
            control: Control::Choice(options),
            ..Spec::text(path, label)
        }
    }

    pub const fn unit(self, unit: &'static str) -> Spec {
        Spec {
            control: Control::Number(Some(unit)),
            ..self
        }
    }

    pub const fn hint(self, hint: &'static str) -> Spec {
        Spec {
            hint: Hint::Text(hint),
            ..self
        }
    }

    pub const fn with_hint(self, hint: Hint) -> Spec {
        Spec { hint, ..self }
    }

    /// The field, its path under `prefix` (`hubs[1].`, or empty for the scenario).
    pub fn view(self, prefix: &str) -> impl IntoView {
        let hint = match self.hint {
            Hint::None => None,
            Hint::Text(h) => Some(h.to_string()),
            Hint::HelpRate => Some(help_rate_hint()),
        };
        let control = match self.control {
            Control::Text => Widget::Text,
            Control::Number(unit) => Widget::Number(unit),
            Control::Choice(options) => Widget::Choice(options()),
        };
        let path = format!("{prefix}{}", self.path);
        let label = if self.label.is_empty() {
            fields::label(&path).unwrap_or_default()
        } else {
            self.label.to_string()
        };
        view! { <Field path=path label=label hint=hint control=control/> }
    }
}

/// Several questions.
pub fn each(specs: &'static [Spec], prefix: &str) -> impl IntoView {
    specs.iter().map(|s| s.view(prefix)).collect_view()
}

fn help_rate_hint() -> String {
    let rate = ctx().catalog().with(|cat| {
        cat.pricing
            .as_ref()
            .map(|p| p.currency.format(p.hourly_rate.price))
            .unwrap_or_default()
    });
    format!("With environments and support. Each tier includes some; extra hours are billed at {rate} per hour.")
}

/// A field's control with its options in hand.
#[derive(Clone, Copy)]
pub enum Widget {
    Text,
    Number(Option<&'static str>),
    Choice(Options),
}

/// A labelled text box or select bound to `path`, with its hint and its message.
#[component]
pub fn Field(path: String, label: String, hint: Option<String>, control: Widget) -> impl IntoView {
    let c = ctx();
    let [id, hint_id, err_id] = ids(&path);
    let p = path.clone();
    let err = Memo::new(move |_| c.error_of(&p));
    let unit = match control {
        Widget::Number(unit) => unit,
        _ => None,
    };
    let input = input(path.clone(), control, err, hint.is_some());
    view! {
        <div class="hq-field" class:invalid=move || err.with(Option::is_some)>
            <label for=id>{label}</label>
            <div class="hq-control">
                {input}
                {unit.map(|u| view! { <span class="hq-unit" aria-hidden="true">{u}</span> })}
            </div>
            {hint.map(|h| view! { <p class="hq-hint" id=hint_id>{h}</p> })}
            {move || err.get().map(|e| view! {
                <p class="hq-err" id=err_id.clone() data-testid=format!("error-{path}")>{e}</p>
            })}
        </div>
    }
}

/// The element ids of a field's control, hint and message.
fn ids(path: &str) -> [String; 3] {
    let c = ctx();
    ["f", "h", "e"].map(|part| c.id(&format!("{part}-{path}")))
}

/// The text box or select itself, described by its hint and, while there is one, its
/// message; typing edits the draft, a choice is applied as is.
fn input(path: String, control: Widget, err: Memo<Option<String>>, has_hint: bool) -> AnyView {
    let c = ctx();
    let [id, hint_id, err_id] = ids(&path);
    let described = move || {
        let mut v = Vec::new();
        if has_hint {
            v.push(hint_id.clone());
        }
        if err.with(Option::is_some) {
            v.push(err_id.clone());
        }
        (!v.is_empty()).then(|| v.join(" "))
    };
    let invalid = move || {
        if err.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    };
    let testid = format!("field-{path}");
    let p = path.clone();
    let value = Memo::new(move |_| c.text_of(&p));
    match control {
        Widget::Text | Widget::Number(_) => {
            let numeric = matches!(control, Widget::Number(_));
            view! {
                <input id=id type="text" class:num=numeric
                    inputmode=if numeric { "decimal" } else { "text" }
                    autocomplete="off" data-testid=testid
                    prop:value=move || value.get()
                    aria-invalid=invalid aria-describedby=described
                    on:input=move |ev| c.edit(&path, event_target_value(&ev))/>
            }
            .into_any()
        }
        Widget::Choice(options) => view! {
            <select id=id data-testid=testid
                prop:value=move || value.get()
                aria-invalid=invalid aria-describedby=described
                on:change=move |ev| c.choose(&path, event_target_value(&ev))>
                {move || choices(value.get(), options.get())}
            </select>
        }
        .into_any(),
    }
}

/// The options of a select; a current value the catalog does not know is kept as an extra
/// option so nothing is silently changed.
fn choices(now: String, mut opts: Vec<(String, String)>) -> impl IntoView {
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
}
