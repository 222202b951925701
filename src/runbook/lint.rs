//! Cross-reference checks of runbook files, each finding with file, line and column.

use super::library::{Library, Source};
use super::spec::{ProcedureSpec, RunbookSpec, StepSpec, Text};
use super::vocabulary::{Condition, Fact, RecoveryAction, TargetServer};
use crate::config::ConfigError;
use crate::config::lang::LANGUAGES;
use crate::config::locate::{Seg, locate};
use crate::health::Monitor;
use crate::i18n::Said;
use std::collections::HashSet;

struct Checker<'a> {
    source: &'a Source<'a>,
    findings: Vec<ConfigError>,
}

impl Checker<'_> {
    fn report(&mut self, path: &[Seg<'_>], message: Said) {
        let mut finding = ConfigError::new(&self.source.origin, message);
        if let Some((line, column)) = locate(self.source.text, path) {
            finding.line = Some(line);
            finding.column = Some(column);
        }
        self.findings.push(finding);
    }
}

/// Checks one parsed file against the whole set; resolves its procedures' monitors into
/// `library`. `seen` carries procedure ids across files.
pub(super) fn check_file(
    source: &Source<'_>,
    spec: &RunbookSpec,
    library: &mut Library,
    fallback: Option<&Library>,
    seen: &mut HashSet<String>,
) -> Vec<ConfigError> {
    let mut checker = Checker {
        source,
        findings: Vec::new(),
    };
    for (p, procedure) in spec.procedures.iter().enumerate() {
        let at = [Seg::Key("procedures"), Seg::Index(p)];
        if !seen.insert(procedure.id.clone()) {
            let said =
                Said::new("finding-runbook-duplicate-procedure").text("procedure", &procedure.id);
            checker.report(&[at[0], at[1], Seg::Key("id")], said);
        }
        let monitors = check_monitors(&mut checker, &at, procedure, library);
        if let Some(resolved) = library.procedure_mut(&procedure.id)
            && resolved.origin == source.origin
            && resolved.monitors.is_empty()
        {
            resolved.monitors = monitors;
        }
        check_text(
            &mut checker,
            &[at[0], at[1], Seg::Key("title")],
            &procedure.title,
            || Said::new("finding-runbook-of-procedure").text("procedure", &procedure.id),
        );
        check_steps(&mut checker, &at, procedure, library, fallback);
    }
    checker.findings
}

fn check_monitors(
    checker: &mut Checker<'_>,
    at: &[Seg<'static>; 2],
    procedure: &ProcedureSpec,
    library: &Library,
) -> Vec<Monitor> {
    let mut monitors = Vec::new();
    if procedure.monitors.is_empty() {
        return monitors;
    }
    let Some(protocol) = procedure.protocol else {
        let said = Said::new("finding-runbook-no-protocol").text("procedure", &procedure.id);
        checker.report(&[at[0], at[1], Seg::Key("monitors")], said);
        return monitors;
    };
    for (i, name) in procedure.monitors.iter().enumerate() {
        let path = [at[0], at[1], Seg::Key("monitors"), Seg::Index(i)];
        let Some(monitor) = Monitor::named(protocol, name) else {
            let known: Vec<&str> = Monitor::ALL
                .iter()
                .filter(|m| m.protocol == protocol)
                .map(|m| m.name())
                .collect();
            let message = Said::new("finding-runbook-unknown-monitor")
                .text("protocol", protocol.label())
                .text("monitor", name)
                .text("known", known.join(", "));
            checker.report(&path, message);
            continue;
        };
        let other = library
            .procedures()
            .iter()
            .find(|p| p.id() != procedure.id && p.monitors.contains(&monitor));
        if let Some(other) = other {
            let message = Said::new("finding-runbook-monitor-taken")
                .text("monitor", name)
                .text("procedure", other.id());
            checker.report(&path, message);
        }
        monitors.push(monitor);
    }
    monitors
}

/// Every language present, no unknown language, nothing empty.
fn check_text(checker: &mut Checker<'_>, path: &[Seg<'_>], text: &Text, what: impl Fn() -> Said) {
    for language in LANGUAGES {
        if text.get(language).is_none_or(|t| t.trim().is_empty()) {
            let field = match path.last() {
                Some(Seg::Key(key)) => *key,
                _ => "text",
            };
            let said = Said::new("finding-runbook-no-translation")
                .text("field", field)
                .said("what", what())
                .text("language", language);
            checker.report(path, said);
        }
    }
    for language in text.keys() {
        if !LANGUAGES.contains(&language.as_str()) {
            let mut at = path.to_vec();
            at.push(Seg::Key(language));
            let said = Said::new("finding-runbook-unknown-language")
                .text("language", language)
                .text("expected", LANGUAGES.join(", "));
            checker.report(&at, said);
        }
    }
}

