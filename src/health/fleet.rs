//! Servers × monitors: the health the grid shows, kept rolled up as results arrive.

use super::alert::{AlertValue, roll_up};
use super::cadence::Cadence;
use super::calendar::Calendar;
use super::catalog::{HealthSet, Probe, Protocol, Role};
use super::layout::{self, Layout, latency_room};
use super::monitor::{MonitorState, Sample};
use super::monitors::{Monitor, MonitorInput, MonitorKind};
use super::rules::MonitorPolicy;
use chrono::{DateTime, Utc};
use serde::Deserialize;

mod exchange;
mod replayed;
mod shared;
pub use exchange::{ExchangeTransition, PollChange};

/// A host in the fleet.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Server {
    pub name: String,
    pub role: Role,
    /// Site or DAG label.
    pub site: String,
}

/// One probe result, from any source (simulator or real probe).
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeReport {
    /// Index into the fleet's servers.
    pub server: usize,
    pub probe: Probe,
    pub at: DateTime<Utc>,
    pub succeeded: bool,
    pub latency_ms: u32,
    pub error: Option<String>,
    /// How long after it was due the probe started (0 from a source without a schedule).
    pub late_ms: u32,
}

/// One reading of the requests-queued metric.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricReport {
    pub server: usize,
    pub protocol: Protocol,
    pub at: DateTime<Utc>,
    pub queued: f64,
}

/// A grid cell: one server × one health set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cell {
    /// `None` when the health set does not run on the server's role.
    pub alert: Option<AlertValue>,
    /// When the cell last left Healthy.
    pub since: Option<DateTime<Utc>>,
    pub flapping: bool,
}

pub struct FleetState {
    servers: Vec<Server>,
    policies: [MonitorPolicy; Monitor::COUNT],
    /// Only the monitors a server's role runs, a server's together in `Monitor::ALL` order:
    /// a wake's results walk memory with no gaps (ARCHITECTURE "Idle is idle").
    monitors: Vec<MonitorState>,
    /// Where each server's monitors are in `monitors`.
    layout: Layout,
    /// When each monitor's probe really ran, beside `monitors` (kept apart: most reads of
    /// a monitor never look at it).
    cadence: Vec<Cadence>,
    cells: Vec<Cell>,
    counts: [usize; AlertValue::ALL.len()],
    /// The longest server name and site, in characters: the grid's column widths, kept
    /// here so a frame never scans the whole fleet.
    pub name_width: usize,
    pub site_width: usize,
    /// Bumped whenever any alert value changes, so the loop knows to redraw soon.
    pub alert_generation: u64,
    /// Alert changes not yet taken by the incident record.
    transitions: Vec<Transition>,
    /// Monitors a runbook step is running for: their cells show Repairing.
    repairing: Vec<(usize, Monitor)>,
    /// When each monitor (by id, `server * Monitor::COUNT + index`) is next due, earliest
    /// first. An entry is live while `queued` holds its time for the monitor; others were
    /// superseded by an earlier one and are skipped (ARCHITECTURE "Idle is idle").
    due: Calendar,
    /// The earliest live entry of each monitor in `due`, by its place in `monitors`: never
    /// later than the monitor's `next_due`, so a tick never misses one.
    queued: Vec<Option<DateTime<Utc>>>,
    /// Exchange's verdict per server; empty when no Exchange source watches the fleet.
    exchange: Vec<super::exchange::ExchangeServer>,
    exchange_transitions: Vec<ExchangeTransition>,
    poll_changes: Vec<PollChange>,
    /// How old Exchange's answer may grow before its server is Unknown.
    exchange_overdue: chrono::TimeDelta,
    /// Servers whose last poll failed or answered nothing (the banner's count).
    exchange_silent: usize,
    /// Prometheus' verdict and Alertmanager's acknowledgements; `None` when the console
    /// judges the fleet itself.
    shared: Option<super::shared::SharedStatus>,
    /// When Prometheus started to judge the fleet (a source never read is overdue from then).
    shared_since: DateTime<Utc>,
    shared_overdue: chrono::TimeDelta,
    /// Whether a first result (Unknown to Healthy) is a transition for the record.
    first_results_recorded: bool,
    /// Per monitor slot: it has had a value other than Unknown. Unknown to Healthy is then
    /// a monitor answering again (after going stale), news for the record; before, a first
    /// result.
    judged: Vec<bool>,
}

