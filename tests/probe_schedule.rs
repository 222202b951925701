//! The probe schedule, by simulated time (`probe_plan::schedule`): spread, bounds, and
//! lateness said when the bound cannot keep the schedule. No network, no clock.
#![allow(clippy::unwrap_used)]

mod common;

use healthdeck::probe_plan::schedule::{FLOOR, PER_SERVER, Schedule, tolerance};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Duration;

const MS: Duration = Duration::from_millis(1);

/// `servers` × `per_server` probes, every `interval`.
fn fleet(servers: usize, per_server: usize, interval: Duration) -> Vec<(usize, Duration)> {
    (0..servers)
        .flat_map(|s| (0..per_server).map(move |_| (s, interval)))
        .collect()
}

/// Every start, as (slot, when, how late), in a world where each probe takes `took`
/// and time moves in 1 ms steps until `until`.
struct Run {
    starts: Vec<(usize, Duration, Duration)>,
    most_in_flight: usize,
    most_on_a_server: u8,
}

fn simulate(
    schedule: &mut Schedule,
    probes: &[(usize, Duration)],
    took: Duration,
    until: Duration,
) -> Run {
    let mut ending: BinaryHeap<Reverse<(Duration, usize)>> = BinaryHeap::new();
    let mut on_server = vec![0u8; probes.iter().map(|p| p.0 + 1).max().unwrap_or(0)];
    let mut run = Run {
        starts: Vec::new(),
        most_in_flight: 0,
        most_on_a_server: 0,
    };
    let mut now = Duration::ZERO;
    while now < until {
        while let Some(&Reverse((end, slot))) = ending.peek()
            && end <= now
        {
            ending.pop();
            on_server[probes[slot].0] -= 1;
            schedule.finished(slot, now, took);
        }
        while let Some(start) = schedule.next_start(now) {
            run.starts.push((start.slot, now, start.late));
            ending.push(Reverse((now + took, start.slot)));
            on_server[probes[start.slot].0] += 1;
            run.most_on_a_server = run.most_on_a_server.max(on_server[probes[start.slot].0]);
        }
        run.most_in_flight = run.most_in_flight.max(schedule.in_flight());
        now += MS;
    }
    run
}

#[test]
fn a_servers_probes_are_spread_over_the_interval_not_fired_together() {
    let interval = Duration::from_secs(60);
    let probes = fleet(50, 4, interval);
    let mut schedule = Schedule::new(&probes, 1_024);
    let run = simulate(&mut schedule, &probes, 10 * MS, interval);
    assert_eq!(
        run.starts.len(),
        probes.len(),
        "each probe once in the first interval"
    );
    for server in 0..50 {
        let mut at: Vec<Duration> = run
            .starts
            .iter()
            .filter(|s| probes[s.0].0 == server)
            .map(|s| s.1)
            .collect();
        at.sort();
        for pair in at.windows(2) {
            // Four probes a server: a quarter of the interval apart.
            assert!(
                pair[1].saturating_sub(pair[0]) + 2 * MS >= interval / 4,
                "server {server}'s probes at {at:?}"
            );
        }
    }
}

#[test]
fn a_fleet_the_bound_allows_is_probed_on_time_every_interval() {
    // 200 servers behind a 50 ms round trip, 5 s apart: the shape of the WAN test.
    let interval = Duration::from_secs(5);
    let probes = fleet(200, 4, interval);
    let mut schedule = Schedule::new(&probes, 1_024);
    let run = simulate(&mut schedule, &probes, 300 * MS, 4 * interval);
    let late: Vec<_> = run
        .starts
        .iter()
        .filter(|s| s.2 > tolerance(interval))
        .collect();
    assert!(
        late.is_empty(),
        "{} late starts: {:?}",
        late.len(),
        &late[..late.len().min(5)]
    );
    assert!(
        run.starts.len() >= probes.len() * 3,
        "{} starts",
        run.starts.len()
    );
    let pace = schedule.pace(4 * interval);
    assert!(!pace.behind(), "{pace:?}");
    let window = schedule.take_window(4 * interval);
    assert_eq!(window.on_time, window.ran);
    assert_eq!(window.skipped, 0);
}

