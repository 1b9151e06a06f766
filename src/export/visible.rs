//! Text as every plain-text face writes it (the quote, the diff, the justification, the
//! book of business, the command's messages): a control character in a name — a
//! terminal escape such as `ESC [31m` or `ESC ]8;;url BEL`, a carriage return that
//! overwrites the line — is shown as `\u{1b}`, never written as is. The one owner of
//! that rule; the PDF has its own (`pdf/winansi.rs`: `[U+001B]`).

use std::borrow::Cow;

/// `s` with every hidden character shown as its Rust escape (`\u{1b}`): the line breaks
/// are kept where `lines` allows a paragraph of several lines, shown otherwise.
fn shown(s: &str, lines: bool) -> Cow<'_, str> {
    let hides = |c: char| hidden(c) && !(lines && c == '\n');
    if !s.contains(hides) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hides(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A character a terminal acts on or hides rather than shows: C0 (newline included), DEL
/// and C1; the line and paragraph separators; and the bidirectional overrides and
/// isolates, which reorder what is shown around them.
pub(super) fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// A text of one line (a name, a label, a cell): every hidden character shown.
pub fn visible(s: &str) -> Cow<'_, str> {
    shown(s, false)
}

/// A text of several lines (a document, a paragraph, notes): its line breaks kept, every
/// other hidden character shown.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    shown(s, true)
}

/// A document written whole (`to_text`, …): `doc` itself when nothing in it is hidden.
pub(super) fn visible_doc(doc: String) -> String {
    match visible_lines(&doc) {
        Cow::Borrowed(_) => doc,
        Cow::Owned(shown) => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_shown() {
        // ESC [31m (colour), OSC 8 (a hyperlink), BEL, CR, DEL, C1 CSI, an RLO override.
        let name = "a\u{1b}[31mred\u{1b}]8;;http://x\u{7}link\rb\u{7f}\u{9b}c\u{202e}d\te";
        let want = r"a\u{1b}[31mred\u{1b}]8;;http://x\u{7}link\u{d}b\u{7f}\u{9b}c\u{202e}d\u{9}e";
        assert_eq!(visible(name), want);
        assert_eq!(visible("one\ntwo"), r"one\u{a}two");
        assert_eq!(visible_lines("one\ntwo\r"), "one\ntwo\\u{d}");
        assert!(matches!(visible("Montréal — 東京"), Cow::Borrowed(_)));
    }
}
