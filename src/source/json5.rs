//! The JSON5 reader: text → [`Node`] tree in one pass, following the grammar of
//! <https://spec.json5.org> (1.0.0): comments, trailing commas, single quotes, unquoted
//! keys, hex, `+1`, `.5`, `5.`, `Infinity`/`NaN`, line continuations, any Unicode space
//! (a byte-order mark too). Commas between members are required. A syntax error says what
//! was expected and what was found, at its line:column, with the line and a caret. The
//! same reader in the [`Json`] dialect ([`parse_json`]) reads strict JSON (RFC 8259).
//!
//! Where it differs from the reference implementation (`tests/source_json5.rs` lists
//! both): a `\u` escape of half a UTF-16 pair is refused (Rust text is UTF-8), and
//! unquoted non-ASCII keys use Unicode's Alphabetic and Numeric properties (the standard
//! library's tables) instead of ID_Start/ID_Continue.

use super::diagnostic::{shorten, Diagnostic, Excerpt};
use super::dialect::{Dialect, Json, Json5};
use super::node::{Doc, Members, Node, Place, Step, Value, MAX_DEPTH, MAX_DOCUMENT_BYTES, TOP};
use super::scan::{key_at, Scanner, Syntax};
use std::cell::Cell;
use std::rc::Rc;

/// Parses JSON5 text (what people write). A syntax error comes back as one diagnostic
/// with line:column.
pub fn parse(text: &str) -> Result<Node, Diagnostic> {
    read::<Json5>(text)
}

/// Parses strict JSON text (what the program wrote: share links, drafts, the embedded
/// catalog's copy), as [`parse`] does JSON5.
pub fn parse_json(text: &str) -> Result<Node, Diagnostic> {
    read::<Json>(text)
}

fn read<D: Dialect>(text: &str) -> Result<Node, Diagnostic> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Diagnostic::error("", super::node::too_large()));
    }
    let mut reader = Reader {
        s: Scanner::<D>::new(text, 0),
        depth: 0,
        lines: LineIndex::new(text),
        doc: Doc::new(text, key_at::<D>),
    };
    reader.document().map_err(|e| reader.diagnostic(e))
}

/// Builds the tree from the tokens of a [`Scanner`].
struct Reader<'t, D> {
    s: Scanner<'t, D>,
    depth: usize,
    lines: LineIndex,
    doc: Rc<Doc>,
}

const A_VALUE: &str = "a value (an object, a list, a text, a number, true, false or null)";

