//! The log panel's memory: a ring buffer of the latest lines. The incident record keeps
//! every line; the panel keeps what a screen needs and counts what it let go.

use crate::job::{OutputLine, RunId, Stream};
use chrono::{DateTime, Utc};
use std::collections::VecDeque;

/// Lines the panel keeps: pages of scroll-back at any height, bounded memory.
pub const KEEP_LINES: usize = 5_000;
/// Bytes the panel keeps, so a step printing huge lines cannot grow it either.
pub const KEEP_BYTES: usize = 4 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Stdout,
    /// Marked in the panel: stderr is where commands say what went wrong.
    Stderr,
    /// The console's own lines: a step started, ended, was cancelled.
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    pub at: DateTime<Utc>,
    pub kind: LogKind,
    pub text: String,
    /// The step run it belongs to (None: the console's notes about the walk).
    pub run: Option<RunId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogPanel {
    lines: VecDeque<LogLine>,
    bytes: usize,
    /// Earlier lines no longer kept here (all of them are in the record).
    pub dropped: u64,
    /// Follow the newest line; off, the view stays where the engineer scrolled.
    pub follow: bool,
    pub wrap: bool,
    /// Lines scrolled up from the newest, when not following.
    pub scroll: usize,
    /// Only this run's lines are shown (`o` on a step that ran).
    pub only: Option<RunId>,
}

impl Default for LogPanel {
    fn default() -> LogPanel {
        LogPanel {
            lines: VecDeque::new(),
            bytes: 0,
            dropped: 0,
            follow: true,
            wrap: false,
            scroll: 0,
            only: None,
        }
    }
}

impl LogPanel {
    pub fn lines(&self) -> &VecDeque<LogLine> {
        &self.lines
    }

    pub fn note(&mut self, at: DateTime<Utc>, text: String) {
        self.push(LogLine {
            at,
            kind: LogKind::Note,
            text,
            run: None,
        });
    }

    /// A note about one run (it started, how it ended): shown with its output.
    pub fn note_for(&mut self, run: RunId, at: DateTime<Utc>, text: String) {
        self.push(LogLine {
            at,
            kind: LogKind::Note,
            text,
            run: Some(run),
        });
    }

    /// The console's word that something went wrong with a run (it was refused, or the
    /// console failed under it): marked as its stderr is, never recorded as its output.
    pub fn alarm_for(&mut self, run: RunId, at: DateTime<Utc>, text: String) {
        self.push(LogLine {
            at,
            kind: LogKind::Stderr,
            text,
            run: Some(run),
        });
    }

    /// The lines the panel shows: all, or only one run's.
    pub fn visible(&self) -> Vec<&LogLine> {
        match self.only {
            Some(run) => self.lines.iter().filter(|l| l.run == Some(run)).collect(),
            None => self.lines.iter().collect(),
        }
    }

    pub fn output(&mut self, run: RunId, lines: Vec<OutputLine>) {
        for line in lines {
            let kind = match line.stream {
                Stream::Stdout => LogKind::Stdout,
                Stream::Stderr => LogKind::Stderr,
            };
            self.push(LogLine {
                at: line.at,
                kind,
                text: line.text,
                run: Some(run),
            });
        }
    }

    fn push(&mut self, line: LogLine) {
        self.bytes += line.text.len();
        self.lines.push_back(line);
        while self.lines.len() > KEEP_LINES || (self.bytes > KEEP_BYTES && self.lines.len() > 1) {
            if let Some(old) = self.lines.pop_front() {
                self.bytes -= old.text.len();
                self.dropped += 1;
            }
        }
        if !self.follow {
            // Keep the view on the same lines while new ones arrive below.
            self.scroll = (self.scroll + 1).min(self.lines.len().saturating_sub(1));
        }
    }

    pub fn toggle_follow(&mut self) {
        self.follow = !self.follow;
        if self.follow {
            self.scroll = 0;
        }
    }

    /// Scrolls up (positive) or down; reaching the bottom follows again.
    pub fn scroll_by(&mut self, lines: isize) {
        let max = self.lines.len().saturating_sub(1);
        let scroll = self.scroll.saturating_add_signed(lines).min(max);
        self.scroll = scroll;
        self.follow = scroll == 0;
    }
}
