//! `health: { managed_availability: … }`: Exchange's own verdict, polled through pwsh
//! (ARCHITECTURE "Exchange's own verdict").

use super::check::Findings;
use crate::config::locate::Seg;
use crate::health::Span;
use crate::i18n::Said;
use crate::runbook::platform::Platform;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HealthYaml {
    pub managed_availability: Option<ManagedYaml>,
    pub prometheus: Option<super::shared::SharedYaml>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ManagedYaml {
    pub interval: Option<Span>,
    pub timeout: Option<Span>,
    pub in_flight: Option<u64>,
}

/// How often each server is polled, how long a poll may take, how many run at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManagedAvailability {
    pub interval: Span,
    /// A poll opens a session and imports two cmdlets: seconds, not milliseconds.
    pub timeout: Span,
    pub in_flight: usize,
}

impl Default for ManagedAvailability {
    fn default() -> Self {
        ManagedAvailability {
            interval: Span::seconds(60),
            timeout: Span::seconds(45),
            in_flight: 8,
        }
    }
}

/// A management host runs every poll's pwsh: more at once would only queue there.
const MAX_IN_FLIGHT: u64 = 256;

pub(super) fn managed(
    f: &mut Findings<'_>,
    yaml: Option<ManagedYaml>,
    platform: Platform,
) -> Option<ManagedAvailability> {
    let raw = yaml?;
    let at = |key| {
        [
            Seg::Key("health"),
            Seg::Key("managed_availability"),
            Seg::Key(key),
        ]
    };
    if platform != Platform::Exchange {
        f.push(
            &[Seg::Key("health"), Seg::Key("managed_availability")],
            Said::new("finding-inventory-managed-not-exchange"),
        );
    }
    let default = ManagedAvailability::default();
    let interval = raw.interval.unwrap_or(default.interval);
    let timeout = raw.timeout.unwrap_or(default.timeout.min(interval));
    // Each poll starts pwsh and opens a session: nothing under a second makes sense.
    let second = chrono::TimeDelta::seconds(1);
    if interval.0 < second {
        f.push(
            &at("interval"),
            Said::new("finding-inventory-poll-interval"),
        );
    }
    if timeout.0 < second {
        f.push(&at("timeout"), Said::new("finding-inventory-poll-timeout"));
    } else if timeout > interval {
        let said = Said::new("finding-inventory-poll-timeout-long")
            .text("timeout", timeout.to_string())
            .text("interval", interval.to_string());
        f.push(&at("timeout"), said);
    }
    if raw
        .in_flight
        .is_some_and(|n| !(1..=MAX_IN_FLIGHT).contains(&n))
    {
        let said = Said::new("finding-inventory-polls-in-flight").count("max", MAX_IN_FLIGHT);
        f.push(&at("in_flight"), said);
    }
    Some(ManagedAvailability {
        interval,
        timeout,
        in_flight: raw
            .in_flight
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(default.in_flight),
    })
}
