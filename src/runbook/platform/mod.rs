//! Platforms turn platform-neutral steps into what really runs: Exchange cmdlets, or the
//! training simulator (which shows the Exchange command, tagged SIMULATED).

pub mod exchange;
pub mod linux;
pub mod training;

pub use exchange::{Arg, Command, RunsOn};

use super::step::StepCall;
use super::vocabulary::RecoveryAction;

/// The kinds of fleet a step can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Exchange,
    Training,
    /// A Linux mail host: local commands per action.
    Linux,
}

impl Platform {
    /// Destructive is a property of action × platform (ARCHITECTURE "Destructive steps"): failover,
    /// server restarts, rebalancing and setting a proxy component Active everywhere, service
    /// restarts outside training.
    pub fn destructive(self, action: RecoveryAction) -> bool {
        match self {
            Platform::Exchange | Platform::Linux => action.destructive_in_production(),
            Platform::Training => {
                action.destructive_in_production() && action != RecoveryAction::RestartService
            }
        }
    }

    /// The step must be confirmed by typing the server's name before it runs.
    pub fn needs_confirmation(self, call: &StepCall) -> bool {
        call.confirm || self.destructive(call.action)
    }
}