fn check_steps(
    checker: &mut Checker<'_>,
    at: &[Seg<'static>; 2],
    procedure: &ProcedureSpec,
    library: &Library,
    fallback: Option<&Library>,
) {
    let mut ids = HashSet::new();
    let escalation = procedure.steps.iter().position(StepSpec::is_escalation);
    for (s, step) in procedure.steps.iter().enumerate() {
        let path = |key: &'static str| {
            [
                at[0],
                at[1],
                Seg::Key("steps"),
                Seg::Index(s),
                Seg::Key(key),
            ]
        };
        let what = || {
            Said::new("finding-runbook-of-step")
                .text("step", &step.id)
                .text("procedure", &procedure.id)
        };
        if !ids.insert(step.id.as_str()) {
            let message = Said::new("finding-runbook-duplicate-step")
                .text("step", &step.id)
                .text("procedure", &procedure.id);
            checker.report(&path("id"), message);
        }
        check_text(checker, &path("title"), &step.title, what);
        check_text(checker, &path("instruction"), &step.instruction, what);
        match (step.action, &step.call) {
            (None, None) => checker.report(
                &path("id"),
                Said::new("finding-runbook-no-action").text("step", &step.id),
            ),
            (Some(_), Some(_)) => checker.report(
                &path("call"),
                Said::new("finding-runbook-action-and-call").text("step", &step.id),
            ),
            (Some(action), None) => check_action(checker, &path, step, action),
            (None, Some(target)) => {
                let known = library.procedure(target).is_some()
                    || fallback.is_some_and(|f| f.procedure(target).is_some());
                if !known {
                    let said = Said::new("finding-runbook-unknown-call").text("procedure", target);
                    checker.report(&path("call"), said);
                } else if target == &procedure.id {
                    let said = Said::new("finding-runbook-calls-itself").text("procedure", target);
                    checker.report(&path("call"), said);
                }
            }
        }
        if step.on == Some(TargetServer::MailboxServer)
            && !procedure.steps[..s]
                .iter()
                .any(|e| e.action == Some(RecoveryAction::IdentifyMailboxServer))
        {
            checker.report(&path("on"), Said::new("finding-runbook-mailbox-server"));
        }
        for (i, target) in step.compensation.iter().enumerate() {
            let later = procedure.steps[s + 1..].iter().any(|t| &t.id == target);
            if !later {
                let mut at = path("compensation").to_vec();
                at.push(Seg::Index(i));
                let message = Said::new("finding-runbook-compensation")
                    .text("target", target)
                    .text("step", &step.id)
                    .text("procedure", &procedure.id);
                checker.report(&at, message);
            }
        }
        if step.escalate_if.is_some() && escalation.is_none() {
            let message = Said::new("finding-runbook-escalate-if").text("procedure", &procedure.id);
            checker.report(&path("escalate_if"), message);
        }
        if step.is_escalation() && s + 1 != procedure.steps.len() {
            let message =
                Said::new("finding-runbook-escalate-last").text("procedure", &procedure.id);
            checker.report(&path("action"), message);
        }
        check_gates(checker, &path, procedure, s);
    }
}

/// Each gate must test a fact some step up to it can have established.
fn check_gates(
    checker: &mut Checker<'_>,
    path: &dyn Fn(&'static str) -> [Seg<'static>; 5],
    procedure: &ProcedureSpec,
    s: usize,
) {
    let step = &procedure.steps[s];
    let earlier = &procedure.steps[..s];
    let gates = step
        .only_if
        .iter()
        .flat_map(|c| c.iter().map(|c| ("only_if", c, false)));
    let after = [
        ("stop_if", &step.stop_if),
        ("escalate_if", &step.escalate_if),
    ]
    .into_iter()
    .filter_map(|(key, c)| c.as_ref().map(|c| (key, c, true)));
    for (key, condition, includes_self) in gates.chain(after) {
        let upto = if includes_self {
            &procedure.steps[..=s]
        } else {
            earlier
        };
        if let Some(why) = unreported(*condition, upto, step, &procedure.id) {
            let said = Said::new("finding-runbook-gate")
                .text("key", key)
                .text("condition", condition.to_string())
                .said("why", why);
            checker.report(&path(key), said);
        }
    }
}

