//! The positioned tree: JSON values that know their line:column and, through links to
//! their containers, their path (`pricing.tiers.Advanced.annual_fee`).
//!
//! A node stores its place as a link to its container's place plus one step (an index,
//! or the key's span in the text), so the whole tree costs memory linear in the text:
//! a long key is stored once, however many values sit below it, and a path string is
//! built only when a diagnostic is written.

use super::diagnostic::{shorten, Diagnostic, Diagnostics, MAX_KEY_SHOWN};
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// Documents larger than this are refused before parsing (a catalog is ~50 KB).
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

/// Why a document over [`MAX_DOCUMENT_BYTES`] is refused: one sentence for every face
/// (the CLI reads no further than the limit, so the size itself is not known there).
pub fn too_large() -> String {
    format!("the document is larger than the limit of {MAX_DOCUMENT_BYTES} bytes")
}
/// Nesting deeper than this is refused, so that no input can exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// A JSON value with its place in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: u32,
    pub column: u32,
    pub(super) place: Place,
}

/// The JSON value itself; numbers keep their source text so decimals are read exactly.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Literal),
    String(String),
    Array(Vec<Node>),
    Object(Members),
}

/// A number's source text, stored in place when it has at most [`INLINE`] bytes (nearly
/// always), so that a list of a million numbers costs no million allocations.
#[derive(Clone, PartialEq, Eq)]
pub struct Literal(LiteralText);

#[derive(Clone, PartialEq, Eq)]
enum LiteralText {
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

const INLINE: usize = 22;

impl Literal {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            LiteralText::Inline(len, bytes) => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            LiteralText::Heap(s) => s,
        }
    }
}

impl From<&str> for Literal {
    fn from(s: &str) -> Self {
        let mut bytes = [0; INLINE];
        match (bytes.get_mut(..s.len()), u8::try_from(s.len())) {
            (Some(to), Ok(len)) => {
                to.copy_from_slice(s.as_bytes());
                Literal(LiteralText::Inline(len, bytes))
            }
            _ => Literal(LiteralText::Heap(s.into())),
        }
    }
}

impl Deref for Literal {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// An object's members in document order, with an index for lookups by key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Members {
    list: Box<[(String, Node)]>,
    /// Positions in `list` ordered by key, equal keys in document order; none for small
    /// objects, which are searched in order. Boxed twice to keep [`Value`] (every node)
    /// at 32 bytes.
    sorted: Option<Box<Index>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Index(Box<[u32]>);

/// Objects up to this size are searched member by member (faster than an index).
const SMALL: usize = 8;

impl Members {
    pub(super) fn new(list: Vec<(String, Node)>) -> Self {
        let list = list.into_boxed_slice();
        let sorted = (list.len() > SMALL).then(|| {
            let mut order: Vec<u32> = (0..list.len())
                .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
                .collect();
            // Unstable with the position as tie-break: the same order as a stable sort.
            order.sort_unstable_by(|&a, &b| key_at(&list, a).cmp(key_at(&list, b)).then(a.cmp(&b)));
            Box::new(Index(order.into_boxed_slice()))
        });
        Members { list, sorted }
    }

    /// The value under `key` (the first one if the key repeats).
    pub fn get(&self, key: &str) -> Option<&Node> {
        let Some(Index(sorted)) = self.sorted.as_deref() else {
            return self.list.iter().find(|(k, _)| k == key).map(|(_, n)| n);
        };
        let first = sorted.partition_point(|&i| key_at(&self.list, i) < key);
        let &i = sorted.get(first)?;
        let (k, n) = self.list.get(usize::try_from(i).ok()?)?;
        (k == key).then_some(n)
    }

