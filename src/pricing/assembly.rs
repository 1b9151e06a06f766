//! The quote put together: the tier decided, priced line by line, its cloud band, and
//! the header every face prints (number, dates, seller, customer, catalog, tier and
//! cloud), the warnings and the assumptions; explained in full, or the amounts alone
//! (and, for a batch of many quotes, the few of them a book of business reads).

use super::assumptions::assumptions;
use super::detail::{Amounts, Detail, Explained};
use super::error::QuoteError;
use super::recommend::{decide, Decision};
use super::tier::{cloud_for, price_list, price_tier, tier};
use super::warnings::warnings;
use crate::catalog::price_list::{PriceList, Tier};
use crate::catalog::Catalog;
use crate::quote::{
    years, Audience, CatalogRef, CloudChoice, Internal, Line, Quote, Status, TierSummary, Totals,
    FORMAT,
};
use crate::scenario::Scenario;
use crate::source;

/// Makes the customer's copy of the quote: what every export shows by default.
/// `date` is the quote date (valid-until follows from the catalog).
pub fn quote(c: &Catalog, s: &Scenario, date: time::Date) -> Result<Quote, QuoteError> {
    quote_for(c, s, date, Audience::Customer)
}

/// Makes the quote for `audience`, every line with its rationale: the staff copy carries
/// the notes, the approval and why it is needed; the customer's copy is made from it by
/// `Quote::for_customer`.
pub fn quote_for(
    c: &Catalog,
    s: &Scenario,
    date: time::Date,
    audience: Audience,
) -> Result<Quote, QuoteError> {
    assemble::<Explained>(c, s, date, audience)
}

/// The amounts-only pricing of a scenario, the one entry point for a face that shows
/// figures and no explanations (a live estimate, a batch of totals): the quote of
/// [`quote_for`] with the same number, lines, amounts, totals, years, band figures,
/// recommendation, warnings, status and approval reasons, but no sentence that explains
/// them: every line's `rationale` and the cloud band's are empty, and there are no
/// `assumptions`. Never export it; [`explain`] makes the full quote from it. A build
/// that calls only this carries none of the sentence-writing code.
pub fn amounts_only(
    c: &Catalog,
    s: &Scenario,
    date: time::Date,
    audience: Audience,
) -> Result<Quote, QuoteError> {
    assemble::<Amounts>(c, s, date, audience)
}

/// The explained quote of an [`amounts_only`] one `q` (or of any quote): the same
/// scenario, date and copy priced again with `c`, which must be the catalog `q` was
/// priced with (the same SHA-256).
pub fn explain(c: &Catalog, q: &Quote) -> Result<Quote, QuoteError> {
    if c.sha256 != q.catalog.sha256 {
        return Err(QuoteError::Inconsistent(format!(
            "quote {} was priced with another catalog than \"{}\"",
            q.number, c.name
        )));
    }
    let date = source::parse_date(&q.date)
        .ok_or_else(|| QuoteError::Inconsistent(format!("quote {} has no valid date", q.number)))?;
    let audience = if q.is_internal() {
        Audience::Staff
    } else {
        Audience::Customer
    };
    quote_for(c, &q.scenario, date, audience)
}

/// What a batch of quotes reads of each: the customer's copy of [`amounts_only`]'s
/// quote, its number, date, tier, status, lines and totals, equal to [`quote`]'s.
pub fn priced(c: &Catalog, s: &Scenario, date: time::Date) -> Result<Priced, QuoteError> {
    let q = amounts_only(c, s, date, Audience::Customer)?;
    Ok(Priced {
        number: q.number,
        date: q.date,
        tier: q.tier.name,
        tier_label: q.tier.label,
        status: q.status,
        lines: q.lines,
        totals: q.totals,
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
    /// The quote's lines with their amounts, sections, units and kinds; their rationales
    /// are empty (what a line means is the quote's).
    pub lines: Vec<Line>,
    pub totals: Totals,
}

fn assemble<D: Detail>(
    c: &Catalog,
    s: &Scenario,
    date: time::Date,
    audience: Audience,
) -> Result<Quote, QuoteError> {
    let p = price_list(c)?;
    let Decision {
        chosen,
        recommendation,
    } = decide(c, s)?;
    let t = tier(p, &chosen)?;
    let priced = price_tier::<D>(p, s, &chosen)?;
    let cloud_band = cloud_for::<D>(p, s, &chosen)?.band(priced.totals.monthly_cloud)?;
    let date_text = ymd(date);
    let valid_until = date
        .checked_add(time::Duration::days(i64::from(p.quote_validity_days)))
        .map_or_else(|| date_text.clone(), ymd);
    let approval = s.negotiated.approval.as_ref();
    let needs_approval = !priced.approvals.is_empty();
    let status = if needs_approval && approval.is_none() {
        Status::Draft
    } else {
        Status::Final
    };
    let quote = Quote {
        format: FORMAT.into(),
        number: quote_number(c, &s.identity(), &chosen, &date_text),
        date: date_text,
        valid_until,
        currency: p.currency.clone(),
        seller: p.seller.clone(),
        customer: s.customer.clone(),
        prepared_by: s.prepared_by.clone(),
        catalog: catalog_ref(c, p),
        tier: tier_summary(p, &chosen, t),
        cloud: cloud_choice(p, s),
        needs_approval,
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
        recommendation,
        assumptions: if D::EXPLAINED {
            assumptions(p, s, t)?
        } else {
            Vec::new()
        },
        terms: p.terms.clone(),
        scenario: s.clone(),
    };
    Ok(quote.for_audience(audience))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_refuses_a_quote_of_another_catalog() {
        let c = Catalog::embedded().unwrap().catalog;
        let s = c.preset("course-50").unwrap().scenario.clone();
        let date = time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap();
        let q = amounts_only(&c, &s, date, Audience::Customer).unwrap();
        let mut other = c.clone();
        other.sha256 = "0".repeat(64);
        let e = explain(&other, &q).unwrap_err();
        assert!(e.to_string().contains("another catalog"), "{e}");
        assert_eq!(explain(&c, &q).unwrap(), quote(&c, &s, date).unwrap());
    }
}
