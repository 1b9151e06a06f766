//! The JSON5 reader: text → [`Node`] tree in one pass, following the grammar of
//! <https://spec.json5.org> (1.0.0): comments, trailing commas, single quotes, unquoted
//! keys, hex, `+1`, `.5`, `5.`, `Infinity`/`NaN`, line continuations, any Unicode space
//! (a byte-order mark too). Commas between members are required. A syntax error says what
//! was expected and what was found, at its line:column, with the line and a caret.
//!
//! Where it differs from the reference implementation (`tests/source_json5.rs` lists
//! both): a `\u` escape of half a UTF-16 pair is refused (Rust text is UTF-8), and
//! unquoted non-ASCII keys use Unicode's Alphabetic and Numeric properties (the standard
//! library's tables) instead of ID_Start/ID_Continue.

use super::diagnostic::Excerpt;
use super::node::{
    shorten, Doc, Literal, Members, Node, Place, Step, Value, MAX_DEPTH, MAX_DOCUMENT_BYTES, TOP,
};
use super::Diagnostic;
use std::cell::Cell;
use std::rc::Rc;

/// Parses JSON5 text. A syntax error comes back as one diagnostic with line:column.
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
    let mut reader = Reader {
        s: Scanner::new(text, 0),
        depth: 0,
        lines: LineIndex::new(text),
        doc: Doc::new(text),
    };
    reader.document().map_err(|e| reader.diagnostic(e))
}

/// A syntax error: its byte offset and what is wrong there.
struct Syntax {
    at: usize,
    message: String,
}

/// Builds the tree from the tokens of a [`Scanner`].
struct Reader<'t> {
    s: Scanner<'t>,
    depth: usize,
    lines: LineIndex,
    doc: Rc<Doc>,
}

/// Reads the tokens of JSON5 text.
struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// The byte offset being read.
    at: usize,
}

const A_VALUE: &str = "a value (an object, a list, a text, a number, true, false or null)";

