//! Errors and warnings that point at a path and, when known, a line and column.

use std::fmt;

/// Keys longer than this (in characters) are shortened with `…` in paths and messages.
pub const MAX_KEY_SHOWN: usize = 40;

/// At most [`MAX_KEY_SHOWN`] characters of `s`, with `…` when cut.
pub fn shorten(s: &str) -> String {
    match s.char_indices().nth(MAX_KEY_SHOWN) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// How bad a diagnostic is: errors make a document unusable, warnings (lints) do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where in the document: `hubs[0].monthly_active_users`; empty for the whole document.
    pub path: String,
    /// 1-based line, when the document text is known.
    pub line: Option<u32>,
    /// 1-based column (in characters), when the document text is known.
    pub column: Option<u32>,
    pub message: String,
    /// The offending line with a caret (syntax errors).
    pub excerpt: Option<Excerpt>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            excerpt: None,
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn with_excerpt(mut self, excerpt: Excerpt) -> Self {
        self.excerpt = Some(excerpt);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `FILE:LINE:COLUMN: error: PATH: message`, the form compilers and editors understand,
    /// followed by the offending line and a caret when there is an excerpt.
    pub fn render(&self, file: &str) -> String {
        let place = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            _ => file.to_string(),
        };
        match (&self.excerpt, self.line) {
            (Some(e), Some(line)) => format!("{place}: {self}\n{}", e.render(line)),
            _ => format!("{place}: {self}"),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.path.is_empty() {
            write!(f, "{sev}: {}", self.message)
        } else {
            write!(f, "{sev}: {}: {}", self.path, self.message)
        }
    }
}

/// A line of the document around a position, made safe to print, and the caret's column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    text: String,
    /// Characters of `text` before the caret.
    caret: usize,
}

/// Characters shown on each side of the caret; a longer line is cut with `…`.
const EXCERPT_SIDE: usize = 60;

impl Excerpt {
    /// The line that starts at byte `line_start` of `text`, around byte `at`.
    pub(super) fn new(text: &str, line_start: usize, at: usize) -> Excerpt {
        let before = text.get(line_start..at).unwrap_or_default();
        let rest = text.get(at..).unwrap_or_default();
        let after = rest
            .get(..rest.find(['\n', '\r']).unwrap_or(rest.len()))
            .unwrap_or_default();
        let mut shown = String::new();
        let cut_before = before.char_indices().rev().nth(EXCERPT_SIDE);
        if let Some((i, c)) = cut_before {
            shown.push('…');
            push_visible(
                &mut shown,
                before.get(i + c.len_utf8()..).unwrap_or_default(),
            );
        } else {
            push_visible(&mut shown, before);
        }
        let caret = shown.chars().count();
        let cut_after = after.char_indices().nth(EXCERPT_SIDE);
        let end = cut_after.map_or(after.len(), |(i, _)| i);
        push_visible(&mut shown, after.get(..end).unwrap_or_default());
        if cut_after.is_some() {
            shown.push('…');
        }
        Excerpt { text: shown, caret }
    }

    /// ```text
    ///    9 |       { to: 100 price: 5 },
    ///      |                 ^
    /// ```
    fn render(&self, line: u32) -> String {
        let number = line.to_string();
        let gutter = " ".repeat(number.len());
        format!(
            "  {number} | {}\n  {gutter} | {}^",
            self.text,
            " ".repeat(self.caret)
        )
    }
}

/// Appends `s` with tabs as spaces and other control characters (terminal escapes
/// included) as `�`, so that the caret lines up and nothing is sent to a terminal as is.
fn push_visible(out: &mut String, s: &str) {
    out.extend(s.chars().map(|c| match c {
        '\t' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }));
}

/// At most this many errors, and as many warnings, are kept; the others are counted.
pub const MAX_KEPT: usize = 50;

/// The diagnostics of a document: the first [`MAX_KEPT`] errors and warnings in the order
/// they were found, and how many more there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    kept: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        let mut all = Diagnostics::default();
        all.push(d);
        all
    }
}

impl Diagnostics {
    /// Keeps `d`, or only counts it when [`MAX_KEPT`] of its severity are kept already.
    pub fn push(&mut self, d: Diagnostic) {
        if self.count(d.severity) {
            self.kept.push(d);
        }
    }

    /// Keeps the diagnostic (of `severity`) that `make` writes, or only counts it without
    /// writing it when that many are kept already.
    pub fn push_with(&mut self, severity: Severity, make: impl FnOnce() -> Diagnostic) {
        if self.count(severity) {
            self.kept.push(make());
        }
    }

    /// Counts one diagnostic of `severity`; whether it is to be kept.
    fn count(&mut self, severity: Severity) -> bool {
        let keep = !self.is_full(severity);
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        keep
    }

