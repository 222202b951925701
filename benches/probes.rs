//! `cargo bench --bench probes`: what one probe costs the prober, in CPU time, against a
//! private Dovecot on 127.0.0.1, side by side with Nagios' `check_imap`/`check_pop` and
//! prometheus-blackbox-exporter's tcp prober, in one run.
//!
//! Every row runs N probes (default 2,000) with 8 in flight (`IN_FLIGHT`), after a short
//! warm-up that is not counted. It reports probes/s
//! (wall time) and CPU µs per probe spent by the prober only; Dovecot's CPU is its own.
//!
//! - healthdeck: `probe()` in this process on a single-threaded tokio runtime, as the console runs
//!   it. IMAP: greeting, CAPABILITY, LOGIN, SELECT INBOX, LOGOUT; POP3: greeting, USER,
//!   PASS, STAT, QUIT; the TLS rows check the certificate against the test CA (the only
//!   extra root) for `localhost`. CPU: this process's utime+stime (`/proc/self/stat`).
//! - Nagios: a `check_*` process per probe, 8 at a time; greeting and LOGOUT/QUIT only, no
//!   login (the plugins cannot log in); `check_simap`/`check_spop` do not verify the
//!   certificate. CPU: reaped children's cutime+cstime (`/proc/self/stat`).
//! - blackbox_exporter: one exporter process with tcp modules holding the same login
//!   dialogue as `query_response` pairs (TLS rows verify against the same CA), driven by
//!   `GET /probe?module=M&target=…` 8 at a time over HTTP/1.0. CPU: the exporter's
//!   utime+stime (`/proc/PID/stat`); the HTTP client here is not counted.
//! - healthdeck agent: the release `healthdeck agent` this bench was built with, one process
//!   serving a generated inventory (two servers on the same Dovecot: `plain` and `tls`; the
//!   login from its environment), driven like the exporter: `GET
//!   /probe?server=S&probe=ImapCTPProbe` (PopCTPProbe, ImapSelfTestProbe for the greeting) 8
//!   at a time. The same probe code and plans as the healthdeck rows. CPU: the agent's
//!   utime+stime (`/proc/PID/stat`), as the exporter's.
//! - `, keep-alive` rows (exporter and agent): the same scrapes over HTTP/1.1 kept
//!   connections, one per in-flight slot, as Prometheus keeps one per target
//!   (`probes/kept.rs`); the one-connection-per-probe rows stay beside them.
//! - floor: the same dialogues as healthdeck's, each byte the same, by a minimal blocking
//!   client on 8 plain threads (`probes/floor.rs`), TLS through the same rustls and ring
//!   with the same settings. CPU: this process's utime+stime while only the floor runs.
//! - connect+greeting, for every tool but Nagios: connect to the IMAP port, read the
//!   greeting, close (healthdeck's `Wire::Tcp`, an exporter module with one `expect`): what
//!   a connection costs before any command.
//!
//! Every probe must succeed (`probe_success 1` for the exporter, exit 0 for a plugin, a
//! succeeded outcome for healthdeck); failures are counted and shown, and a row with any
//! is marked invalid. Rows take turns in each round; the table shows medians over rounds.
//!
//! Environment: `PROBE_BENCH_PROBES` (default 2000), `PROBE_BENCH_ROUNDS` (default 3),
//! `PROBE_BENCH_ONLY` (only rows whose label contains it, e.g. `healthdeck`, `IMAPS`; several
//! separated by commas, e.g. `healthdeck,floor`).
//! A peer that is not installed is skipped with a note (`scripts/probe-bench.sh` installs
//! them). Goals (issue 17): healthdeck's CPU per IMAP login probe ≤ 1.15× the floor's, plain
//! and TLS; per plain IMAP login ≤ 1/4 of the exporter's, with TLS ≤ 1/2. Issue 19: the
//! agent's CPU per IMAP login probe ≤ 1.2× the in-process figure and ≤ 1/4 of the exporter's.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // a benchmark times with Instant

