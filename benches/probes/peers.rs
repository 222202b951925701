//! The peers the probe benchmark compares with: Nagios plugins (a process per probe)
//! and prometheus-blackbox-exporter's tcp prober (driven over HTTP, as `healthdeck agent`
//! is: `agent.rs`).

use super::*;
use kept::Kept;

/// `n` plugin runs, `IN_FLIGHT` processes at a time.
pub fn nagios(plugin: &Path, port: u16, n: usize, failures: &Mutex<Failures>) {
    let next = AtomicUsize::new(0);
    let (port, timeout) = (port.to_string(), TIMEOUT_S.to_string());
    std::thread::scope(|scope| {
        for _ in 0..IN_FLIGHT {
            scope.spawn(|| {
                while next.fetch_add(1, Ordering::Relaxed) < n {
                    let output = Command::new(plugin)
                        .args(["-H", "127.0.0.1", "-p", &port, "-t", &timeout])
                        .stdin(Stdio::null())
                        .output();
                    match output {
                        Ok(out) if out.status.success() => {}
                        Ok(out) => Failures::add(
                            failures,
                            format!(
                                "{}: {}",
                                out.status,
                                String::from_utf8_lossy(&out.stdout).trim()
                            ),
                        ),
                        Err(error) => Failures::add(failures, format!("cannot run: {error}")),
                    }
                }
            });
        }
    });
}

/// Whose `/probe` answers are read: the success series, and how a failure is explained.
#[derive(Clone, Copy)]
pub enum Scraped {
    Exporter,
    Agent,
}

impl Scraped {
    fn succeeded(self, body: &str) -> bool {
        match self {
            Scraped::Exporter => body.contains("\nprobe_success 1\n"),
            Scraped::Agent => body
                .lines()
                .any(|l| l.starts_with("healthdeck_probe_success{") && l.ends_with("} 1")),
        }
    }

    /// Why a probe failed: the exporter says it in a second, debug, run of the same probe;
    /// the agent in its answer.
    async fn why(self, port: u16, path: &str, body: &str) -> String {
        let status = body.lines().next().unwrap_or("");
        let said: Vec<String> = match self {
            Scraped::Exporter => {
                let debug = http_get(port, &format!("{path}&debug=true")).await;
                let log = debug.unwrap_or_else(|e| e.to_string());
                log.lines()
                    .filter(|l| l.contains("level=error") || l.contains("msg="))
                    .take(6)
                    .map(str::to_owned)
                    .collect()
            }
            Scraped::Agent => body
                .lines()
                .filter(|l| l.starts_with("healthdeck_probe_error_info") || !l.contains(' '))
                .take(3)
                .map(str::to_owned)
                .collect(),
        };
        format!("{status}; said: {}", said.join(" | "))
    }
}

