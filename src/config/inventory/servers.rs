//! The checks of `servers:`: names, sites, endpoints and monitoring mailboxes.

use super::check::Findings;
use super::names::{SITE, check_host, check_label, check_server_name, printable};
use super::spec::{EndpointYaml, ServerYaml, TlsKind};
use super::transport::{PwshYaml, transport};
use super::{EndpointSpec, Endpoints, InventoryServer};
use crate::config::locate::Seg;
use crate::health::{Role, Server};
use crate::i18n::Said;
use crate::runbook::RecoveryAction;
use crate::runbook::platform::Platform;
use std::collections::HashMap;
use std::path::Path;

/// The longest site: it sits in a grid column.
const MAX_SITE: usize = 32;

/// What every server's checks need of the rest of the inventory.
pub(super) struct Context<'y> {
    pub platform: Platform,
    pub pwsh: Option<&'y PwshYaml>,
    /// The inventory's folder: relative paths start there.
    pub dir: &'y Path,
    /// Exchange's own verdict watches every server: endpoints for healthdeck's own probes
    /// are then optional.
    pub exchange_watches: bool,
}

pub(super) fn servers(
    f: &mut Findings<'_>,
    yaml: Vec<ServerYaml>,
    context: &Context<'_>,
) -> Vec<InventoryServer> {
    if yaml.is_empty() {
        f.push(
            &[Seg::Key("servers")],
            Said::new("finding-inventory-no-servers"),
        );
    }
    let mut servers: Vec<InventoryServer> = Vec::with_capacity(yaml.len());
    // Each server by its name without case: the checks stay linear in the fleet's size.
    let mut by_name: HashMap<String, usize> = HashMap::with_capacity(yaml.len());
    for (i, raw) in yaml.into_iter().enumerate() {
        let at = |key| [Seg::Key("servers"), Seg::Index(i), Seg::Key(key)];
        if f.check(&at("name"), check_server_name(&raw.name))
            && let Some(first) = by_name
                .get(&raw.name.to_ascii_lowercase())
                .map(|&j| &servers[j])
        {
            // Confirmations type the name case-insensitively: both would match.
            let said = Said::new("finding-inventory-server-twice")
                .text("server", &raw.name)
                .text("first", &first.server.name);
            f.push(&at("name"), said);
        }
        f.check(&at("site"), check_label(&raw.site, &SITE, MAX_SITE));
        let endpoints = Endpoints {
            imap: endpoints(f, &raw.imap, i, "imap", (143, 993)),
            pop3: endpoints(f, &raw.pop3, i, "pop3", (110, 995)),
        };
        if raw.imap.is_empty() && raw.pop3.is_empty() && !context.exchange_watches {
            let said =
                Said::new("finding-inventory-no-endpoint").text("server", printable(&raw.name));
            f.push(&[Seg::Key("servers"), Seg::Index(i)], said);
        }
        by_name.entry(raw.name.to_ascii_lowercase()).or_insert(i);
        let commands = commands(f, &raw.commands, i);
        let transport = transport(
            f,
            (i, &raw.name),
            raw.transport,
            raw.ssh,
            context.pwsh,
            context.platform,
            context.dir,
        );
        servers.push(InventoryServer {
            server: Server {
                name: raw.name,
                role: raw.role,
                site: raw.site,
            },
            endpoints,
            commands,
            transport,
            monitoring_mailbox: raw.monitoring_mailbox,
        });
    }
    // Exact names, as `monitoring_mailbox` is matched at run time; the first of a name.
    let mut role_of: HashMap<&str, Role> = HashMap::with_capacity(servers.len());
    for server in &servers {
        role_of
            .entry(server.server.name.as_str())
            .or_insert(server.server.role);
    }
    for (i, server) in servers.iter().enumerate() {
        if let Some(mailbox) = &server.monitoring_mailbox {
            let at = [
                Seg::Key("servers"),
                Seg::Index(i),
                Seg::Key("monitoring_mailbox"),
            ];
            let role = role_of.get(mailbox.as_str()).copied();
            let problem = if server.server.role.runs(Role::Cas) {
                match role {
                    None => Some(
                        Said::new("finding-inventory-mailbox-unknown")
                            .text("server", printable(mailbox)),
                    ),
                    Some(role) if !role.runs(Role::Mailbox) => Some(
                        Said::new("finding-inventory-mailbox-not-mailbox")
                            .text("server", mailbox)
                            .text("role", role.label()),
                    ),
                    Some(_) => None,
                }
            } else {
                Some(Said::new("finding-inventory-mailbox-not-cas"))
            };
            if let Some(problem) = problem {
                f.push(&at, problem);
            }
        }
    }
    servers
}

