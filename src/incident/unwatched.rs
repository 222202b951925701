//! Steps that ended while nobody was watching: read from the previous session's record,
//! when its terminal hung up with steps running. The next console shows them first.

use super::entry::{Entry, Record};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// A step that was running when the terminal went away, and how it ended.
#[derive(Debug, Clone, PartialEq)]
pub struct UnwatchedStep {
    pub run: u64,
    pub title: String,
    pub server: String,
    pub by: String,
    /// `succeeded`, `failed`, `timed_out`, `cancelled`; None: its end was never recorded
    /// (the console was killed first).
    pub exit: Option<String>,
    pub code: Option<i32>,
    pub ended: Option<DateTime<Utc>>,
}

/// What the previous session left to tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Unwatched {
    pub hung_up: DateTime<Utc>,
    pub policy: String,
    pub steps: Vec<UnwatchedStep>,
}

/// Reads a record's text (whole lines that parse; a torn line is skipped). None when its
/// terminal did not hang up with steps running.
pub fn read(text: &str) -> Option<Unwatched> {
    let records = text
        .lines()
        .filter_map(|line| serde_json::from_str::<Record>(line).ok());
    let mut started: BTreeMap<u64, (String, String, String)> = BTreeMap::new();
    let mut found: Option<Unwatched> = None;
    for record in records {
        match record.entry {
            Entry::StepStarted {
                run,
                title,
                server,
                by,
                ..
            } => {
                started.insert(run, (title, server, by));
            }
            Entry::Hangup { policy, running } => {
                let steps = running
                    .iter()
                    .map(|&run| {
                        let (title, server, by) = started.get(&run).cloned().unwrap_or_default();
                        UnwatchedStep {
                            run,
                            title,
                            server,
                            by,
                            exit: None,
                            code: None,
                            ended: None,
                        }
                    })
                    .collect();
                found = Some(Unwatched {
                    hung_up: record.at,
                    policy,
                    steps,
                });
            }
            Entry::StepEnded {
                run, exit, code, ..
            } => {
                let step = found
                    .as_mut()
                    .and_then(|u| u.steps.iter_mut().find(|s| s.run == run));
                if let Some(step) = step {
                    step.exit = Some(exit);
                    step.code = code;
                    step.ended = Some(record.at);
                }
            }
            _ => {}
        }
    }
    found.filter(|u| !u.steps.is_empty())
}

impl Unwatched {
    /// What the overlay says, a line each.
    pub fn lines(&self) -> Vec<String> {
        let what = if self.policy == "cancel" {
            "cancelled"
        } else {
            "left to finish"
        };
        let mut lines = vec![format!(
            "The terminal hung up at {} UTC with {} running, {what}:",
            self.hung_up.format("%Y-%m-%d %H:%M:%S"),
            match self.steps.len() {
                1 => "1 step".to_owned(),
                n => format!("{n} steps"),
            }
        )];
        for step in &self.steps {
            let outcome = match (&step.exit, step.ended) {
                (Some(exit), Some(at)) => {
                    let code = step
                        .code
                        .map(|c| format!(" (exit {c})"))
                        .unwrap_or_default();
                    format!("{exit}{code} at {}", at.format("%H:%M:%S"))
                }
                _ => "its end is not in the record (the console was killed?)".to_owned(),
            };
            lines.push(format!(
                "  #{} {} on {} by {}: {outcome}",
                step.run, step.title, step.server, step.by
            ));
        }
        lines
    }
}
