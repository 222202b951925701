//! A drill's debrief, scored from the trainee's record (ARCHITECTURE "Drills"): scripted
//! trainees on the default scenario's fault (MSExchangeIMAP4BE on mbx-02 stops
//! answering), each with the exact points and findings a trainer would expect.
#![allow(clippy::unwrap_used)]

#[path = "support/entries.rs"]
mod entries;

use chrono::{DateTime, TimeDelta, Utc};
use healthdeck::health::Span;
use healthdeck::i18n::Tr;
use healthdeck::incident::{Entry, Record};
use healthdeck::training::drill::{
    Debrief, DrillEnd, DrillFacts, DrillSpec, ExpectedPath, Finding, Points, score,
};

const BACK_END: &str = "MSExchangeIMAP4BE";

fn facts() -> DrillFacts {
    DrillFacts {
        spec: DrillSpec {
            objective: [("en".to_owned(), "Restore IMAP in Amsterdam.".to_owned())].into(),
            budget: Span::minutes(15),
            expected: ExpectedPath {
                server: "mbx-02".into(),
                monitor: "ImapSelfTestMonitor".into(),
                runbook: "imap-deep-self".into(),
                heals_at: "restart-back-end".into(),
            },
        },
        faults: vec![("mbx-02".into(), BACK_END.into())],
        expected_steps: vec!["restart-back-end".into()],
    }
}

/// A trainee's record, written as the console writes it: fleet seconds from the start.
#[derive(Default)]
struct Trainee {
    records: Vec<Record>,
    run: u64,
}

fn t0() -> DateTime<Utc> {
    "2026-12-05T09:00:00Z".parse().unwrap()
}

impl Trainee {
    fn new() -> Trainee {
        let mut trainee = Trainee::default();
        trainee.at(0, session());
        for server in ["mbx-01", "mbx-02", "cas-02"] {
            trainee.change(10, server, monitor_of(server), "Unknown", "Healthy");
        }
        trainee
    }

    fn at(&mut self, second: i64, entry: Entry) -> &mut Trainee {
        let at = t0() + TimeDelta::seconds(second);
        self.records.push(Record {
            at,
            fleet_at: Some(at),
            entry,
        });
        self
    }

    fn change(
        &mut self,
        second: i64,
        server: &str,
        monitor: &str,
        from: &str,
        to: &str,
    ) -> &mut Trainee {
        self.at(second, entries::change(server, monitor, from, to))
    }

    /// The fault shows: mbx-02's self test, then cas-02's CTP (its mailbox is on mbx-02).
    fn fault(&mut self, second: i64) -> &mut Trainee {
        self.change(
            second,
            "mbx-02",
            "ImapSelfTestMonitor",
            "Healthy",
            "Degraded",
        );
        self.change(
            second + 5,
            "cas-02",
            "ImapCTPMonitor",
            "Healthy",
            "Degraded",
        )
    }

    fn healed(&mut self, second: i64) -> &mut Trainee {
        self.change(
            second,
            "mbx-02",
            "ImapSelfTestMonitor",
            "Degraded",
            "Healthy",
        )
    }

    fn look(&mut self, second: i64, server: &str) -> &mut Trainee {
        self.at(
            second,
            Entry::Examined {
                server: server.into(),
                monitor: monitor_of(server).into(),
                view: "cell".into(),
            },
        )
    }

    fn open(&mut self, second: i64, procedure: &str, server: &str) -> &mut Trainee {
        self.at(
            second,
            Entry::RunbookOpened {
                procedure: procedure.into(),
                title: procedure.into(),
                monitor: monitor_of(server).into(),
                server: server.into(),
            },
        )
    }

    fn step(
        &mut self,
        second: i64,
        (procedure, step, action): (&str, &str, &str),
        server: &str,
        services: &[&str],
    ) -> &mut Trainee {
        self.run += 1;
        let run = self.run;
        self.at(
            second,
            Entry::StepStarted {
                run,
                procedure: procedure.into(),
                step: step.into(),
                title: step.into(),
                server: server.into(),
                action: action.into(),
                services: services.iter().map(|s| (*s).to_owned()).collect(),
                command: None,
                by: "trainee".into(),
                compensating: false,
            },
        )
    }

    /// The runbook's verification: `verify-probe` re-runs the probe.
    fn verify(&mut self, second: i64, server: &str) -> &mut Trainee {
        self.step(
            second,
            ("verify-probe", "rerun-probe", "rerun_probe"),
            server,
            &[],
        )
    }

