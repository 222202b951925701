//! How the prober keeps its schedule, as it reports it: the banner's "behind", the
//! drill-down's limits, and one record entry a minute (ARCHITECTURE "Keeping the schedule").

use crate::i18n::Tr;
use std::time::Duration;

/// The prober's state now, sent when it changes (and with each minute's window).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pace {
    /// Probes allowed in flight now (what the fleet needs, within the ceiling).
    pub limit: usize,
    pub ceiling: usize,
    /// Probes due and not started past their tolerance, and the oldest one's lateness.
    pub late: usize,
    pub worst_late: Duration,
    /// The last minute's counts, once a minute.
    pub window: Option<Window>,
}

impl Pace {
    pub fn behind(&self) -> bool {
        self.late > 0
    }

    /// Why it is behind, in English for the record (empty when it is not).
    pub fn why(&self) -> String {
        self.why_in(Tr::english())
    }

    /// Why it is behind, in the engineer's language (empty when it is not).
    pub fn why_in(&self, tr: Tr) -> String {
        if !self.behind() {
            String::new()
        } else if self.limit >= self.ceiling {
            tr.fmt("pace-at-ceiling", &[("ceiling", self.ceiling.into())])
        } else {
            tr.text("pace-slow-servers").to_owned()
        }
    }
}

/// What happened to the schedule over a window (a minute of wall time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub span: Duration,
    /// Probes started in the window.
    pub ran: u64,
    /// Of those, started within their tolerance of the due time.
    pub on_time: u64,
    /// Runs that never happened: a whole interval passed while the probe was waiting.
    pub skipped: u64,
    pub worst_late: Duration,
    pub most_in_flight: usize,
    /// The bound on probes in flight when the window closed.
    pub limit: usize,
}

impl Window {
    pub(super) fn started(&mut self, late: Duration, tolerance: Duration, in_flight: usize) {
        self.ran += 1;
        if late <= tolerance {
            self.on_time += 1;
        }
        self.worst_late = self.worst_late.max(late);
        self.most_in_flight = self.most_in_flight.max(in_flight);
    }

    /// Runs due in the window that started on time, out of all that were due (skipped
    /// ones count as due and not on time). 1 when nothing was due.
    pub fn on_schedule(&self) -> f64 {
        let due = self.ran + self.skipped;
        if due == 0 {
            1.0
        } else {
            self.on_time as f64 / due as f64
        }
    }
}
