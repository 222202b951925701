//! The incident record: the file the `Recorder` writes (private, whole lines, output exactly as
//! serde writes it, boundaries on disk at once, a million lines) and `healthdeck incident
//! export` run as a user would (a golden Markdown timeline, JSON, a torn last line, a bad
//! line, `--latest`).
#![allow(clippy::unwrap_used)]

#[path = "support/incident.rs"]
mod session;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use healthdeck::incident::{Entry, Record, Recorder, SCHEMA, latest, session_header};
use healthdeck::job::{OutputLine, RunId, Stream};
use session::{at, export, header, lines_of, mode_of, output_line, text, write_session};
use std::path::{Path, PathBuf};

#[test]
fn the_file_is_private_in_a_new_private_folder_and_starts_with_its_header() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("state/healthdeck/incidents");
    let mut recorder = Recorder::create(&dir, &header(4242), at(3, 12, 0, 0)).unwrap();
    let path = recorder.path().to_owned();
    assert_eq!(mode_of(&dir), 0o700);
    assert_eq!(mode_of(&path), 0o600);
    assert_eq!(
        path.file_name().unwrap(),
        "20261122T031200Z-ops-bastion-4242.jsonl"
    );
    let transition = Entry::Transition {
        server: "EX01".into(),
        monitor: "ImapCTPMonitor".into(),
        from: "Healthy".into(),
        to: "Unhealthy".into(),
    };
    recorder.record(at(3, 12, 5, 120), &transition).unwrap();
    recorder.sync().unwrap();
    let lines = lines_of(&path);
    assert!(lines[0].starts_with(r#"{"at":"2026-11-22T03:12:00.000Z","kind":"session","#));
    let records: Vec<Record> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    let Entry::Session {
        user,
        host,
        pid,
        schema,
        ..
    } = &records[0].entry
    else {
        panic!("line 1 is not the header: {}", lines[0]);
    };
    assert_eq!(
        (user.as_str(), host.as_str(), *pid),
        ("alice", "ops-bastion", 4242)
    );
    assert_eq!(schema, SCHEMA);
    assert_eq!(records[1].entry, transition);
    assert_eq!(records[1].at, at(3, 12, 5, 120));

    // Another session of the same second, host and pid gets a file of its own.
    let again = Recorder::create(&dir, &header(4242), at(3, 12, 0, 500)).unwrap();
    assert_ne!(again.path(), path);
    assert_eq!(mode_of(again.path()), 0o600);
}

#[test]
fn the_header_names_this_process() {
    let Entry::Session {
        schema,
        version,
        user,
        host,
        pid,
        mode,
        dry_run,
        read_only,
        language,
        ..
    } = session_header("TRAINING ×10".into(), true, false, "ko")
    else {
        panic!("not a session header");
    };
    assert_eq!(schema, SCHEMA);
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    assert!(!user.is_empty() && !host.is_empty());
    assert_eq!(pid, std::process::id());
    assert_eq!(
        (mode.as_str(), dry_run, read_only),
        ("TRAINING ×10", true, false)
    );
    assert_eq!(language, "ko");
    let not_a_header = Entry::CancelRequested {
        run: 1,
        by: "alice".into(),
    };
    let tmp = tempfile::tempdir().unwrap();
    assert!(Recorder::create(tmp.path(), &not_a_header, at(3, 0, 0, 0)).is_err());
}

#[test]
fn output_lines_are_written_exactly_as_serde_writes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder = Recorder::create(tmp.path(), &header(1), at(3, 0, 0, 0)).unwrap();
    let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
        .unwrap()
        .and_hms_milli_opt(23, 59, 59, 1_250)
        .unwrap()
        .and_utc();
    let times = [
        at(3, 0, 1, 0),
        at(3, 0, 1, 7),
        at(3, 0, 1, 999),
        at(3, 0, 2, 40) + TimeDelta::microseconds(999),
        at(3, 0, 2, 40) + TimeDelta::nanoseconds(1),
        leap,
        Utc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).unwrap(),
        at(3, 0, 2, 41),
    ];
    let texts = [
        r#"she said "restart" twice"#,
        r"C:\Program Files\Microsoft\Exchange Server\V15\Bin",
        "\u{0}\u{1}\u{1b}[31mred\u{1b}[0m\t\r\u{7f}\u{85}\u{2028}",
        "invalid UTF-8 read as \u{fffd}\u{fffd}",
        "",
        "한국어 日本語 繁體中文 português 🙂",
        "}\n{\"at\":\"forged\"}",
        "last",
    ];
    let lines: Vec<OutputLine> = times
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (at, text))| {
            let stream = if i % 2 == 0 {
                Stream::Stdout
            } else {
                Stream::Stderr
            };
            output_line(*at, stream, text)
        })
        .collect();
    recorder.output(RunId(77), &lines).unwrap();
    recorder.flush().unwrap();
    let written = lines_of(recorder.path());
    assert_eq!(written.len(), 1 + lines.len());
    for (line, file_line) in lines.iter().zip(&written[1..]) {
        let entry = Entry::Output {
            run: 77,
            stream: line.stream.name().to_owned(),
            line: line.text.clone(),
        };
        let record = Record { at: line.at, entry };
        assert_eq!(file_line, &serde_json::to_string(&record).unwrap());
        let read: Record = serde_json::from_str(file_line).unwrap();
        assert_eq!(read.entry, record.entry);
        // Milliseconds are kept, finer digits dropped.
        let millis = |at: DateTime<Utc>| (at.timestamp(), at.timestamp_subsec_millis());
        assert_eq!(millis(read.at), millis(line.at));
    }
    assert!(written[6].contains(r#""at":"2016-12-31T23:59:60.250Z""#));
}

#[test]
#[allow(clippy::disallowed_methods)] // `flush_if_due` takes the loop's Instant
fn output_waits_in_the_buffer_and_a_step_boundary_does_not() {
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder = Recorder::create(tmp.path(), &header(1), at(3, 0, 0, 0)).unwrap();
    let path = recorder.path().to_owned();
    assert_eq!(lines_of(&path).len(), 1, "the header is on disk at once");
    assert!(!recorder.dirty());

    let lines: Vec<OutputLine> = (0..10)
        .map(|i| output_line(at(3, 0, 1, i), Stream::Stdout, &format!("line {i}")))
        .collect();
    recorder.output(RunId(1), &lines).unwrap();
    assert!(recorder.dirty());
    assert_eq!(lines_of(&path).len(), 1);
    recorder.flush().unwrap();
    assert!(!recorder.dirty());
    assert_eq!(lines_of(&path).len(), 11, "nothing lost after flush");

    // A boundary takes what was buffered before it along.
    recorder.output(RunId(1), &lines[..2]).unwrap();
    let end = Entry::StepEnded {
        run: 1,
        exit: "succeeded".into(),
        code: Some(0),
        duration_ms: 1_200,
        facts: std::collections::BTreeMap::default(),
        note: None,
    };
    recorder.record(at(3, 0, 2, 0), &end).unwrap();
    let on_disk = lines_of(&path);
    assert_eq!(on_disk.len(), 14);
    let last: Record = serde_json::from_str(&on_disk[13]).unwrap();
    assert_eq!(last.entry, end);
    assert!(!recorder.dirty());

    // At most every 50 ms while output keeps coming.
    let now = std::time::Instant::now();
    recorder.output(RunId(1), &lines[..1]).unwrap();
    recorder.flush_if_due(now).unwrap();
    assert_eq!(lines_of(&path).len(), 15, "the first flush is due at once");
    recorder.output(RunId(1), &lines[..1]).unwrap();
    recorder
        .flush_if_due(now + std::time::Duration::from_millis(20))
        .unwrap();
    assert_eq!(lines_of(&path).len(), 15);
    assert!(recorder.dirty());
    recorder
        .flush_if_due(now + std::time::Duration::from_millis(50))
        .unwrap();
    assert_eq!(lines_of(&path).len(), 16);
    assert!(!recorder.dirty());
}

#[test]
fn a_million_output_lines_all_reach_the_file_whole() {
    const LINES: usize = 1_000_000;
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder = Recorder::create(tmp.path(), &header(1), at(3, 0, 0, 0)).unwrap();
    let mut batch = Vec::with_capacity(512);
    for i in 0..LINES {
        let stream = if i % 7 == 0 {
            Stream::Stderr
        } else {
            Stream::Stdout
        };
        let at = at(3, 0, 1, (i / 100) as i64);
        batch.push(output_line(
            at,
            stream,
            &format!("mailbox {i}: moved \"DB01\""),
        ));
        if batch.len() == 512 || i + 1 == LINES {
            recorder.output(RunId(9), &batch).unwrap();
            batch.clear();
        }
    }
    recorder.flush().unwrap();
    let bytes = std::fs::read(recorder.path()).unwrap();
    assert_eq!(bytes.last(), Some(&b'\n'));
    let lines: Vec<&[u8]> = bytes[..bytes.len() - 1].split(|b| *b == b'\n').collect();
    assert_eq!(lines.len(), LINES + 1);
    // Parsing every line would take longer than writing them: every 1000th, and the last.
    for (index, line) in lines.iter().enumerate().skip(1) {
        if index % 1_000 == 0 || index == LINES {
            let record: Record = serde_json::from_slice(line).unwrap();
            let Entry::Output { run, line, .. } = record.entry else {
                panic!("line {index} is not output");
            };
            assert_eq!(run, 9);
            assert_eq!(line, format!("mailbox {}: moved \"DB01\"", index - 1));
        }
    }
}

fn golden() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/incident/session.md")
}

