//! The first of the state's three parts: what launch decided, fixed for the session (the
//! other two are the fleet with its recovery, and the screen). Built whole by `launch`
//! before the state exists; `update` reads it and never writes it. It holds no secret:
//! probe plans come without their login (ARCHITECTURE "Secrets out of reach of views").

use super::state::{Banner, Mode};
use crate::command::transport::Transport;
use crate::guardrails::Limits;
use crate::keymap::Keymap;
use crate::probe_plan::Target;
use crate::runbook::Library;
use crate::runbook::platform::{Platform, linux};
use std::collections::BTreeMap;

pub struct Launch {
    pub banner: Banner,
    pub library: Option<&'static Library>,
    pub platform: Platform,
    /// Commands of the Linux platform: the fleet's, and per server where the inventory
    /// says so.
    pub commands: linux::Commands,
    pub server_commands: BTreeMap<String, linux::Commands>,
    /// Where each server's steps run (a real fleet's inventory; absent: local).
    pub transports: BTreeMap<String, Transport>,
    /// A real fleet's probes, for re-running one now (without their login).
    pub probe_targets: Vec<Target>,
    /// The Mailbox server behind each server's CTP probe.
    pub mailbox_of: Vec<Option<usize>>,
    /// A real fleet's probes that cannot run, and why (the drill-down says it).
    pub not_runnable: Vec<crate::probe_plan::NotRunnable>,
    /// The runbook language.
    pub language: &'static str,
    /// Who is at the keyboard: "by whom" in the pane and the record.
    pub operator: String,
    /// The restart budget's limits (a real fleet's guardrails).
    pub restart_limits: Option<Limits>,
    /// This console among others on the same state directory (`host pid`): debts it owes
    /// carry it, and their ids start with it.
    pub session: String,
    /// The probe agent (`host:port`) `r` asks when Prometheus judges the fleet.
    pub agent: Option<String>,
    /// Keys to actions: the table's, with the user's `keys.yaml` rebindings.
    pub keymap: Keymap,
}

impl Launch {
    /// Training's or an Exchange fleet's defaults under `banner`; `launch` sets the rest.
    pub fn new(banner: Banner) -> Launch {
        let training = matches!(banner.mode, Mode::Training { .. });
        Launch {
            banner,
            library: Library::shared().ok(),
            platform: if training {
                Platform::Training
            } else {
                Platform::Exchange
            },
            commands: linux::Commands::default(),
            server_commands: BTreeMap::new(),
            transports: BTreeMap::new(),
            probe_targets: Vec::new(),
            mailbox_of: Vec::new(),
            not_runnable: Vec::new(),
            language: "en",
            operator: "unknown".to_owned(),
            restart_limits: None,
            session: "console".to_owned(),
            keymap: Keymap::default(),
            agent: None,
        }
    }
}
