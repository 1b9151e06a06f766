//! Cloud cost estimates (PRODUCT.md §4): per hub, per active month (compute, GPU, Dask,
//! egress) and per month all year (cluster core, home and object storage).

use super::QuoteError;
use crate::catalog::price_list::{ClusterKind, Price, PriceList, Provider, Region, Tier};
use crate::money::{self, Currency};
use crate::quote::{Line, LineKind, Period, Section};
use crate::rationale::{months, n, price_with_source, when, PriceWithSource};
use crate::scenario::{Hub, Scenario};
use rust_decimal::Decimal;
use std::fmt;

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

/// What every cloud line of one quote shares.
#[derive(Clone, Copy)]
pub struct Cloud<'a> {
    pub p: &'a PriceList,
    pub s: &'a Scenario,
    pub tier: &'a Tier,
    pub provider: &'a Provider,
    pub region: &'a Region,
    /// Estimate (we invoice it) or paid to provider.
    pub kind: LineKind,
    /// Write each line's rationale; off when only the amounts matter (tier
    /// comparison, low/high band), which is most of the work saved.
    pub explain: bool,
}

impl<'a> Cloud<'a> {
    fn cur(&self) -> &Currency {
        &self.p.currency
    }

    /// The unit price with the catalog's markup (0% by default).
    fn unit(&self, price: &Price) -> Result<Decimal, QuoteError> {
        let pct = self.p.assumptions.cloud_markup_pct;
        if pct.is_zero() {
            return Ok(price.price);
        }
        let factor = money::add(Decimal::ONE, money::div(pct, Decimal::ONE_HUNDRED)?)?;
        Ok(money::mul(price.price, factor)?)
    }

