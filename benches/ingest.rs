//! `cargo bench --bench ingest`: how many step output lines a second the console ingests,
//! doing the loop's work for each batch: `Recorder::output` (the incident record),
//! `update(StepOutput)` (the runbook pane's log panel), `Recorder::flush_if_due`. And whether
//! its peak memory stays flat while a step floods.
//!
//! The console is the default training scenario eight minutes in, with its runbook open and
//! the first step running (opened by keys, as an engineer would). Batches of 512 lines come
//! as the runner sends them; making them is not timed, and they are made one at a time so
//! the memory figure is the console's, not the benchmark's.
//!
//! Goals (product issue): ≥ 500,000 lines/s; VmHWM after 1,000,000 lines within 10 % of
//! VmHWM after 100,000. The memory figure comes from a fresh process (this program run again
//! with `INGEST_BENCH_MEMORY=1`), so the throughput rounds cannot raise its peak first.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "shared/figures.rs"]
mod figures;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use figures::grouped;
use healthdeck::effect::Effect;
use healthdeck::event::Event;
use healthdeck::health::{FleetState, Protocol};
use healthdeck::incident::writer::RecordClock;
use healthdeck::incident::{Recorder, session_header};
use healthdeck::job::{OutputLine, RunId, Stream};
use healthdeck::training::{self, DEFAULT_SCENARIO, Simulator};
use healthdeck::update::runbook::log::KEEP_LINES;
use healthdeck::update::{AppState, Banner, Mode, frame_drawn, update};
use std::io::BufRead;
use std::process::Command;
use std::time::{Duration, Instant};

const LINES: usize = 1_000_000;
/// Where the memory run takes its first reading.
const FIRST: usize = 100_000;
/// The runner's largest `StepOutput` batch.
const BATCH: usize = 512;
const ROUNDS: usize = 7;
const GOAL_RATE: f64 = 500_000.0;
const GOAL_RATIO: f64 = 1.10;
/// Set in the child process that measures memory.
const MEMORY_RUN: &str = "INGEST_BENCH_MEMORY";
/// Fleet time the scenario plays before the runbook opens (mbx-02's IMAP is Unhealthy).
const PLAYED: i64 = 480;

fn main() {
    if std::env::var_os(MEMORY_RUN).is_some() {
        memory_run();
        return;
    }
    let memory = memory_child();
    println!();
    let mut rounds: Vec<Split> = (0..ROUNDS)
        .map(|round| {
            let mut console = Console::open();
            let split = console.ingest(0, LINES);
            let sync = Instant::now();
            console.recorder.sync().unwrap();
            let sync = sync.elapsed();
            println!(
                "round {round}: {} lines in {:.0} ms = {:>9} lines/s (record {:.0} ms, \
                 update {:.0} ms, flush {:.0} ms; not counted: sync at the end {:.0} ms)",
                grouped(LINES as u64),
                ms(split.total()),
                grouped(split.rate() as u64),
                ms(split.record),
                ms(split.update),
                ms(split.flush),
                ms(sync),
            );
            split
        })
        .collect();
    rounds.sort_by(|a, b| a.rate().total_cmp(&b.rate()));
    let median = &rounds[ROUNDS / 2];
    let (min, max) = (rounds[0].rate(), rounds[ROUNDS - 1].rate());
    println!();
    println!(
        "ingest (record + panel), {ROUNDS} rounds of {} lines in batches of {BATCH}, \
         average line {} bytes",
        grouped(LINES as u64),
        average_line()
    );
    println!(
        "  throughput: median {} lines/s (min {}, max {})  goal ≥ {}  {}",
        grouped(median.rate() as u64),
        grouped(min as u64),
        grouped(max as u64),
        grouped(GOAL_RATE as u64),
        verdict(median.rate() >= GOAL_RATE)
    );
    println!(
        "  median round's time: record {:.0} %, update {:.0} %, flush {:.0} %",
        100.0 * median.record.as_secs_f64() / median.total().as_secs_f64(),
        100.0 * median.update.as_secs_f64() / median.total().as_secs_f64(),
        100.0 * median.flush.as_secs_f64() / median.total().as_secs_f64(),
    );
    match memory {
        Some((first, last)) => {
            let ratio = last as f64 / first as f64;
            println!(
                "  peak memory (VmHWM): {} kB after {} lines, {} kB after {}, ratio {ratio:.3}  \
                 goal ≤ {GOAL_RATIO:.2}  {}",
                grouped(first),
                grouped(FIRST as u64),
                grouped(last),
                grouped(LINES as u64),
                verdict(ratio <= GOAL_RATIO)
            );
        }
        None => println!("  peak memory: FAIL (the memory run reported nothing)"),
    }
}

