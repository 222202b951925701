//! The record and the log when the disk fails them: a full filesystem (a small tmpfs this
//! test mounts; skipped, saying so, where mounting is not allowed) keeps whole lines only,
//! holds what it could not write in memory (bounded, the rest counted) and writes it when
//! space returns. Private files: the log never opens through a symlink, and the fallback
//! state directory must be ours alone.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // Instant: the retry's timer

#[path = "support/incident.rs"]
#[allow(dead_code)] // the sample session serves the export's tests
mod session;

use healthdeck::incident::Recorder;
use healthdeck::job::{OutputLine, RunId, Stream};
use serde_json::Value;
use session::{at, header};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmpfs of `size` mounted on a fresh directory, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// `None` (and a note on why) when this machine does not let the test mount.
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output();
        match out {
            Ok(out) if out.status.success() => Some(SmallDisk { dir }),
            other => {
                eprintln!("SKIPPED: cannot mount a tmpfs (needs root): {other:?}");
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk to the last byte with `filler`; returns its path.
    fn fill(&self) -> PathBuf {
        let path = self.path().join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let chunk = vec![0u8; 4096];
        while file.write_all(&chunk).is_ok() {}
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn lines(from: usize, count: usize) -> Vec<OutputLine> {
    (from..from + count)
        .map(|i| OutputLine {
            at: at(3, 12, 1, 0),
            stream: Stream::Stdout,
            text: format!("line {i} of a step that floods its output"),
        })
        .collect()
}

/// Every line of the file, each parsed on its own; the file ends with a line end.
#[track_caller]
fn parse_lines(path: &Path) -> Vec<Value> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.is_empty() || bytes.ends_with(b"\n"),
        "the record ends in half a line"
    );
    bytes
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_slice(line).unwrap_or_else(|e| {
                panic!(
                    "line {} is not JSON ({e}): {:?}",
                    i + 1,
                    String::from_utf8_lossy(line)
                )
            })
        })
        .collect()
}

fn outputs(record: &[Value]) -> Vec<&str> {
    record
        .iter()
        .filter(|v| v["kind"] == "output")
        .map(|v| v["line"].as_str().unwrap())
        .collect()
}

#[test]
fn a_full_disk_keeps_whole_lines_and_writes_them_once_space_returns() {
    let Some(disk) = SmallDisk::mount("256k") else {
        return;
    };
    let mut recorder =
        Recorder::create(&disk.path().join("inc"), &header(1), at(3, 12, 0, 0)).unwrap();
    let path = recorder.path().to_owned();
    let filler = disk.fill();
    recorder.output(RunId(1), &lines(0, 1_500)).unwrap();
    let error = recorder.flush().unwrap_err();
    assert_eq!(error.raw_os_error(), Some(28), "{error}");
    assert_eq!(recorder.unwritten(), Some("no space left on device"));
    let on_disk = parse_lines(&path);
    assert!(outputs(&on_disk).len() < 1_500, "the disk was full");

    // While the disk refuses, entries wait and the try happens on the retry timer.
    recorder.output(RunId(1), &lines(1_500, 10)).unwrap();
    std::fs::remove_file(filler).unwrap();
    let later = Instant::now() + Duration::from_secs(2);
    recorder.flush_if_due(later).unwrap();
    assert_eq!(recorder.unwritten(), None);
    let record = parse_lines(&path);
    let expected: Vec<String> = lines(0, 1_510).into_iter().map(|l| l.text).collect();
    assert_eq!(outputs(&record), expected);
}

/// A console started on a full disk still opens (an engineer on the worst day needs the
/// fleet): the header waits in memory with everything after it, and lands when space returns.
#[test]
fn a_record_started_on_a_full_disk_waits_for_space() {
    let Some(disk) = SmallDisk::mount("128k") else {
        return;
    };
    let dir = disk.path().join("inc");
    std::fs::create_dir(&dir).unwrap();
    let filler = disk.fill();
    let mut recorder = Recorder::create(&dir, &header(3), at(3, 12, 0, 0)).unwrap();
    assert_eq!(recorder.unwritten(), Some("no space left on device"));
    recorder.output(RunId(1), &lines(0, 10)).unwrap();
    std::fs::remove_file(filler).unwrap();
    recorder
        .flush_if_due(Instant::now() + Duration::from_secs(2))
        .unwrap();
    assert_eq!(recorder.unwritten(), None);
    let record = parse_lines(recorder.path());
    assert_eq!(record[0]["kind"], "session", "the header comes first");
    let expected: Vec<String> = lines(0, 10).into_iter().map(|l| l.text).collect();
    assert_eq!(outputs(&record), expected);
}

