//! Steps the console itself answers: a real probe re-run now (its result also feeds the
//! monitors), and reports of what the console already knows. Both stream their lines and
//! end like any step.

use super::clock::FleetClock;
use super::probe::{Phase, ProbePlan, TlsSetup, probe};
use super::prober::{Target, report};
use crate::event::Event;
use crate::health::{Probe, Server};
use crate::job::{JobEnd, OutputLine, RunId, Stream};
use crate::runbook::{Answer, Expectation, StepExit};
use std::sync::Arc;
use tokio::sync::mpsc;

/// Runs `plan` once and says how it went, phase by phase.
pub async fn rerun_probe(
    run: RunId,
    plan: ProbePlan,
    report_as: (usize, Probe),
    mailbox: Option<Server>,
    tls: Arc<TlsSetup>,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
) {
    let outcome = probe(&plan, &tls).await;
    let target = Target {
        server: report_as.0,
        probe: report_as.1,
        plan,
    };
    let mut lines = vec![format!(
        "{} {} {}",
        target.probe.name(),
        target.plan.wire.name(),
        target.plan.endpoint.to_string()
    )];
    for phase in Phase::ALL {
        if let Some(took) = outcome.phases.get(phase) {
            lines.push(format!(
                "  {:<8} {:.1} ms",
                phase.name(),
                took.as_secs_f64() * 1e3
            ));
        }
    }
    let result = if outcome.succeeded {
        "Succeeded"
    } else {
        "Failed"
    };
    lines.push(format!("ResultType: {result}"));
    if let Some(error) = &outcome.error {
        lines.push(format!("Error: {error}"));
    }
    if let Some(mailbox) = &mailbox {
        lines.push(format!("_Mbx: {}", mailbox.name));
    }
    let monitors = report(&target, &outcome, &clock);
    let _ = tx.send(Event::Probes(vec![monitors])).await;
    let answer = Answer {
        mailbox_server: mailbox,
        ..Answer::succeeded(vec![(Expectation::ProbeSucceeded, outcome.succeeded)])
    };
    finish(run, lines, answer, outcome.total, &clock, &tx).await;
}

/// Streams `lines` and ends with `answer`.
pub async fn report_known(
    run: RunId,
    lines: Vec<String>,
    answer: Answer,
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
) {
    finish(run, lines, answer, std::time::Duration::ZERO, &clock, &tx).await;
}

async fn finish(
    run: RunId,
    lines: Vec<String>,
    answer: Answer,
    duration: std::time::Duration,
    clock: &FleetClock,
    tx: &mpsc::Sender<Event>,
) {
    let at = clock.now();
    let output = lines
        .iter()
        .map(|text| OutputLine {
            at,
            stream: Stream::Stdout,
            text: text.clone(),
        })
        .collect();
    let _ = tx.send(Event::StepOutput { run, lines: output }).await;
    let end = JobEnd {
        exit: StepExit::Succeeded,
        duration,
        stdout: lines.join("\n"),
        answer: Some(answer),
        note: None,
        ran: true,
    };
    let _ = tx.send(Event::StepEnded { run, end }).await;
}
