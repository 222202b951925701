//! When a monitor's probe really ran: the drill-down's real interval and lateness, from
//! the prober's reports (ARCHITECTURE "Keeping the schedule").

use super::fleet::ProbeReport;
use chrono::{DateTime, TimeDelta, Utc};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cadence {
    /// When the last result's probe started (its end less its latency).
    pub ran: Option<DateTime<Utc>>,
    /// Between the last two starts: the interval the monitor really got.
    pub gap: Option<TimeDelta>,
    /// How long after it was due the last one started.
    pub late: TimeDelta,
}

impl Cadence {
    pub fn observe(&mut self, report: &ProbeReport) {
        let ran = report.at - TimeDelta::milliseconds(i64::from(report.latency_ms));
        if let Some(before) = self.ran
            && ran > before
        {
            self.gap = Some(ran - before);
        }
        self.ran = Some(ran);
        self.late = TimeDelta::milliseconds(i64::from(report.late_ms));
    }
}
