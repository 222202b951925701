//! The proxy component Managed Availability can take offline (ImapProxy / PopProxy): the
//! training fault, the steps that read and set it, and the walks through them. Only
//! setting the component Active heals it; restarting the service or the server does not.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::drill::{Drill, Driver};
use common::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::health::{AlertValue, HealthSet, Monitor, MonitorKind, Probe, ProbeKind, Protocol};
use healthdeck::incident::Entry;
use healthdeck::runbook::platform::training;
use healthdeck::runbook::vocabulary::ServiceChoice;
use healthdeck::runbook::{Ending, Expectation, RecoveryAction, StepCall, StepExit};
use healthdeck::training::Simulator;
use healthdeck::training::scenario::Remedy;
use healthdeck::update::Prompt;

const CAS02: usize = 1;

fn sim() -> Simulator {
    let scenario = healthdeck::training::load("imap-proxy-offline").unwrap();
    Simulator::new(scenario, common::start())
}

fn at(secs: i64) -> DateTime<Utc> {
    common::start() + TimeDelta::seconds(secs)
}

fn probe(protocol: Protocol, kind: ProbeKind) -> Probe {
    Probe { protocol, kind }
}

fn ok(s: &Simulator, server: usize, p: Probe, secs: i64) -> bool {
    s.probe(server, p, at(secs), 7).succeeded
}

#[test]
fn the_fault_fails_ctp_and_proxy_probes_through_that_cas_and_nothing_else() {
    let s = sim();
    let proxy = probe(Protocol::Imap, ProbeKind::ProxyTest);
    assert!(ok(&s, CAS02, proxy, 19), "before +20 s");
    let failed = s.probe(CAS02, proxy, at(60), 1);
    assert!(!failed.succeeded);
    let error = failed.error.unwrap();
    assert!(
        error.contains("MSExchangeIMAP4 on cas-02")
            && error.contains("ImapProxy")
            && error.contains("Inactive"),
        "{error}"
    );
    assert!(!ok(&s, CAS02, probe(Protocol::Imap, ProbeKind::Ctp), 60));
    // POP on the same CAS, IMAP on another CAS, the back end behind it: all fine.
    assert!(ok(
        &s,
        CAS02,
        probe(Protocol::Pop, ProbeKind::ProxyTest),
        60
    ));
    assert!(ok(&s, 0, proxy, 60));
    assert!(ok(&s, 4, probe(Protocol::Imap, ProbeKind::DeepTest), 60));
    assert!(!s.component_active(CAS02, Protocol::Imap, at(60)));
    assert!(s.component_active(CAS02, Protocol::Pop, at(60)));
    assert!(s.component_active(0, Protocol::Imap, at(60)));
}

#[test]
fn only_setting_that_component_active_heals_it() {
    let mut s = sim();
    let proxy = probe(Protocol::Imap, ProbeKind::ProxyTest);
    let front = Some("MSExchangeIMAP4");
    assert!(!s.apply_remedy("cas-02", Remedy::RestartService, front, at(100)));
    assert!(!s.restart_server("cas-02", at(110)));
    // POP's component on the same server, IMAP's on another: not this fault.
    let pop = Some("MSExchangePOP3");
    assert!(!s.apply_remedy("cas-02", Remedy::SetComponentActive, pop, at(120)));
    assert!(!s.apply_remedy("cas-01", Remedy::SetComponentActive, front, at(120)));
    assert!(!ok(&s, CAS02, proxy, 130), "the wrong fixes healed nothing");
    assert!(s.apply_remedy("cas-02", Remedy::SetComponentActive, front, at(140)));
    assert!(ok(&s, CAS02, proxy, 150));
    assert!(s.component_active(CAS02, Protocol::Imap, at(150)));
}

#[test]
fn the_scenario_turns_imap_proxy_and_ctp_unhealthy_on_that_cas_only() {
    let state = common::played("imap-proxy-offline", 300, 80, 24);
    let alert = |server, set| state.fleet.cell(server, set).alert;
    assert_eq!(
        alert(CAS02, HealthSet::ImapProxy),
        Some(AlertValue::Unhealthy)
    );
    assert_eq!(alert(CAS02, HealthSet::Imap), Some(AlertValue::Unhealthy));
    assert_eq!(alert(CAS02, HealthSet::PopProxy), Some(AlertValue::Healthy));
    assert_eq!(alert(0, HealthSet::ImapProxy), Some(AlertValue::Healthy));
}