    /// Positions (in document order) of the members whose key appeared before them.
    pub fn repeated(&self) -> Vec<usize> {
        let mut out: Vec<usize> = if let Some(Index(sorted)) = self.sorted.as_deref() {
            sorted
                .windows(2)
                .filter_map(|w| match w {
                    [a, b] if key_at(&self.list, *a) == key_at(&self.list, *b) => {
                        usize::try_from(*b).ok()
                    }
                    _ => None,
                })
                .collect()
        } else {
            let list = &self.list;
            (0..list.len())
                .filter(|&i| {
                    let key = list.get(i).map(|(k, _)| k);
                    list.iter().take(i).any(|(k, _)| Some(k) == key)
                })
                .collect()
        };
        out.sort_unstable();
        out
    }
}

fn key_at(list: &[(String, Node)], i: u32) -> &str {
    usize::try_from(i)
        .ok()
        .and_then(|i| list.get(i))
        .map_or("", |(k, _)| k.as_str())
}

impl Deref for Members {
    type Target = [(String, Node)];
    fn deref(&self) -> &Self::Target {
        &self.list
    }
}

/// Where a node is: its document, its container (an index into the document's
/// containers) and the step from there.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Place {
    pub(super) doc: Rc<Doc>,
    pub(super) up: u32,
    pub(super) step: Step,
}

/// `Place::up` of the root: above it is the document.
pub(super) const TOP: u32 = u32::MAX;

/// The document a tree was read from: its text (keys are read again from it when a path
/// is written) and the place of every container that has members or elements, each an
/// index of its own container and a step. A path costs one entry per container, none per
/// node, and no key is stored twice.
pub(super) struct Doc {
    text: Box<str>,
    containers: RefCell<Vec<(u32, Step)>>,
    /// Reads the key at a byte offset again, in the document's dialect (a function, so
    /// that reading JSON never reaches JSON5's key reader).
    key_at: fn(&str, usize) -> String,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Doc) -> bool {
        self.text == other.text && self.containers == other.containers
    }
}

impl Eq for Doc {}

impl Doc {
    pub(super) fn new(text: &str, key_at: fn(&str, usize) -> String) -> Rc<Doc> {
        Rc::new(Doc {
            text: text.into(),
            containers: RefCell::default(),
            key_at,
        })
    }

    /// Records the container at `place` and returns the index its children point to.
    pub(super) fn container(&self, place: &Place) -> u32 {
        let mut all = self.containers.borrow_mut();
        all.push((place.up, place.step));
        u32::try_from(all.len() - 1).unwrap_or(TOP)
    }
}

/// One step of a path, in 32 bits (a document has fewer than 2³⁰ bytes): the root, an
/// array index, or an object member as the byte offset of its key in the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Step(u32);

enum StepKind {
    Root,
    Index(usize),
    Key(usize),
}

impl Step {
    pub(super) const ROOT: Step = Step(0);

    pub(super) fn index(i: usize) -> Step {
        Step::pack(i, 1)
    }

    pub(super) fn key(at: usize) -> Step {
        Step::pack(at, 2)
    }

    fn pack(n: usize, tag: u32) -> Step {
        Step(u32::try_from(n).unwrap_or(u32::MAX >> 2).min(u32::MAX >> 2) << 2 | tag)
    }

    fn kind(self) -> StepKind {
        let n = usize::try_from(self.0 >> 2).unwrap_or(usize::MAX);
        match self.0 & 3 {
            1 => StepKind::Index(n),
            2 => StepKind::Key(n),
            _ => StepKind::Root,
        }
    }
}

impl Place {
    /// The path string: `pricing.tiers.Advanced`, `hubs[0]`; empty for the root.
    fn path(&self) -> String {
        let Ok(containers) = self.doc.containers.try_borrow() else {
            return String::new();
        };
        let mut steps = vec![self.step];
        let mut up = self.up;
        // A container is recorded after its own container: indices only go down.
        while let Some(&(next, step)) = usize::try_from(up).ok().and_then(|i| containers.get(i)) {
            steps.push(step);
            up = if next < up { next } else { TOP };
        }
        let mut path = String::new();
        for step in steps.iter().rev() {
            path = match step.kind() {
                StepKind::Root => path,
                StepKind::Index(i) => index_path(&path, i),
                StepKind::Key(at) => child_path(&path, &(self.doc.key_at)(&self.doc.text, at)),
            };
        }
        path
    }
}

impl fmt::Debug for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.path())
    }
}

impl Node {
    /// The node's path: `pricing.tiers.Advanced.annual_fee`, `hubs[0].size`; empty for
    /// the root. Built on demand (linear in the depth and the keys on the way).
    pub fn path(&self) -> String {
        self.place.path()
    }

