//! The inventory: a real fleet, named by `--inventory FILE` or `HEALTHDECK_INVENTORY` and
//! never picked up silently (ARCHITECTURE "Command line"). `examples/inventory/local-dovecot.yaml`
//! is a complete one.
//!
//! ```yaml
//! name: local-dovecot              # the banner shows PRODUCTION local-dovecot (default: file name)
//! credentials:                     # for the probes that log in (CTP, deep test); by reference only
//!   user: { env: HEALTHDECK_PROBE_USER }   # or { file: PATH }, or a plain user name
//!   password: { env: HEALTHDECK_PROBE_PASSWORD }   # or { file: PATH }; never the password itself
//! ca: { env: HEALTHDECK_PROBE_CA } # optional CA file for TLS: { file: PATH }, a path, or
//!                                  # { env: NAME } (unset or empty: the system's roots)
//! probes: { interval: 60s, timeout: 10s, ceiling: 1024 }   # the defaults
//! servers:
//!   - name: cas-01                 # ASCII letters, digits, `-`, `.`, `_`
//!     role: cas                    # cas | mailbox | both
//!     site: LAB                    # site or DAG label
//!     monitoring_mailbox: mbx-01   # the Mailbox server its CTP probe reaches (default: the
//!                                  # first Mailbox server of its site)
//!     imap:                        # at most one plain or STARTTLS endpoint and one implicit-TLS one
//!       - { host: 127.0.0.1, port: 10143, tls: none }
//!       - { host: 127.0.0.1, port: 10993, tls: implicit, server_name: localhost }
//!     pop3:
//!       - { host: 127.0.0.1, port: 10110, tls: starttls, server_name: localhost }
//! rules:                           # optional, per monitor, as in scenarios (health::rules)
//!   ImapCTPMonitor: { interval: 30s, rule: { consecutive_failures: 3 } }
//! platform: linux                  # exchange (default: cmdlets through pwsh) | linux
//! pwsh: { session_host: ex-01, program: pwsh }   # exchange: where sessions open
//! guardrails: { state_dir: /var/lib/healthdeck, restarts_per_hour: 1, restarts_per_day: 4 }
//! health:                          # exchange: Managed Availability's own verdict, through pwsh
//!   managed_availability: { interval: 60s, timeout: 45s, in_flight: 8 }   # the defaults
//!   prometheus:                    # a team's shared truth: read, not probed here
//!     url: http://127.0.0.1:9090   # Prometheus, scraping `healthdeck agent`
//!     alertmanager: http://127.0.0.1:9093   # acknowledgements are its silences
//!     agent: 127.0.0.1:9141        # where `r` asks for a probe now
//!     refresh: 15s                 # the default; timeout 10s
//! ```
//!
//! Per server, where steps run: `transport: local | ssh | pwsh` (default: pwsh on
//! exchange, local on linux; an `ssh:` block alone means ssh) and `ssh: { host, user,
//! port, config }` (host default: the server's name; `config` an ssh_config for `ssh -F`).
//!
//! - `host`: a DNS name, an IPv4 address or an IPv6 address without brackets. `port`
//!   defaults to 143 / 993 (IMAP) and 110 / 995 (POP3), by `tls`: `none`, `starttls` or
//!   `implicit`. `server_name`: the name the certificate must carry (default: the host).
//! - `credentials`: a `file:` must have mode 0600 or stricter (checked at load when it
//!   exists, and again when read); a relative path is relative to the inventory's folder.
//!   Variables and files are read only when probing ([`Inventory::credentials`]), so lint
//!   checks an inventory without the secrets present.
//! - `probes.interval` is how often every probe runs; `rules.<Monitor>.interval` changes it
//!   for the probe feeding that monitor. `probes.timeout` bounds one probe.
//!   `probes.ceiling` bounds the probes in flight at once (1 to 65,536); below it, the
//!   console runs as many as the fleet needs to keep its schedule, two per server at most.
//!
//! Loading reports every finding with file, line and column. A YAML or type error stops
//! at the first one (serde has no model past it); the checks after that report all theirs.

mod check;
mod managed;
mod names;
mod secret;
mod servers;
mod shared;
mod spec;
mod transport;

pub use managed::ManagedAvailability;
pub use secret::{CredentialRef, CredentialRefs, CredentialSource, ResolvedCredentials, Secret};
pub use shared::SharedSource;
pub use spec::TlsKind;
pub use transport::{GuardrailsConfig, TransportKind};

