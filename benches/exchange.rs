//! `cargo bench --bench exchange`: reading and applying Managed Availability poll answers,
//! 40 monitors over the six IMAP and POP health sets per server, as healthdeck's script
//! writes them. Medians per server over many rounds of 1,000 servers; the goal is 1,000
//! servers' answers applied in 20 ms or less. No harness: `Instant` and a sorted list.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "shared/figures.rs"]
mod figures;

use chrono::{TimeZone, Utc};
use healthdeck::health::exchange::{ExchangeReport, read};
use healthdeck::health::{FleetState, HealthSet, Monitor, MonitorPolicy, Role, Server};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SERVERS: usize = 1_000;
const MONITORS: usize = 40;
const ROUNDS: usize = 30;

/// One server's answer: the seeds' monitors and extra ones up to 40, one Unhealthy when
/// `failing`, with errors and dates as the script writes them.
fn answer(server: usize, failing: bool) -> String {
    let mut rows = Vec::new();
    for i in 0..MONITORS {
        let set = HealthSet::ALL[i % 6];
        let name = Monitor::of(set).nth(i / 6).map_or_else(
            || format!("{}Extra{i}Monitor", set.name().replace('.', "")),
            |m| m.name().to_owned(),
        );
        let alert = if failing && i == 0 {
            "Unhealthy"
        } else {
            "Healthy"
        };
        rows.push(format!(
            r#"{{"Name":"{name}","HealthSetName":"{}","AlertValue":"{alert}","LastExecutionResult":"Succeeded","TargetResource":"MSExchangeIMAP4","Error":"{}","Exception":"","LastTransitionTime":"2026-12-05T02:40:00.0000000Z","FirstAlertObservedTime":null,"LastExecutionTime":"2026-12-05T03:11:30.0000000Z","IsStale":false}}"#,
            set.name(),
            if alert == "Unhealthy" { "ImapCTPProbe: Login failed (timeout)" } else { "" }
        ));
    }
    format!(
        r#"{{"Server":"ex-{server:04}","Health":[{}],"Components":[{{"Component":"ImapProxy","State":"Active","Requesters":[]}},{{"Component":"PopProxy","State":"Active","Requesters":[]}},{{"Component":"ServerWideOffline","State":"Active","Requesters":[]}}]}}"#,
        rows.join(",")
    )
}

fn fleet() -> FleetState {
    let servers = (0..SERVERS).map(|i| Server {
        name: format!("ex-{i:04}"),
        role: Role::Both,
        site: "DAG1".to_owned(),
    });
    let mut fleet = FleetState::new(servers.collect(), MonitorPolicy::defaults(), false);
    let unwatched: Vec<(usize, Monitor)> = (0..SERVERS)
        .flat_map(|s| {
            Monitor::ALL
                .into_iter()
                .filter(|m| m.probe().is_some())
                .map(move |m| (s, m))
        })
        .collect();
    fleet.watch_exchange(&unwatched, chrono::TimeDelta::minutes(4));
    fleet
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let at = Utc.with_ymd_and_hms(2026, 12, 5, 3, 12, 0).unwrap();
    // Two answers per server that alternate, so every round changes one alert per server.
    let texts: Vec<[String; 2]> = (0..SERVERS)
        .map(|s| [answer(s, false), answer(s, true)])
        .collect();
    let bytes: usize = texts.iter().map(|t| t[0].len()).sum();
    let mut fleet = fleet();
    let (mut reads, mut applies, mut quiet) = (Vec::new(), Vec::new(), Vec::new());
    let mut apply_all = |verdicts: Vec<_>| {
        let started = Instant::now();
        for (server, verdict) in verdicts.into_iter().enumerate() {
            fleet.apply_exchange(ExchangeReport {
                server,
                at,
                answer: Ok(verdict),
            });
        }
        black_box(fleet.take_exchange_transitions());
        started.elapsed()
    };
    let read_all =
        |round: usize| -> Vec<_> { texts.iter().map(|t| read(&t[round % 2]).unwrap()).collect() };
    for round in 0..ROUNDS {
        let started = Instant::now();
        let verdicts = read_all(round);
        reads.push(started.elapsed());
        applies.push(apply_all(verdicts));
        // The same answer again: nothing changes (most polls of a quiet fleet).
        quiet.push(apply_all(read_all(round)));
    }
    let per = |d: Duration| d / u32::try_from(SERVERS).unwrap();
    let (read, apply, quiet) = (median(reads), median(applies), median(quiet));
    println!();
    println!(
        "Managed Availability answers: {SERVERS} servers x {MONITORS} monitors, {} bytes each, {ROUNDS} rounds",
        bytes / SERVERS
    );
    println!("{:<52} {:>12} {:>12}", "", "per server", "1,000 servers");
    println!(
        "{:<52} {:>12} {:>12}",
        "read (JSON to a verdict)",
        figures::duration(per(read)),
        figures::duration(read)
    );
    println!(
        "{:<52} {:>12} {:>12}",
        "applied, one alert changes per server",
        figures::duration(per(apply)),
        figures::duration(apply)
    );
    println!(
        "{:<52} {:>12} {:>12}",
        "applied, nothing changes",
        figures::duration(per(quiet)),
        figures::duration(quiet)
    );
    println!(
        "{:<52} {:>12} {:>12}",
        "read + applied (alert changes)",
        figures::duration(per(read + apply)),
        figures::duration(read + apply)
    );
    let goal = Duration::from_millis(20);
    println!(
        "goal: 1,000 servers' answers applied in <= 20 ms: {} ({}); read and applied: {}",
        if apply <= goal { "met" } else { "NOT met" },
        figures::duration(apply),
        if read + apply <= goal {
            "also within 20 ms"
        } else {
            "over 20 ms"
        }
    );
}
