//! Where a visit starts: the scenario of a share link in the fragment, else the saved
//! draft, else the catalog's initial scenario; with what to tell the visitor about a link
//! or draft that could not be read. A link is a customer's copy: when it is the saved
//! draft's own (a reload after sharing), the draft is restored, notes and approval
//! record included.

use super::draft::{self, Mode, Saved};
use crate::catalog::Catalog;
use crate::scenario::{share, Scenario};
use crate::web::text;

/// The state a page opens with.
pub struct Start {
    pub scenario: Scenario,
    pub mode: Mode,
    pub notice: Option<String>,
    /// The scenario is the catalog's initial one (a loaded catalog may replace it).
    pub pristine: bool,
    /// Scenario A (encoded), pinned in the draft restored.
    pub pinned: Option<String>,
}

impl Start {
    /// From the URL fragment (without `#`) and the saved draft.
    pub fn read(catalog: &Catalog, fragment: &str) -> Start {
        let mut notice = None;
        match share::in_fragment(fragment).map(share::decode) {
            Some(Ok(scenario)) => {
                return match draft::restore() {
                    Some(Ok(d)) if d.scenario.for_customer() == scenario => Start::saved(d, None),
                    _ => Start::with(scenario, Mode::Guided, None),
                }
            }
            Some(Err(d)) => {
                notice = Some(format!(
                    "{} The last saved draft is shown instead.",
                    text::damaged_link(&d)
                ))
            }
            None => {}
        }
        match draft::restore() {
            Some(Ok(d)) => Start::saved(d, notice),
            Some(Err(e)) => Start::initial(catalog, notice.or(Some(e))),
            None => Start::initial(catalog, notice),
        }
    }

    fn with(scenario: Scenario, mode: Mode, notice: Option<String>) -> Start {
        Start {
            scenario,
            mode,
            notice,
            pristine: false,
            pinned: None,
        }
    }

    fn saved(d: Saved, notice: Option<String>) -> Start {
        Start {
            pinned: d.pinned,
            ..Start::with(d.scenario, d.mode, notice)
        }
    }

    fn initial(catalog: &Catalog, notice: Option<String>) -> Start {
        Start {
            pristine: true,
            ..Start::with(Scenario::initial(catalog), Mode::Guided, notice)
        }
    }
}
