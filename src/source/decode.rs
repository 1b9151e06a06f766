//! Typed reading of a [`Node`] tree that never stops at the first problem.
//!
//! Each accessor returns `Option<T>`: `None` means the value was missing or wrong, and a
//! diagnostic saying so (with path and line:column) has been recorded. Decoders use
//! these to build their model and report every error of a document at once.

use super::diagnostic::{shorten, Diagnostic, Diagnostics, Severity};
use super::node::{child_path, Node, Value};
use super::number::{parse_decimal, parse_number};
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

    /// Records an error at `n`, writing its message (and its path) only if it will be
    /// kept: a document with a million errors costs no million messages.
    pub fn fail(&mut self, n: &Node, message: impl FnOnce() -> String) {
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