fn call(action: RecoveryAction, protocol: Protocol) -> StepCall {
    let s = sim();
    let server = training::server_named(&s, "cas-02").unwrap();
    let monitor = Monitor {
        protocol,
        kind: MonitorKind::ProxyTest,
    };
    let mut call = StepCall::plain(("proxy", action.name()), server, monitor, action);
    call.service = Some(ServiceChoice::FrontEnd);
    call
}

/// Performs a step at `secs`; its lines and the component fact it read, if any.
fn perform(s: &mut Simulator, call: &StepCall, secs: i64) -> (Vec<String>, Option<bool>) {
    let performed = training::perform(s, &[], call, at(secs));
    assert_eq!(performed.answer.exit, StepExit::Succeeded, "{performed:?}");
    let fact = performed
        .answer
        .facts
        .iter()
        .find(|(e, _)| *e == Expectation::ComponentActive)
        .map(|&(_, v)| v);
    (performed.lines, fact)
}

fn state_lines(component: &str, state: &str) -> Vec<String> {
    vec![
        "{".to_owned(),
        format!("  \"Component\": \"{component}\","),
        format!("  \"State\": \"{state}\""),
        "}".to_owned(),
    ]
}

#[test]
fn check_component_state_reports_inactive_until_it_is_set_active() {
    let mut s = sim();
    let check = call(RecoveryAction::CheckComponentState, Protocol::Imap);
    let inactive = (state_lines("ImapProxy", "Inactive"), Some(false));
    assert_eq!(perform(&mut s, &check, 60), inactive);
    // The wrong fixes, performed as steps: still Inactive.
    perform(
        &mut s,
        &call(RecoveryAction::RestartService, Protocol::Imap),
        70,
    );
    perform(
        &mut s,
        &call(RecoveryAction::RestartServer, Protocol::Imap),
        80,
    );
    perform(
        &mut s,
        &call(RecoveryAction::SetComponentActive, Protocol::Pop),
        85,
    );
    assert_eq!(perform(&mut s, &check, 90), inactive);
    // Set-ServerComponentState prints nothing; the next read says Active.
    let set = call(RecoveryAction::SetComponentActive, Protocol::Imap);
    assert_eq!(perform(&mut s, &set, 100), (vec![], None));
    let active = (state_lines("ImapProxy", "Active"), Some(true));
    assert_eq!(perform(&mut s, &check, 110), active);
    let pop = call(RecoveryAction::CheckComponentState, Protocol::Pop);
    assert_eq!(
        perform(&mut s, &pop, 110),
        (state_lines("PopProxy", "Active"), Some(true))
    );
}

/// A small fleet whose `cas-02` has had `protocol`'s proxy component Inactive from the start.
fn offline(service: &str) -> String {
    format!(
        "name: drill\ntitle: drill\nfleet:\n\
         \x20 - {{ name: cas-01, role: cas, site: AMS }}\n\
         \x20 - {{ name: cas-02, role: cas, site: AMS }}\n\
         \x20 - {{ name: mbx-01, role: mailbox, site: AMS }}\n\
         \x20 - {{ name: mbx-02, role: mailbox, site: AMS }}\n\
         faults:\n  - server: cas-02\n    service: {service}\n    at: 0s\n    \
         symptom: component_inactive\n    healed_by: set_component_active\n"
    )
}

#[test]
fn the_proxy_and_ctp_walks_set_the_component_active_and_resolve() {
    for (protocol, prefix, service, component) in [
        (Protocol::Imap, "imap", "MSExchangeIMAP4", "ImapProxy"),
        (Protocol::Pop, "pop", "MSExchangePOP3", "PopProxy"),
    ] {
        for (kind, procedure) in [(MonitorKind::ProxyTest, "proxy"), (MonitorKind::Ctp, "ctp")] {
            let mut drill = Drill::new(&offline(service), 8);
            let monitor = Monitor { protocol, kind };
            let name = format!("{prefix}-{procedure}-component-offline");
            let (outcome, text) = drill.walk(
                &format!("{prefix}-{procedure}"),
                "cas-02",
                monitor,
                Driver::RunAll,
            );
            insta::assert_snapshot!(name.clone(), text);
            assert_eq!((outcome.ending, outcome.owed.len()), (Ending::Resolved, 0));
            let set = format!(
                "set-component-active: SIMULATED: Set-ServerComponentState -Identity cas-02 \
                 -Component {component} -State Active -Requester HealthAPI"
            );
            assert!(
                drill.commands.contains(&set),
                "{name}: {:?}",
                drill.commands
            );
            let server = drill.simulator.server_index("cas-02").unwrap();
            assert!(
                drill
                    .simulator
                    .component_active(server, protocol, drill.now)
            );
        }
    }
}