#[test]
fn a_session_exports_as_the_golden_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let (code, markdown, stderr) = export(&[text(&path), "--format", "markdown"], None);
    assert_eq!(code, 0, "{stderr}");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden().parent().unwrap()).unwrap();
        std::fs::write(golden(), &markdown).unwrap();
    }
    let expected = std::fs::read_to_string(golden()).unwrap();
    assert_eq!(
        markdown, expected,
        "UPDATE_GOLDEN=1 rewrites the golden file"
    );
    // Markdown is also the default.
    assert_eq!(export(&[text(&path)], None).1, expected);
}

#[test]
fn json_export_is_one_document_with_the_session_and_every_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let (code, json, stderr) = export(&[text(&path), "--format", "json"], None);
    assert_eq!(code, 0, "{stderr}");
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(document["schema"], SCHEMA);
    assert_eq!(document["file"], "20261122T031200Z-ops-bastion-4242.jsonl");
    assert_eq!(document["torn_last_line"], false);
    assert_eq!(document["session"]["kind"], "session");
    assert_eq!(document["session"]["user"], "alice");
    let lines = lines_of(&path);
    let entries = document["entries"].as_array().unwrap();
    assert_eq!(entries.len(), lines.len() - 1);
    for (entry, line) in entries.iter().zip(&lines[1..]) {
        let record: Record = serde_json::from_value(entry.clone()).unwrap();
        assert_eq!(record, serde_json::from_str::<Record>(line).unwrap());
    }
}

