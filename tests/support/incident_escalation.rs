//! The sample session's second part: EX02's IMAP latency, a restart, a wait cut short, a
//! failover whose failback stays owed, and the escalation with its handover.

use super::{
    EX02, Item, LATENCY, at, confirmation_on, ended, entry, owed, owed_at_escalation, started_on,
    transition_of,
};
use healthdeck::incident::Entry;
use healthdeck::job::Stream;

/// EX02's IMAP latency: a restart, a 10-minute wait cut short, and its recheck.
pub(super) fn latency() -> Vec<Item> {
    let monitor = "AverageCommandProcessingTimeGt60sMonitor";
    let opened = Entry::RunbookOpened {
        procedure: LATENCY.to_owned(),
        title: "IMAP command latency recovery".to_owned(),
        monitor: monitor.to_owned(),
        server: EX02.to_owned(),
    };
    let restart =
        "Invoke-Command -ComputerName EX02 -ScriptBlock { Restart-Service MSExchangeIMAP4BE }";
    let wait = Entry::WaitStarted {
        procedure: LATENCY.to_owned(),
        step: "recheck-1".to_owned(),
        server: EX02.to_owned(),
        minutes: 10,
        until: at(3, 32, 2, 0),
    };
    let cut_short = Entry::WaitEnded {
        procedure: LATENCY.to_owned(),
        step: "recheck-1".to_owned(),
        server: EX02.to_owned(),
        how: "cancelled".to_owned(),
        waited_s: 138,
        by: Some("alice".to_owned()),
    };
    let recheck = ("recheck-1", "Wait 10 minutes, then recheck");
    vec![
        entry(
            at(3, 20, 0, 0),
            transition_of(EX02, monitor, "Healthy", "Degraded"),
        ),
        entry(
            at(3, 21, 0, 0),
            transition_of(EX02, monitor, "Degraded", "Unhealthy"),
        ),
        entry(at(3, 21, 30, 0), opened),
        entry(
            at(3, 21, 45, 0),
            confirmation_on(LATENCY, EX02, "restart-service", "ex02", true),
        ),
        entry(
            at(3, 21, 45, 60),
            started_on(
                LATENCY,
                EX02,
                6,
                ("restart-service", "Restart the IMAP4 services"),
                Some(restart),
                false,
            ),
        ),
        Item::Output(
            6,
            at(3, 21, 47, 0),
            vec![(
                Stream::Stdout,
                "Running  MSExchangeIMAP4BE  Microsoft Exchange IMAP4 Backend",
            )],
        ),
        entry(at(3, 21, 50, 260), ended(6, 5_200, &[])),
        entry(at(3, 22, 2, 0), wait),
        entry(at(3, 24, 20, 0), cut_short),
        entry(
            at(3, 24, 20, 10),
            started_on(LATENCY, EX02, 7, recheck, None, false),
        ),
        entry(
            at(3, 24, 20, 40),
            ended(7, 30, &[("monitor_healthy", false)]),
        ),
    ]
}

/// A failover on EX02 that leaves its failback owed, then the escalation and its handover.
pub(super) fn escalation() -> Vec<Item> {
    let failover =
        "Set-MailboxServer -Identity EX02 -DatabaseCopyActivationDisabledAndMoveNow $true";
    let escalated = Entry::Escalated {
        procedure: LATENCY.to_owned(),
        server: EX02.to_owned(),
        reason: "latency stays over 60 s after the failover; storage team paged".to_owned(),
        by: "alice".to_owned(),
        not_run: vec![
            "check-copies".to_owned(),
            "restart-server".to_owned(),
            "recheck-after-restart".to_owned(),
        ],
    };
    let handover = Entry::Handover {
        procedure: LATENCY.to_owned(),
        server: EX02.to_owned(),
        path: "/home/alice/.local/state/healthdeck/incidents/\
               20261122T031200Z-ops-bastion-4242.handover-imap-latency-1.md"
            .to_owned(),
    };
    let closed = Entry::RunbookClosed {
        procedure: LATENCY.to_owned(),
        ending: "escalated".to_owned(),
        owed: vec!["reenable-activation".to_owned()],
    };
    let end = Entry::SessionEnded {
        reason: "quit".to_owned(),
        left_running: Vec::new(),
        owed: owed_at_escalation(),
    };
    vec![
        entry(
            at(3, 24, 31, 0),
            confirmation_on(LATENCY, EX02, "failover", "ex02", true),
        ),
        entry(
            at(3, 24, 31, 50),
            started_on(
                LATENCY,
                EX02,
                8,
                ("failover", "Move the active databases off this server"),
                Some(failover),
                false,
            ),
        ),
        entry(at(3, 24, 31, 50), owed(LATENCY, EX02, 8, false)),
        entry(at(3, 25, 3, 900), ended(8, 32_050, &[])),
        entry(at(3, 25, 3, 900), owed(LATENCY, EX02, 8, true)),
        entry(at(3, 26, 40, 0), escalated),
        entry(at(3, 26, 40, 120), handover),
        entry(at(3, 26, 40, 200), closed),
        entry(at(3, 31, 7, 0), end),
    ]
}
