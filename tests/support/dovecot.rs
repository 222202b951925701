//! A private Dovecot 2.3 on 127.0.0.1 for probe tests: its own config, certificates and user
//! in a temp dir, four listeners on ephemeral ports (IMAP with STARTTLS, IMAPS, POP3 with
//! STLS, POP3S), run as a child `dovecot -F` in its own process group and killed on drop.
//!
//! Certificates (see `certs.rs`): `localhost` + 127.0.0.1 by default; for a client asking
//! for `mail.example.org` (SNI, Dovecot's `local_name`) one for `wrong.example.net`; for
//! `expired.example.net` an expired one.

// Each test binary that includes this file uses part of it; Instant::now only sets
// deadlines for polling the server.
#![allow(dead_code, clippy::disallowed_methods)]

#[path = "certs.rs"]
mod certs;

pub use certs::{EXPIRED_SNI, WRONG_NAME_SNI};
use nix::sys::signal::{Signal, kill, killpg};
use nix::unistd::Pid;
use std::io::{BufRead, BufReader};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const USER: &str = "probe";
const PASSWORD: &str = "c0rrect-h0rse-battery";
/// Mail is stored as `nobody`: Dovecot refuses root, and the user needs no account.
const MAIL_UID: u32 = 65534;
/// How long Dovecot may take to greet after a start. Generous: a passing test waits ~0.2 s.
const START_DEADLINE: Duration = Duration::from_secs(20);

#[derive(Debug, Clone, Copy)]
struct Ports {
    imap: u16,
    imaps: u16,
    pop3: u16,
    pop3s: u16,
}

pub struct Dovecot {
    dir: TempDir,
    ports: Ports,
    child: Option<Child>,
}

impl Dovecot {
    /// A fresh server, greeting on its IMAP port. Ports are picked by binding port 0 and
    /// releasing it; another process may take one in between, so a start that fails on an
    /// address in use is retried with new ports.
    pub fn start() -> Dovecot {
        Dovecot::start_with("")
    }

    /// A fresh server whose config ends with `extra` (settings that override the defaults,
    /// e.g. `ssl_curve_list = P-384`); kept for `start_again`.
    pub fn start_with(extra: &str) -> Dovecot {
        let dir = tempfile::tempdir().expect("temp dir");
        // Dovecot's unprivileged processes must traverse the directory (mktemp makes 0700).
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod 755");
        certs::make(dir.path());
        make_user(dir.path());
        std::fs::write(dir.path().join("extra.conf"), extra).expect("extra.conf");
        let mut last_error = String::new();
        for _attempt in 0..5 {
            let ports = free_ports();
            match launch(dir.path(), ports) {
                Ok(child) => {
                    return Dovecot {
                        dir,
                        ports,
                        child: Some(child),
                    };
                }
                Err(error) if error.contains("Address already in use") => last_error = error,
                Err(error) => panic!("dovecot did not start: {error}"),
            }
        }
        panic!("dovecot did not start after 5 port picks: {last_error}");
    }

    pub fn imap_port(&self) -> u16 {
        self.ports.imap
    }
    pub fn imaps_port(&self) -> u16 {
        self.ports.imaps
    }
    pub fn pop3_port(&self) -> u16 {
        self.ports.pop3
    }
    pub fn pop3s_port(&self) -> u16 {
        self.ports.pop3s
    }
    /// The test CA, to be given to `TlsSetup::new` as the extra CA.
    pub fn ca_path(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }
    /// The default certificate (`localhost`, 127.0.0.1).
    pub fn cert_path(&self) -> PathBuf {
        self.dir.path().join("localhost.pem")
    }
    #[allow(clippy::unused_self)] // the same user for every server, asked of the server
    pub fn user(&self) -> &'static str {
        USER
    }
    #[allow(clippy::unused_self)]
    pub fn password(&self) -> &'static str {
        PASSWORD
    }

    /// Kills the whole server (master and every child) with SIGKILL and waits until no port
    /// accepts a connection: afterwards connections are refused.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let group = Pid::from_raw(child.id() as i32);
        let _ = killpg(group, Signal::SIGKILL);
        let _ = child.wait();
        let deadline = Instant::now() + START_DEADLINE;
        while self.any_port_accepts() {
            assert!(
                Instant::now() < deadline,
                "dovecot's ports still accept after a kill"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Starts the stopped server again on the same ports with the same config.
    pub fn start_again(&mut self) {
        assert!(self.child.is_none(), "start_again on a running dovecot");
        match launch(self.dir.path(), self.ports) {
            Ok(child) => self.child = Some(child),
            Err(error) => panic!("dovecot did not start again: {error}"),
        }
    }

    /// SIGSTOP to the master: connections are still accepted by the kernel, but no login
    /// process is started, so no greeting comes.
    pub fn pause(&self) {
        kill(self.master(), Signal::SIGSTOP).expect("SIGSTOP dovecot");
    }

    pub fn resume(&self) {
        kill(self.master(), Signal::SIGCONT).expect("SIGCONT dovecot");
    }

    /// A script that starts this server again as a daemon (on its ports, with its config),
    /// as an engineer's restart command would: for steps that restart the service. Its
    /// stdio is closed so whoever runs it sees it end.
    #[allow(dead_code)] // not every test restarts through a command
    pub fn restart_script(&self) -> std::path::PathBuf {
        let dir = self.dir.path();
        let script = dir.join("restart.sh");
        let text = format!(
            "#!/bin/sh\nrm -rf '{run}' && mkdir -p '{run}' && exec '{bin}' -c '{conf}' </dev/null >/dev/null 2>&1\n",
            run = dir.join("run").display(),
            bin = dovecot_binary().display(),
            conf = dir.join("dovecot.conf").display()
        );
        std::fs::write(&script, text).expect("restart script");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        script
    }

    /// Stops a daemon started by [`Dovecot::restart_script`].
    #[allow(dead_code)]
    pub fn stop_daemon(&self) {
        let _ = Command::new(dovecot_binary())
            .arg("-c")
            .arg(self.dir.path().join("dovecot.conf"))
            .arg("stop")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }

    /// Dovecot's own log, for failure messages.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    fn master(&self) -> Pid {
        let child = self.child.as_ref().expect("dovecot is running");
        Pid::from_raw(child.id() as i32)
    }

    fn any_port_accepts(&self) -> bool {
        let Ports {
            imap,
            imaps,
            pop3,
            pop3s,
        } = self.ports;
        [imap, imaps, pop3, pop3s].into_iter().any(|port| {
            let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            TcpStream::connect_timeout(&address, Duration::from_secs(1)).is_ok()
        })
    }
}

