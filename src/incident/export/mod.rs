//! `healthdeck incident export [RECORD|--latest] --format markdown|json`: a record as a
//! timeline for the postmortem, or as one JSON document, to stdout. Exit 0; 2 when the record
//! cannot be found or read (a bad line reads `FILE:LINE:COLUMN: message`); 1 when stdout
//! cannot be written.

mod fleet;
mod handover;
mod markdown;
mod owed;
mod pace;
mod read;
mod steps;
mod text;
mod timeline;
mod walk;

use crate::cli::{ExportArgs, ExportFormat, IncidentArgs, IncidentCommand};
use crate::i18n::Tr;
use crate::incident::SCHEMA;
use owed::LeftUndone;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use handover::Escalation;
pub(crate) use handover::handover;
pub use markdown::{markdown, markdown_upto};
pub(crate) use read::{Line, Lines};
pub(crate) use timeline::plain_item;

/// Runs `healthdeck incident …`; returns the process exit code.
/// `lang` is the top-level `--lang`; the export's own `--lang` comes first.
pub fn run(args: &IncidentArgs, lang: Option<&str>) -> ExitCode {
    match &args.command {
        IncidentCommand::Export(export) => run_export(export, lang),
    }
}

fn run_export(args: &ExportArgs, lang: Option<&str>) -> ExitCode {
    // Asked for by name, a language is written whatever the locale: the Markdown is UTF-8.
    let tr = match args.lang.as_deref().or(lang) {
        Some(code) => match crate::launch::unknown_language(code) {
            Some(why) => return fail(&format!("healthdeck: {why}")),
            None => Tr::of(crate::config::lang::from_locale(code)),
        },
        None => Tr::of(crate::launch::language(None).0),
    };
    let path = match record_path(args) {
        Ok(path) => path,
        Err(message) => return fail(&message),
    };
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout().lock());
    let result = match args.format {
        ExportFormat::Markdown => markdown(&path, tr)
            .map_err(ExportError::Record)
            .and_then(|text| Ok(out.write_all(text.as_bytes())?)),
        ExportFormat::Json => json(&path, &mut out),
    }
    .and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `| head` has seen enough.
        Err(ExportError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::FAILURE
        }
        Err(ExportError::Write(e)) => {
            let _ = writeln!(
                std::io::stderr(),
                "healthdeck: cannot write the export: {e}"
            );
            ExitCode::FAILURE
        }
        Err(ExportError::Record(message)) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    // Not eprintln!: it panics when stderr has gone away.
    let _ = writeln!(std::io::stderr(), "{message}");
    ExitCode::from(crate::launch::EXIT_USAGE)
}

fn record_path(args: &ExportArgs) -> Result<PathBuf, String> {
    if let Some(record) = &args.record {
        return Ok(record.clone());
    }
    let dir = crate::config::paths::default_dir();
    super::latest(&dir).ok_or_else(|| {
        format!(
            "healthdeck: no incident records in {} (name a RECORD file, or set XDG_STATE_HOME \
             to where the console kept them)",
            dir.display()
        )
    })
}

/// Why an export stopped.
#[derive(Debug)]
pub enum ExportError {
    /// The record cannot be found or read: `FILE:LINE:COLUMN: message` or `FILE: message`.
    Record(String),
    /// Stdout cannot be written.
    Write(std::io::Error),
}

impl From<String> for ExportError {
    fn from(message: String) -> ExportError {
        ExportError::Record(message)
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> ExportError {
        ExportError::Write(e)
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> ExportError {
        ExportError::Write(e.into())
    }
}

/// Writes the record as one JSON document:
///
/// ```json
/// { "schema": "healthdeck.incident/1",    // the records' schema
///   "file": "<file name>",
///   "torn_last_line": false,              // the last line was cut off by a crash, left out
///   "session": { "at": …, "kind": "session", … },   // the header line
///   "left_undone": [ { "id": …, "server": …, "procedure": …, "step": …, "title": …,
///                      "command": …, "caused_by": …, "certain": …, "by": …,
///                      "since": …, "since_fleet": … }, … ],  // owed and never cleared
///   "entries": [ { "at": …, "fleet_at": …, "kind": …, … }, … ] }   // every later line
/// ```
///
/// Each record is written as in the file: `at` wall-clock UTC, `fleet_at` (and
/// `since_fleet`) in training only. The file is read twice, so that nothing is written
/// unless the whole record reads, in bounded memory however long it is.
pub fn json(path: &Path, out: &mut impl Write) -> Result<(), ExportError> {
    let (lines, header) = Lines::with_header(path)?;
    let mut count = 0;
    let mut torn = false;
    let mut undone = LeftUndone::default();
    for line in lines {
        match line? {
            Line::Record(record) => {
                undone.add(&record);
                count += 1;
            }
            Line::Torn => torn = true,
        }
    }
    write!(out, "{{\"schema\":")?;
    serde_json::to_writer(&mut *out, SCHEMA)?;
    write!(out, ",\"file\":")?;
    serde_json::to_writer(&mut *out, &file_name(path))?;
    write!(out, ",\"torn_last_line\":{torn},\"session\":")?;
    serde_json::to_writer(&mut *out, &header)?;
    write!(out, ",\"left_undone\":")?;
    serde_json::to_writer(&mut *out, &undone.owed)?;
    write!(out, ",\"entries\":[")?;
    let (lines, _) = Lines::with_header(path)?;
    // Only the lines the first pass checked: the console may still be appending.
    for (index, line) in lines.take(count).enumerate() {
        if let Line::Record(record) = line? {
            if index > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *out, &record)?;
        }
    }
    out.write_all(b"]}\n")?;
    Ok(())
}

/// The record's own name, for headings: the path on the command line may be long.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
