//! Steps that ended while nobody was watching: read from the previous session's record,
//! when its terminal hung up with steps running. The next console shows them first.

use super::entry::{Entry, Record};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::io::BufRead;

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

/// Reads a record line by line (whole lines that parse; a torn line is skipped). None when
/// its terminal did not hang up with steps running. Output lines, nearly all of a big
/// record, are passed over unparsed: this runs while the next console starts.
pub fn read(record: impl BufRead) -> Option<Unwatched> {
    let records = record
        .lines()
        .map_while(Result::ok)
        .filter(|line| !line.contains(r#""kind":"output""#))
        .filter_map(|line| serde_json::from_str::<Record>(&line).ok());
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
            Entry::Hangup {
                policy, running, ..
            } => {
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::read;

    const RECORD: &str = r#"{"at":"2026-11-22T03:14:05.120Z","kind":"step_started","run":3,"procedure":"p","step":"restart","title":"Restart it","server":"mbx-02","action":"restart_service","command":null,"by":"alice","compensating":false}
{"at":"2026-11-22T03:14:05.200Z","kind":"step_started","run":4,"procedure":"p","step":"failover","title":"Fail over","server":"mbx-03","action":"failover_databases","command":null,"by":"bob","compensating":false}
{"at":"2026-11-22T03:14:09.480Z","kind":"hangup","policy":"finish","running":[3,4]}
{"at":"2026-11-22T03:14:10.000Z","kind":"output","run":3,"stream":"stdout","line":"{\"kind\":\"hangup\"}"}
{"at":"2026-11-22T03:14:41.530Z","kind":"step_ended","run":3,"exit":"failed","code":2,"duration_ms":36410,"facts":{},"note":null}
{"at":"2026-11-22T03:14:4"#;

    #[test]
    fn each_running_step_with_its_end_or_none_and_a_torn_line_skipped() {
        let found = read(RECORD.as_bytes()).unwrap();
        assert_eq!(found.policy, "finish");
        let lines = found.lines();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1],
            "  #3 Restart it on mbx-02 by alice: failed (exit 2) at 03:14:41"
        );
        assert!(lines[2].starts_with("  #4 Fail over on mbx-03 by bob: its end is not"));
    }

    #[test]
    fn a_session_without_a_hang_up_has_nothing_to_tell() {
        let first_two = RECORD.lines().take(2).collect::<Vec<_>>().join("\n");
        assert!(read(first_two.as_bytes()).is_none());
    }
}
