//! Cross-reference checks of runbook files, each finding with file, line and column.

use super::library::{Library, Source};
use super::spec::{ProcedureSpec, RunbookSpec, StepSpec, Text};
use super::vocabulary::{Condition, Fact, RecoveryAction, TargetServer};
use crate::config::ConfigError;
use crate::config::lang::LANGUAGES;
use crate::config::locate::{Seg, locate};
use crate::health::Monitor;
use std::collections::HashSet;

struct Checker<'a> {
    source: &'a Source<'a>,
    findings: Vec<ConfigError>,
}

impl Checker<'_> {
    fn report(&mut self, path: &[Seg<'_>], message: String) {
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
            checker.report(
                &[at[0], at[1], Seg::Key("id")],
                format!("duplicate procedure id `{}`", procedure.id),
            );
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
            || format!("procedure `{}`", procedure.id),
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
        checker.report(
            &[at[0], at[1], Seg::Key("monitors")],
            format!(
                "procedure `{}` names monitors but no `protocol` (imap or pop)",
                procedure.id
            ),
        );
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
            let message = format!(
                "unknown {} monitor `{name}` (known: {})",
                protocol.label(),
                known.join(", ")
            );
            checker.report(&path, message);
            continue;
        };
        let other = library
            .procedures()
            .iter()
            .find(|p| p.id() != procedure.id && p.monitors.contains(&monitor));
        if let Some(other) = other {
            let message = format!(
                "monitor `{name}` is already recovered by procedure `{}`",
                other.id()
            );
            checker.report(&path, message);
        }
        monitors.push(monitor);
    }
    monitors
}

/// Every language present, no unknown language, nothing empty.
fn check_text(checker: &mut Checker<'_>, path: &[Seg<'_>], text: &Text, what: impl Fn() -> String) {
    for language in LANGUAGES {
        if text.get(language).is_none_or(|t| t.trim().is_empty()) {
            let field = match path.last() {
                Some(Seg::Key(key)) => *key,
                _ => "text",
            };
            checker.report(
                path,
                format!("{field} of {} has no `{language}` translation", what()),
            );
        }
    }
    for language in text.keys() {
        if !LANGUAGES.contains(&language.as_str()) {
            let mut at = path.to_vec();
            at.push(Seg::Key(language));
            checker.report(
                &at,
                format!(
                    "unknown language `{language}` (expected {})",
                    LANGUAGES.join(", ")
                ),
            );
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
        let what = || format!("step `{}` of `{}`", step.id, procedure.id);
        if !ids.insert(step.id.as_str()) {
            let message = format!(
                "duplicate step id `{}` in procedure `{}`",
                step.id, procedure.id
            );
            checker.report(&path("id"), message);
        }
        check_text(checker, &path("title"), &step.title, what);
        check_text(checker, &path("instruction"), &step.instruction, what);
        match (step.action, &step.call) {
            (None, None) => checker.report(
                &path("id"),
                format!("step `{}` needs an `action` or a `call`", step.id),
            ),
            (Some(_), Some(_)) => checker.report(
                &path("call"),
                format!(
                    "step `{}` has both an `action` and a `call`: give it one",
                    step.id
                ),
            ),
            (Some(action), None) => check_action(checker, &path, step, action),
            (None, Some(target)) => {
                let known = library.procedure(target).is_some()
                    || fallback.is_some_and(|f| f.procedure(target).is_some());
                if !known {
                    checker.report(
                        &path("call"),
                        format!("`call: {target}`: no procedure `{target}`"),
                    );
                } else if target == &procedure.id {
                    checker.report(&path("call"), format!("procedure `{target}` calls itself"));
                }
            }
        }
        if step.on == Some(TargetServer::MailboxServer)
            && !procedure.steps[..s]
                .iter()
                .any(|e| e.action == Some(RecoveryAction::IdentifyMailboxServer))
        {
            checker.report(
                &path("on"),
                "`on: mailbox_server` needs an earlier `identify_mailbox_server` step".to_owned(),
            );
        }
        for (i, target) in step.compensation.iter().enumerate() {
            let later = procedure.steps[s + 1..].iter().any(|t| &t.id == target);
            if !later {
                let mut at = path("compensation").to_vec();
                at.push(Seg::Index(i));
                let message = format!(
                    "compensation `{target}` of step `{}`: no later step `{target}` in procedure `{}`",
                    step.id, procedure.id
                );
                checker.report(&at, message);
            }
        }
        if step.escalate_if.is_some() && escalation.is_none() {
            let message = format!(
                "`escalate_if` needs an `escalate` step in procedure `{}`",
                procedure.id
            );
            checker.report(&path("escalate_if"), message);
        }
        if step.is_escalation() && s + 1 != procedure.steps.len() {
            let message = format!(
                "the `escalate` step must be the last step of procedure `{}`",
                procedure.id
            );
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
        if let Some(message) = unreported(*condition, upto, step, &procedure.id) {
            checker.report(&path(key), format!("`{key}: {condition}`: {message}"));
        }
    }
}

/// Why nothing before the gate can have established the condition's fact, if so.
fn unreported(
    condition: Condition,
    steps: &[StepSpec],
    step: &StepSpec,
    procedure: &str,
) -> Option<String> {
    match condition.fact {
        Fact::Role(_) => None,
        Fact::Expectation(expectation) => {
            let reported = steps
                .iter()
                .any(|s| s.action.is_some_and(|a| a.reports().contains(&expectation)));
            (!reported).then(|| {
                format!(
                    "no step of `{procedure}` up to here reports `{}`",
                    expectation.name()
                )
            })
        }
        Fact::Ending(_) => step.call.is_none().then(|| {
            format!(
                "step `{}` calls no procedure whose ending it could test",
                step.id
            )
        }),
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
        if needs.contains(&key) && !is_present {
            checker.report(&path("action"), format!("`{action}` needs `{key}`"));
        }
        if is_present && !takes.contains(&key) {
            checker.report(&path(key), format!("`{key}` means nothing to `{action}`"));
        }
    }
    if action.destructive_in_production() && step.confirm == Some(false) {
        checker.report(
            &path("confirm"),
            format!(
                "`confirm: false` on `{action}`, a destructive action: it always asks for confirmation"
            ),
        );
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
                checker.report(
                    &path,
                    format!(
                        "call cycle: `{}` calls `{target}`, which calls back into `{}`",
                        procedure.id, procedure.id
                    ),
                );
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
