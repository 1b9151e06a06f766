//! The tokens of JSON5 text (<https://spec.json5.org> 1.0.0), or of strict JSON as the
//! [`Dialect`] says: white space and comments, texts and their escapes, unquoted keys,
//! numbers; each error says what was expected and what was found. `json5.rs` builds the
//! tree from them; a path reads a key again with [`key_at`].

use super::diagnostic::shorten;
use super::dialect::Dialect;
use std::marker::PhantomData;

/// A syntax error: its byte offset and what is wrong there.
pub(super) struct Syntax {
    pub(super) at: usize,
    pub(super) message: String,
}

/// Reads the tokens of text in the dialect `D`.
pub(super) struct Scanner<'t, D> {
    pub(super) text: &'t str,
    bytes: &'t [u8],
    /// The byte offset being read.
    pub(super) at: usize,
    dialect: PhantomData<D>,
}

/// The key written at byte `at` of `text` (where a path's step points), read again.
pub(super) fn key_at<D: Dialect>(text: &str, at: usize) -> String {
    Scanner::<D>::new(text, at).key().unwrap_or_default()
}

impl<'t, D: Dialect> Scanner<'t, D> {
    pub(super) fn new(text: &'t str, at: usize) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            at,
            dialect: PhantomData,
        }
    }

    /// An object key: a quoted text or (JSON5) a name.
    pub(super) fn key(&mut self) -> Result<String, Syntax> {
        let start = self.at;
        match self.byte(start) {
            Some(b'"') => self.string(b'"'),
            Some(b'\'') if D::JSON5 => self.string(b'\''),
            _ if D::JSON5 => self
                .name()?
                .ok_or_else(|| self.expected(start, "a key (a name or a quoted text) or \"}\"")),
            _ => Err(self.expected(start, "a key (a text in double quotes) or \"}\"")),
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
                is_name_start::<D>(c)
            } else {
                is_name_part::<D>(c)
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
    pub(super) fn string(&mut self, q: u8) -> Result<String, Syntax> {
        let open = self.at;
        let mut out = String::new();
        let mut i = open + 1;
        // JSON5 takes any character but the quote, a backslash or a line break as it is;
        // JSON no control character either.
        let plain =
            |b: u8| b != q && !matches!(b, b'\\' | b'\n' | b'\r') && (D::JSON5 || b >= 0x20);
        loop {
            let run = i;
            while self.byte(i).is_some_and(plain) {
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
                Some(b) if b == q => {
                    self.at = i + 1;
                    return Ok(out);
                }
                Some(_) => {
                    return Err(Syntax {
                        at: i,
                        message: "a control character cannot be written in a text as it is: escape it (\\t, \\u0001)".into(),
                    })
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
        let (push, next) = match c {
            'b' => (Some('\u{8}'), next),
            'f' => (Some('\u{c}'), next),
            'n' => (Some('\n'), next),
            'r' => (Some('\r'), next),
            't' => (Some('\t'), next),
            'u' => self.unicode_escape(i)?,
            '"' | '\\' | '/' => (Some(c), next),
            _ if D::JSON5 => self.json5_escape(c, i, next)?,
            _ => {
                return Err(Syntax {
                    at: i,
                    message: format!(
                        "\\{c} is not an escape of JSON (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)"
                    ),
                })
            }
        };
        out.extend(push);
        Ok(next)
    }

    /// The escapes JSON5 adds to JSON's, at `i`: `\v`, `\0`, `\x41`, a line
    /// continuation, and any other character standing for itself; what it stands for and
    /// the offset after it.
    fn json5_escape(
        &self,
        c: char,
        i: usize,
        next: usize,
    ) -> Result<(Option<char>, usize), Syntax> {
        let bad = |message: String| Syntax { at: i, message };
        Ok(match c {
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
            '\r' if self.byte(next) == Some(b'\n') => (None, next + 1),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => (None, next),
            other => (Some(other), next),
        })
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

    /// A number literal, kept as its text: `12`, `-0.5`, `1e3`; in JSON5 also `.5`,
    /// `5.`, `+2`, `0x1F`, `Infinity`, `-NaN`.
    pub(super) fn number(&mut self) -> Result<&'t str, Syntax> {
        let start = self.at;
        let mut i = start;
        let sign = match self.byte(i) {
            Some(b'-') => true,
            Some(b'+') => D::JSON5,
            _ => false,
        };
        if sign {
            i += 1;
        }
        if D::JSON5 {
            if let Some(end) = self.json5_number(i)? {
                return Ok(self.take_number(start, end));
            }
        }
        let int = self.count(i, |b| b.is_ascii_digit());
        if int > 1 && self.byte(i) == Some(b'0') {
            return Err(Syntax {
                at: i,
                message: "a number cannot start with 0 followed by more digits (write 7, not 07)"
                    .into(),
            });
        }
        if int == 0 && !D::JSON5 {
            return Err(self.expected(i, "a digit"));
        }
        let mut end = i + int;
        let mut fraction = 0;
        if self.byte(end) == Some(b'.') {
            fraction = self.count(end + 1, |b| b.is_ascii_digit());
            if fraction == 0 && !D::JSON5 {
                return Err(self.expected(end + 1, "a digit after the point"));
            }
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

    /// JSON5's `Infinity`, `NaN` and hex after the sign at `i`: where the literal ends, or
    /// `None` when it is none of them.
    fn json5_number(&self, i: usize) -> Result<Option<usize>, Syntax> {
        let word = self.word_at(i);
        if matches!(word, "Infinity" | "NaN") {
            return Ok(Some(i + word.len()));
        }
        if self.byte(i) == Some(b'0') && matches!(self.byte(i + 1), Some(b'x' | b'X')) {
            let digits = self.count(i + 2, |b| b.is_ascii_hexdigit());
            if digits == 0 {
                return Err(self.expected(i + 2, "hex digits after 0x"));
            }
            return Ok(Some(i + 2 + digits));
        }
        Ok(None)
    }

    fn take_number(&mut self, start: usize, end: usize) -> &'t str {
        self.at = end;
        self.slice(start, end)
    }

    /// How many bytes from `at` on satisfy `f`.
    fn count(&self, at: usize, f: impl Fn(u8) -> bool) -> usize {
        self.bytes
            .get(at..)
            .map_or(0, |rest| rest.iter().take_while(|&&b| f(b)).count())
    }

    /// Skips white space and (JSON5) comments.
    pub(super) fn blank(&mut self) -> Result<(), Syntax> {
        loop {
            match self.byte(self.at) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.at += 1,
                _ if !D::JSON5 => return Ok(()),
                Some(0x0B | 0x0C) => self.at += 1,
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
    pub(super) fn expected(&self, at: usize, what: &str) -> Syntax {
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
            c if is_name_start::<D>(c) => self.word_at(at),
            _ => "",
        };
        if token.is_empty() {
            // JSON's messages escape what is not printable ASCII without Unicode tables.
            if D::JSON5 {
                format!("`{}`", c.escape_debug())
            } else {
                format!("`{}`", c.escape_default())
            }
        } else {
            format!("`{}`", shorten(token))
        }
    }

    /// Whether a key or a value could start at `at` (then a missing comma is likely).
    pub(super) fn starts_value(&self, at: usize) -> bool {
        self.char_at(at).is_some_and(|c| {
            matches!(c, '{' | '[' | '"' | '\'' | '0'..='9' | '-' | '+' | '.')
                || is_name_start::<D>(c)
        })
    }

    /// The run of name characters (no escapes) at `at`.
    pub(super) fn word_at(&self, at: usize) -> &'t str {
        let rest = self.slice(at, self.bytes.len());
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                !(if i == 0 {
                    is_name_start::<D>(c)
                } else {
                    is_name_part::<D>(c)
                })
            })
            .map_or(rest.len(), |(i, _)| i);
        self.slice(at, at + end)
    }

    pub(super) fn at_end(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub(super) fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    pub(super) fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }

    pub(super) fn slice(&self, from: usize, to: usize) -> &'t str {
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

/// A character that starts a name (an unquoted key in JSON5; in messages, a word): in
/// JSON, which has no names, ASCII letters only (no Unicode tables).
fn is_name_start<D: Dialect>(c: char) -> bool {
    c == '$'
        || c == '_'
        || c.is_ascii_alphabetic()
        || (D::JSON5 && !c.is_ascii() && c.is_alphabetic())
}

fn is_name_part<D: Dialect>(c: char) -> bool {
    is_name_start::<D>(c)
        || c.is_ascii_digit()
        || (D::JSON5
            && !c.is_ascii()
            && (c.is_alphanumeric() || matches!(c, '\u{200C}' | '\u{200D}')))
}