use crate::command::transport::Transport;

use crate::config::read::{FLEET_CAP, read_capped};
use crate::config::{ConfigError, parse_yaml};
use crate::health::monitors::MonitorInput;
use crate::health::rules::PolicyOverride;
use crate::health::{Monitor, MonitorPolicy, Protocol, Role, Server, Span};
use crate::i18n::Said;
use crate::runbook::RecoveryAction;
use crate::runbook::platform::Platform;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// A loaded, checked inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct Inventory {
    /// The file, as named on the command line: what errors point at.
    pub origin: String,
    /// What the banner shows: `name:`, else the file name without extension.
    pub name: String,
    pub servers: Vec<InventoryServer>,
    pub probes: ProbeTiming,
    /// `None` when the inventory names none: probes that log in cannot run.
    pub credentials: Option<CredentialRefs>,
    /// A CA file for TLS, beside the system's roots.
    pub ca: Option<CredentialRef>,
    /// Per-monitor overrides of the default rules (ARCHITECTURE "Default monitor rules"), keyed by monitor name.
    pub rules: BTreeMap<String, PolicyOverride>,
    /// How runbook steps act on these servers.
    pub platform: Platform,
    /// Locks and restart budgets.
    pub guardrails: GuardrailsConfig,
    /// Exchange's own verdict, polled through pwsh (`health: { managed_availability }`).
    pub managed_availability: Option<ManagedAvailability>,
    /// Health read from Prometheus and Alertmanager instead of probed here
    /// (`health: { prometheus }`).
    pub shared: Option<SharedSource>,
}

/// One server of the inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct InventoryServer {
    pub server: Server,
    pub endpoints: Endpoints,
    /// `linux` platform: each action's argv on this server.
    pub commands: Vec<(RecoveryAction, Vec<String>)>,
    /// Where its steps run.
    pub transport: Transport,
    /// For a CAS server: the Mailbox server its CTP probe logs into, as written.
    pub monitoring_mailbox: Option<String>,
}

/// A server's endpoints per protocol: at most one plain or STARTTLS and one implicit-TLS.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Endpoints {
    pub imap: Vec<EndpointSpec>,
    pub pop3: Vec<EndpointSpec>,
}

impl Endpoints {
    pub fn of(&self, protocol: Protocol) -> &[EndpointSpec] {
        match protocol {
            Protocol::Imap => &self.imap,
            Protocol::Pop => &self.pop3,
        }
    }
}

/// Where a probe connects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointSpec {
    pub host: String,
    pub port: u16,
    pub tls: TlsKind,
    /// The name the server's certificate must carry; `None`: the host.
    pub server_name: Option<String>,
}

/// How often probes run and how long one may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProbeTiming {
    pub interval: Span,
    pub timeout: Span,
    /// Probes in flight at most, whatever the fleet needs.
    /// (ARCHITECTURE "Keeping the schedule")
    pub ceiling: usize,
}

impl Default for ProbeTiming {
    fn default() -> Self {
        ProbeTiming {
            interval: Span::seconds(60),
            timeout: Span::seconds(10),
            ceiling: crate::probe_plan::schedule::DEFAULT_CEILING,
        }
    }
}

impl ProbeTiming {
    /// The timeout for tokio and socket options.
    pub fn timeout_duration(&self) -> std::time::Duration {
        self.timeout.0.to_std().unwrap_or_default()
    }
}

/// Whether a monitor's samples come from probes, whose interval `probes:` sets.
fn probe_fed(monitor: Monitor) -> bool {
    matches!(
        monitor.input(),
        MonitorInput::Probe(_) | MonitorInput::CommandLatency(_)
    )
}

impl Inventory {
    /// Reads and checks an inventory file: every finding, each with file:line:column.
    pub fn load(path: &Path) -> Result<Inventory, Vec<ConfigError>> {
        let origin = path.display().to_string();
        let text = read_capped(path, &origin, FLEET_CAP).map_err(|e| vec![e])?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        Inventory::parse(&text, &origin, dir, stem.as_deref())
    }

    /// Checks an inventory text. `dir` resolves relative credential files; `stem` is the
    /// name when the file gives none.
    pub fn parse(
        text: &str,
        origin: &str,
        dir: &Path,
        stem: Option<&str>,
    ) -> Result<Inventory, Vec<ConfigError>> {
        let yaml = parse_yaml(text, origin).map_err(|e| vec![e])?;
        check::build(yaml, text, origin, dir, stem)
    }

