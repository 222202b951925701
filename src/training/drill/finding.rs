//! What a debrief holds against a trainee: the unsafe actions, each with a sentence that
//! teaches what to look at next time.

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
    pub fn lesson(&self) -> String {
        match self {
            Finding::DestructiveNotAtFault {
                server,
                step,
                action,
            } => format!(
                "you ran {step} ({action}) on {server}, which had no fault: find the failing \
                 monitor's server in the grid and the drill-down before a destructive step"
            ),
            Finding::WrongService { server, service } => format!(
                "you restarted {service} on {server}, which was not the failing service: read \
                 the drill-down first (the monitor's target service, and for a CTP probe the \
                 Mailbox server its error names)"
            ),
            Finding::FailoverOfHealthyServer { server } => format!(
                "you failed over {server}, which was healthy: check the drill-down's monitor \
                 before a destructive step"
            ),
            Finding::DestructiveWhileHealthy {
                server,
                monitor,
                step,
            } => format!(
                "you ran {step} on {server} while {monitor} was already Healthy: re-run the \
                 probe first; a recovered monitor needs no repair"
            ),
            Finding::SkippedVerification {
                server,
                procedure,
                step,
            } => format!(
                "you ran {step} on {server} without the verification step of {procedure}: \
                 verify the problem still exists before changing anything"
            ),
            Finding::CompensationsOwed { server, steps } => format!(
                "you left {} owed on {server}: run the compensations (or write them off with a \
                 reason) before you walk away",
                steps.join(", ")
            ),
            Finding::EscalatedSolved { server, monitor } => format!(
                "you escalated while {monitor} on {server} was Healthy again: re-run the probe \
                 before handing over a problem that is gone"
            ),
        }
    }
}
