//! Two scenarios compared: "Pin as A" keeps the current configuration as the baseline,
//! and from then on the quote shows the draft (B) against it, from the engine's diff of
//! the two customer copies (what `hubquote diff A B` prints): what changed in the inputs,
//! every total with its delta in money and %, every line changed, added or removed. In
//! the quote's lazily loaded tools chunk, shown once the totals are painted.

use crate::diff::{self, InputChange, LineChange, QuoteDiff, TotalChange};
use crate::export;
use crate::money::Currency;
use crate::pricing;
use crate::quote::Audience;
use crate::web::io;
use crate::web::state::ctx;
use crate::web::text::capitalise;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Versus() -> impl IntoView {
    let c = ctx();
    // A priced with the catalog in use, today (again only when either changes); B the
    // last good quote; customer copies both, amounts only (a diff reads no rationale).
    let a = Memo::new(move |_| {
        let a = c.pinned()?;
        Some(c.catalog().with(|cat| {
            pricing::amounts_only(cat, &a, io::today(), Audience::Customer)
                .map(Arc::new)
                .map_err(|e| capitalise(&e.to_string()))
        }))
    });
    let compared = Memo::new(move |_| {
        let a = a.get()?;
        let b = c.last_good().get()?;
        Some(a.and_then(|a| diff::diff(&a, &b.for_customer()).map_err(|e| e.to_string())))
    });
    move || {
        match compared.get() {
        None => view! {
            <section class="hq-block hq-versus hq-staff-only" aria-label="Compare two configurations">
                <p class="hq-hint">"Pin this configuration as A, change the answers, and the quote shows what changes and by how much."</p>
                <button type="button" class="hq-btn" data-testid="compare-pin" on:click=move |_| c.pin()>"Pin as A"</button>
            </section>
        }
        .into_any(),
        Some(Err(why)) => view! {
            <section class="hq-block hq-versus" data-testid="compare">
                <p class="hq-alert hq-alert-error">{format!("Scenario A can no longer be priced: {why}")}</p>
                {clear()}
            </section>
        }
        .into_any(),
        Some(Ok(d)) => view! { <Against d=d/> }.into_any(),
    }
    }
}

fn clear() -> impl IntoView {
    let c = ctx();
    view! {
        <button type="button" class="hq-btn hq-staff-only" data-testid="compare-clear" on:click=move |_| c.clear_pin()>"Stop comparing"</button>
    }
}

/// B against A: the two quotes, what changed, the totals and the lines.
#[component]
fn Against(d: QuoteDiff) -> impl IntoView {
    let cur = d.currency.clone();
    let inputs = if d.inputs.is_empty() {
        view! { <p class="hq-muted">"Nothing: B is configured as A is."</p> }.into_any()
    } else {
        view! { <ul class="hq-changes" data-testid="compare-inputs">{d.inputs.iter().map(input).collect_view()}</ul> }.into_any()
    };
    view! {
        <section class="hq-block hq-versus" data-testid="compare" aria-labelledby=ctx().id("versus-h")>
            <h2 class="hq-h3" id=ctx().id("versus-h")>"B against A"</h2>
            <p class="hq-muted">{format!("A: {} ({}) · B, this quote: {} ({})", d.a.number, d.a.tier_label, d.b.number, d.b.tier_label)}</p>
            <h3 class="hq-h4">"What changed"</h3>
            {inputs}
            {table(
                "compare-totals",
                "Totals of A and B",
                &["Total", "A", "B", "Change", "%"],
                d.totals.iter().map(|t| total(&cur, t)).collect_view(),
            )}
            {lines(&cur, &d.lines)}
            {clear()}
        </section>
    }
}

/// `~ Monthly active users, STAT 101: 50 → 80`; a hub added or removed by its name.
fn input(i: &InputChange) -> impl IntoView {
    let text = export::input_change(i);
    view! {
        <li data-testid="compare-input" data-path=i.path.clone() data-change=i.change.key()>
            <span class="hq-sym" aria-hidden="true">{i.change.symbol()}</span>" "{text}
        </li>
    }
}

fn total(cur: &Currency, t: &TotalChange) -> impl IntoView {
    let pct = Some(export::percent(t))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "—".into());
    view! {
        <tr data-testid="compare-total" data-total=t.key.clone() class:same=t.delta.is_zero()>
            <th scope="row">{t.label.clone()}</th>
            <td class="hq-num">{cur.format(t.from)}</td>
            <td class="hq-num">{cur.format(t.to)}</td>
            <td class="hq-num" data-testid="compare-delta">{export::signed(cur, t.delta)}</td>
            <td class="hq-num" data-testid="compare-percent">{pct}</td>
        </tr>
    }
}

/// Every line changed, added or removed, by its first-year amount.
fn lines(cur: &Currency, lines: &[LineChange]) -> AnyView {
    if lines.is_empty() {
        return view! { <p class="hq-muted">"No line changed."</p> }.into_any();
    }
    let rows = lines
        .iter()
        .map(|l| {
            let name = export::line_name(l);
            view! {
                <tr data-testid="compare-line" data-line-id=l.id.clone() data-change=l.change.key()>
                    <th scope="row"><span class="hq-sym" aria-hidden="true">{l.change.symbol()}</span>" "{name}
                        <span class="hq-sr">{format!(" ({})", l.change.key())}</span></th>
                    <td class="hq-num">{cur.format(l.from)}</td>
                    <td class="hq-num">{cur.format(l.to)}</td>
                    <td class="hq-num" data-testid="compare-delta">{export::signed(cur, l.delta)}</td>
                </tr>
            }
        })
        .collect_view();
    table(
        "compare-lines",
        "Lines changed, added or removed (first-year amounts)",
        &["Line (first year)", "A", "B", "Change"],
        rows,
    )
    .into_any()
}

/// A table of A and B (`testid`, described by `caption`), its first column the names.
fn table(
    testid: &'static str,
    caption: &'static str,
    head: &'static [&'static str],
    rows: impl IntoView + 'static,
) -> impl IntoView {
    let head = head
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let num = i > 0;
            view! { <th scope="col" class:hq-num=num>{*h}</th> }
        })
        .collect_view();
    view! {
        <div class="hq-scroll" tabindex="0" role="region" aria-label=caption>
            <table class="hq-delta" data-testid=testid>
                <caption class="hq-sr">{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
