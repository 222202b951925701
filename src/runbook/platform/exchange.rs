//! The Exchange platform: each action × role becomes an exact cmdlet pipeline, and each
//! expectation a reading of its `ConvertTo-Json` output.
//!
//! Where the seeds' commands are wrong, the cmdlet reference wins (see runbooks/*.yaml):
//! `-ProtocolLogEnabled` (not `-ProtocolLoggingEnabled`), `HealthSetName` (not
//! `HealtSetName`), ResultType read as JSON instead of `Format-List`. Server restarts run
//! `Restart-Computer -Wait` from the management shell rather than inside the server's own
//! session: the next step re-runs the probe, so the command must return only once the server
//! answers PowerShell again.

use crate::health::{Protocol, Role};
use crate::runbook::step::StepCall;
use crate::runbook::vocabulary::{HealthSetScope, RecoveryAction, ServiceChoice};

mod reading;
pub use reading::{ReadError, Reading, read};

/// One token of a PowerShell command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Cmdlets, parameter names, switches and literals written by us (`$true`).
    Word(&'static str),
    /// A value from the fleet or the catalog: validated, and quoted when sent to a shell.
    Value(String),
    /// Several values for one parameter (`-Name a,b`).
    List(Vec<String>),
}

/// Where the pipeline runs: in the Exchange management session, or on the server itself
/// (`Invoke-Command -ComputerName`, for services).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunsOn {
    ExchangeShell,
    Server(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub pipeline: Vec<Vec<Arg>>,
    pub runs_on: RunsOn,
}

impl Command {
    /// The pipeline's stages as words, lists joined with commas.
    pub fn argv(&self) -> Vec<Vec<String>> {
        self.pipeline
            .iter()
            .map(|stage| {
                stage
                    .iter()
                    .map(|arg| match arg {
                        Arg::Word(w) => (*w).to_owned(),
                        Arg::Value(v) => v.clone(),
                        Arg::List(vs) => vs.join(","),
                    })
                    .collect()
            })
            .collect()
    }

    /// The command as an engineer would type it.
    pub fn display(&self) -> String {
        let pipeline = self
            .argv()
            .iter()
            .map(|stage| stage.join(" "))
            .collect::<Vec<_>>()
            .join(" | ");
        match &self.runs_on {
            RunsOn::ExchangeShell => pipeline,
            RunsOn::Server(server) => {
                format!("Invoke-Command -ComputerName {server} -ScriptBlock {{ {pipeline} }}")
            }
        }
    }
}

fn value(v: impl Into<String>) -> Arg {
    Arg::Value(v.into())
}

/// The services `restart_service` restarts on a server of `role`, back end first.
pub fn services(protocol: Protocol, choice: ServiceChoice, role: Role) -> Vec<&'static str> {
    let front = protocol.front_end_service();
    let back = protocol.back_end_service();
    match (choice, role) {
        (ServiceChoice::FrontEnd, _) | (ServiceChoice::Protocol, Role::Cas) => vec![front],
        (ServiceChoice::BackEnd, _) | (ServiceChoice::Protocol, Role::Mailbox) => vec![back],
        (ServiceChoice::Protocol, Role::Both) => vec![back, front],
    }
}

fn json(fields: &'static str) -> [Vec<Arg>; 2] {
    [
        vec![Arg::Word("Select-Object"), Arg::Word(fields)],
        vec![Arg::Word("ConvertTo-Json"), Arg::Word("-EnumsAsStrings")],
    ]
}

fn shell(stages: impl IntoIterator<Item = Vec<Arg>>) -> Command {
    Command {
        pipeline: stages.into_iter().collect(),
        runs_on: RunsOn::ExchangeShell,
    }
}

fn bool_word(on: bool) -> Arg {
    Arg::Word(if on { "$true" } else { "$false" })
}

