//! Who a quote is for. The engine makes the staff copy; [`Quote::for_customer`] is the one
//! function that makes the customer's copy of it: no internal notes, no approval record,
//! no approval reasons or thresholds. A quote that needs approval and has none is a
//! draft, and says so on every copy without naming a threshold.

use super::document::{Internal, Quote, Status};
use super::labels;
use crate::scenario::ApprovalRecord;

/// Who a quote is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The customer's copy: what every export shows unless staff ask otherwise.
    Customer,
    /// The staff copy, with the internal notes, the approval and its reasons.
    Staff,
}

impl Internal {
    pub fn new(
        notes: &str,
        approval: Option<&ApprovalRecord>,
        approval_reasons: Vec<String>,
    ) -> Self {
        Internal {
            notice: labels::INTERNAL_COPY.to_string(),
            notes: notes.to_string(),
            approval: approval.cloned(),
            approval_reasons,
        }
    }
}

impl Quote {
    /// The customer's copy: the same number and amounts, without what is internal.
    pub fn for_customer(&self) -> Quote {
        self.clone().into_customer()
    }

    /// [`Quote::for_customer`], reusing this copy.
    pub fn into_customer(mut self) -> Quote {
        self.internal = None;
        self.scenario.make_customer_copy();
        self
    }

    /// The copy for `audience`.
    pub fn for_audience(self, audience: Audience) -> Quote {
        match audience {
            Audience::Staff => self,
            Audience::Customer => self.into_customer(),
        }
    }

    /// A staff copy, with the notes, the approval and its reasons.
    pub fn is_internal(&self) -> bool {
        self.internal.is_some()
    }

    pub fn is_draft(&self) -> bool {
        self.status == Status::Draft
    }
}
