//! Semantic checks of a decoded catalog: the v2 rules of FORMAT.md and the pricing lints.
//! Diagnostics carry paths; `Catalog::load` adds line:column from the text.

use super::items::{Item, Kind};
use super::pricing::{Price, Pricing};
use super::{Catalog, Scalar};
use crate::money;
use crate::source::Diagnostics;
use rust_decimal::Decimal;

pub fn validate(c: &Catalog) -> Diagnostics {
    let mut out = Diagnostics::default();
    items(c, &mut out);
    if let Some(p) = &c.pricing {
        pricing(c, p, &mut out);
    }
    presets(c, &mut out);
    out
}

fn items(c: &Catalog, out: &mut Diagnostics) {
    if c.tiers.is_empty() {
        out.error("items", "the catalog defines no tiers");
    }
    for (i, item) in c.items.iter().enumerate() {
        let at = format!("items[{i}]");
        if item.help.as_deref().is_none_or(|h| h.trim().is_empty()) {
            out.warning(format!("{at}.help"), "the item has no help text");
        }
        for tier in &c.tiers {
            if !item.per_tier.contains(tier) {
                out.error(
                    format!("{at}.perTier"),
                    format!("the tier \"{tier}\" is missing"),
                );
            }
        }
        for (tier, cfg) in item.per_tier.iter() {
            let cat = crate::source::child_path(&format!("{at}.perTier"), tier);
            if !c.tiers.iter().any(|t| t == tier) {
                out.error(
                    cat.clone(),
                    format!(
                        "\"{tier}\" is not a tier of this catalog (tiers: {})",
                        c.tiers.join(", ")
                    ),
                );
                continue;
            }
            for id in cfg.requires.iter().flat_map(|r| r.ids()) {
                unknown_id(c, id, &format!("{cat}.requires"), out);
            }
            if let Kind::Select { options, default } = &cfg.kind {
                if default.is_none() {
                    out.warning(
                        format!("{cat}.default"),
                        "the select has no default (the first option is used)",
                    );
                }
                for (j, o) in options.iter().enumerate() {
                    for id in o.requires.iter().flat_map(|r| r.ids()) {
                        unknown_id(c, id, &format!("{cat}.options[{j}].requires"), out);
                    }
                }
            }
            defaults_break_requires(c, item, tier, &cat, out);
        }
    }
}

fn unknown_id(c: &Catalog, id: &str, at: &str, out: &mut Diagnostics) {
    if c.item(id).is_none() {
        out.error(at, format!("requires names an unknown item \"{id}\""));
    }
}

/// Lint: with every item at its default, does this tier's config (and its default
/// option) satisfy its own `requires`?
fn defaults_break_requires(c: &Catalog, item: &Item, tier: &str, at: &str, out: &mut Diagnostics) {
    let Some(cfg) = item.per_tier.get(tier) else {
        return;
    };
    let value_of = |id: &str| {
        c.item(id)
            .and_then(|i| i.per_tier.get(tier))
            .map_or(Scalar::Null, |cfg| cfg.default_value())
    };
    let label_of = |id: &str| c.item_label(id);
    // An unavailable flag's requirement is moot.
    let moot = matches!(cfg.kind, Kind::Flag { available: false });
    if let Some(r) = cfg.requires.as_ref().filter(|_| !moot) {
        if c.tiers.iter().any(|t| t == tier)
            && r.ids().iter().all(|id| c.item(id).is_some())
            && !r.holds(&value_of)
        {
            out.warning(
                format!("{at}.requires"),
                format!(
                    "with {tier}'s defaults this requirement does not hold: needs {}",
                    r.describe(&label_of)
                ),
            );
        }
    }
    if let Scalar::Text(v) = cfg.default_value() {
        if let Some(r) = cfg.option(&v).and_then(|o| o.requires.as_ref()) {
            if r.ids().iter().all(|id| c.item(id).is_some()) && !r.holds(&value_of) {
                out.warning(
                    format!("{at}.default"),
                    format!(
                        "the default option \"{v}\" needs {}, which {tier}'s defaults do not meet",
                        r.describe(&label_of)
                    ),
                );
            }
        }
    }
}

