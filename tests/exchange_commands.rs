//! The Exchange platform: every action × role becomes an exact cmdlet pipeline, and each
//! expectation a reading of its `ConvertTo-Json` output. The expected argv are written out
//! from the Exchange cmdlet reference, never computed with the code under test.
#![allow(clippy::unwrap_used)]

use healthdeck::health::MonitorKind::{
    CommandLatency, Ctp, DeepTest, ProxyTest, RequestsQueued, SelfTest,
};
use healthdeck::health::Protocol::{Imap, Pop};
use healthdeck::health::Role::{Both, Cas, Mailbox};
use healthdeck::health::{Monitor, MonitorKind, Protocol, Role, Server};
use healthdeck::runbook::RecoveryAction::{
    CheckActiveCopies, CheckComponentState, CheckServerHealth, Escalate, FailoverDatabases,
    GetProtocolLogLocation, IdentifyMailboxServer, RebalanceDatabases, ReenableActivation,
    RerunProbe, RestartServer, RestartService, SetComponentActive, SetProtocolLogging,
    WaitAndRecheck,
};
use healthdeck::runbook::platform::exchange::{self, Arg, Reading, RunsOn, services};
use healthdeck::runbook::vocabulary::{HealthSetScope, ServiceChoice};
use healthdeck::runbook::{Expectation, RecoveryAction, StepCall};

/// cas-01 (AMS), mbx-02 (AMS), ex-03 (both roles, DUB). The site is the DAG's name.
fn server(role: Role) -> Server {
    let (name, site) = match role {
        Cas => ("cas-01", "AMS"),
        Mailbox => ("mbx-02", "AMS"),
        Both => ("ex-03", "DUB"),
    };
    let (name, site) = (name.to_owned(), site.to_owned());
    Server { name, role, site }
}

fn m(protocol: Protocol, kind: MonitorKind) -> Monitor {
    Monitor { protocol, kind }
}

fn call(action: RecoveryAction, server: Server, monitor: Monitor) -> StepCall {
    StepCall::plain(("test-procedure", action.name()), server, monitor, action)
}

/// The step's own fields beyond action, server and monitor.
#[derive(Debug, Clone, Copy)]
enum V {
    Plain,
    Front,
    Back,
    Proto,
    LogOn,
    LogOff,
    AllSets,
}

