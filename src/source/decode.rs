//! Typed reading of a [`Node`] tree that never stops at the first problem.
//!
//! Each accessor returns `Option<T>`: `None` means the value was missing or wrong, and a
//! diagnostic saying so (with path and line:column) has been recorded. Decoders use
//! these to build their model and report every error of a document at once.

use super::node::{child_path, shorten};
use super::{Diagnostic, Diagnostics, Node, Severity, Value};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A value was present but wrong; the diagnostic saying so is already recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported;

/// Moves a decoded value into the model being built, and says whether it was decoded.
///
/// Decoders fill a default model field by field instead of holding every field in its own
/// `Option` until the end: that keeps the code (and the wasm) free of long drop ladders.
pub fn put<T>(slot: &mut T, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = v;
            true
        }
        None => false,
    }
}

/// Collects diagnostics while typed values are read out of a node tree.
#[derive(Debug, Default)]
pub struct Decoder {
    pub diags: Diagnostics,
}

impl Decoder {
    pub fn new() -> Self {
        Decoder::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Records an error at `n`, writing its message only if it will be kept.
    fn fail(&mut self, n: &Node, message: impl FnOnce() -> String) {
        self.diags.push_with(Severity::Error, || n.error(message()));
    }

    /// The members of an object, or an error if `n` is something else.
    pub fn object<'n>(&mut self, n: &'n Node) -> Option<&'n [(String, Node)]> {
        match &n.value {
            Value::Object(props) => Some(props),
            _ => {
                self.fail(n, || format!("expected an object, found {}", n.describe()));
                None
            }
        }
    }

    /// The elements of a list, or an error if `n` is something else.
    pub fn array<'n>(&mut self, n: &'n Node) -> Option<&'n [Node]> {
        match &n.value {
            Value::Array(items) => Some(items),
            _ => {
                self.fail(n, || format!("expected a list, found {}", n.describe()));
                None
            }
        }
    }

    /// Reports keys that appear more than once in an object (any key is allowed).
    pub fn check_repeats(&mut self, n: &Node) {
        self.check(n, None);
    }

    /// Checks an object's keys: repeated keys are errors; keys outside `known` are
    /// errors when `strict` (scenarios: a typo must not be ignored), else warnings.
    pub fn check_keys(&mut self, n: &Node, known: &[&str], strict: bool) {
        self.check(n, Some((known, strict)));
    }

    /// Repeated keys (found through the object's index, not pairwise) and, with a list of
    /// known keys, unknown ones.
    fn check(&mut self, n: &Node, known: Option<(&[&str], bool)>) {
        let Value::Object(members) = &n.value else {
            return;
        };
        let mut repeated = members.repeated().into_iter().peekable();
        for (i, (key, value)) in members.iter().enumerate() {
            if repeated.next_if_eq(&i).is_some() {
                self.fail(value, || {
                    format!("the key \"{}\" appears more than once", shorten(key))
                });
                continue;
            }
            let Some((known, strict)) = known else {
                continue;
            };
            if known.contains(&key.as_str()) {
                continue;
            }
            let severity = if strict {
                Severity::Error
            } else {
                Severity::Warning
            };
            self.diags.push_with(severity, || {
                let hint = suggestion(key, known)
                    .map(|s| format!(" (did you mean \"{s}\"?)"))
                    .unwrap_or_default();
                let msg = format!("unknown field \"{}\"{hint}", shorten(key));
                if strict {
                    value.error(msg)
                } else {
                    value.warning(msg)
                }
            });
        }
    }

    /// A member that must be present.
    pub fn required<'n>(&mut self, obj: &'n Node, key: &str) -> Option<&'n Node> {
        if !matches!(obj.value, Value::Object(_)) {
            return None;
        }
        let found = obj.get(key);
        if found.is_none() {
            self.diags.push_with(Severity::Error, || {
                Diagnostic::error(child_path(&obj.path(), key), "is missing")
                    .at(obj.line, obj.column)
            });
        }
        found
    }

    pub fn string(&mut self, n: &Node) -> Option<String> {
        match &n.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.fail(n, || format!("expected a text, found {}", n.describe()));
                None
            }
        }
    }

    pub fn boolean(&mut self, n: &Node) -> Option<bool> {
        match &n.value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.fail(n, || {
                    format!("expected true or false, found {}", n.describe())
                });
                None
            }
        }
    }

    /// An exact decimal from a number (any JSON5 number but `Infinity` and `NaN`) or a
    /// text of digits (see [`parse_decimal`]).
    pub fn decimal(&mut self, n: &Node) -> Option<Decimal> {
        let read = match &n.value {
            Value::Number(t) => parse_number(t),
            Value::String(t) => parse_decimal(t),
            _ => {
                self.fail(n, || {
                    format!(
                        "expected a decimal (a number or a string such as \"15000.00\"), found {}",
                        n.describe()
                    )
                });
                return None;
            }
        };
        match read {
            Ok(d) => Some(d),
            Err(why) => {
                self.fail(n, || why);
                None
            }
        }
    }

    /// A whole number from 0 to `u32::MAX`, written as a number (`7`, `7.0`, `1e2`,
    /// `0x10`), not as a text.
    pub fn whole(&mut self, n: &Node) -> Option<u32> {
        if let Value::String(_) = n.value {
            self.fail(n, || {
                format!(
                    "expected a whole number written without quotes, found {}",
                    n.describe()
                )
            });
            return None;
        }
        let d = self.decimal(n)?;
        if d.trunc() != d {
            self.fail(n, || {
                format!("must be a whole number, found {}", n.describe())
            });
            return None;
        }
        if d.is_sign_negative() && !d.is_zero() {
            self.fail(n, || {
                format!("must not be negative, found {}", n.describe())
            });
            return None;
        }
        match d.to_u32() {
            Some(v) => Some(v),
            None => {
                self.fail(n, || format!("{} is too large", n.describe()));
                None
            }
        }
    }

    /// A `YYYY-MM-DD` date, kept as its text.
    pub fn date_text(&mut self, n: &Node) -> Option<String> {
        let s = self.string(n)?;
        if parse_date(&s).is_some() {
            return Some(s);
        }
        self.fail(n, || {
            format!("expected a date written YYYY-MM-DD, found {}", n.describe())
        });
        None
    }

    /// A list of texts.
    pub fn strings(&mut self, n: &Node) -> Option<Vec<String>> {
        let items = self.array(n)?;
        self.each(items, Decoder::string)
    }

    /// Decodes every element; `None` if any failed (each failure is still reported, and
    /// nothing is kept after the first: a failed list costs no memory per element).
    pub fn each<T>(
        &mut self,
        items: &[Node],
        decode: impl Fn(&mut Decoder, &Node) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut out = Some(Vec::new());
        for item in items {
            match (decode(self, item), &mut out) {
                (Some(t), Some(list)) => list.push(t),
                (None, _) => out = None,
                (Some(_), None) => {}
            }
        }
        out
    }

    pub fn req_string(&mut self, obj: &Node, key: &str) -> Option<String> {
        self.required(obj, key).and_then(|n| self.string(n))
    }

    pub fn req_decimal(&mut self, obj: &Node, key: &str) -> Option<Decimal> {
        self.required(obj, key).and_then(|n| self.decimal(n))
    }

    pub fn req_whole(&mut self, obj: &Node, key: &str) -> Option<u32> {
        self.required(obj, key).and_then(|n| self.whole(n))
    }

    /// An optional text that defaults to empty; `None` when present but not a text.
    pub fn text_or_empty(&mut self, obj: &Node, key: &str) -> Option<String> {
        match obj.get(key) {
            None => Some(String::new()),
            Some(n) => self.string(n),
        }
    }

    /// An optional text: `Ok(None)` when absent, `Err(())` when present but wrong.
    pub fn opt_string(&mut self, obj: &Node, key: &str) -> Result<Option<String>, Reported> {
        match obj.get(key) {
            None => Ok(None),
            Some(n) => self.string(n).map(Some).ok_or(Reported),
        }
    }

    pub fn opt_decimal(&mut self, obj: &Node, key: &str) -> Result<Option<Decimal>, Reported> {
        match obj.get(key) {
            None => Ok(None),
            Some(n) => self.decimal(n).map(Some).ok_or(Reported),
        }
    }

    pub fn opt_whole(&mut self, obj: &Node, key: &str) -> Result<Option<u32>, Reported> {
        match obj.get(key) {
            None => Ok(None),
            Some(n) => self.whole(n).map(Some).ok_or(Reported),
        }
    }

    pub fn opt_bool(&mut self, obj: &Node, key: &str) -> Result<Option<bool>, Reported> {
        match obj.get(key) {
            None => Ok(None),
            Some(n) => self.boolean(n).map(Some).ok_or(Reported),
        }
    }
}

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

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<time::Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month: u8 = m.parse().ok()?;
    let day: u8 = d.parse().ok()?;
    let month = time::Month::try_from(month).ok()?;
    time::Date::from_calendar_date(year, month, day).ok()
}