/// Why nothing before the gate can have established the condition's fact, if so.
fn unreported(
    condition: Condition,
    steps: &[StepSpec],
    step: &StepSpec,
    procedure: &str,
) -> Option<Said> {
    match condition.fact {
        Fact::Role(_) => None,
        Fact::Expectation(expectation) => {
            let reported = steps
                .iter()
                .any(|s| s.action.is_some_and(|a| a.reports().contains(&expectation)));
            (!reported).then(|| {
                Said::new("finding-runbook-unreported")
                    .text("procedure", procedure)
                    .text("expectation", expectation.name())
            })
        }
        Fact::Ending(_) => step
            .call
            .is_none()
            .then(|| Said::new("finding-runbook-no-ending").text("step", &step.id)),
    }
}

/// Parameters the action needs, parameters it does not take, and confirmation.
fn check_action(
    checker: &mut Checker<'_>,
    path: &dyn Fn(&'static str) -> [Seg<'static>; 5],
    step: &StepSpec,
    action: RecoveryAction,
) {
    let needs: &[&str] = match action {
        RecoveryAction::RestartService => &["service"],
        RecoveryAction::SetProtocolLogging => &["enabled"],
        RecoveryAction::WaitAndRecheck => &["wait"],
        _ => &[],
    };
    let takes: &[&str] = match action {
        RecoveryAction::CheckServerHealth => &["health_sets"],
        _ => needs,
    };
    let present = [
        ("service", step.service.is_some()),
        ("enabled", step.enabled.is_some()),
        ("wait", step.wait.is_some()),
        ("health_sets", step.health_sets.is_some()),
    ];
    for (key, is_present) in present {
        let said = |id| {
            Said::new(id)
                .text("action", action.to_string())
                .text("key", key)
        };
        if needs.contains(&key) && !is_present {
            checker.report(&path("action"), said("finding-runbook-needs"));
        }
        if is_present && !takes.contains(&key) {
            checker.report(&path(key), said("finding-runbook-means-nothing"));
        }
    }
    if action.destructive_in_production() && step.confirm == Some(false) {
        let said = Said::new("finding-runbook-unconfirmed").text("action", action.to_string());
        checker.report(&path("confirm"), said);
    }
}

/// A procedure that, through its calls, calls itself would recurse until the engine's depth
/// limit: reported at each call step that starts such a cycle.
pub(super) fn check_cycles(
    source: &Source<'_>,
    spec: &RunbookSpec,
    library: &Library,
) -> Vec<ConfigError> {
    let mut checker = Checker {
        source,
        findings: Vec::new(),
    };
    // One finding per cycle: its other members are not reported again.
    let mut in_reported_cycle: Vec<&str> = Vec::new();
    for (p, procedure) in spec.procedures.iter().enumerate() {
        for (s, step) in procedure.steps.iter().enumerate() {
            let Some(target) = &step.call else { continue };
            if target == &procedure.id || in_reported_cycle.contains(&target.as_str()) {
                continue; // "calls itself" is its own finding
            }
            if path_back(
                library,
                target,
                &procedure.id,
                &mut vec![procedure.id.clone()],
            )
            .is_some()
            {
                let path = [
                    Seg::Key("procedures"),
                    Seg::Index(p),
                    Seg::Key("steps"),
                    Seg::Index(s),
                    Seg::Key("call"),
                ];
                in_reported_cycle.extend([procedure.id.as_str(), target.as_str()]);
                let said = Said::new("finding-runbook-call-cycle")
                    .text("procedure", &procedure.id)
                    .text("target", target);
                checker.report(&path, said);
            }
        }
    }
    checker.findings
}

/// Whether `from` reaches `to` through calls (depth-first, each procedure once).
fn path_back(library: &Library, from: &str, to: &str, seen: &mut Vec<String>) -> Option<()> {
    if seen.iter().any(|s| s == from) {
        return None;
    }
    seen.push(from.to_owned());
    let procedure = library.procedure(from)?;
    for step in &procedure.spec.steps {
        let Some(next) = &step.call else { continue };
        if next == to || path_back(library, next, to, seen).is_some() {
            return Some(());
        }
    }
    None
}