#[path = "probes/agent.rs"]
mod agent;
#[path = "../tests/support/dovecot.rs"]
mod dovecot;
#[path = "shared/figures.rs"]
mod figures;
#[path = "probes/floor.rs"]
mod floor;
#[path = "probes/kept.rs"]
mod kept;
#[path = "probes/peers.rs"]
mod peers;
#[path = "probes/report.rs"]
mod report;
#[path = "probes/util.rs"]
mod util;

use figures::grouped;

use agent::{Agent, agent_path};
use floor::Floor;
use peers::{Exporter, Scraped, nagios, scrapes};
use report::report;
use util::{children_cpu, clock_ticks, env_number, installed, process_cpu, self_cpu, version};

use dovecot::Dovecot;
use healthdeck::runtime::probe::{
    Credentials, Endpoint, ProbePlan, Secret, TlsMode, TlsSetup, Wire, probe,
};
use std::fmt::Write as _;
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const DEFAULT_PROBES: usize = 2_000;
const DEFAULT_ROUNDS: usize = 3;
/// Probes run before each row's measurement, not counted.
const WARM_UP: usize = 16;
/// Probes in flight for every tool. The console's prober ran 8 at a time when these
/// figures began; a constant of the bench's own keeps runs comparable whatever the prober
/// schedules.
const IN_FLIGHT: usize = 8;
const PLUGINS: &str = "/usr/lib/nagios/plugins";
const EXPORTER: &str = "prometheus-blackbox-exporter";
/// Limit for one probe, any tool: far above what a loaded machine needs.
const TIMEOUT_S: u64 = 20;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    Healthdeck,
    Floor,
    Nagios,
    Blackbox,
    Agent,
    /// The exporter and the agent scraped over kept connections, as Prometheus does.
    BlackboxKept,
    AgentKept,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Service {
    Imap,
    Imaps,
    Pop3,
    Pop3s,
    /// The floor: connect to the IMAP port, read the greeting, close. No login.
    Greeting,
}

impl Service {
    const ALL: [Service; 5] = [
        Service::Imap,
        Service::Imaps,
        Service::Pop3,
        Service::Pop3s,
        Service::Greeting,
    ];

    fn name(self) -> &'static str {
        match self {
            Service::Imap | Service::Greeting => "IMAP",
            Service::Imaps => "IMAPS",
            Service::Pop3 => "POP3",
            Service::Pop3s => "POP3S",
        }
    }

    fn tls(self) -> bool {
        matches!(self, Service::Imaps | Service::Pop3s)
    }

    fn imap(self) -> bool {
        matches!(self, Service::Imap | Service::Imaps | Service::Greeting)
    }

    fn port(self, dovecot: &Dovecot) -> u16 {
        match self {
            Service::Imap | Service::Greeting => dovecot.imap_port(),
            Service::Imaps => dovecot.imaps_port(),
            Service::Pop3 => dovecot.pop3_port(),
            Service::Pop3s => dovecot.pop3s_port(),
        }
    }

    /// The Nagios plugin for this service (`check_imap` is the floor row already).
    fn plugin(self) -> Option<&'static str> {
        match self {
            Service::Imap => Some("check_imap"),
            Service::Imaps => Some("check_simap"),
            Service::Pop3 => Some("check_pop"),
            Service::Pop3s => Some("check_spop"),
            Service::Greeting => None,
        }
    }

    /// The exporter module (see `exporter_config`).
    fn module(self) -> &'static str {
        match self {
            Service::Imap => "imap_login",
            Service::Imaps => "imaps_login",
            Service::Pop3 => "pop3_login",
            Service::Pop3s => "pop3s_login",
            Service::Greeting => "imap_greeting",
        }
    }
}

#[derive(Clone, Copy)]
struct Row {
    tool: Tool,
    service: Service,
}