/// Cuts the record in the middle of its last line, as a kill -9 in a write could.
fn torn_copy(dir: &Path) -> PathBuf {
    let path = write_session(dir);
    let bytes = std::fs::read(&path).unwrap();
    let last_start = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|b| *b == b'\n')
        .unwrap();
    std::fs::write(&path, &bytes[..last_start + 20]).unwrap();
    path
}

#[test]
fn a_torn_last_line_is_left_out_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let path = torn_copy(tmp.path());
    let (code, markdown, stderr) = export(&[text(&path), "--format", "markdown"], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(markdown.contains("the last line was cut off (the console was killed)"));
    assert!(!markdown.contains("Session ended"), "{markdown}");
    assert!(markdown.contains("| Ended | not recorded"), "{markdown}");
    let (code, json, _) = export(&[text(&path), "--format", "json"], None);
    assert_eq!(code, 0);
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(document["torn_last_line"], true);
}

#[test]
fn a_bad_line_in_the_middle_is_an_error_with_its_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let mut lines = lines_of(&path);
    lines[2] = lines[2].replace(r#""kind":"transition""#, r#""kind":"transition"#);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    for format in ["markdown", "json"] {
        let (code, out, stderr) = export(&[text(&path), "--format", format], None);
        assert_eq!(code, 2);
        assert_eq!(out, "", "nothing is written when the record does not read");
        let expected = format!("{}:3:", path.display());
        assert!(stderr.starts_with(&expected), "{stderr}");
        let column: usize = stderr[expected.len()..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(column > 30, "{stderr}");
    }
}

