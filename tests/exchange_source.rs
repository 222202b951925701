//! Exchange's own verdict in the console, by events: the grid, the drill-down, the record,
//! two sources on one server, the runbook and probe steps on servers only Exchange watches.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::effect::Effect;
use healthdeck::event::Event;
use healthdeck::health::exchange::{ExchangeReport, Verdict, read};
use healthdeck::health::{AlertValue, FleetState, HealthSet, Monitor, MonitorPolicy, Role, Server};
use healthdeck::incident::Entry;
use healthdeck::update::{AppState, DrillRow, Screen, update};
use std::time::Duration;

fn verdict(name: &str) -> Verdict {
    common::exchange_verdict(name)
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, h, m, 0).unwrap()
}

// ---- the grid, by events -----------------------------------------------------------

fn console() -> AppState {
    let fleet = common::exchange_fleet();
    let mut state = common::production(fleet, "exchange-lab", at(3, 12));
    state.launch.platform = healthdeck::runbook::platform::Platform::Exchange;
    state
}

fn answer(
    state: &mut AppState,
    server: usize,
    answer: Result<Option<Verdict>, String>,
) -> Vec<Effect> {
    update(
        state,
        Event::Exchange(vec![ExchangeReport {
            server,
            at: state.now,
            answer,
        }]),
    )
}

fn press(state: &mut AppState, code: KeyCode) -> Vec<Effect> {
    update(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn cells(state: &AppState, server: usize) -> Vec<Option<AlertValue>> {
    HealthSet::ALL
        .iter()
        .map(|s| state.fleet.cell(server, *s).alert)
        .collect()
}

fn recorded(effects: &[Effect]) -> Vec<Entry> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Record(entry) => Some(entry.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_grid_opens_unknown_and_shows_exchanges_verdict_as_exchange_says_it() {
    let mut state = console();
    assert_eq!(
        cells(&state, 0),
        [Some(AlertValue::Unknown); 6],
        "waiting: never healthy"
    );
    let effects = answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    let u = Some(AlertValue::Unhealthy);
    let h = Some(AlertValue::Healthy);
    assert_eq!(cells(&state, 0), [u, h, h, h, h, h]);
    assert_eq!(state.fleet.cell(0, HealthSet::Imap).since, Some(at(3, 1)));
    let entries = recorded(&effects);
    assert_eq!(entries.len(), 1, "a first Healthy is no news: {entries:?}");
    assert!(
        matches!(&entries[0], Entry::Transition { monitor, to, source, .. }
        if monitor == "ImapCTPMonitor" && to == "Unhealthy" && source.as_deref() == Some("exchange"))
    );
    // The healthdeck monitors nothing feeds are out of the count; Exchange's nine are in.
    let counts = state.fleet.counts();
    assert_eq!(counts[AlertValue::Unhealthy.index()], 1);
    assert_eq!(counts[AlertValue::Healthy.index()], 8);
}

#[test]
fn unhealthy_then_healthy_is_recorded_as_two_transitions_from_exchange() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    let effects = answer(&mut state, 0, Ok(Some(verdict("pwsh7-healthy.json"))));
    assert_eq!(cells(&state, 0), [Some(AlertValue::Healthy); 6]);
    let entries = recorded(&effects);
    assert!(
        matches!(&entries[..], [Entry::Transition { from, to, .. }] if from == "Unhealthy" && to == "Healthy"),
        "{entries:?}"
    );
}

#[test]
fn degraded_disabled_stale_and_an_inactive_proxy_show_where_they_should() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-proxy-offline.json"))));
    let cells = cells(&state, 0);
    assert_eq!(
        cells[HealthSet::ImapProxy.index()],
        Some(AlertValue::Unhealthy)
    );
    assert_eq!(cells[HealthSet::Pop.index()], Some(AlertValue::Degraded));
    // PopSelfTest Disabled leaves the roll-up; the deep test Exchange calls Healthy but
    // stale is Unknown, never healthy, since Exchange last ran it.
    assert_eq!(
        cells[HealthSet::PopProtocol.index()],
        Some(AlertValue::Unknown)
    );
    let since = state.fleet.cell(0, HealthSet::PopProtocol).since;
    assert_eq!(
        since,
        Some(Utc.with_ymd_and_hms(2026, 12, 4, 22, 0, 0).unwrap())
    );
    let verdict = state.fleet.exchange(0).unwrap();
    let off: Vec<_> = verdict.inactive().collect();
    assert_eq!(off.len(), 1);
    assert_eq!(
        (off[0].name.as_str(), off[0].requesters.as_slice()),
        ("ImapProxy", &["HealthAPI".to_owned()][..])
    );
    assert!(
        verdict
            .monitors
            .iter()
            .any(|m| m.is_stale && m.name == "PopDeepTestMonitor")
    );
}

#[test]
fn a_failed_an_empty_and_a_hung_poll_are_unknown_with_the_reason_and_recorded() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    let effects = answer(
        &mut state,
        0,
        Err("the poll failed (exit 1): WinRM cannot complete the operation".into()),
    );
    assert_eq!(
        cells(&state, 0),
        [Some(AlertValue::Unknown); 6],
        "never stale-green, never stale-red"
    );
    let why = state
        .fleet
        .exchange(0)
        .unwrap()
        .unknown_why(HealthSet::Pop)
        .unwrap();
    assert!(why.contains("WinRM"), "{why}");
    assert_eq!(state.fleet.exchange_silent(), 1, "the banner's count");
    assert!(
        matches!(&recorded(&effects)[..], [Entry::ExchangePoll { state, why: Some(why), .. }]
        if state == "failed" && why.contains("WinRM"))
    );
    // The same failure again is no news; an empty answer is.
    let again = answer(
        &mut state,
        0,
        Err("the poll failed (exit 1): WinRM cannot complete the operation".into()),
    );
    assert!(recorded(&again).is_empty());
    let empty = answer(&mut state, 0, Ok(None));
    assert!(
        matches!(&recorded(&empty)[..], [Entry::ExchangePoll { state, .. }] if state == "empty")
    );
    assert_eq!(cells(&state, 0), [Some(AlertValue::Unknown); 6]);
    // Back: the monitor is still Unhealthy as it was, so no transition; the poll answered.
    let back = answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    assert!(
        matches!(&recorded(&back)[..], [Entry::ExchangePoll { state, .. }] if state == "answered")
    );
    assert_eq!(cells(&state, 0)[0], Some(AlertValue::Unhealthy));
    assert_eq!(state.fleet.exchange_silent(), 0);
}

