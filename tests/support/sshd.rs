//! A private OpenSSH server on 127.0.0.1 for transport tests: its own host key, a client
//! key in `authorized_keys`, and an ssh_config (for `ssh -F`) naming it `healthdeck-test`
//! with a pinned host key. Run as a child `sshd -D` in its own process group, killed on
//! drop. Needs root (sshd's privilege separation) and openssh-server.

// Each test binary that includes this file uses part of it; Instant::now only sets
// deadlines for polling the server.
#![allow(dead_code, clippy::disallowed_methods)]

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::io::Read;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The name the client config gives the server.
pub const HOST: &str = "healthdeck-test";
const SSHD: &str = "/usr/sbin/sshd";
const START_DEADLINE: Duration = Duration::from_secs(20);

pub struct Sshd {
    dir: TempDir,
    port: u16,
    child: Option<Child>,
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "healthdeck-test",
            "-f",
        ])
        .arg(path)
        .stdin(Stdio::null())
        .status()
        .expect("ssh-keygen (openssh-client)");
    assert!(status.success(), "ssh-keygen failed");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read key")
}

impl Sshd {
    /// A fresh server accepting the test key, answering SSH on its port.
    pub fn start() -> Sshd {
        assert!(
            Path::new(SSHD).exists(),
            "{SSHD} is missing: apt-get install openssh-server (scripts/test.sh does)"
        );
        // sshd refuses to start without its privilege separation directory.
        std::fs::create_dir_all("/run/sshd").expect("mkdir /run/sshd (needs root)");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = |name: &str| dir.path().join(name);
        keygen(&path("host_key"));
        keygen(&path("client_key"));
        std::fs::copy(path("client_key.pub"), path("authorized_keys")).expect("authorized_keys");
        let host_key = read(&path("host_key.pub"));
        let mut fields = host_key.split_whitespace();
        let (kind, key) = (fields.next().unwrap(), fields.next().unwrap());
        std::fs::write(path("known_hosts"), format!("{HOST} {kind} {key}\n")).unwrap();
        let port = free_port();
        let d = dir.path().display();
        std::fs::write(
            path("sshd_config"),
            format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\n\
                 PidFile {d}/sshd.pid\nAuthorizedKeysFile {d}/authorized_keys\n\
                 PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n\
                 StrictModes no\nPermitRootLogin prohibit-password\nLogLevel FATAL\n\
                 MaxStartups 100\nMaxSessions 100\n"
            ),
        )
        .unwrap();
        std::fs::write(
            path("ssh_config"),
            format!(
                "Host {HOST}\n  HostName 127.0.0.1\n  Port {port}\n  User root\n  \
                 IdentityFile {d}/client_key\n  IdentitiesOnly yes\n  \
                 HostKeyAlias {HOST}\n  UserKnownHostsFile {d}/known_hosts\n  \
                 GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n  \
                 LogLevel ERROR\n"
            ),
        )
        .unwrap();
        let child = Command::new(SSHD)
            .args(["-D", "-e", "-f"])
            .arg(path("sshd_config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .expect("start sshd");
        let sshd = Sshd {
            dir,
            port,
            child: Some(child),
        };
        sshd.wait_for_banner();
        sshd
    }

    fn wait_for_banner(&self) {
        let deadline = Instant::now() + START_DEADLINE;
        while Instant::now() < deadline {
            if let Ok(mut stream) = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)) {
                let mut banner = [0u8; 8];
                stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
                if stream.read_exact(&mut banner).is_ok() && banner.starts_with(b"SSH-2.0") {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("sshd did not answer on port {} in time", self.port);
    }

    /// The client's ssh_config: `ssh -F <this> healthdeck-test CMD` reaches the server.
    pub fn client_config(&self) -> PathBuf {
        self.dir.path().join("ssh_config")
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A folder of the test's own, beside the keys.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let group = Pid::from_raw(i32::try_from(child.id()).unwrap_or(i32::MAX));
            let _ = killpg(group, Signal::SIGKILL);
            let _ = child.wait();
        }
    }
}

/// A port nobody listens on right now (sshd binds it a moment later).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind port 0");
    listener.local_addr().unwrap().port()
}
