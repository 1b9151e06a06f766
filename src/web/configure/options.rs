//! The (value, label) lists the selects offer, from the catalog.

use crate::scenario::{DiscountTarget, RECOMMEND};
use crate::web::state::ctx;
use crate::web::text::capitalise;
use leptos::prelude::*;

type Opts = Signal<Vec<(String, String)>>;

fn from_catalog(
    f: impl Fn(&crate::catalog::PriceList) -> Vec<(String, String)> + Send + Sync + 'static,
) -> Opts {
    let c = ctx();
    Signal::derive(move || {
        c.catalog()
            .with(|cat| cat.pricing.as_ref().map(&f).unwrap_or_default())
    })
}

pub fn tiers() -> Opts {
    from_catalog(|p| {
        let mut v = vec![(
            RECOMMEND.to_string(),
            "Recommend the best fit for me".to_string(),
        )];
        v.extend(
            p.tiers
                .keys()
                .map(|t| (t.to_string(), p.tier_label(t).to_string())),
        );
        v
    })
}

pub fn providers() -> Opts {
    from_catalog(|p| {
        p.providers
            .iter()
            .map(|(k, v)| (k.to_string(), v.label.clone()))
            .collect()
    })
}

pub fn regions() -> Opts {
    let c = ctx();
    let provider = Memo::new(move |_| c.draft().with(|s| s.provider.clone()));
    Signal::derive(move || {
        let prov = provider.get();
        c.catalog().with(|cat| {
            cat.pricing
                .as_ref()
                .and_then(|p| p.providers.get(&prov))
                .map(|x| {
                    x.regions
                        .iter()
                        .map(|(k, r)| (k.to_string(), format!("{} ({k})", r.label)))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

pub fn accounts() -> Opts {
    from_catalog(|p| {
        p.accounts
            .iter()
            .map(|(k, v)| (k.to_string(), v.label.clone()))
            .collect()
    })
}

pub fn billing() -> Opts {
    from_catalog(|p| {
        p.billing
            .iter()
            .map(|(k, v)| (k.to_string(), v.label.clone()))
            .collect()
    })
}

pub fn sizes() -> Opts {
    from_catalog(|p| {
        p.sizes
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    if v.label.is_empty() {
                        k.to_string()
                    } else {
                        v.label.clone()
                    },
                )
            })
            .collect()
    })
}

pub fn discount_targets() -> Opts {
    Signal::derive(|| {
        DiscountTarget::ALL
            .into_iter()
            .map(|t| (t.key().to_string(), capitalise(t.label())))
            .collect()
    })
}

pub fn discount_kinds() -> Opts {
    Signal::derive(|| {
        vec![
            (
                "percent".to_string(),
                "Percent of the first year".to_string(),
            ),
            ("amount".to_string(), "Fixed amount".to_string()),
        ]
    })
}
