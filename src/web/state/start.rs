//! Where a visit starts: the scenario of a share link in the fragment, else the saved
//! draft, else the catalog's initial scenario; with what to tell the visitor about a link
//! or draft that could not be read. A link is a customer's copy: when it is the saved
//! draft's own (a reload after sharing), the draft is restored, notes and approval
//! record included.

use super::draft::{self, Mode, Saved};
use super::host::Options;
use crate::catalog::Catalog;
use crate::scenario::{share, Scenario};
use crate::web::text;

/// What a damaged link's notice says is shown when there is no draft to show instead.
const FRESH: &str = "A new estimate with the catalog's starting answers is shown instead.";

/// The state a page opens with.
pub struct Start {
    pub scenario: Scenario,
    pub mode: Mode,
    pub notice: Option<String>,
    /// The scenario is the catalog's initial one (a loaded catalog may replace it).
    pub pristine: bool,
    /// Scenario A (encoded), pinned in the draft restored.
    pub pinned: Option<String>,
    /// What the share link opened says of its catalog (`&c=`, unread).
    pub made_with: Option<String>,
}

impl Start {
    /// From the URL fragment (without `#`), the saved draft (when the host allows
    /// storage) and the host's options (a preset, a tier, a form mode to start with).
    pub fn read(catalog: &Catalog, fragment: &str, host: &Options) -> Start {
        let restore = || {
            host.storage
                .then(|| draft::restore(&host.draft_key()))
                .flatten()
        };
        let mut notice = None;
        match share::in_fragment(fragment).map(share::decode) {
            Some(Ok(scenario)) => {
                let start = match restore() {
                    Some(Ok(d)) if d.scenario.for_customer() == scenario => Start::saved(d, None),
                    _ => Start::with(scenario, Mode::Guided, None),
                };
                return Start {
                    made_with: share::named_catalog(fragment).map(str::to_string),
                    ..start
                };
            }
            Some(Err(d)) => notice = Some(text::damaged_link(&d)),
            None => {}
        }
        // What a damaged link's notice says is shown instead is what is.
        let instead = |what: &str| notice.as_ref().map(|n| format!("{n} {what}"));
        match restore() {
            Some(Ok(d)) => Start::saved(d, instead("Your last saved draft is shown instead.")),
            Some(Err(e)) => Start::initial(
                catalog,
                host,
                Some(match instead(FRESH) {
                    Some(n) => format!("{n} {e}"),
                    None => e,
                }),
            ),
            None => Start::initial(catalog, host, instead(FRESH)),
        }
    }

    fn with(scenario: Scenario, mode: Mode, notice: Option<String>) -> Start {
        Start {
            scenario,
            mode,
            notice,
            pristine: false,
            pinned: None,
            made_with: None,
        }
    }

    fn saved(d: Saved, notice: Option<String>) -> Start {
        Start {
            pinned: d.pinned,
            ..Start::with(d.scenario, d.mode, notice)
        }
    }

    /// The catalog's initial scenario, or the host's preset, with the host's tier.
    /// (A preset or tier the catalog does not have is a console warning, and ignored.)
    fn initial(catalog: &Catalog, host: &Options, notice: Option<String>) -> Start {
        let preset = host.preset.as_deref().and_then(|id| {
            let found = catalog.preset(id);
            if found.is_none() {
                warn("preset", id);
            }
            found
        });
        let mut scenario =
            preset.map_or_else(|| Scenario::initial(catalog), |p| p.scenario.clone());
        match &host.tier {
            Some(t) if catalog.tiers.contains(t) || t == crate::scenario::RECOMMEND => {
                t.clone_into(&mut scenario.tier)
            }
            Some(t) => warn("tier", t),
            None => {}
        }
        Start {
            pristine: true,
            ..Start::with(scenario, host.first_mode(), notice)
        }
    }
}

/// Warns that the host's `option` names nothing in the catalog.
fn warn(option: &str, value: &str) {
    let w = format!("hubquote: data-{option}=\"{value}\" is not in the catalog; ignored");
    web_sys::console::warn_1(&w.into());
}
