//! Starting a step in its own session (so its process group can be killed whole, and a
//! hang-up of the console's terminal never reaches it), and killing that group.

use crate::i18n::Said;
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use tokio::process::{Child, Command};

/// Environment variables that hold probe secrets: a step's command never inherits them
/// (nor any `HEALTHDECK_PROBE_*`).
static HIDDEN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Names the variables the inventory reads secrets from; set once, at start.
pub fn hide_from_steps(names: Vec<String>) {
    let _ = HIDDEN.set(names);
}

/// Starts `argv` directly (argv[0] through PATH, never a shell) as the leader of a new
/// session and process group, so that everything it starts can be killed with it.
pub(crate) fn spawn(argv: &[String]) -> Result<Child, Said> {
    let Some((program, args)) = argv.split_first() else {
        return Err(Said::new("said-command-empty"));
    };
    let cannot = |e: std::io::Error| {
        Said::new("said-cannot-start")
            .text("program", program)
            .text("error", e.to_string())
    };
    // Resolved here, not by `setsid`: a missing command reads the same either way.
    let path = find_program(OsStr::new(program)).map_err(cannot)?;
    let mut command = Command::from(own_session(&path));
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("HEALTHDECK_PROBE_")
            || HIDDEN.get().is_some_and(|h| h.iter().any(|n| *n == *name))
        {
            command.env_remove(&*name);
        }
    }
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(cannot)
}

/// A command for `program` that leads its own session. util-linux `setsid PROGRAM` calls
/// setsid() and execs in place (same pid), as its caller is no group leader: the child then
/// leads its session and group, with no controlling terminal. `pre_exec` would be unsafe
/// code. Without `setsid` on PATH, a process group of its own.
pub(crate) fn own_session(program: &Path) -> std::process::Command {
    if let Ok(setsid) = find_program(OsStr::new("setsid")) {
        let mut command = std::process::Command::new(setsid);
        command.arg(program);
        command
    } else {
        let mut command = std::process::Command::new(program);
        command.process_group(0);
        command
    }
}

/// `name` as execvp would find it: through PATH unless it holds a `/`.
fn find_program(name: &OsStr) -> std::io::Result<PathBuf> {
    let not_found = || std::io::Error::from(nix::errno::Errno::ENOENT);
    if name.as_encoded_bytes().contains(&b'/') {
        let path = PathBuf::from(name);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(not_found())
        };
    }
    if name.is_empty() {
        return Err(not_found());
    }
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into());
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| {
            candidate
                .metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
        .ok_or_else(not_found)
}

/// A step's process group. Dropped while armed (the runner was dropped mid-step, or the
/// step was stopped), it SIGKILLs the group: no step outlives its runner unless it was
/// left running, and no grandchild that ignored SIGTERM survives a cancel.
pub(crate) struct ProcessGroup {
    id: Option<Pid>,
    armed: bool,
}

impl ProcessGroup {
    /// The group `child` leads (it was started by [`spawn`]).
    pub(crate) fn of(child: &Child) -> ProcessGroup {
        let id = child
            .id()
            .and_then(|pid| i32::try_from(pid).ok())
            .map(Pid::from_raw);
        ProcessGroup { id, armed: true }
    }

    /// The group `pid` leads, of a step this process did not start (a keeper's): disarmed.
    pub(crate) fn led_by(pid: u32) -> ProcessGroup {
        let id = i32::try_from(pid)
            .ok()
            .filter(|&p| p > 1)
            .map(Pid::from_raw);
        ProcessGroup { id, armed: false }
    }

    pub(crate) fn signal(&self, signal: Signal) {
        if let Some(id) = self.id {
            // ESRCH: every member has exited already, which is what we want.
            let _ = killpg(id, signal);
        }
    }

    /// Whether dropping it kills what is left of the group: yes once it is stopped, no
    /// while it is left running.
    pub(crate) fn arm(&mut self, armed: bool) {
        self.armed = armed;
    }

    /// The step ended on its own: leave anything it deliberately left running.
    pub(crate) fn disarm(mut self) {
        self.armed = false;
    }
}

impl Drop for ProcessGroup {
    fn drop(&mut self) {
        if self.armed {
            self.signal(Signal::SIGKILL);
        }
    }
}
