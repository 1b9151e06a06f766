//! Cloud cost estimates (PRODUCT.md §4): per hub, per active month (compute, GPU, Dask,
//! egress) and per month all year (cluster core, home and object storage), and the
//! low/expected/high band with the budget alert. One function per kind of line.

use super::detail::{explained, Amounts, Detail};
use super::error::QuoteError;
use crate::catalog::price_list::{
    ClusterKind, Component, NodeType, Price, PriceList, Provider, Region, Size, Tier,
};
use crate::money::{self, Currency, Overflow};
use crate::quote::{CloudBand, Line, LineKind, Period, Section};
use crate::rationale::{months, number, price_with_source, PriceWithSource};
use crate::scenario::{Hub, Scenario};
use rust_decimal::Decimal;
use std::fmt;
use std::marker::PhantomData;

/// What every cloud line of one quote shares, and (`D`) whether its lines explain
/// themselves.
#[derive(Clone, Copy)]
pub struct Cloud<'a, D> {
    pub p: &'a PriceList,
    pub s: &'a Scenario,
    pub tier: &'a Tier,
    pub provider: &'a Provider,
    pub region: &'a Region,
    /// Estimate (we invoice it) or paid to provider.
    pub kind: LineKind,
    /// Write each line's id and label; off when only the totals matter (tier
    /// comparison, low/high band).
    pub named: bool,
    pub detail: PhantomData<D>,
}

/// One hub in the month priced: its size and its user-hours at the usage factor (1 =
/// expected; the low/high band re-prices with 0.5 and 2.0), split into GPU and CPU.
struct HubMonth<'a> {
    hub: &'a Hub,
    size: &'a Size,
    /// 1-based, as line ids count hubs.
    key: usize,
    factor: Decimal,
    base_hours: Decimal,
    gpu_hours: Decimal,
    cpu_hours: Decimal,
}

/// A metered usage line's data (see [`Cloud::metered`]).
struct Metered<'p, 'f> {
    id: fmt::Arguments<'f>,
    label: fmt::Arguments<'f>,
    per_month: Decimal,
    unit: &'static str,
    price: &'p Price,
    per: &'static str,
    what: &'static str,
    aside: &'static str,
}

impl<'a, D: Detail> Cloud<'a, D> {
    /// Every cloud line: the cluster core, then each hub's lines (a scenario has one or
    /// more hubs).
    pub fn lines(&self, factor: Decimal) -> Result<Vec<Line>, QuoteError> {
        let mut out = self.cluster_lines()?;
        for (i, hub) in self.s.hubs.iter().enumerate() {
            out.extend(self.hub_lines(i, hub, factor)?);
        }
        Ok(out)
    }

    /// The expected month's cloud cost at a usage factor.
    pub fn month(&self, factor: Decimal) -> Result<Decimal, QuoteError> {
        let quiet = Cloud::<Amounts> {
            p: self.p,
            s: self.s,
            tier: self.tier,
            provider: self.provider,
            region: self.region,
            kind: self.kind,
            named: false,
            detail: PhantomData,
        };
        Ok(money::sum(quiet.lines(factor)?.iter().map(|l| l.amount))?)
    }

    /// The low/expected/high band around the `expected` month, and the budget alert
    /// (with the sentence that derives them when `D` explains).
    pub fn band(&self, expected: Decimal) -> Result<CloudBand, QuoteError> {
        let a = &self.p.assumptions;
        let cur = self.cur();
        let low = self.month(a.low_factor)?;
        let high = self.month(a.high_factor)?;
        let raised = money::mul(expected, a.budget_alert_factor)?;
        let alert = money::ceil_to(raised, a.budget_alert_round_to)?;
        Ok(CloudBand {
            low,
            expected,
            high,
            budget_alert: alert,
            rationale: if !D::EXPLAINED {
                String::new()
            } else {
                format!(
                "Expected month {}. Low {} and high {} re-price the usage-driven lines (compute, GPU, Dask, egress) with usage × {} and × {}; cluster and storage lines stay as they are. Budget alert: {} × {} = {}, rounded up to the next {} = {}.",
                cur.amount(expected),
                cur.amount(low),
                cur.amount(high),
                number(a.low_factor),
                number(a.high_factor),
                cur.amount(expected),
                number(a.budget_alert_factor),
                cur.unit_price(raised.normalize()),
                cur.amount(a.budget_alert_round_to),
                cur.amount(alert)
            )
            },
        })
    }

