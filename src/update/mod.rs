//! The pure state transition: one event in, state changed, effects out. No I/O, no clock.

pub mod command;
pub mod drill_run;
mod examined;
pub mod launched;
mod navigation;
mod pace;
mod probe_now;
mod prompt;
pub mod rows;
pub mod runbook;
mod shared;
pub mod state;
mod unrecorded;

pub use launched::Launch;
pub use state::{
    AppState, Banner, DrillRow, DrillState, Mode, Prompt, Purpose, Screen, Unrecorded,
};

use crate::action::Action;
use crate::effect::{Effect, QuitReason};
use crate::event::Event;
use crate::health::AlertValue;
use crate::incident::Entry;
use crate::keymap::KeyContext;
use crate::layout;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Applies one event. Everything the console decides happens here.
pub fn update(state: &mut AppState, event: Event) -> Vec<Effect> {
    let shown = state.view.flash.clone();
    let keyed = matches!(event, Event::Key(_));
    // A notice of the runtime's has no effects (the loop drops them).
    let notice = matches!(event, Event::Notice(_));
    let mut effects = apply_event(state, event);
    if keyed {
        effects.extend(examined::look(state));
    }
    if !notice {
        drill_run::follow(state, &mut effects);
    }
    runbook::refresh_preview(state);
    // The status bar may cut a message short: help keeps the last ones whole.
    if let Some(flash) = state
        .view
        .flash
        .as_ref()
        .filter(|f| shown.as_ref() != Some(*f))
    {
        if state.view.messages.back() != Some(flash) {
            state.view.messages.push_back(flash.clone());
        }
        while state.view.messages.len() > 3 {
            state.view.messages.pop_front();
        }
    }
    effects
}

fn apply_event(state: &mut AppState, event: Event) -> Vec<Effect> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Event::Key(key) if key.modifiers.contains(KeyModifiers::ALT) => {
            // No binding uses Alt: an "Alt+key" is Esc and a key that arrived in one packet
            // (a slow SSH link, or a quick typist), so it is handled as the two keys.
            let mut effects = self::key(state, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
            effects.extend(self::key(state, plain));
            effects
        }
        Event::Key(key) => self::key(state, key),
        Event::Resize { width, height } => {
            state.view.width = width;
            state.view.height = height;
            // The notice as said in the console's language, not its English start.
            let notice = state.tr().text("flash-too-small");
            if !layout::too_small(width, height) && state.view.flash.as_deref() == Some(notice) {
                state.view.flash = None;
            }
            navigation::keep_cursor_visible(state);
            Vec::new()
        }
        Event::Tick(now) => {
            state.now = state.now.max(now);
            state.fleet.tick(state.now);
            state.fleet.exchange_overdue(state.now);
            state.fleet.shared_overdue(state.now);
            rows::follow_the_fleet(state);
            let mut effects = transitions(state);
            effects.extend(runbook::tick(state));
            effects
        }
        Event::Probes(reports) => {
            for report in &reports {
                state.fleet.apply_probe(report);
            }
            transitions(state)
        }
        Event::Pace(now) => pace::pace(state, now),
        Event::Exchange(reports) => exchange(state, reports),
        Event::Shared(update) => shared::read(state, update),
        Event::AckDone(done) => shared::ack_done(state, done),
        Event::Metrics(reports) => {
            for report in &reports {
                state.fleet.apply_metric(report);
            }
            transitions(state)
        }
        Event::Signal(signal) => vec![Effect::Quit(QuitReason::Signal(signal))],
        Event::StepOutput { run, lines } => {
            // Lines are stamped on the fleet clock: the console's "now" is at least that.
            if let Some(last) = lines.last() {
                state.now = state.now.max(last.at);
            }
            runbook::output(state, run, lines);
            Vec::new()
        }
        Event::StepEnded { run, end } => step_ended(state, run, end),
        Event::LockStale {
            run,
            server,
            holder,
            why,
        } => {
            runbook::lock_stale(state, run, &server, holder, why);
            Vec::new()
        }
        Event::Budget {
            server,
            service,
            left,
            limits,
        } => {
            state.budgets.insert((server, service), (left, limits));
            Vec::new()
        }
        Event::BudgetDenied {
            run,
            server,
            service,
            ..
        } => {
            runbook::budget_denied(state, run, &server, service);
            Vec::new()
        }
        Event::Ledger(ledger) => {
            runbook::debts::ledger(state, ledger);
            Vec::new()
        }
        Event::HandoverWritten {
            procedure,
            server,
            path,
        } => runbook::handover_written(state, (procedure, server), path),
        event @ (Event::Notice(_)
        | Event::RecordUnwritten(_)
        | Event::ThemeChanged(_)
        | Event::Exported(_)) => notice(state, event),
    }
}

