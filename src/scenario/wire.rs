//! How a scenario is written as JSON: its members in their order, the negotiated ones
//! (`/2`) beside the others and left out when empty, so a `/1` scenario writes exactly
//! as before. Written by hand rather than with serde's `flatten`, which goes through a
//! map serializer: more code in the web app's first download for the same bytes.

use super::{Approval, CustomLine, Customer, Discount, Hub, Override, Scenario};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

#[derive(Serialize)]
struct Wire<'a> {
    format: &'a str,
    customer: &'a Customer,
    prepared_by: &'a str,
    tier: &'a str,
    provider: &'a str,
    region: &'a str,
    account: &'a str,
    billing: &'a str,
    active_months: u32,
    term_years: u32,
    help_hours_per_quarter: Decimal,
    project_hours: Decimal,
    discounts: &'a [Discount],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    overrides: &'a [Override],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    custom_lines: &'a [CustomLine],
    #[serde(skip_serializing_if = "Option::is_none")]
    approval: Option<&'a Approval>,
    hubs: &'a [Hub],
    notes: &'a str,
}

impl Serialize for Scenario {
    fn serialize<S: Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let n = &self.negotiated;
        Wire {
            format: &self.format,
            customer: &self.customer,
            prepared_by: &self.prepared_by,
            tier: &self.tier,
            provider: &self.provider,
            region: &self.region,
            account: &self.account,
            billing: &self.billing,
            active_months: self.active_months,
            term_years: self.term_years,
            help_hours_per_quarter: self.help_hours_per_quarter,
            project_hours: self.project_hours,
            discounts: &self.discounts,
            overrides: &n.overrides,
            custom_lines: &n.custom_lines,
            approval: n.approval.as_ref(),
            hubs: &self.hubs,
            notes: &self.notes,
        }
        .serialize(out)
    }
}
