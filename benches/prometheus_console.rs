//! `cargo bench --bench prometheus_console`: the console reading a 10,000-server fleet (the
//! probes of the six health sets, roles mixed) from a real Prometheus (Debian's 2.42) that
//! scrapes a synthetic exporter every 15 s. Measured in this process, medians:
//! - the first frame: the fleet built and set to Prometheus' word, the first read
//!   (`runtime::shared::read_once`, the console's own reader), the update that places it,
//!   and a 120x36 frame drawn on a `TestBackend` (wall time);
//! - one refresh: this thread's CPU (`getrusage(RUSAGE_THREAD)`, user + system) around
//!   `read_once` and the update; the read runs on this thread (a current-thread runtime);
//! - memory: the process's peak RSS (`VmHWM`) over the first console's life, its first
//!   frame and the refreshes (the exporter writes each scrape as it goes and holds
//!   nothing); the other first frames come after.
//!
//! Goals (issue 19): first frame <= 1 s, one refresh <= 50 ms of the console's CPU, memory
//! <= 64 MiB. Needs `prometheus` (apt-get install prometheus).
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "prometheus_console/exporter.rs"]
mod exporter;
#[path = "shared/figures.rs"]
mod figures;
#[path = "../tests/support/prometheus.rs"]
mod prometheus;
#[path = "prometheus_console/scraped.rs"]
mod scraped;

use chrono::TimeDelta;
use healthdeck::config::theme::load_theme;
use healthdeck::event::Event;
use healthdeck::health::shared::SharedUpdate;
use healthdeck::health::{FleetState, MonitorPolicy, Server};
use healthdeck::prometheus::Endpoint;
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::shared::{SharedReader, read_once};
use healthdeck::ui::theme::ColorDepth;
use healthdeck::ui::{ScreenView, Symbols, Theme};
use healthdeck::update::{AppState, Banner, Mode, update};
use nix::sys::resource::{UsageWho, getrusage};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const SERVERS: usize = 10_000;
const FIRST_FRAMES: usize = 7;
const REFRESHES: usize = 21;
const GOAL_FIRST_FRAME: Duration = Duration::from_secs(1);
const GOAL_REFRESH_CPU: Duration = Duration::from_millis(50);
const GOAL_MEMORY_MIB: f64 = 64.0;

/// One console: its state, its reader, its terminal.
type Console = (AppState, SharedReader, Terminal<TestBackend>);

/// Medians' samples: refresh CPU (read, update, both), refresh wall time.
#[derive(Default)]
struct Refreshes {
    read: Vec<Duration>,
    apply: Vec<Duration>,
    total: Vec<Duration>,
    wall: Vec<Duration>,
}

fn main() {
    let servers = exporter::fleet(SERVERS);
    let series: usize = servers
        .iter()
        .map(|s| exporter::probes(s.role).count())
        .sum();
    let (prom, _dir) = scraped::start(&servers, series);
    let theme = load_theme("default", ColorDepth::Ansi16).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let endpoint = Endpoint::parse(&prom.url()).unwrap();
    let clock = FleetClock::new(1.0);
    let rss_before = status_kib("VmRSS:");
    // The first console lives its life first (first frame, then the refreshes), so that
    // the peak is one console's: the later first frames build fleets one after another,
    // and the allocator keeps what earlier ones freed.
    let started = Instant::now();
    let ((mut state, reader, mut terminal), grown) =
        first_frame(&servers, series, &endpoint, clock, &runtime, &theme, true);
    let mut first_frames = vec![started.elapsed()];
    let screen = format!("{:?}", terminal.backend());
    assert!(
        screen.contains("ex-00001"),
        "the grid shows no server:\n{screen}"
    );
    let mut rounds = Refreshes::default();
    for _ in 0..REFRESHES {
        let (cpu, wall) = (thread_cpu(), Instant::now());
        let read = runtime.block_on(read_once(&reader, clock));
        let cpu_read = thread_cpu();
        assert!(matches!(read, SharedUpdate::Read(_)), "{read:?}");
        state.now = clock.now();
        update(&mut state, Event::Shared(read));
        let cpu_applied = thread_cpu();
        rounds.wall.push(wall.elapsed());
        rounds.read.push(cpu_read.saturating_sub(cpu));
        rounds.apply.push(cpu_applied.saturating_sub(cpu_read));
        rounds.total.push(cpu_applied.saturating_sub(cpu));
        draw(&mut terminal, &state, &theme);
    }
    let peak = status_kib("VmHWM:");
    drop((state, reader, terminal));
    for _ in 1..FIRST_FRAMES {
        let started = Instant::now();
        let console = first_frame(&servers, series, &endpoint, clock, &runtime, &theme, false);
        first_frames.push(started.elapsed());
        // One console alive at a time, as in the real thing.
        drop(console);
    }
    println!(
        "console on Prometheus: {} servers, {} series per query, {FIRST_FRAMES} first frames, \
         {REFRESHES} refreshes (medians)",
        figures::grouped(SERVERS as u64),
        figures::grouped(series as u64)
    );
    report(
        median(first_frames),
        rounds,
        [rss_before, grown[0], grown[1], peak],
    );
}

