//! How much a pricing run writes: every sentence ([`Explained`]) or the amounts alone
//! ([`Amounts`]). A type parameter rather than a flag, so that code which only ever asks
//! for amounts (the web app's first download: its live estimate and the service menu) is
//! compiled without the code that writes the ~40 sentences of a quote.

use crate::money::Overflow;
use crate::quote::Line;

/// What a pricing run writes besides the amounts (implemented by [`Explained`] and
/// [`Amounts`] alone).
pub trait Detail: Copy {
    /// Each line's rationale, the cloud band's and the assumptions.
    const EXPLAINED: bool;
}

/// Every sentence: what the CLI, the exports and the quote's details show.
#[derive(Clone, Copy)]
pub struct Explained;

/// Every amount, line, total, warning and approval, without the sentences that explain
/// them: tier comparisons, the low/high band, a live estimate.
#[derive(Clone, Copy)]
pub struct Amounts;

impl Detail for Explained {
    const EXPLAINED: bool = true;
}

impl Detail for Amounts {
    const EXPLAINED: bool = false;
}

/// The line with the rationale `why` writes from it, when `D` explains; skipping the
/// sentences is most of a comparison's speed. A sentence fails only as its arithmetic can.
pub fn explained<D: Detail>(
    mut line: Line,
    why: impl FnOnce(&Line) -> Result<String, Overflow>,
) -> Result<Line, Overflow> {
    if D::EXPLAINED {
        line.rationale = why(&line)?;
    }
    Ok(line)
}
