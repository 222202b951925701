//! The hostile corpus and a bounded way to run the binary on it.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What must come of a file: accepted, or a finding at a line and column whose message
/// holds some words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    Ok,
    At(usize, usize, String),
}

/// The kinds of file with a loader, by corpus folder.
pub const KINDS: [&str; 4] = ["inventory", "scenario", "theme", "runbook"];

fn expectation(path: &Path) -> Expect {
    let bytes = std::fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let first = bytes.split(|&b| b == b'\n').next().unwrap();
    let first = std::str::from_utf8(first).unwrap();
    let rest = first
        .strip_prefix("# expect: ")
        .unwrap_or_else(|| panic!("{}: no `# expect:` line", path.display()));
    if rest == "ok" {
        return Expect::Ok;
    }
    let (place, words) = rest.split_once(' ').unwrap_or((rest, ""));
    let (line, column) = place.split_once(':').unwrap();
    Expect::At(
        line.parse().unwrap(),
        column.parse().unwrap(),
        words.to_owned(),
    )
}

/// Every corpus file: kind, path, expectation; in a stable order.
pub fn corpus() -> Vec<(&'static str, PathBuf, Expect)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut all = Vec::new();
    for kind in KINDS {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(kind))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in files {
            let expect = expectation(&path);
            all.push((kind, path, expect));
        }
    }
    all
}

/// What a run of the binary left.
#[derive(Debug)]
pub struct Ran {
    pub code: Option<u8>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with no terminal, killing it if it has not ended after a minute (a hang
/// is a failure, not a wait).
#[allow(clippy::disallowed_methods)] // a deadline for polling the child
pub fn run(argv: &[String]) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(argv)
        .env_remove("HEALTHDECK_INVENTORY")
        .env("NO_COLOR", "")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            pipe.read_to_end(&mut text).unwrap();
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    // A deadline on the wall clock; the short poll interval is not an assertion on time.
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("healthdeck {argv:?} did not end within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code: status.code().map(|c| c as u8),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}
