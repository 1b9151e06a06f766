//! A diff of two quotes as text (modelled on Infracost's: `~` changed, `+` added, `-`
//! removed, `Amount: +$743.00 ($0.00 → $743.00)`) and as Markdown. JSON is the model
//! itself (`QuoteDiff::to_json`).

use super::markdown::cell;
use super::visible::visible_doc;
use crate::diff::{InputChange, LineChange, QuoteDiff, Side, TotalChange};
use crate::money::Currency;
use rust_decimal::Decimal;
use std::fmt::Write;

/// `+$743.00`, `-$12.50`, `$0.00`.
pub fn signed(c: &Currency, d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", c.amount(d))
    } else if d < Decimal::ZERO {
        format!("-{}", c.amount(-d))
    } else {
        c.format(d)
    }
}

/// `+8.99%`, or nothing where A was 0.
pub fn percent(t: &TotalChange) -> String {
    match t.percent {
        Some(p) if p > Decimal::ZERO => format!("+{p}%"),
        Some(p) => format!("{p}%"),
        None => String::new(),
    }
}

/// `$8,264.78 → $9,007.78, +8.99%`.
pub fn from_to(c: &Currency, from: Decimal, to: Decimal, pct: &str) -> String {
    let pct = if pct.is_empty() {
        String::new()
    } else {
        format!(", {pct}")
    };
    format!("{} → {}{pct}", c.amount(from), c.amount(to))
}

fn side(s: &Side) -> String {
    let status = serde_json::to_string(&s.status).unwrap_or_default();
    format!(
        "{} ({}, {}, {})",
        s.number,
        s.tier_label,
        s.date,
        status.trim_matches('"')
    )
}

/// The diff as plain text, every hidden character shown ([`visible_doc`]).
pub fn diff_text(d: &QuoteDiff) -> String {
    let c = &d.currency;
    let mut o = String::new();
    let _ = writeln!(o, "A {}\nB {}", side(&d.a), side(&d.b));
    let _ = writeln!(o, "\nWHAT CHANGED");
    if d.inputs.is_empty() {
        let _ = writeln!(o, "  nothing");
    }
    for i in &d.inputs {
        let _ = writeln!(o, "{} {}", i.change.symbol(), input(i));
    }
    let _ = writeln!(o, "\nTOTALS");
    for t in &d.totals {
        if t.delta.is_zero() {
            let _ = writeln!(o, "  {}: no change ({})", t.label, c.amount(t.to));
        } else {
            let _ = writeln!(o, "~ {}", t.label);
            let _ = writeln!(
                o,
                "  Amount: {} ({})",
                signed(c, t.delta),
                from_to(c, t.from, t.to, &percent(t))
            );
        }
    }
    let _ = writeln!(o, "\nLINES (first-year amounts)");
    if d.lines.is_empty() {
        let _ = writeln!(o, "  no change");
    }
    for l in &d.lines {
        let _ = writeln!(o, "{} {}", l.change.symbol(), line_name(l));
        let _ = writeln!(
            o,
            "  Amount: {} ({})",
            signed(c, l.delta),
            from_to(c, l.from, l.to, "")
        );
    }
    visible_doc(o)
}

/// `Monthly active users, STAT 101: 50 → 80`, or the name of what was added or removed.
pub fn input(i: &InputChange) -> String {
    match (&i.from, &i.to) {
        (Some(a), Some(b)) => format!("{}: {} → {}", i.label, shown(a), shown(b)),
        _ => i.label.clone(),
    }
}

/// A value in a sentence: an empty one is `(none)`.
fn shown(v: &str) -> &str {
    if v.is_empty() {
        "(none)"
    } else {
        v
    }
}

/// A line's label, with its hub: `Compute (Small) — STAT 101`.
pub fn line_name(l: &LineChange) -> String {
    match &l.hub {
        Some(h) => format!("{} — {h}", l.label),
        None => l.label.clone(),
    }
}

/// The diff as Markdown: the two quotes, the inputs as a list, totals and lines as tables.
pub fn diff_markdown(d: &QuoteDiff) -> String {
    let c = &d.currency;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Quote diff: {} → {}\n",
        cell(&d.a.number),
        cell(&d.b.number)
    );
    let _ = writeln!(
        o,
        "- **A:** {}\n- **B:** {}",
        cell(&side(&d.a)),
        cell(&side(&d.b))
    );
    let _ = writeln!(o, "\n## What changed\n");
    if d.inputs.is_empty() {
        let _ = writeln!(o, "Nothing.");
    }
    for i in &d.inputs {
        let _ = writeln!(o, "- `{}` {}", i.change.symbol(), cell(&input(i)));
    }
    let _ = writeln!(
        o,
        "\n## Totals\n\n| Total | A | B | Change | % |\n|---|---:|---:|---:|---:|"
    );
    for t in &d.totals {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            cell(&t.label),
            cell(&c.amount(t.from).to_string()),
            cell(&c.amount(t.to).to_string()),
            cell(&signed(c, t.delta)),
            cell(&percent(t))
        );
    }
    let _ = writeln!(o, "\n## Lines (first-year amounts)\n");
    if d.lines.is_empty() {
        let _ = writeln!(o, "No line changed.");
        return o;
    }
    let _ = writeln!(o, "| | Line | A | B | Change |\n|---|---|---:|---:|---:|");
    for l in &d.lines {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} | {} |",
            l.change.symbol(),
            cell(&line_name(l)),
            cell(&c.amount(l.from).to_string()),
            cell(&c.amount(l.to).to_string()),
            cell(&signed(c, l.delta))
        );
    }
    o
}
