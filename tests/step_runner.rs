//! The step runner with real processes: both streams in order, exit codes, cancel and
//! timeout (the process group is really gone), invalid UTF-8, a million lines.
#![allow(clippy::unwrap_used)]

use healthdeck::event::Event;
use healthdeck::job::{CAPTURE_LIMIT, JobEnd, OutputLine, RunId, Stream};
use healthdeck::runbook::StepExit;
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::runner::run_process;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::timeout;

const RUN: RunId = RunId(7);
/// A bug must fail a test, not hang it.
const PATIENCE: Duration = Duration::from_secs(30);
const NO_LIMIT: Duration = Duration::from_secs(60);

fn sh(script: &str) -> Vec<String> {
    vec!["sh".into(), "-c".into(), script.into()]
}

/// A running step: its events, and its cancel (kept, so it is not dropped).
struct Step {
    events: mpsc::Receiver<Event>,
    cancel: Option<oneshot::Sender<()>>,
}

fn start(argv: Vec<String>, limit: Duration) -> Step {
    let (tx, events) = mpsc::channel(16);
    let (cancel, cancel_rx) = oneshot::channel();
    tokio::spawn(run_process(
        RUN,
        argv,
        limit,
        FleetClock::new(1.0),
        cancel_rx,
        tx,
    ));
    Step {
        events,
        cancel: Some(cancel),
    }
}

impl Step {
    /// The next line, or None when the step ended (its end is then returned by `end`).
    async fn next_lines(&mut self) -> Result<Vec<OutputLine>, JobEnd> {
        let event = timeout(PATIENCE, self.events.recv()).await.unwrap();
        match event.expect("the runner stopped without reporting an end") {
            Event::StepOutput { run, lines } => {
                assert_eq!(run, RUN);
                assert!(!lines.is_empty(), "an empty batch");
                Ok(lines)
            }
            Event::StepEnded { run, end } => {
                assert_eq!(run, RUN);
                // The end is the last event: the runner returns and drops its sender.
                let after = timeout(PATIENCE, self.events.recv()).await.unwrap();
                assert!(after.is_none(), "an event after StepEnded: {after:?}");
                Err(end)
            }
            other => panic!("unexpected event {other:?}"),
        }
    }

    /// Feeds every line to `each` until the end, which it returns.
    async fn each_line(&mut self, mut each: impl FnMut(OutputLine)) -> JobEnd {
        loop {
            match self.next_lines().await {
                Ok(lines) => lines.into_iter().for_each(&mut each),
                Err(end) => return end,
            }
        }
    }

    async fn finish(&mut self) -> (Vec<OutputLine>, JobEnd) {
        let mut lines = Vec::new();
        let end = self.each_line(|l| lines.push(l)).await;
        (lines, end)
    }

    /// Lines until one satisfies `wanted`; all of them returned.
    async fn until(&mut self, wanted: impl Fn(&OutputLine) -> bool) -> Vec<OutputLine> {
        let mut seen = Vec::new();
        while !seen.iter().any(&wanted) {
            match self.next_lines().await {
                Ok(lines) => seen.extend(lines),
                Err(end) => panic!("ended early: {end:?} after {seen:?}"),
            }
        }
        seen
    }

    fn cancel(&mut self) {
        self.cancel.take().unwrap().send(()).unwrap();
    }
}

async fn run(argv: Vec<String>) -> (Vec<OutputLine>, JobEnd) {
    start(argv, NO_LIMIT).finish().await
}

fn texts(lines: &[OutputLine]) -> Vec<(Stream, &str)> {
    lines.iter().map(|l| (l.stream, l.text.as_str())).collect()
}

/// Processes whose process group is `pgid`, zombies aside (this container's init may
/// not reap the orphans; a zombie runs nothing).
fn group_members(pgid: u32) -> Vec<u32> {
    let mut members = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.len() > 2 && !matches!(fields[0], "Z" | "X") && fields[2] == pgid.to_string() {
            members.push(pid);
        }
    }
    members
}

async fn assert_group_gone(pgid: u32) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let members = group_members(pgid);
        if members.is_empty() {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "processes of group {pgid} still running: {members:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn both_streams_arrive_marked_and_in_order() {
    use Stream::{Stderr, Stdout};
    let script = "printf 'out1\\n'; sleep 0.05; printf 'err1\\n' >&2; sleep 0.05; \
                  printf 'out2\\n'; printf 'out3\\n'; sleep 0.05; printf 'err2\\n' >&2; \
                  printf 'err3\\n' >&2; sleep 0.05; printf 'out4\\n'";
    let (lines, end) = run(sh(script)).await;
    assert_eq!(
        texts(&lines),
        [
            (Stdout, "out1"),
            (Stderr, "err1"),
            (Stdout, "out2"),
            (Stdout, "out3"),
            (Stderr, "err2"),
            (Stderr, "err3"),
            (Stdout, "out4"),
        ]
    );
    assert!(lines.windows(2).all(|w| w[0].at <= w[1].at), "{lines:?}");
    assert_eq!(end.exit, StepExit::Succeeded);
    assert_eq!(end.stdout, "out1\nout2\nout3\nout4");
    assert_eq!(end.note, None);
}

