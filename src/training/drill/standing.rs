//! How the fleet stood at a moment of a record: the alert values its transitions had set
//! by then, by their words (`Healthy`, `Degraded`, `Unhealthy`, `Unknown`).

use std::collections::HashMap;

#[derive(Debug, Default)]
pub(super) struct Standing {
    alerts: HashMap<(String, String), String>,
}

impl Standing {
    pub fn set(&mut self, server: &str, monitor: &str, to: &str) {
        self.alerts
            .insert((server.to_owned(), monitor.to_owned()), to.to_owned());
    }

    fn value(&self, server: &str, monitor: &str) -> Option<&str> {
        self.alerts
            .get(&(server.to_owned(), monitor.to_owned()))
            .map(String::as_str)
    }

    /// Healthy as last recorded; a monitor never recorded is not known to be.
    pub fn healthy(&self, server: &str, monitor: &str) -> bool {
        self.value(server, monitor) == Some("Healthy")
    }

    pub fn failing(&self, server: &str, monitor: &str) -> bool {
        matches!(self.value(server, monitor), Some("Degraded" | "Unhealthy"))
    }

    /// No monitor of the server failing, and at least one seen Healthy.
    pub fn server_healthy(&self, server: &str) -> bool {
        let mut seen = self.alerts.iter().filter(|((s, _), _)| s == server);
        let mut any = false;
        seen.all(|(_, value)| {
            any = true;
            !matches!(value.as_str(), "Degraded" | "Unhealthy")
        }) && any
    }
}
