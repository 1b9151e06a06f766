//! The `hubquote` command line: the same engine as the web app, for staff automation
//! and tests. Exit codes: 0 success, 1 invalid input (stderr says where) or a failed
//! write, 2 bad usage. Reading and writing are `io.rs`'s.

mod io;
mod located;

mod book;
mod diff;
mod link;

use crate::catalog::Catalog;
use crate::quote::{Audience, Quote};
use crate::scenario::{Scenario, RECOMMEND};
use crate::{export, pricing};
use clap::{Parser, Subcommand, ValueEnum};
use io::{invalid, read, write_out, write_pdf, Failure};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "hubquote",
    version,
    about = "Quotes for managed community JupyterHubs, every number explained."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Price a scenario and print the quote.
    Quote {
        /// Scenario JSON file, or - for standard input.
        scenario: String,
        /// Catalog file (default: the embedded catalog).
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A tier name, or "recommend" (default: the scenario's own choice).
        #[arg(long)]
        tier: Option<String>,
        /// Quote date, YYYY-MM-DD (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// The staff copy: internal notes, the approval and why it is needed (it says
        /// "Internal copy — not for the customer" on its face). Default: the customer's copy.
        #[arg(long)]
        internal: bool,
    },
    /// Compare two scenarios or quote files: what changed, every total's delta, every line's.
    Diff(diff::Args),
    /// Print the customer share link of a scenario (no internal notes, as the app encodes it).
    Link(link::Args),
    /// Price many scenario or quote files: one row per file, in input order.
    Batch(book::BatchArgs),
    /// Revenue by kind (membership, usage fee, hours, …; cloud apart), per tier and in total.
    Summary(book::SummaryArgs),
    /// What a catalog change does to every member: each file under both catalogs.
    Impact(book::ImpactArgs),
    /// Validate a catalog: every error and warning, with line:column.
    Check {
        /// Catalog file, or - for standard input.
        catalog: String,
    },
    /// Print the JSON Schema of a document (`batch`: one line of `batch --format jsonl`).
    Schema {
        #[arg(value_parser = crate::schema::KINDS)]
        kind: String,
    },
    /// List the presets, or print one as a scenario file.
    Example {
        name: Option<String>,
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
    Markdown,
    Csv,
    /// Binary: written to -o FILE; to standard output only with `-o -` or when it is not a terminal.
    Pdf,
    /// The budget justification for a grant proposal: a paragraph per cost category.
    Justification,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    run(cli.command).map_or_else(io::exit, |()| ExitCode::SUCCESS)
}

fn load_catalog(path: Option<&PathBuf>) -> Result<Catalog, Failure> {
    let (name, text) = catalog_source(path)?;
    load(&name, &text)
}

/// A catalog that can price quotes: one without prices is refused at the catalog.
fn load_priced_catalog(path: Option<&PathBuf>) -> Result<Catalog, Failure> {
    let (name, text) = catalog_source(path)?;
    let catalog = load(&name, &text)?;
    if !catalog.is_priced() {
        return Err(located::not_priced(&name, &text, &catalog));
    }
    Ok(catalog)
}

/// The name and text of the catalog file `path`, or of the embedded catalog.
fn catalog_source(path: Option<&PathBuf>) -> Result<(String, String), Failure> {
    Ok(match path {
        Some(p) => (p.display().to_string(), read(&p.display().to_string())?),
        None => (
            crate::DEFAULT_CATALOG_NAME.to_string(),
            crate::DEFAULT_CATALOG.to_string(),
        ),
    })
}

fn load(name: &str, text: &str) -> Result<Catalog, Failure> {
    Catalog::load(text)
        .map(|l| l.catalog)
        .map_err(|d| invalid(d.render(name)))
}

fn today() -> time::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    time::Date::from_julian_day(2_440_588 + i32::try_from(days).unwrap_or(0))
        .unwrap_or(time::Date::MIN)
}

