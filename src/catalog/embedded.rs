//! The catalog embedded in the build, prepared by the compiler: its SHA-256 (quotes cite
//! it) and its text without comments and blank space (what the web app downloads and
//! parses at every start: a third smaller). `tests/catalogs.rs` proves that this text
//! decodes to the same catalog as `public/catalog.json5`.

use super::sha256::sha256;

/// SHA-256 of `public/catalog.json5` as written (about a second of build).
#[allow(long_running_const_eval)]
pub const SHA256: [u8; 32] = sha256(crate::DEFAULT_CATALOG.as_bytes());

const LEN: usize = minify(crate::DEFAULT_CATALOG.as_bytes(), &mut []);

static BYTES: [u8; LEN] = {
    let mut out = [0; LEN];
    minify(crate::DEFAULT_CATALOG.as_bytes(), &mut out);
    out
};

/// `public/catalog.json5` without comments and blank space between tokens.
pub static TEXT: &str = match std::str::from_utf8(&BYTES) {
    Ok(text) => text,
    Err(_) => panic!("the minified catalog is not UTF-8"),
};

/// Copies JSON5 `text` into `out` without comments and without spaces, tabs and line
/// breaks outside strings, and returns the length of the result (`out` may be shorter:
/// with an empty `out` this only measures).
const fn minify(text: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let next = if i + 1 < text.len() { text[i + 1] } else { 0 };
        let end = if c == b'"' || c == b'\'' {
            // A string, with its escapes, up to and including its closing quote.
            let mut j = i + 1;
            while j < text.len() && text[j] != c {
                j += if text[j] == b'\\' { 2 } else { 1 };
            }
            j + 1
        } else if c == b'/' && next == b'/' {
            let mut j = i;
            while j < text.len() && text[j] != b'\n' {
                j += 1;
            }
            i = j;
            continue;
        } else if c == b'/' && next == b'*' {
            let mut j = i + 2;
            while j + 1 < text.len() && !(text[j] == b'*' && text[j + 1] == b'/') {
                j += 1;
            }
            i = j + 2;
            continue;
        } else if matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
            continue;
        } else {
            i + 1
        };
        while i < end && i < text.len() {
            if n < out.len() {
                out[n] = text[i];
            }
            n += 1;
            i += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::minify;

    fn min(text: &str) -> String {
        let mut out = vec![0; text.len()];
        let n = minify(text.as_bytes(), &mut out);
        out.truncate(n);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strips_comments_and_blanks_but_not_strings() {
        assert_eq!(
            min("// head\n{ a: \"x // y\", /* c */ b: 'it\\'s  here',\n  c: [1, 2] }"),
            "{a:\"x // y\",b:'it\\'s  here',c:[1,2]}"
        );
    }
}
