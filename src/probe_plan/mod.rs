//! What a probe is asked to do: the dialogue, the endpoint and the credentials, and which
//! probe runs where on an inventory (`targets`). Pure: `runtime::probe` runs these plans,
//! and `update` shows them without reaching into the runtime (ARCHITECTURE "Directions").

pub mod pace;
pub mod schedule;
pub mod targets;

pub use targets::{NotRunnable, Target, targets};

use std::time::Duration;

/// The dialogue a probe holds with the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wire {
    /// Greeting, CAPABILITY, LOGIN, SELECT INBOX, LOGOUT.
    Imap,
    /// Greeting, USER/PASS, STAT, QUIT.
    Pop3,
    /// Connect and read the first line; no login.
    Tcp,
}

impl Wire {
    pub fn name(self) -> &'static str {
        match self {
            Wire::Imap => "imap",
            Wire::Pop3 => "pop3",
            Wire::Tcp => "tcp",
        }
    }
}

/// How TLS is used on the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TlsMode {
    /// Cleartext throughout.
    None,
    /// Cleartext greeting, then `STARTTLS` (IMAP) or `STLS` (POP3) before any login.
    StartTls,
    /// TLS from the first byte (IMAPS 993, POP3S 995).
    Implicit,
}

/// Where the probe connects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    /// The name the server's certificate must carry (default: `host`). Also sent as SNI when
    /// it is a DNS name.
    pub server_name: Option<String>,
}

impl Endpoint {
    /// The name the certificate is checked against.
    pub fn expected_name(&self) -> &str {
        self.server_name.as_deref().unwrap_or(&self.host)
    }
}

/// The probe password: the inventory's redacting type, shown nowhere.
pub use crate::config::inventory::Secret;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: Secret,
}

impl ProbePlan {
    /// The plan without its login: what the console's state keeps (the runtime adds the
    /// login back when it runs the plan as a step).
    pub fn without_credentials(&self) -> ProbePlan {
        ProbePlan {
            credentials: None,
            ..self.clone()
        }
    }
}

/// One probe: which dialogue, against which endpoint, as whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbePlan {
    pub wire: Wire,
    pub endpoint: Endpoint,
    /// Without credentials an IMAP or POP3 probe stops after the greeting (and TLS) and
    /// says goodbye: no login, no SELECT/STAT.
    pub credentials: Option<Credentials>,
    /// The limit for the whole probe, connect to logout: one deadline, not one per phase.
    pub timeout: Duration,
}

/// `127.0.0.1:10993 (TLS)`, as `check`, the log and the pane name an endpoint.
impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tls = match self.tls {
            TlsMode::None => "plain",
            TlsMode::StartTls => "STARTTLS",
            TlsMode::Implicit => "TLS",
        };
        write!(f, "{}:{} ({tls})", self.host, self.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_prints() {
        let credentials = Credentials {
            user: "probe".into(),
            password: Secret::new("hunter2-very-secret".into()),
        };
        let shown = format!("{credentials:?} {credentials:#?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
        assert_eq!(credentials.password.expose(), "hunter2-very-secret");
    }

    #[test]
    fn the_expected_name_defaults_to_the_host() {
        let mut endpoint = Endpoint {
            host: "127.0.0.1".into(),
            port: 993,
            tls: TlsMode::Implicit,
            server_name: None,
        };
        assert_eq!(endpoint.expected_name(), "127.0.0.1");
        endpoint.server_name = Some("mail.example.org".into());
        assert_eq!(endpoint.expected_name(), "mail.example.org");
    }
}
