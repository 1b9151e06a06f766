//! JSON5 text → a tree of [`Node`]s that carry their path and line:column.

use super::Diagnostic;
use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, ParseOptions};
use std::cell::Cell;

/// Documents larger than this are refused before parsing (a catalog is ~50 KB).
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;
/// Nesting deeper than this is refused before parsing, so that no input can exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// A JSON value with its place in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// `pricing.tiers.Advanced.annual_fee`, `hubs[0].size`; empty for the root.
    pub path: String,
    pub line: u32,
    pub column: u32,
}

/// The JSON value itself; numbers keep their source text so decimals are read exactly.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    /// The value under `key` when this is an object (the first one if the key repeats).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(props) => props.iter().find(|(k, _)| k == key).map(|(_, n)| n),
            _ => None,
        }
    }

    /// A short description of the value for messages: `true`, `"abc"`, `an object`.
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.clone(),
            Value::String(s) => {
                let short: String = s.chars().take(40).collect();
                if short.len() < s.len() {
                    format!("\"{short}…\"")
                } else {
                    format!("\"{short}\"")
                }
            }
            Value::Array(_) => "a list".into(),
            Value::Object(_) => "an object".into(),
        }
    }

    /// A diagnostic located at this node.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path.clone(), message).at(self.line, self.column)
    }

    /// A warning located at this node.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.path.clone(), message).at(self.line, self.column)
    }

    /// Finds the node at `path`, or the nearest ancestor that exists (for locating
    /// diagnostics that were found on the decoded model rather than on the text).
    pub fn locate(&self, path: &str) -> &Node {
        let mut best = self;
        let mut stack = vec![self];
        while let Some(n) = stack.pop() {
            if n.path == path {
                return n;
            }
            let is_ancestor = path.starts_with(n.path.as_str()) && {
                let rest = &path[n.path.len()..];
                n.path.is_empty() || rest.starts_with('.') || rest.starts_with('[')
            };
            if !is_ancestor {
                continue;
            }
            if n.path.len() >= best.path.len() {
                best = n;
            }
            match &n.value {
                Value::Array(items) => stack.extend(items.iter()),
                Value::Object(props) => stack.extend(props.iter().map(|(_, v)| v)),
                _ => {}
            }
        }
        best
    }
}

/// The path of an object member: `parent.key`, or `parent["odd key"]` when the key has
/// characters that would make the dotted form ambiguous.
pub fn child_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':'));
    if !plain {
        return format!("{parent}[{key:?}]");
    }
    // Built by hand, not `format!`: every node of a document gets a path, so this runs
    // thousands of times when the app starts.
    let mut path = String::with_capacity(parent.len() + 1 + key.len());
    path.push_str(parent);
    if !parent.is_empty() {
        path.push('.');
    }
    path.push_str(key);
    path
}

/// The path of an array element: `parent[3]`.
pub fn index_path(parent: &str, index: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(index);
    let mut path = String::with_capacity(parent.len() + digits.len() + 2);
    path.push_str(parent);
    path.push('[');
    path.push_str(digits);
    path.push(']');
    path
}

/// Parses JSON5 text. Syntax errors come back as one diagnostic with line:column.
pub fn parse(text: &str) -> Result<Node, Diagnostic> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Diagnostic::error(
            "",
            format!(
                "the document is {} bytes; the limit is {} bytes",
                text.len(),
                MAX_DOCUMENT_BYTES
            ),
        ));
    }
    let lines = LineIndex::new(text);
    if let Some((offset, depth)) = too_deep(text) {
        let (l, c) = lines.position(text, offset);
        return Err(Diagnostic::error(
            "",
            format!("nesting deeper than {depth} levels is not supported"),
        )
        .at(l, c));
    }
    let options = ParseOptions::default();
    let result =
        jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options).map_err(|e| {
            Diagnostic::error("", e.kind().to_string())
                .at(to_u32(e.line_display()), to_u32(e.column_display()))
        })?;
    let Some(root) = result.value else {
        return Err(Diagnostic::error("", "the document is empty").at(1, 1));
    };
    Ok(convert(&root, String::new(), text, &lines))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn convert(v: &ast::Value, path: String, text: &str, lines: &LineIndex) -> Node {
    let range = match v {
        ast::Value::StringLit(s) => s.range,
        ast::Value::NumberLit(n) => n.range,
        ast::Value::BooleanLit(b) => b.range,
        ast::Value::Object(o) => o.range,
        ast::Value::Array(a) => a.range,
        ast::Value::NullKeyword(n) => n.range,
    };
    let (line, column) = lines.position(text, range.start);
    let value = match v {
        ast::Value::StringLit(s) => Value::String(s.value.to_string()),
        ast::Value::NumberLit(n) => Value::Number(n.value.to_string()),
        ast::Value::BooleanLit(b) => Value::Bool(b.value),
        ast::Value::NullKeyword(_) => Value::Null,
        ast::Value::Array(a) => Value::Array(
            a.elements
                .iter()
                .enumerate()
                .map(|(i, e)| convert(e, index_path(&path, i), text, lines))
                .collect(),
        ),
        ast::Value::Object(o) => Value::Object(
            o.properties
                .iter()
                .map(|p| {
                    let key = p.name.as_str().to_string();
                    let child = child_path(&path, &key);
                    (key, convert(&p.value, child, text, lines))
                })
                .collect(),
        ),
    };
    Node {
        value,
        path,
        line,
        column,
    }
}

