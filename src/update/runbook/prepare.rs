//! From a step to a job: what the pane shows as the command, and what the runtime runs.
//! What dry-run and read-only hold back is decided here, before any job exists.

use crate::command::pwsh;
use crate::command::quote::{self, Rejected};
use crate::command::transport::Transport;
use crate::i18n::Said;
use crate::job::{Guarded, Work};
use crate::runbook::platform::{Platform, exchange, linux, training};
use crate::runbook::vocabulary::HealthSetScope;
use crate::runbook::{Answer, RecoveryAction, SkipReason, StepCall};

use crate::update::{AppState, Banner};
use std::time::Duration;

/// A step as it would run.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The exact command, as the pane and the record show it.
    pub command: Option<String>,
    /// What runs; an error says why this platform cannot run it.
    pub work: Result<Work, Said>,
}

/// Why dry-run or read-only hold the step back, if they do.
pub fn held_back(banner: &Banner, call: &StepCall) -> Option<SkipReason> {
    if banner.dry_run {
        return Some(SkipReason::DryRun);
    }
    // Read-only runs what only reads (probes, health, copies, log location); nothing that
    // changes a server.
    (banner.read_only && !call.action.only_reads()).then_some(SkipReason::ReadOnly)
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

pub fn prepare(state: &AppState, call: &StepCall) -> Prepared {
    let server = state
        .fleet
        .servers()
        .iter()
        .position(|s| s.name == call.server.name);
    let platform = state.launch.platform;
    // A real fleet's probes run in-process on every platform: they are not commands.
    if platform != Platform::Training
        && matches!(
            call.action,
            RecoveryAction::RerunProbe | RecoveryAction::IdentifyMailboxServer
        )
    {
        return probe_now(state, server, call);
    }
    match platform {
        Platform::Training => Prepared {
            command: training::preview(call),
            work: Ok(Work::Simulate {
                call: Box::new(call.clone()),
                alerts: server
                    .map(|s| training::alerts_of(&state.fleet, s))
                    .unwrap_or_default(),
            }),
        },
        Platform::Linux if reads_health(call.action) => known_health(state, server, call),
        Platform::Linux => {
            match linux_commands(state, call).argv(call.action) {
                Some(argv) => {
                    let transport = transport(state, call);
                    Prepared {
                        // Quoted as a shell would need it: what runs is exactly what is shown.
                        command: Some(transport.described(&quote::posix_command(argv))),
                        work: transport
                            .wrap(argv)
                            .map(|wrapped| process(state, wrapped, call))
                            .map_err(|r| refused(&r)),
                    }
                }
                None => Prepared {
                    command: None,
                    work: Err(Said::new("said-no-command")
                        .text("action", call.action.name())
                        .text("server", &call.server.name)),
                },
            }
        }
        Platform::Exchange => exchange_step(state, call),
    }
}

/// An Exchange step as pwsh runs it. The drill-down's `r` on an Exchange monitor comes
/// here too: `Invoke-MonitoringProbe`, Exchange's own probe, not healthdeck's.
pub fn exchange_step(state: &AppState, call: &StepCall) -> Prepared {
    let Some(command) = exchange::command(call) else {
        return Prepared {
            command: None,
            work: Err(Said::new("said-person-job").text("action", call.action.name())),
        };
    };
    let (session_host, program) = match transport(state, call) {
        Transport::Pwsh(target) => (target.session_host, target.program),
        _ => (call.server.name.clone(), pwsh::PWSH.to_owned()),
    };
    Prepared {
        command: Some(format!("pwsh {session_host}: {}", command.display())),
        work: pwsh::script(&command, &session_host)
            .map(|script| {
                let mut argv = pwsh::argv(&script);
                argv[0] = program;
                process(state, argv, call)
            })
            .map_err(|r| refused(&r)),
    }
}

/// Where the call's server runs its steps (local when the inventory does not say).
fn transport(state: &AppState, call: &StepCall) -> Transport {
    state
        .launch
        .transports
        .get(&call.server.name)
        .cloned()
        .unwrap_or_default()
}

/// The Linux commands of the call's server: its own, else the fleet's.
fn linux_commands<'s>(state: &'s AppState, call: &StepCall) -> &'s linux::Commands {
    state
        .launch
        .server_commands
        .get(&call.server.name)
        .unwrap_or(&state.launch.commands)
}

fn process(state: &AppState, argv: Vec<String>, call: &StepCall) -> Work {
    // Every console on the same state directory sees this lock (and budget).
    let guarded = state
        .launch
        .platform
        .destructive(call.action)
        .then(|| Guarded {
            server: call.server.name.clone(),
            action: call.action.name().to_owned(),
            restarts: restarted_service(state, call),
            break_stale: state
                .runbook
                .as_ref()
                .and_then(|pane| pane.break_lock.clone())
                .filter(|(server, _)| *server == call.server.name)
                .map(|(_, holder)| holder),
            walk: state
                .runbook
                .as_ref()
                .map(|pane| pane.walk_id.clone())
                .filter(|id| !id.is_empty()),
            over_budget: state
                .runbook
                .as_ref()
                .and_then(|pane| pane.over_budget.clone())
                .filter(|(server, _, _)| *server == call.server.name)
                .map(|(_, _, reason)| reason),
        });
    Work::Process {
        argv,
        timeout: timeout(call.action),
        guarded,
    }
}