    fn restart_back_end(&mut self, second: i64) -> &mut Trainee {
        self.step(
            second,
            ("imap-deep-self", "restart-back-end", "restart_service"),
            "mbx-02",
            &[BACK_END],
        )
    }

    fn debrief(&self) -> Debrief {
        score(&facts(), &self.records)
    }
}

/// The failback a failover owes on `server`.
fn owed(id: &str, server: &str) -> Entry {
    Entry::Owed {
        id: id.into(),
        server: server.into(),
        procedure: "imap-deep-self".into(),
        step: "reenable-activation".into(),
        title: "Re-enable activation".into(),
        command: None,
        caused_by: "failover".into(),
        certain: true,
        by: "trainee".into(),
    }
}

fn session() -> Entry {
    Entry::Session {
        schema: "healthdeck.incident/1".into(),
        version: "0.1.0".into(),
        user: "trainee".into(),
        host: "lab".into(),
        pid: 1,
        ssh_connection: None,
        mode: "TRAINING ×10 (imap-backend-down)".into(),
        dry_run: false,
        read_only: false,
        language: "en".into(),
    }
}

fn monitor_of(server: &str) -> &'static str {
    if server.starts_with("cas") {
        "ImapCTPMonitor"
    } else {
        "ImapSelfTestMonitor"
    }
}

#[allow(clippy::unnecessary_wraps)] // compared with the debrief's optional times
fn secs(s: i64) -> Option<TimeDelta> {
    Some(TimeDelta::seconds(s))
}

/// Sees it in 15 s, opens the right runbook, verifies, restarts the back end: healed.
fn perfect() -> Trainee {
    let mut trainee = Trainee::new();
    trainee
        .fault(80)
        .look(95, "mbx-02")
        .open(100, "imap-deep-self", "mbx-02")
        .verify(110, "mbx-02")
        .restart_back_end(120)
        .healed(170);
    trainee
}

#[test]
fn a_perfect_run_scores_full_marks() {
    let debrief = perfect().debrief();
    assert_eq!(debrief.end, DrillEnd::Healed);
    assert_eq!(
        (
            debrief.onset,
            debrief.detected,
            debrief.runbook,
            debrief.mitigated
        ),
        (secs(80), secs(15), secs(20), secs(90))
    );
    assert_eq!(debrief.findings, []);
    assert!(debrief.missed.is_empty());
    assert_eq!(
        debrief.points,
        Points {
            detection: 15,
            runbook: 15,
            mitigation: 40,
            path: 10,
            safety: 20
        }
    );
    assert_eq!(debrief.points.total(), 100);
    let on_path: Vec<_> = debrief
        .steps
        .iter()
        .filter(|s| s.on_path)
        .map(|s| s.step.as_str())
        .collect();
    assert_eq!(on_path, ["restart-back-end"]);
}

#[test]
fn a_slow_run_loses_time_points_only() {
    let mut trainee = Trainee::new();
    trainee
        .fault(80)
        .look(530, "mbx-02")
        .open(620, "imap-deep-self", "mbx-02")
        .verify(630, "mbx-02")
        .restart_back_end(640)
        .healed(700);
    let debrief = trainee.debrief();
    // 450 s to see it, 540 s to the runbook, of a 900 s budget with 90 s of grace.
    assert_eq!((debrief.detected, debrief.runbook), (secs(450), secs(540)));
    assert_eq!(
        debrief.points,
        Points {
            detection: 8,
            runbook: 6,
            mitigation: 40,
            path: 10,
            safety: 20
        }
    );
    assert_eq!(debrief.findings, []);
}

#[test]
fn restarting_the_wrong_service_is_named_with_its_lesson() {
    let mut trainee = Trainee::new();
    trainee
        .fault(80)
        .look(95, "cas-02")
        .open(100, "imap-ctp", "cas-02")
        .verify(105, "cas-02")
        .step(
            110,
            ("imap-ctp", "restart-front-end", "restart_service"),
            "cas-02",
            &["MSExchangeIMAP4"],
        )
        .open(130, "imap-deep-self", "mbx-02")
        .verify(135, "mbx-02")
        .restart_back_end(140)
        .healed(190);
    let debrief = trainee.debrief();
    let wrong = Finding::WrongService {
        server: "cas-02".into(),
        service: "MSExchangeIMAP4".into(),
    };
    assert_eq!(debrief.findings, std::slice::from_ref(&wrong));
    assert_eq!(
        wrong.lesson(Tr::english()),
        "you restarted MSExchangeIMAP4 on cas-02, which was not the failing service: read \
         the drill-down first (the monitor's target service, and for a CTP probe the Mailbox \
         server its error names)"
    );
    assert_eq!(debrief.points.safety, 10);
    assert_eq!(debrief.points.total(), 90);
}