#[test]
fn usage_and_missing_records_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope.jsonl");
    let (code, _, stderr) = export(&[text(&missing)], None);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!("{}: no such record file\n", missing.display())
    );

    let (code, _, stderr) = export(&[text(&missing), "--latest"], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot be used with"), "{stderr}");
    let (code, _, _) = export(&[], None);
    assert_eq!(code, 2);
    let (code, _, _) = export(&[text(&missing), "--format", "pdf"], None);
    assert_eq!(code, 2);

    let (code, _, stderr) = export(&["--latest"], Some(tmp.path()));
    assert_eq!(code, 2);
    let dir = tmp.path().join("healthdeck/incidents");
    assert!(
        stderr.contains(&format!("no incident records in {}", dir.display())),
        "{stderr}"
    );

    let empty = tmp.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let (code, _, stderr) = export(&[text(&empty)], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("no session header"), "{stderr}");
}

#[test]
fn latest_picks_the_newest_record_of_the_state_folder() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().join("healthdeck/incidents");
    let older = Recorder::create(&dir, &header(9), at(2, 0, 0, 0)).unwrap();
    let newer = write_session(&dir);
    let oldest = Recorder::create(&dir, &header(1), at(1, 0, 0, 0)).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a record").unwrap();
    assert_eq!(latest(&dir).as_deref(), Some(newer.as_path()));
    assert_eq!(latest(&state.path().join("none")), None);
    drop((older, oldest));

    let (code, json, stderr) = export(&["--latest", "--format", "json"], Some(state.path()));
    assert_eq!(code, 0, "{stderr}");
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(document["file"], "20261122T031200Z-ops-bastion-4242.jsonl");
}

#[test]
fn long_output_and_awkward_text_stay_readable() {
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder = Recorder::create(tmp.path(), &header(1), at(3, 0, 0, 0)).unwrap();
    let started = |run, command: &str| Entry::StepStarted {
        run,
        procedure: "imap-ctp".into(),
        step: "restart-front-end".into(),
        title: "Restart the IMAP4 service".into(),
        server: "CAS|01".into(),
        action: "restart_service".into(),
        command: Some(command.into()),
        by: "alice".into(),
        compensating: false,
    };
    recorder
        .record(at(3, 0, 1, 0), &started(1, r#"Write-Host "a`tb""#))
        .unwrap();
    let lines: Vec<OutputLine> = (0..450)
        .map(|i| {
            let text = match i {
                3 => "\u{1b}[31mred\u{1b}[0m".to_owned(),
                4 => "```".to_owned(),
                _ => format!("line {i}"),
            };
            output_line(at(3, 0, 2, i), Stream::Stdout, &text)
        })
        .collect();
    recorder.output(RunId(1), &lines).unwrap();
    let script = "$ErrorActionPreference = 'Stop'\nRestart-Service MSExchangeIMAP4";
    recorder
        .record(at(3, 0, 3, 0), &started(2, script))
        .unwrap();
    let cancel = Entry::CancelRequested {
        run: 2,
        by: "alice".into(),
    };
    recorder.record(at(3, 0, 4, 0), &cancel).unwrap();
    let end = Entry::SessionEnded {
        reason: "SIGHUP".into(),
        left_running: vec![2],
        owed: Vec::new(),
    };
    recorder.record(at(3, 0, 5, 0), &end).unwrap();
    let markdown = healthdeck::incident::export::markdown(recorder.path()).unwrap();

    assert!(
        markdown.contains(r#"started by alice: ``Write-Host "a`tb"``"#),
        "{markdown}"
    );
    assert!(
        markdown.contains("on CAS\\|01"),
        "a pipe would split a table cell"
    );
    assert!(markdown.contains(
        ":\n\n  ```\n  $ErrorActionPreference = 'Stop'\n  Restart-Service MSExchangeIMAP4\n  ```\n"
    ));
    assert!(markdown.contains("alice asked to cancel Step #2 `imap-ctp/restart-front-end`"));
    assert!(markdown.contains("**left running**: Step #2"));
    assert!(
        !markdown.contains('\u{1b}'),
        "no terminal escape is replayed by `cat`"
    );
    assert!(markdown.contains("  \\x1b[31mred\\x1b[0m\n"));
    assert!(
        markdown.contains("\n````\n  line 0\n"),
        "the fence outgrows the ``` inside"
    );
    assert!(markdown.contains("  line 99\n… 250 more lines in the record\n  line 350\n"));
    assert!(!markdown.contains("line 100\n") && markdown.contains("  line 449\n````\n"));
}
