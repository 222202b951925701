//! The handover summary's file: rendered from the record as far as it was written, and
//! put next to it as `<record stem>.handover-<procedure>-<n>.md`, mode 0600, never
//! overwriting one written before.

use super::files::file_safe;
use crate::incident::export::{self, Escalation, Lines};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Renders the summary of `of` from the first `written` bytes of the record at `record`
/// (`Recorder::written` after a flush: whole lines, as of the escalation), writes it and
/// fsyncs it; returns its path. Blocking: call it off the loop's thread.
pub fn write_handover(record: &Path, written: u64, of: Escalation<'_>) -> Result<PathBuf, String> {
    let (lines, header) = Lines::open_upto(record, written)?.header()?;
    let text = export::handover(&header, lines, &export::file_name(record), of)?;
    let stem = record
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{}: not a record file", record.display()))?;
    let dir = record.parent().unwrap_or_else(|| Path::new("."));
    let name = format!("{stem}.handover-{}", file_safe(of.procedure));
    let (path, mut file) = create_new(dir, &name)
        .map_err(|e| format!("cannot create a handover file in {}: {e}", dir.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The Markdown export of the record as far as it was written (`:export`), put next to it
/// as `<record stem>.export-<n>.md`, mode 0600, never overwriting an earlier one. Blocking.
pub fn write_export(record: &Path, written: u64, language: &str) -> Result<PathBuf, String> {
    let text = export::markdown_upto(record, written, crate::i18n::Tr::of(language))?;
    let stem = record
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{}: not a record file", record.display()))?;
    let dir = record.parent().unwrap_or_else(|| Path::new("."));
    let (path, mut file) = create_new(dir, &format!("{stem}.export"))
        .map_err(|e| format!("cannot create an export file in {}: {e}", dir.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// `<name>-1.md`, or the next number free: an earlier escalation's summary stays.
fn create_new(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    super::files::create_numbered(dir, 1_000, |n| format!("{name}-{n}.md"))
}