/// A step's end. On a server Exchange watches, Exchange's verdict is asked for now: the
/// engineer should not wait out an interval to see what the step did.
fn step_ended(
    state: &mut AppState,
    run: crate::job::RunId,
    end: crate::job::JobEnd,
) -> Vec<Effect> {
    let on = runbook::running_server(state, run)
        .or_else(|| probe_now::server_of(state, run))
        .filter(|&server| state.fleet.exchange(server).is_some());
    probe_now::ended(state, run, &end);
    let mut effects = runbook::ended(state, run, end);
    effects.extend(on.map(Effect::PollExchange));
    effects
}

/// A server's Managed Availability poll, read.
fn exchange(
    state: &mut AppState,
    reports: Vec<crate::health::exchange::ExchangeReport>,
) -> Vec<Effect> {
    for report in reports {
        let server = report.server;
        let selected = navigation::selected_monitor(state, server);
        state.fleet.apply_exchange(report);
        // The drill-down keeps the monitor the cursor was on, not its place: Enter must
        // open the runbook of the monitor the engineer chose, whatever order Exchange
        // answers in.
        navigation::reselect(state, server, selected);
    }
    transitions(state)
}

/// What the runtime reports for the status bar and the banner.
fn notice(state: &mut AppState, event: Event) -> Vec<Effect> {
    match event {
        Event::Notice(note) => state.view.flash = Some(note),
        Event::RecordUnwritten(why) => state.record_unwritten = why,
        Event::ThemeChanged(theme) => command::theme_changed(state, theme),
        Event::Exported(path) => command::exported(state, path),
        _ => {}
    }
    Vec::new()
}

/// The loop drew a frame: keys typed from now on were typed at what is on screen.
pub fn frame_drawn(state: &mut AppState) {
    state.view.keys_blocked = false;
}

/// Alert changes become incident record lines; many monitors going stale at once become
/// one.
fn transitions(state: &mut AppState) -> Vec<Effect> {
    let mut changes = state.fleet.take_transitions();
    let mut effects = Vec::new();
    if let Some(stale) = pace::stale_at_once(state, &mut changes) {
        effects.push(Effect::Record(stale));
    }
    if let Some(fresh) = pace::fresh_at_once(state, &mut changes) {
        effects.push(Effect::Record(fresh));
    }
    for t in changes.iter().filter(|t| t.to == AlertValue::Healthy) {
        examined::forget(state, t.server, t.monitor);
    }
    effects.extend(changes.into_iter().map(|t| {
        Effect::Record(Entry::Transition {
            server: state.fleet.servers()[t.server].name.clone(),
            monitor: t.monitor.name().to_owned(),
            health_set: Some(t.monitor.health_set().name().to_owned()),
            from: t.from.word().to_owned(),
            to: t.to.word().to_owned(),
            source: state.fleet.shared().map(|_| "prometheus".to_owned()),
        })
    }));
    let (exchange, polls) = state.fleet.take_exchange_transitions();
    let name = |server: usize| state.fleet.servers()[server].name.clone();
    effects.extend(
        pace::polls_at_once(state, polls)
            .into_iter()
            .map(Effect::Record),
    );
    effects.extend(exchange.into_iter().map(|t| {
        Effect::Record(Entry::Transition {
            server: name(t.server),
            monitor: t.monitor,
            health_set: None,
            from: t.from.word().to_owned(),
            to: t.to.word().to_owned(),
            source: Some("exchange".to_owned()),
        })
    }));
    effects
}

fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    if state.view.keys_blocked {
        // Typed before the pane was on screen: it was meant for something else.
        return Vec::new();
    }
    if layout::too_small(state.view.width, state.view.height) && !acts_unseen(state, key) {
        // Nothing acts behind "terminal too small": a step nobody can see never runs.
        state.view.flash = Some(state.tr().text("flash-too-small").to_owned());
        return Vec::new();
    }
    state.view.flash = None;
    if state.view.unwatched.take().is_some() || std::mem::take(&mut state.view.owed_box) {
        // The key was for closing the report, not for acting on what is under it.
        return Vec::new();
    }
    match state.view.prompt {
        Some(Prompt::Filter { .. }) => return prompt::key(state, key),
        Some(Prompt::Command { .. }) => return command::key(state, key),
        Some(Prompt::Unrecorded { .. }) => return unrecorded::key(state, key),
        Some(_) => return runbook::prompt_key(state, key),
        None => {}
    }
    let context = key_context(state);
    let action = state.launch.keymap.action_for(key, context);
    action.map_or_else(Vec::new, |a| apply(state, a))
}

