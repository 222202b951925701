//! The record's files: created exclusively, mode 0600, named by time, host and pid.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Creates `<stem>.jsonl` exclusively, or `<stem>-2.jsonl`… when a record of the same second,
/// host and pid exists already.
pub(super) fn create_new(dir: &Path, stem: &str) -> io::Result<(PathBuf, File)> {
    create_numbered(dir, 100, |attempt| {
        if attempt == 1 {
            format!("{stem}.jsonl")
        } else {
            format!("{stem}-{attempt}.jsonl")
        }
    })
}

/// Creates the first of `name(1)`, `name(2)`… (up to `limit`) that does not exist yet,
/// mode 0600: nothing already written is ever overwritten.
pub(in crate::incident::writer) fn create_numbered(
    dir: &Path,
    limit: u32,
    name: impl Fn(u32) -> String,
) -> io::Result<(PathBuf, File)> {
    let mut attempt = 1;
    loop {
        let path = dir.join(name(attempt));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < limit => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// A host name as a piece of a file name: no path separators, nothing a shell trips on.
pub(super) fn file_safe(host: &str) -> String {
    let safe: String = host
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.is_empty() {
        "unknown".to_owned()
    } else {
        safe
    }
}

/// The newest record in `dir`: file names start with their UTC time, so the greatest name.
pub fn latest(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .max_by(|a, b| a.file_name().cmp(&b.file_name()))
}