/// Runs this program again with `INGEST_BENCH_MEMORY=1`, shows its output, and returns its
/// two VmHWM readings (kB).
fn memory_child() -> Option<(u64, u64)> {
    let exe = std::env::current_exe().unwrap();
    let output = Command::new(exe).env(MEMORY_RUN, "1").output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let mut result = None;
    for line in text.lines() {
        match line.strip_prefix("result: ") {
            Some(rest) => {
                let mut kb = rest.split(' ').filter_map(|n| n.parse().ok());
                result = kb.next().zip(kb.next());
            }
            None => println!("{line}"),
        }
    }
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    result
}

/// The child: one console, 100,000 lines, a reading, 900,000 more, a reading; then the
/// sanity checks (panel and record contents).
fn memory_run() {
    let mut console = Console::open();
    let pane = console.state.runbook.as_deref().unwrap();
    let before = pane.log.lines().len() as u64 + pane.log.dropped;
    let start = vm_hwm();
    console.ingest(0, FIRST);
    let first = vm_hwm();
    console.ingest(FIRST, LINES);
    let last = vm_hwm();
    println!(
        "memory run (fresh process): VmHWM {} kB before ingest, {} kB after {} lines, {} kB \
         after {} lines; ratio {:.3}",
        grouped(start),
        grouped(first),
        grouped(FIRST as u64),
        grouped(last),
        grouped(LINES as u64),
        last as f64 / first as f64
    );

    let pane = console.state.runbook.as_deref().unwrap();
    let (kept, dropped) = (pane.log.lines().len(), pane.log.dropped);
    let panel_ok = kept as u64 + dropped == before + LINES as u64 && kept <= KEEP_LINES;
    println!(
        "  panel: {} lines kept (at most {}), {} dropped; {before} console notes + {} output \
         = {}{}",
        grouped(kept as u64),
        grouped(KEEP_LINES as u64),
        grouped(dropped),
        grouped(LINES as u64),
        grouped(before + LINES as u64),
        if panel_ok { "" } else { "  MISMATCH" }
    );
    console.recorder.sync().unwrap();
    let (total, output) = count_record(console.recorder.path());
    let expected = console.entries + LINES;
    let record_ok = output == LINES && total == expected;
    println!(
        "  record: {} lines, {} of them output; expected {} ({} header and entries + {} \
         output){}",
        grouped(total as u64),
        grouped(output as u64),
        grouped(expected as u64),
        console.entries,
        grouped(LINES as u64),
        if record_ok { "" } else { "  MISMATCH" }
    );
    println!("result: {first} {last}");
}

/// The console's state and record, with a step running whose output the pane shows.
struct Console {
    state: AppState,
    recorder: Recorder,
    run: RunId,
    /// Fleet time of the first output line.
    start: DateTime<Utc>,
    /// Lines written to the record so far other than output (header, transitions, …).
    entries: usize,
    _dir: tempfile::TempDir,
}

/// Where a round's time went.
#[derive(Default)]
struct Split {
    lines: usize,
    record: Duration,
    update: Duration,
    flush: Duration,
}

impl Split {
    fn total(&self) -> Duration {
        self.record + self.update + self.flush
    }

    fn rate(&self) -> f64 {
        self.lines as f64 / self.total().as_secs_f64()
    }
}

