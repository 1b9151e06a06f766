//! The quote put together: the tier decided, priced line by line with every rationale,
//! its cloud band, and the header every face prints (number, dates, seller, customer,
//! catalog, tier and cloud), the warnings and the assumptions; or only its amounts
//! (`priced`), for many quotes at once.

use super::assumptions::assumptions;
use super::error::QuoteError;
use super::recommend::{decide, Decision};
use super::tier::{cloud_for, price_list, price_tier, tier, PricedTier};
use super::warnings::warnings;
use crate::catalog::price_list::{PriceList, Tier};
use crate::catalog::Catalog;
use crate::quote::{
    years, Audience, CatalogRef, CloudChoice, Internal, Line, Quote, Status, TierSummary, Totals,
    FORMAT,
};
use crate::scenario::Scenario;

/// Makes the customer's copy of the quote: what every export shows by default.
/// `date` is the quote date (valid-until follows from the catalog).
pub fn quote(c: &Catalog, s: &Scenario, date: time::Date) -> Result<Quote, QuoteError> {
    quote_for(c, s, date, Audience::Customer)
}

/// Makes the quote for `audience`: the staff copy carries the notes, the approval and
/// why it is needed; the customer's copy is made from it by `Quote::for_customer`.
pub fn quote_for(
    c: &Catalog,
    s: &Scenario,
    date: time::Date,
    audience: Audience,
) -> Result<Quote, QuoteError> {
    let p = price_list(c)?;
    let made = make(c, s, date, true)?;
    let Made {
        decision,
        priced,
        number,
        date,
        valid_until,
        status,
    } = made;
    let chosen = decision.chosen;
    let t = tier(p, &chosen)?;
    let cloud_band = cloud_for(p, s, &chosen)?.band(priced.totals.monthly_cloud)?;
    let approval = s.negotiated.approval.as_ref();
    let quote = Quote {
        format: FORMAT.into(),
        number,
        date,
        valid_until,
        currency: p.currency.clone(),
        seller: p.seller.clone(),
        customer: s.customer.clone(),
        prepared_by: s.prepared_by.clone(),
        catalog: catalog_ref(c, p),
        tier: tier_summary(p, &chosen, t),
        cloud: cloud_choice(p, s),
        needs_approval: !priced.approvals.is_empty(),
        status,
        warnings: warnings(p, s, &chosen, t, &priced),
        internal: Some(Internal::new(
            &s.notes,
            approval.and_then(|a| a.record()),
            priced.approvals,
        )),
        years: years::years(&priced.lines, s.term_years)?,
        lines: priced.lines,
        totals: priced.totals,
        cloud_band,
        recommendation: decision.recommendation,
        assumptions: assumptions(p, s, t)?,
        terms: p.terms.clone(),
        scenario: s.clone(),
    };
    Ok(quote.for_audience(audience))
}

/// The amounts of the quote [`quote`] makes, without a word of its rationale: its number,
/// tier, status, lines (unnamed, see [`Priced::lines`]) and totals, equal to the quote's. What a
/// batch of many quotes needs; writing the sentences is most of a quote's cost.
pub fn priced(c: &Catalog, s: &Scenario, date: time::Date) -> Result<Priced, QuoteError> {
    let p = price_list(c)?;
    let made = make(c, s, date, false)?;
    let chosen = made.decision.chosen;
    Ok(Priced {
        number: made.number,
        date: made.date,
        tier_label: p.tier_label(&chosen).to_string(),
        tier: chosen,
        status: made.status,
        lines: made.priced.lines,
        totals: made.priced.totals,
    })
}

/// A quote's amounts ([`priced`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub number: String,
    pub date: String,
    /// The tier priced (the recommended one when the scenario asked for it).
    pub tier: String,
    pub tier_label: String,
    pub status: Status,
    /// The quote's lines, with their amounts, sections, units and kinds; their rationales
    /// are empty, and so are a cloud line's id and label (writing them is most of the
    /// cost of a line that has no sentence): what a line is called is the quote's.
    pub lines: Vec<Line>,
    pub totals: Totals,
}

/// What every quote is made of: the tier decided, its lines priced (with their rationale
/// when `explain`), the status its approvals give it, its number and dates.
struct Made {
    decision: Decision,
    priced: PricedTier,
    number: String,
    date: String,
    valid_until: String,
    status: Status,
}

fn make(c: &Catalog, s: &Scenario, date: time::Date, explain: bool) -> Result<Made, QuoteError> {
    let p = price_list(c)?;
    let decision = decide(c, s)?;
    let priced = price_tier(p, s, &decision.chosen, explain)?;
    let date_text = ymd(date);
    let valid_until = date
        .checked_add(time::Duration::days(i64::from(p.quote_validity_days)))
        .map_or_else(|| date_text.clone(), ymd);
    let status = if !priced.approvals.is_empty() && s.negotiated.approval.is_none() {
        Status::Draft
    } else {
        Status::Final
    };
    Ok(Made {
        number: quote_number(c, &s.identity(), &decision.chosen, &date_text),
        decision,
        priced,
        date: date_text,
        valid_until,
        status,
    })
}

fn catalog_ref(c: &Catalog, p: &PriceList) -> CatalogRef {
    CatalogRef {
        name: c.name.clone(),
        version: c.version.clone(),
        sha256: c.sha256.clone(),
        effective_date: p.effective_date.clone(),
    }
}

fn tier_summary(p: &PriceList, name: &str, t: &Tier) -> TierSummary {
    TierSummary {
        name: name.to_string(),
        label: p.tier_label(name).to_string(),
        for_whom: t.for_whom.clone(),
        annual_fee: t.annual_fee,
        custom_price: t.custom_price,
        hub_limit: t.hub_limit,
        included_help_hours_per_quarter: t.included_help_hours_per_quarter,
        cluster: t.cluster,
    }
}

/// The scenario's cloud choices with their labels (the key itself where the catalog has
/// none).
fn cloud_choice(p: &PriceList, s: &Scenario) -> CloudChoice {
    let provider = p.providers.get(&s.provider);
    let region = provider.and_then(|x| x.regions.get(&s.region));
    let label = |found: Option<&String>, key: &String| found.unwrap_or(key).clone();
    CloudChoice {
        provider: s.provider.clone(),
        provider_label: label(provider.map(|x| &x.label), &s.provider),
        region: s.region.clone(),
        region_label: label(region.map(|x| &x.label), &s.region),
        account: s.account.clone(),
        account_label: label(p.accounts.get(&s.account).map(|x| &x.label), &s.account),
        billing: s.billing.clone(),
        billing_label: label(p.billing.get(&s.billing).map(|x| &x.label), &s.billing),
        invoiced: p.invoices(&s.billing),
    }
}

fn ymd(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `HQ-20261121-3FA94C`: the date plus 24 bits of a 64-bit FNV-1a hash of everything
/// that determines the quote (catalog hash, tier, date, the scenario's
/// [`Scenario::identity`]). An identifier, not a security measure: the catalog itself is
/// identified by its SHA-256.
fn quote_number(c: &Catalog, s: &Scenario, tier: &str, date: &str) -> String {
    let mut basis = format!("{}\n{tier}\n{date}\n", c.sha256).into_bytes();
    let _ = serde_json::to_writer(&mut basis, s);
    let hash = basis.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("HQ-{}-{:06X}", date.replace('-', ""), hash >> 40)
}
