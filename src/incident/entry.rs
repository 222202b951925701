//! What one line of the incident record says. `update` decides what is recorded (as
//! `Effect::Record`); the runtime stamps, writes and syncs it.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

/// The record format's version, in the header line.
pub const SCHEMA: &str = "healthdeck.incident/1";

/// One line of the file: when, and what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Wall-clock UTC, RFC 3339, in training too. Written with milliseconds and `Z`
    /// (`2026-11-22T03:12:05.120Z`), so every line reads alike; any RFC 3339 time is read.
    #[serde(serialize_with = "serialize_at")]
    pub at: DateTime<Utc>,
    /// Training only: the fleet clock at the same moment (it runs `--speed` times faster
    /// than the wall clock, from the same start). Absent outside training.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_fleet_at"
    )]
    pub fleet_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub entry: Entry,
}

/// How a record's time is written: one fixed shape, whatever the clock's precision.
pub fn format_at(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn serialize_at<S: Serializer>(
    at: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_at(at))
}

#[allow(clippy::ref_option)] // serde's `serialize_with` hands over a reference to the field
pub(crate) fn serialize_fleet_at<S: Serializer>(
    at: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => serialize_at(at, serializer),
        None => serializer.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// The first line: whose session, where, in which mode.
    Session {
        schema: String,
        version: String,
        user: String,
        host: String,
        pid: u32,
        /// SSH_CONNECTION of the engineer's session, when there is one.
        ssh_connection: Option<String>,
        /// The banner: `TRAINING ×10 (scenario)` or `PRODUCTION <inventory>`.
        mode: String,
        dry_run: bool,
        read_only: bool,
        language: String,
    },
    /// A monitor's alert value changed.
    Transition {
        server: String,
        monitor: String,
        /// The monitor's health set: IMAP's and POP's latency monitors share a name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        health_set: Option<String>,
        from: String,
        to: String,
        /// Where the monitor comes from when it is not healthdeck's own probes
        /// (`exchange`: Managed Availability's verdict, taken as Exchange says it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
    /// A server's Managed Availability poll changed how it stands: `answered`, `empty`
    /// (no data, never healthy) or `failed` (with why).
    ExchangePoll {
        server: String,
        state: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<String>,
    },
    /// Three or more servers' polls changed alike in one batch (a management host down,
    /// or back): how many, their standing, why, and the first ten.
    ExchangePolls {
        count: usize,
        state: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<String>,
        servers: Vec<String>,
    },
    /// Prometheus (the shared source) answered again, or failed (with why): while it
    /// fails every monitor is Unknown.
    SharedSource {
        state: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<String>,
    },
    /// An Alertmanager silence acknowledged an Unhealthy monitor.
    Acknowledged {
        server: String,
        monitor: String,
        by: String,
        until: DateTime<Utc>,
        comment: String,
        silence: String,
    },
    /// An acknowledgement was expired from this console.
    AckExpired {
        server: String,
        monitor: String,
        by: String,
        silence: String,
    },
    /// Alertmanager did not take an acknowledgement or its expiry.
    AckFailed {
        server: String,
        monitor: String,
        why: String,
    },
    /// A drill began (`healthdeck drill`): what is scored, so that a debrief can be worked
    /// out again from the record alone (ARCHITECTURE "Drills").
    DrillStarted {
        scenario: String,
        /// The objective in English, as the whole record (readers find a built-in
        /// scenario's other languages by its name).
        objective: String,
        budget_s: i64,
        server: String,
        monitor: String,
        runbook: String,
        heals_at: String,
        /// The faults as `server service`.
        faults: Vec<String>,
        expected_steps: Vec<String>,
    },
    /// The drill ended (`healed`, `budget_over` or `quit`): its score out of 100 as the
    /// trainee saw it, the parts, and the times from the onset (seconds) they came from.
    DrillEnded {
        end: String,
        score: u32,
        points: crate::training::drill::Points,
        detected_s: Option<i64>,
        runbook_s: Option<i64>,
        mitigated_s: Option<i64>,
        /// When the fault showed, from the drill's start, as the console saw it (its clock
        /// stamps a moment before the record's): the times above count from it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        onset_s: Option<i64>,
    },
    /// The engineer first looked at a failing monitor in this spell: its cell under the
    /// cursor (`view`: `cell`) or its drill-down (`drill_down`). When a problem was seen.
    Examined {
        server: String,
        monitor: String,
        view: String,
    },
    RunbookOpened {
        procedure: String,
        title: String,
        monitor: String,
        server: String,
    },
    /// A step's command was started (or, under dry-run / read-only, shown and not run).
    StepStarted {
        run: u64,
        procedure: String,
        step: String,
        title: String,
        server: String,
        action: String,
        /// The Windows services a `restart_service` step acts on (for a drill's debrief).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        services: Vec<String>,
        /// The exact command; training shows the Exchange command tagged SIMULATED.
        command: Option<String>,
        by: String,
        compensating: bool,
    },
    /// A step that did not run: a gate, the engineer, dry-run or read-only.
    StepSkipped {
        procedure: String,
        step: String,
        server: String,
        reason: String,
        /// The command it would have run (dry-run shows every command).
        command: Option<String>,
    },
    /// What was typed at a destructive step's confirmation, and whether it matched.
    Confirmation {
        procedure: String,
        step: String,
        server: String,
        typed: String,
        accepted: bool,
        by: String,
        /// What the monitor showed as the name was typed (a `!` marks a warning).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        seen: Vec<String>,
    },
    /// A cancel was asked for.
    CancelRequested { run: u64, by: String },
    Output {
        run: u64,
        /// `stdout` or `stderr`.
        stream: String,
        line: String,
    },
    StepEnded {
        run: u64,
        /// `succeeded`, `failed`, `timed_out`, `cancelled`.
        exit: String,
        code: Option<i32>,
        duration_ms: u64,
        /// The named expectations the output established.
        facts: BTreeMap<String, bool>,
        note: Option<String>,
        /// The note as the catalogs' message and its values, so that a reader says it in
        /// its own language (`note` is its English words).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        said: Option<crate::i18n::Said>,
    },
    /// Leaving a runbook half-way: the compensations owed, and what the engineer chose.
    CompensationsOffered {
        procedure: String,
        owed: Vec<String>,
    },
    CompensationsDecided {
        procedure: String,
        run: bool,
        owed: Vec<String>,
        by: String,
    },
    RunbookClosed {
        procedure: String,
        /// `transient`, `resolved`, `completed`, `escalated`, `aborted`, or `left` (closed
        /// with the walk unfinished).
        ending: String,
        /// Compensations still owed when it closed: not done.
        owed: Vec<String>,
    },
    /// The terminal went away (SIGHUP, or SIGTERM) with steps running: they finish or are
    /// cancelled (`policy`) while nobody watches, and their output is still recorded.
    Hangup {
        policy: String,
        running: Vec<u64>,
        /// Compensations owed on the fleet at that moment (`Debt::describe`).
        #[serde(default)]
        owed: Vec<String>,
    },
    /// A compensation became owed on a server (see `runbook::Debt`): recorded when the step
    /// that owes it starts (`certain` false) and again when it succeeds (`certain` true).
    Owed {
        id: String,
        server: String,
        procedure: String,
        /// The compensation step, its title and the command that undoes it.
        step: String,
        title: String,
        command: Option<String>,
        caused_by: String,
        certain: bool,
        by: String,
    },
    /// An owed compensation was paid: its step ran and succeeded (`how`: `ran`), or a person
    /// wrote it off (`written_off`, with what they typed and why).
    OwedCleared {
        id: String,
        server: String,
        procedure: String,
        step: String,
        how: String,
        reason: Option<String>,
        by: String,
    },
    /// A `wait_and_recheck` began counting down: `minutes` of fleet time, until `until`.
    /// `until` is on the fleet clock, not wall-clock UTC like the record's `at`: in
    /// training it is the time the fleet's clock will show.
    WaitStarted {
        procedure: String,
        step: String,
        server: String,
        minutes: i64,
        until: DateTime<Utc>,
    },
    /// A wait ended: `elapsed`, `cancelled` or `skipped` (the recheck runs next either way),
    /// after `waited_s` fleet seconds.
    WaitEnded {
        procedure: String,
        step: String,
        server: String,
        how: String,
        waited_s: i64,
        by: Option<String>,
    },
    /// The engineer escalated (`e`, confirmed with a reason): the steps not run, and the
    /// handover summary written for whoever takes over.
    Escalated {
        procedure: String,
        server: String,
        reason: String,
        by: String,
        /// Step ids; a called procedure's step as `procedure/step`.
        not_run: Vec<String>,
    },
    /// The handover summary of an escalation was written (the runtime's side).
    Handover {
        procedure: String,
        server: String,
        path: String,
    },
    /// An experienced engineer moved the walk ahead: the steps passed over, and why.
    PassedOver {
        procedure: String,
        server: String,
        to: String,
        steps: Vec<String>,
        reason: String,
        by: String,
    },
    /// A service restart over its budget, allowed by a typed reason.
    OverBudget {
        server: String,
        service: String,
        reason: String,
        by: String,
    },
    /// A running step was left running as the console quit: it is detached and survives
    /// the console (its own session); `pid` leads its process group.
    StepDetached {
        run: u64,
        pid: Option<u32>,
        by: String,
    },
    /// What the record could not keep: the disk refused writes for a while and the lines
    /// held in memory meanwhile hit their bound (ARCHITECTURE "Whole lines only").
    RecordGap {
        /// Step output lines dropped, and their bytes as they would have been written.
        dropped_lines: u64,
        dropped_bytes: u64,
        /// Why the writes failed.
        reason: String,
    },
    /// A step started while the record could not be written: the engineer was asked and
    /// chose (`go_on`) to run it unrecorded, or not.
    Unrecorded {
        what: String,
        server: String,
        reason: String,
        go_on: bool,
        by: String,
    },
    /// The runbook engine refused what the pane asked of it (a retry, the compensations):
    /// a bug in the pane, kept so that nobody believes the step went as asked.
    EngineRefused {
        procedure: String,
        /// What was asked (`retry`, `compensate`, an answer, a pass).
        asked: String,
        error: String,
    },
    /// A minute of the prober's schedule (ARCHITECTURE "Keeping the schedule"): probes
    /// started, how many on time, runs skipped because a whole interval passed.
    Schedule {
        span_s: u64,
        ran: u64,
        on_time: u64,
        skipped: u64,
        worst_late_ms: u64,
        most_in_flight: usize,
        limit: usize,
        ceiling: usize,
    },
    /// The prober fell behind its schedule (`late` > 0), or caught up (`late` = 0).
    Behind {
        late: usize,
        worst_late_ms: u64,
        limit: usize,
        ceiling: usize,
        why: String,
    },
    /// Many monitors went stale at once: one entry, not one line per monitor.
    Stale {
        count: usize,
        /// Monitor name → how many of it.
        monitors: std::collections::BTreeMap<String, usize>,
        /// The first few servers, in fleet order.
        servers: Vec<String>,
        /// Whether the prober was behind its schedule then (the console's fault, not
        /// necessarily the servers').
        prober_behind: bool,
    },
    /// Many monitors answered again at once (Unknown → Healthy after going stale: a source
    /// back, the prober caught up): the count, as `stale` has it.
    Fresh {
        count: usize,
        /// Monitor name → how many of it.
        monitors: std::collections::BTreeMap<String, usize>,
        /// The first few servers, in fleet order.
        servers: Vec<String>,
    },
    /// The last line of a session that ended cleanly.
    SessionEnded {
        reason: String,
        /// Steps still running at the end, left running unobserved.
        left_running: Vec<u64>,
        /// Compensations owed on the fleet when it ended (`Debt::describe`).
        #[serde(default)]
        owed: Vec<String>,
    },
}

impl Entry {
    /// Step boundaries are fsynced: a crash never loses that a step started or ended.
    pub fn is_boundary(&self) -> bool {
        matches!(
            self,
            Entry::Session { .. }
                | Entry::StepStarted { .. }
                | Entry::StepEnded { .. }
                | Entry::Confirmation { .. }
                | Entry::CompensationsDecided { .. }
                | Entry::RunbookClosed { .. }
                | Entry::Hangup { .. }
                | Entry::Owed { .. }
                | Entry::OwedCleared { .. }
                | Entry::Escalated { .. }
                | Entry::Handover { .. }
                | Entry::PassedOver { .. }
                | Entry::OverBudget { .. }
                | Entry::StepDetached { .. }
                | Entry::Unrecorded { .. }
                | Entry::EngineRefused { .. }
                | Entry::SessionEnded { .. }
                | Entry::DrillStarted { .. }
                | Entry::DrillEnded { .. }
        )
    }
}
