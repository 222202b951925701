//! `healthdeck agent`: healthdeck's own probes served the Prometheus way, as
//! blackbox_exporter serves its own (the multi-target pattern): `GET
//! /probe?server=<name>&probe=<ProbeName>` runs that probe now and answers its metrics;
//! `GET /metrics` answers the agent's. Headless; at most `in_flight` probes at once (503
//! past it); connections kept open between scrapes (`connection.rs`), at most
//! `MOST_CONNECTIONS`; SIGTERM and SIGINT stop it taking requests, let running probes
//! finish and close idle connections at once.
//! The probes' login is in their plans, never in a label, a log line or an error.

mod connection;
mod exposition;
mod http;

use crate::cli::AgentArgs;
use crate::config::inventory::Inventory;
use crate::health::Monitor;
use crate::runtime::probe::{ProbePlan, TlsSetup, probe};
use crate::runtime::prober;
use connection::{Connection, Next};
use exposition::{AgentCounts, ProbeLabels};
use http::{Request, Response};
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::{Semaphore, watch};

/// Open connections at most; past it a connection is answered 503 and closed. Under the
/// usual 1,024 open files, with room for the probes' own sockets.
const MOST_CONNECTIONS: usize = 512;

/// Connections kept open between scrapes at most: past it a new connection is answered
/// once and closed, never refused. Prometheus may keep up to 1,000 idle connections to one
/// host; a large fleet's scrapes must not fail because it does.
const MOST_KEPT: usize = 256;

/// One probe the agent can run.
struct Servable {
    plan: ProbePlan,
    role: &'static str,
    site: String,
    health_set: &'static str,
}

/// What the agent serves, and what it counts.
struct Agent {
    /// By (server, probe name).
    probes: HashMap<(String, &'static str), Servable>,
    /// Why a probe cannot run on a server, by (server, probe name).
    not_runnable: HashMap<(String, &'static str), String>,
    servers: Vec<String>,
    tls: Arc<TlsSetup>,
    permits: Semaphore,
    counts: Mutex<AgentCounts>,
}

pub fn run(args: &AgentArgs) -> ExitCode {
    match prepare(args) {
        Ok((agent, runtime)) => runtime.block_on(serve(args, agent)),
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "healthdeck agent: {message}");
            ExitCode::from(crate::launch::EXIT_USAGE)
        }
    }
}

fn prepare(args: &AgentArgs) -> Result<(Arc<Agent>, tokio::runtime::Runtime), String> {
    let Some(path) = &args.inventory else {
        return Err("no inventory (--inventory FILE or HEALTHDECK_INVENTORY)".to_owned());
    };
    let inventory = Inventory::load(path).map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        lines.join("\n")
    })?;
    let probing = prober::prepare(&inventory)?;
    let name = |i: usize| inventory.servers[i].server.name.clone();
    let probes = probing
        .targets
        .iter()
        .map(|(target, _)| {
            let server = &inventory.servers[target.server].server;
            let servable = Servable {
                plan: target.plan.clone(),
                role: server.role.label(),
                site: server.site.clone(),
                health_set: Monitor::judging(target.probe).health_set().name(),
            };
            ((name(target.server), target.probe.name()), servable)
        })
        .collect();
    let not_runnable = probing
        .not_runnable
        .iter()
        .map(|n| ((name(n.server), n.probe.name()), n.why.clone()))
        .collect();
    let started_at = crate::runtime::FleetClock::new(1.0).now().timestamp();
    let agent = Agent {
        probes,
        not_runnable,
        servers: inventory
            .servers
            .iter()
            .map(|s| s.server.name.clone())
            .collect(),
        tls: Arc::clone(&probing.tls),
        permits: Semaphore::new(args.in_flight.clamp(1, probing.ceiling.max(1))),
        counts: Mutex::new(AgentCounts {
            started_at,
            ..AgentCounts::default()
        }),
    };
    // One thread, as the console's prober: probes wait on sockets, and two workers cost
    // the agent a futex and an eventfd wake-up or more per probe handing tasks across.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    Ok((Arc::new(agent), runtime))
}

async fn serve(args: &AgentArgs, agent: Arc<Agent>) -> ExitCode {
    let listener = match TcpListener::bind(&args.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "healthdeck agent: cannot listen on {}: {e}",
                args.listen
            );
            return ExitCode::from(crate::launch::EXIT_USAGE);
        }
    };
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        let _ = writeln!(std::io::stderr(), "healthdeck agent: cannot watch signals");
        return ExitCode::FAILURE;
    };
    let bound = listener
        .local_addr()
        .map_or_else(|_| args.listen.clone(), |a| a.to_string());
    let _ = writeln!(
        std::io::stderr(),
        "healthdeck agent: listening on {bound}: {} probes of {} servers",
        agent.probes.len(),
        agent.servers.len()
    );
    let (stop, stopping) = watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                // Ended tasks not yet reaped count too: the bound errs on the safe side.
                if connections.len() >= MOST_CONNECTIONS {
                    refuse(&agent, &stream);
                } else {
                    let keep = connections.len() < MOST_KEPT;
                    connections.spawn(handle(stream, Arc::clone(&agent), stopping.clone(), keep));
                }
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            _ = term.recv() => break,
            _ = int.recv() => break,
        }
    }
    // No new connections; idle ones close now, requests running end within their probe's
    // timeout and answer `Connection: close`.
    drop(listener);
    stop.send_replace(true);
    while connections.join_next().await.is_some() {}
    let _ = writeln!(std::io::stderr(), "healthdeck agent: stopped");
    ExitCode::SUCCESS
}

