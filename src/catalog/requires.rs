//! The v2 `requires` language: leaves comparing another item's current value, combined
//! with `allOf` / `anyOf` / `not`, evaluated within one tier.

use crate::source::{Decoder, Node, Value};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// A value a requirement compares against, or an item's current value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Number(Decimal),
    Text(String),
    Null,
}

impl Scalar {
    /// JavaScript truthiness, as the Hub Configurator evaluates it.
    pub fn truthy(&self) -> bool {
        match self {
            Scalar::Bool(b) => *b,
            Scalar::Number(n) => !n.is_zero(),
            Scalar::Text(s) => !s.is_empty(),
            Scalar::Null => false,
        }
    }

    /// JavaScript's `Number(x)` when it is finite: `"3"` → 3, `true` → 1, `""` → 0.
    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            Scalar::Bool(b) => Some(Decimal::from(u8::from(*b))),
            Scalar::Number(n) => Some(*n),
            Scalar::Text(s) if s.trim().is_empty() => Some(Decimal::ZERO),
            Scalar::Text(s) => crate::source::parse_number(s.trim()).ok(),
            Scalar::Null => Some(Decimal::ZERO),
        }
    }

    /// Equality as the configurator means it: same type and value, with numbers and
    /// numeric texts compared as numbers (select values are texts such as `"3"`).
    pub fn same(&self, other: &Scalar) -> bool {
        match (self, other) {
            (Scalar::Number(_), Scalar::Text(_)) | (Scalar::Text(_), Scalar::Number(_)) => {
                matches!((self.as_number(), other.as_number()), (Some(a), Some(b)) if a == b)
            }
            _ => self == other,
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(b) => write!(f, "{}", if *b { "yes" } else { "no" }),
            Scalar::Number(n) => write!(f, "{n}"),
            Scalar::Text(s) => write!(f, "\"{s}\""),
            Scalar::Null => write!(f, "nothing"),
        }
    }
}

/// The comparison of a leaf.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase", tag = "op", content = "value")]
pub enum Op {
    Truthy,
    Falsy,
    Eq(Scalar),
    Neq(Scalar),
    In(Vec<Scalar>),
    Nin(Vec<Scalar>),
    Gt(Decimal),
    Gte(Decimal),
    Lt(Decimal),
    Lte(Decimal),
}

/// A requirement on other items' values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Requires {
    Leaf {
        id: String,
        #[serde(flatten)]
        op: Op,
    },
    AllOf {
        #[serde(rename = "allOf")]
        all_of: Vec<Requires>,
    },
    AnyOf {
        #[serde(rename = "anyOf")]
        any_of: Vec<Requires>,
    },
    Not {
        not: Box<Requires>,
    },
}

impl Requires {
    /// Evaluates against `value_of(item id)`, the item's current value in the tier.
    pub fn holds(&self, value_of: &dyn Fn(&str) -> Scalar) -> bool {
        match self {
            Requires::Leaf { id, op } => {
                let v = value_of(id);
                match op {
                    Op::Truthy => v.truthy(),
                    Op::Falsy => !v.truthy(),
                    Op::Eq(x) => v.same(x),
                    Op::Neq(x) => !v.same(x),
                    Op::In(xs) => xs.iter().any(|x| v.same(x)),
                    Op::Nin(xs) => !xs.iter().any(|x| v.same(x)),
                    Op::Gt(n) => v.as_number().is_some_and(|a| a > *n),
                    Op::Gte(n) => v.as_number().is_some_and(|a| a >= *n),
                    Op::Lt(n) => v.as_number().is_some_and(|a| a < *n),
                    Op::Lte(n) => v.as_number().is_some_and(|a| a <= *n),
                }
            }
            Requires::AllOf { all_of } => all_of.iter().all(|r| r.holds(value_of)),
            Requires::AnyOf { any_of } => any_of.iter().any(|r| r.holds(value_of)),
            Requires::Not { not } => !not.holds(value_of),
        }
    }