#[test]
fn the_drill_down_lists_exchanges_monitors_first_worst_selected_and_opens_seed_runbooks_only() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    press(&mut state, KeyCode::Enter);
    let Screen::Drill(drill) = &state.view.screen else {
        panic!("no drill-down")
    };
    let rows = state.drill_rows(0, HealthSet::Imap);
    // ImapCTPMonitor and the extra one; no healthdeck row (nothing feeds them).
    assert_eq!(rows, [DrillRow::Exchange(0), DrillRow::Exchange(1)]);
    assert_eq!(drill.selected, 0, "the Unhealthy one");
    // The extra monitor has no runbook and no probe the seeds name.
    press(&mut state, KeyCode::Down);
    press(&mut state, KeyCode::Enter);
    assert!(
        state
            .view
            .flash
            .as_deref()
            .unwrap()
            .starts_with("no runbook for this monitor")
    );
    let effects = press(&mut state, KeyCode::Char('r'));
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn r_on_an_exchange_monitor_runs_exchanges_own_probe() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    press(&mut state, KeyCode::Enter);
    let effects = press(&mut state, KeyCode::Char('r'));
    let started = effects.iter().find_map(|e| match e {
        Effect::Record(Entry::StepStarted { command, .. }) => command.clone(),
        _ => None,
    });
    assert_eq!(
        started.as_deref(),
        Some(
            "pwsh ex-01: Invoke-MonitoringProbe -Identity IMAP\\ImapCTPProbe -Server ex-01 | Select-Object ResultType,Error | ConvertTo-Json -EnumsAsStrings"
        )
    );
}

#[test]
fn an_answer_older_than_three_polls_is_unknown_not_an_old_verdict_shown_as_current() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-healthy.json"))));
    let later = state.now + chrono::TimeDelta::minutes(3);
    update(&mut state, Event::Tick(later));
    assert_eq!(
        cells(&state, 0),
        [Some(AlertValue::Healthy); 6],
        "within the limit"
    );
    let effects = update(
        &mut state,
        Event::Tick(later + chrono::TimeDelta::minutes(2)),
    );
    assert_eq!(cells(&state, 0), [Some(AlertValue::Unknown); 6]);
    assert!(
        matches!(&recorded(&effects)[..], [Entry::ExchangePoll { why: Some(why), .. }]
        if why.contains("polls are behind")),
        "{effects:?}"
    );
}

#[test]
fn enter_on_exchanges_unhealthy_monitor_opens_its_runbook_though_healthdeck_probes_nothing() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-proxy-offline.json"))));
    state.view.cursor_col = HealthSet::ImapProxy.index();
    press(&mut state, KeyCode::Enter);
    assert_eq!(
        state.drill_rows(0, HealthSet::ImapProxy),
        [DrillRow::Exchange(1)]
    );
    press(&mut state, KeyCode::Enter);
    let pane = state
        .runbook
        .as_ref()
        .expect("the runbook opens on Exchange's word");
    assert_eq!(pane.monitor.name(), "ImapProxyTestMonitor");
    assert_eq!(
        state.fleet.alert_of(0, pane.monitor).map(|(a, _)| a),
        Some(AlertValue::Unhealthy)
    );
}

