//! Keys to actions, per screen, from one table (`table::DEFAULTS`): the keymap, the help
//! overlay and the status bar's hints are all read from it, so they cannot drift. A user's
//! `keys.yaml` rebinds actions (`config::keys`). Prompts take printable keys literally and
//! never come here.

pub mod help;
mod press;
mod table;

pub use press::KeyPress;

use crate::action::Action;
use crate::i18n::Said;
use crossterm::event::KeyEvent;

/// Where the key was pressed: the same key means different things on different screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyContext {
    Grid,
    Drill,
    Runbook,
    Help,
}

impl KeyContext {
    pub const ALL: [KeyContext; 4] = [
        KeyContext::Grid,
        KeyContext::Drill,
        KeyContext::Runbook,
        KeyContext::Help,
    ];

    /// As `keys.yaml` names it.
    pub fn name(self) -> &'static str {
        match self {
            KeyContext::Grid => "grid",
            KeyContext::Drill => "drill",
            KeyContext::Runbook => "runbook",
            KeyContext::Help => "help",
        }
    }

    /// As a sentence names it: "on the grid".
    pub fn described(self) -> Said {
        Said::new(match self {
            KeyContext::Grid => "finding-keys-on-grid",
            KeyContext::Drill => "finding-keys-in-drill-down",
            KeyContext::Runbook => "finding-keys-in-runbook",
            KeyContext::Help => "finding-keys-in-help",
        })
    }
}

/// One key of one context, and what it does there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub context: KeyContext,
    pub key: KeyPress,
    pub action: Action,
}

/// Every binding in force, in table order (rebound keys where their action's were).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: table::bindings(),
        }
    }
}

/// A rebinding that cannot be taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding(pub Said);

impl Keymap {
    pub fn action_for(&self, key: KeyEvent, context: KeyContext) -> Option<Action> {
        let pressed = KeyPress::from_event(key);
        self.bindings
            .iter()
            .find(|b| b.context == context && b.key == pressed)
            .map(|b| b.action)
    }

    /// `action`'s keys in `context`, in table order.
    pub fn keys(&self, context: KeyContext, action: Action) -> Vec<KeyPress> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .map(|b| b.key)
            .collect()
    }

    /// Every binding of `context`.
    pub fn bindings(&self, context: KeyContext) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// `action` takes `keys` instead of its own in each of `contexts` where it has keys.
    /// Refused when it has none there (it does nothing there) or `keys` is empty (an action
    /// nobody can reach).
    pub fn rebind(
        &mut self,
        contexts: &[KeyContext],
        action: Action,
        keys: &[KeyPress],
    ) -> Result<(), Rebinding> {
        if keys.is_empty() {
            return Err(Rebinding(Said::new("finding-keys-none")));
        }
        let bound: Vec<KeyContext> = contexts
            .iter()
            .copied()
            .filter(|c| !self.keys(*c, action).is_empty())
            .collect();
        if bound.is_empty() {
            let places = contexts
                .iter()
                .map(|c| c.described())
                .reduce(|first, then| {
                    Said::new("finding-keys-either")
                        .said("first", first)
                        .said("then", then)
                });
            let said = Said::new("finding-keys-does-nothing")
                .text("action", action.name())
                .said("where", places.unwrap_or_else(|| Said::as_is("")));
            return Err(Rebinding(said));
        }
        for context in bound {
            let at = self
                .bindings
                .iter()
                .position(|b| b.context == context && b.action == action)
                .unwrap_or(self.bindings.len());
            self.bindings
                .retain(|b| !(b.context == context && b.action == action));
            let fresh = keys.iter().map(|&key| Binding {
                context,
                key,
                action,
            });
            self.bindings.splice(at..at, fresh);
        }
        Ok(())
    }

    /// Two actions on one key of one context: (context, key, the actions).
    pub fn conflicts(&self) -> Vec<(KeyContext, KeyPress, Action, Action)> {
        let mut found = Vec::new();
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                if a.context == b.context && a.key == b.key && a.action != b.action {
                    found.push((a.context, a.key, a.action, b.action));
                }
            }
        }
        found
    }
}
