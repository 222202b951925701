//! What the user meant: the keymap turns keys into these.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Move the grid cursor one health set left.
    Left,
    /// Move the grid cursor one health set right.
    Right,
    /// One screen up.
    PageUp,
    /// One screen down.
    PageDown,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Next Unhealthy cell (then Degraded), in grid order, wrapping.
    NextProblem,
    /// Previous Unhealthy cell (then Degraded), in grid order, wrapping.
    PrevProblem,
    /// Drill into the selected cell.
    Open,
    /// Back out of the current screen, overlay or filter.
    Back,
    /// Start typing a server filter.
    Filter,
    /// Open the command line (`:filter`, `:sort`, `:theme`, `:export`, `:owed`, `:help`, `:q`).
    CommandLine,
    /// Show or hide the key help.
    Help,
    /// Quit the console.
    Quit,
    /// Suspend to the shell (Ctrl-Z); the screen comes back on `fg`.
    Suspend,
    /// Runbook: run the highlighted (next) step; on a failed one, run it again.
    RunStep,
    /// Runbook: cancel the running step (its whole process group) or the wait.
    CancelStep,
    /// Runbook: skip a failed or optional step.
    SkipStep,
    /// Runbook: jump to the procedure's escalation.
    EscalateStep,
    /// Log panel: follow the newest line, or stay put.
    ToggleFollow,
    /// Log panel: wrap long lines, or cut them.
    ToggleWrap,
    /// Log panel: one page back.
    LogPageUp,
    /// Log panel: one page on.
    LogPageDown,
    /// Drill-down: run the selected monitor's probe now.
    RerunProbe,
    /// Drill-down: run what is owed on this server (the compensation steps of an earlier
    /// walk, this console's or another's), without walking the runbook again.
    PayOwed,
    /// Drill-down: write off what is owed on this server (its name and a reason, typed).
    WriteOff,
    /// Runbook: move the walk ahead to the highlighted step (with a reason).
    JumpAhead,
    /// Acknowledge the Unhealthy monitor under the cursor: an Alertmanager silence, with
    /// how long and why.
    Acknowledge,
    /// Expire the acknowledgement under the cursor.
    Unacknowledge,
    /// Runbook: show only the highlighted step's output in the log panel, or all again.
    StepOutput,
}

impl Action {
    /// As `keys.yaml` names it (`next_problem`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The action `keys.yaml` names, if any.
    pub fn named(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}