/// Writes the config, spawns `dovecot -F` in its own process group and waits for the IMAP
/// greeting.
fn launch(dir: &Path, ports: Ports) -> Result<Child, String> {
    // A clean base dir each start: a stale one keeps the anvil penalty socket's mode.
    let run = dir.join("run");
    let _ = std::fs::remove_dir_all(&run);
    std::fs::create_dir_all(&run).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir.join("state")).map_err(|e| e.to_string())?;
    let config = dir.join("dovecot.conf");
    std::fs::write(&config, config_text(dir, ports)).map_err(|e| e.to_string())?;
    let stderr = std::fs::File::create(dir.join("stderr.txt")).map_err(|e| e.to_string())?;
    let mut child = Command::new(dovecot_binary())
        .arg("-F")
        .arg("-c")
        .arg(&config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot run dovecot: {e}"))?;
    let log = || {
        let stderr = std::fs::read_to_string(dir.join("stderr.txt")).unwrap_or_default();
        let log = std::fs::read_to_string(dir.join("dovecot.log")).unwrap_or_default();
        format!("{stderr}{log}")
    };
    let deadline = Instant::now() + START_DEADLINE;
    loop {
        if greets(ports.imap) {
            return Ok(child);
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("exited {status}: {}", log()));
        }
        if Instant::now() > deadline {
            let _ = killpg(Pid::from_raw(child.id() as i32), Signal::SIGKILL);
            let _ = child.wait();
            return Err(format!("no greeting within {START_DEADLINE:?}: {}", log()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn greets(port: u16) -> bool {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(stream) = TcpStream::connect_timeout(&address, Duration::from_secs(1)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).is_ok() && line.starts_with("* OK")
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = killpg(Pid::from_raw(child.id() as i32), Signal::SIGKILL);
            let _ = child.wait();
        }
    }
}

/// `dovecot` lives in /usr/sbin, which is not on every user's PATH.
fn dovecot_binary() -> PathBuf {
    let sbin = PathBuf::from("/usr/sbin/dovecot");
    if sbin.exists() {
        sbin
    } else {
        PathBuf::from("dovecot")
    }
}

fn free_ports() -> Ports {
    let listeners: Vec<TcpListener> = (0..4)
        .map(|_| TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind port 0"))
        .collect();
    let port = |i: usize| listeners[i].local_addr().expect("local addr").port();
    Ports {
        imap: port(0),
        imaps: port(1),
        pop3: port(2),
        pop3s: port(3),
    }
}

fn make_user(dir: &Path) {
    let home = dir.join("home").join(USER);
    std::fs::create_dir_all(&home).expect("home dir");
    // Dovecot as an ordinary user needs every service socket's owner and group overridden
    // and no privileged default listener: these tests run it as root, and say so otherwise.
    std::os::unix::fs::chown(&home, Some(MAIL_UID), Some(MAIL_UID)).unwrap_or_else(|e| {
        panic!("chown the test mail home to nobody: {e}. The probe tests run Dovecot as root.")
    });
    let line = format!(
        "{USER}:{{PLAIN}}{PASSWORD}:{MAIL_UID}:{MAIL_UID}::{}::\n",
        home.display()
    );
    std::fs::write(dir.join("passwd"), line).expect("passwd file");
}

fn config_text(dir: &Path, ports: Ports) -> String {
    let d = dir.display();
    let Ports {
        imap,
        imaps,
        pop3,
        pop3s,
    } = ports;
    format!(
        r"base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
listen = 127.0.0.1
protocols = imap pop3
disable_plaintext_auth = no
auth_failure_delay = 0
ssl = yes
ssl_cert = <{d}/localhost.pem
ssl_key = <{d}/leaf.key
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
last_valid_uid = 0
mail_location = maildir:~/Maildir
protocol imap {{
  mail_max_userip_connections = 100
}}
protocol pop3 {{
  mail_max_userip_connections = 100
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/passwd
}}
service imap-login {{
  inet_listener imap {{
    port = {imap}
  }}
  inet_listener imaps {{
    port = {imaps}
    ssl = yes
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = {pop3}
  }}
  inet_listener pop3s {{
    port = {pop3s}
    ssl = yes
  }}
}}
# Failed logins would be answered ever later (2, 4, 8, 15 s) without this.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
local_name {WRONG_NAME_SNI} {{
  ssl_cert = <{d}/wrong.pem
  ssl_key = <{d}/leaf.key
}}
local_name {EXPIRED_SNI} {{
  ssl_cert = <{d}/expired.pem
  ssl_key = <{d}/leaf.key
}}
!include {d}/extra.conf
"
    )
}
