//! What a catalog may hold: how many tiers, items, providers, … and how long each of its
//! texts is (`source::limits`: a name is one line of at most 200 characters, a currency
//! symbol at most 8). Checked first when a catalog is validated; a catalog past a limit
//! is not checked further, so that no check, price or document ever works on more than
//! these bounds allow: a seller's name is written in every page's footer, every tier is
//! priced for every quote, every item's requirement evaluated for every hub.

use super::items::{Item, Kind, TierConfig};
use super::price_list::{Citation, Price, PriceList, Provider, Region, Size, Storage, Tier};
use super::requires::{Op, Requires, Scalar};
use super::{Catalog, Preset};
use crate::keyed::Keyed;
use crate::scenario::bounds::MAX_FEATURES;
use crate::source::{
    check_count, child_path, Diagnostics, TextLimit, KEY, NAME, PARAGRAPH, SYMBOL, URL,
};

pub const MAX_TIERS: usize = 10;
/// A hub selects at most one value per item.
pub const MAX_ITEMS: usize = MAX_FEATURES;
pub const MAX_OPTIONS: usize = 50;
/// Clauses of one requirement: leaves, `allOf`/`anyOf`/`not`, and the values of `in`.
pub const MAX_CLAUSES: usize = 16;
pub const MAX_PROVIDERS: usize = 10;
pub const MAX_REGIONS: usize = 50;
pub const MAX_NODE_TYPES: usize = 50;
pub const MAX_SIZES: usize = 20;
pub const MAX_SOURCES: usize = 200;
/// Cloud-account arrangements, and billing choices.
pub const MAX_ARRANGEMENTS: usize = 20;
pub const MAX_BANDS: usize = 20;
pub const MAX_COMPONENTS: usize = 20;
pub const MAX_TERMS: usize = 50;
pub const MAX_PRESETS: usize = 50;

/// Checks every limit of `c`; true when all hold.
pub fn check(c: &Catalog, out: &mut Diagnostics) -> bool {
    let before = out.error_count();
    let mut l = Limits { out };
    l.text("name", &c.name, NAME);
    l.text("version", &c.version, KEY);
    l.count("items", c.items.len(), MAX_ITEMS, "items");
    for (i, item) in c.items.iter().take(MAX_ITEMS).enumerate() {
        l.item(&format!("items[{i}]"), item);
    }
    if let Some(p) = &c.pricing {
        l.price_list(p);
    }
    l.count("presets", c.presets.len(), MAX_PRESETS, "presets");
    for (i, preset) in c.presets.iter().take(MAX_PRESETS).enumerate() {
        l.preset(&format!("presets[{i}]"), preset);
    }
    if let Some(contact) = &c.contact {
        for (key, text, limit) in contact.texts() {
            l.field("contact", key, text, limit);
        }
    }
    out.error_count() == before
}

struct Limits<'o> {
    out: &'o mut Diagnostics,
}