impl Row {
    fn label(self) -> String {
        let s = self.service;
        let work = match (self.tool, s.imap()) {
            _ if s == Service::Greeting => "connect+greeting",
            (Tool::Nagios, true) => "greeting+LOGOUT",
            (Tool::Nagios, false) => "greeting+QUIT",
            (_, true) => "LOGIN+SELECT",
            (_, false) => "USER/PASS/STAT",
        };
        let tool = match self.tool {
            Tool::Healthdeck => "healthdeck",
            Tool::Floor => "floor",
            Tool::Nagios => s.plugin().unwrap_or("nagios"),
            Tool::Blackbox | Tool::BlackboxKept => "blackbox_exporter",
            Tool::Agent | Tool::AgentKept => "healthdeck agent",
        };
        let kept = if self.kept() { ", keep-alive" } else { "" };
        format!("{tool:<17} {:<5} {work}{kept}", s.name())
    }

    fn kept(self) -> bool {
        matches!(self.tool, Tool::BlackboxKept | Tool::AgentKept)
    }
}

/// One row's measurement in one round.
#[derive(Clone, Copy)]
struct Sample {
    probes: usize,
    failed: usize,
    wall: Duration,
    /// CPU clock ticks the prober used.
    ticks: u64,
}

impl Sample {
    fn rate(&self) -> f64 {
        self.probes as f64 / self.wall.as_secs_f64()
    }

    fn cpu_us(&self, hz: f64) -> f64 {
        self.ticks as f64 / hz * 1e6 / self.probes as f64
    }
}

/// Failed probes: a count and the first few distinct messages.
#[derive(Default)]
struct Failures {
    count: usize,
    shown: Vec<String>,
}

impl Failures {
    fn add(failures: &Mutex<Failures>, message: String) {
        let mut f = failures.lock().unwrap();
        f.count += 1;
        if f.shown.len() < 3 && !f.shown.contains(&message) {
            f.shown.push(message);
        }
    }
}

struct Setup {
    dovecot: Dovecot,
    runtime: tokio::runtime::Runtime,
    tls: Arc<TlsSetup>,
    floor: Floor,
    plugins: Option<PathBuf>,
    exporter: Option<Result<Exporter, String>>,
    agent: Result<Agent, String>,
    hz: f64,
    probes: usize,
}

fn main() {
    let probes = env_number("PROBE_BENCH_PROBES", DEFAULT_PROBES);
    let rounds = env_number("PROBE_BENCH_ROUNDS", DEFAULT_ROUNDS).max(1);
    let Some(dovecot_bin) = installed(&["/usr/sbin/dovecot"], "dovecot") else {
        println!("skipped: dovecot not installed (apt-get install dovecot-imapd dovecot-pop3d)");
        return;
    };
    let dovecot = Dovecot::start();
    let tls = TlsSetup::new(Some(&dovecot.ca_path())).unwrap();
    // The console's prober runs on one thread with a single-threaded runtime.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let plugins = installed(&[&format!("{PLUGINS}/check_imap")], "check_imap")
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let exporter = installed(&[&format!("/usr/bin/{EXPORTER}")], EXPORTER)
        .map(|bin| Exporter::start(&bin, &dovecot));
    // Cargo builds the binary (bench profile) with the bench and names it here.
    let agent = Agent::start(Path::new(env!("CARGO_BIN_EXE_healthdeck")), &dovecot);
    let floor = Floor::new(&dovecot.ca_path(), dovecot.user(), dovecot.password());
    let mut setup = Setup {
        dovecot,
        runtime,
        tls: Arc::new(tls),
        floor,
        plugins,
        exporter,
        agent,
        hz: clock_ticks(),
        probes,
    };

    println!();
    println!(
        "probe benchmark: {} probes per row, {IN_FLIGHT} in flight, {rounds} round(s), \
         {WARM_UP} warm-up probes per row not counted",
        grouped(probes as u64)
    );
    if probes < DEFAULT_PROBES {
        println!("  note: fewer than the issue's {DEFAULT_PROBES} probes per row");
    }
    let d = &setup.dovecot;
    println!(
        "  server: dovecot {} on 127.0.0.1, ports IMAP {} IMAPS {} POP3 {} POP3S {}",
        version(&dovecot_bin, &["--version"]),
        d.imap_port(),
        d.imaps_port(),
        d.pop3_port(),
        d.pop3s_port()
    );
    let mut rows = rows(&setup);
    if let Ok(only) = std::env::var("PROBE_BENCH_ONLY") {
        let wanted: Vec<&str> = only.split(',').collect();
        rows.retain(|r| wanted.iter().any(|w| r.label().contains(w)));
        println!("  only rows containing {only:?}: {}", rows.len());
    }
    println!();

    let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); rows.len()];
    for round in 1..=rounds {
        for (row, kept) in rows.iter().zip(&mut samples) {
            let sample = setup.run(*row);
            println!(
                "round {round}  {:<52} {} probes in {:5.2} s = {:6.1}/s, CPU {:6.3} s = \
                 {:7.1} µs/probe, {} failed",
                row.label(),
                sample.probes,
                sample.wall.as_secs_f64(),
                sample.rate(),
                sample.ticks as f64 / setup.hz,
                sample.cpu_us(setup.hz),
                sample.failed
            );
            kept.push(sample);
        }
    }

    report(&rows, &samples, setup.hz);
    if let Some(Ok(exporter)) = setup.exporter.take() {
        exporter.stop();
    }
    if let Ok(agent) = std::mem::replace(&mut setup.agent, Err(String::new())) {
        agent.stop();
    }
    drop(setup);
}