/// ex-01 and ex-02 probed by healthdeck too: nothing is left unwatched.
fn console_with_probes() -> AppState {
    let servers = ["ex-01", "ex-02"].map(|name| Server {
        name: name.to_owned(),
        role: Role::Both,
        site: "DAG1".to_owned(),
    });
    let mut fleet = FleetState::new(servers.into(), MonitorPolicy::defaults(), false);
    fleet.watch_exchange(&[], chrono::TimeDelta::minutes(4));
    common::production(fleet, "exchange-lab", at(3, 12))
}

fn ctp(state: &mut AppState, succeeded: bool) {
    let report = healthdeck::health::ProbeReport {
        server: 0,
        probe: Monitor::find(HealthSet::Imap, "ImapCTPMonitor")
            .unwrap()
            .probe()
            .unwrap(),
        at: state.now,
        succeeded,
        latency_ms: 20,
        error: (!succeeded).then(|| "LOGIN timed out".to_owned()),
        late_ms: 0,
    };
    update(state, Event::Probes(vec![report]));
}

#[test]
fn where_both_sources_watch_a_cell_is_the_worst_of_both_and_each_row_says_whose_it_is() {
    let mut state = console_with_probes();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-healthy.json"))));
    for _ in 0..3 {
        ctp(&mut state, false);
    }
    // healthdeck's probe fails while Exchange says Healthy: the cell is not Healthy.
    assert_eq!(
        state.fleet.cell(0, HealthSet::Imap).alert,
        Some(AlertValue::Degraded)
    );
    let rows = state.drill_rows(0, HealthSet::Imap);
    let imap_ctp = Monitor::find(HealthSet::Imap, "ImapCTPMonitor").unwrap();
    assert_eq!(
        rows[..2],
        [DrillRow::Exchange(0), DrillRow::Exchange(1)],
        "Exchange's first"
    );
    assert!(rows.contains(&DrillRow::Probe(imap_ctp)), "{rows:?}");
    assert_eq!(
        state.row_alert(0, DrillRow::Exchange(0)),
        Some(AlertValue::Healthy)
    );
    assert_eq!(
        state.row_alert(0, DrillRow::Probe(imap_ctp)),
        Some(AlertValue::Degraded)
    );
    // And the other way round: Exchange says Unhealthy, healthdeck's probe passes.
    for _ in 0..2 {
        ctp(&mut state, true);
    }
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    assert_eq!(
        state.fleet.cell(0, HealthSet::Imap).alert,
        Some(AlertValue::Unhealthy)
    );
    assert_eq!(
        state.fleet.alert_of(0, imap_ctp).map(|(a, _)| a),
        Some(AlertValue::Unhealthy)
    );
}

#[test]
fn a_runbooks_probe_step_on_a_server_only_exchange_watches_runs_exchanges_probe() {
    let state = console();
    let monitor = Monitor::find(HealthSet::Imap, "ImapCTPMonitor").unwrap();
    let server = state.fleet.servers()[0].clone();
    let call = healthdeck::runbook::StepCall::plain(
        ("imap-ctp", "rerun"),
        server,
        monitor,
        healthdeck::runbook::RecoveryAction::RerunProbe,
    );
    let prepared = healthdeck::update::runbook::prepare::prepare(&state, &call);
    assert_eq!(
        prepared.command.as_deref(),
        Some(
            "pwsh ex-01: Invoke-MonitoringProbe -Identity IMAP\\ImapCTPProbe -Server ex-01 | Select-Object ResultType,Error | ConvertTo-Json -EnumsAsStrings"
        )
    );
    assert!(prepared.work.is_ok(), "{:?}", prepared.work);
}

#[test]
fn exchanges_own_probe_ending_asks_for_exchanges_verdict_now_and_says_its_result() {
    let mut state = console();
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    press(&mut state, KeyCode::Enter);
    let effects = press(&mut state, KeyCode::Char('r'));
    let run = effects
        .iter()
        .find_map(|e| match e {
            Effect::Start(job) => Some(job.run),
            _ => None,
        })
        .unwrap();
    let end = healthdeck::job::JobEnd {
        exit: healthdeck::runbook::StepExit::Succeeded,
        duration: Duration::from_secs(3),
        stdout: r#"{"ResultType":"Succeeded","Error":""}"#.to_owned(),
        answer: None,
        note: None,
        ran: true,
    };
    let effects = update(&mut state, Event::StepEnded { run, end });
    assert!(effects.contains(&Effect::PollExchange(0)), "{effects:?}");
    let flash = state.view.flash.as_deref().unwrap();
    assert_eq!(flash, "ImapCTPProbe on ex-01: Succeeded");
}