#[test]
fn failing_over_a_healthy_server_is_one_finding_and_its_debt_another() {
    let mut trainee = Trainee::new();
    trainee
        .fault(80)
        .look(95, "mbx-02")
        .open(100, "imap-deep-self", "mbx-01")
        .verify(105, "mbx-01")
        .step(
            110,
            ("imap-deep-self", "failover", "failover_databases"),
            "mbx-01",
            &[],
        )
        .at(111, owed("lab-1-2-reenable-activation", "mbx-01"))
        .open(200, "imap-deep-self", "mbx-02")
        .verify(205, "mbx-02")
        .restart_back_end(210)
        .healed(260);
    let debrief = trainee.debrief();
    let failover = Finding::FailoverOfHealthyServer {
        server: "mbx-01".into(),
    };
    assert_eq!(
        failover.lesson(Tr::english()),
        "you failed over mbx-01, which was healthy: check the drill-down's monitor before a \
         destructive step"
    );
    let owed = Finding::CompensationsOwed {
        server: "mbx-01".into(),
        steps: vec!["reenable-activation".into()],
    };
    assert_eq!(debrief.findings, [failover, owed]);
    // The right runbook came 120 s after the onset: 15 × 780 / 810, rounded down.
    assert_eq!(
        debrief.points,
        Points {
            detection: 15,
            runbook: 14,
            mitigation: 40,
            path: 10,
            safety: 0
        }
    );
}

#[test]
fn a_paid_debt_is_no_finding() {
    let mut trainee = perfect();
    trainee.at(180, owed("d1", "mbx-02"));
    assert_eq!(trainee.debrief().findings.len(), 1, "owed at the end");
    trainee.at(
        190,
        Entry::OwedCleared {
            id: "d1".into(),
            server: "mbx-02".into(),
            procedure: "imap-deep-self".into(),
            step: "reenable-activation".into(),
            how: "ran".into(),
            reason: None,
            by: "trainee".into(),
        },
    );
    assert_eq!(trainee.debrief().findings, []);
}

#[test]
fn skipping_verification_is_named() {
    let mut trainee = Trainee::new();
    trainee
        .fault(80)
        .look(95, "mbx-02")
        .open(100, "imap-deep-self", "mbx-02")
        .restart_back_end(120)
        .healed(170);
    let debrief = trainee.debrief();
    assert_eq!(
        debrief.findings,
        [Finding::SkippedVerification {
            server: "mbx-02".into(),
            procedure: "imap-deep-self".into(),
            step: "restart-back-end".into(),
        }]
    );
    assert_eq!(debrief.points.total(), 90);
}

#[test]
fn escalating_a_solved_problem_is_named() {
    let mut trainee = perfect();
    trainee.at(
        200,
        Entry::Escalated {
            procedure: "imap-deep-self".into(),
            server: "mbx-02".into(),
            reason: "not sure".into(),
            by: "trainee".into(),
            not_run: Vec::new(),
        },
    );
    let debrief = trainee.debrief();
    let escalated = Finding::EscalatedSolved {
        server: "mbx-02".into(),
        monitor: "ImapSelfTestMonitor".into(),
    };
    assert_eq!(debrief.findings, [escalated]);
    assert_eq!(debrief.points.total(), 90);
}

