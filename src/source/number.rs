//! Exact numbers from the text of a document: a JSON5 number literal ([`parse_number`])
//! or a decimal written as a text ([`parse_decimal`]), never rounded, never read through
//! floating point; what cannot be held exactly is refused with a sentence saying why.

use super::diagnostic::shorten;
use rust_decimal::Decimal;

/// Reads a decimal written as a text: an optional `-`, digits, optionally a point and
/// digits, optionally `e` and digits (`"15000.00"`, `"-0.5"`, `"2e3"`: what the JSON
/// Schema's pattern allows). Exactly, or not at all: no spaces around it, no `+`, `.5`,
/// `5.`, hex, separators, NaN or infinities, and never more digits than a [`Decimal`]
/// holds (each refusal says why).
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let shown = shorten(text);
    if text.is_empty() {
        return Err("expected a number, found an empty text".into());
    }
    if text.trim() != text {
        return Err(format!("\"{shown}\" has spaces around the number"));
    }
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = body.split_once(['e', 'E']).unwrap_or((body, "0"));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = frac.is_empty() && !mantissa.ends_with('.') || digits(frac);
    if !(digits(int) && frac_ok && digits(exp)) {
        return Err(not_a_number(text, &shown));
    }
    exact(neg, int, frac, exp).map_err(|e| e.message(&shown))
}

