//! The `hubquote` command line: the same engine as the web app, for staff automation
//! and tests. Exit codes: 0 success, 1 invalid input (stderr says where), 2 bad usage.

mod book;
mod diff;
mod link;

use crate::catalog::Catalog;
use crate::quote::{Audience, Quote};
use crate::scenario::Scenario;
use crate::{export, pricing};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
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

/// A failure to report: the message, and whether it is bad input (1) or bad usage (2).
struct Failure(String, u8);

fn invalid(msg: impl Into<String>) -> Failure {
    Failure(msg.into(), 1)
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg, code)) => {
            eprintln!("{msg}");
            ExitCode::from(code)
        }
    }
}

fn read(path: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if path == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read(path).and_then(|bytes| {
            text = String::from_utf8(bytes).map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "the file is not UTF-8 text",
                )
            })?;
            Ok(())
        })
    };
    result.map_err(|e| invalid(format!("{path}: {e}")))?;
    Ok(text)
}

fn load_catalog(path: Option<&PathBuf>) -> Result<Catalog, Failure> {
    let (name, text) = match path {
        Some(p) => (p.display().to_string(), read(&p.display().to_string())?),
        None => (
            crate::DEFAULT_CATALOG_NAME.to_string(),
            crate::DEFAULT_CATALOG.to_string(),
        ),
    };
    Catalog::load(&text)
        .map(|l| l.catalog)
        .map_err(|d| invalid(d.render(&name)))
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
            let catalog = load_catalog(catalog.as_ref())?;
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
    let mut s = Scenario::load(&text, catalog).map_err(|d| {
        let name = if path == "-" { "<stdin>" } else { path };
        invalid(d.render(name))
    })?;
    if let Some(t) = tier {
        s.tier = t;
    }
    let date = match date {
        Some(d) => parse_date(&d)?,
        None => today(),
    };
    pricing::quote_for(catalog, &s, date, audience).map_err(|e| invalid(format!("{path}: {e}")))
}

/// `--date`: `YYYY-MM-DD`, or bad usage.
fn parse_date(d: &str) -> Result<time::Date, Failure> {
    crate::source::parse_date(d)
        .ok_or_else(|| Failure(format!("--date: expected YYYY-MM-DD, found \"{d}\""), 2))
}

/// `hubquote check`: every error and warning of a catalog file, or a summary of it.
fn check(path: &str) -> Result<(), Failure> {
    let text = read(path)?;
    let loaded = Catalog::load(&text).map_err(|d| {
        invalid(format!(
            "{}\n{path}: {} errors",
            d.render(path),
            d.error_count()
        ))
    })?;
    if !loaded.warnings.is_empty() {
        eprintln!("{}", loaded.warnings.render(path));
    }
    let c = &loaded.catalog;
    let kind = if c.is_priced() {
        "priced"
    } else {
        "feature-only (no prices)"
    };
    println!(
        "{path}: OK — \"{}\" {} ({kind}), {} tiers ({}), {} items, {} presets, {} warnings",
        c.name,
        c.version,
        c.tiers.len(),
        c.tiers.join(", "),
        c.items.len(),
        c.presets.len(),
        loaded.warnings.warning_count()
    );
    Ok(())
}

/// `hubquote example`: the presets listed, or one of them as a scenario file.
fn example(catalog: &Catalog, name: Option<&str>) -> Result<(), Failure> {
    let Some(n) = name else {
        let mut out = String::new();
        for p in &catalog.presets {
            out.push_str(&format!(
                "{:<22} {}\n{:<22} {}\n",
                p.id, p.label, "", p.description
            ));
        }
        return write_out(None, &out);
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

fn write_out(path: Option<&PathBuf>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::write(p, text).map_err(|e| invalid(format!("{}: {e}", p.display())))
        }
        _ => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout.write_all(text.as_bytes());
            Ok(())
        }
    }
}

/// A PDF is binary: to a file, or to standard output only when asked with `-o -` or when
/// standard output is not a terminal (a pipe or a redirect).
fn write_pdf(path: Option<&PathBuf>, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::IsTerminal;
    match path {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::write(p, bytes).map_err(|e| invalid(format!("{}: {e}", p.display())))
        }
        None if std::io::stdout().is_terminal() => Err(Failure(
            "--format pdf is binary: write it with -o FILE (or -o - to force standard output)"
                .into(),
            2,
        )),
        _ => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(bytes);
            let _ = stdout.flush();
            Ok(())
        }
    }
}
