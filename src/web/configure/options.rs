//! The (value, label) lists the selects offer, from the catalog.

use crate::quote::labels;
use crate::scenario::{CustomKind, CustomPeriod, DiscountTarget, OverrideTarget, RECOMMEND};
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

/// `first`, then every tier of the catalog.
fn tiers_after(p: &crate::catalog::PriceList, first: (&str, &str)) -> Vec<(String, String)> {
    std::iter::once((first.0.to_string(), first.1.to_string()))
        .chain(
            p.tiers
                .keys()
                .map(|t| (t.to_string(), p.tier_label(t).to_string())),
        )
        .collect()
}

pub fn tiers() -> Opts {
    from_catalog(|p| tiers_after(p, (RECOMMEND, "Recommend the best fit for me")))
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

/// The choices of a closed set of the engine's: each one's key and its label.
fn closed<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    key: fn(T) -> &'static str,
    label: fn(T) -> String,
) -> Opts {
    Signal::derive(move || {
        all.iter()
            .map(|&t| (key(t).to_string(), label(t)))
            .collect()
    })
}

pub fn discount_targets() -> Opts {
    closed(&DiscountTarget::ALL, DiscountTarget::key, |t| {
        capitalise(t.label())
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

pub fn override_targets() -> Opts {
    closed(&OverrideTarget::ALL, OverrideTarget::key, |t| {
        capitalise(t.label())
    })
}

/// The tiers a membership fee is negotiated for; none for the hourly rate (every tier).
pub fn override_tiers() -> Opts {
    from_catalog(|p| tiers_after(p, ("", "Every tier (hourly rate)")))
}

pub fn custom_periods() -> Opts {
    closed(&CustomPeriod::ALL, CustomPeriod::key, |p| {
        match p {
            CustomPeriod::OneOff => labels::ONE_OFF,
            CustomPeriod::Monthly => "Monthly (billed all 12 months)",
            CustomPeriod::Annual => "Annual",
        }
        .into()
    })
}

pub fn custom_kinds() -> Opts {
    closed(&CustomKind::ALL, CustomKind::key, |k| {
        match k {
            CustomKind::Fixed => "Fixed price",
            CustomKind::Estimate => "Estimate",
        }
        .into()
    })
}
