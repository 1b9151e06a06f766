//! The catalog embedded in the build, prepared by `build.rs`: its SHA-256 (quotes cite
//! it) and its text in strict JSON without comments and blank space (what the web app
//! downloads and parses at every start: a third smaller, and read as JSON). `tests/catalogs.rs` proves that this text
//! decodes to the same catalog as `public/catalog.json5`.

/// Lower-case hex SHA-256 of `public/catalog.json5` as written.
pub const SHA256: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.sha256"));

/// `public/catalog.json5` as compact strict JSON.
pub const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.min.json"));
