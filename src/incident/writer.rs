//! Writes the incident record (ARCHITECTURE "Incident record"): the runtime's side,
//! and the only place that writes record files.
//!
//! A kill -9 must lose at most the last 50 ms and never leave a line that breaks parsing, so
//! the recorder keeps its own buffer of whole lines and hands the file only whole lines, in
//! pieces a kill cannot cut (`pieces`); step boundaries are written and fsynced at once.
//! When the disk refuses, the lines wait in memory (bounded) for the next try
//! (ARCHITECTURE "Whole lines only").

mod files;
mod handover;
mod pieces;
mod stamp;

use super::entry::{Entry, serialize_at, serialize_fleet_at};
use crate::job::{OutputLine, RunId};
use chrono::{DateTime, Utc};
pub use files::latest;
use files::{create_new, file_safe};
pub use handover::{write_export, write_handover};
use pieces::Piece;
use serde::Serialize;
pub use stamp::RecordClock;
use stamp::Stamp;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The most a kill -9 may lose.
const FLUSH_EVERY: Duration = Duration::from_millis(50);
/// Past this the buffer is written at once, so a flood of output keeps memory bounded.
const BUFFER_LIMIT: usize = 1 << 20;
/// While the disk refuses: how much waits in memory before output lines are dropped
/// (counted, and the count recorded once writes succeed again).
const BACKLOG_LIMIT: usize = 16 << 20;
/// Entries other than output wait up to this, then are dropped too.
const BACKLOG_HARD_LIMIT: usize = 2 * BACKLOG_LIMIT;
/// The most one write(2) takes: whole pages of whole lines (`pieces::lay_out`).
const PIECE: usize = 256 << 10;
/// While the disk refuses: how often the loop tries again.
const RETRY_EVERY: Duration = Duration::from_secs(1);

/// A `Record` by reference: the same JSON without cloning the entry.
#[derive(Serialize)]
struct RecordRef<'a> {
    #[serde(serialize_with = "serialize_at")]
    at: DateTime<Utc>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_fleet_at"
    )]
    fleet_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    entry: &'a Entry,
}

/// One console session's record file, open for appending.
pub struct Recorder {
    path: PathBuf,
    file: File,
    /// Whole lines only: whatever reaches the file ends with a line end.
    buffer: Vec<u8>,
    last_write: Option<Instant>,
    /// Bytes the file has taken: whole lines, all of them.
    written: u64,
    /// The file is written at `written` (a record this recorder created), so a line can be
    /// padded in place; a reopened record is appended to.
    positional: bool,
    /// Why the last write failed, until one succeeds.
    failure: Option<String>,
    /// Output dropped while the disk refused, not yet recorded.
    dropped: Dropped,
    /// Scratch for the next write, laid out (`pieces::lay_out`): kept to spare allocations.
    laid: Vec<u8>,
    clock: RecordClock,
    stamp: Stamp,
    fleet_stamp: Stamp,
}

impl Recorder {
    /// A real fleet's record (`RecordClock::Wall`): see `create_with`.
    pub fn create(dir: &Path, header: &Entry, at: DateTime<Utc>) -> io::Result<Recorder> {
        Recorder::create_with(dir, header, at, RecordClock::Wall)
    }

