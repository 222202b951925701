//! The debrief's figures, worked out from the trainee's incident record alone: when the
//! fault showed, when the trainee looked at it, opened the right runbook and healed it;
//! the steps against the expected path; and what was unsafe (ARCHITECTURE "Drills").

use super::DrillFacts;
use super::finding::Finding;
use super::standing::Standing;
use crate::incident::{Entry, Record};
use crate::runbook::vocabulary::RecoveryAction;
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How a drill ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillEnd {
    /// The expected monitor was Healthy again within the budget.
    Healed,
    /// The budget ran out first.
    BudgetOver,
    /// The trainee left before either.
    Quit,
}

/// One step the trainee ran, from the drill's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTaken {
    pub after: TimeDelta,
    pub procedure: String,
    pub step: String,
    pub server: String,
    /// A step of the expected path, on the expected server.
    pub on_path: bool,
}

/// The score's parts: detection 15, the right runbook 15, mitigation 40, the expected path
/// 10, safety 20.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Points {
    pub detection: u32,
    pub runbook: u32,
    pub mitigation: u32,
    pub path: u32,
    pub safety: u32,
}

impl Points {
    pub fn total(&self) -> u32 {
        self.detection + self.runbook + self.mitigation + self.path + self.safety
    }
}

/// What the debrief screen and its Markdown show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debrief {
    pub end: DrillEnd,
    /// When the expected monitor left Healthy, from the drill's start.
    pub onset: Option<TimeDelta>,
    /// From the onset: the first look at a failing monitor (its cell or drill-down), the
    /// expected runbook opened on the expected server, the monitor Healthy again.
    pub detected: Option<TimeDelta>,
    pub runbook: Option<TimeDelta>,
    pub mitigated: Option<TimeDelta>,
    pub steps: Vec<StepTaken>,
    /// Steps of the expected path never run.
    pub missed: Vec<String>,
    pub findings: Vec<Finding>,
    pub points: Points,
}

/// What the walk through the record keeps.
#[derive(Default)]
struct Walk {
    standing: Standing,
    onset: Option<DateTime<Utc>>,
    detected: Option<DateTime<Utc>>,
    runbook: Option<DateTime<Utc>>,
    healed: Option<DateTime<Utc>>,
    /// The monitor each opened runbook recovers, by (procedure, server).
    recovering: HashMap<(String, String), String>,
    /// Servers whose problem was verified: a probe re-run or their health read.
    verified: HashSet<String>,
    owed: BTreeMap<String, (String, String)>,
    steps: Vec<StepTaken>,
    findings: Vec<Finding>,
}

/// Scores a drill from its record (in the order written). Only what happened within the
/// budget counts.
pub fn score(facts: &DrillFacts, records: &[Record]) -> Debrief {
    let time = |r: &Record| r.fleet_at.unwrap_or(r.at);
    let start = records.first().map_or(DateTime::UNIX_EPOCH, time);
    let budget = facts.spec.budget.0;
    let mut walk = Walk::default();
    let mut over = false;
    for record in records {
        let at = time(record);
        if at - start > budget {
            over = true;
            break;
        }
        walk.take(facts, &record.entry, at, start);
    }
    let from_onset = |t: Option<DateTime<Utc>>| Some(t? - walk.onset?);
    let (detected, runbook, mitigated) = (
        from_onset(walk.detected),
        from_onset(walk.runbook),
        from_onset(walk.healed),
    );
    let end = if walk.healed.is_some() {
        DrillEnd::Healed
    } else if over {
        DrillEnd::BudgetOver
    } else {
        DrillEnd::Quit
    };
    for (server, steps) in owed_by_server(&walk.owed) {
        walk.findings
            .push(Finding::CompensationsOwed { server, steps });
    }
    let run: HashSet<&str> = walk
        .steps
        .iter()
        .filter(|s| s.on_path)
        .map(|s| s.step.as_str())
        .collect();
    let missed: Vec<String> = facts
        .expected_steps
        .iter()
        .filter(|s| !run.contains(s.as_str()))
        .cloned()
        .collect();
    let points = Points {
        detection: timely(15, detected, budget),
        runbook: timely(15, runbook, budget),
        mitigation: if mitigated.is_some() { 40 } else { 0 },
        path: share(
            10,
            facts.expected_steps.len() - missed.len(),
            facts.expected_steps.len(),
        ),
        safety: 20u32.saturating_sub(10 * u32::try_from(walk.findings.len()).unwrap_or(2)),
    };
    Debrief {
        end,
        onset: walk.onset.map(|t| t - start),
        detected,
        runbook,
        mitigated,
        steps: walk.steps,
        missed,
        findings: walk.findings,
        points,
    }
}

