//! One console on an N-server inventory, in tmux: its CPU, peak memory and the schedule it
//! recorded over the measured window.

use super::wan::WanServers;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");

pub struct Row {
    pub probes_per_s: f64,
    pub on_time: u64,
    pub skipped: u64,
    pub due: u64,
    pub on_schedule: f64,
    pub cpu_percent: f64,
    pub hwm_mib: f64,
    /// The fake servers' CPU (this process), for scale.
    pub target_cpu_percent: f64,
    pub notes: String,
}

/// The first round is spread over one interval; then a few seconds for stragglers.
pub fn warm_up(interval: Duration) -> Duration {
    interval + Duration::from_secs(10)
}

pub fn inventory(dir: &Path, servers: usize, wan: &WanServers) -> PathBuf {
    let secret = dir.join("password");
    std::fs::write(&secret, "bench-secret").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut text = format!(
        "name: wan-{servers}\ncredentials:\n  user: bench\n  password: {{ file: {} }}\n\
         platform: linux\nservers:\n",
        secret.display()
    );
    let (imap, pop3) = (wan.imap.port(), wan.pop3.port());
    for i in 0..servers {
        let role = ["cas", "mailbox", "cas", "mailbox", "both"][i % 5];
        text.push_str(&format!(
            "  - {{ name: srv-{i:05}, role: {role}, site: S{:03}, \
             imap: [{{ host: 127.0.0.1, port: {imap}, tls: none }}], \
             pop3: [{{ host: 127.0.0.1, port: {pop3}, tls: none }}] }}\n",
            i / 100
        ));
    }
    let path = dir.join("fleet.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn tmux(sock: &str, args: &[&str]) -> String {
    let out = Command::new("tmux")
        .args(["-L", sock])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// utime + stime of a process, in clock ticks.
fn ticks(stat: &str) -> u64 {
    // The command name may hold spaces: fields count from after its closing parenthesis.
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn process_ticks(pid: &str) -> u64 {
    ticks(&std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap())
}

fn hwm_kib(pid: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

fn clock_ticks() -> f64 {
    let out = Command::new("getconf").arg("CLK_TCK").output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(100.0)
}

pub fn measure(servers: usize, wan: &WanServers, interval: Duration, window: Duration) -> Row {
    let dir = tempfile::tempdir().unwrap();
    let path = inventory(dir.path(), servers, wan);
    let sock = format!("healthdeck-fleet-bench-{}", std::process::id());
    let command = format!(
        "exec env LANG=C.UTF-8 TERM=xterm-256color HOME={d} XDG_STATE_HOME={d}/state \
         XDG_CONFIG_HOME={d}/config USER=bench {BIN} --inventory {}",
        path.display(),
        d = dir.path().display()
    );
    tmux(
        &sock,
        &[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "fleet",
            "-x",
            "120",
            "-y",
            "36",
            &command,
        ],
    );
    let shown = format!("{servers} servers");
    let deadline = Instant::now() + Duration::from_secs(120);
    while !tmux(&sock, &["capture-pane", "-p", "-t", "fleet"]).contains(&shown) {
        assert!(
            Instant::now() < deadline,
            "the console never showed {shown}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let pid = tmux(&sock, &["display", "-p", "-t", "fleet", "#{pane_pid}"])
        .trim()
        .to_owned();
    std::thread::sleep(warm_up(interval));
    let measured_from = chrono::Utc::now();
    let (console0, target0, wall0) = (process_ticks(&pid), process_ticks("self"), Instant::now());
    std::thread::sleep(window);
    let (console1, target1, wall) = (process_ticks(&pid), process_ticks("self"), wall0.elapsed());
    let hwm = hwm_kib(&pid);
    let tick = clock_ticks();
    let percent = |t: u64| t as f64 / tick / wall.as_secs_f64() * 100.0;
    tmux(&sock, &["send-keys", "-t", "fleet", "q"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux(&sock, &["kill-server"]);
    let schedule = Schedule::read(
        &dir.path().join("state/healthdeck/incidents"),
        measured_from,
    );
    let due = schedule.ran + schedule.skipped;
    Row {
        probes_per_s: schedule.ran as f64 / schedule.span_s.max(1) as f64,
        on_time: schedule.on_time,
        skipped: schedule.skipped,
        due,
        on_schedule: if due == 0 {
            0.0
        } else {
            schedule.on_time as f64 / due as f64
        },
        cpu_percent: percent(console1 - console0),
        hwm_mib: hwm as f64 / 1024.0,
        target_cpu_percent: percent(target1 - target0),
        notes: schedule.notes,
    }
}

/// The prober's `schedule` entries from `from` on, summed.
#[derive(Default)]
struct Schedule {
    span_s: u64,
    ran: u64,
    on_time: u64,
    skipped: u64,
    notes: String,
}

impl Schedule {
    fn read(dir: &Path, from: chrono::DateTime<chrono::Utc>) -> Schedule {
        let mut total = Schedule::default();
        let mut behind = 0;
        let mut worst_ms = 0;
        let mut most_in_flight = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let at = v["at"]
                    .as_str()
                    .and_then(|a| a.parse::<chrono::DateTime<chrono::Utc>>().ok());
                if at.is_none_or(|at| at < from) {
                    continue;
                }
                let n = |k: &str| v[k].as_u64().unwrap_or(0);
                match v["kind"].as_str() {
                    Some("schedule") => {
                        total.span_s += n("span_s");
                        total.ran += n("ran");
                        total.on_time += n("on_time");
                        total.skipped += n("skipped");
                        worst_ms = worst_ms.max(n("worst_late_ms"));
                        most_in_flight = most_in_flight.max(n("most_in_flight"));
                    }
                    Some("behind") if n("late") > 0 => behind += 1,
                    _ => {}
                }
            }
        }
        total.notes = format!(
            "{} s recorded; latest start {worst_ms} ms after due; at most {most_in_flight} in flight; fell behind {behind} times",
            total.span_s
        );
        total
    }
}
