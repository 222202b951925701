//! What a debrief holds against a trainee: the unsafe actions, each with a sentence that
//! teaches what to look at next time.

use crate::i18n::{Arg, Tr};
/// An unsafe action or a loose end, found in the trainee's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A step that is destructive in production, on a server with no fault.
    DestructiveNotAtFault {
        server: String,
        step: String,
        action: String,
    },
    /// A service restarted that is not the one at fault (on that server, or anywhere).
    WrongService { server: String, service: String },
    /// Databases failed over away from a server whose monitors were all healthy.
    FailoverOfHealthyServer { server: String },
    /// A destructive step while the monitor its runbook recovers was already Healthy.
    DestructiveWhileHealthy {
        server: String,
        monitor: String,
        step: String,
    },
    /// A destructive step of a runbook whose verification step had not run.
    SkippedVerification {
        server: String,
        procedure: String,
        step: String,
    },
    /// Compensations still owed when the drill ended.
    CompensationsOwed { server: String, steps: Vec<String> },
    /// An escalation while the monitor its runbook recovers was Healthy.
    EscalatedSolved { server: String, monitor: String },
}

impl Finding {
    /// One sentence that says what happened and what to do instead.
    pub fn lesson(&self, tr: Tr) -> String {
        let (id, args): (&str, Vec<(&str, Arg)>) = match self {
            Finding::DestructiveNotAtFault {
                server,
                step,
                action,
            } => (
                "debrief-lesson-not-at-fault",
                vec![
                    ("step", step.into()),
                    ("action", action.into()),
                    ("server", server.into()),
                ],
            ),
            Finding::WrongService { server, service } => (
                "debrief-lesson-wrong-service",
                vec![("service", service.into()), ("server", server.into())],
            ),
            Finding::FailoverOfHealthyServer { server } => (
                "debrief-lesson-failover-healthy",
                vec![("server", server.into())],
            ),
            Finding::DestructiveWhileHealthy {
                server,
                monitor,
                step,
            } => (
                "debrief-lesson-while-healthy",
                vec![
                    ("step", step.into()),
                    ("server", server.into()),
                    ("monitor", monitor.into()),
                ],
            ),
            Finding::SkippedVerification {
                server,
                procedure,
                step,
            } => (
                "debrief-lesson-skipped-verification",
                vec![
                    ("step", step.into()),
                    ("server", server.into()),
                    ("procedure", procedure.into()),
                ],
            ),
            Finding::CompensationsOwed { server, steps } => (
                "debrief-lesson-owed",
                vec![
                    ("steps", steps.join(", ").into()),
                    ("server", server.into()),
                ],
            ),
            Finding::EscalatedSolved { server, monitor } => (
                "debrief-lesson-escalated-solved",
                vec![("monitor", monitor.into()), ("server", server.into())],
            ),
        };
        tr.fmt(id, &args)
    }
}
