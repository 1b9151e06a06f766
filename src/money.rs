//! Exact money arithmetic: PRODUCT.md §4's rounding, overflow-checked operations, and
//! the way numbers are written for people.

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

/// An arithmetic result too large for an exact decimal. Scenario validation bounds every
/// input so this cannot happen with valid data; the engine still checks every operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number in this quote is too large to compute exactly")
    }
}

impl std::error::Error for Overflow {}

/// Rounds to cents (or any 2-decimal quantity), half away from zero: 0.125 → 0.13.
pub fn round2(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    // Always two decimals, so JSON shows "12.00", not "12".
    r.rescale(2);
    r
}

pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

/// Subtraction as the addition of the negation: the same result bit for bit as
/// `checked_sub` (tests/properties.rs compares them on random pairs), with one decimal
/// adder in the wasm.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    // `0 − 0` is `b`'s own zero, where `0 + (−0)` would be a negative zero.
    if b.is_zero() {
        add(a, b)
    } else {
        add(a, -b)
    }
}

pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_mul(b).ok_or(Overflow)
}

/// Division; dividing by zero is reported as an overflow (callers validate divisors).
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_div(b).ok_or(Overflow)
}

/// Sums exactly, failing on overflow.
pub fn sum<I: IntoIterator<Item = Decimal>>(items: I) -> Result<Decimal, Overflow> {
    items.into_iter().try_fold(Decimal::new(0, 2), add)
}

/// A line amount as PRODUCT.md §4 defines it: the quantity rounded to 2 decimals first,
/// then multiplied, then rounded to cents. Returns (rounded quantity, amount).
pub fn line_amount(quantity: Decimal, unit_price: Decimal) -> Result<(Decimal, Decimal), Overflow> {
    let q = round2(quantity);
    Ok((q, round2(mul(q, unit_price)?)))
}

/// Rounds up to the next multiple of `step` (a budget alert of $1,234.56 → $1,240).
pub fn ceil_to(d: Decimal, step: Decimal) -> Result<Decimal, Overflow> {
    if step <= Decimal::ZERO {
        return Ok(d);
    }
    Ok(round2(mul(ceil(div(d, step)?)?, step)?))
}

/// `Decimal::ceil` through [`add`]: the same value, without a second copy of the
/// decimal adder in the wasm.
pub fn ceil(d: Decimal) -> Result<Decimal, Overflow> {
    let whole = d.trunc();
    if d > whole {
        add(whole, Decimal::ONE)
    } else {
        Ok(whole)
    }
}

/// `Decimal::floor` through [`sub`] (see [`ceil`]).
pub fn floor(d: Decimal) -> Result<Decimal, Overflow> {
    let whole = d.trunc();
    if d < whole {
        sub(whole, Decimal::ONE)
    } else {
        Ok(whole)
    }
}

/// How a catalog's currency is written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Currency {
    /// ISO 4217 code, e.g. `USD`.
    pub code: String,
    /// Symbol written before amounts, e.g. `$`.
    pub symbol: String,
}

impl Currency {
    /// `$1,234.56`, `−$1,500.00`: always two decimals, thousands grouped.
    pub fn format(&self, amount: Decimal) -> String {
        self.amount(amount).to_string()
    }

    /// [`Currency::format`] as a `Display` value: sentences take it into `format!`
    /// without a `String` of their own.
    pub fn amount(&self, amount: Decimal) -> Amount<'_> {
        Amount {
            symbol: &self.symbol,
            value: amount,
            exact: false,
        }
    }

    /// A unit price: two decimals when that is exact, else every significant decimal
    /// (`$0.262028`), so that quantity × unit price reproduces on a calculator.
    pub fn format_unit(&self, price: Decimal) -> String {
        self.unit_price(price).to_string()
    }

    /// [`Currency::format_unit`] as a `Display` value.
    pub fn unit_price(&self, price: Decimal) -> Amount<'_> {
        Amount {
            symbol: &self.symbol,
            value: price,
            exact: true,
        }
    }
}

/// An amount of money as written for people (see [`Currency::amount`]).
#[derive(Clone, Copy)]
pub struct Amount<'a> {
    symbol: &'a str,
    value: Decimal,
    /// Every significant decimal (a unit price), not just cents.
    exact: bool,
}

