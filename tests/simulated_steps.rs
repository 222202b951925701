//! Training steps as jobs, with real tokio tasks: the simulator task plays the default
//! scenario on a fast fleet clock, `run_simulated` runs steps against it, and the events
//! come out as the console would read them.
#![allow(clippy::unwrap_used)]

use chrono::TimeDelta;
use healthdeck::event::Event;
use healthdeck::health::{AlertValue, Monitor, MonitorKind, Protocol, Server};
use healthdeck::job::{JobEnd, OutputLine, RunId, Stream};
use healthdeck::runbook::platform::training as platform;
use healthdeck::runbook::vocabulary::{RecoveryAction, ServiceChoice};
use healthdeck::runbook::{Expectation, StepCall, StepExit};
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::simulated::run_simulated;
use healthdeck::runtime::simulator::{self, SimRequest};
use healthdeck::training::{self, DEFAULT_SCENARIO, Simulator};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// No test may hang: each one ends within this, or fails.
const LIMIT: Duration = Duration::from_secs(30);

const DEEP: Monitor = Monitor {
    protocol: Protocol::Imap,
    kind: MonitorKind::DeepTest,
};

/// The default scenario played by the simulator task.
struct Fleet {
    clock: FleetClock,
    sim: Option<mpsc::Sender<SimRequest>>,
    tx: mpsc::Sender<Event>,
    events: mpsc::Receiver<Event>,
    task: JoinHandle<()>,
    runs: u64,
    /// `Event::Probes` batches read so far.
    probe_batches: usize,
}

/// What one step reported, in the order it arrived.
struct Step {
    lines: Vec<OutputLine>,
    end: JobEnd,
    /// Probe batches that arrived between the step's start and its end.
    probe_batches: usize,
}

impl Step {
    fn fact(&self, expectation: Expectation) -> bool {
        let answer = self.end.answer.as_ref().expect("the simulator answered");
        answer
            .facts
            .iter()
            .find(|(e, _)| *e == expectation)
            .unwrap_or_else(|| panic!("no {} in {:?}", expectation.name(), answer.facts))
            .1
    }

    fn texts(&self) -> Vec<(Stream, &str)> {
        self.lines
            .iter()
            .map(|l| (l.stream, l.text.as_str()))
            .collect()
    }
}

fn server(name: &str) -> Server {
    let scenario = training::load(DEFAULT_SCENARIO).unwrap();
    scenario.fleet.into_iter().find(|s| s.name == name).unwrap()
}

/// A step on `server` about ImapDeepTestMonitor, as a walk would ask for it.
fn call(server_name: &str, action: RecoveryAction) -> StepCall {
    let step = ("imap-deep-self", action.name());
    let mut call = StepCall::plain(step, server(server_name), DEEP, action);
    call.service = (action == RecoveryAction::RestartService).then_some(ServiceChoice::BackEnd);
    call
}

impl Fleet {
    fn start(speed: f64) -> Fleet {
        let clock = FleetClock::new(speed);
        let scenario = training::load(DEFAULT_SCENARIO).unwrap();
        let simulator = Simulator::new(scenario, clock.start());
        let (tx, events) = mpsc::channel(1_024);
        let (sim, jobs) = mpsc::channel(16);
        let task = tokio::spawn(simulator::run(simulator, clock, tx.clone(), jobs));
        Fleet {
            clock,
            sim: Some(sim),
            tx,
            events,
            task,
            runs: 0,
            probe_batches: 0,
        }
    }

    fn count(&mut self, event: &Event) {
        if matches!(event, Event::Probes(p) if !p.is_empty()) {
            self.probe_batches += 1;
        }
    }

    /// An event read while no step runs: probes and metrics only.
    fn idle(&mut self, event: &Event) {
        assert!(
            !matches!(event, Event::StepOutput { .. } | Event::StepEnded { .. }),
            "a step event while no step runs: {event:?}"
        );
        self.count(event);
    }