    /// The servers, for [`crate::health::FleetState::new`].
    pub fn fleet(&self) -> Vec<Server> {
        self.servers.iter().map(|s| s.server.clone()).collect()
    }

    /// The monitor policies: the default rules, the probe interval, then `rules:`.
    pub fn policies(&self) -> [MonitorPolicy; Monitor::COUNT] {
        Monitor::ALL.map(|m| {
            let mut change = self.rules.get(m.name()).copied().unwrap_or_default();
            if probe_fed(m) {
                change.interval = change.interval.or(Some(self.probes.interval));
            }
            change.apply(MonitorPolicy::default_for(m))
        })
    }

    /// The Mailbox server (index) each server's CTP probe logs into: itself on a Mailbox
    /// server; for a CAS server `monitoring_mailbox`, else the first Mailbox server of its
    /// site, else of the fleet. One pass with maps: a scan per server was quadratic.
    pub fn monitoring_mailboxes(&self) -> Vec<usize> {
        let mut by_name = std::collections::HashMap::new();
        let mut by_site = std::collections::HashMap::new();
        let mut first = None;
        for (i, s) in self.servers.iter().enumerate() {
            by_name.entry(s.server.name.as_str()).or_insert(i);
            if s.server.role.runs(Role::Mailbox) {
                by_site.entry(s.server.site.as_str()).or_insert(i);
                first.get_or_insert(i);
            }
        }
        let of = |cas: usize| {
            let entry = &self.servers[cas];
            if entry.server.role.runs(Role::Mailbox) {
                return cas;
            }
            entry
                .monitoring_mailbox
                .as_deref()
                .and_then(|n| by_name.get(n).copied())
                .or_else(|| by_site.get(entry.server.site.as_str()).copied())
                .or(first)
                .unwrap_or(cas)
        };
        (0..self.servers.len()).map(of).collect()
    }

    /// The environment variables the credentials and the CA are read from: a step's
    /// command must not inherit them.
    pub fn secret_variables(&self) -> Vec<String> {
        let refs = self
            .credentials
            .iter()
            .flat_map(|c| [&c.user, &c.password])
            .chain(self.ca.iter());
        refs.filter_map(|r| match &r.source {
            CredentialSource::Env(name) => Some(name.clone()),
            _ => None,
        })
        .collect()
    }

    /// Reads the probe credentials from the environment and files, now.
    pub fn credentials(&self) -> Result<ResolvedCredentials, ConfigError> {
        self.credentials_with(&|name| std::env::var_os(name))
    }

    /// [`Inventory::credentials`] with the environment given (for tests).
    pub fn credentials_with(
        &self,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<ResolvedCredentials, ConfigError> {
        let Some(refs) = &self.credentials else {
            return Err(ConfigError::new(
                &self.origin,
                Said::new("finding-inventory-no-credentials"),
            ));
        };
        let user = refs.user.resolve(&self.origin, env)?;
        let password = refs.password.resolve(&self.origin, env)?;
        for (value, field) in [(&user, &refs.user), (&password, &refs.password)] {
            // A line break would end the LOGIN / PASS command and start another.
            if value.contains(['\r', '\n', '\0']) {
                let said = Said::new("finding-inventory-credential-line-break");
                return Err(field.error(&self.origin, said));
            }
        }
        Ok(ResolvedCredentials {
            user,
            password: Secret::new(password),
        })
    }

    /// The CA file to trust for TLS, if any, checked to exist.
    pub fn ca_file(&self) -> Result<Option<PathBuf>, ConfigError> {
        self.ca_file_with(&|name| std::env::var_os(name))
    }

    /// [`Inventory::ca_file`] with the environment given (for tests).
    pub fn ca_file_with(
        &self,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<Option<PathBuf>, ConfigError> {
        let Some(ca) = &self.ca else {
            return Ok(None);
        };
        let path = match &ca.source {
            CredentialSource::Env(var) => match env(var).filter(|v| !v.is_empty()) {
                Some(value) => PathBuf::from(value),
                None => return Ok(None),
            },
            CredentialSource::File(path) => path.clone(),
            CredentialSource::Name(path) => PathBuf::from(path),
        };
        if path.is_file() {
            Ok(Some(path))
        } else {
            let shown = names::printable(&path.display().to_string());
            let said = Said::new("finding-inventory-no-ca-file").text("path", shown);
            Err(ca.error(&self.origin, said))
        }
    }
}