/// Keys longer than this (in bytes) get no "did you mean": no known key is that long.
const MAX_TYPO_BYTES: usize = 64;

/// The known key closest to a mistyped one, if it is close enough to be a typo. Costs at
/// most [`MAX_TYPO_BYTES`] × the known keys' length, whatever the key.
fn suggestion<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    if key.len() > MAX_TYPO_BYTES {
        return None;
    }
    known
        .iter()
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
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

    #[test]
    fn whole_numbers_are_numbers_not_texts() {
        let root =
            crate::source::parse(r#"{a: 7, b: "7", c: 7.0, d: 1e2, e: 0x10, f: 7.5, g: -1}"#)
                .unwrap();
        let mut d = Decoder::new();
        let read: Vec<Option<u32>> = ["a", "b", "c", "d", "e", "f", "g"]
            .iter()
            .map(|k| d.req_whole(&root, k))
            .collect();
        assert_eq!(
            read,
            [Some(7), None, Some(7), Some(100), Some(16), None, None]
        );
        let messages: Vec<String> = d.diags.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            messages,
            [
                "error: b: expected a whole number written without quotes, found \"7\"",
                "error: f: must be a whole number, found 7.5",
                "error: g: must not be negative, found -1",
            ]
        );
    }

    #[test]
    fn typo_suggestions() {
        assert_eq!(
            suggestion("anual_fee", &["annual_fee", "hub_limit"]),
            Some("annual_fee")
        );
        assert_eq!(suggestion("zzz", &["annual_fee"]), None);
        assert_eq!(
            suggestion(&"annual_fee".repeat(100_000), &["annual_fee"]),
            None
        );
    }

    #[test]
    fn repeated_and_unknown_keys_in_document_order() {
        let root = crate::source::parse("{a: 1, b: 2, a: 3, fromat: 4, b: 5}").unwrap();
        let mut d = Decoder::new();
        d.check_keys(&root, &["a", "b", "format"], true);
        let messages: Vec<String> = d.diags.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            messages,
            [
                "error: a: the key \"a\" appears more than once",
                "error: fromat: unknown field \"fromat\" (did you mean \"format\"?)",
                "error: b: the key \"b\" appears more than once",
            ]
        );
    }

    #[test]
    fn dates() {
        assert!(parse_date("2025-08-25").is_some());
        assert!(parse_date("2025-02-30").is_none());
        assert!(parse_date("25-08-25").is_none());
    }
}
