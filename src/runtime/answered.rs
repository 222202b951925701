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

/// Asks the probe agent to run the probe now (Prometheus judges the fleet); its answer
/// reads like the in-process probe's, and its result feeds the drill-down.
pub async fn agent_probe(
    run: RunId,
    (agent, server): (String, String),
    report_as: (usize, Probe),
    clock: FleetClock,
    tx: mpsc::Sender<Event>,
) {
    let mut lines = vec![format!(
        "{} on {server}, run by the agent at {agent}",
        report_as.1.name()
    )];
    let asked = match crate::prometheus::Endpoint::parse(&format!("http://{agent}")) {
        Ok(endpoint) => {
            crate::prometheus::agent::probe_now(&endpoint, &server, report_as.1.name(), AGENT_WAIT)
                .await
                .map_err(|e| e.to_string())
        }
        Err(why) => Err(why.english()),
    };
    let probed = match asked {
        Ok(probed) => probed,
        Err(why) => {
            lines.push(format!("the agent did not answer: {why}"));
            // No result: the probe's own verdict is unknown, never a pass.
            finish(
                run,
                lines,
                Answer::succeeded(Vec::new()),
                AGENT_WAIT,
                &clock,
                &tx,
            )
            .await;
            return;
        }
    };
    for (phase, ms) in &probed.phases {
        lines.push(format!("  {phase:<8} {ms:.1} ms"));
    }
    let result = if probed.succeeded {
        "Succeeded"
    } else {
        "Failed"
    };
    lines.push(format!("ResultType: {result}"));
    if let Some(kind) = &probed.error_kind {
        lines.push(format!("Error: {kind}"));
    }
    let report = crate::health::ProbeReport {
        server: report_as.0,
        probe: report_as.1,
        at: clock.now(),
        succeeded: probed.succeeded,
        latency_ms: probed.duration_ms,
        error: probed.error_kind.clone(),
        late_ms: 0,
    };
    let _ = tx.send(Event::Probes(vec![report])).await;
    let answer = Answer::succeeded(vec![(Expectation::ProbeSucceeded, probed.succeeded)]);
    let took = std::time::Duration::from_millis(u64::from(probed.duration_ms));
    finish(run, lines, answer, took, &clock, &tx).await;
}

/// How long the agent may take: its probe's own timeout, and a margin.
const AGENT_WAIT: std::time::Duration = std::time::Duration::from_secs(45);

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
