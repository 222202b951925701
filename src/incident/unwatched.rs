//! Steps that ended while nobody was watching: read from the previous session's record,
//! when its terminal hung up (or SIGTERM came) with steps running, or it quit leaving steps
//! running. The next console shows them first.

use super::entry::{Entry, Record};
use crate::i18n::Tr;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::io::BufRead;

/// A step that was running when the console went away, and how it ended.
#[derive(Debug, Clone, PartialEq)]
pub struct UnwatchedStep {
    pub run: u64,
    pub title: String,
    pub server: String,
    pub by: String,
    /// `succeeded`, `failed`, `timed_out`, `cancelled`, or `ended` (its keeper saw it end,
    /// exit status unknown); None: its end was never recorded.
    pub exit: Option<String>,
    pub code: Option<i32>,
    pub ended: Option<DateTime<Utc>>,
    /// A step left running: its pid, and whether it ran when the record was read.
    pub pid: Option<u32>,
    pub alive: Option<bool>,
}

/// What the previous session left to tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Unwatched {
    /// When the terminal went away with steps running (SIGHUP or SIGTERM).
    pub hung_up: Option<DateTime<Utc>>,
    /// `signal`: the session ended on SIGTERM rather than a hang-up.
    pub terminated: bool,
    pub policy: String,
    pub steps: Vec<UnwatchedStep>,
    /// When the console quit leaving steps running, and those steps.
    pub left_at: Option<DateTime<Utc>>,
    pub left: Vec<UnwatchedStep>,
    /// The compensations owed when it went away (each `Debt::describe`).
    pub owed: Vec<String>,
}

/// Reads a record line by line (whole lines that parse; a torn line is skipped). None when
/// its console neither went away with steps running nor left any running. Output lines,
/// nearly all of a big record, are passed over unparsed: this runs while the next console
/// starts. `alive` says whether a pid runs now.
pub fn read(record: impl BufRead, alive: impl Fn(u32) -> bool) -> Option<Unwatched> {
    let records = record
        .lines()
        .map_while(Result::ok)
        .filter(|line| !line.contains(r#""kind":"output""#))
        .filter_map(|line| serde_json::from_str::<Record>(&line).ok());
    let mut started: BTreeMap<u64, (String, String, String)> = BTreeMap::new();
    let mut found = Unwatched {
        hung_up: None,
        terminated: false,
        policy: String::new(),
        steps: Vec::new(),
        left_at: None,
        left: Vec::new(),
        owed: Vec::new(),
    };
    let unwatched = |run: u64, started: &BTreeMap<u64, (String, String, String)>| {
        let (title, server, by) = started.get(&run).cloned().unwrap_or_default();
        UnwatchedStep {
            run,
            title,
            server,
            by,
            exit: None,
            code: None,
            ended: None,
            pid: None,
            alive: None,
        }
    };
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
                policy,
                running,
                owed,
            } => {
                found.owed = owed;
                found.steps = running
                    .iter()
                    .map(|&run| unwatched(run, &started))
                    .collect();
                found.hung_up = Some(record.at);
                found.policy = policy;
            }
            Entry::StepDetached { run, pid, .. } => {
                found.left_at.get_or_insert(record.at);
                found.left.push(UnwatchedStep {
                    pid,
                    ..unwatched(run, &started)
                });
            }
            Entry::SessionEnded { reason, .. } => {
                found.terminated = reason.contains("SIGTERM");
            }
            Entry::StepEnded {
                run, exit, code, ..
            } => {
                let steps = found.steps.iter_mut().chain(found.left.iter_mut());
                for step in steps.filter(|s| s.run == run) {
                    step.exit = Some(exit.clone());
                    step.code = code;
                    step.ended = Some(record.at);
                }
            }
            _ => {}
        }
    }
    for step in found.left.iter_mut().filter(|s| s.exit.is_none()) {
        step.alive = step.pid.map(&alive);
    }
    (!found.steps.is_empty() || !found.left.is_empty()).then_some(found)
}