    /// Reads events until fleet time is `seconds` past the start.
    async fn until(&mut self, seconds: i64) {
        let at = self.clock.start() + TimeDelta::seconds(seconds);
        while self.clock.now() < at {
            tokio::select! {
                Some(event) = self.events.recv() => self.idle(&event),
                () = tokio::time::sleep(Duration::from_millis(5)) => {}
            }
        }
    }

    /// Reads events until `n` more probe batches came; no step may be running.
    async fn probe_batches(&mut self, n: usize) {
        let until = self.probe_batches + n;
        while self.probe_batches < until {
            let event = self.events.recv().await.expect("the simulator task runs");
            self.idle(&event);
        }
    }

    /// Starts a step; returns its run and its cancel handle.
    fn spawn(&mut self, call: StepCall) -> (RunId, oneshot::Sender<()>) {
        self.runs += 1;
        let run = RunId(self.runs);
        let (cancel, cancelled) = oneshot::channel();
        let sim = self.sim.clone().expect("jobs still open");
        tokio::spawn(run_simulated(
            run,
            call,
            Vec::new(),
            self.clock,
            cancelled,
            sim,
            self.tx.clone(),
        ));
        (run, cancel)
    }

    /// Reads events until `run` ends; every event of another run is a test failure.
    async fn finish(&mut self, run: RunId, mut lines: Vec<OutputLine>) -> Step {
        let before = self.probe_batches;
        loop {
            let event = self.events.recv().await.expect("the simulator task runs");
            self.count(&event);
            match event {
                Event::StepOutput { run: r, lines: new } => {
                    assert_eq!(r, run);
                    lines.extend(new);
                }
                Event::StepEnded { run: r, end } => {
                    assert_eq!(r, run);
                    return Step {
                        lines,
                        end,
                        probe_batches: self.probe_batches - before,
                    };
                }
                _ => {}
            }
        }
    }

    async fn step(&mut self, call: StepCall) -> Step {
        let (run, _cancel) = self.spawn(call);
        self.finish(run, Vec::new()).await
    }

    /// Re-runs ImapDeepTestProbe on mbx-02 (where the default scenario's fault is).
    async fn deep_probe_succeeds(&mut self) -> bool {
        let step = self.step(call("mbx-02", RecoveryAction::RerunProbe)).await;
        assert_eq!(step.end.exit, StepExit::Succeeded);
        step.fact(Expectation::ProbeSucceeded)
    }
}

async fn within<F: Future<Output = ()>>(test: F) {
    tokio::time::timeout(LIMIT, test)
        .await
        .expect("the test ran out of time");
}

