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

/// A scenario the tiers refuse, in the one wording every face that prints it uses: who
/// refuses (`Essential does not allow`, `no tier allows`) and each conflict at its field
/// (when no tier fits, its message starts with the tier it rules out: `Premier: …`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Refusal {
    by: String,
    pub conflicts: Vec<Conflict>,
}

impl Refusal {
    /// The sentence above the conflicts: `Essential does not allow this scenario:`.
    pub fn head(&self) -> String {
        format!("{} this scenario:", self.by)
    }

    /// Each conflict an error at its field, to print under [`Refusal::head`].
    pub fn diagnostics(&self) -> Diagnostics {
        self.errors(|c| c.message.clone())
    }

    /// Each conflict an error at its field that says who refuses it (`Essential does not
    /// allow it: 2 hubs exceed …`), for a face that shows an error without the head.
    pub fn diagnostics_alone(&self) -> Diagnostics {
        self.errors(|c| format!("{} it: {}", self.by, c.message))
    }

    fn errors(&self, message: impl Fn(&Conflict) -> String) -> Diagnostics {
        let mut d = Diagnostics::default();
        for c in &self.conflicts {
            d.error(c.field.as_str(), message(c));
        }
        d
    }
}

impl QuoteError {
    /// The refusal, when the tiers refuse the scenario (the chosen one, or every one).
    pub fn refusal(&self) -> Option<Refusal> {
        match self {
            QuoteError::Conflicts { tier, conflicts } => Some(Refusal {
                by: format!("{tier} does not allow"),
                conflicts: conflicts.clone(),
            }),
            QuoteError::NoTierFits(tiers) => Some(Refusal {
                by: "no tier allows".into(),
                conflicts: tiers
                    .iter()
                    .flat_map(|t| {
                        t.conflicts.iter().map(|c| Conflict {
                            message: format!("{}: {}", t.label, c.message),
                            ..c.clone()
                        })
                    })
                    .collect(),
            }),
            _ => None,
        }
    }
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
            QuoteError::Conflicts { .. } | QuoteError::NoTierFits(_) => {
                let r = self.refusal().unwrap_or_default();
                write!(f, "{}", r.head())?;
                for c in &r.conflicts {
                    write!(f, "\n  - {}: {}", c.field, c.message)?;
                }
                Ok(())
            }
            QuoteError::Inconsistent(why) => write!(f, "the catalog is inconsistent: {why}"),
            QuoteError::Overflow => write!(f, "{Overflow}"),
        }
    }
}

impl std::error::Error for QuoteError {}
