//! The kinds of revenue a quote's line is: the organisation's own (membership, usage fee,
//! hours, other additional services, less discounts) and the cloud it passes through at
//! cost (invoiced, or paid to the provider directly), which is not its income. One
//! function says which kind a line is, for the summary and the impact alike.

use crate::quote::{is_hourly, Line, LineKind, Section};
use serde::Serialize;

/// What kind of revenue a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Membership,
    UsageFee,
    /// Extra help beyond what the tier includes, project work, and additional services
    /// priced by the hour (the included help is in the membership: it is no line).
    Hours,
    /// Additional services priced in any other unit.
    Custom,
    /// Discounts (negative).
    Discounts,
    /// Cloud we pay and invoice at cost.
    CloudInvoiced,
    /// Cloud the community pays its provider directly.
    CloudPaidToProvider,
}

impl Kind {
    /// Every kind, in the order the faces list them.
    pub const ALL: [Kind; 7] = [
        Kind::Membership,
        Kind::UsageFee,
        Kind::Hours,
        Kind::Custom,
        Kind::Discounts,
        Kind::CloudInvoiced,
        Kind::CloudPaidToProvider,
    ];

    /// The kind of a line: from its section, its unit (an hourly additional service is
    /// hours) and, for cloud, who pays the provider.
    pub fn of(l: &Line) -> Kind {
        match l.section {
            Section::Membership => Kind::Membership,
            Section::UsageFee => Kind::UsageFee,
            Section::Help | Section::Project => Kind::Hours,
            Section::Custom if is_hourly(&l.unit) => Kind::Hours,
            Section::Custom => Kind::Custom,
            Section::Discount => Kind::Discounts,
            Section::Cloud if l.kind == LineKind::PaidToProvider => Kind::CloudPaidToProvider,
            Section::Cloud => Kind::CloudInvoiced,
        }
    }

    /// Whether it is the organisation's income (cloud is passed through at cost).
    pub fn is_revenue(self) -> bool {
        !matches!(self, Kind::CloudInvoiced | Kind::CloudPaidToProvider)
    }

    /// Its name in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Membership => "membership",
            Kind::UsageFee => "usage_fee",
            Kind::Hours => "hours",
            Kind::Custom => "custom",
            Kind::Discounts => "discounts",
            Kind::CloudInvoiced => "cloud_invoiced",
            Kind::CloudPaidToProvider => "cloud_paid_to_provider",
        }
    }

    /// Its name for people.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Membership => "Membership",
            Kind::UsageFee => "Usage fee",
            Kind::Hours => "Hours (extra help, projects, hourly services)",
            Kind::Custom => "Other additional services",
            Kind::Discounts => "Discounts",
            Kind::CloudInvoiced => "Cloud invoiced at cost",
            Kind::CloudPaidToProvider => "Cloud paid to the provider directly",
        }
    }
}
