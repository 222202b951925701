//! `cargo bench --bench tick`: what one clock tick costs a 50,000-server training fleet when
//! nothing is due, and when deadlines fire; medians over many ticks. No harness: `Instant`
//! and a sorted list (ARCHITECTURE "Idle is idle").
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "shared/figures.rs"]
mod figures;
#[path = "shared/fleet.rs"]
mod fleet;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use healthdeck::event::Event;
use healthdeck::health::monitor::MonitorState;
use healthdeck::health::{
    AlertValue, FleetState, MetricReport, Monitor, MonitorPolicy, Probe, ProbeKind, ProbeReport,
    Protocol, Role, Span,
};
use healthdeck::runtime::simulator;
use healthdeck::training::{Scenario, Simulator};
use healthdeck::update::{AppState, Banner, Mode, update};
use std::hint::black_box;
use std::time::{Duration, Instant};

const FLEET: usize = 50_000;
const WARM_UP: usize = 50;
const TICKS: usize = 2_000;
/// Monitors turned Degraded together, so that one tick turns them all Unhealthy.
const FIRING: usize = 1_000;
const FIRING_RUNS: usize = 20;
const VISIT_ALL_RUNS: usize = 30;

fn main() {
    let t0 = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let idle_update = idle_ticks(t0, true);
    let idle_fleet = idle_ticks(t0, false);
    let firing = firing_ticks(t0);
    let visit_all = visit_every_monitor(t0);
    let quiet_warm = quiet_results(t0, false);
    let quiet_cold = quiet_results(t0, true);
    let simulated = simulated_results(t0);
    let ms = |d: f64| Duration::from_secs_f64(d / 1_000.0);
    println!();
    println!(
        "{:<58} {:>6} {:>10} {:>10} {:>8}  verdict",
        "benchmark (50,000 servers, 7 to 11 monitors each)", "iters", "median", "p90", "goal"
    );
    row("update(Tick), nothing due", &idle_update, Some(ms(0.2)));
    row("FleetState::tick, nothing due", &idle_fleet, Some(ms(0.2)));
    let fires = format!("update(Tick), {FIRING} monitors turn Unhealthy");
    row(&fires, &firing, None);
    row(
        "every monitor visited (the tick before deadlines)",
        &visit_all,
        None,
    );
    row(
        "update(Probes), a fleet-second of passing results, per result",
        &quiet_warm,
        None,
    );
    row(
        "  the same, caches evicted first (as in a live console)",
        &quiet_cold,
        None,
    );
    row(
        "simulator: a fleet-second of a quiet fleet, per result",
        &simulated,
        None,
    );
    println!();
    println!(
        "ratio of medians, every monitor visited / update(Tick) nothing due: {:.0}",
        visit_all.median.as_secs_f64() / idle_update.median.as_secs_f64()
    );
}

struct Stats {
    iterations: usize,
    median: Duration,
    p90: Duration,
}

impl Stats {
    fn from(mut samples: Vec<Duration>) -> Stats {
        samples.sort_unstable();
        let n = samples.len();
        Stats {
            iterations: n,
            median: samples[n / 2],
            p90: samples[n * 9 / 10],
        }
    }
}

fn row(name: &str, stats: &Stats, goal: Option<Duration>) {
    let (goal_text, verdict) = match goal {
        Some(goal) if stats.median <= goal => (figures::duration(goal), "met"),
        Some(goal) => (figures::duration(goal), "NOT MET"),
        None => ("—".to_owned(), "no goal"),
    };
    println!(
        "{name:<58} {:>6} {:>10} {:>10} {goal_text:>8}  {verdict}",
        stats.iterations,
        figures::duration(stats.median),
        figures::duration(stats.p90),
    );
}

