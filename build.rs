//! Prepares the embedded catalog (`public/catalog.json5`) once, at build time:
//! - its SHA-256, which quotes cite (computed here so the web app never hashes it);
//! - a copy in strict JSON without comments and blank space (keys quoted, no trailing
//!   commas, every number keeps its exact text), which is what the web app downloads and
//!   parses at every start (a third smaller), with the JSON reader alone: the app's
//!   first download carries none of JSON5's extras.
//!
//! `tests/catalogs.rs` proves that the copy decodes to the same catalog as the file.

use jsonc_parser::ast::Value;
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::Path;

const CATALOG: &str = "public/catalog.json5";

fn main() {
    println!("cargo:rerun-if-changed={CATALOG}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(CATALOG).unwrap_or_else(|e| panic!("{CATALOG}: {e}"));

    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(text.as_bytes()) {
        let _ = write!(hex, "{b:02x}");
    }

    let options = jsonc_parser::CollectOptions {
        comments: jsonc_parser::CommentCollectionStrategy::Off,
        tokens: false,
    };
    let parsed = jsonc_parser::parse_to_ast(&text, &options, &Default::default())
        .unwrap_or_else(|e| panic!("{CATALOG}: {e}"));
    let mut json = String::with_capacity(text.len());
    if let Some(value) = &parsed.value {
        write_json(value, &mut json);
    }

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    std::fs::write(out.join("catalog.min.json"), json).expect("write the minified catalog");
    std::fs::write(out.join("catalog.sha256"), hex).expect("write the catalog hash");
}

/// Appends `v` as compact JSON.
fn write_json(v: &Value, out: &mut String) {
    match v {
        Value::StringLit(s) => out.push_str(&quoted(&s.value)),
        Value::NumberLit(n) => out.push_str(&json_number(n.value)),
        Value::BooleanLit(b) => out.push_str(if b.value { "true" } else { "false" }),
        Value::NullKeyword(_) => out.push_str("null"),
        Value::Array(a) => {
            out.push('[');
            for (i, e) in a.elements.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(e, out);
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, p) in o.properties.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&quoted(p.name.as_str()));
                out.push(':');
                write_json(&p.value, out);
            }
            out.push('}');
        }
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a text is always JSON")
}

/// A JSON5 number literal as JSON, with the same value and digits: `+1` → `1`, `.5` →
/// `0.5`, `5.` → `5`, hex → decimal. `Infinity` and `NaN` have no JSON form (and no
/// catalog field takes them).
fn json_number(n: &str) -> String {
    let (sign, body) = match n.as_bytes().first() {
        Some(b'-') => ("-", &n[1..]),
        Some(b'+') => ("", &n[1..]),
        _ => ("", n),
    };
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        let v = u128::from_str_radix(hex, 16).unwrap_or_else(|e| panic!("{CATALOG}: {n}: {e}"));
        return format!("{sign}{v}");
    }
    assert!(
        body.starts_with(|c: char| c.is_ascii_digit() || c == '.'),
        "{CATALOG}: {n} has no JSON form"
    );
    let body = body.replacen(".e", "e", 1).replacen(".E", "E", 1);
    let body = body.strip_suffix('.').unwrap_or(&body);
    let lead = if body.starts_with('.') { "0" } else { "" };
    format!("{sign}{lead}{body}")
}