/// One connection's requests, answered in turn until either side closes it.
/// `keep`: the connection may stay open after its first answer.
async fn handle(
    stream: TcpStream,
    agent: Arc<Agent>,
    mut stopping: watch::Receiver<bool>,
    keep: bool,
) {
    let mut connection = Connection::new(stream);
    loop {
        let (response, keep_alive) = match connection.next(&mut stopping).await {
            Next::Closed => return,
            Next::Refused(response) => (response, false),
            Next::Request(request) => {
                let response = answer(&agent, &request).await;
                (
                    response,
                    keep && request.keep_alive && connection.may_continue(),
                )
            }
        };
        count(&agent, response.code);
        // Stopping: this answer is the connection's last.
        let keep_alive = keep_alive && !*stopping.borrow();
        // A client that went away is no news.
        if connection.answer(&response, keep_alive).await.is_err() || !keep_alive {
            return;
        }
    }
}

/// Past `MOST_CONNECTIONS`: a 503 if the socket takes it at once, never waiting for it.
fn refuse(agent: &Agent, stream: &TcpStream) {
    let busy = Response::error(503, "too many connections: try again");
    let _ = stream.try_write(&http::render(&busy, false));
    count(agent, busy.code);
}

fn count(agent: &Agent, code: u16) {
    if let Ok(mut counts) = agent.counts.lock() {
        *counts.responses.entry(code).or_default() += 1;
    }
}

async fn answer(agent: &Agent, request: &Request) -> Response {
    if request.method != "GET" {
        return Response::error(405, "only GET is served");
    }
    match request.path.as_str() {
        "/metrics" => match agent.counts.lock() {
            Ok(counts) => Response::metrics(exposition::agent(&counts)),
            Err(_) => Response::error(503, "the agent's counts are unreadable"),
        },
        "/probe" => probe_now(agent, request).await,
        _ => Response::error(404, "not found: /probe?server=NAME&probe=NAME or /metrics"),
    }
}

/// `/probe`: the named probe of the named server, run now.
async fn probe_now(agent: &Agent, request: &Request) -> Response {
    let (server, name) = match params(agent, request) {
        Ok(found) => found,
        Err(why) => return Response::error(400, why),
    };
    let Some(servable) = agent.probes.get(&(server.clone(), name)) else {
        let why = agent
            .not_runnable
            .get(&(server.clone(), name))
            .map_or("its role does not run it", String::as_str);
        return Response::error(400, format!("{name} cannot run on {server}: {why}"));
    };
    let Ok(_permit) = agent.permits.try_acquire() else {
        return Response::error(503, "too many probes in flight: try again");
    };
    if let Ok(mut counts) = agent.counts.lock() {
        counts.in_flight += 1;
    }
    let outcome = probe(&servable.plan, &agent.tls).await;
    if let Ok(mut counts) = agent.counts.lock() {
        counts.in_flight -= 1;
        if outcome.succeeded {
            counts.succeeded += 1;
        } else {
            counts.failed += 1;
        }
    }
    let labels = ProbeLabels {
        server: &server,
        role: servable.role,
        site: &servable.site,
        health_set: servable.health_set,
        probe: name,
    };
    Response::metrics(exposition::probe(&labels, &outcome))
}

/// `server` and `probe`, both known; anything else in the query is a mistake said back.
fn params(agent: &Agent, request: &Request) -> Result<(String, &'static str), String> {
    let (mut server, mut probe) = (None, None);
    for (name, value) in &request.query {
        match name.as_str() {
            "server" => server = Some(value.as_str()),
            "probe" => probe = Some(value.as_str()),
            other => {
                return Err(format!(
                    "unknown parameter `{}`: give server and probe",
                    http::printable(other)
                ));
            }
        }
    }
    let server = server.ok_or("no `server` parameter")?;
    let probe = probe.ok_or("no `probe` parameter")?;
    let known = agent
        .servers
        .iter()
        .find(|s| s.eq_ignore_ascii_case(server))
        .ok_or_else(|| format!("no server `{}` in the inventory", http::printable(server)))?;
    let name = crate::health::Probe::all()
        .map(crate::health::Probe::name)
        .find(|n| *n == probe)
        .ok_or_else(|| {
            let names: Vec<&str> = crate::health::Probe::all()
                .map(crate::health::Probe::name)
                .collect();
            format!(
                "no probe `{}`: one of {}",
                http::printable(probe),
                names.join(", ")
            )
        })?;
    Ok((known.clone(), name))
}