#[test]
fn nothing_done_within_the_budget_scores_nothing_but_safety() {
    let mut trainee = Trainee::new();
    trainee.fault(80).look(1_000, "mbx-02").at(
        1_000,
        Entry::SessionEnded {
            reason: "quit".into(),
            left_running: Vec::new(),
            owed: Vec::new(),
        },
    );
    let debrief = trainee.debrief();
    assert_eq!(debrief.end, DrillEnd::BudgetOver);
    assert_eq!((debrief.detected, debrief.mitigated), (None, None));
    assert_eq!(debrief.missed, ["restart-back-end"]);
    assert_eq!(
        debrief.points,
        Points {
            detection: 0,
            runbook: 0,
            mitigation: 0,
            path: 0,
            safety: 20
        }
    );
    // The timeline: the fault, then every expectation never met, in the path's order.
    let beats = healthdeck::training::drill::timeline::timeline(Tr::english(), &debrief, &facts());
    let shown: Vec<(Option<i64>, &str, &str, Option<bool>)> = beats
        .iter()
        .map(|b| {
            let after = b.after.map(|t| t.num_seconds());
            (after, b.did.as_str(), b.expected.as_str(), b.kept)
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                Some(80),
                "fault: ImapSelfTestMonitor @mbx-02 fails",
                "",
                None
            ),
            (None, "", "see a failing monitor", Some(false)),
            (None, "", "open imap-deep-self", Some(false)),
            (None, "", "restart-back-end", Some(false)),
            (None, "", "healed: restart-back-end", Some(false)),
        ]
    );
}

/// The perfect trainee's record on disk, as the console writes it (the drill's first
/// entry after the header); `ended` is the console's last word, when it lived to write it.
fn exported(ended: Option<Entry>) -> String {
    use healthdeck::incident::Recorder;
    let dir = tempfile::tempdir().unwrap();
    let mut records = perfect().records;
    let header = records.remove(0);
    let mut recorder = Recorder::create(dir.path(), &header.entry, header.at).unwrap();
    recorder
        .record(header.at, &facts().started("imap-backend-down"))
        .unwrap();
    for record in &records {
        recorder.record(record.at, &record.entry).unwrap();
    }
    if let Some(ended) = ended {
        recorder
            .record(t0() + TimeDelta::seconds(171), &ended)
            .unwrap();
        // The session goes on after the drill: what is done then is not the drill's.
        let escalated = Entry::Escalated {
            procedure: "imap-deep-self".into(),
            server: "mbx-02".into(),
            reason: "after the drill".into(),
            by: "trainee".into(),
            not_run: Vec::new(),
        };
        recorder
            .record(t0() + TimeDelta::seconds(200), &escalated)
            .unwrap();
    }
    recorder.flush().unwrap();
    healthdeck::incident::export::markdown(recorder.path(), Tr::english()).unwrap()
}

#[test]
fn a_random_drill_says_how_to_draw_it_again() {
    use healthdeck::training::drill::report::repeat;
    assert_eq!(
        repeat(Tr::english(), "random-4242").as_deref(),
        Some("Seed 4242: healthdeck drill --scenario random --seed 4242 repeats it.")
    );
    assert_eq!(repeat(Tr::english(), "imap-backend-down"), None);
    assert_eq!(repeat(Tr::english(), "random-night"), None);
}

#[test]
fn the_export_works_the_debrief_out_again_from_the_record() {
    let text = exported(None);
    assert!(
        text.contains(
            "## Drill debrief\n\n`imap-backend-down`: score **100/100**, healed 1 min 30 s after \
             the fault showed (budget 15 min)."
        ),
        "{text}"
    );
    assert!(text.contains("| safety | 20/20 |"), "{text}");
    assert!(
        text.contains("| +2:00 | imap-deep-self/restart-back-end @mbx-02 | ✓ restart-back-end |"),
        "{text}"
    );
    assert!(text.contains("None: nothing unsafe was done."), "{text}");
}

#[test]
fn the_export_shows_the_score_the_trainee_was_shown() {
    // The console stamps its times a moment before the record does: its figures win.
    let mut shown = perfect().debrief();
    shown.points.detection = 14;
    shown.detected = secs(16);
    // The console saw the fault 3 s before its record line says.
    let onset = shown.onset.unwrap() - TimeDelta::seconds(3);
    shown.onset = Some(onset);
    let text = exported(Some(shown.ended()));
    assert!(text.contains("score **99/100**"), "{text}");
    assert!(text.contains("| detect (16 s) | 14/15 |"), "{text}");
    // The timeline counts from the onset shown, so its look is where the screen had it.
    let look = onset + TimeDelta::seconds(16);
    let clock = healthdeck::training::drill::timeline::clock(Some(look), "-");
    assert!(
        text.contains(&format!("| {clock} | looked at a failing monitor |")),
        "{clock}\n{text}"
    );
    assert!(text.contains("None: nothing unsafe was done."), "{text}");
}
