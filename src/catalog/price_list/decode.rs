//! Decoding the price list. Each decoder fills a default model field by field (`put`),
//! in the order the fields are read, and gives up early exactly where a wrongly typed
//! optional field makes the rest moot.

use super::{
    Account, Assumptions, Band, Billing, Citation, ClusterKind, Component, GpuSpec, HourlyRate,
    Link, Links, NodeType, Price, PriceList, Provider, RateBasis, Region, RetiredTier, Seller,
    Size, Storage, Tier, UsageFee,
};
use crate::keyed::Keyed;
use crate::money::Currency;
use crate::source::{put, Decoder, Node};
use rust_decimal::Decimal;

const PRICING_KEYS: &[&str] = &[
    "currency",
    "effective_date",
    "seller",
    "sources",
    "tiers",
    "retired_tiers",
    "accounts",
    "billing",
    "usage_fee",
    "hourly_rate",
    "sizes",
    "providers",
    "links",
    "assumptions",
    "quote_validity_days",
    "terms",
];

/// Decodes the pricing section, recording every type error.
pub fn price_list(d: &mut Decoder, n: &Node) -> Option<PriceList> {
    d.object(n)?;
    d.check_keys(n, PRICING_KEYS, false);
    let mut p = PriceList::default();
    let mut ok = put(&mut p.currency, member(d, n, "currency", decode_currency));
    ok &= put(
        &mut p.effective_date,
        d.required(n, "effective_date").and_then(|x| d.date_text(x)),
    );
    ok &= put(&mut p.seller, member(d, n, "seller", decode_seller));
    ok &= put(&mut p.sources, keyed(d, n, "sources", &decode_citation));
    ok &= put(&mut p.tiers, keyed(d, n, "tiers", &decode_tier));
    if n.get("retired_tiers").is_some() {
        let retired = keyed(d, n, "retired_tiers", &decode_retired_tier);
        ok &= put(&mut p.retired_tiers, retired);
    }
    ok &= put(&mut p.accounts, keyed(d, n, "accounts", &decode_account));
    ok &= put(&mut p.billing, keyed(d, n, "billing", &decode_billing));
    ok &= put(
        &mut p.usage_fee,
        member(d, n, "usage_fee", decode_usage_fee),
    );
    ok &= put(&mut p.hourly_rate, member(d, n, "hourly_rate", decode_rate));
    ok &= put(&mut p.sizes, keyed(d, n, "sizes", &decode_size));
    ok &= put(&mut p.providers, keyed(d, n, "providers", &decode_provider));
    if let Some(l) = n.get("links") {
        ok &= put(&mut p.links, decode_links(d, l));
    }
    if let Some(a) = n.get("assumptions") {
        ok &= put(&mut p.assumptions, decode_assumptions(d, a));
    }
    p.quote_validity_days = d.opt_whole(n, "quote_validity_days").ok()?.unwrap_or(60);
    if let Some(t) = n.get("terms") {
        ok &= put(&mut p.terms, d.strings(t));
    }
    ok.then_some(p)
}

/// Decodes the required member `key` of `obj` with `each`.
fn member<T>(
    d: &mut Decoder,
    obj: &Node,
    key: &str,
    each: fn(&mut Decoder, &Node) -> Option<T>,
) -> Option<T> {
    let n = d.required(obj, key)?;
    each(d, n)
}

fn decode_currency(d: &mut Decoder, n: &Node) -> Option<Currency> {
    d.object(n)?;
    d.check_keys(n, &["code", "symbol"], false);
    let mut c = Currency::default();
    let mut ok = put(&mut c.code, d.req_string(n, "code"));
    ok &= put(&mut c.symbol, d.req_string(n, "symbol"));
    ok.then_some(c)
}

fn decode_seller(d: &mut Decoder, n: &Node) -> Option<Seller> {
    d.object(n)?;
    d.check_keys(
        n,
        &["name", "contact", "website", "address", "app_url"],
        false,
    );
    let mut s = Seller::default();
    let ok = put(&mut s.name, d.req_string(n, "name"));
    s.contact = d.text_or_empty(n, "contact")?;
    s.website = d.text_or_empty(n, "website")?;
    s.address = d.text_or_empty(n, "address")?;
    s.app_url = d.text_or_empty(n, "app_url")?;
    ok.then_some(s)
}

