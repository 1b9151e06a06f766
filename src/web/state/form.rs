//! The scenario being edited: the draft (the last valid value of every field), the text
//! of fields being typed with their parse errors, and whether it is still the catalog's
//! initial scenario. Every change goes through these methods, which keep the four
//! together: typed text never outlives the scenario it was typed into, and any change
//! the visitor makes ends the pristine state.

use super::read_only::ReadOnly;
use crate::scenario::Scenario;
use crate::web::{paths, text};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A field's text while typed, or its parse error, by path.
type ByPath = BTreeMap<String, String>;

#[derive(Clone, Copy)]
pub struct Form {
    draft: RwSignal<Scenario>,
    raw: RwSignal<ByPath>,
    parse_errors: RwSignal<ByPath>,
    pristine: RwSignal<bool>,
}

impl Form {
    pub fn new(s: Scenario, pristine: bool) -> Form {
        Form {
            draft: RwSignal::new(s),
            raw: RwSignal::new(ByPath::new()),
            parse_errors: RwSignal::new(ByPath::new()),
            pristine: RwSignal::new(pristine),
        }
    }

    pub fn draft(self) -> ReadOnly<Scenario> {
        ReadOnly::of(self.draft)
    }

    /// The text a field shows: what is being typed, else the draft's value.
    pub fn text_of(self, path: &str) -> String {
        self.raw
            .with(|m| m.get(path).cloned())
            .unwrap_or_else(|| self.draft.with(|s| paths::read(s, path)))
    }

    /// The message of text typed into `path` that does not parse.
    pub fn parse_error(self, path: &str) -> Option<String> {
        self.parse_errors.with(|m| m.get(path).cloned())
    }

    pub fn has_parse_errors(self) -> bool {
        !self.parse_errors.with(ByPath::is_empty)
    }

    /// Text typed into a field: a value that parses goes into the draft; one that does
    /// not is kept as typed, with its message, and the draft keeps the last valid value.
    pub fn edit(self, path: &str, typed: String) {
        let mut next = self.draft.get_untracked();
        let outcome = paths::write(&mut next, path, &typed);
        self.raw.update(|m| {
            m.insert(path.to_string(), typed);
        });
        match outcome {
            Ok(()) => {
                if self.parse_errors.with_untracked(|m| m.contains_key(path)) {
                    self.parse_errors.update(|m| {
                        m.remove(path);
                    });
                }
                if self.draft.with_untracked(|s| *s != next) {
                    self.draft.set(next);
                    self.pristine.set(false);
                }
            }
            Err(e) => self.parse_errors.update(|m| {
                m.insert(path.to_string(), text::capitalise(&e));
            }),
        }
    }

    /// A change made as is (a choice from a list).
    pub fn apply(self, f: impl FnOnce(&mut Scenario)) {
        self.draft.update(f);
        self.pristine.set(false);
    }

    /// Adds to or removes from a list (`hubs[`, `discounts[`) or a record (`approval.`):
    /// the typed text of paths under `prefix` is dropped since they move or go.
    pub fn restructure(self, prefix: &str, f: impl FnOnce(&mut Scenario)) {
        self.raw.update(|m| m.retain(|k, _| !k.starts_with(prefix)));
        self.parse_errors
            .update(|m| m.retain(|k, _| !k.starts_with(prefix)));
        self.apply(f);
    }

    /// The visitor's new scenario (a preset, a share link, an opened file): typed text and
    /// parse errors of the old one are dropped.
    pub fn replace(self, s: Scenario) {
        self.set(s);
        self.pristine.set(false);
    }

    /// A new catalog's initial scenario, if the draft still is the old one's (untouched).
    pub fn reset(self, initial: impl FnOnce() -> Scenario) {
        if self.pristine.get_untracked() {
            self.set(initial());
        }
    }

    fn set(self, s: Scenario) {
        self.raw.set(ByPath::new());
        self.parse_errors.set(ByPath::new());
        self.draft.set(s);
    }
}