impl Reader<'_> {
    fn document(&mut self) -> Result<Node, Syntax> {
        self.s.blank()?;
        if self.s.at >= self.s.bytes.len() {
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
        if self.s.at < self.s.bytes.len() {
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
            Some(q @ (b'"' | b'\'')) => Value::String(self.s.string(q)?),
            Some(b'-' | b'+' | b'.' | b'0'..=b'9') => Value::Number(self.s.number()?),
            _ => self.s.word_value()?,
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
                if self.s.at >= self.s.bytes.len() {
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

/// The key written at byte `at` of `text` (where [`Step::Key`] points), read again.
pub(super) fn key_at(text: &str, at: usize) -> String {
    Scanner::new(text, at).key().unwrap_or_default()
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, at: usize) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            at,
        }
    }

    /// `true`, `false`, `null`, `Infinity` or `NaN`.
    fn word_value(&mut self) -> Result<Value, Syntax> {
        let word = self.word_at(self.at);
        let value = match word {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            "Infinity" | "NaN" => Value::Number(word.into()),
            _ => {
                let mut e = self.expected(self.at, A_VALUE);
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
        self.at += word.len();
        Ok(value)
    }

    /// An object key: a quoted text or a name.
    fn key(&mut self) -> Result<String, Syntax> {
        let start = self.at;
        match self.byte(start) {
            Some(q @ (b'"' | b'\'')) => self.string(q),
            _ => self
                .name()?
                .ok_or_else(|| self.expected(start, "a key (a name or a quoted text) or \"}\"")),
        }
    }

    /// An unquoted key (an ECMAScript IdentifierName, `\u` escapes included); `None` when
    /// none starts here.
    fn name(&mut self) -> Result<Option<String>, Syntax> {
        let mut out = String::new();
        while let Some(c) = self.char_at(self.at) {
            let at = self.at;
            let from_escape = c == '\\';
            let (c, len) = if from_escape {
                (self.name_escape(at)?, 6)
            } else {
                (c, c.len_utf8())
            };
            let fits = if out.is_empty() {
                is_name_start(c)
            } else {
                is_name_part(c)
            };
            if !fits && from_escape {
                return Err(Syntax {
                    at,
                    message: format!("{c:?} cannot be part of an unquoted key: quote the key"),
                });
            }
            if !fits {
                break;
            }
            out.push(c);
            self.at += len;
        }
        Ok((!out.is_empty()).then_some(out))
    }

    /// `\uXXXX` in a name.
    fn name_escape(&self, at: usize) -> Result<char, Syntax> {
        let unit = (self.byte(at + 1) == Some(b'u'))
            .then(|| self.hex(at + 2, 4))
            .flatten();
        unit.and_then(char::from_u32).ok_or_else(|| Syntax {
            at,
            message: "an unquoted key may only contain \\u escapes of four hex digits (\\u0041)"
                .into(),
        })
    }

    /// A quoted text starting at its quote `q`.
    fn string(&mut self, q: u8) -> Result<String, Syntax> {
        let open = self.at;
        let mut out = String::new();
        let mut i = open + 1;
        loop {
            let run = i;
            while self
                .byte(i)
                .is_some_and(|b| b != q && !matches!(b, b'\\' | b'\n' | b'\r'))
            {
                i += 1;
            }
            out.push_str(self.slice(run, i));
            match self.byte(i) {
                Some(b'\\') => {
                    i = self.escape(open, i, &mut out)?;
                }
                Some(b'\n' | b'\r') => {
                    return Err(Syntax {
                        at: i,
                        message: "a text cannot go on to the next line: write \\n, or end the line with \\ to continue the text".into(),
                    })
                }
                Some(_) => {
                    self.at = i + 1;
                    return Ok(out);
                }
                None => return Err(unclosed(open, q)),
            }
        }
    }

    /// The escape at `i` (a backslash) inside the text opened at `open`: appends what it
    /// stands for and returns the offset after it.
    fn escape(&self, open: usize, i: usize, out: &mut String) -> Result<usize, Syntax> {
        let q = self.byte(open).unwrap_or(b'"');
        let c = self.char_at(i + 1).ok_or_else(|| unclosed(open, q))?;
        let next = i + 1 + c.len_utf8();
        let bad = |message: String| Syntax { at: i, message };
        let (push, next) = match c {
            'b' => (Some('\u{8}'), next),
            'f' => (Some('\u{c}'), next),
            'n' => (Some('\n'), next),
            'r' => (Some('\r'), next),
            't' => (Some('\t'), next),
            'v' => (Some('\u{b}'), next),
            '0' if self.byte(next).is_some_and(|b| b.is_ascii_digit()) => {
                return Err(bad(
                    "\\0 cannot be followed by a digit (digits cannot be escaped)".into(),
                ))
            }
            '0' => (Some('\0'), next),
            '1'..='9' => {
                return Err(bad(format!(
                    "\\{c} is not an escape (digits cannot be escaped)"
                )))
            }
            'x' => {
                let v = self
                    .hex(next, 2)
                    .ok_or_else(|| bad("\\x needs two hex digits (\\x41)".into()))?;
                (char::from_u32(v), next + 2)
            }
            'u' => self.unicode_escape(i)?,
            '\r' if self.byte(next) == Some(b'\n') => (None, next + 1),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => (None, next),
            other => (Some(other), next),
        };
        out.extend(push);
        Ok(next)
    }

    /// `\uXXXX` at `i` in a text, a UTF-16 pair of them for characters beyond U+FFFF.
    fn unicode_escape(&self, i: usize) -> Result<(Option<char>, usize), Syntax> {
        let bad = |message: &str| Syntax {
            at: i,
            message: message.into(),
        };
        let unit = self
            .hex(i + 2, 4)
            .ok_or_else(|| bad("\\u needs four hex digits (\\u00e9)"))?;
        if let Some(c) = char::from_u32(unit) {
            return Ok((Some(c), i + 6));
        }
        let low = (self.slice(i + 6, i + 8) == "\\u")
            .then(|| self.hex(i + 8, 4))
            .flatten()
            .filter(|low| (0xDC00..=0xDFFF).contains(low) && (0xD800..=0xDBFF).contains(&unit));
        match low.and_then(|low| char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))) {
            Some(c) => Ok((Some(c), i + 12)),
            None => Err(bad(
                "this \\u escape is half of a UTF-16 pair without its other half: it is not a character",
            )),
        }
    }

    /// `n` hex digits at `at` (exactly: no sign, no fewer).
    fn hex(&self, at: usize, n: usize) -> Option<u32> {
        let digits = self.text.get(at..at + n)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }

    /// A number literal, kept as its text: `12`, `-0.5`, `.5`, `5.`, `1e3`, `+2`,
    /// `0x1F`, `Infinity`, `-NaN`.
    fn number(&mut self) -> Result<Literal, Syntax> {
        let start = self.at;
        let mut i = start;
        if matches!(self.byte(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let word = self.word_at(i);
        if matches!(word, "Infinity" | "NaN") {
            return Ok(self.take_number(start, i + word.len()));
        }
        if self.byte(i) == Some(b'0') && matches!(self.byte(i + 1), Some(b'x' | b'X')) {
            let digits = self.count(i + 2, |b| b.is_ascii_hexdigit());
            if digits == 0 {
                return Err(self.expected(i + 2, "hex digits after 0x"));
            }
            return Ok(self.take_number(start, i + 2 + digits));
        }
        let int = self.count(i, |b| b.is_ascii_digit());
        if int > 1 && self.byte(i) == Some(b'0') {
            return Err(Syntax {
                at: i,
                message: "a number cannot start with 0 followed by more digits (write 7, not 07)"
                    .into(),
            });
        }
        let mut end = i + int;
        let mut fraction = 0;
        if self.byte(end) == Some(b'.') {
            fraction = self.count(end + 1, |b| b.is_ascii_digit());
            end += 1 + fraction;
        }
        if int == 0 && fraction == 0 {
            return Err(self.expected(i, "a digit"));
        }
        if matches!(self.byte(end), Some(b'e' | b'E')) {
            let mut digits_at = end + 1;
            if matches!(self.byte(digits_at), Some(b'+' | b'-')) {
                digits_at += 1;
            }
            let digits = self.count(digits_at, |b| b.is_ascii_digit());
            if digits == 0 {
                return Err(self.expected(digits_at, "the exponent's digits"));
            }
            end = digits_at + digits;
        }
        Ok(self.take_number(start, end))
    }

    fn take_number(&mut self, start: usize, end: usize) -> Literal {
        self.at = end;
        self.slice(start, end).into()
    }

    /// How many bytes from `at` on satisfy `f`.
    fn count(&self, at: usize, f: impl Fn(u8) -> bool) -> usize {
        self.bytes
            .get(at..)
            .map_or(0, |rest| rest.iter().take_while(|&&b| f(b)).count())
    }

    /// Skips white space and comments.
    fn blank(&mut self) -> Result<(), Syntax> {
        loop {
            match self.byte(self.at) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => self.at += 1,
                Some(b'/') if self.byte(self.at + 1) == Some(b'/') => {
                    let rest = self.slice(self.at, self.bytes.len());
                    self.at += rest
                        .find(['\n', '\r', '\u{2028}', '\u{2029}'])
                        .unwrap_or(rest.len());
                }
                Some(b'/') if self.byte(self.at + 1) == Some(b'*') => {
                    let rest = self.slice(self.at + 2, self.bytes.len());
                    match rest.find("*/") {
                        Some(end) => self.at += 2 + end + 2,
                        None => {
                            return Err(Syntax {
                                at: self.at,
                                message: "this comment is not closed: its */ is missing".into(),
                            })
                        }
                    }
                }
                Some(b) if b >= 0x80 => match self.char_at(self.at) {
                    Some(c) if is_space(c) => self.at += c.len_utf8(),
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            }
        }
    }

    /// "expected WHAT, found …" at `at`.
    fn expected(&self, at: usize, what: &str) -> Syntax {
        Syntax {
            at,
            message: format!("expected {what}, found {}", self.found(at)),
        }
    }

    /// What is at `at`, for messages: `` `price` ``, `` `,` ``, `a text`, the end of the text.
    fn found(&self, at: usize) -> String {
        let Some(c) = self.char_at(at) else {
            return "the end of the text".into();
        };
        let token = match c {
            '"' | '\'' => return "a text".into(),
            '0'..='9' | '-' | '+' | '.' => {
                let n = self.count(at, |b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'-')
                });
                self.slice(at, at + n)
            }
            c if is_name_start(c) => self.word_at(at),
            _ => "",
        };
        if token.is_empty() {
            format!("`{}`", c.escape_debug())
        } else {
            format!("`{}`", shorten(token))
        }
    }

    /// Whether a key or a value could start at `at` (then a missing comma is likely).
    fn starts_value(&self, at: usize) -> bool {
        self.char_at(at).is_some_and(|c| {
            matches!(c, '{' | '[' | '"' | '\'' | '0'..='9' | '-' | '+' | '.') || is_name_start(c)
        })
    }

    /// The run of name characters (no escapes) at `at`.
    fn word_at(&self, at: usize) -> &str {
        let rest = self.slice(at, self.bytes.len());
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                !(if i == 0 {
                    is_name_start(c)
                } else {
                    is_name_part(c)
                })
            })
            .map_or(rest.len(), |(i, _)| i);
        self.slice(at, at + end)
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }

    fn slice(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or_default()
    }
}

fn unclosed(open: usize, quote: u8) -> Syntax {
    let q = char::from(quote);
    Syntax {
        at: open,
        message: format!("this text is not closed: its closing {q} is missing"),
    }
}

/// JSON5 white space beyond ASCII: no-break space, the line and paragraph separators,
/// the byte-order mark, and Unicode's space separators (category Zs).
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

fn is_name_start(c: char) -> bool {
    c == '$' || c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_name_part(c: char) -> bool {
    is_name_start(c)
        || c.is_ascii_digit()
        || (!c.is_ascii() && (c.is_alphanumeric() || matches!(c, '\u{200C}' | '\u{200D}')))
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