/// One protocol's endpoints of server `i`; `ports`: the defaults (plain, implicit TLS).
fn endpoints(
    f: &mut Findings<'_>,
    yaml: &[EndpointYaml],
    i: usize,
    key: &'static str,
    ports: (u16, u16),
) -> Vec<EndpointSpec> {
    let mut out: Vec<EndpointSpec> = Vec::with_capacity(yaml.len());
    for (j, raw) in yaml.iter().enumerate() {
        let at = |field| {
            [
                Seg::Key("servers"),
                Seg::Index(i),
                Seg::Key(key),
                Seg::Index(j),
                Seg::Key(field),
            ]
        };
        f.check(&at("host"), check_host(&raw.host));
        let implicit = raw.tls == TlsKind::Implicit;
        let port = match raw.port {
            None if implicit => ports.1,
            None => ports.0,
            Some(port) => u16::try_from(port)
                .ok()
                .filter(|p| *p > 0)
                .unwrap_or_else(|| {
                    let said = Said::new("finding-inventory-port").text("port", port.to_string());
                    f.push(&at("port"), said);
                    0
                }),
        };
        if let Some(name) = &raw.server_name {
            if raw.tls == TlsKind::None {
                f.push(
                    &at("server_name"),
                    Said::new("finding-inventory-server-name-plain"),
                );
            } else {
                f.check(&at("server_name"), check_host(name));
            }
        }
        if out.iter().any(|e| (e.tls == TlsKind::Implicit) == implicit) {
            let said = Said::new(if implicit {
                "finding-inventory-second-implicit"
            } else {
                "finding-inventory-second-plain"
            });
            f.push(&at("tls"), said);
        }
        out.push(EndpointSpec {
            host: raw.host.clone(),
            port,
            tls: raw.tls,
            server_name: raw.server_name.clone(),
        });
    }
    out
}

/// `commands:` of a server: known actions, each a non-empty argv of printable words.
fn commands(
    f: &mut Findings<'_>,
    raw: &std::collections::BTreeMap<String, Vec<String>>,
    i: usize,
) -> Vec<(RecoveryAction, Vec<String>)> {
    let mut out = Vec::new();
    for (action, argv) in raw {
        let at = [
            Seg::Key("servers"),
            Seg::Index(i),
            Seg::Key("commands"),
            Seg::Key(action),
        ];
        let Ok(known) = RecoveryAction::try_from(action.clone()) else {
            let said =
                Said::new("finding-inventory-unknown-action").text("action", printable(action));
            f.push(&at, said);
            continue;
        };
        if argv.is_empty() || argv[0].is_empty() {
            f.push(&at, Said::new("finding-inventory-command-empty"));
            continue;
        }
        // Each word is one argument: no shell reads it, so only control characters (which
        // no argument needs and a terminal would act on) are refused.
        if let Some(word) = argv.iter().find(|w| w.chars().any(char::is_control)) {
            let said = Said::new("finding-inventory-command-control").text("word", printable(word));
            f.push(&at, said);
            continue;
        }
        out.push((known, argv.clone()));
    }
    out
}
