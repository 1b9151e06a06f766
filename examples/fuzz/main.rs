//! The in-repository fuzzer (issue 13 §6): mutates seed catalogs, scenarios, quote files
//! and share links, reads each mutant as the product does and, when it is accepted, does
//! everything the product does with it (the menu, every tier's quote in every format,
//! the quote file read back and re-priced, the share link; `tests/support/faces.rs`).
//! It records every input that panics, takes more than a second for one step, needs
//! more than 256 MB, or breaks a promise (a quote file that re-prices differently, a
//! share link that does not restore its scenario).
//!
//!   cargo run --release --example fuzz -- TARGET SECONDS [--seed N] [--out DIR]
//!   cargo run --release --example fuzz -- replay TARGET FILE
//!
//! TARGET is catalog, scenario, quote, link, or all (the seconds shared between them).
//! Findings go to DIR (default target/fuzz), one file per input, named
//! TARGET-KIND-HASH.txt; the exit status is 1 when there is any. No nightly toolchain
//! and no instrumentation: inputs that are accepted join the corpus, so the mutants grow
//! from documents that read, and a run is replayed from its seed.

#[path = "../../tests/support/faces.rs"]
mod faces;
#[path = "../../tests/support/heap.rs"]
mod heap;
mod mutate;
mod targets;

use mutate::Rng;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use targets::{Target, World};

#[global_allocator]
static ALLOC: heap::Counting = heap::Counting;

/// One step (reading, or every face of one scenario) may take this long.
const SLOW: Duration = Duration::from_secs(1);
/// One input may need this much heap at its peak.
const HEAVY: usize = 256 * 1024 * 1024;
/// Past these, an input is saved and the run stops (it would never end or exhaust memory).
const HANG: Duration = Duration::from_secs(30);
const RUNAWAY: usize = 2 * 1024 * 1024 * 1024;
/// Accepted inputs kept to mutate further, per target.
const MAX_CORPUS: usize = 400;
/// Findings of one kind saved per target; the others are counted.
const SAVED_PER_KIND: usize = 5;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: fuzz TARGET SECONDS [--seed N] [--out DIR] | fuzz replay TARGET FILE";
    let result = match args.first().map(String::as_str) {
        Some("replay") => replay(args.get(1), args.get(2)),
        Some(_) => campaign(&args),
        None => Err(usage.to_string()),
    };
    match result {
        Ok(clean) => ExitCode::from(u8::from(!clean)),
        Err(e) => {
            eprintln!("{e}\n{usage}");
            ExitCode::from(2)
        }
    }
}

/// The value after `--flag`, if given.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).map(String::as_str)
}

/// Runs the campaign the arguments ask for; whether it found nothing.
fn campaign(args: &[String]) -> Result<bool, String> {
    let targets: Vec<Target> = match args.first().map(String::as_str) {
        Some("all") => Target::ALL.to_vec(),
        Some(t) => vec![Target::named(t).ok_or_else(|| format!("unknown target {t}"))?],
        None => return Err("a target is needed".into()),
    };
    let seconds: u64 = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .ok_or("SECONDS must be a whole number")?;
    let seed: u64 = flag(args, "--seed")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let out = PathBuf::from(flag(args, "--out").unwrap_or("target/fuzz"));
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    quiet_panics();
    watchdog(out.clone());
    let world = World::new();
    let budget = Duration::from_secs(seconds) / u32::try_from(targets.len()).unwrap_or(1);
    let mut clean = true;
    for (i, target) in targets.into_iter().enumerate() {
        let mut f = Fuzzer {
            world: &world,
            target,
            rng: Rng::new(seed.wrapping_add(u64::try_from(i).unwrap_or(0))),
            out: &out,
            stats: Stats::default(),
            found: HashMap::new(),
        };
        f.run(budget);
        clean &= f.report();
    }
    Ok(clean)
}

/// What a target's campaign did.
#[derive(Default)]
struct Stats {
    inputs: u64,
    accepted: u64,
    quotes: u64,
    corpus: usize,
    elapsed: Duration,
}