#[test]
fn the_bound_follows_what_the_fleet_needs_within_floor_and_ceiling() {
    let interval = Duration::from_secs(60);
    let probes = fleet(10_000, 4, interval);
    // 667 probes a second at 0.4 s each need ~270 at once: twice that is allowed.
    let mut schedule = Schedule::new(&probes, 1_024);
    simulate(&mut schedule, &probes, 400 * MS, Duration::from_secs(3));
    let limit = schedule.limit();
    assert!((400..=700).contains(&limit), "limit {limit}");
    // The same fleet with a low ceiling: never above it.
    let mut low = Schedule::new(&probes, 50);
    let run = simulate(&mut low, &probes, 400 * MS, Duration::from_secs(3));
    assert!(run.most_in_flight <= 50, "{}", run.most_in_flight);
    // A small, fast fleet: the floor.
    let small = fleet(3, 4, interval);
    let mut few = Schedule::new(&small, 1_024);
    simulate(&mut few, &small, 5 * MS, interval);
    assert_eq!(few.limit(), FLOOR);
}

#[test]
fn no_server_ever_has_more_than_two_probes_in_flight() {
    // Everything due at once (`check`), one server with eight probes, room for all.
    let probes = fleet(2, 8, Duration::from_secs(60));
    let mut schedule = Schedule::once(&probes, 1_024);
    let run = simulate(&mut schedule, &probes, 50 * MS, Duration::from_secs(2));
    assert_eq!(run.most_on_a_server, PER_SERVER);
    assert_eq!(run.starts.len(), 16, "each probe exactly once");
    assert!(schedule.all_done());
}

#[test]
fn a_ceiling_too_low_is_said_as_lateness_and_skipped_runs() {
    let interval = Duration::from_secs(10);
    let probes = fleet(20, 4, interval);
    // 80 probes of 1 s every 10 s need 8 at once; 2 are allowed.
    let mut schedule = Schedule::new(&probes, 2);
    simulate(&mut schedule, &probes, Duration::from_secs(1), 6 * interval);
    let pace = schedule.pace(6 * interval);
    assert!(pace.behind(), "{pace:?}");
    assert!(pace.late > 20, "{pace:?}");
    assert!(pace.worst_late > interval, "{pace:?}");
    assert_eq!(pace.limit, pace.ceiling);
    assert!(pace.why().contains("ceiling"), "{}", pace.why());
    let window = schedule.take_window(6 * interval);
    assert!(window.skipped > 0, "{window:?}");
    assert!(window.on_schedule() < 0.5, "{window:?}");
}

#[test]
fn a_late_probe_keeps_its_place_on_the_grid() {
    // One probe, due at 0, 10, 20 …: a run 3 s late does not move the next due time.
    let interval = Duration::from_secs(10);
    let probes = [(0, interval)];
    let mut schedule = Schedule::new(&probes, 8);
    let first = schedule.next_start(Duration::from_secs(3)).unwrap();
    assert_eq!(first.late, Duration::from_secs(3));
    schedule.finished(first.slot, Duration::from_secs(4), Duration::from_secs(1));
    assert_eq!(schedule.next_wake(), Some(interval));
    // Ending after two whole intervals passed: they are skipped, not run in a burst.
    let second = schedule.next_start(interval).unwrap();
    schedule.finished(
        second.slot,
        Duration::from_secs(35),
        Duration::from_secs(25),
    );
    assert_eq!(schedule.next_wake(), Some(Duration::from_secs(30)));
    assert_eq!(schedule.take_window(interval).skipped, 1);
}

mod record {
    use chrono::{DateTime, TimeDelta, Utc};
    use healthdeck::effect::Effect;
    use healthdeck::event::Event;
    use healthdeck::health::{FleetState, MonitorPolicy, Probe, ProbeReport, Role, Server};
    use healthdeck::incident::entry::Entry;
    use healthdeck::probe_plan::pace::Pace;
    use healthdeck::update::{AppState, update};

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-05T03:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    /// Every probe of the first `servers` servers passes at `at`.
    fn answered(state: &mut AppState, servers: usize, at: DateTime<Utc>) -> Vec<Effect> {
        let reports = (0..servers)
            .flat_map(|server| {
                Probe::all().map(move |probe| ProbeReport {
                    server,
                    probe,
                    at,
                    succeeded: true,
                    latency_ms: 20,
                    error: None,
                    late_ms: 0,
                })
            })
            .collect();
        update(state, Event::Probes(reports))
    }

    /// `servers` Mailbox servers never probed yet.
    fn unprobed(servers: usize) -> AppState {
        let fleet: Vec<Server> = (0..servers)
            .map(|i| Server {
                name: format!("mbx-{i:02}"),
                role: Role::Mailbox,
                site: "LAB".into(),
            })
            .collect();
        let fleet = FleetState::new(fleet, MonitorPolicy::defaults(), false);
        super::common::production(fleet, "lab", t0())
    }

    /// `servers` Mailbox servers whose every probe passed at `t0`: Healthy, until stale.
    fn healthy(servers: usize) -> AppState {
        let mut state = unprobed(servers);
        answered(&mut state, servers, t0());
        state
    }

