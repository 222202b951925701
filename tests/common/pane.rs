//! The console driven by keys with its runtime played in the test: training steps are
//! performed on the simulator the way the runtime task would, real processes run through
//! the real runner. Every recorded entry and every job is kept for assertions.

use super::played_with_simulator;
use chrono::TimeDelta;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::effect::Effect;
use healthdeck::event::Event;
use healthdeck::incident::Entry;
use healthdeck::job::{Job, JobEnd, OutputLine, RunId, Stream, Work};
use healthdeck::runbook::Debt;
use healthdeck::runbook::platform::training;
use healthdeck::training::Simulator;
use healthdeck::update::{AppState, frame_drawn, update};
use std::time::Duration;

pub struct Console {
    pub state: AppState,
    pub simulator: Simulator,
    pub records: Vec<Entry>,
    /// Every job started, in order.
    pub started: Vec<Job>,
    pending: Vec<Job>,
    pub cancelled: Vec<RunId>,
    pub quit: bool,
    /// Restart budgets asked for (server, service).
    pub budget_reads: Vec<(String, String)>,
    /// Steps left running as the console quit.
    pub detached: Vec<RunId>,
    /// Debts written to the ledger, and those settled (server, id), in order.
    pub owes: Vec<Debt>,
    pub settles: Vec<(String, String)>,
    /// Handover summaries asked for (procedure, server).
    pub handovers: Vec<(String, String)>,
    /// Themes asked for (`:theme`), and exports (`:export`).
    pub themes: Vec<String>,
    pub exports: usize,
    /// Acknowledgements asked of Alertmanager (made and expired).
    pub acks: Vec<Effect>,
    /// Ctrl-Z presses that suspended the console.
    pub suspends: usize,
}

impl Console {
    /// The default scenario eight minutes in: mbx-02's IMAP back end is down.
    pub fn incident(width: u16, height: u16) -> Console {
        Console::on("imap-backend-down", width, height)
    }

    /// alice at the keyboard, the console in `language`: the selected monitor's runbook.
    pub fn open_runbook_as_alice_in(&mut self, language: &'static str) {
        self.state.launch.language = language;
        "alice".clone_into(&mut self.state.launch.operator);
        self.open_runbook();
    }

    /// The incident in `language`, alice at the keyboard, with the CTP runbook on cas-02
    /// three steps in (the proxy component read Active, so setting it is skipped) and the
    /// front end's restart next.
    pub fn ctp_three_steps(language: &'static str, width: u16, height: u16) -> Console {
        let mut console = Console::incident(width, height);
        console.open_runbook_as_alice_in(language);
        for _ in 0..3 {
            console.key(KeyCode::Enter);
            console.run_jobs();
        }
        console
    }

    /// The same incident, but only a server restart heals it: restarting the service does
    /// not, so the runbook reaches its destructive steps.
    pub fn stubborn_incident(width: u16, height: u16) -> Console {
        let text = include_str!("../../scenarios/imap-backend-down.yaml")
            .replace("healed_by: restart_service", "healed_by: restart_server");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stubborn.yaml");
        std::fs::write(&path, text).unwrap();
        Console::on(path.to_str().unwrap(), width, height)
    }

    /// `healthdeck drill` on `scenario`, at its very start (nothing played yet).
    pub fn drill(scenario: &str, width: u16, height: u16) -> Console {
        let mut console = Console::played(scenario, 0, width, height);
        let library = healthdeck::runbook::Library::shared().unwrap();
        let facts =
            healthdeck::training::drill::DrillFacts::of(console.simulator.scenario(), library)
                .unwrap();
        let name = console.simulator.scenario().name.clone();
        console.state.drill = Some(Box::new(healthdeck::update::drill_run::DrillRun::new(
            facts, name,
        )));
        console
    }

    pub fn on(scenario: &str, width: u16, height: u16) -> Console {
        Console::played(scenario, 480, width, height)
    }

    fn played(scenario: &str, seconds: i64, width: u16, height: u16) -> Console {
        let (state, simulator) = played_with_simulator(scenario, seconds, width, height);
        Console {
            state,
            simulator,
            records: Vec::new(),
            started: Vec::new(),
            pending: Vec::new(),
            cancelled: Vec::new(),
            quit: false,
            budget_reads: Vec::new(),
            detached: Vec::new(),
            owes: Vec::new(),
            settles: Vec::new(),
            handovers: Vec::new(),
            themes: Vec::new(),
            exports: 0,
            acks: Vec::new(),
            suspends: 0,
        }
    }

    pub fn event(&mut self, event: Event) {
        let effects = update(&mut self.state, event);
        self.effects(effects);
    }

