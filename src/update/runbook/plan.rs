//! From a step to a job: what the pane shows as the command, and what the runtime runs.
//! The guards (dry-run, read-only) are decided here, before any job exists.

use crate::health::FleetState;
use crate::job::Work;
use crate::runbook::platform::{Platform, exchange, linux, training};
use crate::runbook::{RecoveryAction, SkipReason, StepCall};
use crate::update::Banner;
use std::time::Duration;

/// A step as it would run.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The exact command, as the pane and the record show it.
    pub command: Option<String>,
    /// What runs; an error says why this platform cannot run it.
    pub work: Result<Work, String>,
}

/// Why a step will not run under the console's guards, if it will not.
pub fn guard(banner: &Banner, call: &StepCall) -> Option<SkipReason> {
    if banner.dry_run {
        return Some(SkipReason::DryRun);
    }
    // Probes still run read-only; every platform command does not.
    let probe = matches!(
        call.action,
        RecoveryAction::RerunProbe | RecoveryAction::IdentifyMailboxServer
    );
    (banner.read_only && !probe).then_some(SkipReason::ReadOnly)
}

/// How long a step's command may take before its process group is killed.
pub fn timeout(action: RecoveryAction) -> Duration {
    let minutes = match action {
        // Restart-Computer -Wait -Timeout 1800, and some margin.
        RecoveryAction::RestartServer => 35,
        RecoveryAction::FailoverDatabases | RecoveryAction::RebalanceDatabases => 15,
        RecoveryAction::RestartService => 5,
        _ => 2,
    };
    Duration::from_secs(minutes * 60)
}

pub fn plan(
    platform: Platform,
    commands: &linux::Commands,
    fleet: &FleetState,
    call: &StepCall,
) -> Plan {
    match platform {
        Platform::Training => {
            let server = fleet
                .servers()
                .iter()
                .position(|s| s.name == call.server.name);
            Plan {
                command: training::preview(call),
                work: Ok(Work::Simulate {
                    call: Box::new(call.clone()),
                    alerts: server
                        .map(|s| training::alerts_of(fleet, s))
                        .unwrap_or_default(),
                }),
            }
        }
        Platform::Linux => match commands.argv(call.action) {
            Some(argv) => Plan {
                command: Some(argv.join(" ")),
                work: Ok(Work::Process {
                    argv: argv.to_vec(),
                    timeout: timeout(call.action),
                }),
            },
            None => Plan {
                command: None,
                work: Err(format!(
                    "no command for {} on this platform: do it by hand, then s to skip",
                    call.action.name()
                )),
            },
        },
        Platform::Exchange => Plan {
            command: exchange::command(call).map(|c| c.display()),
            work: Err(
                "Exchange steps need the PowerShell transport, which this version lacks: run \
                 the command shown by hand, then s to skip"
                    .to_owned(),
            ),
        },
    }
}