/// Decodes `obj[key]` as an ordered map whose values (objects) `each` decodes (a missing
/// key is an error); `None` if anything inside failed.
fn keyed<T>(
    d: &mut Decoder,
    obj: &Node,
    key: &str,
    each: &dyn Fn(&mut Decoder, &Node) -> Option<T>,
) -> Option<Keyed<T>> {
    let mut out = Vec::new();
    let ok = members(d, obj, key, &mut |d, k, v| match each(d, v) {
        Some(t) => {
            out.push((k.to_string(), t));
            true
        }
        None => false,
    });
    ok.then_some(Keyed(out))
}

/// The part of [`keyed`] that does not depend on the value type: the object, its repeated
/// keys, and each member that is an object in turn; false if anything failed.
fn members(
    d: &mut Decoder,
    obj: &Node,
    key: &str,
    each: &mut dyn FnMut(&mut Decoder, &str, &Node) -> bool,
) -> bool {
    let Some(n) = d.required(obj, key) else {
        return false;
    };
    let Some(props) = d.object(n) else {
        return false;
    };
    d.check_repeats(n);
    let mut ok = true;
    for (k, v) in props {
        ok &= d.object(v).is_some() && each(d, k, v);
    }
    ok
}

fn decode_citation(d: &mut Decoder, n: &Node) -> Option<Citation> {
    d.check_keys(n, &["title", "url", "retrieved"], false);
    let mut s = Citation::default();
    let ok = put(&mut s.title, d.req_string(n, "title"));
    s.url = d.text_or_empty(n, "url")?;
    s.retrieved = d.text_or_empty(n, "retrieved")?;
    ok.then_some(s)
}

fn decode_account(d: &mut Decoder, n: &Node) -> Option<Account> {
    d.check_keys(n, &["label", "help"], false);
    let mut a = Account::default();
    let ok = put(&mut a.label, d.req_string(n, "label"));
    a.help = d.text_or_empty(n, "help")?;
    ok.then_some(a)
}

fn decode_billing(d: &mut Decoder, n: &Node) -> Option<Billing> {
    d.check_keys(n, &["label", "help", "invoiced"], false);
    let mut b = Billing::default();
    let mut ok = put(&mut b.label, d.req_string(n, "label"));
    b.help = d.text_or_empty(n, "help")?;
    ok &= put(
        &mut b.invoiced,
        d.required(n, "invoiced").and_then(|i| d.boolean(i)),
    );
    ok.then_some(b)
}

const TIER_KEYS: &[&str] = &[
    "label",
    "for_whom",
    "annual_fee",
    "custom_price",
    "price_note",
    "hub_limit",
    "included_help_hours_per_quarter",
    "cluster",
    "providers",
    "accounts",
    "billing",
    "sizes",
    "source",
];

fn decode_tier(d: &mut Decoder, n: &Node) -> Option<Tier> {
    d.check_keys(n, TIER_KEYS, false);
    let mut t = Tier {
        label: d.text_or_empty(n, "label")?,
        ..Tier::default()
    };
    let mut ok = put(&mut t.for_whom, d.req_string(n, "for_whom"));
    ok &= put(&mut t.annual_fee, d.req_decimal(n, "annual_fee"));
    t.custom_price = d.opt_bool(n, "custom_price").ok()?.unwrap_or(false);
    t.price_note = d.text_or_empty(n, "price_note")?;
    ok &= put(&mut t.hub_limit, d.req_whole(n, "hub_limit"));
    ok &= put(
        &mut t.included_help_hours_per_quarter,
        d.req_decimal(n, "included_help_hours_per_quarter"),
    );
    ok &= put(
        &mut t.cluster,
        d.required(n, "cluster").and_then(|c| cluster(d, c)),
    );
    for (key, list) in [
        ("providers", &mut t.providers),
        ("accounts", &mut t.accounts),
        ("billing", &mut t.billing),
        ("sizes", &mut t.sizes),
    ] {
        ok &= put(list, d.required(n, key).and_then(|l| d.strings(l)));
    }
    t.source = d.text_or_empty(n, "source")?;
    ok.then_some(t)
}