/// Where a key is pressed: help over a screen, or the screen.
pub fn key_context(state: &AppState) -> KeyContext {
    if state.view.help {
        return KeyContext::Help;
    }
    screen_context(&state.view.screen)
}

/// The screen's own keys (what help over it explains).
pub fn screen_context(screen: &Screen) -> KeyContext {
    match screen {
        Screen::Drill(_) => KeyContext::Drill,
        Screen::Runbook(_) => KeyContext::Runbook,
        Screen::Grid => KeyContext::Grid,
    }
}

/// The keys that may act while the screen is too small to show anything: quitting (which
/// asks, once visible, if steps run) and suspending. A prompt keeps its keys until it can be
/// seen again; only Ctrl-C gets through it.
fn acts_unseen(state: &AppState, key: KeyEvent) -> bool {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    if control && matches!(key.code, KeyCode::Char('c' | 'z')) {
        return true;
    }
    let action = state.launch.keymap.action_for(key, key_context(state));
    state.view.prompt.is_none() && matches!(action, Some(Action::Quit | Action::Suspend))
}

/// Applies one action (what a key meant).
pub fn apply(state: &mut AppState, action: Action) -> Vec<Effect> {
    if let Some(effects) = drill_run::intercept(state, action) {
        return effects;
    }
    if matches!(state.view.screen, Screen::Runbook(_))
        && !state.view.help
        && !matches!(
            action,
            Action::Quit | Action::Suspend | Action::Help | Action::CommandLine
        )
    {
        return runbook::apply(state, action);
    }
    match action {
        Action::Quit => return runbook::quit(state),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Help => state.view.help = !state.view.help,
        Action::Back if state.view.help => state.view.help = false,
        Action::Back => back(state),
        Action::Filter => prompt::open_filter(state),
        Action::CommandLine => command::open(state),
        Action::Open => return open(state),
        Action::RerunProbe => return probe_now::start(state),
        Action::Acknowledge => return shared::acknowledge(state),
        Action::Unacknowledge => return shared::unacknowledge(state),
        Action::PayOwed => return runbook::paying::pay(state),
        Action::WriteOff => return runbook::paying::write_off(state),
        Action::NextProblem => navigation::jump_to_problem(state, true),
        Action::PrevProblem => navigation::jump_to_problem(state, false),
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => navigation::step(state, action),
        _ => {}
    }
    Vec::new()
}

fn back(state: &mut AppState) {
    match state.view.screen {
        Screen::Drill(_) => state.view.screen = Screen::Grid,
        Screen::Grid if !state.view.filter.is_empty() => rows::set_filter(state, String::new()),
        Screen::Grid | Screen::Runbook(_) => {}
    }
}

fn open(state: &mut AppState) -> Vec<Effect> {
    if let Screen::Drill(drill) = &state.view.screen {
        let drill = drill.clone();
        let rows = state.drill_rows(drill.server, drill.set);
        let Some(row) = rows.get(drill.selected).copied() else {
            return Vec::new();
        };
        let Some(monitor) = state.row_monitor(drill.server, row) else {
            state.view.flash = Some(state.tr().text("flash-exchange-own-monitor").to_owned());
            return Vec::new();
        };
        let alert = state
            .row_alert(drill.server, row)
            .unwrap_or(AlertValue::Unknown);
        return runbook::open(state, &drill, (monitor, alert));
    }
    let Some(server) = state.cursor_server() else {
        return Vec::new();
    };
    let set = state.cursor_set();
    if state.fleet.cell(server, set).alert.is_none() {
        let s = &state.fleet.servers()[server];
        let tr = state.tr();
        let args = [
            ("set", set.name().into()),
            ("server", s.name.as_str().into()),
            ("role", crate::i18n::words::role(tr, s.role).into()),
        ];
        state.view.flash = Some(tr.fmt("flash-not-run-on-role", &args));
        return Vec::new();
    }
    // The worst monitor first: n, Enter, Enter lands on the one that is failing.
    let rows = state.drill_rows(server, set);
    let selected = [AlertValue::Unhealthy, AlertValue::Degraded]
        .into_iter()
        .find_map(|worst| {
            rows.iter()
                .position(|r| state.row_alert(server, *r) == Some(worst))
        })
        .unwrap_or(0);
    state.view.screen = Screen::Drill(DrillState {
        server,
        set,
        selected,
    });
    Vec::new()
}
