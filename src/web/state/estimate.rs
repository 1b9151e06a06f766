//! What the engine says about a scenario under a catalog: its problems, its quote, the
//! last good quote, and its recommendation (every tier compared). The quote is the staff
//! copy (notes, approval and why it is needed): the screen shows only its customer's
//! part, and whatever leaves the app is the customer's copy unless staff ask for theirs. Memos: each is worked
//! out when a view first reads it and again only when the catalog or scenario changes.

use super::read_only::ReadOnly;
use crate::catalog::Catalog;
use crate::pricing::{self, QuoteError};
use crate::quote::{Audience, Quote, Recommendation};
use crate::scenario::{Scenario, RECOMMEND};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Estimate {
    /// The engine's validation of the scenario: (path, message).
    pub problems: Memo<Vec<(String, String)>>,
    /// The quote's amounts alone (`pricing::amounts_only`): what leaves the first download
    /// explained (the details, the files) is `pricing::explain`ed in its own chunk.
    pub result: Memo<Result<Arc<Quote>, QuoteError>>,
    pub last_good: Memo<Option<Arc<Quote>>>,
    /// The tier the engine recommends for the scenario and why, as if asked to recommend
    /// (the menu's, and the tiers compared when the chosen tier refuses the scenario).
    pub recommendation: Memo<Result<Recommendation, QuoteError>>,
}

impl Estimate {
    pub fn new(
        catalog: ReadOnly<Arc<Catalog>>,
        scenario: ReadOnly<Scenario>,
        today: time::Date,
    ) -> Estimate {
        let problems = Memo::new(move |_| {
            catalog.with(|c| {
                scenario.with(|s| {
                    s.validate(c)
                        .errors()
                        .map(|d| (d.path.clone(), d.message.clone()))
                        .collect::<Vec<_>>()
                })
            })
        });
        let result = Memo::new(move |_| {
            catalog.with(|c| {
                scenario.with(|s| pricing::amounts_only(c, s, today, Audience::Staff).map(Arc::new))
            })
        });
        let last_good = Memo::new(move |prev: Option<&Option<Arc<Quote>>>| {
            result.with(|r| match r {
                Ok(q) => Some(q.clone()),
                Err(_) => prev.cloned().flatten(),
            })
        });
        let recommendation = Memo::new(move |_| {
            catalog.with(|c| {
                scenario.with(|s| {
                    let mut s = s.clone();
                    s.tier = RECOMMEND.into();
                    pricing::recommendation(c, &s)
                })
            })
        });
        Estimate {
            problems,
            result,
            last_good,
            recommendation,
        }
    }
}