struct Fuzzer<'w> {
    world: &'w World,
    target: Target,
    rng: Rng,
    out: &'w Path,
    stats: Stats,
    /// Per kind of finding: how many, and the first messages.
    found: HashMap<&'static str, (u64, Vec<String>)>,
}

/// The seeds and the accepted inputs, as text, and as JSON where they are JSON.
struct Corpus {
    texts: Vec<String>,
    values: Vec<Value>,
    words: Vec<String>,
    parts: Vec<Value>,
}

impl Corpus {
    fn new(target: Target, seeds: Vec<String>) -> Corpus {
        let values: Vec<Value> = seeds.iter().filter_map(|s| as_json(target, s)).collect();
        let (mut words, mut parts) = (Vec::new(), Vec::new());
        for v in &values {
            mutate::harvest(v, &mut words, &mut parts);
        }
        words.sort();
        words.dedup();
        Corpus {
            texts: seeds,
            values,
            words,
            parts,
        }
    }
}

/// The JSON a seed or an accepted input stands for: a share link's scenario, a JSON5
/// catalog as the catalog it loads to, any other document as it is.
fn as_json(target: Target, text: &str) -> Option<Value> {
    match target {
        Target::Link => hubquote::scenario::share::decode(text)
            .ok()
            .and_then(|s| serde_json::to_value(s).ok()),
        Target::Catalog => serde_json::from_str(text).ok().or_else(|| {
            let c = hubquote::catalog::Catalog::load(text).ok()?.catalog;
            serde_json::to_value(c).ok()
        }),
        _ => serde_json::from_str(text).ok(),
    }
}

/// A share link carrying `json` as is (whatever it holds).
fn link_of(json: &str) -> String {
    use base64ct::{Base64UrlUnpadded, Encoding};
    format!(
        "{}{}",
        hubquote::scenario::share::PREFIX,
        Base64UrlUnpadded::encode_string(json.as_bytes())
    )
}

impl Fuzzer<'_> {
    fn run(&mut self, budget: Duration) {
        let start = Instant::now();
        let mut corpus = Corpus::new(self.target, self.world.seeds(self.target));
        while start.elapsed() < budget {
            let input = self.mutant(&corpus);
            if let Some(accepted) = self.try_input(&input) {
                if accepted && corpus.texts.len() < MAX_CORPUS {
                    corpus.values.extend(as_json(self.target, &input));
                    corpus.texts.push(input);
                }
            }
        }
        self.stats.corpus = corpus.texts.len();
        self.stats.elapsed = start.elapsed();
    }

    /// A new input: a text mutation of one entry, or a structure mutation of one, in
    /// the target's own form (a link for links), sometimes with its text mutated too.
    fn mutant(&mut self, c: &Corpus) -> String {
        let rng = &mut self.rng;
        let other = rng.pick(&c.texts).cloned().unwrap_or_default();
        if c.values.is_empty() || rng.one_in(2) {
            let seed = rng.pick(&c.texts).cloned().unwrap_or_default();
            return mutate::text(rng, &seed, &other);
        }
        let mut v = rng.pick(&c.values).cloned().unwrap_or(Value::Null);
        for _ in 0..=rng.below(3) {
            mutate::structure(rng, &mut v, &c.words, &c.parts);
        }
        let json = if rng.one_in(2) {
            serde_json::to_string_pretty(&v)
        } else {
            serde_json::to_string(&v)
        }
        .unwrap_or_default();
        let text = if self.target == Target::Link {
            link_of(&json)
        } else {
            json
        };
        if rng.one_in(4) {
            mutate::text(rng, &text, &other)
        } else {
            text
        }
    }

    /// Runs one input under the bounds; whether it was accepted (`None`: it panicked).
    fn try_input(&mut self, input: &str) -> Option<bool> {
        let text: Arc<str> = Arc::from(input);
        set_current(Some((text.clone(), self.target)));
        let before = heap::start();
        let (world, target) = (self.world, self.target);
        let run = std::panic::catch_unwind(|| targets::run(world, target, &text));
        let peak = heap::peak_since(before);
        set_current(None);
        self.stats.inputs += 1;
        let run = match run {
            Ok(r) => r,
            Err(_) => {
                let why = take_panic().unwrap_or_else(|| "a panic".into());
                self.finding("panic", why, input);
                return None;
            }
        };
        self.stats.accepted += u64::from(run.accepted);
        self.stats.quotes += u64::try_from(run.quotes).unwrap_or(0);
        if run.slowest > SLOW {
            self.finding("slow", format!("a step took {:?}", run.slowest), input);
        }
        if peak > HEAVY {
            self.finding("memory", format!("{} MB at the peak", peak >> 20), input);
        }
        for why in run.broken {
            self.finding("broken", why, input);
        }
        Some(run.accepted)
    }

    /// Records a finding, saving the first few inputs of each kind.
    fn finding(&mut self, kind: &'static str, why: String, input: &str) {
        let (count, messages) = self.found.entry(kind).or_default();
        *count += 1;
        if messages.len() < SAVED_PER_KIND {
            let file = save(self.out, self.target, kind, input);
            println!("{} {kind}: {why} ({file})", self.target.name());
            messages.push(why);
        }
    }

    /// Prints the campaign's figures; whether it found nothing.
    fn report(&self) -> bool {
        let s = &self.stats;
        let rate = s.inputs as f64 / s.elapsed.as_secs_f64().max(1e-9);
        let findings: Vec<String> = self
            .found
            .iter()
            .map(|(kind, (n, _))| format!("{n} {kind}"))
            .collect();
        println!(
            "fuzz {}: {} inputs in {:.0} s ({rate:.0}/s), {} accepted, {} quotes, corpus {}; findings: {}",
            self.target.name(),
            s.inputs,
            s.elapsed.as_secs_f64(),
            s.accepted,
            s.quotes,
            s.corpus,
            if findings.is_empty() { "none".into() } else { findings.join(", ") }
        );
        self.found.is_empty()
    }
}

