//! The runbook file format, as parsed from YAML. Structure and vocabulary are checked by
//! serde (with line and column); cross-references are checked by `lint`.

use super::vocabulary::{
    Condition, Conditions, HealthSetScope, RecoveryAction, ServiceChoice, TargetServer,
};
use crate::config::lang::LANGUAGES;
use crate::health::{Protocol, Role, Span};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One runbook file: the procedures of one health-set family.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunbookSpec {
    pub procedures: Vec<ProcedureSpec>,
}

/// Text in every language, keyed by language code (`en`, `ko`, `ja`, `zh-TW`, `pt-BR`).
pub type Text = BTreeMap<String, String>;

/// The text in `language`, falling back to English (lint flags the gap).
pub fn localized<'t>(text: &'t Text, language: &str) -> &'t str {
    text.get(language)
        .or_else(|| text.get(LANGUAGES[0]))
        .map_or("", String::as_str)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureSpec {
    pub id: String,
    /// The protocol of the monitors served; absent for procedures only ever called.
    pub protocol: Option<Protocol>,
    /// The monitors whose alerts open this procedure.
    #[serde(default)]
    pub monitors: Vec<String>,
    /// The role of the servers it is written for.
    pub role: Option<Role>,
    pub title: Text,
    pub steps: Vec<StepSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    pub id: String,
    /// What the step does; a step has an `action` or a `call`, never both.
    pub action: Option<RecoveryAction>,
    /// Runs another procedure (on `on`'s server) and comes back with its ending.
    pub call: Option<String>,
    /// `restart_service`: which services.
    pub service: Option<ServiceChoice>,
    /// `set_protocol_logging`: on or off.
    pub enabled: Option<bool>,
    /// `wait_and_recheck`: how long to wait before the recheck (fleet time).
    pub wait: Option<Span>,
    /// `check_server_health`: which health sets (default: the monitor's).
    pub health_sets: Option<HealthSetScope>,
    /// The server acted on (default: the alert's server).
    pub on: Option<TargetServer>,
    /// The step runs only when this holds; otherwise it is skipped, with this as the reason.
    pub only_if: Option<Conditions>,
    /// After the step: when this holds, the procedure ends (its owed compensations first).
    pub stop_if: Option<Condition>,
    /// After the step: when this holds, the procedure jumps to its `escalate` step.
    pub escalate_if: Option<Condition>,
    /// Ask for the server's name before running. May add, never remove (lint).
    pub confirm: Option<bool>,
    /// The later steps that undo this one; owed once it has run, offered on abort.
    #[serde(default)]
    pub compensation: Vec<String>,
    /// The engineer may skip it without it counting as a failure.
    #[serde(default)]
    pub optional: bool,
    pub title: Text,
    pub instruction: Text,
}

impl StepSpec {
    /// The step's `wait`, or zero.
    pub fn wait(&self) -> chrono::TimeDelta {
        self.wait.map_or(chrono::TimeDelta::zero(), |w| w.0)
    }

    pub fn is_escalation(&self) -> bool {
        self.action == Some(RecoveryAction::Escalate)
    }
}
