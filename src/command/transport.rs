//! Where a step's command runs, and the argv that gets it there. Pure: building an argv
//! touches nothing; the runner spawns it.

use super::quote::{self, Rejected};
use std::path::PathBuf;

/// Chosen per server in the inventory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Transport {
    /// This machine: the argv as it is.
    #[default]
    Local,
    /// The system's ssh, so ~/.ssh/config, the agent, ProxyJump and known_hosts apply.
    Ssh(SshTarget),
    /// PowerShell remoting to Exchange (`command::pwsh`).
    Pwsh(PwshTarget),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshTarget {
    pub host: String,
    pub user: Option<String>,
    pub port: Option<u16>,
    /// An ssh_config file of the team's (`ssh -F`); None: the user's own.
    pub config: Option<PathBuf>,
    /// Where master connections live (`ControlPath`); None: no connection reuse.
    pub control_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PwshTarget {
    /// The Exchange server whose `/PowerShell` endpoint the session opens.
    pub session_host: String,
    /// The PowerShell binary (`pwsh` on PATH unless the inventory names one).
    pub program: String,
}

/// How long ssh may take to connect: a dead host fails the step instead of hanging it.
pub const SSH_CONNECT_TIMEOUT_S: u32 = 10;
/// How long an idle master connection stays for the next step.
const SSH_PERSIST_S: u32 = 120;

impl Transport {
    pub fn label(&self) -> &'static str {
        match self {
            Transport::Local => "local",
            Transport::Ssh(_) => "ssh",
            Transport::Pwsh(_) => "pwsh",
        }
    }

    /// A Linux step's argv, as this transport runs it. Pwsh takes scripts, not argvs.
    pub fn wrap(&self, argv: &[String]) -> Result<Vec<String>, Rejected> {
        match self {
            Transport::Local | Transport::Pwsh(_) => Ok(argv.to_vec()),
            Transport::Ssh(target) => target.argv(argv),
        }
    }

    /// The command as the pane and the record show it.
    pub fn described(&self, command: &str) -> String {
        match self {
            Transport::Local => command.to_owned(),
            Transport::Ssh(target) => format!("ssh {}: {command}", target.destination()),
            Transport::Pwsh(target) => format!("pwsh {}: {command}", target.session_host),
        }
    }
}

impl SshTarget {
    fn destination(&self) -> String {
        match &self.user {
            Some(user) => format!("{user}@{}", self.host),
            None => self.host.clone(),
        }
    }

    /// `ssh [options] -- host 'word' 'word' …`: the remote login shell gets one string in
    /// which every word is quoted by `command::quote`.
    pub fn argv(&self, remote: &[String]) -> Result<Vec<String>, Rejected> {
        quote::check_host(&self.host)?;
        if let Some(user) = &self.user {
            quote::check_user(user)?;
        }
        let mut argv: Vec<String> = vec!["ssh".into()];
        if let Some(config) = &self.config {
            argv.extend(["-F".into(), config.display().to_string()]);
        }
        let mut option = |o: String| argv.extend(["-o".into(), o]);
        option("BatchMode=yes".into());
        option(format!("ConnectTimeout={SSH_CONNECT_TIMEOUT_S}"));
        option("ServerAliveInterval=15".into());
        option("ServerAliveCountMax=4".into());
        if let Some(dir) = &self.control_dir {
            option("ControlMaster=auto".into());
            option(format!("ControlPath={}/%C", dir.display()));
            option(format!("ControlPersist={SSH_PERSIST_S}"));
        }
        if let Some(port) = self.port {
            argv.extend(["-p".into(), port.to_string()]);
        }
        if let Some(user) = &self.user {
            argv.extend(["-l".into(), user.clone()]);
        }
        argv.extend(["--".into(), self.host.clone(), quote::posix_command(remote)]);
        Ok(argv)
    }
}