/// The command a step runs on Exchange; None for `escalate`, which is a person's job.
#[allow(clippy::too_many_lines)] // one table, action by action, reads best whole
pub fn command(call: &StepCall) -> Option<Command> {
    use Arg::Word;
    let server = call.server.name.as_str();
    let protocol = call.protocol;
    let settings = match protocol {
        Protocol::Imap => ("Set-ImapSettings", "Get-ImapSettings"),
        Protocol::Pop => ("Set-PopSettings", "Get-PopSettings"),
    };
    let activation = |disabled: bool| {
        shell([vec![
            Word("Set-MailboxServer"),
            Word("-Identity"),
            value(server),
            Word("-DatabaseCopyActivationDisabledAndMoveNow"),
            bool_word(disabled),
        ]])
    };
    let health = |scope: HealthSetScope| {
        let mut stages = vec![vec![
            Word("Get-ServerHealth"),
            Word("-Identity"),
            value(server),
        ]];
        match scope {
            HealthSetScope::Monitor => {
                stages[0].extend([Word("-HealthSet"), value(call.monitor.health_set().name())]);
            }
            HealthSetScope::Protocol => stages.push(vec![
                Word("Where-Object"),
                Word("-Property"),
                Word("HealthSetName"),
                Word("-Like"),
                Word("-Value"),
                value(format!("{}*", protocol.label())),
            ]),
        }
        stages.extend(json("Name,HealthSetName,AlertValue"));
        shell(stages)
    };
    let command = match call.action {
        RecoveryAction::RestartService => {
            let names = services(protocol, call.service?, call.server.role);
            Command {
                pipeline: vec![vec![
                    Word("Restart-Service"),
                    Word("-Name"),
                    Arg::List(names.into_iter().map(str::to_owned).collect()),
                ]],
                runs_on: RunsOn::Server(server.to_owned()),
            }
        }
        RecoveryAction::RerunProbe | RecoveryAction::IdentifyMailboxServer => {
            let probe = call.monitor.probe()?;
            let identity = format!("{}\\{}", call.monitor.health_set().name(), probe.name());
            let mut stages = vec![vec![
                Word("Invoke-MonitoringProbe"),
                Word("-Identity"),
                value(identity),
                Word("-Server"),
                value(server),
            ]];
            stages.extend(json("ResultType,Error"));
            shell(stages)
        }
        RecoveryAction::FailoverDatabases => activation(true),
        RecoveryAction::ReenableActivation => activation(false),
        RecoveryAction::CheckActiveCopies => {
            let mut stages = vec![vec![
                Word("Get-MailboxDatabaseCopyStatus"),
                Word("-Server"),
                value(server),
            ]];
            stages.extend(json("Name,Status"));
            shell(stages)
        }
        RecoveryAction::SetProtocolLogging => shell([vec![
            Word(settings.0),
            Word("-Server"),
            value(server),
            Word("-ProtocolLogEnabled"),
            bool_word(call.enabled?),
        ]]),
        RecoveryAction::GetProtocolLogLocation => {
            let mut stages = vec![vec![Word(settings.1), Word("-Server"), value(server)]];
            stages.extend(json("ProtocolLogEnabled,LogFileLocation"));
            shell(stages)
        }
        RecoveryAction::CheckServerHealth => health(call.health_sets),
        RecoveryAction::WaitAndRecheck => health(HealthSetScope::Monitor),
        RecoveryAction::RestartServer => shell([vec![
            Word("Restart-Computer"),
            Word("-ComputerName"),
            value(server),
            Word("-Force"),
            Word("-Wait"),
            Word("-For"),
            Word("PowerShell"),
            Word("-Timeout"),
            Word("1800"),
        ]]),
        // The DAG is the server's site label; the script ships with Exchange.
        RecoveryAction::RebalanceDatabases => Command {
            pipeline: vec![vec![
                Word("&"),
                Word("\"$env:ExchangeInstallPath\\Scripts\\RedistributeActiveDatabases.ps1\""),
                Word("-DagName"),
                value(call.server.site.clone()),
                Word("-BalanceDbsByActivationPreference"),
                Word("-Confirm:$false"),
            ]],
            runs_on: RunsOn::Server(server.to_owned()),
        },
        RecoveryAction::CheckComponentState => {
            let mut stages = vec![vec![
                Word("Get-ServerComponentState"),
                Word("-Identity"),
                value(server),
                Word("-Component"),
                value(protocol.proxy_component()),
            ]];
            stages.extend(json("Component,State"));
            shell(stages)
        }
        // HealthAPI is the requester Managed Availability's responders use; only the
        // requester that set a component Inactive can set it Active again.
        RecoveryAction::SetComponentActive => shell([vec![
            Word("Set-ServerComponentState"),
            Word("-Identity"),
            value(server),
            Word("-Component"),
            value(protocol.proxy_component()),
            Word("-State"),
            Word("Active"),
            Word("-Requester"),
            Word("HealthAPI"),
        ]]),
        RecoveryAction::Escalate => return None,
    };
    Some(command)
}
