//! Reads a record file line by line, in bounded memory: a step may have printed millions of
//! lines.

use crate::incident::{Entry, Record};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Take};
use std::path::Path;

/// The longest record line read (ARCHITECTURE "Bounded loading"): a step's output line is
/// cut at 64 KiB before it is written, and JSON escaping at most sextuples it.
pub(crate) const MAX_LINE: u64 = 1024 * 1024;

/// What one line of the file holds.
pub(crate) enum Line {
    Record(Box<Record>),
    /// The last line, cut off without its line end: a crash in the middle of a write. The
    /// writer never leaves one anywhere else.
    Torn,
}

pub(crate) struct Lines {
    origin: String,
    reader: BufReader<Take<File>>,
    number: usize,
    bytes: Vec<u8>,
    done: bool,
}

impl Lines {
    pub(crate) fn open(path: &Path) -> Result<Lines, String> {
        Lines::open_upto(path, u64::MAX)
    }

    /// Reads only the first `len` bytes: the record as it was when that much was written,
    /// while the console goes on appending.
    pub(crate) fn open_upto(path: &Path, len: u64) -> Result<Lines, String> {
        let origin = path.display().to_string();
        let file = File::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{origin}: no such record file"),
            _ => format!("{origin}: cannot open: {e}"),
        })?;
        Ok(Lines {
            origin,
            reader: BufReader::with_capacity(256 * 1024, file.take(len)),
            number: 0,
            bytes: Vec::new(),
            done: false,
        })
    }

    /// Opens the file and reads its first line, which must be the session header.
    pub(crate) fn with_header(path: &Path) -> Result<(Lines, Record), String> {
        Lines::open(path)?.header()
    }

    /// Reads the first line, which must be the session header.
    pub(crate) fn header(mut self) -> Result<(Lines, Record), String> {
        match self.next().transpose()? {
            Some(Line::Record(header)) if matches!(header.entry, Entry::Session { .. }) => {
                Ok((self, *header))
            }
            Some(Line::Record(_)) => Err(format!(
                "{}:1:1: the first line is not the session header (`\"kind\":\"session\"`)",
                self.origin
            )),
            Some(Line::Torn) | None => Err(format!(
                "{}:1:1: no session header: the record is empty, or was cut off in its first line",
                self.origin
            )),
        }
    }
}

impl Iterator for Lines {
    /// An error reads `FILE:LINE:COLUMN: message`, or `FILE: message`.
    type Item = Result<Line, String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // A blank line (an editor's, a copy's) holds nothing: the next one is read.
            match self.next_line()? {
                Ok(None) => {}
                Ok(Some(line)) => return Some(Ok(line)),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Lines {
    /// The next line; `Ok(None)` for a blank one.
    fn next_line(&mut self) -> Option<Result<Option<Line>, String>> {
        if self.done {
            return None;
        }
        self.bytes.clear();
        // One more than the cap: a line that long is refused, never read to its end.
        let mut line = (&mut self.reader).take(MAX_LINE + 1);
        match line.read_until(b'\n', &mut self.bytes) {
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(_) => {}
            Err(e) => {
                self.done = true;
                return Some(Err(format!("{}: cannot read: {e}", self.origin)));
            }
        }
        self.number += 1;
        let complete = self.bytes.last() == Some(&b'\n');
        if !complete && self.bytes.len() as u64 > MAX_LINE {
            self.done = true;
            return Some(Err(format!(
                "{}:{}:1: a line longer than {} MiB: not a healthdeck record",
                self.origin,
                self.number,
                MAX_LINE / (1024 * 1024)
            )));
        }
        // Without its line end: an error at the end of the line is placed there, not on
        // the next line.
        let line = self.bytes.strip_suffix(b"\n").unwrap_or(&self.bytes);
        if line.iter().all(u8::is_ascii_whitespace) {
            return Some(Ok(None));
        }
        if let Err(e) = std::str::from_utf8(line) {
            if !complete {
                // Cut off inside a character: a torn last line like any other.
                self.done = true;
                return Some(Ok(Some(Line::Torn)));
            }
            self.done = true;
            let (_, column) = crate::config::read::position(line, e.valid_up_to());
            return Some(Err(format!(
                "{}:{}:{column}: invalid UTF-8 (byte 0x{:02X}): not written by healthdeck",
                self.origin,
                self.number,
                line[e.valid_up_to()]
            )));
        }
        match serde_json::from_slice::<Record>(line) {
            Ok(record) => Some(Ok(Some(Line::Record(Box::new(record))))),
            Err(_) if !complete => {
                self.done = true;
                Some(Ok(Some(Line::Torn)))
            }
            Err(e) => {
                self.done = true;
                Some(Err(self.located(&e)))
            }
        }
    }
}

impl Lines {
    /// serde_json counts lines within the one line it was given; the file's line is ours.
    fn located(&self, e: &serde_json::Error) -> String {
        let full = e.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m);
        format!(
            "{}:{}:{}: {message}",
            self.origin,
            self.number + e.line().saturating_sub(1),
            e.column().max(1)
        )
    }
}