impl fmt::Display for Amount<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        let (digits, negative) = match self.exact.then(|| v.normalize()) {
            Some(n) if n.scale() > 2 => (group(&n.abs(), n.scale()), v.is_sign_negative()),
            _ => (
                group(&round2(v.abs()), 2),
                v.is_sign_negative() && !v.is_zero(),
            ),
        };
        let sign = if negative { "−" } else { "" };
        write!(f, "{sign}{}{digits}", self.symbol)
    }
}

/// A quantity as printed on a line: exactly its value, grouped, no trailing zeros.
pub fn format_quantity(q: Decimal) -> String {
    Quantity(q).to_string()
}

/// [`format_quantity`] as a `Display` value.
#[derive(Clone, Copy)]
pub struct Quantity(pub Decimal);

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.normalize();
        if n.is_sign_negative() && !n.is_zero() {
            f.write_str("−")?;
        }
        f.write_str(&group(&n.abs(), n.scale()))
    }
}

/// A plain number with thousands separators and exactly `dp` decimals, written from the
/// decimal's integer mantissa (much faster than going through `Display`).
fn group(d: &Decimal, dp: u32) -> String {
    let mut r = d.round_dp(dp);
    r.rescale(dp);
    let digits = r.mantissa().unsigned_abs().to_string();
    let dp = r.scale() as usize;
    let (int, frac) = if digits.len() > dp {
        digits.split_at(digits.len() - dp)
    } else {
        ("0", digits.as_str())
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3 + dp + 2);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if dp > 0 {
        out.push('.');
        for _ in frac.len()..dp {
            out.push('0');
        }
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round2(d("0.125")), d("0.13"));
        assert_eq!(round2(d("-0.125")), d("-0.13"));
        assert_eq!(round2(d("0.124999")), d("0.12"));
        // 47.6190… node-hours × $0.252 = 47.62 × 0.252 = 12.00024 → $12.00
        assert_eq!(
            line_amount(d("47.619047"), d("0.252")).unwrap(),
            (d("47.62"), d("12.00"))
        );
    }

    #[test]
    fn formatting() {
        let usd = Currency {
            code: "USD".into(),
            symbol: "$".into(),
        };
        assert_eq!(usd.format(d("1000")), "$1,000.00");
        assert_eq!(usd.format(d("-1500")), "−$1,500.00");
        assert_eq!(usd.format(d("1234567.891")), "$1,234,567.89");
        assert_eq!(usd.format_unit(d("0.262028")), "$0.262028");
        assert_eq!(usd.format_unit(d("0.10")), "$0.10");
        assert_eq!(format_quantity(d("730.00")), "730");
        assert_eq!(format_quantity(d("12345.60")), "12,345.6");
        assert_eq!(format_quantity(d("0.05")), "0.05");
        assert_eq!(format_quantity(d("-0.5")), "−0.5");
        assert_eq!(usd.format(d("0.07")), "$0.07");
        assert_eq!(usd.format(d("0")), "$0.00");
        assert_eq!(usd.format(d("999999.995")), "$1,000,000.00");
    }

    #[test]
    fn ceil_to_ten() {
        assert_eq!(ceil_to(d("1234.56"), d("10")).unwrap(), d("1240"));
        assert_eq!(ceil_to(d("1240"), d("10")).unwrap(), d("1240"));
    }

    #[test]
    fn sub_is_decimals_own() {
        let values = [
            "0", "-0", "0.00", "-0.00", "1", "-1", "0.5", "12.345", "-7.1",
        ];
        for a in values {
            for b in values {
                let (a, b) = (d(a), d(b));
                let ours = sub(a, b).unwrap().serialize();
                assert_eq!(ours, a.checked_sub(b).unwrap().serialize(), "{a} - {b}");
            }
        }
        assert_eq!(sub(Decimal::MIN, Decimal::ONE), Err(Overflow));
    }

    #[test]
    fn ceil_and_floor_are_decimals_own() {
        for x in [
            "0", "-0", "0.5", "-0.5", "1", "-1", "1.00", "2.5", "-2.5", "7.999", "-7.001",
        ] {
            let v = d(x);
            // Same value and same representation (scale and sign of zero).
            assert_eq!(ceil(v).unwrap().serialize(), v.ceil().serialize(), "{x}");
            assert_eq!(floor(v).unwrap().serialize(), v.floor().serialize(), "{x}");
        }
    }
}
