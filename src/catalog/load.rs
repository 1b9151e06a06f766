//! Reading a catalog: decoding with every type error located, then the semantic checks
//! (skipped for the embedded catalog, which the tests prove clean).

use super::{decode, embedded, hex_sha256, validate, Catalog, Loaded};
use crate::source::{self, Decoder, Diagnostics};

impl Catalog {
    /// Parses and validates catalog text. On failure every error (and warning) is
    /// returned at once, each with its path and line:column.
    pub fn load(text: &str) -> Result<Loaded, Diagnostics> {
        let root = source::parse(text).map_err(Diagnostics::from)?;
        let mut d = Decoder::new();
        let catalog = decode::catalog(&mut d, &root, hex_sha256(text.as_bytes()));
        let mut diags = d.diags;
        if let Some(c) = &catalog {
            let mut semantic = validate::validate(c);
            root.locate_all(&mut semantic);
            diags.extend(semantic);
        }
        diags.sort_by_position();
        match catalog {
            Some(catalog) if !diags.has_errors() => Ok(Loaded {
                catalog,
                warnings: diags,
            }),
            _ => Err(diags),
        }
    }

    /// The catalog embedded in the build (`public/catalog.json5`), decoded but not
    /// validated: `tests/catalogs.rs` proves it has no errors or lints, and skipping the
    /// checks keeps them (and their code) out of the web app's start. It is read from a
    /// copy in strict JSON without comments and blank space; the SHA-256 is that of the
    /// file.
    pub fn embedded() -> Result<Loaded, Diagnostics> {
        let root = source::parse_json(embedded::TEXT).map_err(Diagnostics::from)?;
        let mut d = Decoder::new();
        match decode::catalog(&mut d, &root, embedded::SHA256.to_string()) {
            Some(catalog) if !d.diags.has_errors() => Ok(Loaded {
                catalog,
                warnings: d.diags,
            }),
            _ => Err(d.diags),
        }
    }
}