#[test]
fn one_name_for_two_targets_is_two_monitors_and_no_false_transition() {
    let mut state = console();
    let text = r#"[{"HealthSetName":"IMAP","Name":"ImapCTPMonitor","AlertValue":"Healthy","TargetResource":"A"},
                   {"HealthSetName":"IMAP","Name":"ImapCTPMonitor","AlertValue":"Unhealthy","TargetResource":"B"}]"#;
    let first = answer(&mut state, 0, Ok(read(text).unwrap()));
    assert!(
        matches!(&recorded(&first)[..], [Entry::Transition { monitor, .. }] if monitor == "ImapCTPMonitor (B)")
    );
    for _ in 0..3 {
        let again = answer(&mut state, 0, Ok(read(text).unwrap()));
        assert!(recorded(&again).is_empty(), "nothing changed: {again:?}");
    }
}

#[test]
fn the_drill_down_cursor_stays_on_its_monitor_when_exchange_answers_in_another_order() {
    let mut state = console();
    let row = |name: &str| {
        format!(r#"{{"HealthSetName":"IMAP","Name":"{name}","AlertValue":"Unhealthy"}}"#)
    };
    let ctp = row("ImapCTPMonitor");
    let latency = row("AverageCommandProcessingTimeGt60sMonitor");
    answer(
        &mut state,
        0,
        Ok(read(&format!("[{ctp},{latency}]")).unwrap()),
    );
    press(&mut state, KeyCode::Enter);
    press(&mut state, KeyCode::Down);
    answer(
        &mut state,
        0,
        Ok(read(&format!("[{latency},{ctp}]")).unwrap()),
    );
    let Screen::Drill(drill) = &state.view.screen else {
        panic!("no drill-down")
    };
    let DrillRow::Exchange(i) = state.drill_rows(0, HealthSet::Imap)[drill.selected] else {
        panic!("not an Exchange row")
    };
    let chosen = &state.fleet.exchange(0).unwrap().monitors[i].name;
    assert_eq!(chosen, "AverageCommandProcessingTimeGt60sMonitor");
}

#[test]
fn under_dry_run_r_shows_exchanges_probe_and_runs_nothing() {
    let mut state = console();
    state.launch.banner.dry_run = true;
    answer(&mut state, 0, Ok(Some(verdict("pwsh7-unhealthy.json"))));
    press(&mut state, KeyCode::Enter);
    let effects = press(&mut state, KeyCode::Char('r'));
    assert!(effects.is_empty(), "{effects:?}");
    let flash = state.view.flash.as_deref().unwrap();
    assert!(
        flash.starts_with("dry-run: not run: pwsh ex-01: Invoke-MonitoringProbe"),
        "{flash}"
    );
}

#[test]
fn a_management_host_failing_every_poll_at_once_is_one_record_line() {
    let servers: Vec<Server> = (1..=12)
        .map(|i| Server {
            name: format!("ex-{i:02}"),
            role: Role::Both,
            site: "DAG1".to_owned(),
        })
        .collect();
    let mut fleet = FleetState::new(servers, MonitorPolicy::defaults(), false);
    fleet.watch_exchange(&[], chrono::TimeDelta::minutes(4));
    let mut state = common::production(fleet, "exchange-lab", at(3, 12));
    let why = "the poll failed (exit 1): WinRM cannot complete the operation";
    let mut reports: Vec<ExchangeReport> = (0..12)
        .map(|server| ExchangeReport {
            server,
            at: state.now,
            answer: Err(why.to_owned()),
        })
        .collect();
    // One of them fails otherwise: a line of its own.
    reports[5].answer = Err("no answer within 45s: the poll was stopped".to_owned());
    let effects = update(&mut state, Event::Exchange(reports));
    let entries = recorded(&effects);
    assert_eq!(entries.len(), 2, "{entries:?}");
    let Entry::ExchangePolls {
        count,
        state: poll,
        servers,
        ..
    } = &entries[0]
    else {
        panic!("{entries:?}")
    };
    assert_eq!((*count, poll.as_str()), (11, "failed"));
    assert_eq!(servers.len(), 10, "the first ten named");
    assert_eq!(servers[0], "ex-01");
    assert!(matches!(&entries[1], Entry::ExchangePoll { server, .. } if server == "ex-06"));
    assert_eq!(state.fleet.exchange_silent(), 12);
}
