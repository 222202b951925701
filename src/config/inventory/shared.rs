//! `health: { prometheus: … }`: the team's shared truth, read instead of probing here
//! (ARCHITECTURE "Health from Prometheus").

use super::check::Findings;
use crate::config::locate::Seg;
use crate::health::Span;
use crate::i18n::Said;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SharedYaml {
    pub url: String,
    pub alertmanager: Option<String>,
    pub agent: Option<String>,
    pub refresh: Option<Span>,
    pub timeout: Option<Span>,
}

/// Where the fleet's health is read, how often, and where `r` asks for a probe now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedSource {
    /// Prometheus' base URL (`http://host:port[/prefix]`).
    pub prometheus: String,
    /// Alertmanager's base URL: acknowledgements are its silences.
    pub alertmanager: Option<String>,
    /// The probe agent (`host:port`), for a probe run now.
    pub agent: Option<String>,
    pub refresh: Span,
    pub timeout: Span,
}

pub(super) fn shared(f: &mut Findings<'_>, yaml: Option<SharedYaml>) -> Option<SharedSource> {
    let raw = yaml?;
    let at = |key| [Seg::Key("health"), Seg::Key("prometheus"), Seg::Key(key)];
    // The readers' own parse: what the inventory accepts, the console can dial.
    for (key, url) in [
        ("url", Some(&raw.url)),
        ("alertmanager", raw.alertmanager.as_ref()),
    ] {
        if let Some(url) = url
            && let Err(why) = crate::prometheus::Endpoint::parse(url)
        {
            f.push(&at(key), why);
        }
    }
    if let Some(agent) = &raw.agent
        && !crate::export::is_address(agent)
    {
        let shown = crate::health::exchange::one_line(agent, 64);
        f.push(
            &at("agent"),
            Said::new("finding-inventory-agent-address").text("agent", shown),
        );
    }
    let refresh = raw.refresh.unwrap_or(Span::seconds(15));
    let timeout = raw.timeout.unwrap_or(Span::seconds(10)).min(refresh);
    let second = chrono::TimeDelta::seconds(1);
    if refresh.0 < second {
        f.push(&at("refresh"), Said::new("finding-inventory-refresh"));
    }
    if timeout.0 < chrono::TimeDelta::milliseconds(100) {
        f.push(&at("timeout"), Said::new("finding-inventory-read-timeout"));
    }
    Some(SharedSource {
        prometheus: raw.url,
        alertmanager: raw.alertmanager,
        agent: raw.agent,
        refresh,
        timeout,
    })
}
