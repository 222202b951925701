//! A drill end to end (ARCHITECTURE "Drills"): `healthdeck drill` in tmux at 80x24, a
//! trainee's keys from the objective to the debrief, then the record and the Markdown it
//! leaves, replayed. Every wait polls the pane until it shows a state; nothing asserts on time.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use session::{kinds, launch, read_record, records, state_dir};
use tmux::{Tmux, row, step_busy};

/// More steps than the runbook has before its restart heals mbx-02.
const STEPS: usize = 20;

#[test]
fn a_drill_from_its_objective_to_its_debrief() {
    let tmux = Tmux::start("drill", 80, 24);
    launch(&tmux, &["--speed", "60", "drill"]);
    let first = tmux.wait_for("the objective", |s| {
        s.contains("drill: IMAP clients in Amsterdam")
    });
    // The banner says it is a drill, not which scenario: that would give the fault away.
    let banner = first.lines().next().unwrap();
    assert!(
        banner.contains("drill") && !banner.contains("imap-backend-down"),
        "{banner}"
    );
    tmux.wait_for("mbx-02 unhealthy", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains("UNHL"))
    });
    // mbx-02 (fifth row), IMAP.Protocol (third column): its drill-down, then its runbook.
    tmux.keys(&["j", "j", "j", "j", "l", "l", "Enter"]);
    tmux.wait_for("the drill-down", |s| s.contains("ImapSelfTestMonitor"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the runbook", |s| s.contains("recovery"));
    // Each Enter runs the next step once the last one ended; the drill ends on its own
    // when the monitor is healthy again (a bounded number of steps).
    for _ in 0..STEPS {
        let ready = tmux.wait_for("a step to run, or the debrief", |s| {
            s.contains("Drill debrief") || (s.contains("▸ next") && !step_busy(s))
        });
        if ready.contains("Drill debrief") {
            break;
        }
        tmux.keys(&["Enter"]);
        tmux.wait_for("the screen to answer the Enter", |s| s != ready);
    }
    let screen = tmux.wait_for("the whole debrief", |s| s.contains("q quits"));
    assert!(screen.contains("imap-backend-down: score"), "{screen}");
    assert!(screen.contains("healed"), "{screen}");
    assert!(screen.contains("No unsafe action."), "{screen}");
    assert!(
        screen.contains("imap-deep-self/restart-back-end @mbx-02"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXIT=0"));
    let record = read_record(&records(&tmux)[0]);
    let seen = kinds(&record);
    for kind in ["drill_started", "examined", "drill_ended"] {
        assert!(seen.contains(&kind), "{kind} missing: {seen:?}");
    }
    let ended = record.iter().find(|v| v["kind"] == "drill_ended").unwrap();
    assert_eq!(ended["end"], "healed");
    // The Markdown beside the record works the debrief out again from the record.
    let dir = state_dir(&tmux).join("healthdeck/incidents");
    let markdown = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("no Markdown beside the record");
    let text = std::fs::read_to_string(markdown).unwrap();
    assert!(text.contains("## Drill debrief"), "{text}");
    assert!(
        text.contains(&format!("score **{}/100**", ended["score"])),
        "the console's score and the export's differ:\n{text}"
    );
    // The same record replayed, at its end: the runbook pane as the drill left it.
    let path = records(&tmux)[0].display().to_string();
    launch(&tmux, &["replay", "--speed", "1", &path]);
    tmux.wait_for("the replay", |s| s.contains("REPLAY"));
    tmux.keys(&["G"]);
    // The whole frame: the pane is drawn over the grid after the banner says "paused".
    let end = tmux.wait_for("the replay's end", |s| {
        s.contains("paused") && s.contains("Restart the IMAP4 back-end service")
    });
    assert!(
        end.contains("ImapDeepTestMonitor and ImapSelfTestMonitor recovery"),
        "{end}"
    );
    assert!(
        end.lines()
            .any(|l| l.contains("✓ #") && l.contains("Restart the IMAP4 back-end service")),
        "{end}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("the replay's exit", |s| s.matches("EXIT=0").count() == 2);
}