impl Console {
    /// The default scenario played for eight minutes, then `n`, Enter, Enter (the first
    /// Unhealthy monitor's runbook) and Enter (its first step starts). Not timed.
    fn open() -> Console {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
        let scenario = training::load(DEFAULT_SCENARIO).unwrap();
        let fleet = FleetState::new(scenario.fleet.clone(), scenario.policies(), true);
        let banner = Banner {
            mode: Mode::Training {
                speed: 10.0,
                scenario: scenario.name.clone(),
            },
            dry_run: false,
            read_only: false,
        };
        let state = AppState::new(fleet, banner, t0);
        let dir = tempfile::tempdir().unwrap();
        let header = session_header("bench".into(), false, false, "en");
        // A training console's record: wall-clock `at` and `fleet_at` on every line.
        let clock = RecordClock::Training {
            fleet_start: t0,
            speed: 10.0,
        };
        let recorder = Recorder::create_with(dir.path(), &header, t0, clock).unwrap();
        let mut console = Console {
            state,
            recorder,
            run: RunId(0),
            start: t0,
            entries: 1,
            _dir: dir,
        };
        console.event(Event::Resize {
            width: 120,
            height: 36,
        });
        console.play(&Simulator::new(scenario, t0), t0);
        for code in [KeyCode::Char('n'), KeyCode::Enter, KeyCode::Enter] {
            console.event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        }
        frame_drawn(&mut console.state);
        let run = console.event(Event::Key(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE,
        )));
        let pane = console.state.runbook.as_deref().expect("a runbook is open");
        console.run = run.expect("Enter started the first step");
        assert!(pane.is_running() && pane.run(console.run).is_some());
        console.start = console.state.now + TimeDelta::seconds(1);
        console
    }

    /// Probes answered by the simulator once a minute each, metrics once a minute, a tick
    /// every 10 s, as `tests/common::played` does.
    fn play(&mut self, simulator: &Simulator, t0: DateTime<Utc>) {
        let probes = simulator.probes();
        let servers = simulator.scenario().fleet.len();
        for from in (0..=PLAYED).step_by(10) {
            let mut batch = Vec::new();
            for (i, (server, probe)) in probes.iter().enumerate() {
                let offset = (i as i64 * 7) % 60;
                for at in from..(from + 10).min(PLAYED + 1) {
                    if at >= offset && (at - offset) % 60 == 0 {
                        let seq = ((at - offset) / 60) as u64;
                        let when = t0 + TimeDelta::seconds(at);
                        batch.push(simulator.probe(*server, *probe, when, seq));
                    }
                }
            }
            batch.sort_by_key(|r| r.at);
            self.event(Event::Probes(batch));
            let when = t0 + TimeDelta::seconds(from);
            if from % 60 == 0 {
                let metrics = (0..servers)
                    .map(|s| simulator.queued(s, Protocol::Imap, when, from as u64))
                    .collect();
                self.event(Event::Metrics(metrics));
            }
            self.event(Event::Tick(when));
        }
    }

    /// `update`, with recorded effects written to the record; returns a started run.
    fn event(&mut self, event: Event) -> Option<RunId> {
        let mut started = None;
        for effect in update(&mut self.state, event) {
            match effect {
                Effect::Record(entry) => {
                    self.recorder.record(self.state.now, &entry).unwrap();
                    self.entries += 1;
                }
                Effect::Start(job) => started = Some(job.run),
                _ => {}
            }
        }
        started
    }

    /// Output lines `from..to` of the running step, batch by batch, as the loop handles
    /// them. Only the loop's three calls are timed.
    fn ingest(&mut self, from: usize, to: usize) -> Split {
        let mut split = Split::default();
        let mut next = from;
        while next < to {
            let n = BATCH.min(to - next);
            let lines = batch(self.start, next, n);
            let begin = Instant::now();
            self.recorder.output(self.run, &lines).unwrap();
            let recorded = Instant::now();
            let effects = update(
                &mut self.state,
                Event::StepOutput {
                    run: self.run,
                    lines,
                },
            );
            let updated = Instant::now();
            self.recorder.flush_if_due(updated).unwrap();
            let flushed = Instant::now();
            assert!(effects.is_empty());
            split.record += recorded - begin;
            split.update += updated - recorded;
            split.flush += flushed - updated;
            next += n;
        }
        // What is still buffered would go on the loop's 50 ms timer: part of the work.
        let begin = Instant::now();
        self.recorder.flush().unwrap();
        split.flush += begin.elapsed();
        split.lines = to - from;
        split
    }
}

/// Lines `first..first + n`: a thousand lines a fleet second, every tenth on stderr.
fn batch(start: DateTime<Utc>, first: usize, n: usize) -> Vec<OutputLine> {
    (first..first + n)
        .map(|i| OutputLine {
            at: start + TimeDelta::milliseconds(i as i64),
            stream: if i % 10 == 0 {
                Stream::Stderr
            } else {
                Stream::Stdout
            },
            text: text(i),
        })
        .collect()
}

/// What an Exchange step prints, 60–80 bytes; some lines carry quotes and backslashes,
/// which the record escapes.
fn text(i: usize) -> String {
    match i % 4 {
        0 => format!("WARNING: Waiting for service 'MSExchangeIMAP4BE' to start... line {i}"),
        1 => format!(
            "VERBOSE: Moving mailbox 'user{:05}@contoso.com' to \"DB02\"... {:2}% done",
            i % 100_000,
            i % 100
        ),
        2 => format!(r"C:\Program Files\Microsoft\Exchange Server\V15\Logging\Imap4\IMAP{i}.LOG"),
        _ => format!(
            "DB{:02}\\MBX-02  Healthy  CopyQueueLength {:3}  ReplayQueueLength {}",
            i % 8,
            i % 1000,
            i % 7
        ),
    }
}

fn average_line() -> usize {
    (0..1_000).map(|i| text(i + 500_000).len()).sum::<usize>() / 1_000
}

/// This process's peak resident set, kB.
fn vm_hwm() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// Lines in the record, and how many of them are output lines.
fn count_record(path: &std::path::Path) -> (usize, usize) {
    const OUTPUT: &[u8] = b"\"kind\":\"output\",";
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut line = Vec::new();
    let (mut total, mut output) = (0, 0);
    while reader.read_until(b'\n', &mut line).unwrap() > 0 {
        total += 1;
        if line.windows(OUTPUT.len()).any(|w| w == OUTPUT) {
            output += 1;
        }
        line.clear();
    }
    (total, output)
}

fn verdict(pass: bool) -> &'static str {
    if pass { "PASS" } else { "FAIL" }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