/// For a service restart on a real fleet, the service as its budget counts it: Exchange's
/// Windows services; on Linux the unit of `systemctl restart UNIT` (or `service NAME
/// restart`), else any restart on that server (one budget for its restart command).
pub fn restarted_service(state: &AppState, call: &StepCall) -> Option<String> {
    if call.action != RecoveryAction::RestartService {
        return None;
    }
    match state.launch.platform {
        Platform::Exchange => call
            .service
            .map(|choice| exchange::services(call.protocol, choice, call.server.role).join(",")),
        Platform::Linux => {
            let argv = linux_commands(state, call)
                .argv(call.action)
                .unwrap_or_default();
            let words: Vec<&str> = argv.iter().map(String::as_str).collect();
            let unit = match words.as_slice() {
                [
                    program,
                    "restart" | "try-restart" | "reload-or-restart",
                    unit,
                ] if program.ends_with("systemctl") => Some(*unit),
                [program, unit, "restart"] if program.ends_with("service") => Some(*unit),
                _ => None,
            };
            Some(unit.unwrap_or("restart_service").to_owned())
        }
        Platform::Training => None,
    }
}

/// A value no shell may receive: nothing runs, and the pane says which.
fn refused(rejected: &Rejected) -> Said {
    Said::new("said-refused-value").said("rejected", rejected.said())
}

fn reads_health(action: RecoveryAction) -> bool {
    matches!(
        action,
        RecoveryAction::CheckServerHealth | RecoveryAction::WaitAndRecheck
    )
}

/// The probe behind the monitor, on the call's server, now.
fn probe_now(state: &AppState, server: Option<usize>, call: &StepCall) -> Prepared {
    let probe = call.monitor.probe();
    let target = state
        .launch
        .probe_targets
        .iter()
        .find(|t| Some(t.server) == server && Some(t.probe) == probe);
    // Prometheus judges the fleet: the agent that its probes run in runs this one (with
    // its own login: this console may hold none).
    if let (Some(server), Some(probe), Some(_)) = (server, probe, state.fleet.shared())
        && call.action == RecoveryAction::RerunProbe
    {
        let Some(agent) = &state.launch.agent else {
            return Prepared {
                command: None,
                work: Err(Said::new("said-no-agent")),
            };
        };
        return Prepared {
            command: Some(format!(
                "GET http://{agent}/probe?server={}&probe={}",
                call.server.name,
                probe.name()
            )),
            work: Ok(Work::AgentProbe {
                agent: agent.clone(),
                server: call.server.name.clone(),
                report_as: (server, probe),
            }),
        };
    }
    let Some(target) = target else {
        // Where Exchange watches a server healthdeck cannot probe, Exchange runs its own.
        let watched = server.is_some_and(|s| state.fleet.exchange(s).is_some());
        if state.launch.platform == Platform::Exchange && watched {
            return exchange_step(state, call);
        }
        let name = probe.map_or_else(|| Said::new("said-its-probe"), |p| Said::as_is(p.name()));
        return Prepared {
            command: None,
            work: Err(Said::new("said-probe-cannot-run")
                .said("probe", name)
                .text("server", &call.server.name)),
        };
    };
    let mailbox = (call.action == RecoveryAction::IdentifyMailboxServer)
        .then(|| {
            state
                .launch
                .mailbox_of
                .get(target.server)
                .copied()
                .flatten()
        })
        .flatten()
        .and_then(|m| state.fleet.servers().get(m).cloned());
    Prepared {
        command: Some(format!(
            "probe {} {}",
            target.probe.name(),
            target.plan.endpoint
        )),
        work: Ok(Work::Probe {
            plan: Box::new(target.plan.clone()),
            report_as: (target.server, target.probe),
            mailbox,
        }),
    }
}

/// Health checks on a fleet the console watches itself: its own monitors answer, read by
/// the same code as Exchange's `Get-ServerHealth`.
fn known_health(state: &AppState, server: Option<usize>, call: &StepCall) -> Prepared {
    let Some(server) = server else {
        return Prepared {
            command: None,
            work: Err(Said::new("said-not-in-fleet").text("server", &call.server.name)),
        };
    };
    let scope = if call.action == RecoveryAction::WaitAndRecheck {
        HealthSetScope::Monitor
    } else {
        call.health_sets
    };
    let json = training::health(
        call.server.role,
        &training::alerts_of(&state.fleet, server),
        call.monitor,
        scope,
    );
    let text = serde_json::to_string_pretty(&json).unwrap_or_default();
    let work = exchange::read(call, &text)
        .map(|reading| Work::Report {
            lines: text.lines().map(str::to_owned).collect(),
            answer: Answer::succeeded(reading.facts),
        })
        .map_err(|e| Said::as_is(e.to_string()));
    Prepared {
        command: Some(format!("the console's monitors on {}", call.server.name)),
        work,
    }
}
