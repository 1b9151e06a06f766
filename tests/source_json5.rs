//! JSON5 conformance of the reader (`src/source/json5.rs`): every input of the table is
//! accepted or rejected exactly as the JSON5 reference implementation (json5 2.2.3,
//! `JSON5.parse`) does — the spec's examples (comments, trailing commas, single quotes,
//! unquoted keys, hex, `+1`, `.5`, `5.`, `Infinity`/`NaN`, line continuations, Unicode
//! white space and the byte-order mark) and the mistakes around them (missing commas,
//! leading zeros, raw line breaks in texts, bad escapes). Then the few documented
//! differences, and what syntax errors say. Then the same reader in its JSON dialect
//! (`parse_json`, for the texts the program writes): every input of its table is
//! accepted or rejected exactly as RFC 8259 (and serde_json, its reference here) does.

#![cfg(not(target_arch = "wasm32"))] // native only: the wasm32 build runs tests/wasm_engine.rs

use hubquote::source::{parse, parse_json, Node, Value};

/// (input, whether JSON5 accepts it).
const TABLE: &[(&str, bool)] = &[
    ("{}", true),
    ("[]", true),
    ("{a:1}", true),
    ("{a:1,}", true),
    ("[1,]", true),
    ("[1,,]", false),
    ("[,]", false),
    ("{,}", false),
    ("{a:1,,b:2}", false),
    ("{to: 100 price: 5}", false),
    ("[{} {}]", false),
    ("[1 2]", false),
    ("'single'", true),
    ("'a\"b'", true),
    ("\"a'b\"", true),
    ("{'k': 1}", true),
    ("{$a_1: 1}", true),
    ("{_: 1}", true),
    ("{a-b: 1}", false),
    ("{1: 2}", false),
    ("{1a: 2}", false),
    ("{true: 1}", true),
    ("{null: 1}", true),
    ("{Infinity: 1}", true),
    ("{NaN: 1}", true),
    ("{while: 1}", true),
    ("{\\u0061b: 1}", true),
    ("{a\\u0062: 1}", true),
    ("{\u{e9}: 1}", true),
    ("{\u{6771}\u{4eac}: 1}", true),
    ("{a\u{200c}b: 1}", true),
    ("0x1F", true),
    ("0X1f", true),
    ("-0x1F", true),
    ("+0x1F", true),
    ("0x", false),
    ("0x1.5", false),
    ("+1", true),
    ("+-1", false),
    ("-+1", false),
    ("--1", false),
    (".5", true),
    ("5.", true),
    ("-.5", true),
    ("+.5", true),
    ("5.e3", true),
    (".e3", false),
    (".", false),
    ("1e5", true),
    ("1E+5", true),
    ("1e-5", true),
    ("1e", false),
    ("01", false),
    ("-01", false),
    ("00", false),
    ("0", true),
    ("-0", true),
    ("0.0", true),
    ("1.2.3", false),
    ("Infinity", true),
    ("-Infinity", true),
    ("+Infinity", true),
    ("NaN", true),
    ("-NaN", true),
    ("+NaN", true),
    ("infinity", false),
    ("nan", false),
    ("Infinityx", false),
    ("\"a\\\nb\"", true),
    ("\"a\\\r\nb\"", true),
    ("\"a\nb\"", false),
    ("\"a\rb\"", false),
    ("\"a\u{2028}b\"", true),
    ("\"a\u{2029}b\"", true),
    ("\"a\\\u{2028}b\"", true),
    ("\"a\tb\"", true),
    ("\"a\u{1}b\"", true),
    ("\"\\x41\"", true),
    ("\"\\x4\"", false),
    ("\"\\u0041\"", true),
    ("\"\\u004\"", false),
    ("\"\\v\\b\\f\\n\\r\\t\\0\"", true),
    ("\"\\a\"", true),
    ("\"\\1\"", false),
    ("\"\\01\"", false),
    ("\"\\8\"", false),
    ("\"\\'\"", true),
    ("\"\\u{41}\"", false),
    ("\"\\uD83D\\uDE00\"", true),
    ("// c\n1", true),
    ("/* c */ 1", true),
    ("1 // c", true),
    ("/* unterminated", false),
    ("/* a */ /* b */ 1", true),
    ("// only", false),
    ("", false),
    (" ", false),
    ("/**/", false),
    ("1 /* x */", true),
    ("// c\u{2028} 1", true),
    ("// c\r1", true),
    ("\u{feff}{}", true),
    ("{}\u{feff}", true),
    ("{\u{feff}}", true),
    ("\u{a0} 1", true),
    ("\u{2028} 1", true),
    ("\u{3000} 1", true),
    ("\u{85} 1", false),
    ("\u{b} 1", true),
    ("\u{c} 1", true),
    ("\u{180e} 1", false),
    ("\u{200b} 1", false),
    ("true", true),
    ("false", true),
    ("null", true),
    ("True", false),
    ("undefined", false),
    ("tru", false),
    ("nul", false),
    ("1 2", false),
    ("{} {}", false),
    ("{}]", false),
    ("]", false),
    ("}", false),
    ("{", false),
    ("[", false),
    ("{a}", false),
    ("{a:}", false),
    ("{:1}", false),
    ("{a 1}", false),
    ("{\"a\" 1}", false),
    ("{a::1}", false),
    ("[1:2]", false),
    ("{\"a\":1 \"b\":2}", false),
    ("\"unterminated", false),
    ("'unterminated", false),
    ("abc", false),
    ("{a: b}", false),
    ("[a]", false),
    ("{\"a\": 1, \"a\": 2}", true),
    ("{a:1}//x", true),
    ("{a:/*c*/1}", true),
    ("[1,/*c*/]", true),
    ("[1,//c\n]", true),
    ("{\\u0031: 1}", false),
    ("{a\\u0020b: 1}", false),
    ("{\\u0024: 1}", true),
    ("/* /* */ */ 1", false),
    ("\"\\x4G\"", false),
    ("{\"a\": 1,}", true),
    ("{'a': 1 /* c */ , }", true),
    ("[1, 2, 3,]", true),
    ("0xABCDEF", true),
    ("1e+5", true),
    ("-0.0", true),
    ("\"\\u00e9\"", true),
    ("'\\u00E9'", true),
    ("\"\\r\\n\"", true),
    ("[/**/]", true),
    ("{//c\n}", true),
    ("[-]", false),
    ("{a: .e1}", false),
    ("[0x]", false),
    ("\"a\\\u{2029}b\"", true),
    ("1.e5", true),
    ("+.e5", false),
    ("\"\\u{1F600}\"", false),
    ("[true false]", false),
    ("{\"a\" : 1}", true),
    ("\t\n\r\u{b}\u{c} 1", true),
    ("{a:1}}", false),
    ("[[]", false),
    ("1/", false),
    ("1//", true),
    ("/", false),
    ("{a: 1, /* c */}", true),
];