    /// Creates `dir` (0700 when it creates it) and a new file `<utc>-<host>-<pid>.jsonl` in
    /// it (wall-clock UTC), mode 0600, never reusing an existing file; writes `header` (an
    /// `Entry::Session`) as its first line and fsyncs. Every time given to the recorder
    /// (`at` here, in `record`, and each output line's) is fleet time: `clock` turns it
    /// into the record's wall-clock `at`, and in training keeps it as `fleet_at`.
    pub fn create_with(
        dir: &Path,
        header: &Entry,
        at: DateTime<Utc>,
        clock: RecordClock,
    ) -> io::Result<Recorder> {
        let Entry::Session { host, pid, .. } = header else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "an incident record starts with its session header",
            ));
        };
        crate::config::paths::private_dir(dir)?;
        let (wall, _) = clock.stamp(at);
        let stem = format!(
            "{}-{}-{pid}",
            wall.format("%Y%m%dT%H%M%SZ"),
            file_safe(host)
        );
        let (path, file) = create_new(dir, &stem)?;
        // The file's name must survive a crash too, not only its contents.
        File::open(dir)?.sync_all()?;
        let mut recorder = Recorder {
            path,
            file,
            buffer: Vec::with_capacity(64 * 1024),
            last_write: None,
            written: 0,
            positional: true,
            failure: None,
            dropped: Dropped::default(),
            laid: Vec::new(),
            clock,
            stamp: Stamp::default(),
            fleet_stamp: Stamp::default(),
        };
        match recorder.record(at, header) {
            // A full disk is no reason to keep the console shut: the header waits in memory
            // like any entry, and the banner says the record is not written.
            Err(_) if recorder.unwritten().is_some() => Ok(recorder),
            Err(e) => Err(e),
            Ok(()) => Ok(recorder),
        }
    }

    /// An existing record, to append to: a step's keeper writes the rest of a step left
    /// running after its console ended (a real fleet's: its times are wall time).
    pub fn reopen(path: &Path) -> io::Result<Recorder> {
        let file = OpenOptions::new().append(true).open(path)?;
        let written = file.metadata()?.len();
        Ok(Recorder {
            path: path.to_path_buf(),
            file,
            buffer: Vec::with_capacity(64 * 1024),
            last_write: None,
            written,
            positional: false,
            failure: None,
            dropped: Dropped::default(),
            laid: Vec::new(),
            clock: RecordClock::Wall,
            stamp: Stamp::default(),
            fleet_stamp: Stamp::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How the recorder maps the fleet times it is given.
    pub fn clock(&self) -> RecordClock {
        self.clock
    }

    /// The bytes in the file so far: whole lines, up to the last write (`flush`, `sync`).
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Why the record is not being written (the last write failed), until a write succeeds.
    pub fn unwritten(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// Appends one entry at fleet time `at`, buffered; a step boundary
    /// (`Entry::is_boundary`) is written and fsynced at once.
    pub fn record(&mut self, at: DateTime<Utc>, entry: &Entry) -> io::Result<()> {
        if self.buffer.len() >= BACKLOG_HARD_LIMIT {
            return Err(self.refused());
        }
        let mark = self.buffer.len();
        let (at, fleet_at) = self.clock.stamp(at);
        let record = RecordRef {
            at,
            fleet_at,
            entry,
        };
        if let Err(e) = serde_json::to_writer(&mut self.buffer, &record) {
            self.buffer.truncate(mark);
            return Err(e.into());
        }
        self.buffer.push(b'\n');
        if self.failure.is_some() {
            // Kept for the loop's next try (its timer): each entry trying would only fail.
            Ok(())
        } else if entry.is_boundary() {
            self.sync()
        } else {
            self.write_if_full()
        }
    }

    /// An entry dropped: memory holds all it may while the disk refuses.
    fn refused(&self) -> io::Error {
        let why = self
            .failure
            .as_deref()
            .unwrap_or("the record is not written");
        io::Error::other(format!(
            "{why}; too much waits in memory: an entry was dropped"
        ))
    }

    /// Appends a run's output lines as `Entry::Output` records, each at its own (fleet)
    /// time. The hot path: writes the JSON serde would write for
    /// `Record { at, fleet_at, entry: Entry::Output }`, straight into the buffer.
    pub fn output(&mut self, run: RunId, lines: &[OutputLine]) -> io::Result<()> {
        for line in lines {
            if self.failure.is_some() && self.buffer.len() >= BACKLOG_LIMIT {
                self.dropped.lines += 1;
                self.dropped.bytes += line.text.len() as u64;
                self.dropped.last_at = Some(line.at);
                continue;
            }
            let mark = self.buffer.len();
            self.buffer.extend_from_slice(b"{\"at\":\"");
            let (at, fleet_at) = self.clock.stamp(line.at);
            self.stamp.write(at, &mut self.buffer);
            if let Some(fleet_at) = fleet_at {
                self.buffer.extend_from_slice(b"\",\"fleet_at\":\"");
                self.fleet_stamp.write(fleet_at, &mut self.buffer);
            }
            self.buffer
                .extend_from_slice(b"\",\"kind\":\"output\",\"run\":");
            write!(self.buffer, "{}", run.0)?;
            self.buffer.extend_from_slice(b",\"stream\":\"");
            self.buffer.extend_from_slice(line.stream.name().as_bytes());
            self.buffer.extend_from_slice(b"\",\"line\":");
            if let Err(e) = serde_json::to_writer(&mut self.buffer, line.text.as_str()) {
                self.buffer.truncate(mark);
                return Err(e.into());
            }
            self.buffer.extend_from_slice(b"}\n");
            if self.buffer.len() >= BUFFER_LIMIT && self.failure.is_none() {
                self.write_buffer()?;
            }
        }
        Ok(())
    }

    /// Writes what is buffered when the last write made here is `FLUSH_EVERY` old or more
    /// (or there was none): an idle console writes a lone line at once, a flood in 50 ms
    /// slices. The loop calls it after every batch of events, and on a 50 ms timer while
    /// `dirty()`.
    /// While the disk refuses, it tries again every `RETRY_EVERY`.
    pub fn flush_if_due(&mut self, now: Instant) -> io::Result<()> {
        let every = if self.failure.is_some() {
            RETRY_EVERY
        } else {
            FLUSH_EVERY
        };
        let due = self
            .last_write
            .is_none_or(|last| now.saturating_duration_since(last) >= every);
        if self.dirty() && due {
            // A failed try counts too: the next one waits `RETRY_EVERY`.
            self.last_write = Some(now);
            self.write_buffer()?;
        }
        Ok(())
    }

    /// Something is buffered and not yet in the file.
    pub fn dirty(&self) -> bool {
        !self.buffer.is_empty()
    }

    /// Writes everything buffered; no fsync.
    pub fn flush(&mut self) -> io::Result<()> {
        self.write_buffer()
    }

    /// Writes everything buffered and fsyncs.
    pub fn sync(&mut self) -> io::Result<()> {
        self.write_buffer()?;
        self.file.sync_data()
    }

    fn write_if_full(&mut self) -> io::Result<()> {
        if self.buffer.len() >= BUFFER_LIMIT {
            self.write_buffer()?;
        }
        Ok(())
    }

    /// Piece after piece (`pieces::next`) until the buffer is empty. On an error, what the
    /// file took is dropped from the buffer and the rest kept, so a retry continues exactly
    /// where the file ends and no line is doubled or cut. Once writes succeed again after a
    /// failure, what was dropped meanwhile is recorded.
    fn write_buffer(&mut self) -> io::Result<()> {
        let mut taken = 0;
        let mut laid = std::mem::take(&mut self.laid);
        let result = loop {
            let rest = &self.buffer[taken..];
            if rest.is_empty() {
                break Ok(());
            }
            let done = match pieces::next(rest, self.written, self.positional) {
                Piece::Pad { room } => self.pad(room).map(|()| (0, room)),
                Piece::Lines(_) => {
                    let n = pieces::lay_out(rest, self.written, self.positional, PIECE, &mut laid);
                    self.put(&laid).map(|()| (n, laid.len() as u64))
                }
            };
            match done {
                Ok((n, bytes)) => {
                    taken += n;
                    self.written += bytes;
                }
                Err(e) => break Err(e),
            }
        };
        self.laid = laid;
        self.buffer.drain(..taken);
        match &result {
            Err(e) => self.failure = Some(reason(e)),
            Ok(()) => {
                if let Some(reason) = self.failure.take() {
                    self.record_gap(reason)?;
                }
            }
        }
        result
    }

    /// One write(2) of `piece` at the file's end (more only after a short one: the next
    /// says why). What a failed piece left is cut back (`set_len`) to the last whole line,
    /// where the piece began.
    fn put(&self, piece: &[u8]) -> io::Result<()> {
        let mut done = 0;
        let (partial, error) = loop {
            let rest = &piece[done..];
            let wrote = if self.positional {
                self.file.write_at(rest, self.written + done as u64)
            } else {
                (&self.file).write(rest)
            };
            match wrote {
                Ok(n) if n == rest.len() => return Ok(()),
                Ok(0) => break (done as u64, io::Error::from(io::ErrorKind::WriteZero)),
                Ok(n) => done += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break (done as u64, e),
            }
        };
        if partial > 0 {
            // Appending (a keeper), other keepers may have appended since this recorder
            // last looked: cut only the part just written, at the file's end.
            let whole = if self.positional {
                Ok(self.written)
            } else {
                self.file
                    .metadata()
                    .map(|m| m.len().saturating_sub(partial))
            };
            if let Ok(whole) = whole {
                let _ = self.file.set_len(whole);
            }
        }
        Err(error)
    }

    /// Pads the file's last line to the end of its page (`Piece::Pad`): one write inside
    /// the page, over the line end already there. A failed pad puts the line end back.
    fn pad(&mut self, room: u64) -> io::Result<()> {
        let at = self.written - 1;
        let bytes = pieces::pad_bytes(room);
        match self.file.write_at(&bytes, at) {
            Ok(n) if n == bytes.len() => Ok(()),
            wrote => {
                let _ = self.file.write_at(b"\n", at);
                let _ = self.file.set_len(self.written);
                Err(wrote
                    .err()
                    .unwrap_or_else(|| io::ErrorKind::StorageFull.into()))
            }
        }
    }

    /// After the disk refused: the output lines dropped meanwhile, said in the record.
    fn record_gap(&mut self, reason: String) -> io::Result<()> {
        let dropped = std::mem::take(&mut self.dropped);
        let Some(at) = dropped.last_at else {
            return Ok(());
        };
        let gap = Entry::RecordGap {
            dropped_lines: dropped.lines,
            dropped_bytes: dropped.bytes,
            reason,
        };
        self.record(at, &gap)
    }
}

/// Output lines dropped while the disk refused.
#[derive(Debug, Default)]
struct Dropped {
    lines: u64,
    bytes: u64,
    /// The last one's time: the gap is recorded at it.
    last_at: Option<DateTime<Utc>>,
}

/// An error as words for the banner: "no space left on device", without the errno.
pub fn reason(error: &io::Error) -> String {
    let text = error.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

impl std::fmt::Debug for Recorder {
    /// The path and how much waits, not a megabyte of buffered bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recorder")
            .field("path", &self.path)
            .field("buffered", &self.buffer.len())
            .field("last_write", &self.last_write)
            .finish_non_exhaustive()
    }
}

impl Drop for Recorder {
    /// A panic unwinds through here: write what is buffered, as quit does.
    fn drop(&mut self) {
        let _ = self.sync();
    }
}
