//! The service menu: tier cards and the feature matrix, with every `requires` evaluated
//! per tier against the current scenario, ready for any face to show.

use super::values::{selections, Items, Values};
use crate::catalog::{Catalog, Item, Kind, Requires, Scalar, TierConfig};
use crate::rationale::number;
use crate::scenario::{FeatureValue, Scenario};

/// Everything the service menu shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Menu {
    pub tiers: Vec<TierCard>,
    pub groups: Vec<MenuGroup>,
}

/// One tier's card.
#[derive(Debug, Clone, PartialEq)]
pub struct TierCard {
    pub tier: String,
    pub label: String,
    pub for_whom: String,
    /// `$15,000.00 / year`, `from $50,000.00 / year`, or empty without prices.
    pub fee_text: String,
    pub price_note: String,
    /// `Up to 3 hubs`, or empty without prices.
    pub hub_limit_text: String,
    /// `4 h of help per quarter`, `Documentation only`, or empty without prices.
    pub help_text: String,
    pub recommended: bool,
}

/// A group of rows, in catalog order.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuGroup {
    pub name: String,
    pub rows: Vec<MenuRow>,
}

/// One item across the tiers.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuRow {
    pub id: String,
    pub label: String,
    pub help: Option<String>,
    /// In tier order.
    pub cells: Vec<MenuCell>,
}

/// What one tier offers for one item.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuCell {
    pub tier: String,
    pub summary: String,
    pub help: Option<String>,
    /// Included (flag available, or a value offered) and its requirement holds.
    pub available: bool,
    /// The requirement that does not hold, in words.
    pub unmet: Option<String>,
    pub options: Vec<MenuOption>,
}

/// One option of a select.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuOption {
    pub value: String,
    pub label: String,
    pub help: Option<String>,
    pub is_default: bool,
    pub unmet: Option<String>,
}

/// Builds the menu; requirements are evaluated with the scenario's first hub's choices
/// (or every tier's defaults without a scenario).
pub fn menu(c: &Catalog, s: Option<&Scenario>, recommended: Option<&str>) -> Menu {
    let tiers = c
        .tiers
        .iter()
        .map(|t| card(c, t, recommended == Some(t.as_str())))
        .collect();
    let chosen = first_hub_choices(c, s);
    let items = Items::new(c);
    let at = Evaluation {
        c,
        items: &items,
        values: Values::new(c, &items, s, &chosen),
    };
    let groups = c
        .groups()
        .into_iter()
        .map(|(name, items)| MenuGroup {
            name: name.to_string(),
            rows: items.into_iter().map(|item| at.row(item)).collect(),
        })
        .collect();
    Menu { tiers, groups }
}

/// The first hub's selections (with what its usage implies, when the catalog has prices).
fn first_hub_choices(c: &Catalog, s: Option<&Scenario>) -> Vec<(String, FeatureValue)> {
    let Some(hub) = s.and_then(|s| s.hubs.first()) else {
        return Vec::new();
    };
    match &c.pricing {
        Some(p) => selections(p, hub),
        None => hub
            .features
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}

/// What the requirements are evaluated against: the scenario and its first hub's
/// selections, or (without a scenario) each tier's defaults.
struct Evaluation<'a> {
    c: &'a Catalog,
    items: &'a Items<'a>,
    values: Values<'a>,
}

