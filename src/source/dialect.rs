//! The two text formats the reader reads: JSON5, for the files people write (catalogs,
//! scenarios, quote files), and strict JSON (RFC 8259), for the texts the program writes
//! itself (share links, drafts, the embedded catalog's build-time copy). A type
//! parameter rather than a flag, so that a build which only reads JSON (the web app's
//! first download) carries none of the code for JSON5's extras.

/// What the reader accepts besides JSON (implemented by [`Json`] and [`Json5`] alone).
pub trait Dialect {
    /// JSON5's extras: comments, trailing commas, single quotes, unquoted keys, hex,
    /// `+1`, `.5`, `5.`, `Infinity`/`NaN`, JavaScript's escapes and line continuations,
    /// raw control characters in texts, and any Unicode space (a byte-order mark too).
    const JSON5: bool;
}

/// Strict JSON (RFC 8259).
pub enum Json {}

/// JSON5 (<https://spec.json5.org> 1.0.0), a superset of JSON.
pub enum Json5 {}

impl Dialect for Json {
    const JSON5: bool = false;
}

impl Dialect for Json5 {
    const JSON5: bool = true;
}