/// `n` scrapes of `/probe`, `IN_FLIGHT` at a time, each checked for success: a connection
/// per scrape, or (`kept`) one kept connection per in-flight slot, as Prometheus keeps one
/// per target.
pub async fn scrapes(
    scraped: Scraped,
    port: u16,
    path: String,
    (n, kept): (usize, bool),
    failures: &Mutex<Failures>,
) {
    let next = Arc::new(AtomicUsize::new(0));
    let path = Arc::new(path);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..IN_FLIGHT {
        let (next, path) = (Arc::clone(&next), Arc::clone(&path));
        tasks.spawn(async move {
            let mut failed = Vec::new();
            let mut client = kept.then(|| Kept::new(port));
            while next.fetch_add(1, Ordering::Relaxed) < n {
                let answer = match &mut client {
                    Some(client) => client.get(&path).await,
                    None => http_get(port, &path).await,
                };
                match answer {
                    Ok(body) if scraped.succeeded(&body) => {}
                    Ok(body) => failed.push(scraped.why(port, &path, &body).await),
                    Err(error) => failed.push(format!("GET {path}: {error}")),
                }
            }
            // Kept connections must stay kept: one each, or a few reopened.
            if let Some(client) = client.filter(|c| c.opened > 2) {
                failed.push(format!("{} connections opened for one slot", client.opened));
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

/// A GET over HTTP/1.0 (the server closes the connection), the whole response.
pub async fn http_get(port: u16, path: &str) -> std::io::Result<String> {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect((Ipv4Addr::LOCALHOST, port)).await?;
        let request = format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        stream.write_all(request.as_bytes()).await?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await?;
        Ok(String::from_utf8_lossy(&response).into_owned())
    };
    tokio::time::timeout(Duration::from_secs(TIMEOUT_S + 10), exchange)
        .await
        .unwrap_or_else(|_| Err(std::io::Error::other("no response in time")))
}

/// A blackbox_exporter child with the login modules, on a free loopback port.
pub struct Exporter {
    pub bin: PathBuf,
    pub child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl Exporter {
    pub fn start(bin: &Path, dovecot: &Dovecot) -> Result<Exporter, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let config = dir.path().join("blackbox.yml");
        let text = exporter_config(&dovecot.ca_path(), dovecot.user(), dovecot.password());
        std::fs::write(&config, text).map_err(|e| e.to_string())?;
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let log =
            std::fs::File::create(dir.path().join("exporter.log")).map_err(|e| e.to_string())?;
        let mut child = Command::new(bin)
            .arg(format!("--config.file={}", config.display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        let healthy = "/-/healthy";
        loop {
            if std::net::TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
                let exporter = Exporter {
                    bin: bin.to_path_buf(),
                    child,
                    port,
                    dir,
                };
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| e.to_string())?;
                return match rt.block_on(http_get(port, healthy)) {
                    Ok(answer) if answer.starts_with("HTTP/1.0 200") => Ok(exporter),
                    other => {
                        let log = exporter.log();
                        exporter.stop();
                        Err(format!("{healthy} answered {other:?}; log: {log}"))
                    }
                };
            }
            let exited = child.try_wait().ok().flatten();
            if exited.is_some() || Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                let log =
                    std::fs::read_to_string(dir.path().join("exporter.log")).unwrap_or_default();
                return Err(format!("not listening ({exited:?}): {log}"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("exporter.log")).unwrap_or_default()
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Four tcp modules: the healthdeck dialogues as send/expect pairs. `send` adds "\n"; the
/// "\r" before it makes each command line end in CRLF as the RFCs ask.
pub fn exporter_config(ca: &Path, user: &str, password: &str) -> String {
    let imap = [
        ("expect", r"^\* OK"),
        ("send", &format!(r"a LOGIN {user} {password}\r")),
        ("expect", "^a OK"),
        ("send", r"b SELECT INBOX\r"),
        ("expect", "^b OK"),
        ("send", r"c LOGOUT\r"),
        ("expect", "^c OK"),
    ];
    let pop3 = [
        ("expect", r"^\+OK"),
        ("send", &format!(r"USER {user}\r")),
        ("expect", r"^\+OK"),
        ("send", &format!(r"PASS {password}\r")),
        ("expect", r"^\+OK"),
        ("send", r"STAT\r"),
        ("expect", r"^\+OK"),
        ("send", r"QUIT\r"),
        ("expect", r"^\+OK"),
    ];
    let mut yaml = String::from("modules:\n");
    for service in Service::ALL {
        let steps: &[(&str, &str)] = match service {
            Service::Greeting => &imap[..1],
            _ if service.imap() => &imap,
            _ => &pop3,
        };
        let _ = write!(
            yaml,
            "  {}:\n    prober: tcp\n    timeout: {TIMEOUT_S}s\n    tcp:\n      \
             preferred_ip_protocol: ip4\n",
            service.module()
        );
        if service.tls() {
            let _ = write!(
                yaml,
                "      tls: true\n      tls_config:\n        ca_file: \"{}\"\n        \
                 server_name: localhost\n",
                ca.display()
            );
        }
        yaml.push_str("      query_response:\n");
        for (key, value) in steps {
            // YAML double quotes: `\\` is a backslash, `\r` a carriage return.
            let value = value.replace(r"\*", r"\\*").replace(r"\+", r"\\+");
            let _ = writeln!(yaml, "        - {key}: \"{value}\"");
        }
    }
    yaml
}