    /// The cluster core, all year: one line per component on a dedicated cluster, one
    /// share line on a shared cluster.
    fn cluster_lines(&self) -> Result<Vec<Line>, QuoteError> {
        let parts = self
            .region
            .cluster
            .iter()
            .map(|comp| self.component(comp))
            .collect::<Result<Vec<Line>, QuoteError>>()?;
        match self.tier.cluster {
            ClusterKind::Dedicated => Ok(parts),
            ClusterKind::Shared => Ok(vec![self.shared_core(&parts)?]),
        }
    }

    /// One always-on component of the cluster core, 730 hours a month.
    fn component(&self, comp: &Component) -> Result<Line, QuoteError> {
        let line = self.line(
            format_args!("cloud.cluster.{}", comp.id),
            format_args!("{}", comp.label),
            self.p.assumptions.hours_per_month,
            "hour",
            &comp.price,
            12,
        )?;
        Ok(explained::<D>(line, |line| {
            let priced = self.priced(&comp.price, "/h")?;
            // The line's own quantity and amount: the sentence shows what is billed.
            Ok(format!(
                "Always on: {} h a month × {priced} = {} a month, billed {} whether or not anyone logs in.{}",
                number(line.quantity),
                self.cur().amount(line.amount),
                months(12),
                self.note()
            ))
        })?)
    }

    /// A shared cluster's one line: the community's share of the core's component lines.
    fn shared_core(&self, parts: &[Line]) -> Result<Line, QuoteError> {
        let split = self.p.assumptions.communities_per_shared_cluster.max(1);
        let sum = money::sum(parts.iter().map(|l| l.amount))?;
        let share = money::round2(money::div(sum, Decimal::from(split))?);
        let line = Line::priced(
            "cloud.cluster.shared".into(),
            Section::Cloud,
            format!("Shared cluster core, 1/{split} share"),
            Decimal::ONE,
            "month",
            share,
            Period::Monthly,
            12,
            self.kind,
        )?;
        Ok(explained::<D>(line, |_| {
            let listed: Vec<String> = parts
                .iter()
                .map(|l| format!("{} {}", l.label, self.cur().amount(l.amount)))
                .collect();
            Ok(format!(
                "A shared cluster's core is split between {split} communities: ({}) = {} a month ÷ {split} = {} a month, billed {}.{}",
                listed.join(" + "),
                self.cur().amount(sum),
                self.cur().amount(share),
                months(12),
                self.note()
            ))
        })?)
    }

    /// One hub's lines, in the order the quote lists them.
    fn hub_lines(
        &self,
        index: usize,
        hub: &'a Hub,
        factor: Decimal,
    ) -> Result<Vec<Line>, QuoteError> {
        let h = self.hub_month(index, hub, factor)?;
        let lines = [
            self.compute(&h)?,
            self.gpu(&h)?,
            self.dask(&h)?,
            self.egress(&h)?,
            self.home(&h)?,
            self.objects(&h)?,
        ];
        Ok(lines.into_iter().flatten().collect())
    }

