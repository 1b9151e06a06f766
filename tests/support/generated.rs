//! Scenarios generated from the catalog's presets, for the book of business's property
//! tests and its throughput bench: each a preset with its usage, months, term, tier and
//! billing changed by a seed, and sometimes a discount, a negotiated fee or a custom line
//! (hourly or not). Deterministic: the same seed gives the same text. Most are valid;
//! some ask a tier that does not allow them (their quote is refused, as a batch reports).

use hubquote::catalog::Catalog;
use serde_json::{json, Value};

/// A xorshift sequence from a seed: enough variety, no dependency.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.roll(items.len() as u64) as usize]
    }
}

/// The scenario JSON of `seed`, from the presets of `c`.
pub fn scenario(c: &Catalog, seed: u64) -> String {
    let mut d = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let preset = &c.presets[d.roll(c.presets.len() as u64) as usize];
    let mut s: Value = serde_json::from_str(&preset.scenario.to_json()).unwrap();
    let p = c.pricing.as_ref().unwrap();
    let tiers: Vec<&str> = std::iter::once("recommend").chain(p.tiers.keys()).collect();
    let billing: Vec<&str> = p.billing.keys().collect();
    if d.roll(3) == 0 {
        s["tier"] = d.pick(&tiers).into();
    }
    if d.roll(4) == 0 {
        s["billing"] = d.pick(&billing).into();
    }
    s["active_months"] = (1 + d.roll(12)).into();
    s["term_years"] = (1 + d.roll(3)).into();
    s["help_hours_per_quarter"] = d.roll(12).to_string().into();
    for hub in s["hubs"].as_array_mut().unwrap() {
        let registered = 1 + d.roll(3000);
        hub["registered_users"] = registered.into();
        hub["monthly_active_users"] = (registered * d.roll(101) / 100).into();
        hub["hours_per_user"] = format!("{}.{}", d.roll(40), d.roll(100)).into();
    }
    negotiated(&mut d, &mut s, &tiers[1..]);
    s.to_string()
}

/// Sometimes a discount; sometimes (moving the scenario to `/2`) a negotiated membership
/// fee for a tier of the catalog, and a custom line by the hour or by the workshop.
fn negotiated(d: &mut Dice, s: &mut Value, tiers: &[&str]) {
    if d.roll(4) == 0 {
        let target = d.pick(&["membership", "usage_fee", "extra_help"]);
        let discount = json!({"target": target, "percent": (1 + d.roll(30)).to_string(), "reason": "generated"});
        s["discounts"] = json!([discount]);
    }
    if d.roll(3) != 0 {
        return;
    }
    s["format"] = "hubquote.scenario/2".into();
    if d.roll(2) == 0 {
        let fee = (1000 * (1 + d.roll(60))).to_string();
        s["overrides"] = json!([{"target": "membership", "tier": d.pick(tiers), "price": fee, "reason": "generated"}]);
    }
    let unit = d.pick(&["hour", "workshop", "Hours"]);
    let period = d.pick(&["one_off", "monthly", "annual"]);
    s["custom_lines"] = json!([{
        "label": "Generated service", "quantity": (1 + d.roll(40)).to_string(), "unit": unit,
        "unit_price": (50 * (1 + d.roll(10))).to_string(), "period": period, "kind": "fixed",
        "reason": "generated",
    }]);
}