#[tokio::test]
async fn exit_codes() {
    let (_, end) = run(sh("exit 0")).await;
    assert_eq!(end.exit, StepExit::Succeeded);
    let (_, end) = run(sh("echo about to fail; exit 3")).await;
    assert_eq!(end.exit, StepExit::Failed(Some(3)));
    assert_eq!(end.stdout, "about to fail");
}

#[tokio::test]
async fn a_command_that_does_not_exist_fails_and_says_why() {
    // It printed nothing: the console's own words are its end's note, which the log says
    // in the engineer's language.
    let (lines, end) = run(vec!["healthdeck-no-such-command".into(), "x".into()]).await;
    assert_eq!(end.exit, StepExit::Failed(None));
    assert!(lines.is_empty(), "{lines:?}");
    let note = end.note.unwrap().english();
    assert!(
        note.contains("cannot start `healthdeck-no-such-command`"),
        "{note}"
    );

    let (lines, end) = run(Vec::new()).await;
    assert_eq!(end.exit, StepExit::Failed(None));
    assert!(lines.is_empty(), "{lines:?}");
    assert!(end.note.unwrap().english().contains("empty"));
}

#[tokio::test]
async fn killed_by_a_signal_fails_with_a_note() {
    let (_, end) = run(sh("kill -KILL $$")).await;
    assert_eq!(end.exit, StepExit::Failed(None));
    let note = end.note.unwrap().english();
    assert!(note.contains("SIGKILL"), "{note}");
}

#[tokio::test]
async fn cancel_kills_the_whole_process_group() {
    let mut step = start(
        sh("echo $$; sleep 300 & sleep 300 & echo started; wait"),
        NO_LIMIT,
    );
    let seen = step.until(|l| l.text == "started").await;
    let pgid: u32 = seen[0].text.parse().unwrap();
    assert!(group_members(pgid).len() >= 3, "sh and two sleeps");
    step.cancel();
    let (_, end) = step.finish().await;
    assert_eq!(end.exit, StepExit::Cancelled);
    assert_group_gone(pgid).await;
}

#[tokio::test]
async fn a_dropped_cancel_is_no_cancel() {
    let mut step = start(sh("sleep 0.2; echo finished"), NO_LIMIT);
    drop(step.cancel.take());
    let (lines, end) = step.finish().await;
    assert_eq!(end.exit, StepExit::Succeeded);
    assert_eq!(texts(&lines), [(Stream::Stdout, "finished")]);
}

#[tokio::test]
async fn timeout_kills_the_whole_process_group() {
    let mut step = start(sh("echo $$; sleep 300"), Duration::from_millis(300));
    let (lines, end) = step.finish().await;
    let pgid: u32 = lines[0].text.parse().unwrap();
    assert_eq!(end.exit, StepExit::TimedOut);
    let note = end.note.unwrap().english();
    assert!(note.contains("timed out after 0.3 s"), "{note}");
    assert!(note.contains("process group was killed"), "{note}");
    assert_group_gone(pgid).await;
}

/// A process that left the group (setsid) and holds the pipes open cannot hang the
/// runner: after SIGTERM, SIGKILL and a grace each it stops reading and reports.
#[tokio::test]
async fn a_pipe_held_open_from_outside_the_group_does_not_hang_the_step() {
    let script = "setsid sh -c 'echo $$; exec sleep 30' & sleep 300";
    let mut step = start(sh(script), Duration::from_millis(300));
    let (lines, end) = step.finish().await;
    let escaped: i32 = lines[0].text.parse().unwrap();
    let pid = nix::unistd::Pid::from_raw(escaped);
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
    assert_eq!(end.exit, StepExit::TimedOut);
    let note = end.note.unwrap().english();
    assert!(note.contains("stopped reading"), "{note}");
}

#[tokio::test]
async fn invalid_utf8_is_shown_lossily() {
    let (lines, _) = run(sh("printf 'ok \\377\\376 end\\n'")).await;
    assert_eq!(lines.len(), 1);
    let text = &lines[0].text;
    assert!(
        text.starts_with("ok ") && text.ends_with(" end"),
        "{text:?}"
    );
    assert!(text.contains('\u{FFFD}'), "{text:?}");
}