/// healthdeck's rows, and the peers' that are installed (with their versions shown).
fn rows(setup: &Setup) -> Vec<Row> {
    let mut rows = Vec::new();
    // Each healthdeck row right before its floor: the pair meets the same load.
    for service in Service::ALL {
        for tool in [Tool::Healthdeck, Tool::Floor] {
            rows.push(Row { tool, service });
        }
    }
    match &setup.plugins {
        Some(dir) => {
            println!("  nagios: {}", version(&dir.join("check_imap"), &["-V"]));
            for service in Service::ALL.into_iter().filter(|s| s.plugin().is_some()) {
                rows.push(Row {
                    tool: Tool::Nagios,
                    service,
                });
            }
        }
        None => println!("  skipped: check_imap not installed (monitoring-plugins-basic)"),
    }
    match &setup.exporter {
        Some(Ok(exporter)) => {
            println!("  exporter: {}", version(&exporter.bin, &["--version"]));
            for service in Service::ALL {
                for tool in [Tool::Blackbox, Tool::BlackboxKept] {
                    rows.push(Row { tool, service });
                }
            }
        }
        Some(Err(error)) => println!("  skipped: {EXPORTER} did not start: {error}"),
        None => println!("  skipped: {EXPORTER} not installed"),
    }
    match &setup.agent {
        Ok(agent) => {
            println!("  agent: {}", version(&agent.bin, &["--version"]));
            // Each agent row right after the exporter's for the same dialogue and way of
            // scraping, or last.
            for service in Service::ALL {
                for (tool, after) in [
                    (Tool::Agent, Tool::Blackbox),
                    (Tool::AgentKept, Tool::BlackboxKept),
                ] {
                    let row = Row { tool, service };
                    let at = rows
                        .iter()
                        .position(|r: &Row| r.tool == after && r.service == service);
                    match at {
                        Some(i) => rows.insert(i + 1, row),
                        None => rows.push(row),
                    }
                }
            }
        }
        Err(error) => println!("  skipped: healthdeck agent did not start: {error}"),
    }
    rows
}

impl Setup {
    /// Warm-up, then one measured row.
    fn run(&mut self, row: Row) -> Sample {
        let port = row.service.port(&self.dovecot);
        let warm = self.row(row, port, WARM_UP);
        if warm.failed > 0 {
            println!("  warm-up of {}: {} failed", row.label(), warm.failed);
        }
        // Let Dovecot's processes from the warm-up finish.
        std::thread::sleep(Duration::from_millis(200));
        self.row(row, port, self.probes)
    }

