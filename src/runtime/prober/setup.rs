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
    /// Probes in flight at most: the inventory's ceiling, lowered when the process may not
    /// open that many sockets.
    pub ceiling: usize,
    /// Why the ceiling was lowered, for the engineer.
    pub ceiling_note: Option<String>,
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
            if n.no_login {
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
    let (ceiling, ceiling_note) = room_for(inventory.probes.ceiling);
    Ok(Probing {
        ceiling,
        ceiling_note,
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

/// Descriptors the console needs beside its probes' sockets: the terminal, the record,
/// step pipes, the ledger, DNS.
const FD_RESERVE: u64 = 128;

/// The ceiling the process's descriptor limit allows: the soft limit is raised towards the
/// hard one when it is too low; what still does not fit lowers the ceiling, with a note.
fn room_for(ceiling: usize) -> (usize, Option<String>) {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let Ok((mut soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE) else {
        return (ceiling, None);
    };
    let want = ceiling as u64 + FD_RESERVE;
    if soft < want {
        let raised = want.min(hard);
        if setrlimit(Resource::RLIMIT_NOFILE, raised, hard).is_ok() {
            soft = raised;
        }
    }
    if soft >= want {
        return (ceiling, None);
    }
    let floor = crate::probe_plan::schedule::FLOOR as u64;
    let fit = usize::try_from(soft.saturating_sub(FD_RESERVE).max(floor)).unwrap_or(ceiling);
    let note = format!(
        "the open-file limit ({soft}) allows {fit} probes at once, not the ceiling of {ceiling}: raise it (ulimit -n)"
    );
    (fit.min(ceiling), Some(note))
}