fn run(cmd: Command) -> Result<(), Failure> {
    match cmd {
        Command::Quote {
            scenario,
            catalog,
            tier,
            date,
            format,
            output,
            internal,
        } => {
            let catalog = load_priced_catalog(catalog.as_ref())?;
            let audience = if internal {
                Audience::Staff
            } else {
                Audience::Customer
            };
            let quote = make_quote(&catalog, &scenario, tier, date, audience)?;
            let out = match format {
                Format::Pdf => return write_pdf(output.as_ref(), &export::to_pdf(&quote)),
                Format::Json => quote.to_json() + "\n",
                Format::Text => export::to_text(&quote),
                Format::Markdown => export::to_markdown(&quote),
                Format::Csv => export::to_csv(&quote),
                Format::Justification => export::justification(&quote),
            };
            write_out(output.as_ref(), &out)
        }
        Command::Diff(args) => diff::run(args),
        Command::Link(args) => link::run(args),
        Command::Batch(args) => book::batch(args),
        Command::Summary(args) => book::summary(args),
        Command::Impact(args) => book::impact(args),
        Command::Check { catalog } => check(&catalog),
        Command::Schema { kind } => {
            let json = crate::schema::json(&kind)
                .ok_or_else(|| Failure(format!("unknown schema \"{kind}\""), 2))?;
            write_out(None, &json)
        }
        Command::Example { name, catalog } => {
            let catalog = load_catalog(catalog.as_ref())?;
            example(&catalog, name.as_deref())
        }
    }
}

/// The quote of the scenario file `path` for `audience`, with `--tier` and `--date` applied.
fn make_quote(
    catalog: &Catalog,
    path: &str,
    tier: Option<String>,
    date: Option<String>,
    audience: Audience,
) -> Result<Quote, Failure> {
    let text = read(path)?;
    let name = io::shown_name(path);
    let mut s = Scenario::load(&text, catalog).map_err(|d| invalid(d.render(name)))?;
    if let Some(t) = tier {
        if t != RECOMMEND && !catalog.tiers.contains(&t) {
            let tiers = catalog.tiers.join(", ");
            let why =
                format!("--tier: unknown tier \"{t}\": choose one of {tiers} or \"{RECOMMEND}\"");
            return Err(Failure(why, 2));
        }
        s.tier = t;
    }
    let date = match date {
        Some(d) => parse_date(&d)?,
        None => today(),
    };
    pricing::quote_for(catalog, &s, date, audience).map_err(|e| located::refusal(name, &text, &e))
}

/// `--date`: `YYYY-MM-DD`, or bad usage.
fn parse_date(d: &str) -> Result<time::Date, Failure> {
    crate::source::parse_date(d)
        .ok_or_else(|| Failure(format!("--date: expected YYYY-MM-DD, found \"{d}\""), 2))
}

/// The dates of a book's or a diff's quotes: `--date` if given, else each quote file's
/// own, else today.
fn dates(asked: Option<&str>) -> Result<crate::book::Dates, Failure> {
    Ok(crate::book::Dates {
        asked: asked.map(parse_date).transpose()?,
        today: today(),
    })
}

/// `hubquote check`: every error and warning of a catalog file, or a summary of it.
fn check(path: &str) -> Result<(), Failure> {
    let text = read(path)?;
    let name = io::shown_name(path);
    let loaded = Catalog::load(&text).map_err(|d| {
        invalid(format!(
            "{}\n{name}: {} errors",
            d.render(name),
            d.error_count()
        ))
    })?;
    if !loaded.warnings.is_empty() {
        io::note(&loaded.warnings.render(name));
    }
    let c = &loaded.catalog;
    let kind = if c.is_priced() {
        "priced"
    } else {
        "feature-only (no prices)"
    };
    let summary = format!(
        "{name}: OK — \"{}\" {} ({kind}), {} tiers ({}), {} items, {} presets, {} warnings\n",
        c.name,
        c.version,
        c.tiers.len(),
        c.tiers.join(", "),
        c.items.len(),
        c.presets.len(),
        loaded.warnings.warning_count()
    );
    write_out(None, &export::visible_lines(&summary))
}

/// `hubquote example`: the presets listed, or one of them as a scenario file.
fn example(catalog: &Catalog, name: Option<&str>) -> Result<(), Failure> {
    if catalog.presets.is_empty() {
        return Err(invalid(format!(
            "the catalog \"{}\" has no presets",
            catalog.name
        )));
    }
    let Some(n) = name else {
        let mut out = String::new();
        for p in &catalog.presets {
            out.push_str(&format!(
                "{:<22} {}\n{:<22} {}\n",
                p.id, p.label, "", p.description
            ));
        }
        return write_out(None, &export::visible_lines(&out));
    };
    let preset = catalog.preset(n).ok_or_else(|| {
        let ids: Vec<&str> = catalog.presets.iter().map(|p| p.id.as_str()).collect();
        invalid(format!(
            "unknown preset \"{n}\": choose one of {}",
            ids.join(", ")
        ))
    })?;
    write_out(None, &(preset.scenario.to_json() + "\n"))
}
