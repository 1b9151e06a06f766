//! Everything the product does with a scenario under a catalog, as the CLI and the web
//! app do it: the service menu, the quote of every tier and of `recommend`, each written
//! in every format (text, Markdown, CSV, PDF, JSON) and read back as a quote file, and the
//! share link read back. Shared by the bounds test, its benchmark and the fuzzer
//! (`examples/fuzz.rs`), which hold it to their time and memory bounds.

use hubquote::catalog::Catalog;
use hubquote::pricing::{self, menu, QuoteError};
use hubquote::quote;
use hubquote::scenario::{share, Scenario, RECOMMEND};

#[path = "safe.rs"]
mod safe;

/// What [`every_face`] made, and what it found that should never happen.
#[derive(Debug, Default)]
pub struct Faces {
    /// Quotes made (tiers that allow the scenario, and `recommend` when one does).
    pub quotes: usize,
    /// Tiers (or `recommend`) refused, each with its message.
    pub refusals: usize,
    /// Bytes of every document written.
    pub bytes: usize,
    /// Broken promises: a valid scenario a valid catalog cannot price, a quote file that
    /// does not read back to the same totals, a share link that does not restore the
    /// scenario (or one too long that is not refused), an export not safe to open (a CSV
    /// formula, a Markdown link or HTML, a control character in the text).
    pub broken: Vec<String>,
}

/// Every face of `s` under `c` on `date`.
pub fn every_face(c: &Catalog, s: &Scenario, date: time::Date) -> Faces {
    let mut f = Faces::default();
    let mut asks = s.clone();
    asks.tier = RECOMMEND.into();
    let recommended = pricing::recommendation(c, &asks)
        .ok()
        .and_then(|r| r.recommended);
    let m = menu::menu(c, Some(s), recommended.as_deref());
    f.bytes += m.groups.iter().map(|g| g.rows.len()).sum::<usize>();
    let tiers = c.tiers.iter().map(String::as_str).chain([RECOMMEND]);
    for tier in tiers {
        let mut s = s.clone();
        s.tier = tier.to_string();
        match pricing::quote(c, &s, date) {
            Ok(q) => quote_faces(c, &q, &mut f),
            // A catalog that validates has everything its valid scenarios need.
            Err(e @ QuoteError::Inconsistent(_)) if !s.validate(c).has_errors() => {
                f.broken
                    .push(format!("a valid scenario is not priced: {e}"));
            }
            Err(e) => {
                f.refusals += 1;
                f.bytes += e.to_string().len();
            }
        }
    }
    // A link restores the scenario exactly, or (too long to share) is refused unread.
    let link = share::encode(s);
    let restored = share::decode(&link);
    match (share::fits(s), restored.as_ref()) {
        (true, Ok(back)) if back == s => {}
        (false, Err(_)) => {}
        _ => f
            .broken
            .push("the share link does not restore the scenario".into()),
    }
    f
}

/// One quote in every format, each safe to open (`safe.rs`), and its JSON read back and
/// re-priced.
fn quote_faces(c: &Catalog, q: &quote::Quote, f: &mut Faces) {
    use hubquote::export;
    f.quotes += 1;
    let json = q.to_json();
    let (text, md, csv) = (
        export::to_text(q),
        export::to_markdown(q),
        export::to_csv(q),
    );
    let justification = export::justification(q);
    f.broken.extend(safe::csv_formula(&csv));
    f.broken.extend(safe::markdown_active(&md));
    f.broken.extend(safe::text_control(&text));
    f.broken.extend(safe::text_control(&justification));
    f.bytes += text.len()
        + md.len()
        + csv.len()
        + justification.len()
        + export::to_pdf(q).len()
        + json.len();
    let rechecked = quote::import(&json)
        .map_err(|d| d.to_string())
        .and_then(|file| pricing::recheck(c, &file).map_err(|e| e.to_string()));
    match rechecked {
        Ok(mismatches) if mismatches.is_empty() => {}
        Ok(m) => f
            .broken
            .push(format!("the quote file re-prices differently: {m:?}")),
        Err(e) => f
            .broken
            .push(format!("the quote file does not read back: {e}")),
    }
}