impl Unwatched {
    /// What the overlay says, a line each, in the console's language.
    pub fn lines(&self, tr: Tr) -> Vec<String> {
        let mut lines = Vec::new();
        if let (Some(at), false) = (self.hung_up, self.steps.is_empty()) {
            let what = tr.text(if self.policy == "cancel" {
                "hangup-cancelled"
            } else {
                "hangup-left-to-finish"
            });
            let id = if self.terminated {
                "hangup-terminated"
            } else {
                "hangup-hung-up"
            };
            let args = [
                ("at", at.format("%Y-%m-%d %H:%M:%S").to_string().into()),
                ("steps", count(tr, self.steps.len()).into()),
                ("what", what.into()),
            ];
            lines.push(tr.fmt(id, &args));
            lines.extend(self.steps.iter().map(|step| step.line(tr)));
        }
        if let (Some(at), false) = (self.left_at, self.left.is_empty()) {
            let args = [
                ("at", at.format("%Y-%m-%d %H:%M:%S").to_string().into()),
                ("steps", count(tr, self.left.len()).into()),
            ];
            lines.push(tr.fmt("hangup-quit-leaving", &args));
            lines.extend(self.left.iter().map(|step| step.line(tr)));
        }
        if !lines.is_empty() && !self.owed.is_empty() {
            lines.push(tr.text("hangup-owed").to_owned());
            lines.extend(self.owed.iter().map(|o| format!("  {o}")));
        }
        lines
    }
}

fn count(tr: Tr, steps: usize) -> String {
    tr.fmt("hangup-steps", &[("count", steps.into())])
}

impl UnwatchedStep {
    fn line(&self, tr: Tr) -> String {
        let outcome = match (&self.exit, self.ended, self.pid, self.alive) {
            (Some(exit), Some(at), ..) => {
                let recorded = recorded_exit(tr, exit);
                let at = at.format("%H:%M:%S").to_string();
                match self.code {
                    Some(code) => {
                        let args = [
                            ("exit", recorded.into()),
                            ("code", code.to_string().into()),
                            ("at", at.into()),
                        ];
                        tr.fmt("hangup-ended-code", &args)
                    }
                    None if exit == "ended" => {
                        let args = [("exit", recorded.into()), ("at", at.into())];
                        tr.fmt("hangup-ended-unknown", &args)
                    }
                    None => {
                        let args = [("exit", recorded.into()), ("at", at.into())];
                        tr.fmt("hangup-ended", &args)
                    }
                }
            }
            (_, _, Some(pid), Some(true)) => {
                tr.fmt("hangup-still-running", &[("pid", pid.to_string().into())])
            }
            (_, _, Some(pid), Some(false)) => {
                tr.fmt("hangup-gone", &[("pid", pid.to_string().into())])
            }
            _ => tr.text("hangup-no-end").to_owned(),
        };
        let args = [
            ("run", self.run.to_string().into()),
            ("title", self.title.as_str().into()),
            ("server", self.server.as_str().into()),
            ("who", self.by.as_str().into()),
            ("outcome", outcome.into()),
        ];
        format!("  {}", tr.fmt("hangup-step", &args))
    }
}