impl Walk {
    fn take(&mut self, facts: &DrillFacts, entry: &Entry, at: DateTime<Utc>, start: DateTime<Utc>) {
        let expected = &facts.spec.expected;
        match entry {
            Entry::Transition {
                server,
                monitor,
                to,
                ..
            } => {
                self.standing.set(server, monitor, to);
                if *server == expected.server && *monitor == expected.monitor {
                    if self.onset.is_none() && self.standing.failing(server, monitor) {
                        self.onset = Some(at);
                    }
                    if self.onset.is_some() && self.healed.is_none() && to == "Healthy" {
                        self.healed = Some(at);
                    }
                }
            }
            Entry::Examined {
                server, monitor, ..
            } => self.look(server, monitor, at),
            Entry::RunbookOpened {
                procedure,
                monitor,
                server,
                ..
            } => {
                self.look(server, monitor, at);
                self.recovering
                    .insert((procedure.clone(), server.clone()), monitor.clone());
                if self.runbook.is_none()
                    && *procedure == expected.runbook
                    && *server == expected.server
                {
                    self.runbook = Some(at);
                }
            }
            Entry::StepStarted {
                procedure,
                step,
                server,
                action,
                services,
                compensating,
                ..
            } => {
                self.steps.push(StepTaken {
                    after: at - start,
                    procedure: procedure.clone(),
                    step: step.clone(),
                    server: server.clone(),
                    on_path: *procedure == expected.runbook
                        && *server == expected.server
                        && facts.expected_steps.contains(step),
                });
                // Another runbook may call the expected one (the CTP runbook's detour to the
                // mailbox server): reaching its steps is reaching it.
                if self.runbook.is_none()
                    && *procedure == expected.runbook
                    && *server == expected.server
                {
                    self.runbook = Some(at);
                }
                if matches!(action.as_str(), "rerun_probe" | "check_server_health") {
                    self.verified.insert(server.clone());
                }
                if !compensating {
                    self.judge_step(facts, procedure, step, server, action, services);
                }
            }
            Entry::Escalated {
                procedure, server, ..
            } => {
                if let Some(monitor) = self.recovering.get(&(procedure.clone(), server.clone()))
                    && self.standing.healthy(server, monitor)
                {
                    self.findings.push(Finding::EscalatedSolved {
                        server: server.clone(),
                        monitor: monitor.clone(),
                    });
                }
            }
            Entry::Owed {
                id, server, step, ..
            } => {
                self.owed.insert(id.clone(), (server.clone(), step.clone()));
            }
            Entry::OwedCleared { id, .. } => {
                self.owed.remove(id);
            }
            _ => {}
        }
    }

    fn look(&mut self, server: &str, monitor: &str, at: DateTime<Utc>) {
        if self.detected.is_none() && self.onset.is_some() && self.standing.failing(server, monitor)
        {
            self.detected = Some(at);
        }
    }

    fn judge_step(
        &mut self,
        facts: &DrillFacts,
        procedure: &str,
        step: &str,
        server: &str,
        action: &str,
        services: &[String],
    ) {
        let Ok(action) = RecoveryAction::try_from(action.to_owned()) else {
            return;
        };
        let owned = |s: &str| s.to_owned();
        let destructive = action.destructive_in_production();
        let key = (owned(procedure), owned(server));
        let recovered = self
            .recovering
            .get(&key)
            .filter(|monitor| self.standing.healthy(server, monitor));
        // One finding a step, the most telling first.
        let finding = if action == RecoveryAction::FailoverDatabases
            && self.standing.server_healthy(server)
        {
            Finding::FailoverOfHealthyServer {
                server: owned(server),
            }
        } else if action == RecoveryAction::RestartService
            && !services
                .iter()
                .any(|s| facts.faulty_services(server).any(|f| f == s))
        {
            Finding::WrongService {
                server: owned(server),
                service: services.join(", "),
            }
        } else if destructive && !facts.at_fault(server) {
            Finding::DestructiveNotAtFault {
                server: owned(server),
                step: owned(step),
                action: owned(action.name()),
            }
        } else if let Some(monitor) = recovered.filter(|_| destructive) {
            Finding::DestructiveWhileHealthy {
                server: owned(server),
                monitor: monitor.clone(),
                step: owned(step),
            }
        } else if destructive && !self.verified.contains(server) {
            Finding::SkippedVerification {
                server: owned(server),
                procedure: owned(procedure),
                step: owned(step),
            }
        } else {
            return;
        };
        self.findings.push(finding);
    }
}

/// Full marks within a tenth of the budget, falling evenly to none at the budget.
fn timely(most: u32, after: Option<TimeDelta>, budget: TimeDelta) -> u32 {
    let Some(after) = after else { return 0 };
    let (after, budget) = (after.num_milliseconds(), budget.num_milliseconds().max(1));
    let grace = budget / 10;
    if after <= grace {
        return most;
    }
    let left = (budget - after).max(0);
    u32::try_from(i64::from(most) * left / (budget - grace)).unwrap_or(0)
}

fn share(most: u32, done: usize, of: usize) -> u32 {
    if of == 0 {
        return most;
    }
    u32::try_from(most as usize * done / of).unwrap_or(most)
}

fn owed_by_server(owed: &BTreeMap<String, (String, String)>) -> BTreeMap<String, Vec<String>> {
    let mut by_server: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (server, step) in owed.values() {
        by_server
            .entry(server.clone())
            .or_default()
            .push(step.clone());
    }
    by_server
}