fn decode_retired_tier(d: &mut Decoder, n: &Node) -> Option<RetiredTier> {
    d.check_keys(n, &["successor", "note"], false);
    let mut r = RetiredTier::default();
    let ok = put(&mut r.successor, d.req_string(n, "successor"));
    r.note = d.text_or_empty(n, "note")?;
    ok.then_some(r)
}

fn cluster(d: &mut Decoder, n: &Node) -> Option<ClusterKind> {
    match d.string(n)?.as_str() {
        "shared" => Some(ClusterKind::Shared),
        "dedicated" => Some(ClusterKind::Dedicated),
        other => {
            d.fail(n, || {
                format!("expected \"shared\" or \"dedicated\", found \"{other}\"")
            });
            None
        }
    }
}

fn decode_usage_fee(d: &mut Decoder, n: &Node) -> Option<UsageFee> {
    d.object(n)?;
    d.check_keys(n, &["basis", "bands", "source"], false);
    let mut u = UsageFee::default();
    let mut ok = put(&mut u.basis, d.req_string(n, "basis"));
    u.source = d.text_or_empty(n, "source")?;
    let bands = d.required(n, "bands").and_then(|b| d.array(b));
    ok &= put(&mut u.bands, bands.and_then(|b| d.each(b, decode_band)));
    ok.then_some(u)
}

fn decode_band(d: &mut Decoder, n: &Node) -> Option<Band> {
    d.object(n)?;
    d.check_keys(n, &["from", "to", "price"], false);
    let from = d.req_whole(n, "from");
    let to = d.opt_whole(n, "to").ok()?;
    let price = d.req_decimal(n, "price");
    Some(Band {
        from: from?,
        to,
        price: price?,
    })
}

fn decode_rate(d: &mut Decoder, n: &Node) -> Option<HourlyRate> {
    d.object(n)?;
    d.check_keys(n, &["price", "basis", "source"], false);
    let price = d.req_decimal(n, "price");
    let source = d.text_or_empty(n, "source")?;
    let basis = match n.get("basis") {
        None => None,
        Some(b) => Some(decode_basis(d, b)?),
    };
    Some(HourlyRate {
        price: price?,
        basis,
        source,
    })
}

fn decode_basis(d: &mut Decoder, n: &Node) -> Option<RateBasis> {
    d.object(n)?;
    let keys = [
        "engineer_annual_cost",
        "billed_hours_per_year",
        "fiscal_sponsor_pct",
        "operations_margin_pct",
    ];
    d.check_keys(n, &keys, false);
    let [cost, hours, sponsor, margin] = keys.map(|k| d.req_decimal(n, k));
    Some(RateBasis {
        engineer_annual_cost: cost?,
        billed_hours_per_year: hours?,
        fiscal_sponsor_pct: sponsor?,
        operations_margin_pct: margin?,
    })
}

fn decode_size(d: &mut Decoder, n: &Node) -> Option<Size> {
    d.check_keys(n, &["label", "mem_gb", "cpu", "nodes"], false);
    let mut s = Size {
        label: d.text_or_empty(n, "label")?,
        ..Size::default()
    };
    let mut ok = put(&mut s.mem_gb, d.req_decimal(n, "mem_gb"));
    ok &= put(&mut s.cpu, d.req_decimal(n, "cpu"));
    ok &= put(&mut s.nodes, member(d, n, "nodes", decode_size_nodes));
    ok.then_some(s)
}

/// A size's provider → node map (values are node names).
fn decode_size_nodes(d: &mut Decoder, n: &Node) -> Option<Keyed<String>> {
    let props = d.object(n)?;
    let mut out = Vec::with_capacity(props.len());
    let mut ok = true;
    for (k, v) in props {
        match d.string(v) {
            Some(s) => out.push((k.clone(), s)),
            None => ok = false,
        }
    }
    ok.then_some(Keyed(out))
}