#[test]
fn accepts_exactly_what_json5_accepts() {
    let wrong: Vec<String> = TABLE
        .iter()
        .filter(|(text, accept)| parse(text).is_ok() != *accept)
        .map(|(text, accept)| {
            let verdict = if *accept { "accepted" } else { "rejected" };
            format!("{text:?} is {verdict} by JSON5: {:?}", parse(text).err())
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Where the reader knowingly differs from the reference implementation.
#[test]
fn documented_differences() {
    // Half a UTF-16 pair: JavaScript strings may hold one, Rust's (UTF-8) cannot.
    let e = parse("\"\\uDE00\"").unwrap_err();
    assert!(e.message.contains("half of a UTF-16 pair"), "{e}");
    // Unquoted non-ASCII keys follow the Alphabetic and Numeric properties, not
    // ID_Start/ID_Continue: a superscript digit is accepted, a combining accent is not.
    assert!(parse("{a\u{b2}: 1}").is_ok());
    assert!(parse("{e\u{301}: 1}").is_err());
    assert!(
        parse("{\"e\u{301}\": 1}").is_ok(),
        "quoted, any key is fine"
    );
}

fn value(text: &str) -> Value {
    parse(text).unwrap().value
}

#[test]
fn values_are_read_as_written() {
    assert_eq!(
        value("\u{feff}// a catalog\n{}"),
        value("{}"),
        "a byte-order mark"
    );
    for n in ["0x1F", "+1", ".5", "5.", "-Infinity", "NaN", "1e-3"] {
        assert_eq!(value(n), Value::Number(n.into()), "numbers keep their text");
    }
    assert_eq!(
        value("'it\\'s \"so\"'"),
        Value::String("it's \"so\"".into())
    );
    assert_eq!(
        value("\"line \\\n continued\""),
        Value::String("line  continued".into())
    );
    let root = parse("{$key_1: 1, \\u0061b: 2, 東京: 3, 'quoted key': 4, \"a\": 5,}").unwrap();
    for (key, n) in [
        ("$key_1", "1"),
        ("ab", "2"),
        ("東京", "3"),
        ("quoted key", "4"),
        ("a", "5"),
    ] {
        assert_eq!(
            root.get(key).map(|n| &n.value),
            Some(&Value::Number(n.into())),
            "{key}"
        );
    }
}

/// Renders a syntax error as the CLI and the web app show it.
fn error(text: &str) -> String {
    parse(text).map(|_: Node| ()).unwrap_err().render("f")
}

#[test]
fn a_missing_comma_is_found_and_shown_with_a_caret() {
    let text = "{\n  bands: [\n    {from: 0, to: 100 price: 5},\n    {} {},\n  ],\n}";
    assert_eq!(
        error(text),
        "f:3:23: error: expected \",\" or \"}\" after bands[0].to, found `price`: is a comma missing?\n  3 |     {from: 0, to: 100 price: 5},\n    |                       ^"
    );
    let fixed = text.replace("100 price", "100, price");
    assert_eq!(
        error(&fixed),
        "f:4:8: error: expected \",\" or \"]\" after bands[1], found `{`: is a comma missing?\n  4 |     {} {},\n    |        ^"
    );
}

#[test]
fn syntax_errors_say_what_was_expected() {
    for (text, message) in [
        ("", "1:1: error: the document is empty"),
        ("{a: 1", "1:6: error: expected \",\" or \"}\" after a, found the end of the text (the bracket at line 1, column 1 is not closed)"),
        ("{a: 1}}", "1:7: error: expected the end of the text after the document's value, found `}`"),
        ("{a 1}", "1:4: error: expected \":\" after the key \"a\", found `1`"),
        ("{1: 2}", "1:2: error: expected a key (a name or a quoted text) or \"}\", found `1`"),
        ("{a: b}", "1:5: error: expected a value (an object, a list, a text, a number, true, false or null), found `b`: a text is quoted (\"b\")"),
        ("[True]", "1:2: error: expected a value (an object, a list, a text, a number, true, false or null), found `True` (true, false and null are written in lower case)"),
        ("[1,,]", "1:4: error: expected a value (an object, a list, a text, a number, true, false or null), found `,`"),
        ("[01]", "1:2: error: a number cannot start with 0 followed by more digits (write 7, not 07)"),
        ("[1e]", "1:4: error: expected the exponent's digits, found `]`"),
        ("[0x]", "1:4: error: expected hex digits after 0x, found `]`"),
        ("\"a\nb\"", "1:3: error: a text cannot go on to the next line: write \\n, or end the line with \\ to continue the text"),
        ("'abc", "1:1: error: this text is not closed: its closing ' is missing"),
        ("\"\\1\"", "1:2: error: \\1 is not an escape (digits cannot be escaped)"),
        ("\"\\x4\"", "1:2: error: \\x needs two hex digits (\\x41)"),
        ("/* x", "1:1: error: this comment is not closed: its */ is missing"),
        ("[1 /]", "1:4: error: expected \",\" or \"]\" after [0], found `/`"),
    ] {
        let shown = error(text);
        let first = shown.lines().next().unwrap();
        assert_eq!(first, format!("f:{message}"), "{text:?}");
    }
}

#[test]
fn excerpts_of_long_lines_are_cut_around_the_caret() {
    let text = format!("[{}1 2]", "1, ".repeat(100_000));
    let shown = error(&text);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 3, "{shown}");
    assert!(lines[1].chars().count() < 140, "{}", lines[1]);
    assert!(lines[1].starts_with("  1 | …"), "{}", lines[1]);
    let caret = lines[2].chars().position(|c| c == '^').unwrap();
    assert_eq!(lines[1].chars().nth(caret), Some('2'));
}

/// (input, whether JSON (RFC 8259) accepts it): JSON5's extras, each refused, and
/// JSON's own rules (no raw control character in a text, no trailing comma).
const JSON_TABLE: &[(&str, bool)] = &[
    ("{}", true),
    ("[]", true),
    ("{\"a\":1}", true),
    ("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", true),
    ("[[[]]]", true),
    ("{\"a\": 1, \"a\": 2}", true),
    ("{\"\u{e9}\u{6771}\": \"\u{1F600}\"}", true),
    (" \t\n\r1 \t\n\r", true),
    ("true", true),
    ("false", true),
    ("null", true),
    ("0", true),
    ("-0", true),
    ("0.0", true),
    ("-0.0", true),
    ("12.50", true),
    ("1e5", true),
    ("1E+5", true),
    ("1e-5", true),
    ("-1.5e3", true),
    ("\"a'b\"", true),
    ("\"\\u0041\\u00e9\"", true),
    ("\"\\b\\f\\n\\r\\t\\/\\\\\\\"\"", true),
    ("\"\\uD83D\\uDE00\"", true),
    ("\"a\u{7f}b\"", true),
    ("\"a\u{2028}b\"", true),
    ("{a:1}", false),
    ("{'k': 1}", false),
    ("'single'", false),
    ("{true: 1}", false),
    ("{\"a\":1,}", false),
    ("[1,]", false),
    ("[\"a\",]", false),
    ("[1,,]", false),
    ("[,]", false),
    ("{,}", false),
    ("0x1F", false),
    ("+1", false),
    (".5", false),
    ("-.5", false),
    ("5.", false),
    ("1.", false),
    ("[1.]", false),
    ("5.e3", false),
    ("1e", false),
    ("01", false),
    ("-01", false),
    ("00", false),
    ("-", false),
    ("[-]", false),
    (".", false),
    ("1.2.3", false),
    ("Infinity", false),
    ("-Infinity", false),
    ("NaN", false),
    ("\"a\\\nb\"", false),
    ("\"a\nb\"", false),
    ("\"a\tb\"", false),
    ("\"a\u{1}b\"", false),
    ("\"a\u{0}b\"", false),
    ("\"\\x41\"", false),
    ("\"\\u004\"", false),
    ("\"\\v\"", false),
    ("\"\\0\"", false),
    ("\"\\a\"", false),
    ("\"\\'\"", false),
    ("\"\\uDE00\"", false),
    ("// c\n1", false),
    ("/* c */ 1", false),
    ("1 // c", false),
    ("", false),
    (" ", false),
    ("\u{feff}{}", false),
    ("\u{a0} 1", false),
    ("\u{2028} 1", false),
    ("\u{b} 1", false),
    ("\u{c} 1", false),
    ("True", false),
    ("tru", false),
    ("1 2", false),
    ("{} {}", false),
    ("{\"a\" 1}", false),
    ("{\"a\"::1}", false),
    ("{\"a\":1 \"b\":2}", false),
    ("[1 2]", false),
    ("{\"a\"}", false),
    ("{\"a\":1}}", false),
    ("\"unterminated", false),
];

#[test]
fn the_json_dialect_accepts_exactly_what_json_accepts() {
    let reference = |text: &str| serde_json::from_str::<serde_json::Value>(text).is_ok();
    let wrong: Vec<String> = JSON_TABLE
        .iter()
        .filter(|(text, accept)| parse_json(text).is_ok() != *accept || reference(text) != *accept)
        .map(|(text, accept)| {
            let verdict = if *accept { "accepted" } else { "rejected" };
            format!(
                "{text:?} is {verdict} by JSON: {:?}",
                parse_json(text).err()
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // JSON is JSON5: what JSON accepts reads the same in both dialects, and every input
    // of JSON5's table gets serde_json's verdict.
    for (text, _) in JSON_TABLE.iter().filter(|(_, accept)| *accept) {
        assert_eq!(parse_json(text).unwrap(), parse(text).unwrap(), "{text:?}");
    }
    for (text, _) in TABLE {
        assert_eq!(parse_json(text).is_ok(), reference(text), "{text:?}");
    }
}

#[test]
fn json_syntax_errors_say_what_was_expected() {
    for (text, message) in [
        ("{a:1}", "1:2: error: expected a key (a text in double quotes) or \"}\", found `a`"),
        ("['a']", "1:2: error: expected a value (an object, a list, a text, a number, true, false or null), found a text"),
        ("[1,]", "1:4: error: a comma cannot come before a closing bracket in JSON"),
        ("{\"a\":1,}", "1:8: error: a comma cannot come before a closing bracket in JSON"),
        ("\"a\tb\"", "1:3: error: a control character cannot be written in a text as it is: escape it (\\t, \\u0001)"),
        ("\"\\x41\"", "1:2: error: \\x is not an escape of JSON (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)"),
        ("[+1]", "1:2: error: expected a digit, found `+1`"),
        ("[.5]", "1:2: error: expected a digit, found `.5`"),
        ("[1.]", "1:4: error: expected a digit after the point, found `]`"),
        ("[0x1F]", "1:3: error: expected \",\" or \"]\" after [0], found `x1F`: is a comma missing?"),
        ("[NaN]", "1:2: error: expected a value (an object, a list, a text, a number, true, false or null), found `NaN`: a text is quoted (\"NaN\")"),
        ("// c\n1", "1:1: error: expected a value (an object, a list, a text, a number, true, false or null), found `/`"),
        ("\u{feff}1", "1:1: error: expected a value (an object, a list, a text, a number, true, false or null), found `\\u{feff}`"),
    ] {
        let shown = parse_json(text).map(|_: Node| ()).unwrap_err().render("f");
        let first = shown.lines().next().unwrap();
        assert_eq!(first, format!("f:{message}"), "{text:?}");
    }
}

mod properties {
    use hubquote::source::{parse, parse_json, Node, Value};
    use proptest::prelude::*;
    use serde_json::Value as Json;

    /// Any JSON value (JSON is JSON5): texts with any character, numbers in every JSON form.
    fn json() -> impl Strategy<Value = Json> {
        let number = prop_oneof![
            any::<i64>().prop_map(Json::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Json::from),
        ];
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            number,
            any::<String>().prop_map(Json::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Json::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A number as the text serde_json writes, so that numbers are compared as written.
    fn number_text(t: &str) -> Json {
        Json::Array(vec![Json::Null, Json::String(t.to_string())])
    }

    /// `v` with every number replaced by [`number_text`].
    fn written(v: &Json) -> Json {
        match v {
            Json::Number(n) => number_text(&n.to_string()),
            Json::Array(items) => Json::Array(items.iter().map(written).collect()),
            Json::Object(m) => {
                Json::Object(m.iter().map(|(k, v)| (k.clone(), written(v))).collect())
            }
            other => other.clone(),
        }
    }

    /// The reader's tree as a JSON value, numbers as [`number_text`] of the text kept.
    fn to_json(n: &Node) -> Json {
        match &n.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(t) => number_text(t),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
            Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), to_json(v)))
                    .collect(),
            ),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

        /// Every JSON document, compact or pretty, reads as the value serde_json wrote (in
        /// either dialect), and every member's path leads back to it (keys of up to 40 characters: longer
        /// ones are shortened in paths, which then lead to the object).
        #[test]
        fn json_documents_read_back_exactly(v in json()) {
            for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
                let root = parse(&text).unwrap();
                prop_assert_eq!(to_json(&root), written(&v));
                prop_assert_eq!(&parse_json(&text).unwrap(), &root, "the JSON dialect reads JSON alike");
                if let Value::Object(members) = &root.value {
                    for (k, n) in members.iter() {
                        let at = root.locate(&n.path());
                        prop_assert_eq!(at, if k.chars().count() <= 40 { n } else { &root });
                    }
                }
            }
        }

        /// Taking out the comma between two members or two elements is always an error.
        #[test]
        fn a_missing_comma_is_always_found(v in json(), w in json(), key in any::<String>()) {
            let (v, w) = (serde_json::to_string(&v).unwrap(), serde_json::to_string(&w).unwrap());
            let key = serde_json::to_string(&key).unwrap();
            let (list, no_comma) = (format!("[{v},{w}]"), format!("[{v} {w}]"));
            let object = format!("{{\"a\": {v} {key}: {w}}}");
            prop_assert!(parse(&list).is_ok());
            prop_assert!(parse(&no_comma).is_err());
            prop_assert!(parse(&object).is_err());
        }
    }
}
