//! What the fuzzer feeds: each target's reader, its seeds, and everything done with an
//! input the reader accepts (every face of it, `tests/support/faces.rs`).

use crate::faces::{every_face, Faces};
use hubquote::catalog::Catalog;
use hubquote::quote;
use hubquote::scenario::{share, Scenario};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Catalog,
    Scenario,
    Quote,
    Link,
}

impl Target {
    pub const ALL: [Target; 4] = [
        Target::Catalog,
        Target::Scenario,
        Target::Quote,
        Target::Link,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Catalog => "catalog",
            Target::Scenario => "scenario",
            Target::Quote => "quote",
            Target::Link => "link",
        }
    }

    pub fn named(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The catalogs inputs are priced with, and the seeds they give.
pub struct World {
    pub catalogs: Vec<Catalog>,
}

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The catalog files of the repository: the shipped ones, the test fixtures and the
/// reference catalogs copied as seeds.
fn catalog_files() -> Vec<String> {
    let mut out = Vec::new();
    for dir in [
        "public",
        "public/catalogs",
        "tests/fixtures",
        "examples/fuzz/seeds",
    ] {
        let Ok(entries) = std::fs::read_dir(format!("{ROOT}/{dir}")) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let is_catalog = p.extension().is_some_and(|x| x == "json5" || x == "json");
            if let (true, Ok(text)) = (is_catalog, std::fs::read_to_string(&p)) {
                out.push(text);
            }
        }
    }
    out
}

pub fn date() -> time::Date {
    time::Date::from_calendar_date(2026, time::Month::November, 21).unwrap_or(time::Date::MIN)
}

impl World {
    pub fn new() -> World {
        let catalogs = catalog_files()
            .iter()
            .filter_map(|t| Catalog::load(t).ok())
            .map(|l| l.catalog)
            .filter(Catalog::is_priced)
            .collect();
        World { catalogs }
    }

    /// Every preset of every catalog.
    fn presets(&self) -> impl Iterator<Item = (&Catalog, &Scenario)> {
        self.catalogs
            .iter()
            .flat_map(|c| c.presets.iter().map(move |p| (c, &p.scenario)))
    }

    /// The seeds of `target`, as text.
    pub fn seeds(&self, target: Target) -> Vec<String> {
        match target {
            Target::Catalog => catalog_files(),
            Target::Scenario => self.presets().map(|(_, s)| s.to_json()).collect(),
            Target::Quote => self
                .presets()
                .filter_map(|(c, s)| hubquote::pricing::quote(c, s, date()).ok())
                .map(|q| q.to_json())
                .collect(),
            Target::Link => self.presets().map(|(_, s)| share::encode(s)).collect(),
        }
    }
}

/// What running one input did.
#[derive(Default)]
pub struct Run {
    /// The reader accepted it.
    pub accepted: bool,
    pub quotes: usize,
    /// The longest single step: reading it, or every face of one scenario.
    pub slowest: Duration,
    pub broken: Vec<String>,
}

impl Run {
    /// Runs one step, keeping the longest.
    fn timed<T>(&mut self, step: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = step();
        self.slowest = self.slowest.max(start.elapsed());
        out
    }

    fn faces(&mut self, c: &Catalog, s: &Scenario) {
        let Faces { quotes, broken, .. } = self.timed(|| every_face(c, s, date()));
        self.quotes += quotes;
        self.broken.extend(broken);
    }

    /// Every face of `s` under each catalog that finds it valid.
    fn each_catalog(&mut self, world: &World, s: &Scenario) {
        for c in &world.catalogs {
            if !self.timed(|| s.validate(c).has_errors()) {
                self.faces(c, s);
            }
        }
    }
}

/// At most this many presets of a fuzzed catalog are priced (every face of each).
const PRESETS_PRICED: usize = 3;

/// Reads `input` as `target` reads it and, when it is accepted, does everything the
/// product does with it.
pub fn run(world: &World, target: Target, input: &str) -> Run {
    let mut r = Run::default();
    match target {
        Target::Catalog => {
            if let Ok(l) = r.timed(|| Catalog::load(input)) {
                r.accepted = true;
                catalog_faces(&mut r, &l.catalog);
            }
        }
        Target::Scenario => {
            for c in &world.catalogs {
                if let Ok(s) = r.timed(|| Scenario::load(input, c)) {
                    r.accepted = true;
                    r.faces(c, &s);
                }
            }
        }
        Target::Quote => {
            if let Ok(file) = r.timed(|| quote::import(input)) {
                r.accepted = true;
                for c in &world.catalogs {
                    let _ = r.timed(|| hubquote::pricing::recheck(c, &file));
                }
                r.each_catalog(world, &file.scenario);
            }
        }
        Target::Link => {
            if let Ok(s) = r.timed(|| share::decode(input)) {
                r.accepted = true;
                r.each_catalog(world, &s);
            }
        }
    }
    r
}

/// A catalog that loaded: its menu, and every face of its first presets (or, without
/// presets, of where a new scenario starts).
fn catalog_faces(r: &mut Run, c: &Catalog) {
    let _ = hubquote::pricing::menu::menu(c, None, None);
    if !c.is_priced() {
        return;
    }
    if c.presets.is_empty() {
        r.faces(c, &Scenario::initial(c));
    }
    for p in c.presets.iter().take(PRESETS_PRICED) {
        r.faces(c, &p.scenario);
    }
}
