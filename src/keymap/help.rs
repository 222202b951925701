//! What help and the status bar say about keys: lines and hints name actions; their keys
//! come from the keymap in force, so a rebinding shows everywhere at once.

use super::{KeyContext, Keymap};
#[allow(clippy::enum_glob_use)] // the table reads as a table
use crate::action::Action::{self, *};

/// Help's lines per screen: the actions a line is about, and what it says of them.
const LINES: &[(KeyContext, &[Action], &str)] = &[
    (
        KeyContext::Grid,
        &[Up, Down, Left, Right],
        "move around the grid",
    ),
    (
        KeyContext::Grid,
        &[NextProblem, PrevProblem],
        "next / previous Unhealthy, then Degraded",
    ),
    (KeyContext::Grid, &[Open], "drill into the selected cell"),
    (
        KeyContext::Grid,
        &[Filter],
        "filter servers: name, role, site or state",
    ),
    (
        KeyContext::Grid,
        &[Acknowledge, Unacknowledge],
        "acknowledge Unhealthy (Alertmanager silence) / expire",
    ),
    (KeyContext::Grid, &[PageUp, PageDown], "page up / down"),
    (KeyContext::Grid, &[Top, Bottom], "first / last server"),
    (KeyContext::Grid, &[Back], "clear the filter"),
    (KeyContext::Drill, &[Up, Down], "select a monitor"),
    (
        KeyContext::Drill,
        &[NextProblem, PrevProblem],
        "next / previous Unhealthy, then Degraded",
    ),
    (
        KeyContext::Drill,
        &[Open],
        "open the selected monitor's runbook",
    ),
    (
        KeyContext::Drill,
        &[RerunProbe],
        "run the monitor's probe now",
    ),
    (
        KeyContext::Drill,
        &[PayOwed],
        "run what is owed on this server",
    ),
    (
        KeyContext::Drill,
        &[WriteOff],
        "write off what is owed (typed, with a reason)",
    ),
    (
        KeyContext::Drill,
        &[Acknowledge, Unacknowledge],
        "acknowledge Unhealthy (Alertmanager silence) / expire",
    ),
    (KeyContext::Drill, &[PageUp, PageDown], "page up / down"),
    (KeyContext::Drill, &[Top, Bottom], "first / last monitor"),
    (KeyContext::Drill, &[Back], "back to the grid"),
    (
        KeyContext::Runbook,
        &[RunStep],
        "run the next step (again, when it failed)",
    ),
    (
        KeyContext::Runbook,
        &[CancelStep],
        "cancel the running step (its process group); a wait rechecks",
    ),
    (
        KeyContext::Runbook,
        &[SkipStep],
        "skip a failed or optional step; a wait rechecks",
    ),
    (
        KeyContext::Runbook,
        &[EscalateStep],
        "escalate: hand over, with a reason",
    ),
    (
        KeyContext::Runbook,
        &[JumpAhead],
        "move the walk to the highlighted step, with a reason",
    ),
    (
        KeyContext::Runbook,
        &[Up, Down],
        "highlight a step: its instruction and command",
    ),
    (
        KeyContext::Runbook,
        &[ToggleFollow, ToggleWrap, StepOutput],
        "log: follow; wrap; only the highlighted step's output",
    ),
    (
        KeyContext::Runbook,
        &[LogPageUp, LogPageDown],
        "scroll the log",
    ),
    (
        KeyContext::Runbook,
        &[Back],
        "back; half-way, offers the undo steps (resumes later)",
    ),
    (KeyContext::Help, &[Back], "close this help"),
];

/// Lines every screen's help ends with.
const EVERYWHERE: &[(&[Action], &str)] = &[
    (&[CommandLine], "command line (Tab lists its commands)"),
    (
        &[Help, Suspend],
        "this help (Esc closes it); suspend (fg returns)",
    ),
    (&[Quit], "quit (asks when steps run or undo steps are owed)"),
];

/// A hint: the action, its word, and whether a narrow runbook pane keeps it.
type Hint = (Action, &'static str, bool);

/// The status bar's hints per screen.
const HINTS: &[(KeyContext, &[Hint])] = &[
    (
        KeyContext::Grid,
        &[
            (NextProblem, "next", true),
            (Open, "open", true),
            (Filter, "filter", true),
            (Help, "help", true),
            (Quit, "quit", true),
        ],
    ),
    (
        KeyContext::Drill,
        &[
            (Down, "select", true),
            (Open, "runbook", true),
            (RerunProbe, "probe", true),
            (NextProblem, "next", true),
            (Back, "back", true),
            (Help, "help", true),
            (Quit, "quit", true),
        ],
    ),
    (
        KeyContext::Runbook,
        &[
            (RunStep, "run", true),
            (CancelStep, "cancel", true),
            (SkipStep, "skip", false),
            (EscalateStep, "escalate", false),
            (ToggleFollow, "follow", false),
            (ToggleWrap, "wrap", false),
            (Back, "back", true),
            (Help, "help", true),
        ],
    ),
];

/// Help for `context`: (its keys, what they do), every key bound there included.
pub fn lines(keymap: &Keymap, context: KeyContext, ascii: bool) -> Vec<(String, &'static str)> {
    let own = LINES
        .iter()
        .filter(|(c, _, _)| *c == context)
        .map(|(_, actions, text)| (*actions, *text));
    let shared = EVERYWHERE.iter().map(|(actions, text)| (*actions, *text));
    own.chain(shared)
        .map(|(actions, text)| {
            let keys: Vec<String> = actions
                .iter()
                .flat_map(|a| keymap.keys(context, *a))
                .map(|k| k.label(ascii))
                .collect();
            (keys.join(" "), text)
        })
        .filter(|(keys, _)| !keys.is_empty())
        .collect()
}

/// The status bar's hints for `context`: (the action's first key, a word); fewer when
/// `narrow`.
pub fn hints(
    keymap: &Keymap,
    context: KeyContext,
    ascii: bool,
    narrow: bool,
) -> Vec<(String, &'static str)> {
    HINTS
        .iter()
        .filter(|(c, _)| *c == context)
        .flat_map(|(_, hints)| hints.iter())
        .filter(|(_, _, kept)| *kept || !narrow)
        .filter_map(|(action, word, _)| {
            let key = keymap.keys(context, *action).into_iter().next()?;
            Some((key.label(ascii), *word))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Actions bound in `context` that no help line names (empty: help lists every key).
    fn unexplained(keymap: &Keymap, context: KeyContext) -> Vec<Action> {
        let named: Vec<Action> = LINES
            .iter()
            .filter(|(c, _, _)| *c == context)
            .flat_map(|(_, actions, _)| actions.iter())
            .chain(EVERYWHERE.iter().flat_map(|(actions, _)| actions.iter()))
            .copied()
            .collect();
        let mut missing: Vec<Action> = keymap
            .bindings(context)
            .map(|b| b.action)
            .filter(|a| !named.contains(a))
            .collect();
        missing.dedup();
        missing
    }

    #[test]
    fn every_bound_key_of_every_screen_has_a_help_line() {
        let keymap = Keymap::default();
        for context in KeyContext::ALL {
            assert_eq!(unexplained(&keymap, context), [], "{context:?}");
        }
    }
}