    /// The value under `key` when this is an object (the first one if the key repeats).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.get(key),
            _ => None,
        }
    }

    /// A short description of the value for messages: `true`, `"abc"`, `an object`.
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => shorten(n),
            Value::String(s) => format!("\"{}\"", shorten(s)),
            Value::Array(_) => "a list".into(),
            Value::Object(_) => "an object".into(),
        }
    }

    /// A diagnostic located at this node.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path(), message).at(self.line, self.column)
    }

    /// A warning located at this node.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.path(), message).at(self.line, self.column)
    }

    /// Finds the node at `path`, or the nearest ancestor that exists (for locating
    /// diagnostics that were found on the decoded model rather than on the text). Follows
    /// the path's steps down from this node: linear in the path, whatever the tree.
    pub fn locate(&self, path: &str) -> &Node {
        let mut node = self;
        for step in PathSteps::new(path) {
            let next = match (&step, &node.value) {
                (PathStep::Index(i), Value::Array(items)) => items.get(*i),
                (PathStep::Key(k), Value::Object(members)) => members.get(k),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node
    }

    /// Gives every diagnostic that has no line:column the position of the node at its
    /// path (or of the nearest ancestor that exists).
    pub fn locate_all(&self, diags: &mut Diagnostics) {
        for d in diags.iter_mut().filter(|d| d.line.is_none()) {
            let at = self.locate(&d.path);
            d.line = Some(at.line);
            d.column = Some(at.column);
        }
    }
}

/// The path of an object member: `parent.key`, or `parent["odd key"]` when the key has
/// characters that would make the dotted form ambiguous (or is shortened, when long).
pub fn child_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.len() <= MAX_KEY_SHOWN
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':'));
    if !plain {
        return format!("{parent}[{:?}]", shorten(key));
    }
    // Built by hand, not `format!`: the web app builds many paths when it starts.
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

/// One step of a path string, as [`child_path`] and [`index_path`] write them.
#[derive(Debug, PartialEq)]
enum PathStep {
    Key(String),
    Index(usize),
}

/// The steps of a path string; stops at the first thing it cannot read.
struct PathSteps<'p> {
    rest: &'p str,
}

impl<'p> PathSteps<'p> {
    fn new(path: &'p str) -> Self {
        PathSteps { rest: path }
    }

    fn plain_key(&mut self) -> Option<PathStep> {
        let end = self
            .rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':')))
            .unwrap_or(self.rest.len());
        let (key, rest) = self.rest.split_at(end);
        self.rest = rest;
        (!key.is_empty()).then(|| PathStep::Key(key.to_string()))
    }

    fn bracket(&mut self) -> Option<PathStep> {
        let inner = self.rest.strip_prefix('[')?;
        if let Some(quoted) = inner.strip_prefix('"') {
            let (key, len) = unescape_debug(quoted)?;
            self.rest = quoted.get(len..)?.strip_prefix(']')?;
            return Some(PathStep::Key(key));
        }
        let end = inner.find(']')?;
        let index = inner.get(..end)?.parse().ok()?;
        self.rest = inner.get(end + 1..)?;
        Some(PathStep::Index(index))
    }
}

impl Iterator for PathSteps<'_> {
    type Item = PathStep;
    fn next(&mut self) -> Option<PathStep> {
        let step = if self.rest.starts_with('[') {
            self.bracket()
        } else if let Some(rest) = self.rest.strip_prefix('.') {
            self.rest = rest;
            self.plain_key()
        } else {
            self.plain_key()
        };
        if step.is_none() {
            self.rest = "";
        }
        step
    }
}