#[tokio::test]
async fn restart_service_streams_its_lines_then_ends_and_heals_the_fault() {
    within(async {
        let mut fleet = Fleet::start(1_000.0);
        // The fault begins at +20 s.
        fleet.until(25).await;
        assert!(!fleet.deep_probe_succeeds().await, "the fault is there");

        let (run, _cancel) = fleet.spawn(call("mbx-02", RecoveryAction::RestartService));
        let step = fleet.finish(run, Vec::new()).await;
        assert_eq!(
            step.texts(),
            [
                (Stream::Stdout, "Running on mbx-02..."),
                (
                    Stream::Stdout,
                    "WARNING: Waiting for service 'MSExchangeIMAP4BE' to stop..."
                ),
                (
                    Stream::Stdout,
                    "WARNING: Waiting for service 'MSExchangeIMAP4BE' to start..."
                ),
            ]
        );
        assert!(step.lines.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(step.lines[0].at >= fleet.clock.start());
        assert_eq!(step.end.exit, StepExit::Succeeded);
        let answer = step.end.answer.clone().unwrap();
        assert_eq!(answer.exit, StepExit::Succeeded);
        // The command's output, without the runner's opening line.
        assert_eq!(
            step.end.stdout,
            "WARNING: Waiting for service 'MSExchangeIMAP4BE' to stop...\n\
             WARNING: Waiting for service 'MSExchangeIMAP4BE' to start..."
        );
        assert_eq!(step.end.note, None);

        // Nothing of the run comes after its end.
        fleet.probe_batches(2).await;
        assert!(fleet.deep_probe_succeeds().await, "the restart healed it");
    })
    .await;
}

#[tokio::test]
async fn a_cancel_during_the_pause_leaves_the_simulated_fleet_untouched() {
    within(async {
        // ×100: a server restart pauses 1.8 s of wall time, ample time to cancel it.
        let mut fleet = Fleet::start(100.0);
        fleet.until(25).await;
        assert!(!fleet.deep_probe_succeeds().await);

        // A server restart would heal the fault (it restarts every service).
        let (run, cancel) = fleet.spawn(call("mbx-02", RecoveryAction::RestartServer));
        let first = loop {
            match fleet.events.recv().await.unwrap() {
                Event::StepOutput { run: r, lines } if r == run => break lines,
                event => fleet.count(&event),
            }
        };
        cancel.send(()).unwrap();
        let step = fleet.finish(run, first).await;
        assert_eq!(
            step.texts(),
            [
                (Stream::Stdout, "Running on mbx-02..."),
                (
                    Stream::Stderr,
                    "Cancelled before it ran: nothing was done on mbx-02."
                ),
            ]
        );
        assert_eq!(step.end.exit, StepExit::Cancelled);
        assert_eq!(step.end.answer, None);
        assert!(step.end.note.unwrap().english().contains("untouched"));
        assert!(
            !fleet.deep_probe_succeeds().await,
            "the fault is still there"
        );
    })
    .await;
}

#[tokio::test]
async fn a_failover_leaves_no_active_copies_on_the_server() {
    within(async {
        let mut fleet = Fleet::start(1_000.0);
        let check = || call("mbx-02", RecoveryAction::CheckActiveCopies);
        let before = fleet.step(check()).await;
        assert!(!before.fact(Expectation::NoActiveCopies), "DB03 and DB04");
        assert!(before.texts().iter().any(|(_, t)| t.contains("Mounted")));

        let failover = fleet
            .step(call("mbx-02", RecoveryAction::FailoverDatabases))
            .await;
        assert_eq!(failover.end.exit, StepExit::Succeeded);

        let after = fleet.step(check()).await;
        assert!(after.fact(Expectation::NoActiveCopies));
        assert!(after.texts().iter().all(|(_, t)| !t.contains("Mounted")));
        // The answer's own output is what Exchange's reader reads.
        assert!(after.end.stdout.starts_with('['));
    })
    .await;
}

#[tokio::test]
async fn health_checks_report_the_alerts_the_job_carries() {
    within(async {
        let mut fleet = Fleet::start(1_000.0);
        let (reply, answer) = oneshot::channel();
        let request = SimRequest {
            call: call("mbx-02", RecoveryAction::CheckServerHealth),
            alerts: vec![(DEEP, AlertValue::Unhealthy)],
            reply,
        };
        fleet.sim.as_ref().unwrap().send(request).await.unwrap();
        let performed = answer.await.unwrap();
        let facts = &performed.answer.facts;
        assert!(
            facts.contains(&(Expectation::ServerHealthy, false)),
            "{facts:?}"
        );
        assert!(
            facts.contains(&(Expectation::MonitorHealthy, false)),
            "{facts:?}"
        );
        assert!(performed.lines.iter().any(|l| l.contains("\"Unhealthy\"")));

        // Without alerts every monitor reads Unknown: nothing Unhealthy.
        let step = fleet
            .step(call("mbx-02", RecoveryAction::CheckServerHealth))
            .await;
        assert!(step.fact(Expectation::ServerHealthy));
        assert!(step.texts().iter().any(|(_, t)| t.contains("\"Unknown\"")));
    })
    .await;
}

#[test]
fn alerts_of_lists_the_monitors_the_server_runs() {
    let scenario = training::load(DEFAULT_SCENARIO).unwrap();
    let fleet = scenario.fleet_state();
    for (i, server) in scenario.fleet.iter().enumerate() {
        let alerts = platform::alerts_of(&fleet, i);
        let expected: Vec<Monitor> = Monitor::ALL
            .into_iter()
            .filter(|m| m.applies_to(server.role))
            .collect();
        let monitors: Vec<Monitor> = alerts.iter().map(|(m, _)| *m).collect();
        assert_eq!(monitors, expected, "{}", server.name);
        for (m, alert) in alerts {
            assert_eq!(Some(alert), fleet.monitor(i, m).map(|s| s.alert));
        }
    }
}

#[tokio::test]
async fn probes_go_on_while_steps_run_and_after_the_jobs_channel_closes() {
    within(async {
        let mut fleet = Fleet::start(1_000.0);
        // A server restart pauses 180 ms of wall time: the probe rounds (every 100 ms)
        // go on meanwhile.
        let step = fleet
            .step(call("mbx-02", RecoveryAction::RestartServer))
            .await;
        assert_eq!(step.end.exit, StepExit::Succeeded);
        assert!(step.probe_batches >= 1, "no probes during the restart");

        // A burst of jobs straight to the simulator, answered between probe rounds.
        let mut answers = Vec::new();
        for _ in 0..20 {
            let (reply, answer) = oneshot::channel();
            let call = call("mbx-02", RecoveryAction::RerunProbe);
            let request = SimRequest {
                call,
                alerts: Vec::new(),
                reply,
            };
            fleet.sim.as_ref().unwrap().send(request).await.unwrap();
            answers.push(answer);
        }
        for answer in answers {
            let performed = answer.await.unwrap();
            assert_eq!(performed.answer.exit, StepExit::Succeeded);
        }
        fleet.probe_batches(2).await;

        // No more steps: the simulator task keeps probing.
        fleet.sim = None;
        fleet.probe_batches(3).await;
        assert!(!fleet.task.is_finished());

        // The console is gone: the task ends.
        let Fleet { events, task, .. } = fleet;
        drop(events);
        task.await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn a_dropped_cancel_handle_is_no_cancel() {
    within(async {
        let mut fleet = Fleet::start(1_000.0);
        fleet.until(25).await;
        let (run, cancel) = fleet.spawn(call("mbx-02", RecoveryAction::RestartService));
        drop(cancel);
        let step = fleet.finish(run, Vec::new()).await;
        assert_eq!(step.end.exit, StepExit::Succeeded);
        assert!(fleet.deep_probe_succeeds().await);
    })
    .await;
}

#[tokio::test]
async fn a_step_without_a_simulator_fails_and_says_why() {
    within(async {
        let clock = FleetClock::new(1_000.0);
        let (tx, mut events) = mpsc::channel(16);
        let (sim, jobs) = mpsc::channel(1);
        drop(jobs);
        let (_cancel, cancelled) = oneshot::channel();
        let call = call("mbx-02", RecoveryAction::RerunProbe);
        tokio::spawn(run_simulated(
            RunId(1),
            call,
            Vec::new(),
            clock,
            cancelled,
            sim,
            tx,
        ));
        let mut streams = Vec::new();
        let end = loop {
            match events.recv().await.unwrap() {
                Event::StepOutput { lines, .. } => streams.extend(lines.iter().map(|l| l.stream)),
                Event::StepEnded { end, .. } => break end,
                _ => {}
            }
        };
        assert_eq!(streams, [Stream::Stdout, Stream::Stderr]);
        assert_eq!(end.exit, StepExit::Failed(None));
        assert_eq!(end.answer, None);
        assert!(end.note.unwrap().english().contains("not running"));
    })
    .await;
}