    /// Every item id the requirement reads.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Requires::Leaf { id, .. } => vec![id.as_str()],
            Requires::AllOf { all_of: rs } | Requires::AnyOf { any_of: rs } => {
                rs.iter().flat_map(Requires::ids).collect()
            }
            Requires::Not { not } => not.ids(),
        }
    }

    /// A plain sentence, with item labels from `label_of`: `Dynamic Image Building is on`.
    pub fn describe(&self, label_of: &dyn Fn(&str) -> String) -> String {
        match self {
            Requires::Leaf { id, op } => {
                let l = label_of(id);
                let list = |xs: &[Scalar]| {
                    xs.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                match op {
                    Op::Truthy => format!("{l} is on"),
                    Op::Falsy => format!("{l} is off"),
                    Op::Eq(x) => format!("{l} is {x}"),
                    Op::Neq(x) => format!("{l} is not {x}"),
                    Op::In(xs) => format!("{l} is one of {}", list(xs)),
                    Op::Nin(xs) => format!("{l} is none of {}", list(xs)),
                    Op::Gt(n) => format!("{l} is above {n}"),
                    Op::Gte(n) => format!("{l} is at least {n}"),
                    Op::Lt(n) => format!("{l} is below {n}"),
                    Op::Lte(n) => format!("{l} is at most {n}"),
                }
            }
            Requires::AllOf { all_of } => join(all_of, " and ", label_of),
            Requires::AnyOf { any_of } => join(any_of, " or ", label_of),
            Requires::Not { not } => format!("not ({})", not.describe(label_of)),
        }
    }
}

fn join(rs: &[Requires], sep: &str, label_of: &dyn Fn(&str) -> String) -> String {
    let parts: Vec<String> = rs.iter().map(|r| r.describe(label_of)).collect();
    format!("({})", parts.join(sep))
}

const LEAF_KEYS: &[&str] = &["id", "op", "value"];

/// Decodes a `requires` clause, reporting unknown operators and wrongly typed values.
pub fn decode(d: &mut Decoder, n: &Node) -> Option<Requires> {
    d.object(n)?;
    let combinator = ["allOf", "anyOf", "not"]
        .into_iter()
        .find(|k| n.get(k).is_some());
    if let Some(key) = combinator {
        return decode_combinator(d, n, key);
    }
    d.check_keys(n, LEAF_KEYS, false);
    let id = d.req_string(n, "id");
    let op = decode_op(d, n);
    Some(Requires::Leaf { id: id?, op: op? })
}

/// `allOf` / `anyOf` (a list of at least one clause) or `not` (one clause).
fn decode_combinator(d: &mut Decoder, n: &Node, key: &str) -> Option<Requires> {
    d.check_keys(n, &[key], false);
    let inner = n.get(key)?;
    if key == "not" {
        return decode(d, inner).map(|r| Requires::Not { not: Box::new(r) });
    }
    let items = d.array(inner)?;
    if items.is_empty() {
        d.fail(inner, || format!("{key} needs at least one clause"));
        return None;
    }
    let parts: Vec<Option<Requires>> = items.iter().map(|i| decode(d, i)).collect();
    let parts: Vec<Requires> = parts.into_iter().collect::<Option<_>>()?;
    Some(if key == "allOf" {
        Requires::AllOf { all_of: parts }
    } else {
        Requires::AnyOf { any_of: parts }
    })
}

/// A leaf's operator with the value it compares with.
fn decode_op(d: &mut Decoder, n: &Node) -> Option<Op> {
    let op_node = d.required(n, "op");
    let op_name = op_node.and_then(|o| d.string(o));
    let value = n.get("value");
    match (op_name.as_deref(), op_node) {
        (Some("truthy"), _) => Some(Op::Truthy),
        (Some("falsy"), _) => Some(Op::Falsy),
        (Some(name @ ("eq" | "neq")), _) => {
            let v = value_for(d, n, value, name)?;
            let v = scalar(d, v)?;
            Some(if name == "eq" { Op::Eq(v) } else { Op::Neq(v) })
        }
        (Some(name @ ("in" | "nin")), _) => {
            let v = value_for(d, n, value, name)?;
            let list = d.array(v)?;
            let v = list
                .iter()
                .map(|i| scalar(d, i))
                .collect::<Option<Vec<_>>>()?;
            Some(if name == "in" { Op::In(v) } else { Op::Nin(v) })
        }
        (Some(name @ ("gt" | "gte" | "lt" | "lte")), _) => {
            let v = value_for(d, n, value, name)?;
            comparison(d, name, v)
        }
        (Some(other), Some(o)) => {
            d.fail(o, || format!(
                "unknown operator \"{other}\" (expected truthy, falsy, eq, neq, in, nin, gt, gte, lt or lte)"
            ));
            None
        }
        _ => None,
    }
}