    fn hub_month(
        &self,
        index: usize,
        hub: &'a Hub,
        factor: Decimal,
    ) -> Result<HubMonth<'a>, QuoteError> {
        let size = self.p.sizes.get(&hub.size).ok_or_else(|| {
            QuoteError::Inconsistent(format!("the catalog has no size \"{}\"", hub.size))
        })?;
        let base_hours = money::mul(Decimal::from(hub.monthly_active_users), hub.hours_per_user)?;
        let user_hours = money::mul(base_hours, factor)?;
        let gpu_hours = money::mul(user_hours, hub.gpu_share)?;
        Ok(HubMonth {
            hub,
            size,
            key: index + 1,
            factor,
            base_hours,
            gpu_hours,
            cpu_hours: money::sub(user_hours, gpu_hours)?,
        })
    }

    /// User servers: CPU user-hours packed onto the size's node type.
    fn compute(&self, h: &HubMonth) -> Result<Option<Line>, QuoteError> {
        if h.cpu_hours <= Decimal::ZERO {
            return Ok(None);
        }
        let a = &self.p.assumptions;
        let node_name = h.size.nodes.get(&self.s.provider).ok_or_else(|| {
            QuoteError::Inconsistent(format!(
                "the size \"{}\" has no node on {}",
                h.hub.size, self.s.provider
            ))
        })?;
        let node = self.node(node_name)?;
        let per_node = money::mul(node.mem_gb, a.allocatable_fraction)?;
        let users_per_node = money::floor(money::div(per_node, h.size.mem_gb)?)?;
        if users_per_node < Decimal::ONE {
            return Err(QuoteError::Inconsistent(format!(
                "a {} GB server does not fit a {node_name} node",
                number(h.size.mem_gb)
            )));
        }
        let node_hours = money::div(
            money::div(h.cpu_hours, users_per_node)?,
            a.packing_efficiency,
        )?;
        let line = self.node_line(
            h,
            format_args!("cloud.hub{}.compute", h.key),
            format_args!(
                "User servers: {} on {node_name}",
                self.p.size_label(&h.hub.size)
            ),
            node_hours,
            node,
        )?;
        Ok(Some(explained::<D>(line, |line| {
            self.compute_why(h, node_name, node, users_per_node, line.quantity)
        })?))
    }

    fn compute_why(
        &self,
        h: &HubMonth,
        node_name: &str,
        node: &NodeType,
        users_per_node: Decimal,
        node_hours: Decimal,
    ) -> Result<String, Overflow> {
        let a = &self.p.assumptions;
        let gpu_part = if h.hub.gpu_share > Decimal::ZERO {
            format!(
                "; {}% of them run on GPU servers, leaving {} CPU user-hours",
                number(money::mul(h.hub.gpu_share, Decimal::ONE_HUNDRED)?),
                number(h.cpu_hours)
            )
        } else {
            String::new()
        };
        let priced = self.priced(&node.price, "/h")?;
        Ok(format!(
            "{}{gpu_part}. Each {node_name} node ({} GB) holds floor({} × {} allocatable ÷ {} GB) = {} users; {} ÷ {} ÷ {} packing efficiency = {} node-hours × {priced}. Billed in {}. You pay for the memory requested, not used.{}",
            h.usage(),
            number(node.mem_gb),
            number(node.mem_gb),
            number(a.allocatable_fraction),
            number(h.size.mem_gb),
            number(users_per_node),
            number(h.cpu_hours),
            number(users_per_node),
            number(a.packing_efficiency),
            number(node_hours),
            months(self.s.active_months),
            self.note()
        ))
    }

    /// GPU servers: GPU user-hours shared `users_per_gpu` to a GPU node.
    fn gpu(&self, h: &HubMonth) -> Result<Option<Line>, QuoteError> {
        if h.gpu_hours <= Decimal::ZERO {
            return Ok(None);
        }
        let a = &self.p.assumptions;
        let gpu = self.region.gpu.as_ref().ok_or_else(|| {
            QuoteError::Inconsistent(format!(
                "{} {} has no GPU servers in this catalog",
                self.s.provider, self.s.region
            ))
        })?;
        let node = self.node(&gpu.node)?;
        let per = Decimal::from(gpu.users_per_gpu.max(1));
        let node_hours = money::div(money::div(h.gpu_hours, per)?, a.packing_efficiency)?;
        let line = self.node_line(
            h,
            format_args!("cloud.hub{}.gpu", h.key),
            format_args!("GPU servers on {}", gpu.node),
            node_hours,
            node,
        )?;
        Ok(Some(explained::<D>(line, |line| {
            let priced = self.priced(&node.price, "/h")?;
            Ok(format!(
                "{} × {} GPU share = {} GPU user-hours ÷ {} user per GPU ÷ {} packing efficiency = {} node-hours × {priced}. Billed in {}.{}",
                h.usage(),
                number(h.hub.gpu_share),
                number(h.gpu_hours),
                number(per),
                number(a.packing_efficiency),
                number(line.quantity),
                months(self.s.active_months),
                self.note()
            ))
        })?))
    }

    /// Dask Gateway workers: the hub's worker node-hours on the region's Dask node.
    fn dask(&self, h: &HubMonth) -> Result<Option<Line>, QuoteError> {
        if h.hub.dask_node_hours <= Decimal::ZERO {
            return Ok(None);
        }
        let name = self.region.dask_worker_node.as_deref().ok_or_else(|| {
            QuoteError::Inconsistent(format!(
                "{} {} has no Dask worker node in this catalog",
                self.s.provider, self.s.region
            ))
        })?;
        let node = self.node(name)?;
        self.metered(
            Metered {
                id: format_args!("cloud.hub{}.dask", h.key),
                label: format_args!("Dask Gateway workers on {name}"),
                per_month: h.hub.dask_node_hours,
                unit: "node-hour",
                price: &node.price,
                per: "/h",
                what: "Dask worker node-hours a month",
                aside: "; Dask clusters scale to zero when idle",
            },
            h,
        )
        .map(Some)
    }

    /// Data downloaded from the hub.
    fn egress(&self, h: &HubMonth) -> Result<Option<Line>, QuoteError> {
        if h.hub.egress_gb <= Decimal::ZERO {
            return Ok(None);
        }
        let eg = &self.region.egress;
        self.metered(
            Metered {
                id: format_args!("cloud.hub{}.egress", h.key),
                label: format_args!("{}", eg.label),
                per_month: h.hub.egress_gb,
                unit: "GB",
                price: &eg.price,
                per: "/GB",
                what: "GB downloaded a month",
                aside: "",
            },
            h,
        )
        .map(Some)
    }

    /// Home directories, all year: every registered user's, at least the billed minimum.
    fn home(&self, h: &HubMonth) -> Result<Option<Line>, QuoteError> {
        let home = &self.region.home_storage;
        let wanted = money::ceil(money::mul(
            Decimal::from(h.hub.registered_users),
            h.hub.home_gb_per_user,
        )?)?;
        let billable = wanted.max(home.min_billable_gb);
        if billable <= Decimal::ZERO {
            return Ok(None);
        }
        let line = self
            .line(
                format_args!("cloud.hub{}.home", h.key),
                format_args!("{}", home.label),
                billable,
                "GB-month",
                &home.price,
                12,
            )?
            .with_hub(&h.hub.name);
        Ok(Some(explained::<D>(line, |_| {
            let minimum = if home.min_billable_gb > wanted {
                format!(
                    ", below the {} GB minimum billed, so {} GB",
                    number(home.min_billable_gb),
                    number(billable)
                )
            } else {
                String::new()
            };
            let priced = self.priced(&home.price, "/GB-month")?;
            Ok(format!(
                "{} registered users × {} GB = {} GB (rounded up){minimum} × {priced}. Stored {}.{}",
                h.hub.registered_users,
                number(h.hub.home_gb_per_user),
                number(wanted),
                months(12),
                self.note()
            ))
        })?))
    }

    /// Object storage (buckets), all year.
    fn objects(&self, h: &HubMonth) -> Result<Option<Line>, QuoteError> {
        if h.hub.object_storage_gb <= Decimal::ZERO {
            return Ok(None);
        }
        let obj = &self.region.object_storage;
        let line = self
            .line(
                format_args!("cloud.hub{}.objects", h.key),
                format_args!("{}", obj.label),
                h.hub.object_storage_gb,
                "GB-month",
                &obj.price,
                12,
            )?
            .with_hub(&h.hub.name);
        Ok(Some(explained::<D>(line, |_| {
            let priced = self.priced(&obj.price, "/GB-month")?;
            Ok(format!(
                "{} GB in buckets × {priced}. Stored {}.{}",
                number(h.hub.object_storage_gb),
                months(12),
                self.note()
            ))
        })?))
    }

    /// A hub's line in node-hours of `node`, billed in active months (user and GPU servers).
    fn node_line(
        &self,
        h: &HubMonth,
        id: fmt::Arguments,
        label: fmt::Arguments,
        node_hours: Decimal,
        node: &NodeType,
    ) -> Result<Line, QuoteError> {
        let active = self.s.active_months;
        let line = self.line(id, label, node_hours, "node-hour", &node.price, active)?;
        Ok(line.with_hub(&h.hub.name))
    }

    /// A usage-driven line metered straight from the scenario (Dask hours, egress GB):
    /// the monthly quantity × the usage factor × the unit price, billed in active months.
    fn metered(&self, m: Metered, h: &HubMonth) -> Result<Line, QuoteError> {
        let active = self.s.active_months;
        let quantity = money::mul(m.per_month, h.factor)?;
        let line = self
            .line(m.id, m.label, quantity, m.unit, m.price, active)?
            .with_hub(&h.hub.name);
        Ok(explained::<D>(line, |_| {
            let priced = self.priced(m.price, m.per)?;
            Ok(format!(
                "{} {}{} × {priced}. Billed in {}{}.{}",
                number(m.per_month),
                m.what,
                Scaled(h.factor),
                months(active),
                m.aside,
                self.note()
            ))
        })?)
    }

    fn cur(&self) -> &Currency {
        &self.p.currency
    }

    /// The unit price with the catalog's markup (0% by default).
    fn unit(&self, price: &Price) -> Result<Decimal, Overflow> {
        let pct = self.p.assumptions.cloud_markup_pct;
        if pct.is_zero() {
            return Ok(price.price);
        }
        let factor = money::add(Decimal::ONE, money::div(pct, Decimal::ONE_HUNDRED)?)?;
        money::mul(price.price, factor)
    }

    /// `$0.252/h (as of …, source)` and, with a markup, what it adds.
    fn priced<'p>(
        &'p self,
        price: &'p Price,
        per: &'p str,
    ) -> Result<CloudUnitPrice<'p>, Overflow> {
        let unit = self.unit(price)?;
        let pct = self.p.assumptions.cloud_markup_pct;
        Ok(CloudUnitPrice {
            text: price_with_source(self.p, self.cur(), unit, per, price),
            markup: (!pct.is_zero()).then(|| (pct, self.cur().unit_price(price.price))),
        })
    }

    /// The provider's note (e.g. an allocation that makes the cost $0).
    fn note(&self) -> Note<'_> {
        Note(&self.provider.note)
    }

    /// A monthly cloud line; `id` and `label` are only written when it is named.
    fn line(
        &self,
        id: fmt::Arguments,
        label: fmt::Arguments,
        quantity: Decimal,
        unit: &str,
        price: &Price,
        months: u32,
    ) -> Result<Line, QuoteError> {
        let (id, label) = if self.named {
            (id.to_string(), label.to_string())
        } else {
            (String::new(), String::new())
        };
        Ok(Line::priced(
            id,
            Section::Cloud,
            label,
            quantity,
            unit,
            self.unit(price)?,
            Period::Monthly,
            months,
            self.kind,
        )?)
    }

    fn node(&self, name: &str) -> Result<&'a NodeType, QuoteError> {
        self.region.nodes.get(name).ok_or_else(|| {
            QuoteError::Inconsistent(format!(
                "the catalog has no price for the node \"{name}\" in {} {}",
                self.s.provider, self.s.region
            ))
        })
    }
}