    /// Whether a new diagnostic of this severity would only be counted (then the work of
    /// writing a precise message can be skipped).
    pub fn is_full(&self, severity: Severity) -> bool {
        let count = match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
        };
        count >= MAX_KEPT
    }

    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Diagnostic::error(path, message));
    }

    pub fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Diagnostic::warning(path, message));
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Every error found, kept or only counted.
    pub fn error_count(&self) -> usize {
        self.errors
    }

    /// Every warning found, kept or only counted.
    pub fn warning_count(&self) -> usize {
        self.warnings
    }

    /// The kept errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.kept.iter().filter(|d| d.is_error())
    }

    /// The kept warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.kept.iter().filter(|d| !d.is_error())
    }

    /// The kept diagnostics, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.kept.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Diagnostic> {
        self.kept.iter_mut()
    }

    pub fn is_empty(&self) -> bool {
        self.errors == 0 && self.warnings == 0
    }

    pub fn extend(&mut self, other: Diagnostics) {
        let (errors, warnings) = (self.errors, self.warnings);
        for d in other.kept {
            self.push(d);
        }
        self.errors = errors + other.errors;
        self.warnings = warnings + other.warnings;
    }

    /// Orders the kept diagnostics by line and column (unlocated ones first).
    pub fn sort_by_position(&mut self) {
        self.kept.sort_by_key(|d| (d.line, d.column));
    }

    /// Each kept diagnostic rendered against a file name (see [`Diagnostic::render`]),
    /// then `FILE: … and 9,950 more errors` for those only counted.
    pub fn rendered(&self, file: &str) -> Vec<String> {
        let mut out: Vec<String> = self.kept.iter().map(|d| d.render(file)).collect();
        for (count, what) in [(self.errors, "error"), (self.warnings, "warning")] {
            let more = count.saturating_sub(MAX_KEPT);
            if more > 0 {
                let s = if more == 1 { "" } else { "s" };
                out.push(format!("{file}: … and {} more {what}{s}", grouped(more)));
            }
        }
        out
    }

    /// [`Diagnostics::rendered`], one per line.
    pub fn render(&self, file: &str) -> String {
        self.rendered(file).join("\n")
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        let mut all = Diagnostics::default();
        for d in iter {
            all.push(d);
        }
        all
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.kept.into_iter()
    }
}

impl<'d> IntoIterator for &'d mut Diagnostics {
    type Item = &'d mut Diagnostic;
    type IntoIter = std::slice::IterMut<'d, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.kept.iter_mut()
    }
}

impl<'d> IntoIterator for &'d Diagnostics {
    type Item = &'d Diagnostic;
    type IntoIter = std::slice::Iter<'d, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.kept.iter()
    }
}

/// `9950` → `9,950`.
pub(super) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.kept.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match (d.line, d.column) {
                (Some(l), Some(c)) => write!(f, "{l}:{c}: {d}")?,
                _ => write!(f, "{d}")?,
            }
        }
        for (count, what) in [(self.errors, "errors"), (self.warnings, "warnings")] {
            let more = count.saturating_sub(MAX_KEPT);
            if more > 0 {
                write!(f, "\n… and {} more {what}", grouped(more))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_errors_and_warnings_are_kept_and_the_rest_counted() {
        let mut d = Diagnostics::default();
        for i in 0..10_000 {
            d.warning(format!("w{i}"), "lint");
        }
        assert!(!d.has_errors(), "warnings alone are no error");
        d.error("late", "the one error after 10,000 warnings");
        for i in 0..9_999 {
            d.error(format!("e{i}"), "bad");
        }
        assert!(d.has_errors());
        assert_eq!((d.error_count(), d.warning_count()), (10_000, 10_000));
        assert_eq!(d.iter().count(), 2 * MAX_KEPT);
        assert!(d.errors().any(|e| e.path == "late"), "the error is kept");
        let text = d.render("f");
        assert!(
            text.ends_with("f: … and 9,950 more errors\nf: … and 9,950 more warnings"),
            "{text}"
        );
        let mut e = Diagnostics::from(Diagnostic::error("x", "y"));
        e.extend(d);
        assert_eq!(e.error_count(), 10_001);
        assert_eq!(e.errors().count(), MAX_KEPT);
    }

    #[test]
    fn thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(9_950), "9,950");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn excerpts_show_the_line_with_a_caret_and_nothing_a_terminal_would_run() {
        let text = "{\n  \tto: 100 price: 5, \u{1b}[31m\n}";
        let at = text.find("price").unwrap();
        let e = Excerpt::new(text, 2, at);
        assert_eq!(
            e.render(2),
            "  2 |    to: 100 price: 5, \u{FFFD}[31m\n    |            ^"
        );
        let long = format!("{}X{}", "a".repeat(100), "b".repeat(100));
        let e = Excerpt::new(&long, 0, 100);
        assert_eq!(e.text, format!("…{}X{}…", "a".repeat(60), "b".repeat(59)));
        assert_eq!(e.caret, 61);
    }
}
