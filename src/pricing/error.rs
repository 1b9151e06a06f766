//! Why a quote could not be made: a scenario the catalog or the tier does not allow, a
//! feature-only catalog, or (never with a valid catalog) a gap in the catalog or an
//! overflow. Never a wrong price instead.

use crate::money::Overflow;
use crate::quote::{Conflict, TierOption};
use crate::source::Diagnostics;
use std::fmt;

/// Why a quote could not be made. Never a wrong price instead.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteError {
    /// The scenario breaks a rule; each diagnostic names its field.
    Invalid(Diagnostics),
    /// The catalog is feature-only.
    NotPriced(String),
    /// The chosen tier does not allow the scenario.
    Conflicts {
        tier: String,
        conflicts: Vec<Conflict>,
    },
    /// No tier allows the scenario (asked to recommend).
    NoTierFits(Vec<TierOption>),
    /// The catalog lacks something a valid catalog has (validation should prevent it).
    Inconsistent(String),
    Overflow,
}

impl From<Overflow> for QuoteError {
    fn from(_: Overflow) -> Self {
        QuoteError::Overflow
    }
}

impl fmt::Display for QuoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteError::Invalid(d) => write!(f, "{d}"),
            QuoteError::NotPriced(name) => write!(
                f,
                "the catalog \"{name}\" has no prices: it can compare tiers but not quote"
            ),
            QuoteError::Conflicts { tier, conflicts } => {
                write!(f, "{tier} does not allow this scenario:")?;
                for c in conflicts {
                    write!(f, "\n  - {}: {}", c.field, c.message)?;
                }
                Ok(())
            }
            QuoteError::NoTierFits(tiers) => {
                write!(f, "no tier allows this scenario:")?;
                for t in tiers {
                    let why: Vec<&str> = t.conflicts.iter().map(|c| c.message.as_str()).collect();
                    write!(f, "\n  - {}: {}", t.label, why.join("; "))?;
                }
                Ok(())
            }
            QuoteError::Inconsistent(why) => write!(f, "the catalog is inconsistent: {why}"),
            QuoteError::Overflow => write!(f, "{Overflow}"),
        }
    }
}

impl std::error::Error for QuoteError {}