/// Reads a string written by `{:?}` up to its closing quote: the text and the number of
/// bytes read, closing quote included.
fn unescape_debug(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let (_, e) = chars.next()?;
                out.push(match e {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    '0' => '\0',
                    'u' => {
                        let (_, open) = chars.next()?;
                        let mut hex = String::new();
                        for (_, h) in chars.by_ref() {
                            if h == '}' {
                                break;
                            }
                            hex.push(h);
                        }
                        if open != '{' {
                            return None;
                        }
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                    }
                    other => other,
                });
            }
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    #[test]
    fn positions_and_paths() {
        let text = "{\n  // comment\n  a: { 'b.c': [1, 2.50,], },\n}";
        let root = parse(text).unwrap();
        let a = root.get("a").unwrap();
        assert_eq!((a.line, a.column), (3, 6));
        let arr = a.get("b.c").unwrap();
        assert_eq!(arr.path(), "a[\"b.c\"]");
        let Value::Array(items) = &arr.value else {
            panic!()
        };
        assert_eq!(items[1].value, Value::Number("2.50".into()));
        assert_eq!(items[1].path(), "a[\"b.c\"][1]");
        assert_eq!((items[1].line, items[1].column), (3, 19));
    }

    #[test]
    fn escaped_and_long_keys_in_paths() {
        let long = "k".repeat(100);
        let text = format!("{{\"a\\u0062\": {{\"{long}\": [true]}}, \"t\\tab\": 1}}");
        let root = parse(&text).unwrap();
        let ab = root.get("ab").unwrap();
        assert_eq!(ab.path(), "ab");
        let Value::Array(items) = &ab.get(&long).unwrap().value else {
            panic!()
        };
        assert_eq!(items[0].path(), format!("ab[\"{}…\"][0]", "k".repeat(40)));
        assert_eq!(root.get("t\tab").unwrap().path(), "[\"t\\tab\"]");
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
    fn path_strings_read_back_into_steps() {
        let steps: Vec<PathStep> =
            PathSteps::new("hubs[0].features[\"a \\\"b\\\"\\n\\u{301}\"].x[12]").collect();
        assert_eq!(
            steps,
            vec![
                PathStep::Key("hubs".into()),
                PathStep::Index(0),
                PathStep::Key("features".into()),
                PathStep::Key("a \"b\"\n\u{301}".into()),
                PathStep::Key("x".into()),
                PathStep::Index(12),
            ]
        );
        // Whatever `child_path` writes, `locate` finds again.
        for key in [
            "plain",
            "b c",
            "a\"b",
            "é\u{301}",
            "tab\there",
            "back\\slash",
            "",
        ] {
            let path = child_path("", key);
            assert_eq!(
                PathSteps::new(&path).collect::<Vec<_>>(),
                vec![PathStep::Key(key.into())],
                "{path}"
            );
        }
        assert_eq!(
            PathSteps::new("a[x").collect::<Vec<_>>(),
            vec![PathStep::Key("a".into())]
        );
    }

    #[test]
    fn locate_finds_nearest_ancestor() {
        let root = parse("{\"hubs\": [{\"size\": \"S\", \"a b\": 1}]}").unwrap();
        assert_eq!(root.locate("hubs[0].size").path(), "hubs[0].size");
        assert_eq!(root.locate("hubs[0][\"a b\"]").path(), "hubs[0][\"a b\"]");
        assert_eq!(root.locate("hubs[0].features").path(), "hubs[0]");
        assert_eq!(root.locate("hubs[7].size").path(), "hubs");
        assert_eq!(root.locate("nothing").path(), "");
    }

    #[test]
    fn wide_objects_are_searched_by_key_and_repeats_found() {
        let keys: Vec<String> = (0..50).map(|i| format!("k{}", (i * 7) % 50)).collect();
        let body: Vec<String> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("\"{k}\": {i}"))
            .collect();
        let text = format!(
            "{{{}, \"k3\": 99, \"k3\": 98, \"k0\": 97}}",
            body.join(", ")
        );
        let root = parse(&text).unwrap();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(
                root.get(k).unwrap().value,
                Value::Number(i.to_string().as_str().into()),
                "{k}"
            );
        }
        assert!(root.get("k50").is_none());
        assert!(root.get("").is_none());
        let Value::Object(m) = &root.value else {
            panic!()
        };
        assert_eq!(m.repeated(), vec![50, 51, 52]);
        let small = parse("{a: 1, b: 2, a: 3}").unwrap();
        let Value::Object(m) = &small.value else {
            panic!()
        };
        assert_eq!(m.repeated(), vec![2]);
        assert_eq!(small.get("a").unwrap().value, Value::Number("1".into()));
    }
}

#[cfg(test)]
mod size {
    #[test]
    fn a_node_is_56_bytes() {
        assert_eq!(std::mem::size_of::<super::Value>(), 32);
        assert_eq!(std::mem::size_of::<super::Node>(), 56);
    }
}