fn decode_provider(d: &mut Decoder, n: &Node) -> Option<Provider> {
    d.check_keys(n, &["label", "note", "regions"], false);
    let mut p = Provider::default();
    let mut ok = put(&mut p.label, d.req_string(n, "label"));
    p.note = d.text_or_empty(n, "note")?;
    ok &= put(&mut p.regions, keyed(d, n, "regions", &decode_region));
    ok.then_some(p)
}

const REGION_KEYS: &[&str] = &[
    "label",
    "as_of",
    "source",
    "nodes",
    "gpu",
    "dask_worker_node",
    "cluster",
    "home_storage",
    "object_storage",
    "egress",
];

/// Date and source a region's prices inherit.
struct Defaults {
    as_of: Option<String>,
    source: Option<String>,
}

fn decode_region(d: &mut Decoder, n: &Node) -> Option<Region> {
    d.check_keys(n, REGION_KEYS, false);
    let mut r = Region::default();
    let mut ok = put(&mut r.label, d.req_string(n, "label"));
    let as_of = match n.get("as_of") {
        Some(a) => Some(d.date_text(a)?),
        None => None,
    };
    let source = d.opt_string(n, "source").ok()?;
    let defaults = Defaults { as_of, source };
    ok &= put(
        &mut r.nodes,
        keyed(d, n, "nodes", &|d, node| {
            decode_node_type(d, node, &defaults)
        }),
    );
    if let Some(g) = n.get("gpu") {
        ok &= put(&mut r.gpu, decode_gpu(d, g).map(Some));
    }
    r.dask_worker_node = d.opt_string(n, "dask_worker_node").ok()?;
    let cluster = d.required(n, "cluster").and_then(|c| d.array(c));
    ok &= put(
        &mut r.cluster,
        cluster.and_then(|c| d.each(c, |d, item| decode_component(d, item, &defaults))),
    );
    for (key, slot) in [
        ("home_storage", &mut r.home_storage),
        ("object_storage", &mut r.object_storage),
        ("egress", &mut r.egress),
    ] {
        let storage = d.required(n, key);
        ok &= put(slot, storage.and_then(|s| decode_storage(d, s, &defaults)));
    }
    ok.then_some(r)
}

fn decode_node_type(d: &mut Decoder, n: &Node, defaults: &Defaults) -> Option<NodeType> {
    d.check_keys(
        n,
        &["vcpu", "mem_gb", "gpus", "price", "as_of", "source"],
        false,
    );
    let vcpu = d.req_decimal(n, "vcpu");
    let mem_gb = d.req_decimal(n, "mem_gb");
    let gpus = d.opt_whole(n, "gpus").ok()?;
    let price = price(d, n, defaults);
    Some(NodeType {
        vcpu: vcpu?,
        mem_gb: mem_gb?,
        gpus: gpus.unwrap_or(0),
        price: price?,
    })
}

fn decode_gpu(d: &mut Decoder, n: &Node) -> Option<GpuSpec> {
    d.object(n)?;
    d.check_keys(n, &["node", "users_per_gpu"], false);
    let mut g = GpuSpec {
        node: String::new(),
        users_per_gpu: 0,
    };
    let mut ok = put(&mut g.node, d.req_string(n, "node"));
    ok &= put(&mut g.users_per_gpu, d.req_whole(n, "users_per_gpu"));
    ok.then_some(g)
}

fn decode_component(d: &mut Decoder, n: &Node, defaults: &Defaults) -> Option<Component> {
    d.object(n)?;
    d.check_keys(n, &["id", "label", "price", "as_of", "source"], false);
    let mut c = Component::default();
    let mut ok = put(&mut c.id, d.req_string(n, "id"));
    ok &= put(&mut c.label, d.req_string(n, "label"));
    ok &= put(&mut c.price, price(d, n, defaults));
    ok.then_some(c)
}

