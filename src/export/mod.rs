//! `healthdeck export …`: configuration for other tools, made from the inventory so that
//! they and healthdeck never disagree (ARCHITECTURE "Prometheus export"). Loading and
//! writing live here; what is written is made in `prometheus`, which does no I/O.

pub mod prometheus;

use crate::cli::{ExportTool, ExportToolArgs, PrometheusExportArgs};
use crate::config::inventory::Inventory;
use crate::runtime::prober;
use prometheus::{ExportServer, PrometheusPlan};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(args: &ExportToolArgs) -> ExitCode {
    match &args.command {
        ExportTool::Prometheus(args) => match export_prometheus(args) {
            Ok(paths) => {
                let mut out = std::io::stdout().lock();
                for path in paths {
                    let _ = writeln!(out, "{}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(message) => {
                let _ = writeln!(std::io::stderr(), "healthdeck export prometheus: {message}");
                ExitCode::from(crate::launch::EXIT_USAGE)
            }
        },
    }
}

fn export_prometheus(args: &PrometheusExportArgs) -> Result<Vec<PathBuf>, String> {
    let Some(path) = &args.inventory else {
        return Err("no inventory (--inventory FILE or HEALTHDECK_INVENTORY)".to_owned());
    };
    let agent = address("--agent", &args.agent)?;
    let alertmanager = args
        .alertmanager
        .as_deref()
        .map(|a| address("--alertmanager", a))
        .transpose()?;
    let inventory = Inventory::load(path).map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
        lines.join("\n")
    })?;
    let plan = plan(&inventory, agent, alertmanager)?;
    let files = plan.render()?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let mut written = Vec::new();
    for (name, text) in [
        (prometheus::PROMETHEUS_FILE, &files.prometheus),
        (prometheus::RULES_FILE, &files.rules),
        (prometheus::ALERTMANAGER_FILE, &files.alertmanager),
        (prometheus::TESTS_FILE, &files.tests),
    ] {
        written.push(write_whole(&args.out, name, text)?);
    }
    Ok(written)
}

/// The plan of an inventory: the agent's own choice of probes (`prober::prepare`, as
/// `healthdeck agent` makes it), so every scrape target is one the agent serves.
pub fn plan(
    inventory: &Inventory,
    agent: String,
    alertmanager: Option<String>,
) -> Result<PrometheusPlan, String> {
    let probing = prober::prepare(inventory)?;
    // A probe without an endpoint runs nowhere; one whose login is not set here runs in the
    // agent, which holds its own (the export is often made where the secret is not).
    let (unservable, login_elsewhere): (Vec<_>, Vec<_>) =
        probing.not_runnable.iter().partition(|n| !n.no_login);
    if let Some(first) = unservable.first() {
        let _ = writeln!(
            std::io::stderr(),
            "healthdeck export prometheus: {} probes cannot run and are not scraped: {}",
            unservable.len(),
            first.why
        );
    }
    Ok(PrometheusPlan {
        agent,
        alertmanager,
        servers: inventory
            .servers
            .iter()
            .map(|s| ExportServer {
                name: s.server.name.clone(),
                role: s.server.role,
                site: s.server.site.clone(),
            })
            .collect(),
        targets: probing
            .targets
            .iter()
            .map(|(t, _)| (t.server, t.probe))
            .chain(login_elsewhere.iter().map(|n| (n.server, n.probe)))
            .collect(),
        policies: inventory.policies(),
        timeout: inventory.probes.timeout.0,
    })
}

/// `host:port` (an IPv6 host in brackets) for Prometheus to dial; `flag` names it in the
/// error.
pub(crate) fn address(flag: &str, value: &str) -> Result<String, String> {
    if is_address(value) {
        return Ok(value.to_owned());
    }
    Err(format!(
        "{flag} `{}` is not HOST:PORT (e.g. 127.0.0.1:9141)",
        crate::health::exchange::one_line(value, 64)
    ))
}

/// Whether `value` is `host:port` (an IPv6 host in brackets); the inventory's
/// `health.prometheus.agent` is checked by it too.
pub(crate) fn is_address(value: &str) -> bool {
    let Some((host, port)) = value.rsplit_once(':') else {
        return false;
    };
    let host = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) if v6.parse::<std::net::Ipv6Addr>().is_err() => return false,
        Some(v6) => v6,
        None => host,
    };
    port.parse::<u16>().is_ok_and(|p| p > 0) && crate::command::quote::check_host(host).is_ok()
}

/// A file replaced whole or not at all: written beside it, then renamed over it.
fn write_whole(dir: &Path, name: &str, text: &str) -> Result<PathBuf, String> {
    let path = dir.join(name);
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, &path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("cannot write {}: {e}", path.display()));
    }
    Ok(path)
}
