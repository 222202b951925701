//! `transport:` and `ssh:` of a server, `pwsh:` and `guardrails:` of the inventory: where
//! steps run and how hard they are throttled.

use super::check::Findings;
use super::names::{check_host, check_user, printable};
use crate::command::transport::{PwshTarget, SshTarget, Transport};
use crate::config::locate::Seg;
use crate::exec::guardrails::Limits;
use crate::i18n::Said;
use crate::runbook::platform::Platform;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TransportKind {
    Local,
    Ssh,
    Pwsh,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SshYaml {
    /// Default: the server's name.
    pub host: Option<String>,
    pub user: Option<String>,
    pub port: Option<i64>,
    /// An ssh_config file (`ssh -F`), relative to the inventory's folder.
    pub config: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PwshYaml {
    /// The Exchange server whose `/PowerShell` endpoint sessions open (default: the
    /// step's server).
    pub session_host: Option<String>,
    /// The PowerShell 7 binary, when it is not `pwsh` on PATH.
    pub program: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GuardrailsYaml {
    /// Where locks and restart budgets live; share it between consoles (default: the
    /// state directory, `$XDG_STATE_HOME/healthdeck`).
    pub state_dir: Option<String>,
    pub restarts_per_hour: Option<u32>,
    pub restarts_per_day: Option<u32>,
}

/// The inventory's `guardrails:` (locks and budgets), as checked; the runtime's is
/// `runtime::guarded::Guardrails`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GuardrailsConfig {
    pub state_dir: Option<PathBuf>,
    /// Service restarts per server an hour and a day (default: Managed Availability's).
    pub restarts: Limits,
}

/// `pwsh:`: the session host is a host name, the binary a path a terminal can show.
pub(super) fn pwsh(f: &mut Findings<'_>, raw: Option<&PwshYaml>) {
    let at = |key| [Seg::Key("pwsh"), Seg::Key(key)];
    if let Some(host) = raw.and_then(|p| p.session_host.as_deref()) {
        f.check(&at("session_host"), check_host(host));
    }
    if let Some(program) = raw.and_then(|p| p.program.as_deref())
        && (program.is_empty() || program.chars().any(char::is_control))
    {
        f.push(&at("program"), Said::new("finding-inventory-pwsh-program"));
    }
}

pub(super) fn guardrails(
    f: &mut Findings<'_>,
    raw: GuardrailsYaml,
    dir: &Path,
) -> GuardrailsConfig {
    let defaults = Limits::default();
    let hour = raw.restarts_per_hour.unwrap_or(defaults.per_hour);
    let day = raw.restarts_per_day.unwrap_or(defaults.per_day);
    if hour > day {
        let said = Said::new("finding-inventory-restarts")
            .count("hour", hour)
            .count("day", day);
        f.push(
            &[Seg::Key("guardrails"), Seg::Key("restarts_per_hour")],
            said,
        );
    }
    GuardrailsConfig {
        state_dir: raw.state_dir.map(|d| dir.join(d)),
        restarts: Limits {
            per_hour: hour,
            per_day: day,
        },
    }
}

/// Server `i`'s transport: `local` (default on linux), `ssh`, or `pwsh` (Exchange).
pub(super) fn transport(
    f: &mut Findings<'_>,
    at: (usize, &str),
    kind: Option<TransportKind>,
    ssh: Option<SshYaml>,
    pwsh: Option<&PwshYaml>,
    platform: Platform,
    dir: &Path,
) -> Transport {
    let (i, name) = at;
    let field = |key| [Seg::Key("servers"), Seg::Index(i), Seg::Key(key)];
    let kind = kind.unwrap_or(match (platform, &ssh) {
        (Platform::Exchange, _) => TransportKind::Pwsh,
        (_, Some(_)) => TransportKind::Ssh,
        _ => TransportKind::Local,
    });
    match (platform, kind) {
        (Platform::Exchange, TransportKind::Local | TransportKind::Ssh) => f.push(
            &field("transport"),
            Said::new("finding-inventory-exchange-transport"),
        ),
        (Platform::Linux | Platform::Training, TransportKind::Pwsh) => f.push(
            &field("transport"),
            Said::new("finding-inventory-linux-pwsh"),
        ),
        _ => {}
    }
    if ssh.is_some() && kind != TransportKind::Ssh {
        f.push(&field("ssh"), Said::new("finding-inventory-ssh-unused"));
    }
    match kind {
        TransportKind::Local => Transport::Local,
        TransportKind::Pwsh => {
            let host = pwsh.and_then(|p| p.session_host.clone());
            let program = pwsh.and_then(|p| p.program.clone());
            Transport::Pwsh(PwshTarget {
                session_host: host.unwrap_or_else(|| name.to_owned()),
                program: program.unwrap_or_else(|| crate::command::pwsh::PWSH.to_owned()),
            })
        }
        TransportKind::Ssh => Transport::Ssh(ssh_target(f, i, name, ssh.unwrap_or_default(), dir)),
    }
}

fn ssh_target(f: &mut Findings<'_>, i: usize, name: &str, raw: SshYaml, dir: &Path) -> SshTarget {
    let at = |key| {
        [
            Seg::Key("servers"),
            Seg::Index(i),
            Seg::Key("ssh"),
            Seg::Key(key),
        ]
    };
    if let Some(host) = &raw.host {
        f.check(&at("host"), check_host(host));
    }
    if let Some(user) = &raw.user {
        f.check(&at("user"), check_user(user));
    }
    let port = raw.port.and_then(|port| {
        let ok = u16::try_from(port).ok().filter(|p| *p > 0);
        if ok.is_none() {
            let said = Said::new("finding-inventory-port").text("port", port.to_string());
            f.push(&at("port"), said);
        }
        ok
    });
    let config = raw.config.map(|c| dir.join(c));
    if let Some(path) = &config
        && !path.is_file()
    {
        let shown_path = printable(&path.display().to_string());
        let said = Said::new("finding-inventory-ssh-config").text("path", shown_path);
        f.push(&at("config"), said);
    }
    SshTarget {
        host: raw.host.unwrap_or_else(|| name.to_owned()),
        user: raw.user,
        port,
        config,
        control_dir: None,
    }
}
