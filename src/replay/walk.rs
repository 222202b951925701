//! The runbook pane as the record tells it: the runbook last opened, each step as its
//! entries left it (confirmed, running, waiting, ended, skipped), and the output of its
//! runs. Built from the entries alone, so a record replays the same whatever the runbooks
//! say today (ARCHITECTURE "Replay").

use crate::incident::Entry;
use std::collections::VecDeque;

/// Output lines a replayed walk keeps; the record has them all.
const OUTPUT_KEPT: usize = 500;

/// The runbook on screen at a point of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub procedure: String,
    pub title: String,
    pub monitor: String,
    pub server: String,
    pub steps: Vec<WalkStep>,
    /// How it closed (`resolved`, `aborted`, …), once it has.
    pub ending: Option<String>,
    /// The newest output lines of its runs, and how many came before them.
    pub output: VecDeque<WalkLine>,
    pub earlier: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkStep {
    pub procedure: String,
    pub step: String,
    pub title: String,
    pub server: String,
    pub run: Option<u64>,
    pub compensating: bool,
    pub state: StepSeen,
}

/// A step as its entries left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepSeen {
    /// The name was typed at its confirmation: accepted or not, by whom.
    Confirmed {
        accepted: bool,
        by: String,
    },
    Running,
    Waiting {
        minutes: i64,
    },
    /// `elapsed`, `cancelled` or `skipped`, after so many fleet seconds.
    Waited {
        how: String,
        waited_s: i64,
    },
    Ended {
        exit: String,
        duration_ms: u64,
    },
    /// Not run: a gate, the engineer, dry-run or read-only.
    Skipped {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkLine {
    pub run: u64,
    pub stderr: bool,
    pub line: String,
}

impl Walk {
    /// The walk after `entry`: a runbook opened starts a new one; the steps, waits and
    /// output of the one on screen change it; other entries leave it.
    pub fn follow(walk: &mut Option<Walk>, entry: &Entry) {
        if let Entry::RunbookOpened {
            procedure,
            title,
            monitor,
            server,
        } = entry
        {
            *walk = Some(Walk {
                procedure: procedure.clone(),
                title: title.clone(),
                monitor: monitor.clone(),
                server: server.clone(),
                steps: Vec::new(),
                ending: None,
                output: VecDeque::new(),
                earlier: 0,
            });
            return;
        }
        if let Some(walk) = walk {
            walk.take(entry);
        }
    }

    fn take(&mut self, entry: &Entry) {
        match entry {
            Entry::Confirmation {
                procedure,
                step,
                server,
                accepted,
                by,
                ..
            } => {
                let state = StepSeen::Confirmed {
                    accepted: *accepted,
                    by: by.clone(),
                };
                self.place(procedure, step, server, None, state);
            }
            Entry::StepStarted {
                run,
                procedure,
                step,
                title,
                server,
                compensating,
                ..
            } => {
                let row = self.place(procedure, step, server, Some(*run), StepSeen::Running);
                row.title.clone_from(title);
                row.compensating = *compensating;
            }
            Entry::StepSkipped {
                procedure,
                step,
                server,
                reason,
                ..
            } => {
                let state = StepSeen::Skipped {
                    reason: reason.clone(),
                };
                self.place(procedure, step, server, None, state);
            }
            Entry::WaitStarted {
                procedure,
                step,
                server,
                minutes,
                ..
            } => {
                let state = StepSeen::Waiting { minutes: *minutes };
                self.place(procedure, step, server, None, state);
            }
            Entry::WaitEnded {
                procedure,
                step,
                server,
                how,
                waited_s,
                ..
            } => {
                let state = StepSeen::Waited {
                    how: how.clone(),
                    waited_s: *waited_s,
                };
                self.place(procedure, step, server, None, state);
            }
            Entry::StepEnded {
                run,
                exit,
                duration_ms,
                ..
            } => {
                if let Some(row) = self.steps.iter_mut().rev().find(|s| s.run == Some(*run)) {
                    row.state = StepSeen::Ended {
                        exit: exit.clone(),
                        duration_ms: *duration_ms,
                    };
                }
            }
            Entry::Output { run, stream, line } if self.runs(*run) => {
                if self.output.len() == OUTPUT_KEPT {
                    self.output.pop_front();
                    self.earlier += 1;
                }
                self.output.push_back(WalkLine {
                    run: *run,
                    stderr: stream == "stderr",
                    line: line.clone(),
                });
            }
            Entry::RunbookClosed { ending, .. } => self.ending = Some(ending.clone()),
            _ => {}
        }
    }

    fn runs(&self, run: u64) -> bool {
        self.steps.iter().any(|s| s.run == Some(run))
    }

    /// The step's row: the last one when it is the same step awaiting what comes next (its
    /// confirmation awaits the start, a wait its end); a new row otherwise, so a wait and
    /// the recheck after it are two rows.
    fn place(
        &mut self,
        procedure: &str,
        step: &str,
        server: &str,
        run: Option<u64>,
        state: StepSeen,
    ) -> &mut WalkStep {
        let same = self.steps.last().is_some_and(|last| {
            last.procedure == procedure
                && last.step == step
                && last.server == server
                && matches!(
                    (&last.state, &state),
                    (
                        StepSeen::Confirmed { .. },
                        StepSeen::Confirmed { .. } | StepSeen::Running
                    ) | (StepSeen::Waiting { .. }, StepSeen::Waited { .. })
                )
        });
        if !same {
            self.steps.push(WalkStep {
                procedure: procedure.to_owned(),
                step: step.to_owned(),
                title: step.to_owned(),
                server: server.to_owned(),
                run: None,
                compensating: false,
                state: StepSeen::Running,
            });
        }
        let last = self.steps.len() - 1;
        let row = &mut self.steps[last];
        row.run = run.or(row.run);
        row.state = state;
        row
    }
}