    fn row(&self, row: Row, port: u16, n: usize) -> Sample {
        let failures = Mutex::new(Failures::default());
        let (wall, ticks) = match row.tool {
            Tool::Healthdeck => {
                let plan = Arc::new(self.plan(row.service, port));
                let start = (self_cpu(), Instant::now());
                self.runtime
                    .block_on(healthdeck(plan, Arc::clone(&self.tls), n, &failures));
                (start.1.elapsed(), self_cpu() - start.0)
            }
            Tool::Floor => {
                let start = (self_cpu(), Instant::now());
                self.floor.run(row.service, port, n, &failures);
                (start.1.elapsed(), self_cpu() - start.0)
            }
            Tool::Nagios => {
                let plugin = self
                    .plugins
                    .as_ref()
                    .unwrap()
                    .join(row.service.plugin().unwrap());
                let start = (children_cpu(), Instant::now());
                nagios(&plugin, port, n, &failures);
                (start.1.elapsed(), children_cpu() - start.0)
            }
            Tool::Blackbox | Tool::BlackboxKept => {
                let Some(Ok(exporter)) = &self.exporter else {
                    unreachable!("blackbox rows need a running exporter")
                };
                let path = format!(
                    "/probe?module={}&target=127.0.0.1:{port}",
                    row.service.module()
                );
                let start = (process_cpu(exporter.child.id()), Instant::now());
                self.runtime.block_on(scrapes(
                    Scraped::Exporter,
                    exporter.port,
                    path,
                    (n, row.kept()),
                    &failures,
                ));
                (
                    start.1.elapsed(),
                    process_cpu(exporter.child.id()) - start.0,
                )
            }
            Tool::Agent | Tool::AgentKept => {
                let Ok(agent) = &self.agent else {
                    unreachable!("agent rows need a running agent")
                };
                let path = agent_path(row.service).to_owned();
                let start = (process_cpu(agent.child.id()), Instant::now());
                let how = (n, row.kept());
                self.runtime
                    .block_on(scrapes(Scraped::Agent, agent.port, path, how, &failures));
                (start.1.elapsed(), process_cpu(agent.child.id()) - start.0)
            }
        };
        let failures = failures.into_inner().unwrap();
        for message in &failures.shown {
            println!("  failed ({}): {message}", row.label());
        }
        Sample {
            probes: n,
            failed: failures.count,
            wall,
            ticks,
        }
    }

    fn plan(&self, service: Service, port: u16) -> ProbePlan {
        ProbePlan {
            wire: match service {
                Service::Greeting => Wire::Tcp,
                _ if service.imap() => Wire::Imap,
                _ => Wire::Pop3,
            },
            endpoint: Endpoint {
                host: "127.0.0.1".into(),
                port,
                tls: if service.tls() {
                    TlsMode::Implicit
                } else {
                    TlsMode::None
                },
                // As the exporter is told: SNI and the certificate's name.
                server_name: service.tls().then(|| "localhost".to_owned()),
            },
            credentials: (service != Service::Greeting).then(|| Credentials {
                user: self.dovecot.user().into(),
                password: Secret::new(self.dovecot.password().into()),
            }),
            timeout: Duration::from_secs(TIMEOUT_S),
        }
    }
}

/// `n` probes, `IN_FLIGHT` at a time, in this process.
async fn healthdeck(
    plan: Arc<ProbePlan>,
    tls: Arc<TlsSetup>,
    n: usize,
    failures: &Mutex<Failures>,
) {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..IN_FLIGHT {
        let (plan, tls, next) = (Arc::clone(&plan), Arc::clone(&tls), Arc::clone(&next));
        tasks.spawn(async move {
            let mut failed = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < n {
                let outcome = probe(&plan, &tls).await;
                if !outcome.succeeded {
                    failed.push(outcome.error.unwrap_or_default());
                }
            }
            failed
        });
    }
    while let Some(done) = tasks.join_next().await {
        for message in done.unwrap() {
            Failures::add(failures, message);
        }
    }
}