    fn recorded(effects: &[Effect]) -> Vec<&Entry> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Record(entry) => Some(entry),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn many_monitors_going_stale_at_once_are_one_record_entry_with_the_count() {
        let mut state = healthy(40);
        update(&mut state, Event::Pace(behind()));
        let effects = update(&mut state, Event::Tick(t0() + TimeDelta::minutes(6)));
        let entries = recorded(&effects);
        let stale: Vec<_> = entries
            .iter()
            .filter(|e| matches!(e, Entry::Stale { .. }))
            .collect();
        assert_eq!(stale.len(), 1, "{entries:?}");
        let Entry::Stale {
            count,
            monitors,
            servers,
            prober_behind,
        } = stale[0]
        else {
            unreachable!()
        };
        assert!(*count >= 40 * 2, "{count}");
        assert_eq!(monitors.values().sum::<usize>(), *count);
        assert_eq!(servers.first().map(String::as_str), Some("mbx-00"));
        assert!(servers.len() <= 10);
        assert!(*prober_behind);
        assert!(
            !entries
                .iter()
                .any(|e| matches!(e, Entry::Transition { to, .. } if to == "Unknown")),
            "no line per stale monitor: {entries:?}"
        );
    }

    #[test]
    fn a_monitor_answering_again_after_going_stale_is_recorded() {
        // Its first Healthy was no news; its return from Unknown is: without it, the
        // record (and a replay of it) leaves the monitor stale for ever.
        let mut state = unprobed(1);
        let first = answered(&mut state, 1, t0());
        assert!(
            !recorded(&first)
                .iter()
                .any(|e| matches!(e, Entry::Transition { .. }))
        );
        update(&mut state, Event::Tick(t0() + TimeDelta::minutes(6)));
        let back = answered(&mut state, 1, t0() + TimeDelta::minutes(7));
        let entries = recorded(&back);
        let again = entries
            .iter()
            .filter(|e| {
                matches!(e, Entry::Transition { from, to, .. }
                    if from == "Unknown" && to == "Healthy")
            })
            .count();
        assert!(again >= 4, "{entries:?}");
    }

    #[test]
    fn many_monitors_answering_again_at_once_are_one_record_entry() {
        let mut state = healthy(40);
        update(&mut state, Event::Tick(t0() + TimeDelta::minutes(6)));
        let back = answered(&mut state, 40, t0() + TimeDelta::minutes(7));
        let entries = recorded(&back);
        let fresh: Vec<_> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Fresh { count, servers, .. } => Some((count, servers)),
                _ => None,
            })
            .collect();
        assert_eq!(fresh.len(), 1, "{entries:?}");
        assert!(*fresh[0].0 >= 40 * 2);
        assert_eq!(fresh[0].1.first().map(String::as_str), Some("mbx-00"));
        assert!(
            !entries
                .iter()
                .any(|e| matches!(e, Entry::Transition { .. })),
            "no line per monitor: {entries:?}"
        );
    }

    #[test]
    fn one_server_going_stale_keeps_its_own_lines() {
        let mut state = healthy(1);
        let effects = update(&mut state, Event::Tick(t0() + TimeDelta::minutes(6)));
        let entries = recorded(&effects);
        assert!(!entries.iter().any(|e| matches!(e, Entry::Stale { .. })));
        let lines = entries
            .iter()
            .filter(|e| matches!(e, Entry::Transition { to, .. } if to == "Unknown"))
            .count();
        assert!(lines >= 4, "{entries:?}");
    }

    fn behind() -> Pace {
        Pace {
            limit: 8,
            ceiling: 8,
            late: 300,
            worst_late: std::time::Duration::from_secs(90),
            window: None,
        }
    }

    #[test]
    fn falling_behind_and_catching_up_are_recorded_and_shown() {
        let mut state = healthy(2);
        let effects = update(&mut state, Event::Pace(behind()));
        assert!(matches!(
            recorded(&effects)[..],
            [Entry::Behind { late: 300, .. }]
        ));
        let flash = state.view.flash.clone().unwrap_or_default();
        assert!(
            flash.contains("300 late") && flash.contains("ceiling of 8"),
            "{flash}"
        );
        // Still behind: nothing more recorded until it catches up.
        assert!(recorded(&update(&mut state, Event::Pace(behind()))).is_empty());
        let caught_up = Pace {
            late: 0,
            worst_late: std::time::Duration::ZERO,
            ..behind()
        };
        let effects = update(&mut state, Event::Pace(caught_up));
        assert!(matches!(
            recorded(&effects)[..],
            [Entry::Behind { late: 0, .. }]
        ));
        assert!(!state.pace.behind());
    }
}