#[test]
fn memory_holds_a_bounded_backlog_and_the_record_says_what_was_dropped() {
    let Some(disk) = SmallDisk::mount("128k") else {
        return;
    };
    let mut recorder =
        Recorder::create(&disk.path().join("inc"), &header(2), at(3, 12, 0, 0)).unwrap();
    let path = recorder.path().to_owned();
    let filler = disk.fill();
    // About 40 MB of record lines: past the 16 MiB the recorder holds.
    for batch in 0..100 {
        recorder
            .output(RunId(7), &lines(batch * 5_000, 5_000))
            .unwrap();
        let _ = recorder.flush();
    }
    assert_eq!(recorder.unwritten(), Some("no space left on device"));
    // Room for what is held (the tmpfs grows to the size asked for).
    std::fs::remove_file(filler).unwrap();
    let output = Command::new("mount")
        .args(["-o", "remount,size=64m"])
        .arg(disk.path())
        .status()
        .unwrap();
    assert!(output.success());
    recorder
        .flush_if_due(Instant::now() + Duration::from_secs(2))
        .unwrap();
    recorder.sync().unwrap();
    let record = parse_lines(&path);
    let kept = outputs(&record).len() as u64;
    let gaps: Vec<&Value> = record
        .iter()
        .filter(|v| v["kind"] == "record_gap")
        .collect();
    assert_eq!(gaps.len(), 1, "one gap said");
    let dropped = gaps[0]["dropped_lines"].as_u64().unwrap();
    assert!(dropped > 0);
    assert_eq!(kept + dropped, 500_000, "every line is kept or counted");
    assert_eq!(gaps[0]["reason"], "no space left on device");
    // What was kept is the first part, in order.
    let first: Vec<String> = lines(0, kept as usize)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(outputs(&record), first);
    // The postmortem says so too.
    let export = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["incident", "export", "--format", "markdown"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&export.stdout);
    assert!(
        text.contains(&format!("**Record gap**: {dropped} output lines")),
        "{export:?}"
    );
}

#[test]
fn the_log_never_opens_through_a_symlink_and_is_private() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("someone-elses-file");
    std::fs::write(&target, "theirs\n").unwrap();
    let planted = tmp.path().join("healthdeck.log");
    std::os::unix::fs::symlink(&target, &planted).unwrap();
    let error = healthdeck::logging::open(&planted).unwrap_err();
    assert_eq!(error.raw_os_error(), Some(40), "ELOOP: {error}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "theirs\n");

    let fresh = tmp.path().join("fresh.log");
    healthdeck::logging::open(&fresh).unwrap();
    assert_eq!(mode(&fresh), 0o600);
    let loose = tmp.path().join("loose.log");
    std::fs::write(&loose, "").unwrap();
    std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
    healthdeck::logging::open(&loose).unwrap();
    assert_eq!(mode(&loose), 0o600);
}

/// A FIFO planted as the log fails the open; it never hangs the console's start waiting
/// for a reader.
#[test]
fn a_fifo_planted_as_the_log_is_refused_not_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let planted = tmp.path().join("healthdeck.log");
    assert!(
        Command::new("mkfifo")
            .arg(&planted)
            .status()
            .unwrap()
            .success()
    );
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(healthdeck::logging::open(&planted).is_err()));
    let refused = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the open hung on the FIFO");
    assert!(refused, "a FIFO is no log");
}

#[test]
fn the_fallback_state_directory_must_be_ours_alone() {
    use healthdeck::config::paths::ensure_private;
    let tmp = tempfile::tempdir().unwrap();
    let fresh = tmp.path().join("healthdeck-0");
    ensure_private(&fresh).unwrap();
    assert_eq!(mode(&fresh), 0o700);

    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let planted = tmp.path().join("planted");
    std::os::unix::fs::symlink(&elsewhere, &planted).unwrap();
    let error = ensure_private(&planted).unwrap_err().to_string();
    assert!(error.contains("a symbolic link"), "{error}");

    let open = tmp.path().join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
    let error = ensure_private(&open).unwrap_err().to_string();
    assert!(error.contains("others may use it (mode 755"), "{error}");

    let me = std::fs::metadata(tmp.path()).unwrap().uid();
    if me == 0 {
        let theirs = tmp.path().join("theirs");
        std::fs::create_dir(&theirs).unwrap();
        std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&theirs, Some(65534), None).unwrap();
        let error = ensure_private(&theirs).unwrap_err().to_string();
        assert!(error.contains("owned by uid 65534"), "{error}");
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn no_line_shorter_than_a_page_crosses_a_page_boundary() {
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder =
        Recorder::create(&tmp.path().join("inc"), &header(3), at(3, 12, 0, 0)).unwrap();
    let path = recorder.path().to_owned();
    for batch in 0..20 {
        recorder.output(RunId(1), &lines(batch * 997, 997)).unwrap();
        recorder.flush().unwrap();
    }
    // One line longer than a page, then more.
    let long = OutputLine {
        text: "x".repeat(6_000),
        ..lines(0, 1).remove(0)
    };
    recorder.output(RunId(1), &[long]).unwrap();
    recorder.output(RunId(1), &lines(0, 500)).unwrap();
    recorder.sync().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut start = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let end = start + line.len();
        if line.len() <= 4096 {
            assert_eq!(start / 4096, (end - 1) / 4096, "a line at {start}..{end}");
        }
        start = end;
    }
    assert_eq!(parse_lines(&path).len(), 1 + 20 * 997 + 1 + 500);
}