#[tokio::test]
async fn a_last_line_without_newline_is_delivered_and_captured() {
    let (lines, end) = run(sh("printf 'first\\r\\nsecond\\n\\nlast'")).await;
    let expected = ["first", "second", "", "last"].map(|t| (Stream::Stdout, t));
    assert_eq!(texts(&lines), expected);
    assert_eq!(end.stdout, "first\nsecond\n\nlast");
}

#[tokio::test]
async fn a_very_long_line_is_cut_and_reading_goes_on() {
    let script = "head -c 300000 /dev/zero | tr '\\0' a; echo; echo after";
    let (lines, end) = run(sh(script)).await;
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].text.len(), 64 * 1024);
    assert!(lines[0].text.bytes().all(|b| b == b'a'));
    assert_eq!(lines[1].text, "after");
    assert_eq!(end.exit, StepExit::Succeeded);
}

#[tokio::test]
async fn a_million_lines_all_arrive_in_order() {
    let mut step = start(vec!["seq".into(), "1".into(), "1000000".into()], NO_LIMIT);
    let mut count = 0u64;
    let end = step
        .each_line(|line| {
            count += 1;
            assert_eq!(line.stream, Stream::Stdout);
            assert_eq!(line.text.parse::<u64>().unwrap(), count);
        })
        .await;
    assert_eq!(count, 1_000_000);
    assert_eq!(end.exit, StepExit::Succeeded);
    // The capture stops at its limit.
    assert!(end.stdout.starts_with("1\n2\n3\n"));
    assert_eq!(end.stdout.len(), CAPTURE_LIMIT);
}

#[tokio::test]
async fn pipes_are_drained_before_the_exit_is_reported() {
    // The child prints once its parent is gone (and reaped): after the exit, within the
    // drain grace, however slow the machine, with no guess at how long the parent takes.
    let script = "parent=$$; (while kill -0 $parent 2>/dev/null; do sleep 0.01; done; \
                  echo late) & echo early";
    let (lines, end) = run(sh(script)).await;
    assert_eq!(
        texts(&lines),
        [(Stream::Stdout, "early"), (Stream::Stdout, "late")]
    );
    assert_eq!(end.exit, StepExit::Succeeded);
}

/// Whether `pid` runs (a zombie does not).
fn alive(pid: i32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
    state.is_some_and(|s| !s.starts_with(['Z', 'X']))
}

fn kill(pid: i32) {
    let pid = nix::unistd::Pid::from_raw(pid);
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
}

/// An init script whose daemon inherits stdout: the step ends with the command, not with
/// the daemon (nor at its time limit, which would kill the daemon with the group).
#[tokio::test]
async fn a_command_that_leaves_a_child_holding_its_output_ends_when_the_command_does() {
    let script = "sleep 100000 & echo $!; echo done; exit 0";
    let (lines, end) = start(sh(script), Duration::from_secs(120)).finish().await;
    let daemon: i32 = lines[0].text.parse().unwrap();
    let alive_after = alive(daemon);
    kill(daemon);
    assert_eq!(end.exit, StepExit::Succeeded, "{end:?}");
    assert_eq!(texts(&lines)[1], (Stream::Stdout, "done"));
    let note = end.note.unwrap().english();
    assert!(note.contains("not captured"), "{note}");
    assert!(alive_after, "the child was killed with the step");
}

/// Let go, the pipes are still read (and dropped) while the console runs: a daemon that
/// prints later does not die of a broken pipe.
#[tokio::test]
async fn a_child_printing_after_its_step_ended_is_not_killed_by_a_broken_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let (gate, wrote) = (dir.path().join("gate"), dir.path().join("wrote"));
    let script = format!(
        "(while [ ! -e '{}' ]; do sleep 0.05; done; echo late; echo late >&2; \
         touch '{}'; exec sleep 100000) & echo $!; exit 3",
        gate.display(),
        wrote.display()
    );
    let (lines, end) = start(sh(&script), Duration::from_secs(120)).finish().await;
    let daemon: i32 = lines[0].text.parse().unwrap();
    assert_eq!(
        end.exit,
        StepExit::Failed(Some(3)),
        "its command's exit status"
    );
    std::fs::write(&gate, "").unwrap();
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !wrote.exists() && alive(daemon) && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (printed, alive_after) = (wrote.exists(), alive(daemon));
    kill(daemon);
    assert!(printed, "it died printing");
    assert!(alive_after);
}
