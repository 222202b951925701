//! What help and the status bar say about keys: lines and hints name actions; their keys
//! come from the keymap in force, so a rebinding shows everywhere at once.

use super::{KeyContext, Keymap};
#[allow(clippy::enum_glob_use)] // the table reads as a table
use crate::action::Action::{self, *};
use crate::i18n::Tr;

/// Help's lines per screen: the actions a line is about, and the message saying what
/// they do.
const LINES: &[(KeyContext, &[Action], &str)] = &[
    (KeyContext::Grid, &[Up, Down, Left, Right], "help-grid-move"),
    (
        KeyContext::Grid,
        &[NextProblem, PrevProblem],
        "help-next-problem",
    ),
    (KeyContext::Grid, &[Open], "help-grid-open"),
    (KeyContext::Grid, &[Filter], "help-grid-filter"),
    (
        KeyContext::Grid,
        &[Acknowledge, Unacknowledge],
        "help-acknowledge",
    ),
    (KeyContext::Grid, &[PageUp, PageDown], "help-page"),
    (KeyContext::Grid, &[Top, Bottom], "help-grid-ends"),
    (KeyContext::Grid, &[Back], "help-grid-back"),
    (KeyContext::Drill, &[Up, Down], "help-drill-select"),
    (
        KeyContext::Drill,
        &[NextProblem, PrevProblem],
        "help-next-problem",
    ),
    (KeyContext::Drill, &[Open], "help-drill-open"),
    (KeyContext::Drill, &[RerunProbe], "help-drill-probe"),
    (KeyContext::Drill, &[PayOwed], "help-drill-pay"),
    (KeyContext::Drill, &[WriteOff], "help-drill-write-off"),
    (
        KeyContext::Drill,
        &[Acknowledge, Unacknowledge],
        "help-acknowledge",
    ),
    (KeyContext::Drill, &[PageUp, PageDown], "help-page"),
    (KeyContext::Drill, &[Top, Bottom], "help-drill-ends"),
    (KeyContext::Drill, &[Back], "help-drill-back"),
    (KeyContext::Runbook, &[RunStep], "help-run-step"),
    (KeyContext::Runbook, &[CancelStep], "help-cancel-step"),
    (KeyContext::Runbook, &[SkipStep], "help-skip-step"),
    (KeyContext::Runbook, &[EscalateStep], "help-escalate-step"),
    (KeyContext::Runbook, &[JumpAhead], "help-jump-ahead"),
    (KeyContext::Runbook, &[Up, Down], "help-highlight-step"),
    (
        KeyContext::Runbook,
        &[ToggleFollow, ToggleWrap, StepOutput],
        "help-log-toggles",
    ),
    (
        KeyContext::Runbook,
        &[LogPageUp, LogPageDown],
        "help-log-scroll",
    ),
    (KeyContext::Runbook, &[Back], "help-runbook-back"),
    (KeyContext::Help, &[Back], "help-close"),
];

/// Lines every screen's help ends with (message ids).
const EVERYWHERE: &[(&[Action], &str)] = &[
    (&[CommandLine], "help-command-line"),
    (&[Help, Suspend], "help-help-suspend"),
    (&[Quit], "help-quit"),
];

/// A hint: the action, its word's message id, and whether a narrow runbook pane keeps it.
type Hint = (Action, &'static str, bool);

/// The status bar's hints per screen.
const HINTS: &[(KeyContext, &[Hint])] = &[
    (
        KeyContext::Grid,
        &[
            (NextProblem, "hint-next", true),
            (Open, "hint-open", true),
            (Filter, "hint-filter", true),
            (Help, "hint-help", true),
            (Quit, "hint-quit", true),
        ],
    ),
    (
        KeyContext::Drill,
        &[
            (Down, "hint-select", true),
            (Open, "hint-runbook", true),
            (RerunProbe, "hint-probe", true),
            (NextProblem, "hint-next", true),
            (Back, "hint-back", true),
            (Help, "hint-help", true),
            (Quit, "hint-quit", true),
        ],
    ),
    (
        KeyContext::Runbook,
        &[
            (RunStep, "hint-run", true),
            (CancelStep, "hint-cancel", true),
            (SkipStep, "hint-skip", false),
            (EscalateStep, "hint-escalate", false),
            (ToggleFollow, "hint-follow", false),
            (ToggleWrap, "hint-wrap", false),
            (Back, "hint-back", true),
            (Help, "hint-help", true),
        ],
    ),
];

/// Help for `context`: (its keys, what they do), every key bound there included.
pub fn lines(
    keymap: &Keymap,
    context: KeyContext,
    ascii: bool,
    tr: Tr,
) -> Vec<(String, &'static str)> {
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
            (keys.join(" "), tr.text(text))
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
    tr: Tr,
) -> Vec<(String, &'static str)> {
    HINTS
        .iter()
        .filter(|(c, _)| *c == context)
        .flat_map(|(_, hints)| hints.iter())
        .filter(|(_, _, kept)| *kept || !narrow)
        .filter_map(|(action, word, _)| {
            let key = keymap.keys(context, *action).into_iter().next()?;
            Some((key.label(ascii), tr.text(word)))
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
