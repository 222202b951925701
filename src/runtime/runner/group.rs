//! Starting a step in its own process group, and killing that group.

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::process::Stdio;
use tokio::process::{Child, Command};

/// Environment variables that hold probe secrets: a step's command never inherits them
/// (nor any `HEALTHDECK_PROBE_*`).
static HIDDEN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Names the variables the inventory reads secrets from; set once, at start.
pub fn hide_from_steps(names: Vec<String>) {
    let _ = HIDDEN.set(names);
}

/// Starts `argv` directly (argv[0] through PATH, never a shell), leading a new process
/// group so that everything it starts can be killed with it.
pub(super) fn spawn(argv: &[String]) -> Result<Child, String> {
    let Some((program, args)) = argv.split_first() else {
        return Err("cannot start the step: its command is empty".to_owned());
    };
    let mut command = Command::new(program);
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
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start `{program}`: {e}"))
}

/// A step's process group. Dropped while armed (the runner was dropped mid-step, or the
/// step was cancelled), it SIGKILLs the group: no step outlives its runner, and no
/// grandchild that ignored SIGTERM survives a cancel.
pub(super) struct ProcessGroup {
    id: Option<Pid>,
    armed: bool,
}

impl ProcessGroup {
    /// The group `child` leads (it was started with `process_group(0)`).
    pub(super) fn of(child: &Child) -> ProcessGroup {
        let id = child
            .id()
            .and_then(|pid| i32::try_from(pid).ok())
            .map(Pid::from_raw);
        ProcessGroup { id, armed: true }
    }

    pub(super) fn signal(&self, signal: Signal) {
        if let Some(id) = self.id {
            // ESRCH: every member has exited already, which is what we want.
            let _ = killpg(id, signal);
        }
    }

    /// The step ended on its own: leave anything it deliberately left running.
    pub(super) fn disarm(mut self) {
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