/// Enter on each step, typing the server's name when a confirmation asks for it.
fn run_steps(console: &mut Console, count: usize) {
    for _ in 0..count {
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        console.run_jobs();
    }
}

fn started(console: &Console, action: RecoveryAction) -> bool {
    console
        .records
        .iter()
        .any(|e| matches!(e, Entry::StepStarted { action: a, .. } if a.as_str() == action.name()))
}

#[test]
fn read_only_reads_the_component_and_never_sets_it() {
    let mut console = Console::on("imap-proxy-offline", 120, 36);
    console.state.launch.banner.read_only = true;
    console.open_runbook();
    run_steps(&mut console, 30);
    assert!(started(&console, RecoveryAction::CheckComponentState));
    assert!(!started(&console, RecoveryAction::SetComponentActive));
    assert!(
        !console
            .simulator
            .component_active(CAS02, Protocol::Imap, console.state.now)
    );
}

#[test]
fn the_console_asks_for_the_server_name_before_setting_the_component_active() {
    let mut console = Console::on("imap-proxy-offline", 120, 36);
    console.open_runbook();
    let mut confirmed = false;
    for _ in 0..30 {
        console.key(KeyCode::Enter);
        if let Some(Prompt::Confirm { call, .. }) = console.state.view.prompt.clone() {
            confirmed |= call.action == RecoveryAction::SetComponentActive;
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        console.run_jobs();
        if console.state.runbook.as_ref().is_some_and(|p| p.is_over()) {
            break;
        }
    }
    assert!(confirmed, "set_component_active ran without a confirmation");
    assert!(started(&console, RecoveryAction::SetComponentActive));
    assert!(
        console
            .simulator
            .component_active(CAS02, Protocol::Imap, console.state.now)
    );
}

#[test]
fn a_linux_host_has_no_proxy_component_so_both_steps_are_done_by_hand() {
    use healthdeck::runbook::platform::{Platform, linux};
    use healthdeck::update::runbook::prepare::prepare;
    let mut console = Console::on("imap-proxy-offline", 120, 36);
    console.state.launch.platform = Platform::Linux;
    console.state.launch.commands = linux::Commands::default();
    for action in [
        RecoveryAction::CheckComponentState,
        RecoveryAction::SetComponentActive,
    ] {
        let prepared = prepare(&console.state, &call(action, Protocol::Imap));
        assert_eq!(prepared.command, None);
        let by_hand = format!(
            "no command for {} on cas-02: do it by hand, then s to skip",
            action.name()
        );
        let why = prepared.work.map_err(|why| why.english());
        assert_eq!(why, Err(by_hand));
    }
}

#[test]
fn a_component_fault_names_a_front_end_and_is_healed_only_by_setting_it_active() {
    use healthdeck::training::Scenario;
    let good = offline("MSExchangePOP3");
    Scenario::parse(&good, "ok.yaml").unwrap();
    let restart = good.replace(
        "healed_by: set_component_active",
        "healed_by: restart_service",
    );
    let error = Scenario::parse(&restart, "f.yaml").unwrap_err().to_string();
    assert_eq!(
        error,
        "f.yaml:9:3: faults: fault on cas-02 (MSExchangePOP3): symptom component_inactive goes \
         with healed_by: set_component_active, and only it"
    );
    let back_end = offline("MSExchangePOP3BE");
    let error = Scenario::parse(&back_end, "f.yaml")
        .unwrap_err()
        .to_string();
    assert!(error.contains("not MSExchangePOP3BE"), "{error}");
    let remedy_alone = good.replace("symptom: component_inactive", "symptom: stops_answering");
    let error = Scenario::parse(&remedy_alone, "f.yaml")
        .unwrap_err()
        .to_string();
    assert!(error.contains("and only it"), "{error}");
}
