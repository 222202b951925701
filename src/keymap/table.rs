//! The one definition of the default keys: (where, key, action), in the order help lists
//! them. Help lines and status-bar hints (`help`) name actions, never keys.

use super::{Binding, KeyContext, KeyPress};
#[allow(clippy::enum_glob_use)] // the table reads as a table
use crate::action::Action::{self, *};
use KeyContext::{Drill, Grid, Help as HelpScreen, Runbook};

const EVERYWHERE: &[KeyContext] = &[Grid, Drill, Runbook, HelpScreen];
const BROWSING: &[KeyContext] = &[Grid, Drill];
const SCREENS: &[KeyContext] = &[Grid, Drill, Runbook];
const GRID: &[KeyContext] = &[Grid];
const DRILL: &[KeyContext] = &[Drill];
const RUNBOOK: &[KeyContext] = &[Runbook];
const HELP: &[KeyContext] = &[HelpScreen];

pub const DEFAULTS: &[(&[KeyContext], &str, Action)] = &[
    (EVERYWHERE, "q", Quit),
    (EVERYWHERE, "ctrl-c", Quit),
    (EVERYWHERE, "?", Help),
    (EVERYWHERE, "F1", Help),
    (EVERYWHERE, "ctrl-z", Suspend),
    (SCREENS, ":", CommandLine),
    (EVERYWHERE, "Esc", Back),
    (EVERYWHERE, "Backspace", Back),
    (HELP, "h", Back),
    (HELP, "Enter", Back),
    (BROWSING, "k", Up),
    (BROWSING, "Up", Up),
    (BROWSING, "j", Down),
    (BROWSING, "Down", Down),
    (GRID, "h", Left),
    (GRID, "Left", Left),
    (GRID, "l", Right),
    (GRID, "Right", Right),
    (DRILL, "h", Back),
    (DRILL, "Left", Back),
    (BROWSING, "PgUp", PageUp),
    (BROWSING, "ctrl-b", PageUp),
    (BROWSING, "PgDn", PageDown),
    (BROWSING, "Space", PageDown),
    (BROWSING, "ctrl-f", PageDown),
    (BROWSING, "g", Top),
    (BROWSING, "Home", Top),
    (BROWSING, "G", Bottom),
    (BROWSING, "End", Bottom),
    (BROWSING, "n", NextProblem),
    (BROWSING, "N", PrevProblem),
    (BROWSING, "Enter", Open),
    (GRID, "/", Filter),
    (DRILL, "r", RerunProbe),
    (BROWSING, "a", Acknowledge),
    (BROWSING, "A", Unacknowledge),
    (DRILL, "u", PayOwed),
    (DRILL, "x", WriteOff),
    (RUNBOOK, "Enter", RunStep),
    (RUNBOOK, "c", CancelStep),
    (RUNBOOK, "s", SkipStep),
    (RUNBOOK, "e", EscalateStep),
    (RUNBOOK, ">", JumpAhead),
    (RUNBOOK, "k", Up),
    (RUNBOOK, "Up", Up),
    (RUNBOOK, "j", Down),
    (RUNBOOK, "Down", Down),
    (RUNBOOK, "f", ToggleFollow),
    (RUNBOOK, "w", ToggleWrap),
    (RUNBOOK, "o", StepOutput),
    (RUNBOOK, "PgUp", LogPageUp),
    (RUNBOOK, "ctrl-b", LogPageUp),
    (RUNBOOK, "PgDn", LogPageDown),
    (RUNBOOK, "Space", LogPageDown),
    (RUNBOOK, "ctrl-f", LogPageDown),
    (RUNBOOK, "h", Back),
    (RUNBOOK, "Left", Back),
];

/// The table, one binding per context.
pub fn bindings() -> Vec<Binding> {
    let mut all = Vec::new();
    for (contexts, key, action) in DEFAULTS {
        let key = KeyPress::parse(key).unwrap_or_else(|e| unreachable!("the key table: {e}"));
        for &context in *contexts {
            all.push(Binding {
                context,
                key,
                action: *action,
            });
        }
    }
    all
}
