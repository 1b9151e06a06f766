//! Why there is no current quote, in the engine's words: the chosen tier does not allow
//! the scenario (each conflict), no tier does, or some answers are invalid (a list for
//! whoever fills in the form, not shown in presentation mode: it may name the staff's
//! terms, such as an approval without its approver). Lazily loaded, with the quote's
//! details (most visits never see one).

use crate::pricing::QuoteError;
use crate::web::text::capitalise;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

#[wasm_split(hubquote_details, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn problem_view(e: QuoteError) -> Result<AnyView, SplitLoaderError> {
    let shown = match e {
            QuoteError::Conflicts { tier, conflicts } => Some(
                view! {
                    <div class="hq-alert hq-alert-error" data-testid="quote-error">
                        <p><strong>{format!("{tier} does not allow this configuration:")}</strong></p>
                        <ul>{conflicts.into_iter().map(|x| view! { <li>{capitalise(&x.message)}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            ),
            QuoteError::NoTierFits(tiers) => Some(
                view! {
                    <div class="hq-alert hq-alert-error" data-testid="quote-error">
                        <p><strong>"No tier allows this configuration:"</strong></p>
                        <ul>{tiers.into_iter().map(|t| {
                            let why: Vec<String> = t.conflicts.iter().map(|x| x.message.clone()).collect();
                            view! { <li>{format!("{}: {}", t.label, why.join("; "))}</li> }
                        }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            ),
            QuoteError::Invalid(d) => Some(
                view! {
                    <div class="hq-alert hq-alert-warn hq-staff-only" data-testid="quote-invalid">
                        <p><strong>"Some answers need attention:"</strong></p>
                        <ul>{d.errors().map(|x| view! { <li>{capitalise(&x.message)}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            ),
            QuoteError::NotPriced(_) => None,
            other => Some(
                view! {
                    <div class="hq-alert hq-alert-error" data-testid="quote-error">
                        <p>{capitalise(&other.to_string())}</p>
                    </div>
                }
                .into_any(),
            ),
        };
    Ok(shown.into_any())
}
