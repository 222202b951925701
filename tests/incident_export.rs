//! `healthdeck incident export` run as a user would: golden Markdown timelines (a real
//! fleet's session, the same session in training), golden JSON, a torn last line, a bad
//! line, `--latest`, awkward text; every kind of entry in the house's words; and the
//! handover summary of an escalation (golden, its file's place and mode).
#![allow(clippy::unwrap_used)]

#[path = "support/incident.rs"]
mod session;

use healthdeck::i18n::Tr;
use healthdeck::incident::export::Escalation;
use healthdeck::incident::writer::write_handover;
use healthdeck::incident::{Entry, Record, Recorder, SCHEMA, latest};
use healthdeck::job::{OutputLine, RunId, Stream};
use session::{
    EX02, LATENCY, assert_golden, at, export, header, lines_of, mode_of, output_line,
    owed_at_escalation, text, write_session, write_timed_out, write_training_session,
    write_until_escalation,
};
use std::path::{Path, PathBuf};

#[test]
fn a_session_exports_as_the_golden_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let (code, markdown, stderr) = export(&[text(&path), "--format", "markdown"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_golden("session.md", &markdown);
    // Markdown is also the default.
    assert_eq!(export(&[text(&path)], None).1, markdown);
}

/// The same session in training at ×10: wall-clock times with the fleet's beside them, and
/// the session lasted a tenth of what its fleet clock says.
#[test]
fn a_training_session_exports_wall_clock_time_with_fleet_time_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_training_session(tmp.path());
    let (code, markdown, stderr) = export(&[text(&path), "--format", "markdown"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_golden("session-training.md", &markdown);
    assert!(
        markdown.contains("| Duration | 1 min 54 s (fleet clock: 19 min 7 s) |"),
        "{markdown}"
    );
    // 03:15:31.040 on the fleet clock is 211.04 fleet seconds in: 21.104 s on the wall.
    assert!(
        markdown.contains("\n- 03:12:21Z (fleet 03:15:31) Step #3 "),
        "{markdown}"
    );
}

#[test]
fn json_export_is_the_golden_document() {
    for (name, path) in [
        ("session.json", write_session as fn(&Path) -> PathBuf),
        ("session-training.json", write_training_session),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let path = path(tmp.path());
        let (code, json, stderr) = export(&[text(&path), "--format", "json"], None);
        assert_eq!(code, 0, "{stderr}");
        // One line on stdout; pretty in the golden file, so that a diff reads.
        let document: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_golden(
            name,
            &(serde_json::to_string_pretty(&document).unwrap() + "\n"),
        );
        let undone = document["left_undone"].as_array().unwrap();
        assert_eq!(undone.len(), 1, "EX01's failback ran; EX02's is owed");
        assert_eq!(undone[0]["server"], "EX02");
        assert_eq!(
            undone[0]["command"],
            "Set-MailboxServer -Identity EX02 -DatabaseCopyActivationDisabledAndMoveNow $false"
        );
    }
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
        assert_eq!(record.fleet_at, None, "a real fleet's record has one clock");
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
fn a_blank_line_is_skipped_and_a_line_cut_inside_a_character_is_torn() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let (_, whole, _) = export(&[text(&path), "--format", "markdown"], None);
    // A blank line, as an editor or a copy may leave at the end (or anywhere).
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"\n  \n");
    std::fs::write(&path, &bytes).unwrap();
    let (code, blank, stderr) = export(&[text(&path), "--format", "markdown"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(blank, whole);
    // A last line cut by a kill inside a three-byte character.
    bytes.extend_from_slice(
        "{\"at\":\"2026-11-22T03:20:00Z\",\"kind\":\"output\",\"run\":1,\"stream\":\"stdout\",\
         \"line\":\"\u{65e5}"
            .as_bytes(),
    );
    bytes.pop();
    std::fs::write(&path, &bytes).unwrap();
    let (code, torn, stderr) = export(&[text(&path), "--format", "markdown"], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(torn.contains("the last line was cut off"), "{torn}");
}

#[test]
fn numbers_a_hand_edit_made_huge_never_break_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_session(tmp.path());
    let mut text_of = std::fs::read_to_string(&path).unwrap();
    for line in [
        r#"{"at":"2026-11-22T03:20:00Z","kind":"wait_started","procedure":"p","step":"w","server":"mbx-01","minutes":400000000000000,"until":"2026-11-22T03:30:00Z"}"#,
        r#"{"at":"2026-11-22T03:20:01Z","kind":"wait_ended","procedure":"p","step":"w","server":"mbx-01","how":"elapsed","waited_s":-9223372036854775808,"by":null}"#,
        r#"{"at":"2026-11-22T03:20:02Z","kind":"drill_started","scenario":"s","objective":"o","budget_s":9223372036854775807,"server":"mbx-01","monitor":"ImapSelfTestMonitor","runbook":"imap-deep-self","heals_at":"restart-back-end","faults":[],"expected_steps":[]}"#,
        r#"{"at":"2026-11-22T03:20:03Z","kind":"drill_ended","end":"healed","score":1,"points":{"detection":0,"runbook":0,"mitigation":0,"path":0,"safety":0},"detected_s":9223372036854775807,"runbook_s":-9223372036854775808,"mitigated_s":1}"#,
    ] {
        text_of.push_str(line);
        text_of.push('\n');
    }
    std::fs::write(&path, text_of).unwrap();
    for format in ["markdown", "json"] {
        let (code, _, stderr) = export(&[text(&path), "--format", format], None);
        assert_eq!(code, 0, "{format}: {stderr}");
    }
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
        services: vec!["MSExchangeIMAP4".into()],
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
    let markdown = healthdeck::incident::export::markdown(recorder.path(), Tr::english()).unwrap();

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

/// What the runtime writes when `imap-latency` on EX02 is escalated: that runbook's part of
/// the record as far as it was written, what is owed on the fleet first.
#[test]
fn an_escalation_hands_over_its_runbook_part_and_what_is_owed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder = write_until_escalation(tmp.path());
    let written = recorder.written();
    // The console goes on recording after the escalation: not part of the summary.
    let later = Entry::CancelRequested {
        run: 99,
        by: "bob".into(),
    };
    recorder.record(at(3, 26, 41, 0), &later).unwrap();
    let owed = owed_at_escalation();
    let of = Escalation {
        procedure: LATENCY,
        server: EX02,
        owed: &owed,
        language: "en",
    };
    let path = write_handover(recorder.path(), written, of).unwrap();
    let summary = std::fs::read_to_string(&path).unwrap();
    assert_golden("handover-imap-latency.md", &summary);
    assert!(!summary.contains("bob"), "{summary}");
    assert!(
        !summary.contains("imap-deep-self"),
        "the runbook before it on EX01 is not this runbook's part: {summary}"
    );

    // Next to the record, private, named after it; a second escalation never overwrites it.
    assert_eq!(path.parent(), recorder.path().parent());
    assert_eq!(
        path.file_name().unwrap(),
        "20261122T031200Z-ops-bastion-4242.handover-imap-latency-1.md"
    );
    assert_eq!(mode_of(&path), 0o600);
    let again = write_handover(recorder.path(), recorder.written(), of).unwrap();
    assert_eq!(
        again.file_name().unwrap(),
        "20261122T031200Z-ops-bastion-4242.handover-imap-latency-2.md"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), summary);
    assert_eq!(mode_of(&again), 0o600);
    // Not a record: `--latest` still finds the record.
    assert_eq!(latest(tmp.path()).as_deref(), Some(recorder.path()));
}

#[test]
fn a_handover_without_a_record_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("gone.jsonl");
    let of = Escalation {
        procedure: LATENCY,
        server: EX02,
        owed: &[],
        language: "en",
    };
    let why = write_handover(&missing, 0, of).unwrap_err();
    assert!(why.contains("no such record file"), "{why}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

/// The entries the sample session does not hold, each in the words an engineer reads.
#[test]
fn every_kind_of_entry_reads_in_the_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let mut recorder = Recorder::create(tmp.path(), &header(1), at(3, 0, 0, 0)).unwrap();
    for (i, entry) in not_in_the_sample().iter().enumerate() {
        recorder.record(at(3, 0, i as u32 + 1, 0), entry).unwrap();
    }
    recorder.flush().unwrap();
    let markdown = healthdeck::incident::export::markdown(recorder.path(), Tr::english()).unwrap();
    for expected in [
        "- 03:00:02Z Wait of **10 min 0 s** started for `imap-ctp/recheck` on CAS01, until \
         03:10:00Z; the recheck follows\n",
        "- 03:00:03Z alice **skipped** the wait for `imap-ctp/recheck` on CAS01 after 1 min 5 s; \
         the recheck runs next\n",
        "- 03:00:04Z The wait for `imap-ctp/recheck` on CAS01 **elapsed** after 10 min 0 s; \
         the recheck runs next\n",
        "- 03:00:05Z alice **passed over** `imap-ctp/logging-on` and \
         `imap-ctp/restart-for-logging` on CAS01 to go to `imap-ctp/identify-mailbox`: the \
         problem list already names mbx-02\n",
        "- 03:00:06Z alice allowed a restart of MSExchangeIMAP4 on CAS01 **over its restart \
         budget**: third restart of this walk, planned\n",
        "- 03:00:07Z Step #4 `imap-ctp/restart-cas` on CAS01 **left running** by alice \
         (pid 31337): detached, it outlives the console\n",
        "- 03:00:08Z Compensation `imap-ctp/reenable-activation` on mbx-02 **written off** by \
         bob: re-enabled by hand in EAC\n",
        "- 03:00:09Z **Terminal hung up** with Step #4 `imap-ctp/restart-cas` on CAS01 running: \
         policy finish, their output still recorded; **owed on the fleet**: Re-enable database \
         activation on mbx-02\n",
        "**120 monitors answered again** (Unknown → Healthy): 60 ImapSelfTestMonitor and 60 \
         PopSelfTestMonitor; on mbx-01 and mbx-02 …",
        "\n## Left undone\n\nNothing: every compensation owed in this record was cleared.\n",
    ] {
        assert!(
            markdown.contains(expected),
            "{expected}\nnot in:\n{markdown}"
        );
    }
}

/// One of each kind of entry the sample session does not hold.
fn not_in_the_sample() -> Vec<Entry> {
    let p = |s: &str| s.to_owned();
    vec![
        Entry::StepStarted {
            run: 4,
            procedure: p("imap-ctp"),
            step: p("restart-cas"),
            title: p("Restart the server"),
            server: p("CAS01"),
            action: p("restart_server"),
            services: Vec::new(),
            command: None,
            by: p("alice"),
            compensating: false,
        },
        Entry::WaitStarted {
            procedure: p("imap-ctp"),
            step: p("recheck"),
            server: p("CAS01"),
            minutes: 10,
            until: at(3, 10, 0, 0),
        },
        Entry::WaitEnded {
            procedure: p("imap-ctp"),
            step: p("recheck"),
            server: p("CAS01"),
            how: p("skipped"),
            waited_s: 65,
            by: Some(p("alice")),
        },
        Entry::WaitEnded {
            procedure: p("imap-ctp"),
            step: p("recheck"),
            server: p("CAS01"),
            how: p("elapsed"),
            waited_s: 600,
            by: None,
        },
        Entry::PassedOver {
            procedure: p("imap-ctp"),
            server: p("CAS01"),
            to: p("identify-mailbox"),
            steps: vec![p("logging-on"), p("restart-for-logging")],
            reason: p("the problem list already names mbx-02"),
            by: p("alice"),
        },
        Entry::OverBudget {
            server: p("CAS01"),
            service: p("MSExchangeIMAP4"),
            reason: p("third restart of this walk, planned"),
            by: p("alice"),
        },
        Entry::StepDetached {
            run: 4,
            pid: Some(31337),
            by: p("alice"),
        },
        Entry::OwedCleared {
            id: p("x"),
            server: p("mbx-02"),
            procedure: p("imap-ctp"),
            step: p("reenable-activation"),
            how: p("written_off"),
            reason: Some(p("re-enabled by hand in EAC")),
            by: p("bob"),
        },
        Entry::Hangup {
            policy: p("finish"),
            running: vec![4],
            owed: vec![p("Re-enable database activation on mbx-02")],
        },
        Entry::Fresh {
            count: 120,
            monitors: [
                (p("ImapSelfTestMonitor"), 60),
                (p("PopSelfTestMonitor"), 60),
            ]
            .into(),
            servers: vec![p("mbx-01"), p("mbx-02")],
        },
    ]
}

/// Why a step ended so is the console's words: the export says it in its language from the
/// message the record keeps beside the English.
#[test]
fn a_steps_note_reads_in_the_exports_language() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_timed_out(tmp.path());
    let (code, english, stderr) = export(&[text(&path)], None);
    assert_eq!(code, 0, "{stderr}");
    let note = "timed out after 300 s; its process group was killed";
    assert!(english.contains(note), "{english}");
    for language in ["ko", "ja", "zh-TW", "pt-BR"] {
        let (code, markdown, stderr) = export(&[text(&path), "--lang", language], None);
        assert_eq!(code, 0, "{stderr}");
        assert!(!markdown.contains(note), "{language}: {markdown}");
        let said = healthdeck::i18n::Said::new("said-timed-out").text("secs", "300");
        let translated = said.in_language(healthdeck::i18n::Tr::of(language));
        assert!(markdown.contains(&translated), "{language}: {markdown}");
    }
}
