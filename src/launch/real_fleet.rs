//! A real fleet's inventory, as the console's state and runtime need it.

use crate::command::transport::Transport;
use crate::config::inventory::Inventory;
use crate::config::paths;
use crate::runtime::guarded::Guardrails;
use crate::runtime::prober;
use crate::update::Launch;

/// What a real fleet's inventory tells the runbooks: the platform, each server's commands,
/// the Mailbox server behind each CAS, and the probes a step may re-run.
pub struct RealFleet {
    platform: crate::runbook::platform::Platform,
    probe_targets: Vec<prober::Target>,
    commands: Vec<(String, crate::runbook::platform::linux::Commands)>,
    transports: Vec<(String, Transport)>,
    mailbox_of: Vec<Option<usize>>,
    not_runnable: Vec<prober::NotRunnable>,
    /// The probe agent `r` asks when Prometheus judges the fleet.
    agent: Option<String>,
}

impl RealFleet {
    pub fn of(inventory: &Inventory, probing: &prober::Probing) -> RealFleet {
        use crate::runbook::platform::linux::Commands;
        let commands = inventory
            .servers
            .iter()
            .filter(|s| !s.commands.is_empty())
            .map(|s| {
                let mut set = Commands::default();
                for (action, argv) in &s.commands {
                    set.set(*action, argv.clone());
                }
                (s.server.name.clone(), set)
            })
            .collect();
        RealFleet {
            platform: inventory.platform,
            // Without the login: views can reach the state, and the password must not be there.
            probe_targets: probing
                .targets
                .iter()
                .map(|(t, _)| prober::Target {
                    plan: t.plan.without_credentials(),
                    ..t.clone()
                })
                .collect(),
            commands,
            transports: transports(inventory),
            mailbox_of: inventory
                .monitoring_mailboxes()
                .into_iter()
                .map(Some)
                .collect(),
            not_runnable: probing.not_runnable.clone(),
            agent: inventory.shared.as_ref().and_then(|s| s.agent.clone()),
        }
    }

    /// The state directory locks, budgets and ssh master connections share.
    pub fn state_dir(inventory: &Inventory) -> std::path::PathBuf {
        inventory
            .guardrails
            .state_dir
            .clone()
            .unwrap_or_else(paths::state_dir)
    }

    /// Locks and restart budgets for the fleet's destructive steps.
    pub fn guardrails(inventory: &Inventory) -> Guardrails {
        Guardrails {
            dir: RealFleet::state_dir(inventory),
            limits: inventory.guardrails.restarts,
        }
    }

    pub fn apply(self, launch: &mut Launch) {
        launch.platform = self.platform;
        launch.probe_targets = self.probe_targets;
        launch.not_runnable = self.not_runnable;
        launch.server_commands = self.commands.into_iter().collect();
        launch.transports = self.transports.into_iter().collect();
        launch.mailbox_of = self.mailbox_of;
        launch.agent = self.agent;
    }
}

/// Each server's transport; ssh ones reuse master connections kept in the state directory.
fn transports(inventory: &Inventory) -> Vec<(String, Transport)> {
    // ssh binds `<dir>/<40 hex>.<16 random>`: a Unix socket path holds 104 bytes at most.
    let dir = RealFleet::state_dir(inventory).join("ssh");
    let reuse = dir.as_os_str().len() + 58 <= 104 && paths::private_dir(&dir).is_ok();
    inventory
        .servers
        .iter()
        .map(|s| {
            let mut transport = s.transport.clone();
            if let Transport::Ssh(target) = &mut transport {
                target.control_dir = reuse.then(|| dir.clone());
            }
            (s.server.name.clone(), transport)
        })
        .collect()
}