/// One monitor's alert value changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub server: usize,
    pub monitor: Monitor,
    pub from: AlertValue,
    pub to: AlertValue,
}

impl FleetState {
    /// `queue_metric`: whether a source feeds RequestsQueuedGt500Monitor; without one it is
    /// Disabled on a real fleet (ARCHITECTURE "Default monitor rules").
    pub fn new(
        servers: Vec<Server>,
        policies: [MonitorPolicy; Monitor::COUNT],
        queue_metric: bool,
    ) -> FleetState {
        let layout = Layout::new(servers.iter().map(|s| s.role));
        let mut monitors = Vec::with_capacity(layout.len());
        let mut counts = [0; AlertValue::ALL.len()];
        for server in &servers {
            for monitor in layout::runs(server.role) {
                let state = match monitor.input() {
                    MonitorInput::RequestsQueued(_) if !queue_metric => MonitorState::disabled(),
                    MonitorInput::CommandLatency(_) => MonitorState::with_latency_room(
                        latency_room(&policies, monitor, server.role),
                    ),
                    _ => MonitorState::default(),
                };
                counts[state.alert.index()] += 1;
                monitors.push(state);
            }
        }
        let width = |f: fn(&Server) -> &str| servers.iter().map(|s| f(s).chars().count()).max();
        let name_width = width(|s| &s.name).unwrap_or(6);
        let site_width = width(|s| &s.site).unwrap_or(4);
        let mut fleet = FleetState {
            name_width,
            site_width,
            cells: vec![Cell::default(); servers.len() * HealthSet::ALL.len()],
            queued: vec![None; monitors.len()],
            cadence: vec![Cadence::default(); monitors.len()],
            due: Calendar::default(),
            servers,
            policies,
            monitors,
            layout,
            counts,
            alert_generation: 0,
            transitions: Vec::new(),
            repairing: Vec::new(),
            exchange: Vec::new(),
            exchange_transitions: Vec::new(),
            poll_changes: Vec::new(),
            exchange_overdue: chrono::TimeDelta::zero(),
            exchange_silent: 0,
            shared: None,
            shared_since: DateTime::UNIX_EPOCH,
            shared_overdue: chrono::TimeDelta::zero(),
            first_results_recorded: false,
            judged: Vec::new(),
        };
        fleet.judged = vec![false; fleet.monitors.len()];
        for server in 0..fleet.servers.len() {
            for set in HealthSet::ALL {
                fleet.refresh_cell(server, set);
            }
        }
        fleet
    }

    pub fn servers(&self) -> &[Server] {
        &self.servers
    }

    pub fn policy(&self, monitor: Monitor) -> &MonitorPolicy {
        &self.policies[monitor.index()]
    }

    /// The monitor's state on a server, `None` when the server's role does not run it.
    pub fn monitor(&self, server: usize, monitor: Monitor) -> Option<&MonitorState> {
        let role = self.layout.role(server)?;
        monitor
            .applies_to(role)
            .then(|| &self.monitors[self.slot(server, monitor.index())])
    }

    /// When the monitor's probe last ran on a server, and how late.
    pub fn cadence(&self, server: usize, monitor: Monitor) -> Option<&Cadence> {
        let role = self.layout.role(server)?;
        monitor
            .applies_to(role)
            .then(|| &self.cadence[self.slot(server, monitor.index())])
    }

    fn slot(&self, server: usize, index: usize) -> usize {
        self.layout.slot(server, index)
    }

    pub fn cell(&self, server: usize, set: HealthSet) -> Cell {
        self.cells
            .get(server * HealthSet::ALL.len() + set.index())
            .copied()
            .unwrap_or_default()
    }

    /// Monitors per alert value, indexed by [`AlertValue::index`].
    pub fn counts(&self) -> &[usize; AlertValue::ALL.len()] {
        &self.counts
    }

    /// A runbook step starts (or stops) running for a monitor: while it runs, the
    /// monitor's cell shows Repairing (ARCHITECTURE "Alert values and roll-up") unless it is Healthy again.
    pub fn set_repairing(&mut self, server: usize, monitor: Monitor, on: bool) {
        self.repairing.retain(|r| *r != (server, monitor));
        if on {
            self.repairing.push((server, monitor));
        }
        if server < self.servers.len() {
            self.refresh_cell(server, monitor.health_set());
            self.alert_generation += 1;
        }
    }