fn pricing(c: &Catalog, p: &Pricing, out: &mut Diagnostics) {
    let source_ok = |id: &str, at: String, out: &mut Diagnostics| {
        if !id.is_empty() && !p.sources.contains(id) {
            out.error(at, format!("the source \"{id}\" is not in pricing.sources"));
        }
    };
    if p.tiers.is_empty() {
        out.error("pricing.tiers", "define at least one tier");
    }
    for (name, t) in p.tiers.iter() {
        let at = crate::source::child_path("pricing.tiers", name);
        non_negative(t.annual_fee, &format!("{at}.annual_fee"), out);
        non_negative(
            t.included_help_hours_per_quarter,
            &format!("{at}.included_help_hours_per_quarter"),
            out,
        );
        if t.hub_limit == 0 {
            out.warning(
                format!("{at}.hub_limit"),
                "a tier with no hubs cannot be quoted with any hub",
            );
        }
        source_ok(&t.source, format!("{at}.source"), out);
        let lists: [(&str, &Vec<String>, Vec<&str>); 4] = [
            ("providers", &t.providers, p.providers.keys().collect()),
            ("accounts", &t.accounts, p.accounts.keys().collect()),
            ("billing", &t.billing, p.billing.keys().collect()),
            ("sizes", &t.sizes, p.sizes.keys().collect()),
        ];
        for (key, list, known) in lists {
            for (i, v) in list.iter().enumerate() {
                if !known.contains(&v.as_str()) {
                    out.error(
                        format!("{at}.{key}[{i}]"),
                        format!(
                            "\"{v}\" is not defined in pricing.{key} (defined: {})",
                            known.join(", ")
                        ),
                    );
                }
            }
        }
        link_agrees(
            c,
            name,
            "providers",
            &t.providers,
            p.links.provider_item.as_deref(),
            &at,
            out,
        );
        link_agrees(
            c,
            name,
            "accounts",
            &t.accounts,
            p.links.account_item.as_deref(),
            &at,
            out,
        );
        link_agrees(
            c,
            name,
            "billing",
            &t.billing,
            p.links.billing_item.as_deref(),
            &at,
            out,
        );
        // Every size this tier allows must be priceable on every provider it allows.
        for size_name in &t.sizes {
            let Some(size) = p.sizes.get(size_name) else {
                continue;
            };
            for prov_name in &t.providers {
                let Some(prov) = p.providers.get(prov_name) else {
                    continue;
                };
                let size_at = crate::source::child_path("pricing.sizes", size_name);
                let Some(node_name) = size.nodes.get(prov_name) else {
                    out.error(
                        format!("{size_at}.nodes"),
                        format!("no node for provider \"{prov_name}\", which tier {name} allows with size {size_name}"),
                    );
                    continue;
                };
                for (region_name, region) in prov.regions.iter() {
                    match region.nodes.get(node_name) {
                        None => out.error(
                            format!("{size_at}.nodes.{prov_name}"),
                            format!("the node \"{node_name}\" has no price in {prov_name} {region_name}"),
                        ),
                        Some(node) => {
                            let Ok(usable) = money::mul(node.mem_gb, p.assumptions.allocatable_fraction) else {
                                continue;
                            };
                            // A ratio too large to compute certainly fits.
                            let fits = size.mem_gb > Decimal::ZERO
                                && money::div(usable, size.mem_gb)
                                    .and_then(money::floor)
                                    .map_or(true, |users| users >= Decimal::ONE);
                            if !fits {
                                out.error(
                                    format!("{size_at}.mem_gb"),
                                    format!(
                                        "size {size_name} ({} GB) fits no {node_name} node: {} GB × {} allocatable = {} GB",
                                        size.mem_gb.normalize(),
                                        node.mem_gb.normalize(),
                                        p.assumptions.allocatable_fraction.normalize(),
                                        usable.normalize()
                                    ),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    // Usage bands: from 1, contiguous, only the last open-ended.
    let bands = &p.usage_fee.bands;
    source_ok(&p.usage_fee.source, "pricing.usage_fee.source".into(), out);
    if bands.is_empty() {
        out.error("pricing.usage_fee.bands", "define at least one band");
    }
    let mut expected_from = 1u64;
    for (i, b) in bands.iter().enumerate() {
        let at = format!("pricing.usage_fee.bands[{i}]");
        non_negative(b.price, &format!("{at}.price"), out);
        if u64::from(b.from) != expected_from {
            let what = if u64::from(b.from) > expected_from {
                "a gap"
            } else {
                "an overlap"
            };
            out.error(
                format!("{at}.from"),
                format!(
                    "{what}: this band starts at {} but should start at {expected_from}",
                    b.from
                ),
            );
        }
        match b.to {
            Some(to) if to < b.from => out.error(
                format!("{at}.to"),
                format!("the band ends ({to}) before it starts ({})", b.from),
            ),
            Some(to) => expected_from = u64::from(to) + 1,
            None if i + 1 < bands.len() => {
                out.error(format!("{at}.to"), "only the last band may be open-ended")
            }
            None => {}
        }
    }
    if bands.last().is_some_and(|b| b.to.is_some()) {
        out.warning(
            "pricing.usage_fee.bands",
            "the last band has an end: users above it would pay nothing without saying so; make the last band open-ended",
        );
    }
    non_negative(p.hourly_rate.price, "pricing.hourly_rate.price", out);
    source_ok(
        &p.hourly_rate.source,
        "pricing.hourly_rate.source".into(),
        out,
    );
    if let Some(b) = &p.hourly_rate.basis {
        if b.billed_hours_per_year <= Decimal::ZERO {
            out.error(
                "pricing.hourly_rate.basis.billed_hours_per_year",
                "must be more than 0",
            );
        }
    }
    for (name, s) in p.sizes.iter() {
        if s.mem_gb <= Decimal::ZERO {
            out.error(
                format!(
                    "{}.mem_gb",
                    crate::source::child_path("pricing.sizes", name)
                ),
                "must be more than 0",
            );
        }
    }
    for (prov_name, prov) in p.providers.iter() {
        let pat = crate::source::child_path("pricing.providers", prov_name);
        for (region_name, r) in prov.regions.iter() {
            let at = crate::source::child_path(&format!("{pat}.regions"), region_name);
            for (node_name, n) in r.nodes.iter() {
                let nat = crate::source::child_path(&format!("{at}.nodes"), node_name);
                price_ok(p, &n.price, &nat, out);
                if n.mem_gb <= Decimal::ZERO {
                    out.error(format!("{nat}.mem_gb"), "must be more than 0");
                }
            }
            for (i, comp) in r.cluster.iter().enumerate() {
                price_ok(p, &comp.price, &format!("{at}.cluster[{i}]"), out);
            }
            price_ok(p, &r.home_storage.price, &format!("{at}.home_storage"), out);
            non_negative(
                r.home_storage.min_billable_gb,
                &format!("{at}.home_storage.min_billable_gb"),
                out,
            );
            price_ok(
                p,
                &r.object_storage.price,
                &format!("{at}.object_storage"),
                out,
            );
            price_ok(p, &r.egress.price, &format!("{at}.egress"), out);
            match &r.gpu {
                Some(g) => {
                    if !r.nodes.contains(&g.node) {
                        out.error(format!("{at}.gpu.node"), format!("the node \"{}\" is not in this region's nodes", g.node));
                    }
                    if g.users_per_gpu == 0 {
                        out.error(format!("{at}.gpu.users_per_gpu"), "must be at least 1");
                    }
                }
                None => out.warning(at.clone(), format!("{prov_name} {region_name} has no GPU node: scenarios with a GPU share cannot be priced there")),
            }
            match &r.dask_worker_node {
                Some(node) if !r.nodes.contains(node) => out.error(format!("{at}.dask_worker_node"), format!("the node \"{node}\" is not in this region's nodes")),
                Some(_) => {}
                None => out.warning(at.clone(), format!("{prov_name} {region_name} has no Dask worker node: Dask hours cannot be priced there")),
            }
        }
    }
    for (key, item) in [
        ("provider_item", &p.links.provider_item),
        ("account_item", &p.links.account_item),
        ("billing_item", &p.links.billing_item),
    ] {
        if let Some(id) = item {
            if c.item(id).is_none() {
                out.error(
                    format!("pricing.links.{key}"),
                    format!("names an unknown item \"{id}\""),
                );
            }
        }
    }
    for (key, link) in [("dask", &p.links.dask), ("gpu", &p.links.gpu)] {
        let Some(link) = link else { continue };
        match c.item(&link.item) {
            None => out.error(
                format!("pricing.links.{key}.item"),
                format!("names an unknown item \"{}\"", link.item),
            ),
            Some(item) => {
                let offered = item
                    .per_tier
                    .iter()
                    .any(|(_, cfg)| cfg.option(&link.value).is_some());
                if !offered {
                    out.error(
                        format!("pricing.links.{key}.value"),
                        format!(
                            "no tier of \"{}\" offers the option \"{}\"",
                            link.item, link.value
                        ),
                    );
                }
            }
        }
    }
    let a = &p.assumptions;
    let unit = |v: Decimal| v > Decimal::ZERO && v <= Decimal::ONE;
    if !unit(a.allocatable_fraction) {
        out.error(
            "pricing.assumptions.allocatable_fraction",
            "must be more than 0 and at most 1",
        );
    }
    if !unit(a.packing_efficiency) {
        out.error(
            "pricing.assumptions.packing_efficiency",
            "must be more than 0 and at most 1",
        );
    }
    if a.communities_per_shared_cluster == 0 {
        out.error(
            "pricing.assumptions.communities_per_shared_cluster",
            "must be at least 1",
        );
    }
    for (k, v) in [
        ("hours_per_month", a.hours_per_month),
        ("low_factor", a.low_factor),
        ("high_factor", a.high_factor),
        ("budget_alert_factor", a.budget_alert_factor),
    ] {
        if v <= Decimal::ZERO {
            out.error(format!("pricing.assumptions.{k}"), "must be more than 0");
        }
    }
    non_negative(
        a.budget_alert_round_to,
        "pricing.assumptions.budget_alert_round_to",
        out,
    );
    non_negative(
        a.cloud_markup_pct,
        "pricing.assumptions.cloud_markup_pct",
        out,
    );
    if a.cloud_markup_pct > Decimal::ZERO {
        out.warning(
            "pricing.assumptions.cloud_markup_pct",
            "cloud costs carry a markup: quotes will say so on every cloud line",
        );
    }
    if a.discount_approval_pct < Decimal::ZERO || a.discount_approval_pct > Decimal::ONE_HUNDRED {
        out.error(
            "pricing.assumptions.discount_approval_pct",
            "must be between 0 and 100",
        );
    }
}

/// Warns when a tier's list disagrees with the column of the linked item.
fn link_agrees(
    c: &Catalog,
    tier: &str,
    key: &str,
    list: &[String],
    item: Option<&str>,
    at: &str,
    out: &mut Diagnostics,
) {
    let Some(cfg) = item
        .and_then(|id| c.item(id))
        .and_then(|i| i.per_tier.get(tier))
    else {
        return;
    };
    let offered: Vec<String> = match &cfg.kind {
        Kind::Single { text } => vec![text.clone()],
        Kind::Select { options, .. } => options.iter().map(|o| o.value.clone()).collect(),
        Kind::Flag { .. } => return,
    };
    let mut a: Vec<&String> = list.iter().collect();
    let mut b: Vec<&String> = offered.iter().collect();
    a.sort();
    b.sort();
    if a != b {
        out.warning(
            format!("{at}.{key}"),
            format!(
                "lists {} but the item \"{}\" offers {} for {tier}",
                list.join(", "),
                item.unwrap_or_default(),
                offered.join(", ")
            ),
        );
    }
}

fn non_negative(v: Decimal, at: &str, out: &mut Diagnostics) {
    if v < Decimal::ZERO {
        out.error(at, format!("must not be negative, found {v}"));
    }
}

fn price_ok(p: &Pricing, price: &Price, at: &str, out: &mut Diagnostics) {
    non_negative(price.price, &format!("{at}.price"), out);
    if !p.sources.contains(&price.source) {
        out.error(
            format!("{at}.source"),
            format!("the source \"{}\" is not in pricing.sources", price.source),
        );
    }
}

fn presets(c: &Catalog, out: &mut Diagnostics) {
    for (i, preset) in c.presets.iter().enumerate() {
        let at = format!("presets[{i}]");
        if c.presets[..i].iter().any(|p| p.id == preset.id) {
            out.error(
                format!("{at}.id"),
                format!("the preset id \"{}\" is used more than once", preset.id),
            );
        }
        if c.pricing.is_none() {
            continue;
        }
        for mut d in preset.scenario.validate(c) {
            d.path = if d.path.is_empty() {
                format!("{at}.scenario")
            } else {
                format!("{at}.scenario.{}", d.path)
            };
            out.push(d);
        }
    }
}
