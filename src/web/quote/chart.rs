//! The cost breakdown: one stacked SVG bar of the first year by section, with a legend.
//! Pure presentation of the quote's line amounts (geometry as attributes, colours from
//! the stylesheet, so it works under `style-src 'self'`).

use crate::quote::Quote;
use crate::web::state::ctx;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The bar's width in SVG user units (the SVG scales to its box).
const WIDTH: i64 = 1000;

#[component]
pub fn Chart(q: Arc<Quote>) -> impl IntoView {
    // First-year amount of each section, in quote order (summed by the engine).
    let parts: Vec<(&'static str, Decimal)> = q
        .section_totals()
        .unwrap_or_default()
        .into_iter()
        .map(|(section, amount)| (section.label(), amount))
        .collect();
    // Geometry in exact decimals (no floats: their formatting tables would cost the
    // download more than the chart itself); checked, so a wild total draws no bar.
    let positive = parts
        .iter()
        .map(|(_, d)| *d)
        .filter(|d| d.is_sign_positive() && !d.is_zero())
        .try_fold(Decimal::ZERO, |sum, d| sum.checked_add(d))
        .unwrap_or_default();
    let mut x = Decimal::ZERO;
    let rects = parts
        .iter()
        .enumerate()
        .filter_map(|(i, (name, d))| {
            if !d.is_sign_positive() || d.is_zero() || positive.is_zero() {
                return None;
            }
            let w = d
                .checked_mul(Decimal::from(WIDTH))?
                .checked_div(positive)?
                .round_dp(2);
            let at = x;
            x = x.checked_add(w)?;
            Some(view! {
                <rect x=at.to_string() y="0" width=w.to_string() height="40" class=format!("hq-seg hq-c{i}")>
                    <title>{format!("{name}: {}", q.currency.format(*d))}</title>
                </rect>
            })
        })
        .collect_view();
    let legend = parts
        .iter()
        .enumerate()
        .map(|(i, (name, d))| {
            view! {
                <li>
                    <span class=format!("hq-swatch hq-c{i}") aria-hidden="true"></span>
                    <span class="hq-legend-name">{*name}</span>
                    <span class="hq-num">{q.currency.format(*d)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="hq-chart">
            <svg data-testid="cost-chart" viewBox=format!("0 0 {WIDTH} 40") width="100%" height="40"
                preserveAspectRatio="none" role="img" aria-labelledby=ctx().id("chart-title")>
                <title id=ctx().id("chart-title")>"First-year cost by section"</title>
                {rects}
            </svg>
            <figcaption>
                <ul class="hq-legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}
