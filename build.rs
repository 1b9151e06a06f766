//! Prepares the embedded catalog (`public/catalog.json5`) once, at build time:
//! - its SHA-256, which quotes cite (computed here so the web app never hashes it);
//! - a copy without comments and blank space: its JSON5 tokens as jsonc-parser reads
//!   them, written one after the other (every string and number keeps its exact text),
//!   which is what the web app downloads and parses at every start (a third smaller).
//!
//! `tests/catalogs.rs` proves that the copy decodes to the same catalog as the file.

use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::Path;

const CATALOG: &str = "public/catalog.json5";

fn main() {
    println!("cargo:rerun-if-changed={CATALOG}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(CATALOG).unwrap_or_else(|e| panic!("{CATALOG}: {e}"));

    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(text.as_bytes()) {
        let _ = write!(hex, "{b:02x}");
    }

    let options = jsonc_parser::CollectOptions {
        comments: jsonc_parser::CommentCollectionStrategy::Off,
        tokens: true,
    };
    let parsed = jsonc_parser::parse_to_ast(&text, &options, &Default::default())
        .unwrap_or_else(|e| panic!("{CATALOG}: {e}"));
    // Two tokens never need a space between them in JSON5: words, numbers and strings are
    // always separated by punctuation.
    let minified: String = parsed
        .tokens
        .unwrap_or_default()
        .iter()
        .map(|t| &text[t.range.start..t.range.end])
        .collect();

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    std::fs::write(out.join("catalog.min.json5"), minified).expect("write the minified catalog");
    std::fs::write(out.join("catalog.sha256"), hex).expect("write the catalog hash");
}