    /// The alert changes since the last call, oldest first.
    pub fn take_transitions(&mut self) -> Vec<Transition> {
        std::mem::take(&mut self.transitions)
    }

    pub fn apply_probe(&mut self, report: &ProbeReport) {
        // Prometheus judges: a probe run here (`r`) is news for the drill-down only.
        if self.shared.is_some() {
            self.hear(report);
            self.alert_generation += 1;
            return;
        }
        for monitor in self.fed_by(report) {
            let sample = Sample::Probe {
                succeeded: report.succeeded,
                latency_ms: report.latency_ms,
            };
            let slot = self.slot(report.server, monitor.index());
            self.observe(slot, report.server, monitor, report.at, sample);
            if monitor.probe().is_some() {
                self.monitors[slot].remember(report.succeeded, report.error.as_deref());
                self.cadence[slot].observe(report);
            }
        }
    }

    pub fn apply_metric(&mut self, report: &MetricReport) {
        let monitor = Monitor::ALL
            .into_iter()
            .find(|m| m.input() == MonitorInput::RequestsQueued(report.protocol));
        if let Some(monitor) = monitor
            && let Some(role) = self.layout.role(report.server)
            && monitor.applies_to(role)
        {
            self.observe(
                self.slot(report.server, monitor.index()),
                report.server,
                monitor,
                report.at,
                Sample::Metric(report.queued),
            );
        }
    }