/// A recorded exit word (`succeeded`, `timed_out`, `ended`…) in the console's language;
/// a word this console does not know is shown as recorded.
fn recorded_exit(tr: Tr, exit: &str) -> String {
    let id = match exit {
        "succeeded" => "exit-succeeded",
        "failed" => "exit-failed",
        "timed_out" => "exit-timed-out",
        "cancelled" => "exit-cancelled",
        "ended" => "hangup-exit-ended",
        other => return other.to_owned(),
    };
    tr.text(id).to_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{Tr, read};

    const RECORD: &str = r#"{"at":"2026-11-22T03:14:05.120Z","kind":"step_started","run":3,"procedure":"p","step":"restart","title":"Restart it","server":"mbx-02","action":"restart_service","command":null,"by":"alice","compensating":false}
{"at":"2026-11-22T03:14:05.200Z","kind":"step_started","run":4,"procedure":"p","step":"failover","title":"Fail over","server":"mbx-03","action":"failover_databases","command":null,"by":"bob","compensating":false}
{"at":"2026-11-22T03:14:09.480Z","kind":"hangup","policy":"finish","running":[3,4]}
{"at":"2026-11-22T03:14:10.000Z","kind":"output","run":3,"stream":"stdout","line":"{\"kind\":\"hangup\"}"}
{"at":"2026-11-22T03:14:41.530Z","kind":"step_ended","run":3,"exit":"failed","code":2,"duration_ms":36410,"facts":{},"note":null}
{"at":"2026-11-22T03:14:4"#;

    #[test]
    fn each_running_step_with_its_end_or_none_and_a_torn_line_skipped() {
        let found = read(RECORD.as_bytes(), |_| true).unwrap();
        assert_eq!(found.policy, "finish");
        let lines = found.lines(Tr::english());
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1],
            "  #3 Restart it on mbx-02 by alice: failed (exit 2) at 03:14:41"
        );
        assert!(lines[2].starts_with("  #4 Fail over on mbx-03 by bob: its end is not"));
    }

    #[test]
    fn what_was_owed_at_the_hang_up_is_told_too() {
        let owed = RECORD.replace(
            r#""running":[3,4]}"#,
            r#""running":[3,4],"owed":["Re-enable database activation on mbx-03: owed since 2026-11-22 03:13 UTC by bob (imap-deep-self/failover)"]}"#,
        );
        let lines = read(owed.as_bytes(), |_| true)
            .unwrap()
            .lines(Tr::english());
        assert_eq!(lines.len(), 5, "{lines:#?}");
        assert!(lines[3].starts_with("Owed when it went away"));
        assert!(lines[4].contains("Re-enable database activation on mbx-03"));
    }

    #[test]
    fn a_session_without_a_hang_up_has_nothing_to_tell() {
        let first_two = RECORD.lines().take(2).collect::<Vec<_>>().join("\n");
        assert!(read(first_two.as_bytes(), |_| true).is_none());
    }

    /// A record whose console quit leaving two steps running: a keeper recorded the end
    /// of #3 after the console had gone; #4 has no end.
    const LEFT: &str = r#"{"at":"2026-11-22T03:14:05.120Z","kind":"step_started","run":3,"procedure":"p","step":"restart","title":"Restart it","server":"mbx-02","action":"restart_service","command":null,"by":"alice","compensating":false}
{"at":"2026-11-22T03:14:05.200Z","kind":"step_started","run":4,"procedure":"p","step":"failover","title":"Fail over","server":"mbx-03","action":"failover_databases","command":null,"by":"bob","compensating":false}
{"at":"2026-11-22T03:14:09.480Z","kind":"step_detached","run":3,"pid":4242,"by":"alice"}
{"at":"2026-11-22T03:14:09.490Z","kind":"step_detached","run":4,"pid":4343,"by":"alice"}
{"at":"2026-11-22T03:14:09.500Z","kind":"session_ended","reason":"quit","left_running":[3,4]}
{"at":"2026-11-22T03:14:41.530Z","kind":"step_ended","run":3,"exit":"ended","code":null,"duration_ms":36410,"facts":{},"note":"left running"}
"#;

    #[test]
    fn steps_left_running_at_quit_report_their_end_or_whether_their_pid_runs() {
        let found = read(LEFT.as_bytes(), |pid| pid == 4343).unwrap();
        assert_eq!(found.hung_up, None);
        assert_eq!(
            found.lines(Tr::english()),
            [
                "The console quit at 2026-11-22 03:14:09 UTC leaving 2 steps running:",
                "  #3 Restart it on mbx-02 by alice: ended at 03:14:41 (exit status not known)",
                "  #4 Fail over on mbx-03 by bob: still running (pid 4343)",
            ]
        );
        let gone = read(LEFT.as_bytes(), |_| false)
            .unwrap()
            .lines(Tr::english());
        assert_eq!(
            gone[2],
            "  #4 Fail over on mbx-03 by bob: ended; how is not known (pid 4343 is gone)"
        );
    }

    #[test]
    fn a_sigterm_reads_as_such_and_a_quit_leaving_nothing_running_has_nothing_to_tell() {
        let ended = r#"{"at":"2026-11-22T03:14:42.000Z","kind":"session_ended","reason":"terminated (SIGTERM)","left_running":[]}"#;
        let terminated = format!("{RECORD}\n{ended}\n");
        let lines = read(terminated.as_bytes(), |_| true)
            .unwrap()
            .lines(Tr::english());
        assert!(
            lines[0].starts_with("The console was terminated (SIGTERM) at 2026-11-22 03:14:09"),
            "{lines:?}"
        );
        let quit: String = LEFT
            .lines()
            .filter(|l| !l.contains("step_detached"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(read(quit.as_bytes(), |_| true).is_none());
    }
}
