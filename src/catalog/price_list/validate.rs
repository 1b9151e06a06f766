//! The price list's checks, one per section: the tiers (and that every size they allow
//! can be priced), the usage bands, the hourly rate, the sizes, each region's prices, the
//! links to items and the assumptions. Errors make a catalog unusable; warnings are lints.

use super::{Band, Price, PriceList, Region, Size, Tier};
use crate::catalog::items::{Item, Kind};
use crate::money;
use crate::source::{child_path, Diagnostics};
use rust_decimal::Decimal;

/// Every check of the price list, in the order its sections are read; `items` are the
/// catalog's, which the tiers and links must agree with.
pub fn validate(items: &[Item], p: &PriceList, out: &mut Diagnostics) {
    if p.tiers.is_empty() {
        out.error("pricing.tiers", "define at least one tier");
    }
    for (name, t) in p.tiers.iter() {
        tier(items, p, name, t, out);
    }
    retired_tiers(p, out);
    usage_bands(p, out);
    hourly_rate(p, out);
    sizes(p, out);
    for (prov_name, prov) in p.providers.iter() {
        let pat = child_path("pricing.providers", prov_name);
        for (region_name, r) in prov.regions.iter() {
            let at = child_path(&format!("{pat}.regions"), region_name);
            region(p, r, &at, &format!("{prov_name} {region_name}"), out);
        }
    }
    links(items, p, out);
    assumptions(p, out);
}

fn tier(items: &[Item], p: &PriceList, name: &str, t: &Tier, out: &mut Diagnostics) {
    let at = child_path("pricing.tiers", name);
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
    cited(p, &t.source, format!("{at}.source"), out);
    tier_lists_are_defined(p, t, &at, out);
    for (key, list, item) in [
        ("providers", &t.providers, &p.links.provider_item),
        ("accounts", &t.accounts, &p.links.account_item),
        ("billing", &t.billing, &p.links.billing_item),
    ] {
        link_agrees(items, name, key, list, item.as_deref(), &at, out);
    }
    tier_sizes_are_priced(p, name, t, out);
}

/// A retired tier is not also sold, and its successor is a tier of this catalog.
fn retired_tiers(p: &PriceList, out: &mut Diagnostics) {
    for (name, r) in p.retired_tiers.iter() {
        let at = child_path("pricing.retired_tiers", name);
        if p.tiers.contains(name) {
            out.error(
                at.clone(),
                format!("\"{name}\" is a tier of this catalog: a tier is either sold or retired"),
            );
        }
        if !p.tiers.contains(&r.successor) {
            out.error(
                format!("{at}.successor"),
                format!(
                    "\"{}\" is not a tier of this catalog (tiers: {})",
                    r.successor,
                    p.tiers.key_list()
                ),
            );
        }
    }
}

/// A tier's providers, accounts, billing choices and sizes are defined in the price list.
fn tier_lists_are_defined(p: &PriceList, t: &Tier, at: &str, out: &mut Diagnostics) {
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
}

/// Warns when a tier's list disagrees with the column of the linked item.
fn link_agrees(
    items: &[Item],
    tier: &str,
    key: &str,
    list: &[String],
    item: Option<&str>,
    at: &str,
    out: &mut Diagnostics,
) {
    let Some(cfg) = item
        .and_then(|id| find(items, id))
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

/// Every size a tier allows must be priceable on every provider it allows, in every region.
fn tier_sizes_are_priced(p: &PriceList, name: &str, t: &Tier, out: &mut Diagnostics) {
    for size_name in &t.sizes {
        let Some(size) = p.sizes.get(size_name) else {
            continue;
        };
        let size_at = child_path("pricing.sizes", size_name);
        for prov_name in &t.providers {
            let Some(prov) = p.providers.get(prov_name) else {
                continue;
            };
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
                        format!(
                            "the node \"{node_name}\" has no price in {prov_name} {region_name}"
                        ),
                    ),
                    Some(node) => size_fits(
                        p,
                        (size_name, size),
                        (node_name, node.mem_gb),
                        &size_at,
                        out,
                    ),
                }
            }
        }
    }
}

/// At least one user of a size fits on its node once the node's reserve is taken off.
fn size_fits(
    p: &PriceList,
    (size_name, size): (&str, &Size),
    (node_name, node_mem_gb): (&str, Decimal),
    size_at: &str,
    out: &mut Diagnostics,
) {
    let fraction = p.assumptions.allocatable_fraction;
    let Ok(usable) = money::mul(node_mem_gb, fraction) else {
        return;
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
                node_mem_gb.normalize(),
                fraction.normalize(),
                usable.normalize()
            ),
        );
    }
}