/// Reads a JSON5 number literal as the reader kept it (`12`, `-0.5`, `.5`, `5.`, `+2`,
/// `1e-3`, `0x1F`) exactly; `Infinity` and `NaN` are refused. Also JavaScript's
/// `Number()` of a trimmed text, for the configurator's `requires` (any other text is
/// refused with a sentence).
pub fn parse_number(text: &str) -> Result<Decimal, String> {
    let shown = shorten(text);
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text),
    };
    if matches!(body, "Infinity" | "NaN") {
        return Err(format!("\"{shown}\" is not a finite number"));
    }
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(not_a_number(text, &shown));
        }
        let value = u128::from_str_radix(hex.trim_start_matches('0'), 16)
            .ok()
            .or_else(|| hex.bytes().all(|b| b == b'0').then_some(0))
            .and_then(|v| Decimal::try_from_i128_with_scale(i128::try_from(v).ok()?, 0).ok())
            .ok_or_else(|| Inexact::TooLarge.message(&shown))?;
        return Ok(if neg { -value } else { value });
    }
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, e),
        None => (body, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let (exp_neg, exp_digits) = match exp.as_bytes().first() {
        Some(b'-') => (true, exp.get(1..).unwrap_or_default()),
        Some(b'+') => (false, exp.get(1..).unwrap_or_default()),
        _ => (false, exp),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ok = all_digits(int)
        && all_digits(frac)
        && !(int.is_empty() && frac.is_empty())
        && !exp_digits.is_empty()
        && all_digits(exp_digits);
    if !ok {
        return Err(not_a_number(text, &shown));
    }
    let exp = if exp_neg {
        format!("-{exp_digits}")
    } else {
        exp_digits.to_string()
    };
    exact(neg, int, frac, &exp).map_err(|e| e.message(&shown))
}

fn not_a_number(text: &str, shown: &str) -> String {
    if text.contains(',') {
        return format!("\"{shown}\" is not a number: write it without thousands separators");
    }
    let lower = text.to_ascii_lowercase();
    if lower.contains("nan") || lower.contains("infinity") {
        return format!("\"{shown}\" is not a finite number");
    }
    format!(
        "\"{shown}\" is not a number: write digits, with a point and a sign if needed, such as \"-1250.50\""
    )
}

/// Why digits could not be read exactly.
enum Inexact {
    TooLarge,
    TooPrecise,
}

impl Inexact {
    fn message(&self, shown: &str) -> String {
        match self {
            Inexact::TooLarge => format!(
                "\"{shown}\" is too large to be read exactly (a decimal has at most 28 significant digits)"
            ),
            Inexact::TooPrecise => format!(
                "\"{shown}\" has too many digits to be read exactly (a decimal has at most 28 significant digits, at most 28 of them after the point)"
            ),
        }
    }
}

/// `±int.frac × 10^exp` as a [`Decimal`] with the scale it was written with (`1.50`
/// stays `1.50`), or why it cannot be held exactly. The digits are ASCII (checked by the
/// callers); `exp` is an optional `-` and digits.
fn exact(neg: bool, int: &str, frac: &str, exp: &str) -> Result<Decimal, Inexact> {
    let significant = format!("{int}{frac}");
    let significant = significant.trim_start_matches('0');
    let (exp_neg, exp_digits) = match exp.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, exp),
    };
    let exp_digits = exp_digits.trim_start_matches('0');
    // Far beyond any scale: the exponent alone decides (and fits an i64 below).
    if exp_digits.len() > 6 && !significant.is_empty() {
        return Err(if exp_neg {
            Inexact::TooPrecise
        } else {
            Inexact::TooLarge
        });
    }
    let e: i64 = exp_digits.parse().unwrap_or(0);
    let e = if exp_neg { -e } else { e };
    let frac_len = i64::try_from(frac.len()).map_err(|_| Inexact::TooPrecise)?;
    let mut scale = frac_len - e;
    if significant.is_empty() {
        // Zero, with the scale it was written with (`0.00`), as far as one can be held.
        let scale = u32::try_from(scale.clamp(0, 28)).unwrap_or(0);
        let zero = Decimal::new(0, scale);
        return Ok(if neg { -zero } else { zero });
    }
    let mut mantissa = significant.to_string();
    if scale < 0 {
        let zeros = usize::try_from(-scale).map_err(|_| Inexact::TooLarge)?;
        if mantissa.len() + zeros > 29 {
            return Err(Inexact::TooLarge);
        }
        mantissa.extend(std::iter::repeat_n('0', zeros));
        scale = 0;
    }
    while scale > 28 && mantissa.ends_with('0') {
        mantissa.pop();
        scale -= 1;
    }
    if scale > 28 {
        return Err(Inexact::TooPrecise);
    }
    let too_many = if scale > 0 {
        Inexact::TooPrecise
    } else {
        Inexact::TooLarge
    };
    if mantissa.len() > 29 {
        return Err(too_many);
    }
    let m: i128 = mantissa.parse().map_err(|_| Inexact::TooLarge)?;
    let scale = u32::try_from(scale).map_err(|_| Inexact::TooPrecise)?;
    let d = Decimal::try_from_i128_with_scale(m, scale).map_err(|_| too_many)?;
    Ok(if neg { -d } else { d })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse_number` reads every JSON5 number form exactly, keeping the written scale.
    #[test]
    fn number_literals_are_read_exactly_in_every_json5_form() {
        for (text, exact) in [
            ("0.1", "0.1"),
            ("15000.00", "15000.00"),
            (".5", "0.5"),
            ("5.", "5"),
            ("+2", "2"),
            ("-1.25", "-1.25"),
            ("1e3", "1000"),
            ("1E+3", "1000"),
            ("1.50e1", "15.0"),
            ("2.5e-3", "0.0025"),
            ("0x1F", "31"),
            ("-0x1f", "-31"),
            ("+0X10", "16"),
            ("0.00", "0.00"),
            ("0e-99999999", "0.0000000000000000000000000000"),
            ("007", "7"),
            // 28 digits after the point, and 29 significant digits below Decimal::MAX.
            (
                "0.1234567890123456789012345678",
                "0.1234567890123456789012345678",
            ),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            // Trailing zeros beyond 28 places are dropped (the value is unchanged).
            (
                "1.500000000000000000000000000000",
                "1.5000000000000000000000000000",
            ),
        ] {
            assert_eq!(parse_number(text).unwrap().to_string(), exact, "{text}");
        }
    }

    #[test]
    fn numbers_that_cannot_be_held_exactly_are_refused_naming_the_limit() {
        let long = format!("0.{}", "3".repeat(400));
        for (text, why) in [
            (long.as_str(), "too many digits"),
            ("0.12345678901234567890123456789", "too many digits"),
            ("79228162514264337593543950336", "too large"),
            ("1e30", "too large"),
            ("1e-40", "too many digits"),
            ("1e99999999999999999999", "too large"),
            ("0x1000000000000000000000000", "too large"),
            ("Infinity", "not a finite number"),
            ("-NaN", "not a finite number"),
            ("1-2", "not a number"),
            ("", "not a number"),
        ] {
            let e = parse_number(text).unwrap_err();
            assert!(e.contains(why), "{text}: {e}");
        }
        assert!(parse_number(&long)
            .unwrap_err()
            .contains("28 significant digits"));
    }

    /// A decimal in a text is what the JSON Schema's pattern allows, nothing more.
    #[test]
    fn decimal_texts_are_digits_only() {
        for (text, exact) in [
            ("15000.00", "15000.00"),
            ("-0.5", "-0.5"),
            ("2e3", "2000"),
            ("0", "0"),
        ] {
            assert_eq!(parse_decimal(text).unwrap().to_string(), exact, "{text}");
        }
        for (text, why) in [
            (" 12 ", "spaces"),
            ("12\n", "spaces"),
            ("0x10", "not a number"),
            ("+2", "not a number"),
            (".5", "not a number"),
            ("5.", "not a number"),
            ("1e-3", "not a number"),
            ("1,000", "separators"),
            ("NaN", "finite"),
            ("-Infinity", "finite"),
            ("abc", "not a number"),
            ("", "empty"),
            ("1e30", "too large"),
        ] {
            let e = parse_decimal(text).unwrap_err();
            assert!(e.contains(why), "{text:?}: {e}");
        }
    }
}
