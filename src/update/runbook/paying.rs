//! From the drill-down, what is owed on the server: run it (`u`) without walking the
//! runbook again, or write it off (`x`) with a typed name and reason.

use super::{RunbookPane, reason, show};
use crate::effect::Effect;
use crate::health::Monitor;
use crate::incident::Entry;
use crate::runbook::{Debt, Walk};
use crate::update::state::{AppState, Purpose, Screen};

/// What is owed on the drill-down's server, oldest first.
fn owed_here(state: &AppState) -> Option<Vec<Debt>> {
    let Screen::Drill(drill) = &state.view.screen else {
        return None;
    };
    let server = &state.fleet.servers()[drill.server].name;
    let owed: Vec<Debt> = state
        .owed()
        .into_iter()
        .filter(|d| d.server == *server)
        .cloned()
        .collect();
    (!owed.is_empty()).then_some(owed)
}

/// `u`: a pane that runs the oldest debt's compensation steps on this server (all of that
/// runbook's debts here), each confirmed like any other destructive step.
pub(in crate::update) fn pay(state: &mut AppState) -> Vec<Effect> {
    let tr = state.tr();
    let Some(owed) = owed_here(state) else {
        state.view.flash = Some(tr.text("flash-nothing-owed-here").to_owned());
        return Vec::new();
    };
    if state.runbook.is_some() {
        state.view.flash = Some(tr.text("flash-runbook-open").to_owned());
        return Vec::new();
    }
    let Screen::Drill(drill) = state.view.screen.clone() else {
        return Vec::new();
    };
    let Some(library) = state.launch.library else {
        state.view.flash = Some(tr.text("flash-runbooks-not-loaded").to_owned());
        return Vec::new();
    };
    let first = &owed[0];
    let debts: Vec<&Debt> = owed
        .iter()
        .filter(|d| d.procedure == first.procedure)
        .collect();
    let steps: Vec<String> = debts.iter().map(|d| d.step.clone()).collect();
    let monitor = Monitor::ALL.into_iter().find(|m| m.name() == first.monitor);
    let procedure = library.procedure(&first.procedure);
    let (Some(monitor), Some(procedure)) = (monitor, procedure) else {
        let args = [("owed", first.title.as_str().into())];
        state.view.flash = Some(tr.fmt("flash-owed-unknown-step", &args));
        return Vec::new();
    };
    let server = state.fleet.servers()[drill.server].clone();
    let walk = match Walk::paying(library, procedure.id(), server.clone(), monitor, &steps) {
        Ok(walk) => walk,
        Err(error) => {
            let args = [("error", error.to_string().into())];
            state.view.flash = Some(tr.fmt("flash-cannot-pay", &args));
            return Vec::new();
        }
    };
    let mut pane = RunbookPane::new(procedure, drill.server, monitor, walk);
    pane.paying = true;
    pane.walk_id = state.next_walk_id();
    let now = state.now;
    for debt in &debts {
        let owed = state.owed_line(debt);
        pane.log
            .note(now, tr.fmt("note-owed", &[("owed", owed.into())]));
    }
    pane.highlight = pane.current_row();
    let title = crate::runbook::titles::paying_title(procedure.id());
    state.runbook = Some(Box::new(pane));
    show(state, drill);
    vec![Effect::Record(Entry::RunbookOpened {
        procedure: procedure.id().to_owned(),
        title,
        monitor: monitor.name().to_owned(),
        server: server.name,
    })]
}

/// `x`: write off the oldest debt on this server, once its name and a reason are typed.
pub(in crate::update) fn write_off(state: &mut AppState) -> Vec<Effect> {
    let Some(owed) = owed_here(state) else {
        state.view.flash = Some(state.tr().text("flash-nothing-owed-here").to_owned());
        return Vec::new();
    };
    let debt = owed.into_iter().next().map(Box::new);
    if let Some(debt) = debt {
        reason::ask(state, Purpose::WriteOff(debt));
    }
    Vec::new()
}