/// Byte offsets of line starts, to turn an offset into a 1-based line and column.
struct LineIndex {
    starts: Vec<usize>,
    /// The last position asked for, (offset, column). The tree asks in document order, so
    /// counting characters from there rather than from the line start keeps a long line
    /// (a minified document is a single line) linear instead of quadratic.
    last: Cell<(usize, usize)>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            starts,
            last: Cell::new((0, 1)),
        }
    }

    fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let (last, last_column) = self.last.get();
        let (from, column) = if (start..=offset).contains(&last) {
            (last, last_column)
        } else {
            (start, 1)
        };
        let column = column + text.get(from..offset).map_or(0, |s| s.chars().count());
        self.last.set((offset, column));
        (to_u32(line), to_u32(column))
    }
}

/// Finds the first place where brackets nest deeper than [`MAX_DEPTH`], skipping strings
/// and comments; `None` when the document is shallow enough to parse recursively.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    if c == b'\\' {
                        i += 1;
                    } else if c == b {
                        break;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len()
                    && !(bytes.get(i) == Some(&b'*') && bytes.get(i + 1) == Some(&b'/'))
                {
                    i += 1;
                }
                i += 1;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((i, MAX_DEPTH));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {

    /// Line:column the slow way: characters from the line start.
    fn naive(text: &str, offset: usize) -> (u32, u32) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            line as u32,
            (text[start..offset].chars().count() + 1) as u32,
        )
    }

    #[test]
    fn positions_in_any_order_match_counting_from_the_line_start() {
        let text = "{ \"é\": [1, 2],\n  \"東京\": { \"a\": true }, \"b\": \"x\" }\n[3]";
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let lines = LineIndex::new(text);
        // In document order (as the tree asks), backwards, and jumping around.
        let mut order = offsets.clone();
        order.extend(offsets.iter().rev());
        order.extend(
            offsets
                .iter()
                .step_by(3)
                .chain(offsets.iter().step_by(5).rev()),
        );
        for offset in order {
            assert_eq!(
                lines.position(text, offset),
                naive(text, offset),
                "offset {offset}"
            );
        }
    }
    use super::*;

    #[test]
    fn positions_and_paths() {
        let text = "{\n  // comment\n  a: { 'b.c': [1, 2.50,], },\n}";
        let root = parse(text).unwrap();
        let a = root.get("a").unwrap();
        assert_eq!((a.line, a.column), (3, 6));
        let arr = a.get("b.c").unwrap();
        assert_eq!(arr.path, "a[\"b.c\"]");
        let Value::Array(items) = &arr.value else {
            panic!()
        };
        assert_eq!(items[1].value, Value::Number("2.50".into()));
        assert_eq!(items[1].path, "a[\"b.c\"][1]");
        assert_eq!((items[1].line, items[1].column), (3, 19));
    }

    #[test]
    fn path_builders() {
        assert_eq!(child_path("", "pricing"), "pricing");
        assert_eq!(
            child_path("pricing.tiers", "Advanced"),
            "pricing.tiers.Advanced"
        );
        assert_eq!(child_path("features", "hub:gpu"), "features.hub:gpu");
        assert_eq!(child_path("a", "b c"), "a[\"b c\"]");
        assert_eq!(child_path("", ""), "[\"\"]");
        assert_eq!(index_path("", 0), "[0]");
        assert_eq!(index_path("hubs", 12), "hubs[12]");
        assert_eq!(
            index_path("a.b[3]", usize::MAX),
            format!("a.b[3][{}]", usize::MAX)
        );
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.column.is_some());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(100_000);
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("nesting"), "{e}");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn locate_finds_nearest_ancestor() {
        let root = parse("{\"hubs\": [{\"size\": \"S\"}]}").unwrap();
        assert_eq!(root.locate("hubs[0].size").path, "hubs[0].size");
        assert_eq!(root.locate("hubs[0].features").path, "hubs[0]");
        assert_eq!(root.locate("nothing").path, "");
    }
}
