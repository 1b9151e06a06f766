//! The command's input and output. A document is read up to the size cap and no further
//! (`/dev/zero` is refused after one byte over the cap instead of being read until memory
//! runs out); every write to standard output or a file is checked, so that a full disk
//! (`> /dev/full`) is an error, exit 1, and a closed pipe (`| head`) ends the command
//! quietly, as Unix tools do.

use crate::source::{self, MAX_DOCUMENT_BYTES};
use std::io::{ErrorKind, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A failure to report: the message (empty: nothing to say), and whether it is bad input
/// or a failed write (1) or bad usage (2).
pub struct Failure(pub String, pub u8);

pub fn invalid(msg: impl Into<String>) -> Failure {
    Failure(msg.into(), 1)
}

/// The argument that names standard input (and, for `-o`, standard output).
pub const STDIO: &str = "-";

/// How a document's name is printed in messages: `<stdin>` for standard input.
pub fn shown_name(path: &str) -> &str {
    if path == STDIO {
        "<stdin>"
    } else {
        path
    }
}

/// The text of a document: a file, or standard input for `-`. At most
/// [`MAX_DOCUMENT_BYTES`] + 1 bytes are read; a longer input is refused unread.
pub fn read(path: &str) -> Result<String, Failure> {
    read_text(path).map_err(|why| invalid(format!("{}: {why}", shown_name(path))))
}

/// [`read`], and why not without the document's name (a row of the book names it).
pub fn read_text(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(MAX_DOCUMENT_BYTES).map_or(u64::MAX, |n| n.saturating_add(1));
    let result = if path == STDIO {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(cap).read_to_end(&mut bytes))
    };
    result.map_err(|e| e.to_string())?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(source::too_large());
    }
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())
}

/// Writes `text` to the file `path`, or to standard output when there is none (or `-`).
pub fn write_out(path: Option<&PathBuf>, text: &str) -> Result<(), Failure> {
    write_bytes(path, text.as_bytes())
}

/// A PDF is binary: to a file, or to standard output only when asked with `-o -` or when
/// standard output is not a terminal (a pipe or a redirect).
pub fn write_pdf(path: Option<&PathBuf>, bytes: &[u8]) -> Result<(), Failure> {
    if path.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure(
            "--format pdf is binary: write it with -o FILE (or -o - to force standard output)"
                .into(),
            2,
        ));
    }
    write_bytes(path, bytes)
}

fn write_bytes(path: Option<&PathBuf>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(p) if p.as_os_str() != STDIO => {
            std::fs::write(p, bytes).map_err(|e| invalid(format!("{}: {e}", p.display())))
        }
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| match e.kind() {
                    ErrorKind::BrokenPipe => Failure(String::new(), 1),
                    _ => invalid(format!("standard output: {e}")),
                })
        }
    }
}

/// Writes `text` and a line break to standard error (warnings beside a result, every
/// error message), a name's hidden characters shown (`export::visible_lines`). A failure
/// there has nowhere to be reported, and stops nothing.
pub fn note(text: &str) {
    let text = crate::export::visible_lines(text);
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Reports a failure on standard error and turns it into the exit code.
pub fn exit(failure: Failure) -> ExitCode {
    let Failure(message, code) = failure;
    if !message.is_empty() {
        note(&message);
    }
    ExitCode::from(code)
}