/// A training console whose every monitor has had a passing result at `t0`: all Healthy,
/// each due only when it would go stale (`stale_after` later; 5 min by default).
fn console(t0: DateTime<Utc>, policies: &[MonitorPolicy; Monitor::COUNT]) -> AppState {
    let servers = fleet::servers(FLEET, |i| format!("S{:02}", i % 20));
    let roles: Vec<Role> = servers.iter().map(|s| s.role).collect();
    let fleet = FleetState::new(servers, *policies, true);
    let banner = Banner {
        mode: Mode::Training {
            speed: 10.0,
            scenario: "bench".into(),
        },
        dry_run: false,
        read_only: false,
    };
    let mut state = AppState::new(fleet, banner, t0);
    let mut healthy = Vec::new();
    let mut metrics = Vec::new();
    for (server, &role) in roles.iter().enumerate() {
        let probes = Probe::all().filter(|p| role.runs(p.role()));
        healthy.extend(probes.map(|p| fleet::report(server, p, t0, true)));
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
    update(&mut state, Event::Tick(t0));
    state
}

/// Ticks 50 ms of fleet clock apart (the loop's cadence is coarser): none crosses a deadline.
fn idle_ticks(t0: DateTime<Utc>, through_update: bool) -> Stats {
    let mut state = console(t0, &MonitorPolicy::defaults());
    let mut samples = Vec::with_capacity(TICKS);
    for run in 0..WARM_UP + TICKS {
        let now = state.now + TimeDelta::milliseconds(50);
        let start = Instant::now();
        if through_update {
            black_box(update(&mut state, Event::Tick(now)));
        } else {
            state.now = now;
            state.fleet.tick(now);
        }
        let elapsed = start.elapsed();
        if run >= WARM_UP {
            samples.push(elapsed);
        }
    }
    let unknown = state.fleet.counts()[AlertValue::Unknown.index()];
    assert_eq!(unknown, 0, "nothing went stale: nothing was due");
    Stats::from(samples)
}

/// Each run: `FIRING` CTP monitors fail three times (Degraded), then the one tick 60 s later
/// turns them all Unhealthy. Only that tick is timed. Nothing goes stale meanwhile: the
/// runs take 20 min of fleet clock.
fn firing_ticks(t0: DateTime<Utc>) -> Stats {
    let policies = MonitorPolicy::defaults().map(|p| MonitorPolicy {
        stale_after: Span::minutes(24 * 60),
        ..p
    });
    let mut state = console(t0, &policies);
    let ctp = Probe::all()
        .find(|p| p.kind == ProbeKind::Ctp && p.role() == Role::Cas)
        .unwrap();
    let unhealthy = |s: &AppState| s.fleet.counts()[AlertValue::Unhealthy.index()];
    let mut samples = Vec::with_capacity(FIRING_RUNS);
    for run in 0..FIRING_RUNS {
        let base = state.now;
        // CAS servers (index 0 or 1 modulo 5): a different set each run.
        let servers = (0..FIRING).map(|k| ((run % 10) * FIRING + k) * 5 + run / 10);
        let failed: Vec<ProbeReport> = servers
            .flat_map(|s| (0..3).map(move |k| (s, k)))
            .map(|(s, k)| fleet::report(s, ctp, base + TimeDelta::seconds(k), false))
            .collect();
        update(&mut state, Event::Probes(failed));
        let before = unhealthy(&state);
        let now = base + TimeDelta::seconds(2 + 60);
        let start = Instant::now();
        black_box(update(&mut state, Event::Tick(now)));
        samples.push(start.elapsed());
        assert_eq!(unhealthy(&state), before + FIRING, "run {run}");
    }
    Stats::from(samples)
}

/// What an idle training fleet mostly does (ARCHITECTURE "Idle is idle"): take one fleet
/// second's passing results, the next sixtieth of the fleet in fleet order, as the simulator
/// sends them. `cold`: first evict the caches, as the 100 ms between two simulator wakes of
/// a live console do (the machine runs other things). Timed per result.
fn quiet_results(t0: DateTime<Utc>, cold: bool) -> Stats {
    const RUNS: usize = 600;
    let mut state = console(t0, &MonitorPolicy::defaults());
    let roles: Vec<Role> = state.fleet.servers().iter().map(|s| s.role).collect();
    let share = FLEET / 60;
    // Larger than the last-level cache of the machines we measure on.
    let mut elsewhere = vec![0u8; 64 << 20];
    let mut samples = Vec::with_capacity(RUNS);
    for run in 0..WARM_UP + RUNS {
        let at = t0 + TimeDelta::seconds(run as i64 + 1);
        let first = (run % 60) * share;
        let results: Vec<ProbeReport> = (first..first + share)
            .flat_map(|server| {
                let role = roles[server];
                Probe::all()
                    .filter(move |p| role.runs(p.role()))
                    .map(move |p| fleet::report(server, p, at, true))
            })
            .collect();
        if cold {
            for line in elsewhere.chunks_mut(64) {
                line[0] = line[0].wrapping_add(1);
            }
            black_box(&elsewhere);
        }
        let count = results.len() as u32;
        let start = Instant::now();
        black_box(update(&mut state, Event::Probes(results)));
        if run >= WARM_UP {
            samples.push(start.elapsed() / count);
        }
    }
    Stats::from(samples)
}

/// What a tick cost before deadlines: `MonitorState::tick` on every monitor of the fleet,
/// nothing due.
fn visit_every_monitor(t0: DateTime<Utc>) -> Stats {
    let state = console(t0, &MonitorPolicy::defaults());
    let policies = MonitorPolicy::defaults();
    let mut monitors: Vec<(usize, MonitorState)> = Vec::new();
    for server in 0..FLEET {
        for monitor in Monitor::ALL {
            if let Some(m) = state.fleet.monitor(server, monitor) {
                monitors.push((monitor.index(), m.clone()));
            }
        }
    }
    let mut samples = Vec::with_capacity(VISIT_ALL_RUNS);
    let mut now = t0;
    for _ in 0..VISIT_ALL_RUNS {
        now += TimeDelta::milliseconds(50);
        let start = Instant::now();
        for (index, monitor) in &mut monitors {
            let policy = &policies[*index];
            let before = (monitor.alert, monitor.is_flapping(policy));
            monitor.tick(policy, now);
            black_box(before != (monitor.alert, monitor.is_flapping(policy)));
        }
        samples.push(start.elapsed());
    }
    Stats::from(samples)
}

/// The training simulator's side of idling: a fleet-second's probes and metrics sampled
/// (`runtime::simulator::sample`), per result, over the whole fleet in turn.
fn simulated_results(t0: DateTime<Utc>) -> Stats {
    const RUNS: usize = 600;
    let mut text = "name: bench\ntitle: bench\nfleet:\n".to_owned();
    for i in 0..FLEET {
        let role = if i % 2 == 0 { "cas" } else { "mailbox" };
        text += &format!(
            "  - {{ name: s-{i:06}, role: {role}, site: S{} }}\n",
            i / 100
        );
    }
    let scenario = Scenario::parse(&text, "bench.yaml").unwrap();
    let simulator = Simulator::new(scenario, t0);
    let mut schedule = simulator::schedule(&simulator, t0);
    let mut samples = Vec::with_capacity(RUNS);
    for run in 0..WARM_UP + RUNS {
        let now = t0 + TimeDelta::seconds(run as i64 + 1);
        let start = Instant::now();
        let (probes, metrics) = black_box(simulator::sample(&simulator, &mut schedule, now));
        let elapsed = start.elapsed();
        let count = (probes.len() + metrics.len()).max(1) as u32;
        if run >= WARM_UP {
            samples.push(elapsed / count);
        }
    }
    Stats::from(samples)
}