fn decode_storage(d: &mut Decoder, n: &Node, defaults: &Defaults) -> Option<Storage> {
    d.object(n)?;
    d.check_keys(
        n,
        &["label", "price", "min_billable_gb", "as_of", "source"],
        false,
    );
    let mut s = Storage::default();
    let mut ok = put(&mut s.label, d.req_string(n, "label"));
    ok &= put(&mut s.price, price(d, n, defaults));
    s.min_billable_gb = d
        .opt_decimal(n, "min_billable_gb")
        .ok()?
        .unwrap_or(Decimal::ZERO);
    ok.then_some(s)
}

/// A priced object's `price`, with `as_of`/`source` of its own or its region's.
fn price(d: &mut Decoder, n: &Node, defaults: &Defaults) -> Option<Price> {
    let mut p = Price::default();
    let mut ok = put(&mut p.price, d.req_decimal(n, "price"));
    let own_date = n.get("as_of");
    let as_of = match own_date {
        Some(a) => d.date_text(a),
        None => defaults.as_of.clone(),
    };
    let own_source = n.get("source");
    let source = match own_source {
        Some(s) => d.string(s),
        None => defaults.source.clone(),
    };
    if as_of.is_none() && own_date.is_none() {
        d.fail(n, || {
            "the price has no date: give \"as_of\" here or on its region".into()
        });
    }
    if source.is_none() && own_source.is_none() {
        d.fail(n, || {
            "the price has no source: give \"source\" here or on its region".into()
        });
    }
    ok &= put(&mut p.as_of, as_of);
    ok &= put(&mut p.source, source);
    ok.then_some(p)
}

fn decode_links(d: &mut Decoder, n: &Node) -> Option<Links> {
    d.object(n)?;
    d.check_keys(
        n,
        &[
            "provider_item",
            "account_item",
            "billing_item",
            "dask",
            "gpu",
        ],
        false,
    );
    let mut l = Links {
        provider_item: d.opt_string(n, "provider_item").ok()?,
        ..Links::default()
    };
    l.account_item = d.opt_string(n, "account_item").ok()?;
    l.billing_item = d.opt_string(n, "billing_item").ok()?;
    let mut ok = true;
    for (key, slot) in [("dask", &mut l.dask), ("gpu", &mut l.gpu)] {
        if let Some(link) = n.get(key) {
            ok &= put(slot, decode_link(d, link).map(Some));
        }
    }
    ok.then_some(l)
}

fn decode_link(d: &mut Decoder, n: &Node) -> Option<Link> {
    d.object(n)?;
    d.check_keys(n, &["item", "value"], false);
    let mut l = Link {
        item: String::new(),
        value: String::new(),
    };
    let mut ok = put(&mut l.item, d.req_string(n, "item"));
    ok &= put(&mut l.value, d.req_string(n, "value"));
    ok.then_some(l)
}

fn decode_assumptions(d: &mut Decoder, n: &Node) -> Option<Assumptions> {
    d.object(n)?;
    let keys = [
        "allocatable_fraction",
        "packing_efficiency",
        "communities_per_shared_cluster",
        "hours_per_month",
        "low_factor",
        "high_factor",
        "budget_alert_factor",
        "budget_alert_round_to",
        "cloud_markup_pct",
        "discount_approval_pct",
    ];
    d.check_keys(n, &keys, false);
    let mut a = Assumptions::default();
    let mut ok = true;
    for (key, slot) in [
        ("allocatable_fraction", &mut a.allocatable_fraction),
        ("packing_efficiency", &mut a.packing_efficiency),
        ("hours_per_month", &mut a.hours_per_month),
        ("low_factor", &mut a.low_factor),
        ("high_factor", &mut a.high_factor),
        ("budget_alert_factor", &mut a.budget_alert_factor),
        ("budget_alert_round_to", &mut a.budget_alert_round_to),
        ("cloud_markup_pct", &mut a.cloud_markup_pct),
        ("discount_approval_pct", &mut a.discount_approval_pct),
    ] {
        match d.opt_decimal(n, key) {
            Ok(v) => *slot = v.unwrap_or(*slot),
            Err(_) => ok = false,
        }
    }
    match d.opt_whole(n, "communities_per_shared_cluster") {
        Ok(v) => a.communities_per_shared_cluster = v.unwrap_or(a.communities_per_shared_cluster),
        Err(_) => ok = false,
    }
    ok.then_some(a)
}