/// `gt`, `gte`, `lt`, `lte`: they compare with a number.
fn comparison(d: &mut Decoder, name: &str, v: &Node) -> Option<Op> {
    let Value::Number(_) = &v.value else {
        d.fail(v, || {
            format!(
                "the operator \"{name}\" compares with a number, found {}",
                v.describe()
            )
        });
        return None;
    };
    let v = d.decimal(v)?;
    Some(match name {
        "gt" => Op::Gt(v),
        "gte" => Op::Gte(v),
        "lt" => Op::Lt(v),
        _ => Op::Lte(v),
    })
}

/// The node an operator compares with, or an error saying it is missing.
fn value_for<'n>(
    d: &mut Decoder,
    leaf: &Node,
    value: Option<&'n Node>,
    op: &str,
) -> Option<&'n Node> {
    if value.is_none() {
        d.fail(leaf, || format!("the operator \"{op}\" needs a \"value\""));
    }
    value
}

fn scalar(d: &mut Decoder, n: &Node) -> Option<Scalar> {
    match &n.value {
        Value::Bool(b) => Some(Scalar::Bool(*b)),
        Value::String(s) => Some(Scalar::Text(s.clone())),
        Value::Null => Some(Scalar::Null),
        Value::Number(_) => d.decimal(n).map(Scalar::Number),
        _ => {
            d.fail(n, || {
                format!(
                    "expected a text, number or true/false to compare with, found {}",
                    n.describe()
                )
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    fn req(text: &str) -> Requires {
        let mut d = Decoder::new();
        let r = decode(&mut d, &parse(text).unwrap());
        assert!(d.diags.is_empty(), "{}", d.diags);
        r.unwrap()
    }

    fn values(id: &str) -> Scalar {
        match id {
            "switch" => Scalar::Bool(true),
            "scale" => Scalar::Text("3".into()),
            "mode" => Scalar::Text("opt2".into()),
            "empty" => Scalar::Text(String::new()),
            _ => Scalar::Null,
        }
    }

    #[test]
    fn every_operator_and_combinator() {
        let cases = [
            (r#"{"id":"switch","op":"truthy"}"#, true),
            (r#"{"id":"empty","op":"truthy"}"#, false),
            (r#"{"id":"empty","op":"falsy"}"#, true),
            (r#"{"id":"mode","op":"eq","value":"opt2"}"#, true),
            (r#"{"id":"mode","op":"neq","value":"opt2"}"#, false),
            (r#"{"id":"scale","op":"eq","value":3}"#, true),
            (r#"{"id":"mode","op":"in","value":["opt3","opt4"]}"#, false),
            (r#"{"id":"mode","op":"nin","value":["opt3","opt4"]}"#, true),
            (r#"{"id":"scale","op":"gte","value":3}"#, true),
            (r#"{"id":"scale","op":"gt","value":3}"#, false),
            (r#"{"id":"scale","op":"lt","value":5}"#, true),
            (r#"{"id":"scale","op":"lte","value":2}"#, false),
            (r#"{"id":"mode","op":"gte","value":0}"#, false), // "opt2" is not a number
            (r#"{"id":"switch","op":"gte","value":1}"#, true), // true → 1
            (
                r#"{"allOf":[{"id":"switch","op":"truthy"},{"id":"scale","op":"gte","value":3}]}"#,
                true,
            ),
            (
                r#"{"anyOf":[{"id":"mode","op":"in","value":["opt3"]},{"id":"empty","op":"truthy"}]}"#,
                false,
            ),
            (r#"{"not":{"id":"mode","op":"eq","value":"opt4"}}"#, true),
        ];
        for (text, expected) in cases {
            assert_eq!(req(text).holds(&values), expected, "{text}");
        }
    }

    #[test]
    fn bad_clauses_are_reported() {
        for (text, needle) in [
            (r#"{"id":"x","op":"between"}"#, "unknown operator"),
            (
                r#"{"id":"x","op":"gt","value":"3"}"#,
                "compares with a number",
            ),
            (r#"{"id":"x","op":"in","value":"a"}"#, "expected a list"),
            (r#"{"id":"x","op":"eq"}"#, "needs a \"value\""),
            (r#"{"op":"truthy"}"#, "id: is missing"),
            (r#"{"allOf":[]}"#, "at least one"),
        ] {
            let mut d = Decoder::new();
            let r = decode(&mut d, &parse(text).unwrap());
            assert!(r.is_none(), "{text}");
            assert!(d.diags.to_string().contains(needle), "{text}: {}", d.diags);
        }
    }
}
