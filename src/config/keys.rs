//! `$XDG_CONFIG_HOME/healthdeck/keys.yaml`: the user's rebindings of the key table.
//!
//! ```yaml
//! everywhere:                  # every screen where the action has keys
//!   quit: [q, ctrl-q]
//! grid:                        # grid, drill, runbook, help
//!   next_problem: [n, ctrl-n]
//!   filter: f
//! ```
//!
//! An action takes exactly the keys given, in place of its own; one key doing two things
//! on one screen is an error, with the file's line and column.

use super::locate::{Seg, locate};
use super::{ConfigError, parse_yaml, read};
use crate::action::Action;
use crate::i18n::Said;
use crate::keymap::{KeyContext, KeyPress, Keymap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `$XDG_CONFIG_HOME/healthdeck/keys.yaml`, else `~/.config/healthdeck/keys.yaml`.
pub fn path() -> Option<PathBuf> {
    let base = super::paths::xdg_base("XDG_CONFIG_HOME", ".config")?;
    Some(base.join("healthdeck/keys.yaml"))
}

/// The table with the user's file applied; the table alone when there is no file.
pub fn load(path: &Path) -> Result<Keymap, ConfigError> {
    if !path.exists() {
        return Ok(Keymap::default());
    }
    let origin = path.display().to_string();
    let text = read::read_capped(path, &origin, read::SMALL_CAP)?;
    parse(&text, &origin)
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// One rebinding as written: where, which action, which keys.
struct Written<'t> {
    scope: &'t str,
    action_name: &'t str,
    contexts: Vec<KeyContext>,
    keys: Vec<KeyPress>,
}

pub fn parse(text: &str, origin: &str) -> Result<Keymap, ConfigError> {
    let file: Option<BTreeMap<String, BTreeMap<String, Keys>>> = parse_yaml(text, origin)?;
    let file = file.unwrap_or_default();
    let at = |path: &[Seg<'_>], message: Said| {
        ConfigError::at(origin, locate(text, path).unwrap_or((1, 1)), message)
    };
    let mut written = Vec::new();
    for (scope, actions) in &file {
        let contexts = if scope == "everywhere" {
            KeyContext::ALL.to_vec()
        } else if let Some(context) = KeyContext::ALL.into_iter().find(|c| c.name() == scope) {
            vec![context]
        } else {
            let message = Said::new("finding-keys-unknown-screen").text("screen", scope);
            // At the name itself, not at what it holds.
            let line = text
                .lines()
                .position(|l| l.starts_with(&format!("{scope}:")));
            let place = line.map_or((1, 1), |n| (n + 1, 1));
            return Err(ConfigError::at(origin, place, message));
        };
        for (action_name, keys) in actions {
            let here = [Seg::Key(scope), Seg::Key(action_name)];
            let Some(action) = Action::named(action_name) else {
                let message = Said::new("finding-keys-unknown-action").text("action", action_name);
                return Err(at(&here, message));
            };
            let names = match keys {
                Keys::One(key) => vec![key.clone()],
                Keys::Many(keys) => keys.clone(),
            };
            let keys = names
                .iter()
                .map(|k| KeyPress::parse(k))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| at(&here, e))?;
            written.push((
                action,
                Written {
                    scope,
                    action_name,
                    contexts: contexts.clone(),
                    keys,
                },
            ));
        }
    }
    let mut keymap = Keymap::default();
    for (action, rebinding) in &written {
        keymap
            .rebind(&rebinding.contexts, *action, &rebinding.keys)
            .map_err(|e| {
                at(
                    &[Seg::Key(rebinding.scope), Seg::Key(rebinding.action_name)],
                    e.0,
                )
            })?;
    }
    if let Some((context, key, first, second)) = keymap.conflicts().into_iter().next() {
        // Blame the rebinding that gave the key to one of the two.
        let culprit = written.iter().find(|(action, w)| {
            (*action == first || *action == second)
                && w.contexts.contains(&context)
                && w.keys.contains(&key)
        });
        let message = Said::new("finding-keys-two-things")
            .text("key", key.to_string())
            .said("where", context.described())
            .text("first", first.name())
            .text("second", second.name());
        let path = culprit.map_or_else(Vec::new, |(_, w)| {
            vec![Seg::Key(w.scope), Seg::Key(w.action_name)]
        });
        return Err(at(&path, message));
    }
    Ok(keymap)
}
