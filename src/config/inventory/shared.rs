//! `health: { prometheus: … }`: the team's shared truth, read instead of probing here
//! (ARCHITECTURE "Health from Prometheus").

use super::check::Findings;
use crate::config::locate::Seg;
use crate::health::Span;
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
    for (key, url) in [
        ("url", Some(&raw.url)),
        ("alertmanager", raw.alertmanager.as_ref()),
    ] {
        if let Some(url) = url
            && let Err(why) = check_url(url)
        {
            f.push(&at(key), why);
        }
    }
    if let Some(agent) = &raw.agent
        && agent.parse::<std::net::SocketAddr>().is_err()
        && !host_port(agent)
    {
        f.push(
            &at("agent"),
            "the agent is HOST:PORT, as `healthdeck agent --listen` takes it",
        );
    }
    let refresh = raw.refresh.unwrap_or(Span::seconds(15));
    let timeout = raw.timeout.unwrap_or(Span::seconds(10)).min(refresh);
    let second = chrono::TimeDelta::seconds(1);
    if refresh.0 < second {
        f.push(&at("refresh"), "a refresh must be 1s or more");
    }
    if timeout.0 < chrono::TimeDelta::milliseconds(100) {
        f.push(&at("timeout"), "a timeout must be 100ms or more");
    }
    Some(SharedSource {
        prometheus: raw.url,
        alertmanager: raw.alertmanager,
        agent: raw.agent,
        refresh,
        timeout,
    })
}

/// Plain `http://host:port[/path]`: what the readers speak.
fn check_url(url: &str) -> Result<(), String> {
    if url.starts_with("https://") {
        return Err(
            "https is not supported yet: reach it through http on a trusted network \
                    or a local TLS proxy"
                .to_owned(),
        );
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return Err(format!(
            "`{}` is not an http:// URL",
            super::names::printable(url)
        ));
    };
    let authority = rest.split('/').next().unwrap_or_default();
    if host_port(authority) {
        Ok(())
    } else {
        Err(format!(
            "`{}` needs a host and a port (http://HOST:PORT)",
            super::names::printable(url)
        ))
    }
}

fn host_port(text: &str) -> bool {
    let Some((host, port)) = text.rsplit_once(':') else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
        && port.parse::<u16>().is_ok_and(|p| p > 0)
}
