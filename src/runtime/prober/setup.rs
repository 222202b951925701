//! From an inventory to the probes the console and `check` run: credentials resolved (a
//! missing one leaves the login probes not runnable, with the reason), TLS roots loaded,
//! each probe's interval from its monitor's policy.

use super::targets::{NotRunnable, Target, targets};
use crate::config::inventory::Inventory;
use crate::health::{Monitor, Probe};
use crate::runtime::probe::TlsSetup;
use std::sync::Arc;
use std::time::Duration;

pub struct Probing {
    /// Each probe ready to run, with its interval.
    pub targets: Vec<(Target, Duration)>,
    pub not_runnable: Vec<NotRunnable>,
    pub tls: Arc<TlsSetup>,
    /// The probes' login, for a step that re-runs one: the console's state holds plans
    /// without it, so nothing a view can reach holds the password.
    pub credentials: Option<crate::probe_plan::Credentials>,
}

/// A CA file that does not load is a configuration error (`Err`); missing credentials are
/// not: probes without a login still run.
pub fn prepare(inventory: &Inventory) -> Result<Probing, String> {
    let ca = inventory.ca_file().map_err(|e| e.to_string())?;
    let tls = TlsSetup::new(ca.as_deref())?;
    let (credentials, missing) = match inventory.credentials() {
        Ok(c) => (Some(c), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let (ready, mut not_runnable) = targets(inventory, credentials.as_ref());
    if let Some(why) = missing {
        for n in &mut not_runnable {
            if n.why.starts_with("no probe credentials") {
                n.why.clone_from(&why);
            }
        }
    }
    let policies = inventory.policies();
    let targets: Vec<(Target, Duration)> = ready
        .into_iter()
        .map(|t| {
            let interval = interval_of(&policies, t.probe);
            (t, interval)
        })
        .collect();
    let login = credentials.map(|c| crate::probe_plan::Credentials {
        user: c.user,
        password: c.password,
    });
    Ok(Probing {
        targets,
        not_runnable,
        tls: Arc::new(tls),
        credentials: login,
    })
}

fn interval_of(
    policies: &[crate::health::MonitorPolicy; Monitor::COUNT],
    probe: Probe,
) -> Duration {
    policies[Monitor::judging(probe).index()]
        .interval
        .0
        .to_std()
        .ok()
        .filter(|d| !d.is_zero())
        .unwrap_or(Duration::from_secs(60))
}
