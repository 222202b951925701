//! The record's first line, read from this process and its environment: whose session,
//! where, in which mode.

use super::{Entry, SCHEMA};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Who is at the keyboard. Under sudo, USER is root: the engineer is SUDO_USER.
pub fn operator() -> String {
    env("SUDO_USER")
        .or_else(|| env("USER"))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// This machine's name, as records, locks and debts name it.
pub fn host() -> String {
    nix::unistd::gethostname()
        .ok()
        .map(|h| h.to_string_lossy().into_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The header of this process's record: who, where, in which mode.
pub fn session_header(mode: String, dry_run: bool, read_only: bool, language: &str) -> Entry {
    let user = operator();
    let host = host();
    Entry::Session {
        schema: SCHEMA.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        user,
        host,
        pid: std::process::id(),
        ssh_connection: env("SSH_CONNECTION"),
        mode,
        dry_run,
        read_only,
        language: language.to_owned(),
    }
}
