//! The Linux platform: a mail host's actions as local commands, one argv per action.
//! Only what a Dovecot host can do has a default (restarting the service); the rest are
//! configured per fleet, or the step says it has no command here (Exchange's proxy
//! components, `check_component_state` / `set_component_active`, have no Linux equivalent).

use crate::runbook::vocabulary::RecoveryAction;
use std::collections::BTreeMap;

/// Action → argv. Never a shell: each word is one argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commands {
    by_action: BTreeMap<&'static str, Vec<String>>,
}

impl Default for Commands {
    fn default() -> Commands {
        let mut by_action = BTreeMap::new();
        by_action.insert(
            RecoveryAction::RestartService.name(),
            ["systemctl", "restart", "dovecot"]
                .map(str::to_owned)
                .to_vec(),
        );
        Commands { by_action }
    }
}

impl Commands {
    /// No command for any action.
    pub fn none() -> Commands {
        Commands {
            by_action: BTreeMap::new(),
        }
    }

    pub fn set(&mut self, action: RecoveryAction, argv: Vec<String>) {
        self.by_action.insert(action.name(), argv);
    }

    pub fn argv(&self, action: RecoveryAction) -> Option<&[String]> {
        self.by_action
            .get(action.name())
            .map(Vec::as_slice)
            .filter(|argv| !argv.is_empty())
    }
}
