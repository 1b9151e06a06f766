//! Staff discounts, priced after feasibility (PRODUCT ruling of issue 11 §6): never an
//! error and never a reason to rule a tier out. A % is that % of its target's first-year
//! amount; each discount is capped at what is left of its target after the discounts
//! listed before it; a discount capped or with nothing to discount is a warning; the
//! discounts on one target are summed against the approval threshold.

use super::detail::{explained, Detail};
use crate::catalog::price_list::PriceList;
use crate::money::{self, Overflow};
use crate::quote::{Line, LineKind, Period, Section, Warning};
use crate::rationale::number;
use crate::scenario::{Discount, DiscountTarget, DiscountValue, Scenario};
use rust_decimal::Decimal;

/// The discount lines of a tier, the approvals they need and what the reader must know.
#[derive(Default)]
pub struct Discounted {
    pub lines: Vec<Line>,
    /// Staff only: each names the threshold it passes.
    pub approvals: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// One discount as priced: what its target is worth, what it asked and what it gives.
struct Priced<'d> {
    n: usize,
    d: &'d Discount,
    base: Decimal,
    asked: Decimal,
    given: Decimal,
}

fn target_section(t: DiscountTarget) -> Section {
    match t {
        DiscountTarget::Membership => Section::Membership,
        DiscountTarget::UsageFee => Section::UsageFee,
        DiscountTarget::ExtraHelp => Section::Help,
        DiscountTarget::ProjectHours => Section::Project,
    }
}

/// Prices every discount of `s` against the tier's `lines` (`tier` names it in words).
pub fn discounts<D: Detail>(
    p: &PriceList,
    s: &Scenario,
    tier: &str,
    lines: &[Line],
) -> Result<Discounted, Overflow> {
    let mut out = Discounted::default();
    // What the discounts so far took of each target: one running sum per target, in
    // the order of `DiscountTarget::ALL`.
    let mut taken = DiscountTarget::ALL.map(|_| Decimal::new(0, 2));
    for (i, d) in s.discounts.iter().enumerate() {
        let section = target_section(d.target);
        let base = money::sum(
            lines
                .iter()
                .filter(|l| l.section == section)
                .map(|l| l.first_year),
        )?;
        let at = DiscountTarget::ALL.iter().position(|t| *t == d.target);
        let Some(sum) = at.and_then(|at| taken.get_mut(at)) else {
            continue;
        };
        let asked = asked(d, base)?;
        let given = asked.min(money::sub(base, *sum)?.max(Decimal::ZERO));
        *sum = money::add(*sum, given)?;
        let priced = Priced {
            n: i + 1,
            d,
            base,
            asked,
            given,
        };
        out.warnings.extend(warning(p, &priced, tier));
        if base > Decimal::ZERO {
            out.approvals.extend(approval(p, d.target, *sum, base)?);
        }
        out.lines.push(line::<D>(p, &priced)?);
    }
    Ok(out)
}

/// What a discount asks: its % of the target's first-year amount, or its amount, in cents.
fn asked(d: &Discount, base: Decimal) -> Result<Decimal, Overflow> {
    Ok(match d.value {
        DiscountValue::Percent(pct) => {
            money::round2(money::div(money::mul(base, pct)?, Decimal::ONE_HUNDRED)?)
        }
        DiscountValue::Amount(a) => money::round2(a),
    })
}

/// The warning of a discount with nothing to discount, or capped.
fn warning(p: &PriceList, x: &Priced, tier: &str) -> Option<Warning> {
    let cur = &p.currency;
    let target = x.d.target.label();
    if x.base <= Decimal::ZERO {
        return Some(Warning {
            code: "discount-nothing".into(),
            message: format!(
                "Discount {} has nothing to discount: the {target} is {} in {tier}.",
                x.n,
                cur.amount(Decimal::new(0, 2))
            ),
        });
    }
    (x.given < x.asked).then(|| Warning {
        code: "discount-capped".into(),
        message: format!(
            "Discount {} on the {target} asked for {} and gives {}, what was left of the {target} after the discounts before it.",
            x.n,
            cur.amount(x.asked),
            cur.amount(x.given)
        ),
    })
}

/// Why the discounts on a target need approval, when together they pass the threshold.
fn approval(
    p: &PriceList,
    target: DiscountTarget,
    taken: Decimal,
    base: Decimal,
) -> Result<Option<String>, Overflow> {
    let threshold = p.assumptions.discount_approval_pct;
    let share = money::div(money::mul(taken, Decimal::ONE_HUNDRED)?, base)?;
    Ok((share > threshold).then(|| {
        format!(
            "Discounts on the {} come to {}% of it, above the {}% that needs approval",
            target.label(),
            number(money::round2(share)),
            number(threshold)
        )
    }))
}

/// One discount's line: a negative amount in its target's period (one-off for project
/// hours, yearly otherwise).
fn line<D: Detail>(p: &PriceList, x: &Priced) -> Result<Line, Overflow> {
    let period = if x.d.target == DiscountTarget::ProjectHours {
        Period::OneOff
    } else {
        Period::Annual
    };
    // A discount that gives nothing is $0.00, not −$0.00.
    let price = if x.given.is_zero() {
        Decimal::new(0, 2)
    } else {
        -x.given
    };
    let line = Line::priced(
        format!("discount{}", x.n),
        Section::Discount,
        format!("Discount on the {}: {}", x.d.target.label(), x.d.reason),
        Decimal::ONE,
        "discount",
        price,
        period,
        1,
        LineKind::Fixed,
    )?;
    explained::<D>(line, |_| Ok(rationale(p, x, period)))
}

fn rationale(p: &PriceList, x: &Priced, period: Period) -> String {
    let cur = &p.currency;
    let target = x.d.target.label();
    let how = match x.d.value {
        DiscountValue::Percent(pct) => format!(
            "{}% of the first-year {target} of {} = {}",
            number(pct),
            cur.amount(x.base),
            cur.amount(x.asked)
        ),
        DiscountValue::Amount(a) => format!(
            "{} off the first-year {target} of {}",
            cur.amount(a),
            cur.amount(x.base)
        ),
    };
    let capped = if x.given < x.asked {
        format!(
            "; asked {}, given {}: only that was left of the {target} after the discounts before it",
            cur.amount(x.asked),
            cur.amount(x.given)
        )
    } else {
        String::new()
    };
    let when = if period == Period::OneOff {
        "one-off"
    } else {
        "each year"
    };
    format!("{how}{capped}, {when}. Reason: {}.", x.d.reason)
}