    fn effects(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Record(entry) => self.records.push(entry),
                Effect::Start(job) => {
                    self.started.push(job.clone());
                    self.pending.push(job);
                }
                Effect::Cancel(run) => self.cancelled.push(run),
                Effect::Quit(_) => self.quit = true,
                Effect::ReadBudget { server, service } => self.budget_reads.push((server, service)),
                Effect::Detach(run) => self.detached.push(run),
                Effect::Owe(debt) => self.owes.push(debt),
                Effect::Settle { server, id } => self.settles.push((server, id)),
                Effect::Handover {
                    procedure, server, ..
                } => self.handovers.push((procedure, server)),
                Effect::Theme(name) => self.themes.push(name),
                Effect::Export => self.exports += 1,
                Effect::Suspend => self.suspends += 1,
                // No Exchange source in these consoles.
                Effect::PollExchange(_) => {}
                ack @ (Effect::Acknowledge(_) | Effect::Unacknowledge { .. }) => {
                    self.acks.push(ack);
                }
            }
        }
    }

    pub fn key(&mut self, code: KeyCode) {
        self.event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn ctrl(&mut self, c: char) {
        self.event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// A frame was drawn: keys typed from now on count.
    pub fn drawn(&mut self) {
        frame_drawn(&mut self.state);
    }

    /// `n`, Enter, Enter: the first Unhealthy monitor's runbook, on screen.
    /// Every server's name, in fleet order.
    pub fn server_names(&self) -> Vec<String> {
        let servers = self.state.fleet.servers();
        servers.iter().map(|s| s.name.clone()).collect()
    }

    pub fn open_runbook(&mut self) {
        self.key(KeyCode::Char('n'));
        self.key(KeyCode::Enter);
        self.key(KeyCode::Enter);
        self.drawn();
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Runs every started training job on the simulator, as the runtime task would: its
    /// output lines, then its end. Jobs it starts in turn run too.
    pub fn run_jobs(&mut self) {
        while !self.pending.is_empty() {
            let job = self.pending.remove(0);
            let Work::Simulate { call, alerts } = job.work else {
                panic!("run_jobs runs training jobs; use the runner for processes");
            };
            if self.cancelled.contains(&job.run) {
                self.end(job.run, healthdeck::runbook::StepExit::Cancelled, None);
                continue;
            }
            let performed = training::perform(&mut self.simulator, &alerts, &call, self.state.now);
            let lines = performed
                .lines
                .iter()
                .map(|text| OutputLine {
                    at: self.state.now,
                    stream: Stream::Stdout,
                    text: text.clone(),
                })
                .collect();
            self.event(Event::StepOutput {
                run: job.run,
                lines,
            });
            let exit = performed.answer.exit;
            self.end(job.run, exit, Some(performed.answer));
        }
    }

    pub fn end(
        &mut self,
        run: RunId,
        exit: healthdeck::runbook::StepExit,
        answer: Option<healthdeck::runbook::Answer>,
    ) {
        self.pending.retain(|j| j.run != run);
        self.event(Event::StepEnded {
            run,
            end: JobEnd {
                exit,
                duration: Duration::from_millis(1200),
                stdout: String::new(),
                answer,
                note: None,
                ran: true,
            },
        });
    }

    /// Takes the jobs not run yet (to run them elsewhere: the real runner).
    pub fn take_pending(&mut self) -> Vec<Job> {
        std::mem::take(&mut self.pending)
    }

    /// Fleet time passes (a tick), with probes answered by the simulator.
    pub fn advance(&mut self, by: TimeDelta) {
        let now = self.state.now + by;
        let reports: Vec<_> = self
            .simulator
            .probes()
            .into_iter()
            .enumerate()
            .flat_map(|(i, (server, probe))| {
                // Two results per probe: enough for a monitor to turn Healthy again.
                let seq = now.timestamp() as u64 * 2;
                let sim = &self.simulator;
                [0, 1].map(move |k| sim.probe(server, probe, now, seq + k + i as u64))
            })
            .collect();
        self.event(Event::Probes(reports));
        self.event(Event::Tick(now));
    }

    /// The texts the runbook pane's log panel holds, oldest first.
    pub fn log_texts(&self) -> Vec<String> {
        let pane = self.state.runbook.as_ref().expect("a runbook is open");
        pane.log.lines().iter().map(|l| l.text.clone()).collect()
    }

    /// The kinds of the records so far, in order.
    pub fn kinds(&self) -> Vec<&'static str> {
        self.records.iter().map(kind).collect()
    }
}

pub fn kind(entry: &Entry) -> &'static str {
    // The record's own name for it: `kind` as serde writes it.
    let value = serde_json::to_value(entry).unwrap();
    let kind = value["kind"].as_str().unwrap().to_owned();
    Box::leak(kind.into_boxed_str())
}
