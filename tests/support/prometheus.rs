//! Prometheus and Alertmanager for tests: the real Debian binaries on loopback ephemeral
//! ports, each with its config and storage in a temp dir, ready once `/-/ready` answers
//! 200 (within a deadline, no sleeps: the log's "ready" line is waited for, then each poll
//! is a round trip), killed and waited for on drop.

// Instant::now only sets deadlines for waiting on the daemons.
#![allow(dead_code, clippy::disallowed_methods)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// How long a daemon may take to be ready; a passing start takes about a second.
const START_DEADLINE: Duration = Duration::from_secs(30);

/// A running Prometheus or Alertmanager.
pub struct Daemon {
    child: Child,
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
    _dir: TempDir,
}

impl Daemon {
    /// Prometheus scraping `target` every second, evaluating `rules` every second, sending
    /// alerts to `alertmanager` (resent every second) when given.
    pub fn prometheus(target: SocketAddr, rules: &str, alertmanager: Option<u16>) -> Daemon {
        let dir = tempfile::tempdir().expect("temp dir");
        let rules_path = dir.path().join("rules.yml");
        std::fs::write(&rules_path, rules).expect("write rules");
        let alerting = alertmanager.map_or(String::new(), |port| {
            format!("alerting:\n  alertmanagers: [{{static_configs: [{{targets: ['127.0.0.1:{port}']}}]}}]\n")
        });
        let config = format!(
            "global: {{scrape_interval: 1s, evaluation_interval: 1s}}\n\
             rule_files: ['{}']\n{alerting}\
             scrape_configs:\n- job_name: healthdeck\n  static_configs: [{{targets: ['{target}']}}]\n",
            rules_path.display()
        );
        std::fs::write(dir.path().join("prometheus.yml"), config).expect("write config");
        let ready_line = "Server is ready to receive web requests";
        Daemon::start(dir, "prometheus", ready_line, |dir, port| {
            vec![
                format!("--config.file={}/prometheus.yml", dir.display()),
                format!("--storage.tsdb.path={}/data", dir.display()),
                format!("--web.listen-address=127.0.0.1:{port}"),
                "--rules.alert.resend-delay=1s".into(),
            ]
        })
    }

    /// Alertmanager with one receiver that notifies nobody, clustering off.
    pub fn alertmanager() -> Daemon {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("alertmanager.yml"),
            "route: {receiver: nobody}\nreceivers: [{name: nobody}]\n",
        )
        .expect("write config");
        // Alertmanager is ready as it listens when clustering is off.
        let ready_line = "msg=\"Listening on\"";
        Daemon::start(dir, "prometheus-alertmanager", ready_line, |dir, port| {
            vec![
                format!("--config.file={}/alertmanager.yml", dir.display()),
                format!("--storage.path={}/data", dir.display()),
                format!("--web.listen-address=127.0.0.1:{port}"),
                // Empty disables clustering; else it takes 9094.
                "--cluster.listen-address=".into(),
            ]
        })
    }

    /// Prometheus on `config` as written (rule files beside it), storage in a temp dir.
    pub fn prometheus_with(config: &std::path::Path) -> Daemon {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = config.to_path_buf();
        let ready_line = "Server is ready to receive web requests";
        Daemon::start(dir, "prometheus", ready_line, move |dir, port| {
            vec![
                format!("--config.file={}", config.display()),
                format!("--storage.tsdb.path={}/data", dir.display()),
                format!("--web.listen-address=127.0.0.1:{port}"),
                "--rules.alert.resend-delay=1s".into(),
            ]
        })
    }

    /// Alertmanager on `config` as written, clustering off, storage in a temp dir.
    pub fn alertmanager_with(config: &std::path::Path) -> Daemon {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = config.to_path_buf();
        let ready_line = "msg=\"Listening on\"";
        Daemon::start(
            dir,
            "prometheus-alertmanager",
            ready_line,
            move |dir, port| {
                vec![
                    format!("--config.file={}", config.display()),
                    format!("--storage.path={}/data", dir.display()),
                    format!("--web.listen-address=127.0.0.1:{port}"),
                    "--cluster.listen-address=".into(),
                ]
            },
        )
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The daemon's log so far, for a failure's message.
    pub fn log_tail(&self) -> String {
        tail(&self.log)
    }

    /// A port is picked by binding 0 and releasing it; another process may take it in
    /// between, so a start that fails on an address in use is tried again on a new port.
    fn start(
        dir: TempDir,
        program: &str,
        ready_line: &'static str,
        args: impl Fn(&std::path::Path, u16) -> Vec<String>,
    ) -> Daemon {
        for _attempt in 0..5 {
            let port = free_port();
            let mut child = match Command::new(program)
                .args(args(dir.path(), port))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
            {
                Ok(child) => child,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
                    "`{program}` is not installed: apt-get install prometheus prometheus-alertmanager"
                ),
                Err(e) => panic!("{program} did not start: {e}"),
            };
            let (log, listening) = watch(child.stderr.take().expect("stderr piped"), ready_line);
            let deadline = Instant::now() + START_DEADLINE;
            let heard = listening.recv_timeout(START_DEADLINE).is_ok();
            if heard && ready(port, deadline) {
                return Daemon {
                    child,
                    port,
                    log,
                    _dir: dir,
                };
            }
            child.kill().expect("kill a daemon that did not start");
            child.wait().expect("wait for it");
            let said = tail(&log);
            assert!(
                said.contains("address already in use"),
                "{program} was not ready within {START_DEADLINE:?}:\n{said}"
            );
        }
        panic!("{program} did not start after 5 port picks");
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        // Already gone is fine; the wait reaps it either way.
        if let Err(e) = self.child.kill() {
            eprintln!("kill: {e}");
        }
        if let Err(e) = self.child.wait() {
            eprintln!("wait: {e}");
        }
    }
}

/// Reads the log to its end on a thread (a full pipe would stall the daemon); the channel
/// says when the daemon writes `ready_line`.
fn watch(
    stderr: impl Read + Send + 'static,
    ready_line: &'static str,
) -> (Arc<Mutex<Vec<String>>>, mpsc::Receiver<()>) {
    let log = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = mpsc::channel();
    let kept = Arc::clone(&log);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if line.contains(ready_line) {
                // The test may have given up waiting: nobody to tell.
                tx.send(()).ok();
            }
            kept.lock().unwrap().push(line);
        }
    });
    (log, rx)
}

fn tail(log: &Mutex<Vec<String>>) -> String {
    let lines = log.lock().unwrap();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

/// Polls `/-/ready` until 200 or the deadline; each poll is a whole round trip.
fn ready(port: u16, deadline: Instant) -> bool {
    while Instant::now() < deadline {
        if get(port, "/-/ready").is_some_and(|answer| answer.starts_with("HTTP/1.1 200")) {
            return true;
        }
    }
    false
}

/// A blocking GET on loopback; the whole answer, or `None` when the connection fails.
pub fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

pub fn free_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind port 0");
    listener.local_addr().expect("local addr").port()
}
