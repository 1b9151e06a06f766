//! How a line reads in every export: its quantity × unit price, its whole formula and
//! its period, with the unit in the plural where the quantity asks for it.

use crate::quote::{Line, Period, Quote};

/// How a line's quantity and unit price read: `47.62 node-hours × $0.252`.
pub fn quantity_times_price(q: &Quote, l: &Line) -> String {
    format!(
        "{} × {}",
        crate::rationale::quantity_of(l.quantity, &l.unit),
        q.currency.format_unit(l.unit_price)
    )
}

/// The whole formula of a line: `47.62 node-hours × $0.252 = $12.00`.
pub fn formula(q: &Quote, l: &Line) -> String {
    format!(
        "{} = {}",
        quantity_times_price(q, l),
        q.currency.format(l.amount)
    )
}

/// `per year`, `per month × 9 = $108.00 first year`, `one-off`.
pub fn period(q: &Quote, l: &Line) -> String {
    match l.period {
        Period::Monthly => format!(
            "per month, × {} months = {} first year",
            l.months,
            q.currency.format(l.first_year)
        ),
        p => p.label().to_string(),
    }
}
