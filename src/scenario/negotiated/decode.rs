//! Decoding the `/2` fields of a scenario: each element checked, every error reported at
//! once with its path, and a `/1` document that uses one of them told which format it needs.

use super::{
    Approval, ApprovalRecord, Approved, CustomKind, CustomLine, CustomPeriod, Override,
    OverrideTarget,
};
use crate::scenario::{Scenario, FORMAT_V2};
use crate::source::{Decoder, Node};

/// The members `/2` adds to a scenario.
pub const KEYS: [&str; 3] = ["overrides", "custom_lines", "approval"];

/// Reads the `/2` members of `n` into `s`; false if any failed (each is reported). In a
/// document of an older format each is an error that names the format it needs.
pub fn decode(d: &mut Decoder, n: &Node, s: &mut Scenario) -> bool {
    let v2 = s.format == FORMAT_V2;
    let mut ok = true;
    for key in KEYS {
        let Some(member) = n.get(key) else { continue };
        if !v2 {
            d.push(member.error(format!(
                "\"{key}\" needs \"format\": \"{FORMAT_V2}\" (this scenario says \"{}\")",
                s.format
            )));
            ok = false;
            continue;
        }
        ok &= match key {
            "overrides" => d
                .array(member)
                .and_then(|items| d.each(items, decode_override))
                .map(|v| s.negotiated.overrides = v),
            "custom_lines" => d
                .array(member)
                .and_then(|items| d.each(items, decode_custom_line))
                .map(|v| s.negotiated.custom_lines = v),
            _ => decode_approval(d, member).map(|a| s.negotiated.approval = Some(a)),
        }
        .is_some();
    }
    ok
}

/// A key of a closed set, or an error that lists the set.
fn one_of<T>(
    d: &mut Decoder,
    obj: &Node,
    key: &str,
    from_key: fn(&str) -> Option<T>,
    choices: &str,
) -> Option<T> {
    let n = d.required(obj, key)?;
    let text = d.string(n)?;
    let found = from_key(&text);
    if found.is_none() {
        d.push(n.error(format!("unknown {key} \"{text}\" (expected {choices})")));
    }
    found
}

fn decode_override(d: &mut Decoder, n: &Node) -> Option<Override> {
    d.object(n)?;
    d.check_keys(n, &["target", "tier", "price", "reason"], true);
    let target = one_of(
        d,
        n,
        "target",
        OverrideTarget::from_key,
        "membership or hourly_rate",
    );
    let tier = d.opt_string(n, "tier").ok();
    let price = d.req_decimal(n, "price");
    let reason = d.req_string(n, "reason");
    Some(Override {
        target: target?,
        tier: tier?,
        price: price?,
        reason: reason?,
    })
}

fn decode_custom_line(d: &mut Decoder, n: &Node) -> Option<CustomLine> {
    d.object(n)?;
    d.check_keys(
        n,
        &[
            "label",
            "quantity",
            "unit",
            "unit_price",
            "period",
            "kind",
            "reason",
        ],
        true,
    );
    let label = d.req_string(n, "label");
    let quantity = d.req_decimal(n, "quantity");
    let unit = d.req_string(n, "unit");
    let unit_price = d.req_decimal(n, "unit_price");
    let period = one_of(
        d,
        n,
        "period",
        CustomPeriod::from_key,
        "one_off, monthly or annual",
    );
    let kind = one_of(d, n, "kind", CustomKind::from_key, "fixed or estimate");
    let reason = d.req_string(n, "reason");
    Some(CustomLine {
        label: label?,
        quantity: quantity?,
        unit: unit?,
        unit_price: unit_price?,
        period: period?,
        kind: kind?,
        reason: reason?,
    })
}

/// `{ by, date, note? }`, or `{ approved: true }` as a customer's copy carries it.
fn decode_approval(d: &mut Decoder, n: &Node) -> Option<Approval> {
    d.object(n)?;
    if let Some(flag) = n.get("approved") {
        d.check_keys(n, &["approved"], true);
        let approved = d.boolean(flag)?;
        if !approved {
            d.push(flag.error(
                "\"approved\": false is no approval: leave \"approval\" out until it is given",
            ));
            return None;
        }
        return Some(Approval::Given(Approved { approved }));
    }
    d.check_keys(n, &["by", "date", "note"], true);
    let by = d.req_string(n, "by");
    let date = d.required(n, "date").and_then(|x| d.date_text(x));
    let note = d.text_or_empty(n, "note");
    Some(Approval::Record(ApprovalRecord {
        by: by?,
        date: date?,
        note: note?,
    }))
}
