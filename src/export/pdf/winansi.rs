//! Unicode → WinAnsiEncoding (PDF 32000-1:2008, Annex D.2), the only text encoding the
//! non-embedded standard-14 fonts have. The rule, also in `docs/pdf.md`:
//!
//! 1. Every character WinAnsi has is encoded exactly: ASCII, Latin-1 (0xA0–0xFF), and
//!    the 27 characters of 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ),
//!    which are *not* the Latin-1 code points.
//! 2. Tab, newline and carriage return become a space (callers split paragraphs first).
//! 3. A few typographic characters the engine itself writes get a plain look-alike:
//!    − (minus) → `-`, ≈ → `~`, ≤ → `<=`, ≥ → `>=`, → → `->`, ← → `<-`,
//!    ‐ ‑ ‒ (hyphens) → `-`, and the Unicode spaces U+2000–U+200A, U+202F, U+205F → space.
//! 4. Anything else (CJK, emoji, combining marks, control characters, …) is replaced by
//!    the visible marker `[U+XXXX]` (at least four upper-case hex digits), so nothing
//!    vanishes silently and the reader can look the character up.

/// What WinAnsi bytes 0x80–0x9F stand for; `None` where WinAnsi leaves a code undefined.
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The WinAnsi byte of a character, if WinAnsi has it.
fn byte_of(c: char) -> Option<u8> {
    let u = u32::from(c);
    match u {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(u).ok(),
        _ => HIGH
            .iter()
            .position(|h| *h == Some(c))
            .and_then(|i| u8::try_from(i + 0x80).ok()),
    }
}

/// Rule 3: a plain look-alike for a typographic character WinAnsi lacks.
fn look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' | '\n' | '\r' => " ",
        '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2012}' => "-",
        '\u{2248}' => "~",
        '\u{2264}' => "<=",
        '\u{2265}' => ">=",
        '\u{2192}' => "->",
        '\u{2190}' => "<-",
        '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => " ",
        _ => return None,
    })
}

/// Appends the WinAnsi bytes for `s` to `out`, applying the substitution rule.
pub(super) fn encode_into(s: &str, out: &mut Vec<u8>) {
    for c in s.chars() {
        if let Some(b) = byte_of(c) {
            out.push(b);
        } else if let Some(alike) = look_alike(c) {
            out.extend_from_slice(alike.as_bytes());
        } else {
            out.extend_from_slice(marker(c).as_bytes());
        }
    }
}

/// `s` as WinAnsi bytes, applying the substitution rule.
pub(super) fn encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    encode_into(s, &mut out);
    out
}

/// The marker that stands for a character WinAnsi cannot show: `[U+6771]`.
pub fn marker(c: char) -> String {
    format!("[U+{:04X}]", u32::from(c))
}

/// The character a WinAnsi byte shows (U+FFFD for the undefined codes, never produced).
fn char_of(b: u8) -> char {
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .flatten()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// The text exactly as the PDF shows it (and `pdftotext` extracts it): `s` after the
/// substitution rule. "Université — 東京" → "Université — [U+6771][U+4EAC]".
pub fn shown(s: &str) -> String {
    encode(s).into_iter().map(char_of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_range_differs_from_latin1() {
        assert_eq!(encode("€—’“”•×é"), b"\x80\x97\x92\x93\x94\x95\xD7\xE9");
        // The C1 controls at U+0080–U+009F are not WinAnsi characters.
        assert_eq!(encode("\u{0097}"), b"[U+0097]");
    }

    #[test]
    fn substitution_is_visible() {
        assert_eq!(shown("Montréal — 東京"), "Montréal — [U+6771][U+4EAC]");
        assert_eq!(shown("😀"), "[U+1F600]");
        assert_eq!(shown("−$5 ≈ 4"), "-$5 ~ 4");
        assert_eq!(shown("a\tb\nc\u{0}"), "a b c[U+0000]");
    }

    #[test]
    fn every_byte_round_trips() {
        for b in (0x20u8..=0x7E).chain(0x80..=0xFF) {
            let c = char_of(b);
            if c != '\u{FFFD}' {
                assert_eq!(encode(&c.to_string()), vec![b], "{b:#x}");
            }
        }
    }
}
