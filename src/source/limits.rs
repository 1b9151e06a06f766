//! How long each kind of text in a document may be. A text from a catalog or a scenario
//! is written again wherever it is used (a seller's name in every page's footer, a
//! label in every sentence about it), so each kind has a bound: then what is written
//! about a document grows with its size, never with a product of its sizes.

use super::diagnostic::{grouped, Diagnostics};

/// A bound on one kind of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLimit {
    /// What the text is, for messages: `a name`.
    pub what: &'static str,
    pub max_chars: usize,
    /// No line break (`\n`, `\r`) allowed.
    pub one_line: bool,
}

/// A name or label: a customer, a hub, the seller, a tier's label.
pub const NAME: TextLimit = TextLimit {
    what: "a name",
    max_chars: 200,
    one_line: true,
};

/// A key, an id or a value chosen from a list: a tier key, an item id, an option value.
pub const KEY: TextLimit = TextLimit {
    what: "a key",
    max_chars: 100,
    one_line: true,
};

/// A currency's symbol or code: `$`, `USD`.
pub const SYMBOL: TextLimit = TextLimit {
    what: "a currency symbol or code",
    max_chars: 8,
    one_line: true,
};

/// A web address.
pub const URL: TextLimit = TextLimit {
    what: "a web address",
    max_chars: 2_000,
    one_line: true,
};

/// A help text, a note, a term of the quote, a description.
pub const PARAGRAPH: TextLimit = TextLimit {
    what: "a paragraph",
    max_chars: 2_000,
    one_line: false,
};

/// A scenario's notes: several paragraphs.
pub const NOTES: TextLimit = TextLimit {
    what: "the notes",
    max_chars: 10_000,
    one_line: false,
};

impl TextLimit {
    /// What is wrong with `text` under this limit, if anything. Costs at most
    /// `max_chars` steps for a text within the limit.
    pub fn problem(&self, text: &str) -> Option<String> {
        if text.chars().nth(self.max_chars).is_some() {
            return Some(format!(
                "is {} characters long, more than the {} allowed in {}",
                grouped(text.chars().count()),
                grouped(self.max_chars),
                self.what
            ));
        }
        if self.one_line && text.contains(['\n', '\r']) {
            return Some(format!("{} is one line: remove the line break", self.what));
        }
        None
    }

    /// Records an error at `path` when `text` breaks the limit.
    pub fn check(&self, out: &mut Diagnostics, path: &str, text: &str) {
        if let Some(problem) = self.problem(text) {
            out.error(path, problem);
        }
    }
}

/// Records an error at `path` when a list or map has more than `max` entries.
pub fn check_count(out: &mut Diagnostics, path: &str, count: usize, max: usize, what: &str) {
    if count > max {
        out.error(
            path,
            format!(
                "{} {what} are more than the {} this calculator accepts",
                grouped(count),
                grouped(max)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_within_and_beyond_their_limit() {
        assert_eq!(NAME.problem(&"é".repeat(200)), None);
        assert_eq!(
            NAME.problem(&"é".repeat(201)).as_deref(),
            Some("is 201 characters long, more than the 200 allowed in a name")
        );
        assert_eq!(
            NAME.problem("2i2c\nand more").as_deref(),
            Some("a name is one line: remove the line break")
        );
        assert_eq!(PARAGRAPH.problem("one\ntwo"), None);
        assert_eq!(
            NOTES.problem(&"x".repeat(80_000)).as_deref(),
            Some("is 80,000 characters long, more than the 10,000 allowed in the notes")
        );
    }
}