impl<D: Dialect> Reader<'_, D> {
    /// `true`, `false`, `null`, or (JSON5) `Infinity` or `NaN`.
    fn word_value(&mut self) -> Result<Value, Syntax> {
        let word = self.s.word_at(self.s.at);
        let value = match word {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            "Infinity" | "NaN" if D::JSON5 => Value::Number(word.into()),
            _ => {
                let mut e = self.s.expected(self.s.at, A_VALUE);
                if matches!(
                    word.to_ascii_lowercase().as_str(),
                    "true" | "false" | "null"
                ) {
                    e.message
                        .push_str(" (true, false and null are written in lower case)");
                } else if !word.is_empty() {
                    e.message
                        .push_str(&format!(": a text is quoted (\"{}\")", shorten(word)));
                }
                return Err(e);
            }
        };
        self.s.at += word.len();
        Ok(value)
    }

    fn document(&mut self) -> Result<Node, Syntax> {
        self.s.blank()?;
        if self.s.at_end() {
            return Err(Syntax {
                at: 0,
                message: "the document is empty".into(),
            });
        }
        let root = self.value(Place {
            doc: Rc::clone(&self.doc),
            up: TOP,
            step: Step::ROOT,
        })?;
        self.s.blank()?;
        if !self.s.at_end() {
            return Err(self
                .s
                .expected(self.s.at, "the end of the text after the document's value"));
        }
        Ok(root)
    }

    fn value(&mut self, place: Place) -> Result<Node, Syntax> {
        let (line, column) = self.lines.position(self.s.text, self.s.at);
        let value = match self.s.byte(self.s.at) {
            Some(b'{') => Value::Object(self.object(&place)?),
            Some(b'[') => Value::Array(self.array(&place)?),
            Some(b'"') => Value::String(self.s.string(b'"')?),
            Some(b'\'') if D::JSON5 => Value::String(self.s.string(b'\'')?),
            Some(b'-' | b'+' | b'.' | b'0'..=b'9') => Value::Number(self.s.number()?.into()),
            _ => self.word_value()?,
        };
        Ok(Node {
            value,
            line,
            column,
            place,
        })
    }

    fn object(&mut self, place: &Place) -> Result<Members, Syntax> {
        let open = self.enter()?;
        let mut up = None;
        let mut list: Vec<(String, Node)> = Vec::new();
        loop {
            self.s.blank()?;
            if self.s.byte(self.s.at) == Some(b'}') {
                self.trailing(!list.is_empty())?;
                break;
            }
            let step = Step::key(self.s.at);
            let key = self.s.key()?;
            self.s.blank()?;
            if self.s.byte(self.s.at) != Some(b':') {
                let what = format!("\":\" after the key \"{}\"", shorten(&key));
                return Err(self.s.expected(self.s.at, &what));
            }
            self.s.at += 1;
            self.s.blank()?;
            let up = *up.get_or_insert_with(|| self.doc.container(place));
            let doc = Rc::clone(&self.doc);
            let node = self.value(Place { doc, up, step })?;
            list.push((key, node));
            if !self.separator(b'}', open, list.last().map(|(_, n)| n))? {
                break;
            }
        }
        self.leave();
        Ok(Members::new(list))
    }

    fn array(&mut self, place: &Place) -> Result<Vec<Node>, Syntax> {
        let open = self.enter()?;
        let mut up = None;
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.s.blank()?;
            if self.s.byte(self.s.at) == Some(b']') {
                self.trailing(!items.is_empty())?;
                break;
            }
            let up = *up.get_or_insert_with(|| self.doc.container(place));
            let doc = Rc::clone(&self.doc);
            let step = Step::index(items.len());
            items.push(self.value(Place { doc, up, step })?);
            if !self.separator(b']', open, items.last())? {
                break;
            }
        }
        self.leave();
        items.shrink_to_fit();
        Ok(items)
    }

    /// After a member or an element: a comma (true: more may follow) or the closing
    /// bracket (false, left for the caller to step over).
    fn separator(&mut self, close: u8, open: usize, last: Option<&Node>) -> Result<bool, Syntax> {
        self.s.blank()?;
        match self.s.byte(self.s.at) {
            Some(b',') => {
                self.s.at += 1;
                Ok(true)
            }
            Some(b) if b == close => Ok(false),
            _ => {
                let after = last.map_or_else(String::new, |n| format!(" after {}", n.path()));
                let what = format!("\",\" or \"{}\"{after}", char::from(close));
                let mut e = self.s.expected(self.s.at, &what);
                if self.s.at_end() {
                    let (l, c) = self.lines.position(self.s.text, open);
                    e.message.push_str(&format!(
                        " (the bracket at line {l}, column {c} is not closed)"
                    ));
                } else if self.s.starts_value(self.s.at) {
                    e.message.push_str(": is a comma missing?");
                }
                Err(e)
            }
        }
    }

    /// A closing bracket after a comma (`after_comma`): JSON5 allows it, JSON does not.
    fn trailing(&self, after_comma: bool) -> Result<(), Syntax> {
        if D::JSON5 || !after_comma {
            return Ok(());
        }
        Err(Syntax {
            at: self.s.at,
            message: "a comma cannot come before a closing bracket in JSON".into(),
        })
    }

    /// Steps into a `{` or `[`, refusing nesting beyond [`MAX_DEPTH`]; its offset.
    fn enter(&mut self) -> Result<usize, Syntax> {
        let open = self.s.at;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Syntax {
                at: open,
                message: format!("nesting deeper than {MAX_DEPTH} levels is not supported"),
            });
        }
        self.s.at += 1;
        Ok(open)
    }

    /// Steps over the closing bracket that [`Reader::separator`] found.
    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.s.at += 1;
    }

    fn diagnostic(&self, e: Syntax) -> Diagnostic {
        let (line, column) = self.lines.position(self.s.text, e.at);
        let excerpt = Excerpt::new(self.s.text, self.lines.start(line), e.at);
        Diagnostic::error("", e.message)
            .at(line, column)
            .with_excerpt(excerpt)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Byte offsets of line starts, to turn an offset into a 1-based line and column.
struct LineIndex {
    starts: Vec<u32>,
    /// The last position asked for, (offset, column). The tree asks in document order, so
    /// counting characters from there rather than from the line start keeps a long line
    /// (a minified document is a single line) linear instead of quadratic.
    last: Cell<(usize, usize)>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| to_u32(i + 1)));
        LineIndex {
            starts,
            last: Cell::new((0, 1)),
        }
    }

    /// The byte offset where 1-based `line` starts.
    fn start(&self, line: u32) -> usize {
        let i = usize::try_from(line).unwrap_or(1).saturating_sub(1);
        self.starts
            .get(i)
            .and_then(|&s| usize::try_from(s).ok())
            .unwrap_or(0)
    }

    fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self
            .starts
            .partition_point(|&s| usize::try_from(s).is_ok_and(|s| s <= offset))
            .max(1);
        let start = self.start(to_u32(line));
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn syntax_error_has_position() {
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(8)));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(100_000);
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("nesting"), "{e}");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&too_deep).is_err());
    }

    #[test]
    fn texts_decode_every_escape() {
        let root = parse(
            r#"['\'\"\\\/\b\f\n\r\t\v\0\x41\u00e9\uD83D\uDE00\a', "a\
b"]"#,
        )
        .unwrap();
        let Value::Array(items) = &root.value else {
            panic!()
        };
        assert_eq!(
            items[0].value,
            Value::String("'\"\\/\u{8}\u{c}\n\r\t\u{b}\0Aé😀a".into())
        );
        assert_eq!(items[1].value, Value::String("ab".into()));
    }
}
