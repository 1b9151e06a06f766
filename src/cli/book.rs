//! `hubquote batch`, `summary` and `impact`: the book of business, many files at once.
//! Each argument is a file, or a directory whose `*.json` and `*.json5` files are taken
//! in name order (not its subdirectories); files are priced in the order given, and a
//! file that cannot be read or priced is a row saying why (with its line:column), never
//! the end of the run. Exit status: 0 when every file priced, 1 when some did not (the
//! rows say which), 2 bad usage. A batch streams: each row is written as it is priced.

use super::{dates, invalid, io, load_catalog, Failure};
use crate::book::{Dates, Impact, Problem, Row, Summary};
use crate::catalog::Catalog;
use crate::export;
use clap::ValueEnum;
use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct BatchArgs {
    #[command(flatten)]
    book: Book,
    #[arg(long, value_enum, default_value_t = BatchFormat::Jsonl)]
    format: BatchFormat,
}

/// The files of a book, and the catalog and date they are priced with.
#[derive(clap::Args)]
struct Book {
    /// Scenario or quote files, or directories of them (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Catalog file (default: the embedded catalog).
    #[arg(long)]
    catalog: Option<PathBuf>,
    #[command(flatten)]
    date: QuoteDate,
}

/// The date the files are quoted on.
#[derive(clap::Args)]
struct QuoteDate {
    /// Quote date, YYYY-MM-DD (default: a quote file's own date, else today, UTC).
    #[arg(long)]
    date: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchFormat {
    /// One JSON object a line (schema: `hubquote schema batch`).
    Jsonl,
    Csv,
}

#[derive(clap::Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    book: Book,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(clap::Args)]
pub struct ImpactArgs {
    /// The catalog the members are on now.
    #[arg(long)]
    from: PathBuf,
    /// The catalog they move to.
    #[arg(long)]
    to: PathBuf,
    /// Scenario or quote files (read under --from), or directories of them.
    #[arg(required = true)]
    files: Vec<String>,
    #[command(flatten)]
    date: QuoteDate,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}

/// `hubquote batch`: a row per file, written as it is priced.
pub fn batch(args: BatchArgs) -> Result<(), Failure> {
    let (catalog, dates) = args.book.priced_with()?;
    let mut out = Out::new();
    if let BatchFormat::Csv = args.format {
        out.put(&export::batch_csv_header())?;
    }
    let mut tally = Tally::default();
    for (path, text) in files(&args.book.files) {
        let row = match text {
            Ok(text) => Row::of(&path, &text, &catalog, dates),
            Err(e) => Row::failed(&path, e),
        };
        tally.count(row.error.is_none());
        match args.format {
            BatchFormat::Jsonl => out.put(&(row.to_json_line() + "\n")),
            BatchFormat::Csv => out.put(&export::batch_csv_row(&row)),
        }?;
    }
    out.flush()?;
    tally.result()
}

/// `hubquote summary`: revenue by kind, per tier and in total.
pub fn summary(args: SummaryArgs) -> Result<(), Failure> {
    let (catalog, dates) = args.book.priced_with()?;
    let mut tally = Tally::default();
    let priced = files(&args.book.files).map(|(path, text)| {
        let priced = text.and_then(|t| crate::book::priced(&t, &catalog, dates));
        tally.count(priced.is_ok());
        (path, priced)
    });
    let s = Summary::of(&catalog, priced).map_err(invalid)?;
    let text = match args.format {
        Format::Text => export::summary_text(&s),
        Format::Json => s.to_json() + "\n",
        Format::Csv => export::summary_csv(&s),
        Format::Markdown => export::summary_markdown(&s),
    };
    Out::new().put(&text)?;
    tally.result()
}

/// `hubquote impact`: every file under both catalogs, and the summary.
pub fn impact(args: ImpactArgs) -> Result<(), Failure> {
    let from = load_catalog(Some(&args.from))?;
    let to = load_catalog(Some(&args.to))?;
    let dates = dates(args.date.date.as_deref())?;
    let i = Impact::of((&from, &to), dates, files(&args.files)).map_err(invalid)?;
    let text = match args.format {
        Format::Text => export::impact_text(&i),
        Format::Json => i.to_json() + "\n",
        Format::Csv => export::impact_csv(&i),
        Format::Markdown => export::impact_markdown(&i),
    };
    Out::new().put(&text)?;
    let s = &i.summary;
    Tally {
        files: i.rows.len(),
        failed: usize::try_from(s.refused.saturating_add(s.errors)).unwrap_or(usize::MAX),
    }
    .result()
}

impl Book {
    fn priced_with(&self) -> Result<(Catalog, Dates), Failure> {
        Ok((
            load_catalog(self.catalog.as_ref())?,
            dates(self.date.date.as_deref())?,
        ))
    }
}

/// How many files a command saw, and how many of them did not price.
#[derive(Default)]
struct Tally {
    files: usize,
    failed: usize,
}

impl Tally {
    fn count(&mut self, priced: bool) {
        self.files = self.files.saturating_add(1);
        self.failed = self.failed.saturating_add(usize::from(!priced));
    }

    /// Exit 0 when every file priced, else 1 with a line on standard error.
    fn result(&self) -> Result<(), Failure> {
        match self.failed {
            0 => Ok(()),
            n => Err(invalid(format!(
                "{n} of {} files did not price: their rows say why",
                self.files
            ))),
        }
    }
}

/// Every file the arguments name, in order: its name and its text, or why it could not
/// be read. Lazy, so a batch streams: a file is read when its turn comes.
fn files(args: &[String]) -> impl Iterator<Item = (String, Result<String, Problem>)> + '_ {
    args.iter().flat_map(|arg| named(arg)).map(|(name, path)| {
        let text = path.and_then(|p| text(&p));
        (name, text)
    })
}

/// The files one argument names — itself, or a directory's files — each its shown name
/// and the path it is read from, or why a directory cannot be listed.
fn named(arg: &str) -> Vec<(String, Result<String, Problem>)> {
    let path = Path::new(arg);
    if arg == io::STDIO || !path.is_dir() {
        return vec![(io::shown_name(arg).to_string(), Ok(arg.to_string()))];
    }
    match listed(path) {
        Ok(files) => files
            .iter()
            .map(|f| (f.display().to_string(), Ok(f.display().to_string())))
            .collect(),
        Err(e) => vec![(arg.to_string(), Err(Problem::whole(e.to_string())))],
    }
}

/// A directory's `*.json` and `*.json5` files (not its subdirectories), by name.
fn listed(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("json" | "json5")) && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// A file's text as the other commands read it, or why it cannot be read.
fn text(path: &str) -> Result<String, Problem> {
    io::read_text(path).map_err(Problem::whole)
}

/// Standard output, buffered, every write checked: a closed pipe (`| head`) ends the
/// command quietly, any other failure is an error (exit 1).
struct Out(BufWriter<std::io::StdoutLock<'static>>);

impl Out {
    fn new() -> Out {
        Out(BufWriter::new(std::io::stdout().lock()))
    }

    fn put(&mut self, text: &str) -> Result<(), Failure> {
        self.0.write_all(text.as_bytes()).map_err(failed)
    }

    fn flush(&mut self) -> Result<(), Failure> {
        self.0.flush().map_err(failed)
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        let _ = self.0.flush();
    }
}

fn failed(e: std::io::Error) -> Failure {
    match e.kind() {
        ErrorKind::BrokenPipe => Failure(String::new(), 1),
        _ => invalid(format!("standard output: {e}")),
    }
}
