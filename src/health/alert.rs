//! Alert values and the worst-of roll-up (ARCHITECTURE "Alert values and roll-up").

use serde::{Deserialize, Serialize};

/// What a monitor says about its component, as Managed Availability names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertValue {
    Unhealthy,
    Repairing,
    Degraded,
    Unknown,
    Healthy,
    Disabled,
}

impl AlertValue {
    /// Every value, worst first, in status-bar order.
    pub const ALL: [AlertValue; 6] = [
        AlertValue::Unhealthy,
        AlertValue::Repairing,
        AlertValue::Degraded,
        AlertValue::Unknown,
        AlertValue::Healthy,
        AlertValue::Disabled,
    ];

    /// Lower is worse. `None` for Disabled: it takes no part in roll-ups.
    pub fn severity(self) -> Option<u8> {
        match self {
            AlertValue::Unhealthy => Some(0),
            AlertValue::Repairing => Some(1),
            AlertValue::Degraded => Some(2),
            AlertValue::Unknown => Some(3),
            AlertValue::Healthy => Some(4),
            AlertValue::Disabled => None,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The word shown in wide cells.
    pub fn word(self) -> &'static str {
        match self {
            AlertValue::Unhealthy => "Unhealthy",
            AlertValue::Repairing => "Repairing",
            AlertValue::Degraded => "Degraded",
            AlertValue::Unknown => "Unknown",
            AlertValue::Healthy => "Healthy",
            AlertValue::Disabled => "Disabled",
        }
    }

    /// The four-letter word shown below 120 columns.
    pub fn short_word(self) -> &'static str {
        match self {
            AlertValue::Unhealthy => "UNHL",
            AlertValue::Repairing => "REPR",
            AlertValue::Degraded => "DEGR",
            AlertValue::Unknown => "UNKN",
            AlertValue::Healthy => "OK",
            AlertValue::Disabled => "OFF",
        }
    }

    /// True for the values an on-call engineer must look at.
    pub fn is_problem(self) -> bool {
        matches!(
            self,
            AlertValue::Unhealthy | AlertValue::Degraded | AlertValue::Repairing
        )
    }
}

/// Worst of the given values. Disabled values are left out; `None` when nothing is left
/// (all disabled) or the iterator is empty.
pub fn roll_up(values: impl IntoIterator<Item = AlertValue>) -> Option<AlertValue> {
    values
        .into_iter()
        .filter_map(|v| v.severity().map(|s| (s, v)))
        .min_by_key(|(s, _)| *s)
        .map(|(_, v)| v)
}
