//! A signal the views read but cannot write: the state's methods write it and keep the
//! rules. Leptos's own read-only handle (`RwSignal::read_only`) makes a new signal each
//! time it is asked for, and split pairs (`signal()`) made the first download 2.8 KB
//! gzip larger; this is the same signal, behind the three traits every read is built on.

use leptos::prelude::*;
use leptos::reactive::traits::{DefinedAt, ReadUntracked, Track};
use std::panic::Location;

pub struct ReadOnly<T: 'static>(RwSignal<T>);

impl<T> Clone for ReadOnly<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ReadOnly<T> {}

impl<T: Send + Sync> ReadOnly<T> {
    pub fn of(s: RwSignal<T>) -> ReadOnly<T> {
        ReadOnly(s)
    }
}

impl<T> DefinedAt for ReadOnly<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.0.defined_at()
    }
}

impl<T: Send + Sync> Track for ReadOnly<T> {
    #[track_caller]
    fn track(&self) {
        self.0.track();
    }
}

impl<T: Send + Sync> ReadUntracked for ReadOnly<T> {
    type Value = <RwSignal<T> as ReadUntracked>::Value;

    #[track_caller]
    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.0.try_read_untracked()
    }
}
