//! `cargo bench --bench fleet`: one console keeping a WAN fleet on schedule.
//!
//! The release binary runs in tmux on a generated inventory of N servers (2 CAS : 2
//! Mailbox : 1 both, an IMAP and a POP3 endpoint each, a login for the probes that log in),
//! every probe every 60 s. The servers are one light fake IMAP/POP3 server in this process
//! that answers every line 50 ms late, greeting included: a 50 ms round trip per exchange.
//! Dovecot cannot be the target here: it forks a login process per connection, and on this
//! 2-core machine it tops out near 170 logins a second, a fifth of what 10,000 servers need.
//!
//! After one interval of warm-up (the first round is spread over it), the bench reads the
//! console's CPU (`/proc/PID/stat`) over a window, its peak memory (`VmHWM`), and, from the
//! incident record it leaves, the prober's own `schedule` entries for that window: probes
//! started within a fifth of their interval of the due time, out of all that were due.
//!
//! First, `healthdeck check` on 1,000 of those servers, three runs (goal: under 10 s).
//!
//! Environment: `FLEET_BENCH_CHECK` (servers for `check`, default 1000; 0 skips it),
//! `FLEET_BENCH_SIZES` (default `1000,5000,10000`), `FLEET_BENCH_SECS` (the
//! measured window, default 120), `FLEET_BENCH_RTT_MS` (default 50).
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark reads the clock

#[path = "fleet/check.rs"]
mod check;
#[path = "fleet/console.rs"]
mod console;
#[path = "../tests/support/fake_mail.rs"]
mod fake_mail;
#[path = "shared/figures.rs"]
mod figures;
#[path = "fleet/wan.rs"]
mod wan;

use figures::grouped;
use std::time::Duration;

const INTERVAL: Duration = Duration::from_secs(60);
const GOAL_ON_SCHEDULE: f64 = 0.99;
const GOAL_CPU: f64 = 15.0;
const GOAL_HWM_MIB: f64 = 128.0;
const GOAL_CHECK: Duration = Duration::from_secs(10);

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("FLEET_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,5000,10000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let window = Duration::from_secs(env_number("FLEET_BENCH_SECS", 120));
    let rtt = Duration::from_millis(env_number("FLEET_BENCH_RTT_MS", 50));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let servers = runtime.block_on(wan::WanServers::start(rtt));
    let checked = env_number("FLEET_BENCH_CHECK", 1_000) as usize;
    if checked > 0 {
        let c = check::time_check(checked, &servers, 5);
        let mut sorted = c.runs.clone();
        sorted.sort();
        let median = sorted[sorted.len() / 2];
        println!(
            "check of {} servers at {} ms RTT: median {:.2} s, goal < {} s: {}",
            grouped(checked as u64),
            rtt.as_millis(),
            median.as_secs_f64(),
            GOAL_CHECK.as_secs(),
            if median < GOAL_CHECK {
                "met"
            } else {
                "NOT met"
            },
        );
        for (run, verdict) in c.runs.iter().zip(&c.verdicts) {
            println!("  run: {:>6.2} s  {verdict}", run.as_secs_f64());
        }
    }
    println!(
        "fleet benchmark: {} ms round trip, probes every {} s, {} s measured after {} s of warm-up",
        rtt.as_millis(),
        INTERVAL.as_secs(),
        window.as_secs(),
        console::warm_up(INTERVAL).as_secs()
    );
    println!(
        "{:>8} {:>9} {:>10} {:>9} {:>9} {:>8} {:>9} {:>11} {:>10}  verdict",
        "servers",
        "probes/s",
        "on time",
        "skipped",
        "due",
        "share",
        "CPU %",
        "VmHWM MiB",
        "target CPU%"
    );
    for n in sizes {
        let row = console::measure(n, &servers, INTERVAL, window);
        let verdict = if row.on_schedule >= GOAL_ON_SCHEDULE
            && row.cpu_percent <= GOAL_CPU
            && row.hwm_mib <= GOAL_HWM_MIB
        {
            "met"
        } else {
            "NOT met"
        };
        println!(
            "{:>8} {:>9.1} {:>10} {:>9} {:>9} {:>8.4} {:>9.2} {:>11.1} {:>10.1}  {verdict}",
            grouped(n as u64),
            row.probes_per_s,
            grouped(row.on_time),
            grouped(row.skipped),
            grouped(row.due),
            row.on_schedule,
            row.cpu_percent,
            row.hwm_mib,
            row.target_cpu_percent,
        );
        if !row.notes.is_empty() {
            println!("         {}", row.notes);
        }
    }
    println!(
        "goals: share on schedule >= {GOAL_ON_SCHEDULE}, console CPU <= {GOAL_CPU} % of one core, VmHWM <= {GOAL_HWM_MIB} MiB"
    );
}
