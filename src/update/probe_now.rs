//! `r` in the drill-down: the selected monitor's probe, now. It runs as a job like a
//! runbook step (a real probe on a real fleet, the simulator in training), is recorded, and
//! its result comes back as a status-line message (and, on a real fleet, into the monitor).

use super::state::{AppState, DrillRow, Screen};
use crate::effect::Effect;
use crate::i18n::Tr;
use crate::incident::Entry;
use crate::job::{Job, JobEnd, RunId};
use crate::runbook::platform::exchange;
use crate::runbook::{Expectation, RecoveryAction, StepCall, StepExit};

pub(super) fn start(state: &mut AppState) -> Vec<Effect> {
    let Screen::Drill(drill) = &state.view.screen else {
        return Vec::new();
    };
    let rows = state.drill_rows(drill.server, drill.set);
    let Some(row) = rows.get(drill.selected).copied() else {
        return Vec::new();
    };
    let Some(monitor) = state.row_monitor(drill.server, row) else {
        state.view.flash = Some(state.tr().text("flash-exchange-no-probe").to_owned());
        return Vec::new();
    };
    let Some(probe) = monitor.probe() else {
        let args = [("monitor", monitor.name().into())];
        state.view.flash = Some(state.tr().fmt("flash-no-probe-of-its-own", &args));
        return Vec::new();
    };
    let server = state.fleet.servers()[drill.server].clone();
    let call = StepCall::plain(
        ("drill-down", "rerun-probe"),
        server.clone(),
        monitor,
        RecoveryAction::RerunProbe,
    );
    // Exchange's monitor: Exchange's own probe (Invoke-MonitoringProbe); healthdeck's:
    // its own probe, in process.
    let plan = match row {
        DrillRow::Exchange(_) => super::runbook::prepare::exchange_step(state, &call),
        DrillRow::Probe(_) => super::runbook::prepare::prepare(state, &call),
    };
    // Exchange's probe is a pwsh command like a step's: dry-run shows it, runs nothing.
    let exchange = matches!(row, DrillRow::Exchange(_));
    if exchange && super::runbook::prepare::held_back(&state.launch.banner, &call).is_some() {
        let command = plan.command.unwrap_or_default();
        let args = [("command", command.into())];
        state.view.flash = Some(state.tr().fmt("flash-dry-run-not-run", &args));
        return Vec::new();
    }
    let work = match plan.work {
        Ok(work) => work,
        Err(why) => {
            state.view.flash = Some(why.in_language(state.tr()));
            return Vec::new();
        }
    };
    let args = [("probe", probe.name().into())];
    let what = (
        state.tr().fmt("what-rerun-probe", &args),
        Tr::english().fmt("what-rerun-probe", &args),
    );
    if super::unrecorded::ask(state, super::Unrecorded::Probe, what, server.name.clone()) {
        return Vec::new();
    }
    state.last_run += 1;
    let run = RunId(state.last_run);
    // Exchange's probe answers in JSON, read when it ends.
    let read_as = matches!(row, DrillRow::Exchange(_)).then(|| call.clone());
    let args = [
        ("probe", probe.name().into()),
        ("server", server.name.as_str().into()),
    ];
    let what = state.tr().fmt("what-probe-on", &args);
    state.probing_now = Some((run, what, read_as));
    let args = [
        ("probe", probe.name().into()),
        ("server", server.name.as_str().into()),
    ];
    state.view.flash = Some(state.tr().fmt("flash-probing-now", &args));
    vec![
        Effect::Record(Entry::StepStarted {
            run: run.0,
            procedure: call.procedure,
            step: call.step,
            title: format!("Re-run {}", probe.name()),
            server: server.name,
            action: call.action.name().to_owned(),
            services: Vec::new(),
            command: plan.command,
            by: state.launch.operator.clone(),
            compensating: false,
        }),
        Effect::Start(Job { run, work }),
    ]
}

/// The server of the probe `run`, while it runs.
pub(super) fn server_of(state: &AppState, run: RunId) -> Option<usize> {
    let (asked, _, call) = state.probing_now.as_ref()?;
    let name = &call.as_ref()?.server.name;
    (*asked == run)
        .then(|| state.fleet.servers().iter().position(|s| s.name == *name))
        .flatten()
}

/// The probe's end: its result on the status line. True when `run` was this probe.
pub(super) fn ended(state: &mut AppState, run: RunId, end: &JobEnd) -> bool {
    let Some((asked, what, read_as)) = state.probing_now.take_if(|(r, ..)| *r == run) else {
        return false;
    };
    debug_assert_eq!(asked, run);
    let read = read_as
        .filter(|_| end.exit == StepExit::Succeeded)
        .and_then(|call| exchange::read(&call, &end.stdout).ok());
    let facts = match (&end.answer, &read) {
        (Some(answer), _) => answer.facts.as_slice(),
        (None, Some(reading)) => reading.facts.as_slice(),
        (None, None) => &[],
    };
    let succeeded = facts
        .iter()
        .find(|(e, _)| *e == Expectation::ProbeSucceeded)
        .map(|(_, v)| *v);
    let tr = state.tr();
    state.view.flash = Some(match (end.exit, succeeded) {
        (StepExit::Succeeded, Some(true)) => {
            tr.fmt("flash-probe-succeeded", &[("what", what.into())])
        }
        (StepExit::Succeeded, Some(false)) => {
            tr.fmt("flash-probe-failed", &[("what", what.into())])
        }
        (exit, _) => {
            let exit = crate::i18n::words::exit(tr, &exit);
            tr.fmt(
                "flash-probe-not-run",
                &[("what", what.into()), ("exit", exit.into())],
            )
        }
    });
    true
}
