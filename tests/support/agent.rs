//! `healthdeck agent` started for a test: the real binary on any free loopback port, its
//! address read from its first line on stderr.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStderr, Command, Stdio};

/// A running agent, its address, and the rest of its stderr.
pub type Started = (Child, String, BufReader<ChildStderr>);

/// The agent on `inventory`, with `args` after `agent` (e.g. `--in-flight 8`).
pub fn start(inventory: &Path, args: &[&str]) -> Started {
    let mut child = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["agent", "--listen", "127.0.0.1:0"])
        .args(args)
        .arg("--inventory")
        .arg(inventory)
        .env_remove("HEALTHDECK_INVENTORY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let address = line
        .strip_prefix("healthdeck agent: listening on ")
        .and_then(|rest| rest.split(": ").next())
        .unwrap_or_else(|| panic!("the agent said: {line}"))
        .to_owned();
    (child, address, stderr)
}