fn report(first: Duration, rounds: Refreshes, [before, built, read, peak]: [u64; 4]) {
    let line = |what: &str, figure: String, goal: String| {
        println!("{what:<52} {figure:>10}   {goal}");
    };
    let ms = |d: Duration| figures::duration(d);
    let goal = |limit: String, met: bool| {
        format!(
            "goal <= {limit} {}",
            if met { "(met)" } else { "(NOT met)" }
        )
    };
    let mib = |kib: u64| kib as f64 / 1024.0;
    line(
        "first frame: fleet, first read, update, 120x36 draw",
        ms(first),
        goal(ms(GOAL_FIRST_FRAME), first <= GOAL_FIRST_FRAME),
    );
    let refresh = median(rounds.total);
    line(
        "one refresh, console CPU (read_once + update)",
        ms(refresh),
        goal(ms(GOAL_REFRESH_CPU), refresh <= GOAL_REFRESH_CPU),
    );
    let part = |what: &str, figure: Duration| line(what, ms(figure), String::new());
    part(
        "  of which read_once (HTTP, parse, place)",
        median(rounds.read),
    );
    part(
        "  of which the update (apply_shared, transitions)",
        median(rounds.apply),
    );
    part(
        "one refresh, wall (Prometheus answering included)",
        median(rounds.wall),
    );
    line(
        "peak memory (VmHWM): one console, first frame + refreshes",
        format!("{:.1} MiB", mib(peak)),
        goal(
            format!("{GOAL_MEMORY_MIB} MiB"),
            mib(peak) <= GOAL_MEMORY_MIB,
        ),
    );
    let size = |what: &str, kib: u64| line(what, format!("{:.1} MiB", mib(kib)), String::new());
    size("  before the first fleet was built (VmRSS)", before);
    size(
        "  the first fleet built (VmRSS grew by)",
        built.saturating_sub(before),
    );
    size(
        "  its first read returned (VmRSS grew by)",
        read.saturating_sub(built),
    );
}

/// One first frame: launch, first read, its update, a 120x36 frame drawn. With `measure`,
/// VmRSS once the fleet is built and once the read returned.
fn first_frame(
    servers: &[Server],
    series: usize,
    endpoint: &Endpoint,
    clock: FleetClock,
    runtime: &tokio::runtime::Runtime,
    theme: &Theme,
    measure: bool,
) -> (Console, Vec<u64>) {
    let (mut state, reader) = launch(servers.to_vec(), endpoint, clock);
    let built = status_kib("VmRSS:");
    let read = runtime.block_on(read_once(&reader, clock));
    let grown = if measure {
        vec![built, status_kib("VmRSS:")]
    } else {
        Vec::new()
    };
    if let SharedUpdate::Read(reading) = &read {
        assert_eq!(reading.results.len(), series, "{:?}", reading.warnings);
    } else {
        panic!("the read failed: {read:?}");
    }
    state.now = clock.now();
    update(&mut state, Event::Shared(read));
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    draw(&mut terminal, &state, theme);
    ((state, reader, terminal), grown)
}

/// What the launch makes for an inventory with `health.prometheus`: the fleet set to take
/// Prometheus' word, the reader with the fleet's names, the console sized 120x36.
fn launch(
    servers: Vec<Server>,
    endpoint: &Endpoint,
    clock: FleetClock,
) -> (AppState, SharedReader) {
    let names = servers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.to_ascii_lowercase(), i))
        .collect();
    let mut fleet = FleetState::new(servers, MonitorPolicy::defaults(), false);
    fleet.watch_shared(clock.now(), TimeDelta::seconds(60));
    let banner = Banner {
        mode: Mode::Production {
            inventory: "fleet-10k".into(),
        },
        dry_run: false,
        read_only: false,
    };
    let mut state = AppState::new(fleet, banner, clock.now());
    update(
        &mut state,
        Event::Resize {
            width: 120,
            height: 36,
        },
    );
    let reader = SharedReader {
        prometheus: endpoint.clone(),
        alertmanager: None,
        refresh: Duration::from_secs(15),
        timeout: Duration::from_secs(10),
        servers: names,
    };
    (state, reader)
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &AppState, theme: &Theme) {
    terminal
        .draw(|frame| {
            let view = ScreenView {
                state,
                theme,
                symbols: Symbols { ascii: false },
                log_path: None,
                record_path: None,
            };
            frame.render_widget(view, frame.area());
        })
        .unwrap();
}

/// This thread's CPU so far, user and system.
fn thread_cpu() -> Duration {
    let usage = getrusage(UsageWho::RUSAGE_THREAD).unwrap();
    let micros = |t: nix::sys::time::TimeVal| t.tv_sec() as u64 * 1_000_000 + t.tv_usec() as u64;
    Duration::from_micros(micros(usage.user_time()) + micros(usage.system_time()))
}

/// A `/proc/self/status` figure in KiB.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find_map(|l| l.strip_prefix(field)).unwrap();
    line.trim().trim_end_matches("kB").trim().parse().unwrap()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}