/// Saves an input under `DIR/TARGET-KIND-HASH.txt` and returns that path.
fn save(out: &Path, target: Target, kind: &str, input: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    input.hash(&mut h);
    let path = out.join(format!("{}-{kind}-{:016x}.txt", target.name(), h.finish()));
    if let Err(e) = std::fs::write(&path, input) {
        eprintln!("{}: {e}", path.display());
    }
    path.display().to_string()
}

/// Runs one saved input and says what it did.
fn replay(target: Option<&String>, file: Option<&String>) -> Result<bool, String> {
    let target = target
        .and_then(|t| Target::named(t))
        .ok_or("replay needs a target")?;
    let file = file.ok_or("replay needs a file")?;
    let input = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let world = World::new();
    let before = heap::start();
    let start = Instant::now();
    let run = targets::run(&world, target, &input);
    println!(
        "{}: accepted {}, {} quotes, slowest step {:?}, {:?} in all, {} MB at the peak, broken: {:?}",
        target.name(),
        run.accepted,
        run.quotes,
        run.slowest,
        start.elapsed(),
        heap::peak_since(before) >> 20,
        run.broken
    );
    Ok(run.broken.is_empty() && run.slowest <= SLOW)
}

/// The input being run, for the watchdog.
type Current = Option<(Arc<str>, Target, Instant)>;
static CURRENT: Mutex<Current> = Mutex::new(None);
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn set_current(input: Option<(Arc<str>, Target)>) {
    let now = input.map(|(text, target)| (text, target, Instant::now()));
    *CURRENT.lock().unwrap_or_else(|e| e.into_inner()) = now;
}

/// Panics are expected findings: their message and place are kept, not printed.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(format!("{message}{place}"));
    }));
}

fn take_panic() -> Option<String> {
    LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take()
}

/// Saves the input being run and stops the process when it runs past [`HANG`] or its
/// heap past [`RUNAWAY`]: such an input would never end or would exhaust memory.
fn watchdog(out: PathBuf) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(50));
        let guard = CURRENT.lock().unwrap_or_else(|e| e.into_inner());
        let Some((text, target, since)) = guard.as_ref() else {
            continue;
        };
        let kind = if since.elapsed() > HANG {
            "hang"
        } else if heap::in_use() > RUNAWAY {
            "runaway"
        } else {
            continue;
        };
        let file = save(&out, *target, kind, text);
        println!("{} {kind}: stopped ({file})", target.name());
        std::process::exit(1);
    });
}