/// Usage bands: from 1, contiguous, only the last open-ended.
fn usage_bands(p: &PriceList, out: &mut Diagnostics) {
    let bands = &p.usage_fee.bands;
    cited(
        p,
        &p.usage_fee.source,
        "pricing.usage_fee.source".into(),
        out,
    );
    if bands.is_empty() {
        out.error("pricing.usage_fee.bands", "define at least one band");
    }
    let mut expected_from = 1u64;
    for (i, b) in bands.iter().enumerate() {
        let open_ended_allowed = i + 1 == bands.len();
        expected_from = band(b, i, expected_from, open_ended_allowed, out);
    }
    if bands.last().is_some_and(|b| b.to.is_some()) {
        out.warning(
            "pricing.usage_fee.bands",
            "the last band has an end: users above it would pay nothing without saying so; make the last band open-ended",
        );
    }
}

/// One band's checks; returns where the next band should start.
fn band(b: &Band, i: usize, expected_from: u64, last: bool, out: &mut Diagnostics) -> u64 {
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
        Some(to) => return u64::from(to) + 1,
        None if !last => out.error(format!("{at}.to"), "only the last band may be open-ended"),
        None => {}
    }
    expected_from
}

fn hourly_rate(p: &PriceList, out: &mut Diagnostics) {
    non_negative(p.hourly_rate.price, "pricing.hourly_rate.price", out);
    cited(
        p,
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
}

fn sizes(p: &PriceList, out: &mut Diagnostics) {
    for (name, s) in p.sizes.iter() {
        if s.mem_gb <= Decimal::ZERO {
            out.error(
                format!("{}.mem_gb", child_path("pricing.sizes", name)),
                "must be more than 0",
            );
        }
    }
}

/// A region's prices, each with a known source; its GPU and Dask nodes among its nodes.
fn region(p: &PriceList, r: &Region, at: &str, name: &str, out: &mut Diagnostics) {
    for (node_name, n) in r.nodes.iter() {
        let nat = child_path(&format!("{at}.nodes"), node_name);
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
                out.error(
                    format!("{at}.gpu.node"),
                    format!("the node \"{}\" is not in this region's nodes", g.node),
                );
            }
            if g.users_per_gpu == 0 {
                out.error(format!("{at}.gpu.users_per_gpu"), "must be at least 1");
            }
        }
        None => out.warning(
            at,
            format!("{name} has no GPU node: scenarios with a GPU share cannot be priced there"),
        ),
    }
    match &r.dask_worker_node {
        Some(node) if !r.nodes.contains(node) => out.error(
            format!("{at}.dask_worker_node"),
            format!("the node \"{node}\" is not in this region's nodes"),
        ),
        Some(_) => {}
        None => out.warning(
            at,
            format!("{name} has no Dask worker node: Dask hours cannot be priced there"),
        ),
    }
}

/// The links name items of the catalog, and the usage links an option some tier offers.
fn links(items: &[Item], p: &PriceList, out: &mut Diagnostics) {
    for (key, item) in [
        ("provider_item", &p.links.provider_item),
        ("account_item", &p.links.account_item),
        ("billing_item", &p.links.billing_item),
    ] {
        if let Some(id) = item {
            if find(items, id).is_none() {
                out.error(
                    format!("pricing.links.{key}"),
                    format!("names an unknown item \"{id}\""),
                );
            }
        }
    }
    for (key, link) in [("dask", &p.links.dask), ("gpu", &p.links.gpu)] {
        let Some(link) = link else { continue };
        match find(items, &link.item) {
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
}

fn assumptions(p: &PriceList, out: &mut Diagnostics) {
    let a = &p.assumptions;
    let unit = |v: Decimal| v > Decimal::ZERO && v <= Decimal::ONE;
    for (key, v) in [
        ("allocatable_fraction", a.allocatable_fraction),
        ("packing_efficiency", a.packing_efficiency),
    ] {
        if !unit(v) {
            out.error(
                format!("pricing.assumptions.{key}"),
                "must be more than 0 and at most 1",
            );
        }
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
    for (k, v) in [
        ("budget_alert_round_to", a.budget_alert_round_to),
        ("cloud_markup_pct", a.cloud_markup_pct),
    ] {
        non_negative(v, &format!("pricing.assumptions.{k}"), out);
    }
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

fn find<'i>(items: &'i [Item], id: &str) -> Option<&'i Item> {
    items.iter().find(|i| i.id == id)
}

/// A citation named by a price or rule must be among `pricing.sources` (empty: none named).
fn cited(p: &PriceList, id: &str, at: String, out: &mut Diagnostics) {
    if !id.is_empty() && !p.sources.contains(id) {
        out.error(at, format!("the source \"{id}\" is not in pricing.sources"));
    }
}

fn non_negative(v: Decimal, at: &str, out: &mut Diagnostics) {
    if v < Decimal::ZERO {
        out.error(at, format!("must not be negative, found {v}"));
    }
}

fn price_ok(p: &PriceList, price: &Price, at: &str, out: &mut Diagnostics) {
    non_negative(price.price, &format!("{at}.price"), out);
    if !p.sources.contains(&price.source) {
        out.error(
            format!("{at}.source"),
            format!("the source \"{}\" is not in pricing.sources", price.source),
        );
    }
}