impl Evaluation<'_> {
    fn row(&self, item: &Item) -> MenuRow {
        MenuRow {
            id: item.id.clone(),
            label: item.label.clone(),
            help: shown(&item.help),
            cells: self
                .c
                .tiers
                .iter()
                .filter_map(|tier| Some(self.cell(tier, item.per_tier.get(tier)?)))
                .collect(),
        }
    }

    fn cell(&self, tier: &str, cfg: &TierConfig) -> MenuCell {
        let unmet = self.unmet(tier, &cfg.requires);
        let default = cfg.default_value();
        let options = match &cfg.kind {
            Kind::Select { options, .. } => options
                .iter()
                .map(|o| MenuOption {
                    value: o.value.clone(),
                    label: o.display().to_string(),
                    help: shown(&o.help),
                    is_default: default == Scalar::Text(o.value.clone()),
                    unmet: self.unmet(tier, &o.requires),
                })
                .collect(),
            _ => Vec::new(),
        };
        let offered = !matches!(cfg.kind, Kind::Flag { available: false });
        MenuCell {
            tier: tier.to_string(),
            summary: cfg.summary(),
            help: shown(&cfg.help),
            available: offered && unmet.is_none(),
            unmet,
            options,
        }
    }

    /// The requirement that does not hold in `tier`, in words: `Needs …`.
    fn unmet(&self, tier: &str, r: &Option<Requires>) -> Option<String> {
        r.as_ref()
            .filter(|r| !r.holds(&|id: &str| self.values.of(tier, id)))
            .map(|r| format!("Needs {}", r.describe(&|id: &str| self.items.label(id))))
    }
}

/// A help text worth showing: none when it is blank.
fn shown(help: &Option<String>) -> Option<String> {
    help.clone().filter(|h| !h.trim().is_empty())
}

fn card(c: &Catalog, tier: &str, recommended: bool) -> TierCard {
    let priced = c
        .pricing
        .as_ref()
        .and_then(|p| p.tier(tier).map(|t| (p, t)));
    let (fee_text, price_note, hub_limit_text, help_text, for_whom) = match priced {
        Some((p, t)) => (
            format!(
                "{}{} / year",
                if t.custom_price { "from " } else { "" },
                p.currency.format(t.annual_fee)
            ),
            t.price_note.clone(),
            if t.hub_limit == 1 {
                "1 hub".to_string()
            } else {
                format!("Up to {} hubs", t.hub_limit)
            },
            if t.included_help_hours_per_quarter.is_zero() {
                "Documentation only".to_string()
            } else {
                format!(
                    "{} h of help per quarter",
                    number(t.included_help_hours_per_quarter)
                )
            },
            t.for_whom.clone(),
        ),
        None => Default::default(),
    };
    TierCard {
        tier: tier.to_string(),
        label: c.tier_label(tier).to_string(),
        for_whom,
        fee_text,
        price_note,
        hub_limit_text,
        help_text,
        recommended,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_of_the_default_catalog() {
        let c = Catalog::embedded().unwrap().catalog;
        let m = menu(&c, None, Some("Advanced"));
        assert_eq!(m.tiers.len(), 3);
        assert_eq!(m.tiers[0].fee_text, "$5,000.00 / year");
        assert_eq!(m.tiers[2].fee_text, "from $50,000.00 / year");
        assert!(m.tiers[1].recommended);
        let rows: usize = m.groups.iter().map(|g| g.rows.len()).sum();
        assert_eq!(rows, c.items.len());
        // Cloud cost reporting requires AWS; with a GCP scenario it is shown as unmet.
        let mut s = c.preset("research-gpu-dask").unwrap().scenario.clone();
        s.provider = "GCP".into();
        let m = menu(&c, Some(&s), None);
        let row = m
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.id == "reporting:cost")
            .unwrap();
        let adv = row.cells.iter().find(|x| x.tier == "Advanced").unwrap();
        assert!(!adv.available);
        assert!(
            adv.unmet.as_deref().unwrap().contains("AWS"),
            "{:?}",
            adv.unmet
        );
    }

    #[test]
    fn feature_only_catalog_menu_has_no_prices() {
        let text = r#"{"name":"n","version":"v","items":[{"id":"a","group":"g","label":"A","help":"h","perTier":{"X":{"kind":"flag","available":false},"Y":{"kind":"flag","available":true}}}]}"#;
        let c = Catalog::load(text).unwrap().catalog;
        let m = menu(&c, None, None);
        assert_eq!(m.tiers[0].fee_text, "");
        assert!(!m.groups[0].rows[0].cells[0].available);
        assert!(m.groups[0].rows[0].cells[1].available);
    }
}