impl HubMonth<'_> {
    /// `50 active users × 4 h = 200 user-hours a month`, with the band's factor if any.
    fn usage(&self) -> Usage<'_> {
        Usage {
            hub: self.hub,
            base_hours: self.base_hours,
            factor: self.factor,
        }
    }
}

/// A cloud line's unit price with its source and, with a markup, what it adds (see
/// [`Cloud::priced`]).
struct CloudUnitPrice<'a> {
    text: PriceWithSource<'a>,
    /// The markup % and the list price it applies to.
    markup: Option<(Decimal, crate::money::Amount<'a>)>,
}

impl fmt::Display for CloudUnitPrice<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text)?;
        match &self.markup {
            Some((pct, list)) => write!(f, ", including a {}% markup on {list}", number(*pct)),
            None => Ok(()),
        }
    }
}

/// The provider's note, after a space, or nothing.
struct Note<'a>(&'a str);

impl fmt::Display for Note<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            Ok(())
        } else {
            write!(f, " {}", self.0)
        }
    }
}

/// ` (usage × 2)` when the band re-prices usage, else nothing.
struct Scaled(Decimal);

impl fmt::Display for Scaled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == Decimal::ONE {
            Ok(())
        } else {
            write!(f, " (usage × {})", number(self.0))
        }
    }
}

/// See [`HubMonth::usage`].
struct Usage<'a> {
    hub: &'a Hub,
    base_hours: Decimal,
    factor: Decimal,
}

impl fmt::Display for Usage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} active users × {} h = {} user-hours a month{}",
            self.hub.monthly_active_users,
            number(self.hub.hours_per_user),
            number(self.base_hours),
            Scaled(self.factor)
        )
    }
}
