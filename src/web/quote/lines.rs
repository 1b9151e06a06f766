//! The line items by section, each with its formula and, on demand, its rationale.

use crate::export::{formula, period};
use crate::quote::{Line, LineKind, Quote};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

#[component]
pub fn Lines(q: Arc<Quote>, open: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let sections = q
        .sections()
        .into_iter()
        .map(|(title, lines)| {
            let rows = lines
                .into_iter()
                .map(|l| line_rows(&q, l, open))
                .collect_view();
            view! {
                <tbody>
                    <tr class="hq-group"><th scope="rowgroup" colspan="4">{title}</th></tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <div class="hq-scroll" tabindex="0" role="region" aria-label="Line items table">
            <table class="hq-lines">
                <caption class="hq-sr">"Line items"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Item"</th>
                        <th scope="col">"Calculation"</th>
                        <th scope="col" class="hq-num">"First year"</th>
                        <th scope="col"><span class="hq-sr">"Rationale"</span></th>
                    </tr>
                </thead>
                {sections}
            </table>
        </div>
    }
}

/// A line's row (label, formula, amount, its "Why?" button) and the row of its rationale
/// under it, shown while `open` holds the line's id.
fn line_rows(q: &Quote, l: &Line, open: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let id = l.id.clone();
    let id_toggle = id.clone();
    let id_open = id.clone();
    let is_open = Memo::new(move |_| open.with(|o| o.contains(&id_open)));
    let rid = format!("hq-r-{id}");
    let kind = match l.kind {
        LineKind::Fixed => None,
        k => Some(k.label()),
    };
    view! {
        <tr data-testid="line" data-line-id=id.clone() class:estimate=kind.is_some()>
            <td class="hq-line-label">
                {l.label.clone()}
                {kind.map(|k| view! { <span class="hq-tag">{k}</span> })}
            </td>
            <td class="hq-line-calc">
                <span class="hq-formula">{formula(q, l)}</span>
                <span class="hq-small">{period(q, l)}</span>
            </td>
            <td class="hq-num">{q.currency.format(l.first_year)}</td>
            <td class="hq-why">
                <button type="button" class="hq-btn hq-btn-quiet hq-btn-small"
                    data-testid=format!("why-{id}")
                    aria-expanded=move || if is_open.get() { "true" } else { "false" }
                    aria-controls=rid.clone()
                    on:click=move |_| open.update(|o| {
                        if !o.remove(&id_toggle) {
                            o.insert(id_toggle.clone());
                        }
                    })>
                    "Why?"<span class="hq-sr">{format!(" {}", l.label)}</span>
                </button>
            </td>
        </tr>
        <tr class="hq-rationale" id=rid data-testid=format!("rationale-{id}") hidden=move || !is_open.get()>
            <td colspan="4">{l.rationale.clone()}</td>
        </tr>
    }
}
