//! A checked set of procedures: the built-in runbooks, or files given to `lint`.

use super::lint;
use super::spec::{ProcedureSpec, RunbookSpec};
use crate::config::{ConfigError, parse_yaml};
use crate::health::{Monitor, Role};

/// The runbooks built into the binary: (file name, YAML).
pub const BUILT_IN: [(&str, &str); 3] = [
    ("verify.yaml", include_str!("../../runbooks/verify.yaml")),
    ("imap.yaml", include_str!("../../runbooks/imap.yaml")),
    ("pop.yaml", include_str!("../../runbooks/pop.yaml")),
];

/// One procedure with its monitors resolved.
#[derive(Debug, Clone)]
pub struct Procedure {
    pub spec: ProcedureSpec,
    pub monitors: Vec<Monitor>,
    /// The file it came from, for messages.
    pub origin: String,
}

impl Procedure {
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.spec.steps.iter().position(|s| s.id == id)
    }

    /// The index of the procedure's `escalate` step, if it has one.
    pub fn escalation(&self) -> Option<usize> {
        self.spec
            .steps
            .iter()
            .position(super::spec::StepSpec::is_escalation)
    }
}

/// A file's text and the name errors should carry.
pub struct Source<'a> {
    pub origin: String,
    pub text: &'a str,
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    procedures: Vec<Procedure>,
}

impl Library {
    /// The built-in runbooks; an error means a shipped runbook is broken (tests prevent it).
    pub fn built_in() -> Result<Library, Vec<ConfigError>> {
        let sources: Vec<Source<'_>> = BUILT_IN
            .iter()
            .map(|(name, text)| Source {
                origin: format!("<built-in runbooks/{name}>"),
                text,
            })
            .collect();
        let (library, findings) = Library::check(&sources, None);
        if findings.is_empty() {
            Ok(library)
        } else {
            Err(findings)
        }
    }

    /// The built-in runbooks, checked once and kept for the whole process: a walk borrows
    /// its procedures for as long as the console runs.
    pub fn shared() -> Result<&'static Library, &'static [ConfigError]> {
        static SHARED: std::sync::OnceLock<Result<Library, Vec<ConfigError>>> =
            std::sync::OnceLock::new();
        match SHARED.get_or_init(Library::built_in) {
            Ok(library) => Ok(library),
            Err(findings) => Err(findings),
        }
    }

    /// Parses and checks runbook files together. Calls to procedures not among them are
    /// resolved in `fallback` (the built-ins, when linting a single file).
    pub fn check(
        sources: &[Source<'_>],
        fallback: Option<&Library>,
    ) -> (Library, Vec<ConfigError>) {
        let mut findings = Vec::new();
        let mut parsed = Vec::new();
        for source in sources {
            match parse_yaml::<RunbookSpec>(source.text, &source.origin) {
                Ok(spec) => parsed.push((source, spec)),
                Err(e) => findings.push(at_named_value(e, source.text)),
            }
        }
        let mut library = Library::default();
        for (source, spec) in &parsed {
            for procedure in &spec.procedures {
                library.procedures.push(Procedure {
                    spec: procedure.clone(),
                    monitors: Vec::new(),
                    origin: source.origin.clone(),
                });
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (source, spec) in &parsed {
            findings.extend(lint::check_file(
                source,
                spec,
                &mut library,
                fallback,
                &mut seen,
            ));
        }
        for (source, spec) in &parsed {
            findings.extend(lint::check_cycles(source, spec, &library));
        }
        (library, findings)
    }

    pub fn procedures(&self) -> &[Procedure] {
        &self.procedures
    }

    /// A step's title in every language.
    pub fn step_title(&self, procedure: &str, step: &str) -> Option<&super::spec::Text> {
        let steps = &self.procedure(procedure)?.spec.steps;
        steps.iter().find(|s| s.id == step).map(|s| &s.title)
    }

    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id() == id)
    }

    pub(super) fn procedure_mut(&mut self, id: &str) -> Option<&mut Procedure> {
        self.procedures.iter_mut().find(|p| p.id() == id)
    }

    /// The procedure that recovers `monitor` on a server of `role`.
    pub fn for_monitor(&self, monitor: Monitor, role: Role) -> Option<&Procedure> {
        self.procedures.iter().find(|p| {
            p.monitors.contains(&monitor) && p.spec.role.is_none_or(|needed| role.runs(needed))
        })
    }
}

/// serde places errors from a value's own parser (an unknown action or condition) at the
/// enclosing step; the value itself is where the engineer has to look.
fn at_named_value(mut error: ConfigError, text: &str) -> ConfigError {
    let message = error.message.english();
    let named = ["unknown action `", "unknown condition `"]
        .iter()
        .find_map(|prefix| message.split(prefix).nth(1))
        .and_then(|rest| rest.split('`').next());
    let (Some(value), Some(from)) = (named, error.line) else {
        return error;
    };
    let found = text
        .lines()
        .enumerate()
        .skip(from - 1)
        .find_map(|(n, line)| {
            let colon = line.find(": ")?;
            let at = line[colon..].find(value)? + colon;
            Some((n + 1, line[..at].chars().count() + 1))
        });
    if let Some((line, column)) = found {
        error.line = Some(line);
        error.column = Some(column);
    }
    error
}
