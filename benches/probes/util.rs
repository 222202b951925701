//! Reading CPU time from /proc, and small helpers for the probe benchmark's table.

use super::{Command, Path, PathBuf};

/// This process's utime+stime, in clock ticks (every thread, live or ended).
pub fn self_cpu() -> u64 {
    stat_fields("self", &[14, 15])
}

/// Reaped children's cutime+cstime, in clock ticks.
pub fn children_cpu() -> u64 {
    stat_fields("self", &[16, 17])
}

pub fn process_cpu(pid: u32) -> u64 {
    stat_fields(&pid.to_string(), &[14, 15])
}

/// The sum of `/proc/PID/stat` fields (numbered from 1, as in proc(5)).
pub fn stat_fields(pid: &str, fields: &[usize]) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The command name (field 2) may hold spaces: count from the ')' that closes it.
    let rest = &stat[stat.rfind(')').unwrap() + 1..];
    let values: Vec<&str> = rest.split_whitespace().collect();
    fields
        .iter()
        .map(|f| values[f - 3].parse::<u64>().unwrap())
        .sum()
}

/// `getconf CLK_TCK` (100 on Linux).
pub fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// The first existing path of `paths`, else `name` found on PATH.
pub fn installed(paths: &[&str], name: &str) -> Option<PathBuf> {
    let fixed = paths.iter().map(PathBuf::from);
    let on_path: Vec<PathBuf> = std::env::var_os("PATH").map_or_else(Vec::new, |p| {
        std::env::split_paths(&p).map(|d| d.join(name)).collect()
    });
    fixed.chain(on_path).find(|p| p.is_file())
}

/// A tool's version line (first line of its output).
pub fn version(bin: &Path, args: &[&str]) -> String {
    Command::new(bin).args(args).output().map_or_else(
        |e| format!("{}: {e}", bin.display()),
        |o| {
            let text = [o.stdout, o.stderr].concat();
            String::from_utf8_lossy(&text)
                .lines()
                .next()
                .unwrap_or("")
                .to_owned()
        },
    )
}

pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        f64::midpoint(values[n / 2 - 1], values[n / 2])
    }
}

pub fn verdict(pass: bool) -> &'static str {
    if pass { "PASS" } else { "FAIL" }
}