type Argv = &'static [&'static [&'static str]];

#[derive(Debug)]
enum Expect {
    Nothing,
    Shell(Argv),
    On(&'static str, Argv),
}
use Expect::{Nothing, On, Shell};

struct Row(RecoveryAction, V, Role, Protocol, MonitorKind, Expect);

const JSON: &[&str] = &["ConvertTo-Json", "-EnumsAsStrings"];
const PROBE_OUT: &[&str] = &["Select-Object", "ResultType,Error"];
const HEALTH_OUT: &[&str] = &["Select-Object", "Name,HealthSetName,AlertValue"];
const REDISTRIBUTE: &str = r#""$env:ExchangeInstallPath\Scripts\RedistributeActiveDatabases.ps1""#;

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // restart_service: the client-facing service on CAS, the back end on Mailbox, both
    // (back end first) on a multi-role server; runs on the server itself.
    Row(RestartService, V::Front, Cas, Imap, Ctp, On("cas-01", &[&["Restart-Service", "-Name", "MSExchangeIMAP4"]])),
    Row(RestartService, V::Front, Cas, Pop, Ctp, On("cas-01", &[&["Restart-Service", "-Name", "MSExchangePOP3"]])),
    Row(RestartService, V::Front, Both, Imap, ProxyTest, On("ex-03", &[&["Restart-Service", "-Name", "MSExchangeIMAP4"]])),
    Row(RestartService, V::Back, Mailbox, Imap, DeepTest, On("mbx-02", &[&["Restart-Service", "-Name", "MSExchangeIMAP4BE"]])),
    Row(RestartService, V::Back, Mailbox, Pop, SelfTest, On("mbx-02", &[&["Restart-Service", "-Name", "MSExchangePOP3BE"]])),
    Row(RestartService, V::Back, Both, Pop, DeepTest, On("ex-03", &[&["Restart-Service", "-Name", "MSExchangePOP3BE"]])),
    Row(RestartService, V::Proto, Cas, Imap, CommandLatency, On("cas-01", &[&["Restart-Service", "-Name", "MSExchangeIMAP4"]])),
    Row(RestartService, V::Proto, Cas, Pop, CommandLatency, On("cas-01", &[&["Restart-Service", "-Name", "MSExchangePOP3"]])),
    Row(RestartService, V::Proto, Mailbox, Imap, RequestsQueued, On("mbx-02", &[&["Restart-Service", "-Name", "MSExchangeIMAP4BE"]])),
    Row(RestartService, V::Proto, Mailbox, Pop, CommandLatency, On("mbx-02", &[&["Restart-Service", "-Name", "MSExchangePOP3BE"]])),
    Row(RestartService, V::Proto, Both, Imap, CommandLatency, On("ex-03", &[&["Restart-Service", "-Name", "MSExchangeIMAP4BE,MSExchangeIMAP4"]])),
    Row(RestartService, V::Proto, Both, Pop, CommandLatency, On("ex-03", &[&["Restart-Service", "-Name", "MSExchangePOP3BE,MSExchangePOP3"]])),
    Row(RestartService, V::Plain, Cas, Imap, Ctp, Nothing), // no service chosen
    // rerun_probe: Invoke-MonitoringProbe <HealthSet>\<Probe>, one per probe kind.
    Row(RerunProbe, V::Plain, Cas, Imap, Ctp, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"IMAP\ImapCTPProbe", "-Server", "cas-01"], PROBE_OUT, JSON])),
    Row(RerunProbe, V::Plain, Cas, Imap, ProxyTest, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"IMAP.Proxy\ImapProxyTestProbe", "-Server", "cas-01"], PROBE_OUT, JSON])),
    Row(RerunProbe, V::Plain, Mailbox, Imap, DeepTest, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"IMAP.Protocol\ImapDeepTestProbe", "-Server", "mbx-02"], PROBE_OUT, JSON])),
    Row(RerunProbe, V::Plain, Both, Imap, SelfTest, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"IMAP.Protocol\ImapSelfTestProbe", "-Server", "ex-03"], PROBE_OUT, JSON])),
    Row(RerunProbe, V::Plain, Cas, Pop, Ctp, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"POP\PopCTPProbe", "-Server", "cas-01"], PROBE_OUT, JSON])),
    Row(RerunProbe, V::Plain, Both, Pop, ProxyTest, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"POP.Proxy\PopProxyTestProbe", "-Server", "ex-03"], PROBE_OUT, JSON])),
    Row(RerunProbe, V::Plain, Mailbox, Pop, DeepTest, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"POP.Protocol\PopDeepTestProbe", "-Server", "mbx-02"], PROBE_OUT, JSON])),
    Row(RerunProbe, V::Plain, Mailbox, Pop, SelfTest, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"POP.Protocol\PopSelfTestProbe", "-Server", "mbx-02"], PROBE_OUT, JSON])),
    // The latency and queue monitors judge no single probe: nothing to re-run.
    Row(RerunProbe, V::Plain, Both, Imap, CommandLatency, Nothing),
    Row(RerunProbe, V::Plain, Both, Imap, RequestsQueued, Nothing),
    Row(RerunProbe, V::Plain, Cas, Pop, CommandLatency, Nothing),
    // identify_mailbox_server: the CTP probe again, its Error read for _Mbx:.
    Row(IdentifyMailboxServer, V::Plain, Cas, Imap, Ctp, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"IMAP\ImapCTPProbe", "-Server", "cas-01"], PROBE_OUT, JSON])),
    Row(IdentifyMailboxServer, V::Plain, Both, Pop, Ctp, Shell(&[&["Invoke-MonitoringProbe", "-Identity", r"POP\PopCTPProbe", "-Server", "ex-03"], PROBE_OUT, JSON])),
    // Failover and failback: database activation off (and move now), then on again.
    Row(FailoverDatabases, V::Plain, Mailbox, Imap, DeepTest, Shell(&[&["Set-MailboxServer", "-Identity", "mbx-02", "-DatabaseCopyActivationDisabledAndMoveNow", "$true"]])),
    Row(FailoverDatabases, V::Plain, Both, Pop, CommandLatency, Shell(&[&["Set-MailboxServer", "-Identity", "ex-03", "-DatabaseCopyActivationDisabledAndMoveNow", "$true"]])),
    Row(ReenableActivation, V::Plain, Mailbox, Pop, DeepTest, Shell(&[&["Set-MailboxServer", "-Identity", "mbx-02", "-DatabaseCopyActivationDisabledAndMoveNow", "$false"]])),
    Row(ReenableActivation, V::Plain, Both, Imap, CommandLatency, Shell(&[&["Set-MailboxServer", "-Identity", "ex-03", "-DatabaseCopyActivationDisabledAndMoveNow", "$false"]])),
    Row(CheckActiveCopies, V::Plain, Mailbox, Imap, SelfTest, Shell(&[&["Get-MailboxDatabaseCopyStatus", "-Server", "mbx-02"], &["Select-Object", "Name,Status"], JSON])),
    Row(CheckActiveCopies, V::Plain, Both, Pop, CommandLatency, Shell(&[&["Get-MailboxDatabaseCopyStatus", "-Server", "ex-03"], &["Select-Object", "Name,Status"], JSON])),
    // Protocol logging: -ProtocolLogEnabled (the seeds' -ProtocolLoggingEnabled is no parameter).
    Row(SetProtocolLogging, V::LogOn, Cas, Imap, Ctp, Shell(&[&["Set-ImapSettings", "-Server", "cas-01", "-ProtocolLogEnabled", "$true"]])),
    Row(SetProtocolLogging, V::LogOff, Cas, Imap, Ctp, Shell(&[&["Set-ImapSettings", "-Server", "cas-01", "-ProtocolLogEnabled", "$false"]])),
    Row(SetProtocolLogging, V::LogOn, Both, Pop, Ctp, Shell(&[&["Set-PopSettings", "-Server", "ex-03", "-ProtocolLogEnabled", "$true"]])),
    Row(SetProtocolLogging, V::LogOff, Cas, Pop, Ctp, Shell(&[&["Set-PopSettings", "-Server", "cas-01", "-ProtocolLogEnabled", "$false"]])),
    Row(SetProtocolLogging, V::Plain, Cas, Imap, Ctp, Nothing), // neither on nor off
    Row(GetProtocolLogLocation, V::Plain, Cas, Imap, Ctp, Shell(&[&["Get-ImapSettings", "-Server", "cas-01"], &["Select-Object", "ProtocolLogEnabled,LogFileLocation"], JSON])),
    Row(GetProtocolLogLocation, V::Plain, Both, Pop, Ctp, Shell(&[&["Get-PopSettings", "-Server", "ex-03"], &["Select-Object", "ProtocolLogEnabled,LogFileLocation"], JSON])),
    // check_server_health: the monitor's health set, or every set of the protocol.
    Row(CheckServerHealth, V::Plain, Mailbox, Imap, DeepTest, Shell(&[&["Get-ServerHealth", "-Identity", "mbx-02", "-HealthSet", "IMAP.Protocol"], HEALTH_OUT, JSON])),
    Row(CheckServerHealth, V::Plain, Cas, Imap, ProxyTest, Shell(&[&["Get-ServerHealth", "-Identity", "cas-01", "-HealthSet", "IMAP.Proxy"], HEALTH_OUT, JSON])),
    Row(CheckServerHealth, V::Plain, Cas, Pop, Ctp, Shell(&[&["Get-ServerHealth", "-Identity", "cas-01", "-HealthSet", "POP"], HEALTH_OUT, JSON])),
    Row(CheckServerHealth, V::Plain, Both, Pop, SelfTest, Shell(&[&["Get-ServerHealth", "-Identity", "ex-03", "-HealthSet", "POP.Protocol"], HEALTH_OUT, JSON])),
    Row(CheckServerHealth, V::AllSets, Mailbox, Imap, Ctp, Shell(&[&["Get-ServerHealth", "-Identity", "mbx-02"], &["Where-Object", "-Property", "HealthSetName", "-Like", "-Value", "IMAP*"], HEALTH_OUT, JSON])),
    Row(CheckServerHealth, V::AllSets, Both, Pop, Ctp, Shell(&[&["Get-ServerHealth", "-Identity", "ex-03"], &["Where-Object", "-Property", "HealthSetName", "-Like", "-Value", "POP*"], HEALTH_OUT, JSON])),
    // wait_and_recheck reads the monitor's own health set whatever the step's health_sets.
    Row(WaitAndRecheck, V::Plain, Both, Imap, CommandLatency, Shell(&[&["Get-ServerHealth", "-Identity", "ex-03", "-HealthSet", "IMAP"], HEALTH_OUT, JSON])),
    Row(WaitAndRecheck, V::AllSets, Cas, Pop, CommandLatency, Shell(&[&["Get-ServerHealth", "-Identity", "cas-01", "-HealthSet", "POP"], HEALTH_OUT, JSON])),
    // restart_server: from the management shell, returning once PowerShell answers again.
    Row(RestartServer, V::Plain, Cas, Imap, Ctp, Shell(&[&["Restart-Computer", "-ComputerName", "cas-01", "-Force", "-Wait", "-For", "PowerShell", "-Timeout", "1800"]])),
    Row(RestartServer, V::Plain, Mailbox, Pop, DeepTest, Shell(&[&["Restart-Computer", "-ComputerName", "mbx-02", "-Force", "-Wait", "-For", "PowerShell", "-Timeout", "1800"]])),
    Row(RestartServer, V::Plain, Both, Imap, CommandLatency, Shell(&[&["Restart-Computer", "-ComputerName", "ex-03", "-Force", "-Wait", "-For", "PowerShell", "-Timeout", "1800"]])),
    // rebalance_databases: the script that ships with Exchange, the DAG being the site.
    Row(RebalanceDatabases, V::Plain, Mailbox, Imap, DeepTest, On("mbx-02", &[&["&", REDISTRIBUTE, "-DagName", "AMS", "-BalanceDbsByActivationPreference", "-Confirm:$false"]])),
    Row(RebalanceDatabases, V::Plain, Both, Pop, CommandLatency, On("ex-03", &[&["&", REDISTRIBUTE, "-DagName", "DUB", "-BalanceDbsByActivationPreference", "-Confirm:$false"]])),
    // The protocol's proxy component: read as JSON; set Active as Managed Availability's
    // requester (only the requester that set it Inactive can set it Active again).
    Row(CheckComponentState, V::Plain, Cas, Imap, ProxyTest, Shell(&[&["Get-ServerComponentState", "-Identity", "cas-01", "-Component", "ImapProxy"], &["Select-Object", "Component,State"], JSON])),
    Row(CheckComponentState, V::Plain, Both, Pop, Ctp, Shell(&[&["Get-ServerComponentState", "-Identity", "ex-03", "-Component", "PopProxy"], &["Select-Object", "Component,State"], JSON])),
    Row(SetComponentActive, V::Plain, Cas, Imap, Ctp, Shell(&[&["Set-ServerComponentState", "-Identity", "cas-01", "-Component", "ImapProxy", "-State", "Active", "-Requester", "HealthAPI"]])),
    Row(SetComponentActive, V::Plain, Both, Pop, ProxyTest, Shell(&[&["Set-ServerComponentState", "-Identity", "ex-03", "-Component", "PopProxy", "-State", "Active", "-Requester", "HealthAPI"]])),
    // escalate is a person's job.
    Row(Escalate, V::Plain, Cas, Imap, Ctp, Nothing),
    Row(Escalate, V::Plain, Mailbox, Pop, DeepTest, Nothing),
    Row(Escalate, V::Plain, Both, Imap, CommandLatency, Nothing),
];

