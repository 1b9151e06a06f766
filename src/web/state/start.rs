//! Where a visit starts: the scenario of a share link in the fragment, else the saved
//! draft, else the catalog's initial scenario; with what to tell the visitor about a link
//! or draft that could not be read.

use super::draft::{self, Mode};
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
}

impl Start {
    /// From the URL fragment (without `#`) and the saved draft.
    pub fn read(catalog: &Catalog, fragment: &str) -> Start {
        let mut notice = None;
        match share::in_fragment(fragment).map(share::decode) {
            Some(Ok(scenario)) => return Start::with(scenario, Mode::Guided, None),
            Some(Err(d)) => {
                notice = Some(format!(
                    "{} The last saved draft is shown instead.",
                    text::damaged_link(&d)
                ))
            }
            None => {}
        }
        match draft::restore() {
            Some(Ok((scenario, mode))) => Start::with(scenario, mode, notice),
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
        }
    }

    fn initial(catalog: &Catalog, notice: Option<String>) -> Start {
        Start {
            pristine: true,
            ..Start::with(Scenario::initial(catalog), Mode::Guided, notice)
        }
    }
}
