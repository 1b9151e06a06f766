//! Typed reading of a [`Node`] tree that never stops at the first problem.
//!
//! Each accessor returns `Option<T>`: `None` means the value was missing or wrong, and a
//! diagnostic saying so (with path and line:column) has been recorded. Decoders use
//! these to build their model and report every error of a document at once.

use super::node::child_path;
use super::{Diagnostic, Diagnostics, Node, Value};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::str::FromStr;

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

    /// The members of an object, or an error if `n` is something else.
    pub fn object<'n>(&mut self, n: &'n Node) -> Option<&'n [(String, Node)]> {
        match &n.value {
            Value::Object(props) => Some(props),
            _ => {
                self.push(n.error(format!("expected an object, found {}", n.describe())));
                None
            }
        }
    }

    /// The elements of a list, or an error if `n` is something else.
    pub fn array<'n>(&mut self, n: &'n Node) -> Option<&'n [Node]> {
        match &n.value {
            Value::Array(items) => Some(items),
            _ => {
                self.push(n.error(format!("expected a list, found {}", n.describe())));
                None
            }
        }
    }

    /// Reports keys that appear more than once in an object (any key is allowed).
    pub fn check_repeats(&mut self, n: &Node) {
        let Value::Object(props) = &n.value else {
            return;
        };
        for (i, (key, value)) in props.iter().enumerate() {
            if props.iter().take(i).any(|(k, _)| k == key) {
                self.push(value.error(format!("the key \"{key}\" appears more than once")));
            }
        }
    }

    /// Checks an object's keys: repeated keys are errors; keys outside `known` are
    /// errors when `strict` (scenarios: a typo must not be ignored), else warnings.
    pub fn check_keys(&mut self, n: &Node, known: &[&str], strict: bool) {
        let Value::Object(props) = &n.value else {
            return;
        };
        for (i, (key, value)) in props.iter().enumerate() {
            if props.iter().take(i).any(|(k, _)| k == key) {
                self.push(value.error(format!("the key \"{key}\" appears more than once")));
            } else if !known.contains(&key.as_str()) {
                let hint = suggestion(key, known)
                    .map(|s| format!(" (did you mean \"{s}\"?)"))
                    .unwrap_or_default();
                let msg = format!("unknown field \"{key}\"{hint}");
                self.push(if strict {
                    value.error(msg)
                } else {
                    value.warning(msg)
                });
            }
        }
    }

    /// A member that must be present.
    pub fn required<'n>(&mut self, obj: &'n Node, key: &str) -> Option<&'n Node> {
        if !matches!(obj.value, Value::Object(_)) {
            return None;
        }
        let found = obj.get(key);
        if found.is_none() {
            self.push(
                Diagnostic::error(child_path(&obj.path, key), "is missing")
                    .at(obj.line, obj.column),
            );
        }
        found
    }

    pub fn string(&mut self, n: &Node) -> Option<String> {
        match &n.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.push(n.error(format!("expected a text, found {}", n.describe())));
                None
            }
        }
    }

    pub fn boolean(&mut self, n: &Node) -> Option<bool> {
        match &n.value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.push(n.error(format!("expected true or false, found {}", n.describe())));
                None
            }
        }
    }

    /// An exact decimal from a number or a numeric string.
    pub fn decimal(&mut self, n: &Node) -> Option<Decimal> {
        let text = match &n.value {
            Value::Number(t) | Value::String(t) => t,
            _ => {
                self.push(n.error(format!(
                    "expected a decimal (a number or a string such as \"15000.00\"), found {}",
                    n.describe()
                )));
                return None;
            }
        };
        match parse_decimal(text) {
            Ok(d) => Some(d),
            Err(why) => {
                self.push(n.error(why));
                None
            }
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn whole(&mut self, n: &Node) -> Option<u32> {
        let d = self.decimal(n)?;
        if d.trunc() != d {
            self.push(n.error(format!("must be a whole number, found {}", n.describe())));
            return None;
        }
        if d.is_sign_negative() && !d.is_zero() {
            self.push(n.error(format!("must not be negative, found {}", n.describe())));
            return None;
        }
        match d.to_u32() {
            Some(v) => Some(v),
            None => {
                self.push(n.error(format!("{} is too large", n.describe())));
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
        self.push(n.error(format!(
            "expected a date written YYYY-MM-DD, found {}",
            n.describe()
        )));
        None
    }

    /// A list of texts.
    pub fn strings(&mut self, n: &Node) -> Option<Vec<String>> {
        let items = self.array(n)?;
        self.each(items, Decoder::string)
    }

    /// Decodes every element; `None` if any failed (each failure is still reported).
    pub fn each<T>(
        &mut self,
        items: &[Node],
        decode: impl Fn(&mut Decoder, &Node) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match decode(self, item) {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
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

/// Parses a decimal the way a person writes it: `12`, `-0.5`, `.5`, `1e3`, `+2`, `0x1F`.
/// Refuses NaN, infinities, thousands separators and anything beyond `Decimal`'s range,
/// with a sentence saying which.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    let shown = if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    };
    if t.is_empty() {
        return Err("expected a number, found an empty text".into());
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("nan") || lower.contains("infinity") {
        return Err(format!("\"{shown}\" is not a finite number"));
    }
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let magnitude = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        u64::from_str_radix(hex, 16)
            .map(Decimal::from)
            .map_err(|_| format!("\"{shown}\" is not a number"))?
    } else {
        if body.contains(',') {
            return Err(format!(
                "\"{shown}\" is not a number: write it without thousands separators"
            ));
        }
        let ok_chars = body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
        if !ok_chars || !body.chars().any(|c| c.is_ascii_digit()) {
            return Err(format!("\"{shown}\" is not a number"));
        }
        let normal = if body.starts_with('.') {
            format!("0{body}")
        } else {
            body.to_string()
        };
        let normal = normal.replace(".e", "e").replace(".E", "E");
        let normal = normal.strip_suffix('.').unwrap_or(&normal);
        let parsed = if normal.contains(['e', 'E']) {
            Decimal::from_scientific(normal)
        } else {
            Decimal::from_str(normal)
        };
        parsed.map_err(|_| {
            let digits = normal.split(['e', 'E', '.']).next().map_or(0, str::len);
            if digits > 20 || normal.contains(['e', 'E']) {
                format!("\"{shown}\" is too large (or too precise) to be a price or a quantity")
            } else {
                format!("\"{shown}\" is not a number")
            }
        })?
    };
    Ok(if neg { -magnitude } else { magnitude })
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

/// The known key closest to a mistyped one, if it is close enough to be a typo.
fn suggestion<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
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

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn decimals_are_exact_and_forgiving_of_json5_forms() {
        assert_eq!(parse_decimal("0.1").unwrap(), dec("0.1"));
        assert_eq!(parse_decimal(".5").unwrap(), dec("0.5"));
        assert_eq!(parse_decimal("5.").unwrap(), dec("5"));
        assert_eq!(parse_decimal("+2").unwrap(), dec("2"));
        assert_eq!(parse_decimal("-1.25").unwrap(), dec("-1.25"));
        assert_eq!(parse_decimal("1e3").unwrap(), dec("1000"));
        assert_eq!(parse_decimal("0x1F").unwrap(), dec("31"));
    }

    #[test]
    fn bad_numbers_say_why() {
        assert!(parse_decimal("NaN").unwrap_err().contains("finite"));
        assert!(parse_decimal("-Infinity").unwrap_err().contains("finite"));
        assert!(parse_decimal("1e30").unwrap_err().contains("too large"));
        assert!(parse_decimal("1,000").unwrap_err().contains("separators"));
        assert!(parse_decimal("abc").unwrap_err().contains("not a number"));
        assert!(parse_decimal("").unwrap_err().contains("empty"));
        assert!(parse_decimal("1-2").is_err());
    }

    #[test]
    fn typo_suggestions() {
        assert_eq!(
            suggestion("anual_fee", &["annual_fee", "hub_limit"]),
            Some("annual_fee")
        );
        assert_eq!(suggestion("zzz", &["annual_fee"]), None);
    }

    #[test]
    fn dates() {
        assert!(parse_date("2025-08-25").is_some());
        assert!(parse_date("2025-02-30").is_none());
        assert!(parse_date("25-08-25").is_none());
    }
}