    /// Lets time pass (Degraded → Unhealthy, staleness, flapping) for the monitors that are
    /// due at `now`, and only those: a tick with nothing due costs a look at the calendar.
    /// Due monitors are visited in fleet order, as a visit of every monitor would meet them,
    /// so the transitions come in the same order.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        let mut due = Vec::new();
        self.due.take_due(now, &mut due);
        let mut ids: Vec<usize> = Vec::new();
        for (at, id) in due {
            let (server, index) = (id / Monitor::COUNT, id % Monitor::COUNT);
            let slot = self.slot(server, index);
            if self.queued[slot] != Some(at) {
                continue;
            }
            // Most visits: a settled monitor that heard a result since it was queued. Only
            // staleness can come due; not yet stale, it is queued again for then, in any
            // order (no transition comes of it).
            let state = &self.monitors[slot];
            if state.is_settled()
                && let Some(stale_at) = state.stale_at(&self.policies[index])
                && now < stale_at
            {
                self.queued[slot] = Some(stale_at);
                self.due.push(stale_at, id);
                continue;
            }
            self.queued[slot] = None;
            ids.push(id);
        }
        ids.sort_unstable();
        for id in ids {
            let (server, index) = (id / Monitor::COUNT, id % Monitor::COUNT);
            let slot = self.slot(server, index);
            let state = &mut self.monitors[slot];
            let monitor = Monitor::ALL[index];
            let policy = self.policies[index];
            let before = (state.alert, state.is_flapping(&policy));
            state.tick(&policy, now);
            if before != (state.alert, state.is_flapping(&policy)) {
                self.changed(server, monitor, before.0);
            }
            self.schedule(slot, id);
        }
    }

    /// No monitor changes by time alone before this (it may come early: a visit then
    /// finds nothing to do); `None`: time alone changes nothing.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        self.due.next()
    }

    /// Queues the monitor in `slot` (known in the calendar by `id`) for its next deadline,
    /// unless an earlier entry is already queued (that one's visit queues this one).
    fn schedule(&mut self, slot: usize, id: usize) {
        let policy = &self.policies[id % Monitor::COUNT];
        let Some(next) = self.monitors[slot].next_due(policy) else {
            return;
        };
        if self.queued[slot].is_none_or(|queued| next < queued) {
            self.queued[slot] = Some(next);
            self.due.push(next, id);
        }
    }

    fn observe(
        &mut self,
        slot: usize,
        server: usize,
        monitor: Monitor,
        at: DateTime<Utc>,
        sample: Sample,
    ) {
        let id = server * Monitor::COUNT + monitor.index();
        let state = &mut self.monitors[slot];
        // Most of a quiet fleet: Healthy, nothing in its windows, a deadline queued. While
        // it stays so, its deadline can only move later and its badge cannot change: none of
        // the bookkeeping below has anything to do, and a passing result is a few writes.
        if self.queued[slot].is_some() && state.pass(&self.policies[monitor.index()], at, sample) {
            return;
        }
        if self.queued[slot].is_some()
            && state.is_settled()
            && state.last_sample_at.is_none_or(|last| last <= at)
        {
            state.observe(&self.policies[monitor.index()], at, sample);
            if state.is_settled() {
                return;
            }
            if state.alert != AlertValue::Healthy {
                self.changed(server, monitor, AlertValue::Healthy);
            }
            self.schedule(slot, id);
            return;
        }
        let policy = self.policies[monitor.index()];
        let before = (state.alert, state.is_flapping(&policy));
        let inputs = state.deadline_inputs();
        state.observe(&policy, at, sample);
        // Most results move no deadline sooner (a passing probe only pushes staleness
        // later): then the entry already queued stands, and none is computed.
        let stands =
            self.queued[slot].is_some() && state.deadline_inputs().not_sooner_than(&inputs);
        if before != (state.alert, state.is_flapping(&policy)) {
            self.changed(server, monitor, before.0);
        }
        if !stands {
            self.schedule(slot, id);
        }
    }

    /// Records first results too: a training fleet is small, and a drill's score and a
    /// replay need to know a monitor was Healthy, not merely never named.
    pub fn record_first_results(&mut self) {
        self.first_results_recorded = true;
    }

    fn changed(&mut self, server: usize, monitor: Monitor, old: AlertValue) {
        let slot = self.slot(server, monitor.index());
        let new = self.monitors[slot].alert;
        if new != old {
            // A first result (Unknown → Healthy) is no news for a production record: a
            // fleet of thousands would write a line for every monitor at start.
            let first =
                old == AlertValue::Unknown && new == AlertValue::Healthy && !self.judged[slot];
            if new != AlertValue::Unknown {
                self.judged[slot] = true;
            }
            if !first || self.first_results_recorded {
                self.transitions.push(Transition {
                    server,
                    monitor,
                    from: old,
                    to: new,
                });
            }
            self.counts[old.index()] -= 1;
            self.counts[new.index()] += 1;
            self.alert_generation += 1;
        }
        self.refresh_cell(server, monitor.health_set());
    }

    fn refresh_cell(&mut self, server: usize, set: HealthSet) {
        let role = self.servers[server].role;
        let mut cell = Cell::default();
        let mut applicable = false;
        for monitor in Monitor::of(set).filter(|m| m.applies_to(role)) {
            applicable = true;
            let state = &self.monitors[self.slot(server, monitor.index())];
            let alert = if state.alert.is_problem() && self.repairing.contains(&(server, monitor)) {
                AlertValue::Repairing
            } else {
                state.alert
            };
            cell.alert =
                roll_up(cell.alert.into_iter().chain([alert])).or(Some(AlertValue::Disabled));
            if let Some(left) = state.left_healthy_at
                && state.alert != AlertValue::Healthy
            {
                cell.since = Some(cell.since.map_or(left, |s| s.min(left)));
            }
            cell.flapping |= state.is_flapping(&self.policies[monitor.index()]);
        }
        if applicable {
            self.exchange_into(server, set, &mut cell);
        } else {
            cell.alert = None;
        }
        self.cells[server * HealthSet::ALL.len() + set.index()] = cell;
    }
}

impl FleetState {
    /// The monitors a result feeds on its server, in `Monitor::ALL` order. A failed probe
    /// measured no command: its time (often the timeout) is no latency, and a server that
    /// never answers must not look fast (ARCHITECTURE "Unknown is never healthy").
    fn fed_by(&self, report: &ProbeReport) -> impl Iterator<Item = Monitor> + use<> {
        let role = self.layout.role(report.server);
        let failed = !report.succeeded;
        fed(report.probe).into_iter().filter(move |m| {
            role.is_some_and(|role| m.applies_to(role))
                && !(failed && m.kind == MonitorKind::CommandLatency)
        })
    }
}

/// The monitors a probe's result feeds: its own and its protocol's latency monitor, in
/// `Monitor::ALL` order (the order their transitions come in).
fn fed(probe: Probe) -> [Monitor; 2] {
    let own = Monitor::judging(probe);
    let latency = Monitor {
        protocol: probe.protocol,
        kind: MonitorKind::CommandLatency,
    };
    if latency.index() < own.index() {
        [latency, own]
    } else {
        [own, latency]
    }
}
