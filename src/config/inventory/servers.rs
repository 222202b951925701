//! The checks of `servers:`: names, sites, endpoints and monitoring mailboxes.

use super::check::Findings;
use super::names::{check_host, check_label, check_server_name, printable};
use super::spec::{EndpointYaml, ServerYaml, TlsKind};
use super::transport::{PwshYaml, transport};
use super::{EndpointSpec, Endpoints, InventoryServer};
use crate::config::locate::Seg;
use crate::health::{Role, Server};
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
        f.push(&[Seg::Key("servers")], "the inventory lists no servers");
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
            f.push(
                &at("name"),
                format!(
                    "server `{}` is listed twice (as `{}` before; names are compared \
                     without case)",
                    raw.name, first.server.name
                ),
            );
        }
        f.check(&at("site"), check_label(&raw.site, "the site", MAX_SITE));
        let endpoints = Endpoints {
            imap: endpoints(f, &raw.imap, i, "imap", (143, 993)),
            pop3: endpoints(f, &raw.pop3, i, "pop3", (110, 995)),
        };
        if raw.imap.is_empty() && raw.pop3.is_empty() && !context.exchange_watches {
            f.push(
                &[Seg::Key("servers"), Seg::Index(i)],
                format!(
                    "server `{}` has no endpoint: give it `imap:` or `pop3:` (or let Exchange watch it: `health: {{ managed_availability }}`)",
                    printable(&raw.name)
                ),
            );
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
                    None => Some(format!(
                        "`{}` is not a server of this inventory",
                        printable(mailbox)
                    )),
                    Some(role) if !role.runs(Role::Mailbox) => Some(format!(
                        "`{mailbox}` is a {} server, not a Mailbox server",
                        role.label()
                    )),
                    Some(_) => None,
                }
            } else {
                Some("only a CAS server has a monitoring mailbox".to_owned())
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
                    f.push(
                        &at("port"),
                        format!("port {port} is out of range (1 to 65535)"),
                    );
                    0
                }),
        };
        if let Some(name) = &raw.server_name {
            if raw.tls == TlsKind::None {
                f.push(
                    &at("server_name"),
                    "a certificate name needs `tls: starttls` or `tls: implicit`",
                );
            } else {
                f.check(&at("server_name"), check_host(name));
            }
        }
        if out.iter().any(|e| (e.tls == TlsKind::Implicit) == implicit) {
            let kind = if implicit {
                "implicit-TLS"
            } else {
                "plain or STARTTLS"
            };
            f.push(
                &at("tls"),
                format!(
                    "a second {kind} endpoint: a protocol has at most one plain or STARTTLS \
                     endpoint and one implicit-TLS endpoint"
                ),
            );
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
            f.push(&at, format!("unknown action `{}`", printable(action)));
            continue;
        };
        if argv.is_empty() || argv[0].is_empty() {
            f.push(
                &at,
                "the command is empty: give the program and its arguments",
            );
            continue;
        }
        // Each word is one argument: no shell reads it, so only control characters (which
        // no argument needs and a terminal would act on) are refused.
        if let Some(word) = argv.iter().find(|w| w.chars().any(char::is_control)) {
            f.push(
                &at,
                format!("`{}` carries a control character", printable(word)),
            );
            continue;
        }
        out.push((known, argv.clone()));
    }
    out
}