    /// `$0.252/h (as of …, source)` and, with a markup, what it adds.
    fn priced<'p>(&'p self, price: &'p Price, per: &'p str) -> Result<Priced<'p>, QuoteError> {
        let unit = self.unit(price)?;
        let pct = self.p.assumptions.cloud_markup_pct;
        Ok(Priced {
            text: price_with_source(self.p, self.cur(), unit, per, price),
            markup: (!pct.is_zero()).then(|| (pct, self.cur().unit_price(price.price))),
        })
    }

    /// The provider's note (e.g. an allocation that makes the cost $0).
    fn note(&self) -> Note<'_> {
        Note(&self.provider.note)
    }

    /// A monthly cloud line; `id` and `label` are only written when explaining.
    fn line(
        &self,
        id: fmt::Arguments,
        label: fmt::Arguments,
        quantity: Decimal,
        unit: &str,
        price: &Price,
        months: u32,
    ) -> Result<Line, QuoteError> {
        let (id, label) = if self.explain {
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

    fn node<'r>(
        &'r self,
        name: &str,
    ) -> Result<&'r crate::catalog::price_list::NodeType, QuoteError> {
        self.region.nodes.get(name).ok_or_else(|| {
            QuoteError::Inconsistent(format!(
                "the catalog has no price for the node \"{name}\" in {} {}",
                self.s.provider, self.s.region
            ))
        })
    }

    /// The cluster core, all year: one line per component on a dedicated cluster, one
    /// share line on a shared cluster.
    pub fn cluster_lines(&self) -> Result<Vec<Line>, QuoteError> {
        let hours = self.p.assumptions.hours_per_month;
        let mut parts = Vec::with_capacity(self.region.cluster.len());
        for comp in &self.region.cluster {
            let line = self.line(
                format_args!("cloud.cluster.{}", comp.id),
                format_args!("{}", comp.label),
                hours,
                "hour",
                &comp.price,
                12,
            )?;
            let r = when(self.explain, || {
                let priced = self.priced(&comp.price, "/h")?;
                // The line's own quantity and amount: the sentence shows what is billed.
                Ok(format!(
                    "Always on: {} h a month × {priced} = {} a month, billed {} whether or not anyone logs in.{}",
                    n(line.quantity),
                    self.cur().amount(line.amount),
                    months(12),
                    self.note()
                ))
            })?;
            parts.push(line.because(r));
        }
        match self.tier.cluster {
            ClusterKind::Dedicated => Ok(parts),
            ClusterKind::Shared => {
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
                let r = when(self.explain, || {
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
                })?;
                Ok(vec![line.because(r)])
            }
        }
    }

    /// One hub's lines; `factor` multiplies the usage quantities (1 = expected, the
    /// low/high band re-prices with 0.5 and 2.0).
    pub fn hub_lines(
        &self,
        index: usize,
        hub: &Hub,
        factor: Decimal,
    ) -> Result<Vec<Line>, QuoteError> {
        let a = &self.p.assumptions;
        let active = self.s.active_months;
        let key = index + 1;
        let mut out = Vec::new();
        let size = self.p.sizes.get(&hub.size).ok_or_else(|| {
            QuoteError::Inconsistent(format!("the catalog has no size \"{}\"", hub.size))
        })?;
        let base_hours = money::mul(Decimal::from(hub.monthly_active_users), hub.hours_per_user)?;
        let user_hours = money::mul(base_hours, factor)?;
        let gpu_hours = money::mul(user_hours, hub.gpu_share)?;
        let cpu_hours = money::sub(user_hours, gpu_hours)?;
        // The usage every rationale of this hub starts from (written only when explaining).
        let usage = Usage {
            hub,
            base_hours,
            factor,
        };
        if cpu_hours > Decimal::ZERO {
            let node_name = size.nodes.get(&self.s.provider).ok_or_else(|| {
                QuoteError::Inconsistent(format!(
                    "the size \"{}\" has no node on {}",
                    hub.size, self.s.provider
                ))
            })?;
            let node = self.node(node_name)?;
            let per_node = money::mul(node.mem_gb, a.allocatable_fraction)?;
            let users_per_node = money::floor(money::div(per_node, size.mem_gb)?)?;
            if users_per_node < Decimal::ONE {
                return Err(QuoteError::Inconsistent(format!(
                    "a {} GB server does not fit a {node_name} node",
                    n(size.mem_gb)
                )));
            }
            let node_hours =
                money::div(money::div(cpu_hours, users_per_node)?, a.packing_efficiency)?;
            let line = self
                .line(
                    format_args!("cloud.hub{key}.compute"),
                    format_args!(
                        "User servers: {} on {node_name}",
                        self.p.size_label(&hub.size)
                    ),
                    node_hours,
                    "node-hour",
                    &node.price,
                    active,
                )?
                .with_hub(&hub.name);
            let r = when(self.explain, || {
                let gpu_part = if hub.gpu_share > Decimal::ZERO {
                    format!(
                        "; {}% of them run on GPU servers, leaving {} CPU user-hours",
                        n(money::mul(hub.gpu_share, Decimal::ONE_HUNDRED)?),
                        n(cpu_hours)
                    )
                } else {
                    String::new()
                };
                let priced = self.priced(&node.price, "/h")?;
                Ok(format!(
                "{usage}{gpu_part}. Each {node_name} node ({} GB) holds floor({} × {} allocatable ÷ {} GB) = {} users; {} ÷ {} ÷ {} packing efficiency = {} node-hours × {priced}. Billed in {}. You pay for the memory requested, not used.{}",
                n(node.mem_gb),
                n(node.mem_gb),
                n(a.allocatable_fraction),
                n(size.mem_gb),
                n(users_per_node),
                n(cpu_hours),
                n(users_per_node),
                n(a.packing_efficiency),
                n(line.quantity),
                months(active),
                self.note()
            ))
            })?;
            out.push(line.because(r));
        }
        if gpu_hours > Decimal::ZERO {
            let gpu = self.region.gpu.as_ref().ok_or_else(|| {
                QuoteError::Inconsistent(format!(
                    "{} {} has no GPU servers in this catalog",
                    self.s.provider, self.s.region
                ))
            })?;
            let node = self.node(&gpu.node)?;
            let per = Decimal::from(gpu.users_per_gpu.max(1));
            let node_hours = money::div(money::div(gpu_hours, per)?, a.packing_efficiency)?;
            let line = self
                .line(
                    format_args!("cloud.hub{key}.gpu"),
                    format_args!("GPU servers on {}", gpu.node),
                    node_hours,
                    "node-hour",
                    &node.price,
                    active,
                )?
                .with_hub(&hub.name);
            let r = when(self.explain, || {
                let priced = self.priced(&node.price, "/h")?;
                Ok(format!(
                "{usage} × {} GPU share = {} GPU user-hours ÷ {} user per GPU ÷ {} packing efficiency = {} node-hours × {priced}. Billed in {}.{}",
                n(hub.gpu_share),
                n(gpu_hours),
                n(per),
                n(a.packing_efficiency),
                n(line.quantity),
                months(active),
                self.note()
            ))
            })?;
            out.push(line.because(r));
        }
        if hub.dask_node_hours > Decimal::ZERO {
            let name = self.region.dask_worker_node.as_deref().ok_or_else(|| {
                QuoteError::Inconsistent(format!(
                    "{} {} has no Dask worker node in this catalog",
                    self.s.provider, self.s.region
                ))
            })?;
            let node = self.node(name)?;
            out.push(self.metered(
                Metered {
                    id: format_args!("cloud.hub{key}.dask"),
                    label: format_args!("Dask Gateway workers on {name}"),
                    per_month: hub.dask_node_hours,
                    unit: "node-hour",
                    price: &node.price,
                    per: "/h",
                    what: "Dask worker node-hours a month",
                    aside: "; Dask clusters scale to zero when idle",
                },
                hub,
                factor,
            )?);
        }
        if hub.egress_gb > Decimal::ZERO {
            let eg = &self.region.egress;
            out.push(self.metered(
                Metered {
                    id: format_args!("cloud.hub{key}.egress"),
                    label: format_args!("{}", eg.label),
                    per_month: hub.egress_gb,
                    unit: "GB",
                    price: &eg.price,
                    per: "/GB",
                    what: "GB downloaded a month",
                    aside: "",
                },
                hub,
                factor,
            )?);
        }
        let home = &self.region.home_storage;
        let wanted = money::ceil(money::mul(
            Decimal::from(hub.registered_users),
            hub.home_gb_per_user,
        )?)?;
        let billable = wanted.max(home.min_billable_gb);
        if billable > Decimal::ZERO {
            let line = self
                .line(
                    format_args!("cloud.hub{key}.home"),
                    format_args!("{}", home.label),
                    billable,
                    "GB-month",
                    &home.price,
                    12,
                )?
                .with_hub(&hub.name);
            let r = when(self.explain, || {
                let minimum = if home.min_billable_gb > wanted {
                    format!(
                        ", below the {} GB minimum billed, so {} GB",
                        n(home.min_billable_gb),
                        n(billable)
                    )
                } else {
                    String::new()
                };
                let priced = self.priced(&home.price, "/GB-month")?;
                Ok(format!(
                    "{} registered users × {} GB = {} GB (rounded up){minimum} × {priced}. Stored {}.{}",
                    hub.registered_users,
                    n(hub.home_gb_per_user),
                    n(wanted),
                    months(12),
                    self.note()
                ))
            })?;
            out.push(line.because(r));
        }
        if hub.object_storage_gb > Decimal::ZERO {
            let obj = &self.region.object_storage;
            let line = self
                .line(
                    format_args!("cloud.hub{key}.objects"),
                    format_args!("{}", obj.label),
                    hub.object_storage_gb,
                    "GB-month",
                    &obj.price,
                    12,
                )?
                .with_hub(&hub.name);
            let r = when(self.explain, || {
                let priced = self.priced(&obj.price, "/GB-month")?;
                Ok(format!(
                    "{} GB in buckets × {priced}. Stored {}.{}",
                    n(hub.object_storage_gb),
                    months(12),
                    self.note()
                ))
            })?;
            out.push(line.because(r));
        }
        Ok(out)
    }

    /// A usage-driven line metered straight from the scenario (Dask hours, egress GB):
    /// the monthly quantity × the usage factor × the unit price, billed in active months.
    fn metered(&self, m: Metered, hub: &Hub, factor: Decimal) -> Result<Line, QuoteError> {
        let active = self.s.active_months;
        let quantity = money::mul(m.per_month, factor)?;
        let line = self
            .line(m.id, m.label, quantity, m.unit, m.price, active)?
            .with_hub(&hub.name);
        let r = when(self.explain, || {
            let priced = self.priced(m.price, m.per)?;
            Ok(format!(
                "{} {}{} × {priced}. Billed in {}{}.{}",
                n(m.per_month),
                m.what,
                Scaled(factor),
                months(active),
                m.aside,
                self.note()
            ))
        })?;
        Ok(line.because(r))
    }

    /// Every cloud line: the cluster core, then each hub's lines. A membership without
    /// a hub has no cluster and pays no cloud.
    pub fn lines(&self, factor: Decimal) -> Result<Vec<Line>, QuoteError> {
        if self.s.hubs.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = self.cluster_lines()?;
        for (i, hub) in self.s.hubs.iter().enumerate() {
            out.extend(self.hub_lines(i, hub, factor)?);
        }
        Ok(out)
    }

    /// The expected month's cloud cost at a usage factor.
    pub fn month(&self, factor: Decimal) -> Result<Decimal, QuoteError> {
        let quiet = Cloud {
            explain: false,
            ..*self
        };
        Ok(money::sum(quiet.lines(factor)?.iter().map(|l| l.amount))?)
    }
}

/// A unit price with its source and, with a markup, what it adds (see [`Cloud::priced`]).
struct Priced<'a> {
    text: PriceWithSource<'a>,
    /// The markup % and the list price it applies to.
    markup: Option<(Decimal, crate::money::Amount<'a>)>,
}

impl fmt::Display for Priced<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text)?;
        match &self.markup {
            Some((pct, list)) => write!(f, ", including a {}% markup on {list}", n(*pct)),
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
            write!(f, " (usage × {})", n(self.0))
        }
    }
}

/// `50 active users × 4 h = 200 user-hours a month`, with the band's factor if any.
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
            n(self.hub.hours_per_user),
            n(self.base_hours),
            Scaled(self.factor)
        )
    }
}
