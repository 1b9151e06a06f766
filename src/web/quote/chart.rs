//! The cost breakdown: one stacked SVG bar of the first year by section, with a legend.
//! Pure presentation of the quote's line amounts (geometry as attributes, colours from
//! the stylesheet, so it works under `style-src 'self'`).

use crate::quote::Quote;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::sync::Arc;

const WIDTH: f64 = 1000.0;

#[component]
pub fn Chart(q: Arc<Quote>) -> impl IntoView {
    // First-year amount of each section, in quote order (summed by the engine).
    let parts: Vec<(&'static str, Decimal)> = q
        .section_totals()
        .unwrap_or_default()
        .into_iter()
        .map(|(section, amount)| (section.label(), amount))
        .collect();
    let positive: f64 = parts
        .iter()
        .filter_map(|(_, d)| d.to_f64())
        .filter(|v| *v > 0.0)
        .sum();
    let mut x = 0.0;
    let rects = parts
        .iter()
        .enumerate()
        .filter_map(|(i, (name, d))| {
            let v = d.to_f64().filter(|v| *v > 0.0 && positive > 0.0)?;
            let w = v / positive * WIDTH;
            let at = x;
            x += w;
            Some(view! {
                <rect x=format!("{at:.2}") y="0" width=format!("{w:.2}") height="40" class=format!("hq-seg hq-c{i}")>
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
                preserveAspectRatio="none" role="img" aria-labelledby="hq-chart-title">
                <title id="hq-chart-title">"First-year cost by section"</title>
                {rects}
            </svg>
            <figcaption>
                <ul class="hq-legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}
