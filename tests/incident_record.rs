//! The incident record: the file the `Recorder` writes (private, whole lines, output exactly as
//! serde writes it, boundaries on disk at once, a million lines, wall-clock UTC with the
//! fleet clock beside it in training). Its export is tested in `incident_export.rs`.
#![allow(clippy::unwrap_used)]

#[path = "support/incident.rs"]
#[allow(dead_code)] // the sample session serves the export's tests
mod session;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use healthdeck::incident::writer::RecordClock;
use healthdeck::incident::{Entry, Record, Recorder, SCHEMA, session_header};
use healthdeck::job::{OutputLine, RunId, Stream};
use session::{at, header, lines_of, mode_of, output_line, training_clock};

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
        health_set: None,
        server: "EX01".into(),
        monitor: "ImapCTPMonitor".into(),
        from: "Healthy".into(),
        to: "Unhealthy".into(),
        source: None,
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
    for clock in [RecordClock::Wall, training_clock()] {
        output_lines_as_serde_writes_them(clock);
    }
}

fn output_lines_as_serde_writes_them(clock: RecordClock) {
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder =
        Recorder::create_with(tmp.path(), &header(1), at(3, 0, 0, 0), clock).unwrap();
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
        let (at, fleet_at) = clock.stamp(line.at);
        let record = Record {
            at,
            fleet_at,
            entry,
        };
        assert_eq!(file_line, &serde_json::to_string(&record).unwrap());
        let read: Record = serde_json::from_str(file_line).unwrap();
        assert_eq!(read.entry, record.entry);
        // Milliseconds are kept, finer digits dropped.
        let millis = |at: DateTime<Utc>| (at.timestamp(), at.timestamp_subsec_millis());
        assert_eq!(millis(read.at), millis(at));
        assert_eq!(read.fleet_at.map(millis), fleet_at.map(millis));
    }
    if clock == RecordClock::Wall {
        assert!(written[6].contains(r#""at":"2016-12-31T23:59:60.250Z""#));
    } else {
        assert!(written[6].contains(r#""fleet_at":"2016-12-31T23:59:60.250Z""#));
    }
}

/// A training session at ×10 from 21:09:00: what its record says of one fleet time.
#[test]
fn every_entry_carries_wall_clock_utc_and_training_entries_fleet_time_too() {
    let tmp = tempfile::tempdir().unwrap();
    let start = at(21, 9, 0, 0);
    let training = RecordClock::Training {
        fleet_start: start,
        speed: 10.0,
    };
    let dir = tmp.path().join("training");
    // The console creates its record a moment after its clock started.
    let mut recorder =
        Recorder::create_with(&dir, &header(7), start + TimeDelta::seconds(3), training).unwrap();
    assert_eq!(
        recorder.path().file_name().unwrap(),
        "20261122T210900Z-ops-bastion-7.jsonl",
        "the file name is wall time, as every `at`"
    );
    let hangup = Entry::Hangup {
        policy: "finish".into(),
        running: vec![3],
        owed: Vec::new(),
    };
    // Six fleet minutes and 13 s in: 37.3 wall seconds.
    recorder.record(at(21, 15, 13, 0), &hangup).unwrap();
    let output = output_line(at(21, 15, 13, 500), Stream::Stdout, "still failing over");
    recorder.output(RunId(3), &[output]).unwrap();
    recorder.sync().unwrap();
    let lines = lines_of(recorder.path());
    let records: Vec<Record> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let times: Vec<_> = records.iter().map(|r| (r.at, r.fleet_at)).collect();
    assert_eq!(
        times,
        [
            (at(21, 9, 0, 300), Some(at(21, 9, 3, 0))),
            (at(21, 9, 37, 300), Some(at(21, 15, 13, 0))),
            (at(21, 9, 37, 350), Some(at(21, 15, 13, 500))),
        ]
    );
    assert!(lines[1].starts_with(
        r#"{"at":"2026-11-22T21:09:37.300Z","fleet_at":"2026-11-22T21:15:13.000Z","kind":"hangup","#
    ));

    // A real fleet's clock is the wall clock: no second time.
    let mut recorder = Recorder::create(&tmp.path().join("real"), &header(8), start).unwrap();
    recorder.record(at(21, 15, 13, 0), &hangup).unwrap();
    recorder
        .output(
            RunId(3),
            &[output_line(at(21, 15, 14, 0), Stream::Stdout, "x")],
        )
        .unwrap();
    recorder.sync().unwrap();
    let lines = lines_of(recorder.path());
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| !l.contains("fleet_at")), "{lines:?}");
    assert!(lines[1].starts_with(r#"{"at":"2026-11-22T21:15:13.000Z","kind":"hangup","#));
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
        said: None,
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
