//! Which real probe stands for each of the seeds' probes, on an inventory's servers:
//! CTP end to end through the CAS as a client connects (TLS first) with a login; Proxy
//! through the CAS's plain (or STARTTLS) port with a login; Deep straight to the mailbox
//! back end with a login; SelfTest the back end's own port, greeting only.

use super::{Credentials, Endpoint, ProbePlan, TlsMode, Wire};
use crate::config::inventory::{EndpointSpec, Inventory, ResolvedCredentials, TlsKind};
use crate::health::{Probe, ProbeKind, Protocol};

/// One probe of one server, ready to run.
#[derive(Debug, Clone)]
pub struct Target {
    pub server: usize,
    pub probe: Probe,
    pub plan: ProbePlan,
}

/// A probe that cannot run, and why (`check` reports it UNKNOWN).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotRunnable {
    pub server: usize,
    pub probe: Probe,
    pub why: String,
    /// Only the login is missing here: another process that holds it (the agent) can run
    /// the probe.
    pub no_login: bool,
}

/// Why a login probe cannot run without credentials.
const NO_LOGIN: &str = "no probe credentials (see the inventory's credentials)";

/// Every probe of the inventory's fleet, in fleet order.
pub fn targets(
    inventory: &Inventory,
    credentials: Option<&ResolvedCredentials>,
) -> (Vec<Target>, Vec<NotRunnable>) {
    let mut ready = Vec::new();
    let mut not = Vec::new();
    for (index, entry) in inventory.servers.iter().enumerate() {
        for probe in Probe::all().filter(|p| entry.server.role.runs(p.role())) {
            let endpoints = entry.endpoints.of(probe.protocol);
            match plan(endpoints, probe, credentials, inventory) {
                Ok(plan) => ready.push(Target {
                    server: index,
                    probe,
                    plan,
                }),
                Err(why) => not.push(NotRunnable {
                    server: index,
                    probe,
                    no_login: why == NO_LOGIN,
                    why,
                }),
            }
        }
    }
    (ready, not)
}

fn plan(
    endpoints: &[EndpointSpec],
    probe: Probe,
    credentials: Option<&ResolvedCredentials>,
    inventory: &Inventory,
) -> Result<ProbePlan, String> {
    let implicit = endpoints.iter().find(|e| e.tls == TlsKind::Implicit);
    let plain = endpoints.iter().find(|e| e.tls != TlsKind::Implicit);
    let chosen = match probe.kind {
        ProbeKind::Ctp => implicit.or(plain),
        _ => plain.or(implicit),
    };
    let protocol = probe.protocol.label();
    let Some(spec) = chosen else {
        return Err(format!("no {protocol} endpoint in the inventory"));
    };
    let login = probe.kind != ProbeKind::SelfTest;
    let wire = match (login, probe.protocol) {
        (false, _) => Wire::Tcp,
        (true, Protocol::Imap) => Wire::Imap,
        (true, Protocol::Pop) => Wire::Pop3,
    };
    let credentials = match (login, credentials) {
        (false, _) => None,
        (true, Some(c)) => Some(Credentials {
            user: c.user.clone(),
            password: c.password.clone(),
        }),
        (true, None) => {
            return Err(NO_LOGIN.to_owned());
        }
    };
    Ok(ProbePlan {
        wire,
        endpoint: endpoint(spec),
        credentials,
        timeout: inventory.probes.timeout_duration(),
    })
}

pub fn endpoint(spec: &EndpointSpec) -> Endpoint {
    Endpoint {
        host: spec.host.clone(),
        port: spec.port,
        tls: match spec.tls {
            TlsKind::None => TlsMode::None,
            TlsKind::Starttls => TlsMode::StartTls,
            TlsKind::Implicit => TlsMode::Implicit,
        },
        server_name: spec.server_name.clone(),
    }
}
