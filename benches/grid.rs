//! `cargo bench --bench grid`: how long one grid frame (draw + diff) and one batch of probe
//! results take, as medians over many iterations. No harness: `Instant` and a sorted list.
//!
//! Set `GRID_BENCH_SHOW=1` to print the last 200×60 frame of the large fleet, to see what
//! was drawn.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "shared/figures.rs"]
mod figures;
#[path = "shared/fleet.rs"]
mod fleet;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use healthdeck::config::theme::load_theme;
use healthdeck::event::Event;
use healthdeck::health::{
    FleetState, MetricReport, MonitorPolicy, Probe, ProbeKind, ProbeReport, Protocol, Role, Server,
};
use healthdeck::ui::theme::ColorDepth;
use healthdeck::ui::{ScreenView, Symbols, Theme};
use healthdeck::update::{AppState, Banner, Mode, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;
use std::time::{Duration, Instant};

const LARGE_FLEET: usize = 10_000;
const SITES: [&str; 4] = ["AMS", "DUB", "FRA", "LON"];
const FRAMES: usize = 1_500;
const WARM_UP: usize = 50;
/// Frames per clock tick: the console draws at most ~30 frames a second and ticks once.
const TICK_EVERY: usize = 30;
/// The frame benchmarks take turns this many times.
const ROUNDS: usize = 15;
const BATCH: usize = 1_000;
const BATCH_RUNS: usize = 200;
/// More servers than the 57 rows a 200×60 grid shows: a full screen, a small fleet.
const SCREENFUL: usize = 100;
const TICKS: usize = 100;

fn main() {
    let theme = load_theme("default", ColorDepth::Ansi16).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let small_fleet = healthdeck::training::load(healthdeck::training::DEFAULT_SCENARIO)
        .unwrap()
        .fleet;
    let screenful = large_fleet().into_iter().take(SCREENFUL).collect();

    let [step, page, screenful, small] = interleaved(
        &theme,
        [
            Frames::new(large_fleet(), t0, (200, 60), Move::Step),
            Frames::new(large_fleet(), t0, (200, 60), Move::Page),
            Frames::new(screenful, t0, (200, 60), Move::Step),
            Frames::new(small_fleet, t0, (80, 24), Move::Step),
        ],
    );
    let probes = apply_probes(t0);
    let tick = tick_clock(t0);

    let ms = |d: f64| Duration::from_secs_f64(d / 1_000.0);
    let rows = [
        (
            "grid frame 10,000×6 @200×60, cursor step",
            &step,
            Some(ms(1.0)),
        ),
        (
            "grid frame 10,000×6 @200×60, page down",
            &page,
            Some(ms(1.0)),
        ),
        ("grid frame 100×6 @200×60, cursor step", &screenful, None),
        ("grid frame 12×6 @80×24, cursor step", &small, None),
        (
            "apply 1,000 probe results (10,000 servers)",
            &probes,
            Some(ms(5.0)),
        ),
        ("tick the clock (10,000 servers)", &tick, None),
    ];
    println!();
    println!(
        "{:<44} {:>6} {:>10} {:>10} {:>8} {:>9}  verdict",
        "benchmark", "iters", "median", "p90", "goal", "cells/fr"
    );
    for (name, stats, goal) in rows {
        row(name, stats, goal);
    }
    println!();
    let ratio = |a: &Stats, b: &Stats| a.median.as_secs_f64() / b.median.as_secs_f64();
    println!(
        "ratio of medians 10,000@200×60 / 12@80×24 (cursor step):   {:.2}",
        ratio(&step, &small)
    );
    println!(
        "ratio of medians 10,000@200×60 / 100@200×60 (cursor step): {:.2}",
        ratio(&step, &screenful)
    );
}

/// How the state changes between two frames.
#[derive(Clone, Copy)]
enum Move {
    /// The cursor walks down the first ten rows and back to the top: no scrolling.
    Step,
    /// PageDown every frame (back to the top at the end): the whole body changes.
    Page,
}

struct Stats {
    iterations: usize,
    median: Duration,
    p90: Duration,
    /// Mean cells the diff reported per frame (0 for non-frame benchmarks).
    cells_per_frame: usize,
}

impl Stats {
    fn from(mut samples: Vec<Duration>, cells_per_frame: usize) -> Stats {
        samples.sort_unstable();
        let n = samples.len();
        Stats {
            iterations: n,
            median: samples[n / 2],
            p90: samples[n * 9 / 10],
            cells_per_frame,
        }
    }
}

fn row(name: &str, stats: &Stats, goal: Option<Duration>) {
    let (goal_text, verdict) = match goal {
        Some(goal) if stats.median <= goal => (figures::duration(goal), "met".to_owned()),
        Some(goal) => (
            figures::duration(goal),
            format!(
                "MISSED by {:.1}×",
                stats.median.as_secs_f64() / goal.as_secs_f64()
            ),
        ),
        None => ("—".to_owned(), "no goal".to_owned()),
    };
    let cells = if stats.cells_per_frame > 0 {
        stats.cells_per_frame.to_string()
    } else {
        "—".to_owned()
    };
    println!(
        "{name:<44} {:>6} {:>10} {:>10} {goal_text:>8} {cells:>9}  {verdict}",
        stats.iterations,
        figures::duration(stats.median),
        figures::duration(stats.p90),
    );
}

/// `srv-00001` …, four sites of 50 servers in turn.
fn large_fleet() -> Vec<Server> {
    fleet::servers(LARGE_FLEET, |i| SITES[(i / 50) % SITES.len()].to_owned())
}

const fn p(protocol: Protocol, kind: ProbeKind) -> Probe {
    Probe { protocol, kind }
}

const PROBES: [Probe; 8] = [
    p(Protocol::Imap, ProbeKind::Ctp),
    p(Protocol::Imap, ProbeKind::ProxyTest),
    p(Protocol::Imap, ProbeKind::DeepTest),
    p(Protocol::Imap, ProbeKind::SelfTest),
    p(Protocol::Pop, ProbeKind::Ctp),
    p(Protocol::Pop, ProbeKind::ProxyTest),
    p(Protocol::Pop, ProbeKind::DeepTest),
    p(Protocol::Pop, ProbeKind::SelfTest),
];

/// The probes a server of `role` runs.
fn probes_for(role: Role) -> impl Iterator<Item = Probe> {
    PROBES.into_iter().filter(move |p| role.runs(p.role()))
}

/// A console over `servers`, clock at `t0 + 101 s`: every monitor Healthy except ~1 server
/// in 37 Unhealthy (failing since `t0 + 41 s` or earlier: Degraded for 60 s, then Unhealthy)
/// and ~1 in 53 Degraded (failing since `t0 + 99 s` or later: Degraded for at least the next
/// 58 s of fleet clock, longer than the frame benchmarks advance it).
fn console(servers: Vec<Server>, t0: DateTime<Utc>, (width, height): (u16, u16)) -> AppState {
    let roles: Vec<Role> = servers.iter().map(|s| s.role).collect();
    let fleet = FleetState::new(servers, MonitorPolicy::defaults(), true);
    let banner = Banner {
        mode: Mode::Training {
            speed: 10.0,
            scenario: "bench".into(),
        },
        dry_run: false,
        read_only: false,
    };
    let mut state = AppState::new(fleet, banner, t0);
    update(&mut state, Event::Resize { width, height });
    let mut healthy = Vec::new();
    let mut metrics = Vec::new();
    for (server, &role) in roles.iter().enumerate() {
        healthy.extend(probes_for(role).map(|p| fleet::report(server, p, t0, true)));
        metrics.extend(
            [Protocol::Imap, Protocol::Pop].map(|protocol| MetricReport {
                server,
                protocol,
                at: t0,
                queued: 10.0,
            }),
        );
    }
    update(&mut state, Event::Probes(healthy));
    update(&mut state, Event::Metrics(metrics));
    let secs = TimeDelta::seconds;
    // Three failed results of one probe, `gap` seconds apart, the last `last` s after t0.
    let failing = |pick: fn(usize) -> bool, gap: i64, last: i64| {
        let mut out = Vec::new();
        for (server, &role) in roles.iter().enumerate().filter(|(i, _)| pick(*i)) {
            let probe = probes_for(role).nth(server % 2).unwrap();
            let at = |k: i64| t0 + secs(last - gap * (2 - k));
            out.extend((0..3).map(|k| fleet::report(server, probe, at(k), false)));
        }
        out
    };
    update(&mut state, Event::Probes(failing(|i| i % 37 == 3, 20, 41)));
    update(&mut state, Event::Probes(failing(|i| i % 53 == 7, 2, 101)));
    update(&mut state, Event::Tick(t0 + secs(101)));
    state
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// One grid-frame benchmark: a console and the two buffers a terminal backend keeps.
struct Frames {
    state: AppState,
    how: Move,
    area: Rect,
    front: Buffer,
    back: Buffer,
    frame: usize,
    samples: Vec<Duration>,
    cells: usize,
}

impl Frames {
    fn new(servers: Vec<Server>, t0: DateTime<Utc>, size: (u16, u16), how: Move) -> Frames {
        let area = Rect::new(0, 0, size.0, size.1);
        Frames {
            state: console(servers, t0, size),
            how,
            area,
            front: Buffer::empty(area),
            back: Buffer::empty(area),
            frame: 0,
            samples: Vec::with_capacity(FRAMES),
            cells: 0,
        }
    }

    /// Draws `n` frames, recording them unless `warm_up`.
    ///
    /// One frame as a terminal backend does it: clear the back buffer, render the whole
    /// screen into it, diff it against the front buffer, swap. Between frames (untimed) the
    /// cursor moves, and every 30th frame the clock ticks one second, as in the console's
    /// loop (frames at most ~30 a second, one tick a second).
    fn run(&mut self, theme: &Theme, n: usize, warm_up: bool) {
        let state = &mut self.state;
        for _ in 0..n {
            let event = match self.how {
                Move::Step if state.view.cursor_row >= 9 => key(KeyCode::Home),
                Move::Step => key(KeyCode::Down),
                Move::Page if state.view.cursor_row + 1 >= state.view.rows.len() => {
                    key(KeyCode::Home)
                }
                Move::Page => key(KeyCode::PageDown),
            };
            update(state, event);
            if self.frame.is_multiple_of(TICK_EVERY) {
                let now = state.now + TimeDelta::seconds(1);
                update(state, Event::Tick(now));
            }
            self.frame += 1;

            let start = Instant::now();
            self.back.reset();
            ScreenView {
                state,
                theme,
                symbols: Symbols { ascii: false },
                log_path: None,
                record_path: None,
            }
            .render(self.area, &mut self.back);
            let changed = self.front.diff(&self.back).len();
            std::mem::swap(&mut self.front, &mut self.back);
            let elapsed = start.elapsed();

            black_box(changed);
            if !warm_up {
                self.samples.push(elapsed);
                self.cells += changed;
            }
        }
    }

    fn stats(self) -> Stats {
        let frames = self.samples.len().max(1);
        Stats::from(self.samples, self.cells / frames)
    }
}

/// Runs the frame benchmarks interleaved, a slice of each per round, so that noise from
/// the rest of the machine falls on all of them alike and their ratios stay fair.
fn interleaved<const N: usize>(theme: &Theme, mut benches: [Frames; N]) -> [Stats; N] {
    for bench in &mut benches {
        bench.run(theme, WARM_UP, true);
    }
    for _ in 0..ROUNDS {
        for bench in &mut benches {
            bench.run(theme, FRAMES / ROUNDS, false);
        }
    }
    if std::env::var_os("GRID_BENCH_SHOW").is_some() {
        show(&benches[0].front);
    }
    benches.map(Frames::stats)
}

fn show(buf: &Buffer) {
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        println!("{line}");
    }
}

/// `update(Probes(batch))` with 1,000 results over 1,000 servers (every probe their role
/// runs in turn, one in ten failing), the batch's `at` one probe interval later each run.
fn apply_probes(t0: DateTime<Utc>) -> Stats {
    let servers = large_fleet();
    let roles: Vec<Role> = servers.iter().map(|s| s.role).collect();
    let mut state = console(servers, t0, (200, 60));
    let stride = LARGE_FLEET / BATCH;
    let mut samples = Vec::with_capacity(BATCH_RUNS);
    for run in 0..WARM_UP + BATCH_RUNS {
        let at = t0 + TimeDelta::seconds(120 + 60 * run as i64);
        let batch: Vec<ProbeReport> = (0..BATCH)
            .map(|i| {
                let server = (i * stride + run) % LARGE_FLEET;
                let probes: Vec<Probe> = probes_for(roles[server]).collect();
                let probe = probes[(i + run) % probes.len()];
                fleet::report(server, probe, at, (i + run) % 10 != 0)
            })
            .collect();

        let start = Instant::now();
        let effects = update(&mut state, Event::Probes(batch));
        let elapsed = start.elapsed();

        black_box(effects);
        if run >= WARM_UP {
            samples.push(elapsed);
        }
    }
    Stats::from(samples, 0)
}

/// `update(Tick(now))` on the large fleet, one second later each run: the console's loop
/// does this once a second, and frames wait behind it.
fn tick_clock(t0: DateTime<Utc>) -> Stats {
    let mut state = console(large_fleet(), t0, (200, 60));
    let mut samples = Vec::with_capacity(TICKS);
    for run in 0..WARM_UP + TICKS {
        let now = state.now + TimeDelta::seconds(1);
        let start = Instant::now();
        let effects = update(&mut state, Event::Tick(now));
        let elapsed = start.elapsed();
        black_box(effects);
        if run >= WARM_UP {
            samples.push(elapsed);
        }
    }
    Stats::from(samples, 0)
}
