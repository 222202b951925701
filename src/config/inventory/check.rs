//! From the inventory as written to a checked [`Inventory`]: every finding is collected,
//! each placed at its file, line and column.

use super::names::{INVENTORY_NAME, check_env_name, check_label, printable};
use super::secret::{CredentialRef, CredentialRefs, CredentialSource, check_mode};
use super::spec::{InventoryYaml, RefYaml};
use super::{Inventory, ProbeTiming, probe_fed};
use crate::config::ConfigError;
use crate::config::locate::{Seg, locate};
use crate::health::monitors::MonitorInput;
use crate::health::{Monitor, Rule};
use crate::i18n::Said;
use crate::runbook::platform::Platform;
use std::path::Path;

/// The longest inventory name: it sits in the one-line banner.
const MAX_NAME: usize = 40;

pub(super) struct Findings<'t> {
    pub origin: &'t str,
    pub text: &'t str,
    pub list: Vec<ConfigError>,
}

/// `field: message`: a finding about a field of the file.
fn at_field(path: &[Seg<'_>], message: Said) -> Said {
    Said::new("finding-inventory-field")
        .text("field", label(path))
        .said("finding", message)
}

/// `servers[1].imap[0].host`: the field, as a person finds it in the file.
fn label(path: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(key) if out.is_empty() => out.push_str(key),
            Seg::Key(key) => out.push_str(&format!(".{key}")),
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

impl Findings<'_> {
    fn place(&self, path: &[Seg<'_>]) -> (Option<usize>, Option<usize>) {
        locate(self.text, path).map_or((None, None), |(l, c)| (Some(l), Some(c)))
    }

    pub fn push(&mut self, path: &[Seg<'_>], message: Said) {
        let mut e = ConfigError::new(self.origin, at_field(path, message));
        (e.line, e.column) = self.place(path);
        self.list.push(e);
    }

    /// A finding about a mapping key itself (an unknown monitor), placed at the key rather
    /// than at its value.
    fn push_at_key(&mut self, path: &[Seg<'_>], key: &str, message: Said) {
        let mut e = ConfigError::new(self.origin, at_field(path, message));
        if let Some((line, column)) = locate(self.text, path) {
            let pattern = format!("{key}:");
            let lines: Vec<&str> = self.text.lines().collect();
            let found = (0..line).rev().find_map(|n| {
                let text = lines[n];
                let end = if n + 1 == line {
                    text.char_indices()
                        .nth(column - 1)
                        .map_or(text.len(), |(b, _)| b)
                } else {
                    text.len()
                };
                text[..end]
                    .rfind(&pattern)
                    .map(|b| (n + 1, text[..b].chars().count() + 1))
            });
            let (line, column) = found.unwrap_or((line, column));
            (e.line, e.column) = (Some(line), Some(column));
        }
        self.list.push(e);
    }

    pub fn check(&mut self, path: &[Seg<'_>], result: Result<(), Said>) -> bool {
        match result {
            Ok(()) => true,
            Err(message) => {
                self.push(path, message);
                false
            }
        }
    }
}

pub(super) fn build(
    yaml: InventoryYaml,
    text: &str,
    origin: &str,
    dir: &Path,
    stem: Option<&str>,
) -> Result<Inventory, Vec<ConfigError>> {
    let mut f = Findings {
        origin,
        text,
        list: Vec::new(),
    };
    let name = inventory_name(&mut f, yaml.name, stem);
    let credentials = yaml.credentials.and_then(|c| {
        let user = reference(&mut f, c.user, "user", dir);
        let password = reference(&mut f, c.password, "password", dir);
        Some(CredentialRefs {
            user: user?,
            password: password?,
        })
    });
    let ca = yaml.ca.and_then(|raw| reference(&mut f, raw, "ca", dir));
    let probes = probe_timing(&mut f, &yaml.probes);
    let platform = match yaml.platform {
        Some(super::spec::PlatformKind::Linux) => Platform::Linux,
        _ => Platform::Exchange,
    };
    let context = super::servers::Context {
        platform,
        pwsh: yaml.pwsh.as_ref(),
        dir,
        exchange_watches: yaml
            .health
            .as_ref()
            .is_some_and(|h| h.managed_availability.is_some()),
    };
    super::transport::pwsh(&mut f, yaml.pwsh.as_ref());
    let servers = super::servers::servers(&mut f, yaml.servers, &context);
    let guardrails = super::transport::guardrails(&mut f, yaml.guardrails, dir);
    rules(&mut f, &yaml.rules, probes);
    let (managed, shared) = yaml
        .health
        .map_or((None, None), |h| (h.managed_availability, h.prometheus));
    let managed_availability = super::managed::managed(&mut f, managed, platform);
    let shared = super::shared::shared(&mut f, shared);
    if f.list.is_empty() {
        Ok(Inventory {
            origin: origin.to_owned(),
            name,
            servers,
            probes,
            credentials,
            ca,
            rules: yaml.rules,
            platform,
            guardrails,
            managed_availability,
            shared,
        })
    } else {
        f.list.sort_by_key(|e| (e.line, e.column));
        Err(f.list)
    }
}

fn inventory_name(f: &mut Findings<'_>, name: Option<String>, stem: Option<&str>) -> String {
    if let Some(name) = name {
        f.check(
            &[Seg::Key("name")],
            check_label(&name, &INVENTORY_NAME, MAX_NAME),
        );
        return name;
    }
    let stem = stem.unwrap_or_default();
    if check_label(stem, &INVENTORY_NAME, MAX_NAME).is_err() {
        let mut e = ConfigError::new(
            f.origin,
            Said::new("finding-inventory-file-name")
                .text("stem", printable(stem))
                .count("max", MAX_NAME),
        );
        (e.line, e.column) = (Some(1), Some(1));
        f.list.push(e);
    }
    stem.to_owned()
}

/// A `credentials.user`, `credentials.password` or `ca` reference.
fn reference(
    f: &mut Findings<'_>,
    raw: RefYaml,
    field: &'static str,
    dir: &Path,
) -> Option<CredentialRef> {
    let base: Vec<Seg<'_>> = if field == "ca" {
        vec![Seg::Key("ca")]
    } else {
        vec![Seg::Key("credentials"), Seg::Key(field)]
    };
    let at = |key: &'static str| [&base[..], &[Seg::Key(key)]].concat();
    let (source, place, ok) = match raw {
        RefYaml::Inline(_) if field == "password" => {
            f.push(&base, Said::new("finding-inventory-password-written"));
            return None;
        }
        RefYaml::Inline(value) if field == "user" => {
            let name = value.expose().to_owned();
            let ok = f.check(&base, user_name(&name));
            (CredentialSource::Name(name), base.clone(), ok)
        }
        // `ca: /etc/ssl/lab-ca.pem`
        RefYaml::Inline(path) => {
            let ok = f.check(&base, file_path(path.expose()));
            let full = dir.join(path.expose());
            (CredentialSource::File(full), base.clone(), ok)
        }
        RefYaml::File(path) => {
            let place = at("file");
            let full = dir.join(&path);
            // A CA certificate is public; a credential file is not.
            let ok = f.check(&place, file_path(&path))
                && (field == "ca" || f.check(&place, check_mode(&full)));
            (CredentialSource::File(full), place, ok)
        }
        RefYaml::Env(var) => {
            let place = at("env");
            let ok = f.check(&place, check_env_name(&var));
            (CredentialSource::Env(var), place, ok)
        }
    };
    let (line, column) = f.place(&place);
    ok.then(|| CredentialRef {
        source,
        field: label(&base),
        line,
        column,
    })
}

/// A user name written inline: not secret, but it ends up in a LOGIN / USER command.
fn user_name(name: &str) -> Result<(), Said> {
    if name.is_empty() {
        Err(Said::new("finding-inventory-user-empty"))
    } else if name.chars().any(char::is_control) {
        Err(Said::new("finding-inventory-user-control").text("user", printable(name)))
    } else {
        Ok(())
    }
}

fn file_path(path: &str) -> Result<(), Said> {
    if path.is_empty() {
        Err(Said::new("finding-inventory-path-empty"))
    } else {
        Ok(())
    }
}

/// Far above any fleet's need, below what one process can hold open.
const MAX_CEILING: u64 = 65_536;

fn probe_timing(f: &mut Findings<'_>, yaml: &super::spec::ProbesYaml) -> ProbeTiming {
    let default = ProbeTiming::default();
    let timing = ProbeTiming {
        interval: yaml.interval.unwrap_or(default.interval),
        timeout: yaml.timeout.unwrap_or(default.timeout),
        ceiling: yaml
            .ceiling
            .and_then(|c| usize::try_from(c).ok())
            .unwrap_or(default.ceiling),
    };
    let at = |key| [Seg::Key("probes"), Seg::Key(key)];
    if yaml
        .ceiling
        .is_some_and(|c| !(1..=MAX_CEILING).contains(&c))
    {
        let said = Said::new("finding-inventory-probes-in-flight").count("max", MAX_CEILING);
        f.push(&at("ceiling"), said);
    }
    if timing.interval.0 <= chrono::TimeDelta::zero() {
        f.push(
            &at("interval"),
            Said::new("finding-inventory-probe-interval"),
        );
    }
    if timing.timeout.0 <= chrono::TimeDelta::zero() {
        f.push(&at("timeout"), Said::new("finding-inventory-probe-timeout"));
    } else if timing.timeout > timing.interval {
        let said = Said::new("finding-inventory-probe-timeout-long")
            .text("timeout", timing.timeout.to_string())
            .text("interval", timing.interval.to_string());
        f.push(&at("timeout"), said);
    }
    timing
}

/// Whether a rule can judge what feeds the monitor.
fn fits(monitor: Monitor, rule: Rule) -> bool {
    match monitor.input() {
        MonitorInput::Probe(_) => matches!(
            rule,
            Rule::ConsecutiveFailures { .. } | Rule::FailuresWithin { .. }
        ),
        MonitorInput::CommandLatency(_) => matches!(rule, Rule::MeanLatencyAbove { .. }),
        MonitorInput::RequestsQueued(_) => matches!(rule, Rule::MetricAbove { .. }),
    }
}

fn rules(
    f: &mut Findings<'_>,
    rules: &std::collections::BTreeMap<String, crate::health::rules::PolicyOverride>,
    probes: ProbeTiming,
) {
    for (name, change) in rules {
        let at = |key| [Seg::Key("rules"), Seg::Key(name), Seg::Key(key)];
        let Some(monitor) = Monitor::ALL.into_iter().find(|m| m.name() == name) else {
            let mut known: Vec<&str> = Vec::new();
            for monitor in Monitor::ALL {
                if !known.contains(&monitor.name()) {
                    known.push(monitor.name());
                }
            }
            let said = Said::new("finding-inventory-unknown-monitor")
                .text("monitor", printable(name))
                .text("known", known.join(", "));
            f.push_at_key(&[Seg::Key("rules"), Seg::Key(name)], name, said);
            continue;
        };
        if let Some(rule) = change.rule
            && !fits(monitor, rule)
        {
            let shape = match monitor.input() {
                MonitorInput::Probe(_) => {
                    "{ consecutive_failures: N } or { failures: N, within: SPAN }"
                }
                MonitorInput::CommandLatency(_) => "{ mean_latency_above: SPAN, over: SPAN }",
                MonitorInput::RequestsQueued(_) => "{ queued_above: N, for: SPAN }",
            };
            let said = Said::new("finding-inventory-rule-misfit")
                .said("rule", crate::i18n::words::rule_said(&rule))
                .text("monitor", name)
                .text("shape", shape);
            f.push(&at("rule"), said);
        }
        if let Some(interval) = change.interval
            && probe_fed(monitor)
            && interval < probes.timeout
        {
            let said = Said::new("finding-inventory-interval-short")
                .text("interval", interval.to_string())
                .text("timeout", probes.timeout.to_string());
            f.push(&at("interval"), said);
        }
    }
}
