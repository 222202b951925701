//! `cargo bench --bench loading`: how long `healthdeck lint --inventory` takes on inventories
//! of 10,000 and 100,000 servers, split into reading, parsing (serde_yaml into a `Value`, as
//! a measure of the parser alone) and the whole lint (read, parse into the inventory model,
//! every check); and how long lint takes to refuse a 200 KB file nested 100,000 deep.
//!
//! Goals (issue 15): lint linear in the servers, 100,000 servers ≤ 2 s; the deep file
//! refused in ≤ 0.1 s. The files are written to a temporary folder and removed after.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "shared/figures.rs"]
mod figures;

use figures::grouped;
use healthdeck::config::{parse_yaml, read};
use std::path::Path;
use std::time::{Duration, Instant};

const ROUNDS: usize = 7;
const DEEP_ROUNDS: usize = 31;
const GOAL_100K: Duration = Duration::from_secs(2);
const GOAL_DEEP: Duration = Duration::from_millis(100);

/// An inventory of `servers` servers in four sites, every one with an IMAP and a POP3
/// endpoint, as a generator would write it.
fn inventory(servers: usize) -> String {
    let mut text = String::from("name: bench\nservers:\n");
    let sites = ["AMS", "DUB", "FRA", "LON"];
    for i in 0..servers {
        let role = ["cas", "mailbox", "both"][i % 3];
        let site = sites[i % 4];
        text.push_str(&format!(
            "  - {{ name: srv-{i:06}, role: {role}, site: {site}, \
             imap: [{{ host: srv-{i:06}.example.org, tls: starttls }}], \
             pop3: [{{ host: srv-{i:06}.example.org, tls: implicit }}] }}\n"
        ));
    }
    text
}

/// [`inventory`] with sites of 100 servers in a row, CAS servers first in each.
fn in_blocks(servers: usize) -> String {
    let mut text = String::from("name: bench\nservers:\n");
    for i in 0..servers {
        let role = if i % 100 < 60 { "cas" } else { "mailbox" };
        text.push_str(&format!(
            "  - {{ name: srv-{i:06}, role: {role}, site: S{:04}, \
             imap: [{{ host: srv-{i:06}.example.org, tls: starttls }}] }}\n",
            i / 100
        ));
    }
    text
}

fn median(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort();
    (times[0], times[times.len() / 2], times[times.len() - 1])
}

/// A round this long is far past every goal: the rest are skipped (fewer rounds, same
/// verdict), so a quadratic cost does not hold the bench for many minutes.
const ENOUGH: Duration = Duration::from_secs(20);

fn timed(rounds: usize, mut work: impl FnMut()) -> (Duration, Duration, Duration) {
    let mut times = Vec::new();
    for _ in 0..rounds {
        let start = Instant::now();
        work();
        times.push(start.elapsed());
        if times[times.len() - 1] > ENOUGH {
            break;
        }
    }
    median(times)
}

fn row(what: &str, (min, med, max): (Duration, Duration, Duration), goal: Option<Duration>) {
    let verdict = match goal {
        Some(goal) if med <= goal => format!("{:>8.0} ms  met", goal.as_secs_f64() * 1e3),
        Some(goal) => format!("{:>8.0} ms  MISSED", goal.as_secs_f64() * 1e3),
        None => "       —  no goal".to_owned(),
    };
    println!(
        "{what:<46} {:>9.1} ms {:>9.1} ms {:>9.1} ms {verdict}",
        med.as_secs_f64() * 1e3,
        min.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
    );
}

fn lint_inventory(path: &Path) {
    let found = healthdeck::lint::inventory_findings(path).unwrap();
    assert!(found.is_empty(), "{}", found[0]);
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!();
    println!(
        "{:<46} {:>12} {:>12} {:>12} {:>11}",
        "benchmark", "median", "min", "max", "goal"
    );
    let mut medians = Vec::new();
    for servers in [10_000, 100_000] {
        let path = dir.path().join(format!("inventory-{servers}.yaml"));
        let text = inventory(servers);
        std::fs::write(&path, &text).unwrap();
        let size = text.len() as u64 / 1024;
        let label = |what: &str| {
            format!(
                "{what} {} servers ({} KiB)",
                grouped(servers as u64),
                grouped(size)
            )
        };
        let rounds = if servers > 10_000 { 3 } else { ROUNDS };
        row(
            &label("read"),
            timed(rounds, || {
                read::read_capped(&path, "bench", read::FLEET_CAP).unwrap();
            }),
            None,
        );
        row(
            &label("parse (Value)"),
            timed(rounds, || {
                parse_yaml::<serde_yaml::Value>(&text, "bench").unwrap();
            }),
            None,
        );
        let lint = timed(rounds, || lint_inventory(&path));
        let goal = (servers == 100_000).then_some(GOAL_100K);
        row(&label("lint --inventory"), lint, goal);
        medians.push(lint.1);
    }
    println!(
        "ratio of lint medians 100,000 / 10,000 servers: {:.2} (linear: 10)",
        medians[1].as_secs_f64() / medians[0].as_secs_f64()
    );

    // The console's own wiring of a real fleet, on sites of 100 servers in a row (the
    // layout where finding each CAS server's Mailbox server by scanning costs the most).
    let blocks = dir.path().join("inventory-blocks.yaml");
    std::fs::write(&blocks, in_blocks(100_000)).unwrap();
    let inventory = healthdeck::config::inventory::Inventory::load(&blocks).unwrap();
    row(
        "wire the console for 100,000 servers",
        timed(3, || {
            let prepared = healthdeck::runtime::prober::prepare(&inventory).unwrap();
            healthdeck::launch::RealFleet::of(&inventory, &prepared);
        }),
        None,
    );

    let depth = 100_000;
    let deep = format!("procedures: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let path = dir.path().join("deep.yaml");
    std::fs::write(&path, &deep).unwrap();
    let refused = timed(DEEP_ROUNDS, || {
        let (_, found) = healthdeck::lint::findings(std::slice::from_ref(&path)).unwrap();
        assert!(
            found[0].message.english().contains("nested deeper"),
            "{}",
            found[0]
        );
    });
    row(
        &format!(
            "lint {} KB nested {} deep",
            deep.len() / 1000,
            grouped(depth as u64)
        ),
        refused,
        Some(GOAL_DEEP),
    );
    // For scale: the parser alone (no pre-scan) on a fifth of that depth.
    let fifth = format!(
        "procedures: {}{}\n",
        "[".repeat(depth / 5),
        "]".repeat(depth / 5)
    );
    let alone = timed(1, || {
        serde_yaml::from_str::<serde_yaml::Value>(&fifth).unwrap_err();
    });
    row(
        &format!(
            "serde_yaml alone, {} deep (1 run)",
            grouped(depth as u64 / 5)
        ),
        alone,
        None,
    );
}
