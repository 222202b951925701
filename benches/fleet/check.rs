//! `healthdeck check` on the same WAN fleet: every probe once, wall time per run.

use super::console::{BIN, inventory};
use super::wan::WanServers;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Checked {
    /// Wall time of each run, in the order run.
    pub runs: Vec<Duration>,
    /// Each run's verdict: the first line's status and count (`OK - 0/4800 unhealthy`).
    pub verdicts: Vec<String>,
}

pub fn time_check(servers: usize, wan: &WanServers, runs: usize) -> Checked {
    let dir = tempfile::tempdir().unwrap();
    let path = inventory(dir.path(), servers, wan);
    let mut times = Vec::new();
    let mut verdicts = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new(BIN)
            .args(["check", "--inventory"])
            .arg(&path)
            .env("HOME", dir.path())
            .output()
            .unwrap();
        times.push(start.elapsed());
        let first = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        verdicts.push(
            first
                .split(" | ")
                .next()
                .unwrap_or_default()
                .trim_start_matches("HEALTHDECK ")
                .to_owned(),
        );
    }
    Checked {
        runs: times,
        verdicts,
    }
}
