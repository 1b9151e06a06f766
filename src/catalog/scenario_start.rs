//! Where a scenario or a hub starts under a catalog, and the rule that keeps a region
//! valid when the provider changes: the catalog's first choices, which every face (the
//! web forms, the CLI) takes from here.

use super::Catalog;
use crate::scenario::{Hub, Scenario, FORMAT, RECOMMEND};
use rust_decimal::Decimal;

impl Scenario {
    /// What a new visitor starts from: the catalog's first preset with its tier left to
    /// the recommendation (so that a choice its own tier does not allow moves the
    /// estimate to a tier that does), else [`Scenario::blank`].
    pub fn initial(c: &Catalog) -> Scenario {
        c.presets.first().map_or_else(
            || Scenario::blank(c),
            |p| Scenario {
                tier: RECOMMEND.into(),
                ..p.scenario.clone()
            },
        )
    }

    /// A scenario for a catalog without presets: its first provider, region, account and
    /// billing choice, the tier left to the recommendation, one hub.
    pub fn blank(c: &Catalog) -> Scenario {
        let p = c.pricing.as_ref();
        let first = |key: Option<&str>| key.unwrap_or_default().to_string();
        let provider = first(p.and_then(|p| p.providers.keys().next()));
        let region = first(
            p.and_then(|p| p.providers.get(&provider))
                .and_then(|x| x.regions.keys().next()),
        );
        Scenario {
            format: FORMAT.into(),
            customer: Default::default(),
            prepared_by: String::new(),
            tier: RECOMMEND.into(),
            provider,
            region,
            account: first(p.and_then(|p| p.accounts.keys().next())),
            billing: first(p.and_then(|p| p.billing.keys().next())),
            active_months: 12,
            term_years: 1,
            help_hours_per_quarter: Decimal::ZERO,
            project_hours: Decimal::ZERO,
            discounts: Vec::new(),
            negotiated: Default::default(),
            hubs: vec![Hub::new(c, "Hub 1")],
            notes: String::new(),
        }
    }

    /// Chooses a provider, keeping the region when the provider has it and taking the
    /// provider's first region otherwise (an unknown provider keeps the region as is, for
    /// validation to name).
    pub fn set_provider(&mut self, c: &Catalog, provider: &str) {
        provider.clone_into(&mut self.provider);
        let regions = c
            .pricing
            .as_ref()
            .and_then(|p| p.providers.get(provider))
            .map(|x| &x.regions);
        if let Some(r) = regions.filter(|r| !r.contains(&self.region)) {
            if let Some(first) = r.keys().next() {
                first.clone_into(&mut self.region);
            }
        }
    }
}

impl Hub {
    /// A hub with modest usage on the catalog's first server size (staff edit it at once).
    pub fn new(c: &Catalog, name: &str) -> Hub {
        let size = c
            .pricing
            .as_ref()
            .and_then(|p| p.sizes.keys().next())
            .unwrap_or_default()
            .to_string();
        Hub {
            name: name.into(),
            registered_users: 50,
            monthly_active_users: 40,
            hours_per_user: Decimal::from(10),
            size,
            gpu_share: Decimal::ZERO,
            home_gb_per_user: Decimal::ONE,
            object_storage_gb: Decimal::ZERO,
            egress_gb: Decimal::ZERO,
            dask_node_hours: Decimal::ZERO,
            features: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::embedded().unwrap().catalog
    }

    #[test]
    fn blank_takes_the_catalogs_first_choices_and_validates() {
        let c = catalog();
        let s = Scenario::blank(&c);
        let p = c.pricing.as_ref().unwrap();
        assert_eq!(s.provider, p.providers.keys().next().unwrap());
        assert_eq!(
            s.region,
            p.providers
                .get(&s.provider)
                .unwrap()
                .regions
                .keys()
                .next()
                .unwrap()
        );
        assert_eq!(s.hubs.len(), 1);
        assert_eq!(s.hubs[0].size, p.sizes.keys().next().unwrap());
        assert!(!s.validate(&c).has_errors(), "{}", s.validate(&c));
        let initial = Scenario::initial(&c);
        assert_eq!(initial.tier, RECOMMEND);
        assert_eq!(
            Scenario {
                tier: c.presets[0].scenario.tier.clone(),
                ..initial
            },
            c.presets[0].scenario
        );
    }

    #[test]
    fn a_new_provider_keeps_the_region_only_if_it_has_it() {
        let c = catalog();
        let p = c.pricing.as_ref().unwrap();
        let mut s = Scenario::blank(&c);
        let (other, prov) = p
            .providers
            .iter()
            .find(|(k, x)| *k != s.provider && !x.regions.contains(&s.region))
            .expect("a provider without the first provider's region");
        s.set_provider(&c, other);
        assert_eq!(s.provider, other);
        assert_eq!(s.region, prov.regions.keys().next().unwrap());
        let region = s.region.clone();
        s.set_provider(&c, "no-such-provider");
        assert_eq!(
            (s.provider.as_str(), s.region.as_str()),
            ("no-such-provider", region.as_str())
        );
    }

    #[test]
    fn hub_names_skip_taken_ones() {
        let c = catalog();
        let mut s = Scenario::blank(&c);
        assert_eq!(s.next_hub_name(), "Hub 2");
        s.hubs[0].name = "Hub 2".into();
        assert_eq!(s.next_hub_name(), "Hub 3");
    }
}