impl Limits<'_> {
    fn text(&mut self, at: &str, text: &str, limit: TextLimit) {
        limit.check(self.out, at, text);
    }

    fn field(&mut self, at: &str, key: &str, text: &str, limit: TextLimit) {
        self.text(&format!("{at}.{key}"), text, limit);
    }

    fn count(&mut self, at: &str, count: usize, max: usize, what: &str) {
        check_count(self.out, at, count, max, what);
    }

    /// A map's size (at most `max` `what`) and keys; `each` gets the path and value of
    /// the entries within the limit.
    fn keyed<T>(
        &mut self,
        at: &str,
        (map, max, what): (&Keyed<T>, usize, &str),
        mut each: impl FnMut(&mut Self, &str, &T),
    ) {
        self.count(at, map.len(), max, what);
        for (key, value) in map.iter().take(max) {
            let path = child_path(at, key);
            self.text(&path, key, KEY);
            each(self, &path, value);
        }
    }

    fn list(&mut self, at: &str, list: &[String], max: usize, what: &str, limit: TextLimit) {
        self.count(at, list.len(), max, what);
        for (i, text) in list.iter().take(max).enumerate() {
            self.text(&format!("{at}[{i}]"), text, limit);
        }
    }

    fn item(&mut self, at: &str, item: &Item) {
        self.field(at, "id", &item.id, KEY);
        self.field(at, "group", &item.group, NAME);
        self.field(at, "label", &item.label, NAME);
        self.field(
            at,
            "help",
            item.help.as_deref().unwrap_or_default(),
            PARAGRAPH,
        );
        let tiers = (&item.per_tier, MAX_TIERS, "tiers");
        self.keyed(&format!("{at}.perTier"), tiers, Self::config);
    }

    fn config(&mut self, at: &str, cfg: &TierConfig) {
        self.field(
            at,
            "help",
            cfg.help.as_deref().unwrap_or_default(),
            PARAGRAPH,
        );
        self.requires(&format!("{at}.requires"), cfg.requires.as_ref());
        match &cfg.kind {
            Kind::Single { text } => self.field(at, "text", text, PARAGRAPH),
            Kind::Flag { .. } => {}
            Kind::Select { options, default } => {
                self.field(at, "default", default.as_deref().unwrap_or_default(), KEY);
                let at = format!("{at}.options");
                self.count(&at, options.len(), MAX_OPTIONS, "options");
                for (j, o) in options.iter().take(MAX_OPTIONS).enumerate() {
                    let at = format!("{at}[{j}]");
                    self.field(&at, "value", &o.value, KEY);
                    self.field(&at, "label", o.label.as_deref().unwrap_or_default(), NAME);
                    self.field(
                        &at,
                        "help",
                        o.help.as_deref().unwrap_or_default(),
                        PARAGRAPH,
                    );
                    self.requires(&format!("{at}.requires"), o.requires.as_ref());
                }
            }
        }
    }

    /// At most [`MAX_CLAUSES`] clauses, each id and compared text as long as a key.
    fn requires(&mut self, at: &str, r: Option<&Requires>) {
        let Some(r) = r else { return };
        let mut texts = Vec::new();
        let clauses = walk(r, &mut texts);
        self.count(at, clauses, MAX_CLAUSES, "clauses");
        if let Some(long) = texts.into_iter().find(|t| KEY.problem(t).is_some()) {
            self.text(at, long, KEY);
        }
    }

    fn price_list(&mut self, p: &PriceList) {
        self.text("pricing.currency.code", &p.currency.code, SYMBOL);
        self.text("pricing.currency.symbol", &p.currency.symbol, SYMBOL);
        let s = &p.seller;
        self.text("pricing.seller.name", &s.name, NAME);
        self.text("pricing.seller.contact", &s.contact, NAME);
        self.text("pricing.seller.website", &s.website, URL);
        self.text("pricing.seller.address", &s.address, PARAGRAPH);
        let sources = (&p.sources, MAX_SOURCES, "sources");
        self.keyed("pricing.sources", sources, Self::citation);
        let tiers = (&p.tiers, MAX_TIERS, "tiers");
        self.keyed("pricing.tiers", tiers, Self::tier);
        let retired = (&p.retired_tiers, MAX_TIERS, "retired tiers");
        self.keyed("pricing.retired_tiers", retired, |l, at, r| {
            l.field(at, "successor", &r.successor, KEY);
            l.field(at, "note", &r.note, PARAGRAPH);
        });
        let accounts = (&p.accounts, MAX_ARRANGEMENTS, "accounts");
        self.keyed("pricing.accounts", accounts, |l, at, a| {
            l.label_and_help(at, &a.label, &a.help);
        });
        let billing = (&p.billing, MAX_ARRANGEMENTS, "billing choices");
        self.keyed("pricing.billing", billing, |l, at, b| {
            l.label_and_help(at, &b.label, &b.help);
        });
        self.fees(p);
        let sizes = (&p.sizes, MAX_SIZES, "sizes");
        self.keyed("pricing.sizes", sizes, Self::size);
        let providers = (&p.providers, MAX_PROVIDERS, "providers");
        self.keyed("pricing.providers", providers, Self::provider);
        self.links(p);
        self.list("pricing.terms", &p.terms, MAX_TERMS, "terms", PARAGRAPH);
    }

    fn citation(&mut self, at: &str, c: &Citation) {
        self.field(at, "title", &c.title, PARAGRAPH);
        self.field(at, "url", &c.url, URL);
        self.field(at, "retrieved", &c.retrieved, KEY);
    }

    fn label_and_help(&mut self, at: &str, label: &str, help: &str) {
        self.field(at, "label", label, NAME);
        self.field(at, "help", help, PARAGRAPH);
    }

    /// The usage fee's bands and texts, and the hourly rate's source.
    fn fees(&mut self, p: &PriceList) {
        let fee = &p.usage_fee;
        self.text("pricing.usage_fee.basis", &fee.basis, PARAGRAPH);
        self.text("pricing.usage_fee.source", &fee.source, KEY);
        let bands = fee.bands.len();
        self.count("pricing.usage_fee.bands", bands, MAX_BANDS, "bands");
        self.text("pricing.hourly_rate.source", &p.hourly_rate.source, KEY);
    }

    fn size(&mut self, at: &str, size: &Size) {
        self.field(at, "label", &size.label, NAME);
        let nodes = (&size.nodes, MAX_PROVIDERS, "providers");
        self.keyed(&format!("{at}.nodes"), nodes, |l, at, node| {
            l.text(at, node, KEY);
        });
    }

    fn provider(&mut self, at: &str, prov: &Provider) {
        self.field(at, "label", &prov.label, NAME);
        self.field(at, "note", &prov.note, PARAGRAPH);
        let regions = (&prov.regions, MAX_REGIONS, "regions");
        self.keyed(&format!("{at}.regions"), regions, Self::region);
    }

    fn tier(&mut self, at: &str, t: &Tier) {
        self.field(at, "label", &t.label, NAME);
        self.field(at, "for_whom", &t.for_whom, PARAGRAPH);
        self.field(at, "price_note", &t.price_note, PARAGRAPH);
        self.field(at, "source", &t.source, KEY);
        for (key, list, max) in [
            ("providers", &t.providers, MAX_PROVIDERS),
            ("accounts", &t.accounts, MAX_ARRANGEMENTS),
            ("billing", &t.billing, MAX_ARRANGEMENTS),
            ("sizes", &t.sizes, MAX_SIZES),
        ] {
            self.list(&format!("{at}.{key}"), list, max, key, KEY);
        }
    }

    fn region(&mut self, at: &str, r: &Region) {
        self.field(at, "label", &r.label, NAME);
        let nodes = (&r.nodes, MAX_NODE_TYPES, "node types");
        self.keyed(&format!("{at}.nodes"), nodes, |l, at, n| {
            l.price(at, &n.price)
        });
        if let Some(g) = &r.gpu {
            self.field(at, "gpu.node", &g.node, KEY);
        }
        self.field(
            at,
            "dask_worker_node",
            r.dask_worker_node.as_deref().unwrap_or_default(),
            KEY,
        );
        let cluster = format!("{at}.cluster");
        self.count(&cluster, r.cluster.len(), MAX_COMPONENTS, "components");
        for (i, comp) in r.cluster.iter().take(MAX_COMPONENTS).enumerate() {
            let at = format!("{cluster}[{i}]");
            self.field(&at, "id", &comp.id, KEY);
            self.field(&at, "label", &comp.label, NAME);
            self.price(&at, &comp.price);
        }
        for (key, storage) in [
            ("home_storage", &r.home_storage),
            ("object_storage", &r.object_storage),
            ("egress", &r.egress),
        ] {
            self.storage(&format!("{at}.{key}"), storage);
        }
    }

    fn storage(&mut self, at: &str, s: &Storage) {
        self.field(at, "label", &s.label, NAME);
        self.price(at, &s.price);
    }

    fn price(&mut self, at: &str, p: &Price) {
        self.field(at, "source", &p.source, KEY);
    }

    fn links(&mut self, p: &PriceList) {
        let l = &p.links;
        for (key, item) in [
            ("provider_item", &l.provider_item),
            ("account_item", &l.account_item),
            ("billing_item", &l.billing_item),
        ] {
            self.field(
                "pricing.links",
                key,
                item.as_deref().unwrap_or_default(),
                KEY,
            );
        }
        for (key, link) in [("dask", &l.dask), ("gpu", &l.gpu)] {
            if let Some(link) = link {
                let at = format!("pricing.links.{key}");
                self.field(&at, "item", &link.item, KEY);
                self.field(&at, "value", &link.value, KEY);
            }
        }
    }

    fn preset(&mut self, at: &str, p: &Preset) {
        self.field(at, "id", &p.id, KEY);
        self.field(at, "label", &p.label, NAME);
        self.field(at, "description", &p.description, PARAGRAPH);
        self.field(at, "example", &p.example, NAME);
    }
}

/// The clauses of a requirement, counted; its ids and compared texts pushed on `texts`.
fn walk<'r>(r: &'r Requires, texts: &mut Vec<&'r str>) -> usize {
    match r {
        Requires::Leaf { id, op } => {
            texts.push(id);
            let (values, listed): (&[Scalar], usize) = match op {
                Op::Eq(x) | Op::Neq(x) => (std::slice::from_ref(x), 0),
                Op::In(xs) | Op::Nin(xs) => (xs, xs.len()),
                _ => (&[], 0),
            };
            texts.extend(values.iter().filter_map(|v| match v {
                Scalar::Text(t) => Some(t.as_str()),
                _ => None,
            }));
            1 + listed
        }
        Requires::AllOf { all_of: rs } | Requires::AnyOf { any_of: rs } => {
            1 + rs.iter().map(|r| walk(r, texts)).sum::<usize>()
        }
        Requires::Not { not } => 1 + walk(not, texts),
    }
}
