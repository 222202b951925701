//! The inventory as written: what serde reads before the checks in `check` turn it into an
//! [`super::Inventory`]. Values that need a check with a good message (ports, names, an
//! inline password) are read loosely here and refused there, so every finding is reported.

use super::secret::Secret;
use super::transport::{GuardrailsYaml, PwshYaml, SshYaml, TransportKind};
use crate::health::Role;
use crate::health::rules::PolicyOverride;
use crate::health::span::Span;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InventoryYaml {
    pub name: Option<String>,
    pub credentials: Option<CredentialsYaml>,
    pub ca: Option<RefYaml>,
    #[serde(default)]
    pub probes: ProbesYaml,
    pub servers: Vec<ServerYaml>,
    #[serde(default)]
    pub rules: BTreeMap<String, PolicyOverride>,
    /// How runbook steps act on these servers: `exchange` (default) or `linux`.
    pub platform: Option<PlatformKind>,
    /// Exchange: where PowerShell sessions open.
    pub pwsh: Option<PwshYaml>,
    #[serde(default)]
    pub guardrails: GuardrailsYaml,
    /// Where health comes from beside healthdeck's own probes.
    pub health: Option<super::managed::HealthYaml>,
}

/// The kind of fleet, for runbook steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlatformKind {
    Exchange,
    /// Hosts that run Dovecot: steps are local commands, per action (see `commands:`).
    Linux,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CredentialsYaml {
    pub user: RefYaml,
    pub password: RefYaml,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProbesYaml {
    pub interval: Option<Span>,
    pub timeout: Option<Span>,
    pub ceiling: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ServerYaml {
    pub name: String,
    pub role: Role,
    pub site: String,
    #[serde(default)]
    pub imap: Vec<EndpointYaml>,
    #[serde(default)]
    pub pop3: Vec<EndpointYaml>,
    pub monitoring_mailbox: Option<String>,
    /// `linux` platform: the argv each action runs for this server (never a shell).
    #[serde(default)]
    pub commands: BTreeMap<String, Vec<String>>,
    /// Where this server's steps run: `local`, `ssh` or `pwsh` (default by platform).
    pub transport: Option<TransportKind>,
    pub ssh: Option<SshYaml>,
}

/// How a probe's connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TlsKind {
    /// Plain text (a lab, or loopback).
    None,
    /// Plain connection upgraded with STARTTLS (IMAP) / STLS (POP3) before logging in.
    Starttls,
    /// TLS from the first byte (IMAPS 993, POP3S 995).
    Implicit,
}

impl TlsKind {
    pub fn label(self) -> &'static str {
        match self {
            TlsKind::None => "none",
            TlsKind::Starttls => "starttls",
            TlsKind::Implicit => "implicit",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EndpointYaml {
    pub host: String,
    /// Wide, so an out-of-range port gets its own message.
    pub port: Option<i64>,
    pub tls: TlsKind,
    pub server_name: Option<String>,
}

/// A credential (or CA) reference as written: `{ env: NAME }`, `{ file: PATH }`, or a
/// plain scalar (a user name; refused later for a password, and never shown).
#[derive(Debug)]
pub(crate) enum RefYaml {
    Inline(Secret),
    Env(String),
    File(String),
}

impl<'de> Deserialize<'de> for RefYaml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RefVisitor)
    }
}

struct RefVisitor;

const REF_KEYS: &[&str] = &["env", "file"];

impl<'de> Visitor<'de> for RefVisitor {
    type Value = RefYaml;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{ env: NAME } or { file: PATH }")
    }

    // Every scalar is kept whole and unseen: serde's own "invalid type: integer `…`"
    // would print a numeric password.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RefYaml, E> {
        Ok(RefYaml::Inline(Secret::new(v.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RefYaml, E> {
        Ok(RefYaml::Inline(Secret::new(v.to_string())))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RefYaml, E> {
        Ok(RefYaml::Inline(Secret::new(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RefYaml, E> {
        Ok(RefYaml::Inline(Secret::new(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RefYaml, E> {
        Ok(RefYaml::Inline(Secret::new(v.to_string())))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RefYaml, A::Error> {
        let Some(key) = map.next_key::<String>()? else {
            return Err(de::Error::custom("write { env: NAME } or { file: PATH }"));
        };
        let reference = match key.as_str() {
            "env" => RefYaml::Env(map.next_value()?),
            "file" => RefYaml::File(map.next_value()?),
            _ => return Err(de::Error::unknown_field(&key, REF_KEYS)),
        };
        if map.next_key::<String>()?.is_some() {
            return Err(de::Error::custom(
                "one of { env: NAME } or { file: PATH }, not both",
            ));
        }
        Ok(reference)
    }
}
