//! `healthdeck agent` as a peer: the release binary cargo built with this bench, serving
//! the same private Dovecot through a generated inventory, driven over HTTP like the
//! exporter and measured like it (the child's utime+stime).

use super::{Child, Command, Dovecot, Duration, Instant, Path, PathBuf, Service, Stdio, TIMEOUT_S};

/// The variables the agent's inventory names for the probe login: the login reaches the
/// child through its environment, never its argv.
const USER_VAR: &str = "HEALTHDECK_BENCH_PROBE_USER";
const PASSWORD_VAR: &str = "HEALTHDECK_BENCH_PROBE_PASSWORD";
/// The agent's own bound; far above the bench's `IN_FLIGHT`, so no request meets a 503.
const AGENT_IN_FLIGHT: usize = 64;

/// A `healthdeck agent` child on a free loopback port.
pub struct Agent {
    pub bin: PathBuf,
    pub child: Child,
    pub port: u16,
    /// The inventory and the log; removed with the agent.
    _dir: tempfile::TempDir,
}

impl Agent {
    pub fn start(bin: &Path, dovecot: &Dovecot) -> Result<Agent, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let inventory = dir.path().join("fleet.yaml");
        std::fs::write(&inventory, agent_inventory(dovecot)).map_err(|e| e.to_string())?;
        let log_path = dir.path().join("agent.log");
        let log = std::fs::File::create(&log_path).map_err(|e| e.to_string())?;
        let mut child = Command::new(bin)
            .args(["agent", "--listen", "127.0.0.1:0", "--in-flight"])
            .arg(AGENT_IN_FLIGHT.to_string())
            .arg("--inventory")
            .arg(&inventory)
            .env_remove("HEALTHDECK_INVENTORY")
            .env(USER_VAR, dovecot.user())
            .env(PASSWORD_VAR, dovecot.password())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
        // Its first line on stderr names the port it bound.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let said = std::fs::read_to_string(&log_path).unwrap_or_default();
            let port = said
                .lines()
                .find_map(|l| l.strip_prefix("healthdeck agent: listening on 127.0.0.1:"))
                .and_then(|rest| rest.split(':').next())
                .and_then(|p| p.parse().ok());
            if let Some(port) = port {
                return Ok(Agent {
                    bin: bin.to_path_buf(),
                    child,
                    port,
                    _dir: dir,
                });
            }
            let exited = child.try_wait().ok().flatten();
            if exited.is_some() || Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("not listening ({exited:?}): {said}"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The server and probe that run a row's dialogue. Each server has one endpoint per
/// protocol, so the CTP probe takes it whatever its TLS; the self test is a greeting.
pub fn agent_path(service: Service) -> &'static str {
    match service {
        Service::Imap => "/probe?server=plain&probe=ImapCTPProbe",
        Service::Imaps => "/probe?server=tls&probe=ImapCTPProbe",
        Service::Pop3 => "/probe?server=plain&probe=PopCTPProbe",
        Service::Pop3s => "/probe?server=tls&probe=PopCTPProbe",
        Service::Greeting => "/probe?server=plain&probe=ImapSelfTestProbe",
    }
}

/// Two servers of role `both` on the private Dovecot: `plain` (no TLS) and `tls` (implicit
/// TLS checked for `localhost` against the test CA), as the in-process rows' plans.
fn agent_inventory(dovecot: &Dovecot) -> String {
    format!(
        "name: probe-bench\n\
         credentials:\n  user: {{ env: {USER_VAR} }}\n  password: {{ env: {PASSWORD_VAR} }}\n\
         ca: {ca}\n\
         probes: {{ interval: 60s, timeout: {TIMEOUT_S}s }}\n\
         servers:\n\
         \x20 - name: plain\n    role: both\n    site: BENCH\n\
         \x20   imap: [{{ host: 127.0.0.1, port: {imap}, tls: none }}]\n\
         \x20   pop3: [{{ host: 127.0.0.1, port: {pop3}, tls: none }}]\n\
         \x20 - name: tls\n    role: both\n    site: BENCH\n\
         \x20   imap: [{{ host: 127.0.0.1, port: {imaps}, tls: implicit, server_name: localhost }}]\n\
         \x20   pop3: [{{ host: 127.0.0.1, port: {pop3s}, tls: implicit, server_name: localhost }}]\n",
        ca = dovecot.ca_path().display(),
        imap = dovecot.imap_port(),
        pop3 = dovecot.pop3_port(),
        imaps = dovecot.imaps_port(),
        pop3s = dovecot.pop3s_port(),
    )
}
