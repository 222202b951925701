//! The probe benchmark's table of medians, healthdeck's cost over the floor's, the agent's
//! over the in-process probe's, and the goals.

use super::util::{median, verdict};
use super::{Row, Sample, Service, Tool};

/// healthdeck's CPU per login at most this many times the floor's (plain and TLS).
const GOAL_FLOOR: f64 = 1.15;
/// healthdeck's CPU per plain IMAP login at most this share of the exporter's.
const GOAL_EXPORTER_PLAIN: f64 = 0.25;
/// The same with TLS.
const GOAL_EXPORTER_TLS: f64 = 0.50;
/// The agent's CPU per IMAP login at most this many times the in-process probe's (issue 19).
const GOAL_AGENT_IN_PROCESS: f64 = 1.2;
/// The agent's CPU per IMAP login at most this share of the exporter's (issue 19).
const GOAL_AGENT_EXPORTER: f64 = 0.25;

const NAMES: [(Service, &str); 5] = [
    (Service::Imap, "plain IMAP login"),
    (Service::Imaps, "IMAPS login"),
    (Service::Pop3, "plain POP3 login"),
    (Service::Pop3s, "POP3S login"),
    (Service::Greeting, "IMAP connect+greeting"),
];

/// A row's median CPU, whether every probe succeeded, and each round's CPU.
struct Cpu {
    median: f64,
    valid: bool,
    rounds: Vec<f64>,
}

/// The table of medians and the goal ratios.
pub fn report(rows: &[Row], samples: &[Vec<Sample>], hz: f64) {
    println!();
    println!(
        "{:<52} {:>6} {:>6} {:>9} {:>13} {:>17}",
        "row (median of rounds)", "probes", "failed", "probes/s", "CPU µs/probe", "CPU min–max"
    );
    let mut cpus = Vec::new();
    for (row, kept) in rows.iter().zip(samples) {
        let rate = median(kept.iter().map(Sample::rate).collect());
        let rounds: Vec<f64> = kept.iter().map(|s| s.cpu_us(hz)).collect();
        let cpu = median(rounds.clone());
        let (lo, hi) = rounds
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), c| (lo.min(*c), hi.max(*c)));
        let failed: usize = kept.iter().map(|s| s.failed).sum();
        println!(
            "{:<52} {:>6} {:>6} {:>9.1} {:>13.1} {:>17}{}",
            row.label(),
            kept[0].probes,
            failed,
            rate,
            cpu,
            format!("{lo:.1}–{hi:.1}"),
            if failed > 0 { "  INVALID" } else { "" }
        );
        let valid = failed == 0;
        cpus.push((
            *row,
            Cpu {
                median: cpu,
                valid,
                rounds,
            },
        ));
    }
    let cpu_of = |tool: Tool, service: Service| {
        cpus.iter()
            .find(|(r, _)| r.tool == tool && r.service == service)
            .map(|(_, cpu)| cpu)
    };
    println!();
    for (service, goal, name) in [
        (Service::Imap, Some(GOAL_FLOOR), "plain IMAP login"),
        (Service::Imaps, Some(GOAL_FLOOR), "IMAPS login"),
        (Service::Pop3, None, "plain POP3 login"),
        (Service::Pop3s, None, "POP3S login"),
        (Service::Greeting, None, "IMAP connect+greeting"),
    ] {
        let ours = cpu_of(Tool::Healthdeck, service);
        let prefix = format!("CPU per {name}, healthdeck / floor:");
        ratio(&prefix, ours, cpu_of(Tool::Floor, service), goal, "×");
    }
    println!();
    for (service, goal, name) in [
        (Service::Imap, Some(GOAL_EXPORTER_PLAIN), "plain IMAP login"),
        (Service::Imaps, Some(GOAL_EXPORTER_TLS), "IMAPS login"),
        (Service::Pop3, None, "plain POP3 login"),
        (Service::Pop3s, None, "POP3S login"),
        (Service::Greeting, None, "IMAP connect+greeting"),
    ] {
        let ours = cpu_of(Tool::Healthdeck, service);
        let prefix = format!("CPU per {name}, healthdeck / blackbox_exporter:");
        ratio(&prefix, ours, cpu_of(Tool::Blackbox, service), goal, "");
    }
    println!();
    // Issue 19's goals are for the login probe Prometheus would scrape most: IMAP's.
    let login_goal =
        |service, goal| matches!(service, Service::Imap | Service::Imaps).then_some(goal);
    for (service, name) in NAMES {
        let agent = cpu_of(Tool::Agent, service);
        let prefix = format!("CPU per {name}, agent / in-process:");
        let goal = login_goal(service, GOAL_AGENT_IN_PROCESS);
        ratio(&prefix, agent, cpu_of(Tool::Healthdeck, service), goal, "×");
    }
    println!();
    for (service, name) in NAMES {
        let agent = cpu_of(Tool::Agent, service);
        let prefix = format!("CPU per {name}, agent / blackbox_exporter:");
        let goal = login_goal(service, GOAL_AGENT_EXPORTER);
        ratio(&prefix, agent, cpu_of(Tool::Blackbox, service), goal, "");
    }
    // The same goals with kept connections, as Prometheus scrapes: each side kept.
    println!();
    for (service, name) in NAMES {
        let agent = cpu_of(Tool::AgentKept, service);
        let prefix = format!("CPU per {name}, agent kept / in-process:");
        let goal = login_goal(service, GOAL_AGENT_IN_PROCESS);
        ratio(&prefix, agent, cpu_of(Tool::Healthdeck, service), goal, "×");
    }
    println!();
    for (service, name) in NAMES {
        let agent = cpu_of(Tool::AgentKept, service);
        let prefix = format!("CPU per {name}, agent / exporter, both kept:");
        let goal = login_goal(service, GOAL_AGENT_EXPORTER);
        ratio(
            &prefix,
            agent,
            cpu_of(Tool::BlackboxKept, service),
            goal,
            "",
        );
    }
}

/// One line `ours / theirs = ratio` with its goal, and the ratio in each round (rows take
/// turns within a round, so a round's ratio compares like with like).
fn ratio(prefix: &str, ours: Option<&Cpu>, theirs: Option<&Cpu>, goal: Option<f64>, unit: &str) {
    match (ours, theirs) {
        (Some(ours), Some(theirs)) if ours.valid && theirs.valid => {
            let ratio = ours.median / theirs.median;
            let verdict = goal.map_or_else(
                || "(no goal)".to_owned(),
                |g| format!("goal ≤ {g:.2}{unit}  {}", verdict(ratio <= g)),
            );
            let shown = if unit.is_empty() {
                format!("{ratio:.3} (1/{:.1})", 1.0 / ratio)
            } else {
                format!("{ratio:.3}{unit}")
            };
            let rounds: Vec<String> = ours
                .rounds
                .iter()
                .zip(&theirs.rounds)
                .map(|(a, b)| format!("{:.3}", a / b))
                .collect();
            println!(
                "{prefix:<62} {:.1} / {:.1} µs = {shown}  {verdict}",
                ours.median, theirs.median
            );
            println!("{:<62} each round: {}", "", rounds.join(", "));
        }
        (None, _) | (_, None) => println!("{prefix:<62} n/a: a row was not run"),
        _ => println!("{prefix:<62} n/a: a row had failed probes (INVALID)"),
    }
}