fn row_call(row: &Row) -> StepCall {
    let &Row(action, variant, role, protocol, kind, _) = row;
    let mut c = call(action, server(role), m(protocol, kind));
    match variant {
        V::Plain => {}
        V::Front => c.service = Some(ServiceChoice::FrontEnd),
        V::Back => c.service = Some(ServiceChoice::BackEnd),
        V::Proto => c.service = Some(ServiceChoice::Protocol),
        V::LogOn => c.enabled = Some(true),
        V::LogOff => c.enabled = Some(false),
        V::AllSets => c.health_sets = HealthSetScope::Protocol,
    }
    c
}

fn owned(argv: Argv) -> Vec<Vec<String>> {
    argv.iter()
        .map(|stage| stage.iter().map(|w| (*w).to_owned()).collect())
        .collect()
}

#[test]
fn every_action_and_role_has_its_exact_argv() {
    let mut wrong = Vec::new();
    for row in ROWS {
        let Row(action, variant, role, protocol, kind, expect) = row;
        let got = exchange::command(&row_call(row)).map(|c| (c.runs_on.clone(), c.argv()));
        let want = match expect {
            Nothing => None,
            Shell(argv) => Some((RunsOn::ExchangeShell, owned(argv))),
            On(name, argv) => Some((RunsOn::Server((*name).to_owned()), owned(argv))),
        };
        if got != want {
            let what = format!("{action} {variant:?} {role:?} {protocol:?} {kind:?}");
            wrong.push(format!("{what}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "rows wrong:\n{}", wrong.join("\n"));
}

#[test]
fn the_table_covers_every_action_on_both_protocols() {
    assert_eq!(ROWS.len(), 59);
    for action in RecoveryAction::ALL {
        for protocol in [Imap, Pop] {
            assert!(
                ROWS.iter().any(|r| r.0 == action && r.3 == protocol),
                "no row for {action} on {protocol:?}"
            );
        }
    }
    let by_role = |r: &Row| r.0 == RestartService && matches!(r.1, V::Proto);
    for role in [Cas, Mailbox, Both] {
        assert!(ROWS.iter().any(|r| by_role(r) && r.2 == role), "{role:?}");
    }
}

/// The seeds' -ProtocolLoggingEnabled and HealtSetName, and their Format-List / Group output.
const MISTAKES: [&str; 4] = [
    "ProtocolLoggingEnabled",
    "HealtSetName",
    "Format-List",
    "Group",
];

#[test]
fn commands_avoid_the_seeds_mistakes_and_keep_fleet_names_as_values() {
    for row in ROWS {
        let c = row_call(row);
        let Some(command) = exchange::command(&c) else {
            continue;
        };
        let text = command.display();
        for mistake in MISTAKES {
            assert!(!text.contains(mistake), "{text}");
        }
        // Names from the fleet and the catalog are values, quoted when sent to a shell.
        for arg in command.pipeline.iter().flatten() {
            if let Arg::Word(w) = arg {
                let fleet = *w == c.server.name || *w == c.server.site;
                let path = w.contains('\\') && !w.contains("$env:");
                assert!(!fleet && !path, "{w}: {text}");
            }
        }
    }
}

#[test]
fn display_is_what_an_engineer_would_type() {
    let mut restart = call(RestartService, server(Both), m(Pop, Ctp));
    restart.service = Some(ServiceChoice::Protocol);
    let command = exchange::command(&restart).unwrap();
    let list = vec!["MSExchangePOP3BE".to_owned(), "MSExchangePOP3".to_owned()];
    assert_eq!(command.pipeline[0][2], Arg::List(list));
    assert_eq!(
        command.display(),
        "Invoke-Command -ComputerName ex-03 -ScriptBlock \
         { Restart-Service -Name MSExchangePOP3BE,MSExchangePOP3 }"
    );
    let health = call(CheckServerHealth, server(Mailbox), m(Imap, DeepTest));
    assert_eq!(
        exchange::command(&health).unwrap().display(),
        "Get-ServerHealth -Identity mbx-02 -HealthSet IMAP.Protocol \
         | Select-Object Name,HealthSetName,AlertValue | ConvertTo-Json -EnumsAsStrings"
    );
}

#[test]
fn services_per_protocol_choice_and_role() {
    use ServiceChoice::{BackEnd, FrontEnd, Protocol as ByRole};
    assert_eq!(services(Imap, FrontEnd, Cas), ["MSExchangeIMAP4"]);
    assert_eq!(services(Pop, BackEnd, Mailbox), ["MSExchangePOP3BE"]);
    assert_eq!(services(Imap, ByRole, Mailbox), ["MSExchangeIMAP4BE"]);
    assert_eq!(services(Pop, ByRole, Cas), ["MSExchangePOP3"]);
    let both = ["MSExchangePOP3BE", "MSExchangePOP3"];
    assert_eq!(services(Pop, ByRole, Both), both);
}

// ---- reading ConvertTo-Json output ----

type Facts = Vec<(Expectation, bool)>;

fn read_as(action: RecoveryAction, kind: MonitorKind, out: &str) -> Result<Reading, String> {
    let c = call(action, server(Mailbox), m(Imap, kind));
    exchange::read(&c, out).map_err(|e| e.to_string())
}

fn facts(action: RecoveryAction, kind: MonitorKind, out: &str) -> Facts {
    read_as(action, kind, out).unwrap().facts
}

fn probe(succeeded: bool) -> Facts {
    vec![(Expectation::ProbeSucceeded, succeeded)]
}

fn health(server: bool, monitor: Option<bool>) -> Facts {
    let mut facts = vec![(Expectation::ServerHealthy, server)];
    facts.extend(monitor.map(|m| (Expectation::MonitorHealthy, m)));
    facts
}

#[test]
fn probe_result_type_as_one_object_or_an_array() {
    let rerun = |out: &str| facts(RerunProbe, DeepTest, out);
    let ok = r#"{ "ResultType": "Succeeded", "Error": null }"#;
    let failed = r#"{ "ResultType": "Failed", "Error": "connection refused" }"#;
    assert_eq!(rerun(ok), probe(true));
    assert_eq!(rerun(failed), probe(false));
    assert_eq!(rerun(&format!("[{ok}]")), probe(true));
    assert_eq!(rerun(&format!("[\n{failed}\n]")), probe(false));
    let reading = read_as(RerunProbe, SelfTest, ok).unwrap();
    assert_eq!((reading.facts, reading.mailbox_server), (probe(true), None));
    let error = read_as(RerunProbe, DeepTest, "").unwrap_err();
    assert!(error.contains("no result"), "{error}");
}

#[test]
fn identify_mailbox_server_reads_mbx_from_the_error() {
    let out = r#"{ "ResultType": "Failed",
        "Error": "IMAP CTP failed: login timed out. _Mbx: mbx-02.contoso.com, Latency: 60000" }"#;
    let reading = read_as(IdentifyMailboxServer, Ctp, out).unwrap();
    let found = reading.mailbox_server.as_deref();
    assert_eq!(found, Some("mbx-02.contoso.com"));
    assert_eq!(reading.facts, probe(false));
    let tight = r#"[{ "ResultType": "Failed", "Error": "proxy failed (_Mbx:mbx-01)." }]"#;
    let reading = read_as(IdentifyMailboxServer, Ctp, tight).unwrap();
    assert_eq!(reading.mailbox_server.as_deref(), Some("mbx-01"));
    let timed_out = r#"{ "ResultType": "Failed", "Error": "timed out" }"#;
    for absent in [timed_out, r#"{ "ResultType": "Failed" }"#] {
        let error = read_as(IdentifyMailboxServer, Ctp, absent).unwrap_err();
        assert!(error.contains("_Mbx:"), "{error}");
    }
    // A probe that passes by now names no back end, and that is no error.
    let passed = r#"{ "ResultType": "Succeeded", "Error": "" }"#;
    let reading = read_as(IdentifyMailboxServer, Ctp, passed).unwrap();
    assert_eq!((reading.facts, reading.mailbox_server), (probe(true), None));
}

#[test]
fn no_active_copies_only_when_no_copy_is_in_an_active_state() {
    let none = vec![(Expectation::NoActiveCopies, true)];
    let copy = |status: &str| format!(r#"{{ "Name": "DB01\\mbx-02", "Status": "{status}" }}"#);
    // An explicit empty list says no copy; empty output says nothing (unknown, never "none").
    assert_eq!(facts(CheckActiveCopies, DeepTest, "[]"), none);
    for silent in ["", "\r\n"] {
        let error = read_as(CheckActiveCopies, DeepTest, silent).unwrap_err();
        assert!(error.contains("empty"), "{error}");
    }
    assert_eq!(facts(CheckActiveCopies, DeepTest, &copy("Healthy")), none);
    let passive = format!("[{}, {}]", copy("Healthy"), copy("Failed"));
    assert_eq!(facts(CheckActiveCopies, DeepTest, &passive), none);
    let some = vec![(Expectation::NoActiveCopies, false)];
    for active in ["Mounted", "Mounting", "Dismounting", "Dismounted"] {
        assert_eq!(facts(CheckActiveCopies, DeepTest, &copy(active)), some);
        let among = format!("[{}, {}]", copy("Healthy"), copy(active));
        assert_eq!(facts(CheckActiveCopies, DeepTest, &among), some, "{active}");
    }
    let numeric = r#"{ "Name": "DB01", "Status": 1 }"#;
    let error = read_as(CheckActiveCopies, DeepTest, numeric).unwrap_err();
    assert!(error.contains("Status"), "{error}");
}

fn entry(name: &str, set: &str, alert: &str) -> String {
    format!(r#"{{ "Name": "{name}", "HealthSetName": "{set}", "AlertValue": "{alert}" }}"#)
}

#[test]
fn server_health_and_the_walks_monitor() {
    let check = |kind, out: &str| facts(CheckServerHealth, kind, out);
    let recheck = |kind, out: &str| facts(WaitAndRecheck, kind, out);
    let deep = entry("ImapDeepTestMonitor", "IMAP.Protocol", "Healthy");
    let self_test = entry("ImapSelfTestMonitor", "IMAP.Protocol", "Unhealthy");
    let both = format!("[{deep}, {self_test}]");
    assert_eq!(check(DeepTest, &both), health(false, Some(true)));
    assert_eq!(check(SelfTest, &both), health(false, Some(false)));
    assert_eq!(recheck(SelfTest, &both), health(false, Some(false)));
    // One object; Degraded is not Unhealthy for the server, but not Healthy for the monitor.
    let degraded = entry("ImapDeepTestMonitor", "IMAP.Protocol", "Degraded");
    assert_eq!(check(DeepTest, &degraded), health(true, Some(false)));
    // The walk's monitor is not listed: no monitor_healthy at all.
    let others = format!("[{deep}, {}]", entry("ImapCTPMonitor", "IMAP", "Healthy"));
    assert_eq!(check(SelfTest, &others), health(true, None));
    // The same monitor name in another health set (POP's latency monitor) is not IMAP's.
    let latency = "AverageCommandProcessingTimeGt60sMonitor";
    let pop = entry(latency, "POP", "Healthy");
    assert_eq!(recheck(CommandLatency, &pop), health(true, None));
    let imap = format!("[{pop}, {}]", entry(latency, "IMAP", "Unhealthy"));
    assert_eq!(recheck(CommandLatency, &imap), health(false, Some(false)));
    // No answer is no health: never "healthy" for want of an Unhealthy row.
    for silent in ["", "[]"] {
        let error = read_as(CheckServerHealth, DeepTest, silent).unwrap_err();
        assert!(error.contains("nothing was read"), "{error}");
    }
}

#[test]
fn numeric_enums_and_non_json_are_readable_errors() {
    let numeric = r#"[{ "Name": "ImapDeepTestMonitor", "HealthSetName": "IMAP.Protocol",
        "AlertValue": 2 }]"#;
    let error = read_as(CheckServerHealth, DeepTest, numeric).unwrap_err();
    let readable = error.contains("AlertValue") && error.contains("EnumsAsStrings");
    assert!(readable, "{error}");
    let numeric = r#"{ "ResultType": 1, "Error": null }"#;
    let error = read_as(RerunProbe, DeepTest, numeric).unwrap_err();
    assert!(error.contains("ResultType"), "{error}");
    let listed = "ResultType : Succeeded\r\nError      :\r\n";
    let error = read_as(RerunProbe, DeepTest, listed).unwrap_err();
    assert!(error.contains("not JSON"), "{error}");
    let warning = "WARNING: The server is unreachable";
    let error = read_as(CheckServerHealth, DeepTest, warning).unwrap_err();
    assert!(error.contains("not JSON"), "{error}");
    let error = read_as(CheckActiveCopies, DeepTest, r#""Mounted""#).unwrap_err();
    assert!(error.contains("expected JSON objects"), "{error}");
}

#[test]
fn actions_that_report_nothing_read_nothing() {
    let quiet = [
        RestartService,
        FailoverDatabases,
        RestartServer,
        SetComponentActive,
        Escalate,
    ];
    for action in quiet {
        let reading = read_as(action, DeepTest, "anything at all").unwrap();
        assert_eq!(reading, Reading::default(), "{action}");
    }
}

/// Every command of the table becomes one pwsh script: stop at the first error and exit
/// non-zero, each word of each stage in order (the fleet's values single-quoted), an
/// Exchange session only where an Exchange cmdlet runs, services on the server itself.
#[test]
fn every_command_becomes_a_pwsh_script_that_stops_at_the_first_error() {
    use healthdeck::command::pwsh;
    for row in ROWS {
        let Some(command) = exchange::command(&row_call(row)) else {
            continue;
        };
        let what = format!("{} {:?} {:?}", row.0, row.2, row.4);
        let script = pwsh::script(&command, "ex-01.contoso.com").unwrap();
        assert!(
            script.starts_with("$ErrorActionPreference = 'Stop'\n"),
            "{what}: {script}"
        );
        assert!(
            script.contains("catch {") && script.contains("exit 1"),
            "{what}"
        );
        assert!(script.ends_with("exit 0\n"), "{what}: {script}");
        let mut rest = script.as_str();
        for word in command.argv().iter().flatten() {
            let quoted = format!("'{word}'");
            // A list (`-Name a,b`) is each value quoted: 'a','b'.
            let listed = word
                .split(',')
                .map(|v| format!("'{v}'"))
                .collect::<Vec<_>>()
                .join(",");
            let at = [word.as_str(), quoted.as_str(), listed.as_str()]
                .iter()
                .filter_map(|w| rest.find(w).map(|i| (i, w.len())))
                .min();
            let Some((i, len)) = at else {
                panic!("{what}: `{word}` missing or out of order in\n{script}");
            };
            rest = &rest[i + len..];
        }
        let session = script.contains(
            "New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri \
             'http://ex-01.contoso.com/PowerShell'",
        );
        match &command.runs_on {
            RunsOn::Server(server) => {
                let on = format!("Invoke-Command -ComputerName '{server}' -ScriptBlock {{");
                assert!(script.contains(&on), "{what}: {script}");
                assert!(!session, "{what}: a service needs no Exchange session");
            }
            RunsOn::ExchangeShell => {
                let reboot = command.argv()[0][0] == "Restart-Computer";
                assert_eq!(session, !reboot, "{what}: {script}");
            }
        }
        let argv = pwsh::argv(&script);
        assert_eq!(
            argv[..4],
            ["pwsh", "-NoProfile", "-NonInteractive", "-Command"]
        );
        assert_eq!(argv[4], script);
    }
}
