//! Per-server locks on destructive actions, restart budgets and owed compensations, in the
//! state directory.
//!
//! Several consoles (and hosts, over NFS) may share one state directory, so all state is in
//! files, and every file appears whole: it is written beside its final name, fsynced, then
//! linked (when it must not exist yet) or renamed (when it replaces) into place.
//!
//! ```text
//! <dir>/locks/<server>.lock          who holds the server, JSON (see `lock::Holder`)
//! <dir>/locks/<server>.lock.lock     short lock around heartbeat, release and break
//! <dir>/budgets/<server>.jsonl       one line per service restart (its walk, an over-budget reason)
//! <dir>/budgets/<server>.jsonl.lock  short lock around a budget's read and append
//! <dir>/owed/<server>.json           compensations owed on the server, JSON (see `owed`)
//! <dir>/owed/<server>.json.lock      short lock around a ledger's read-modify-write
//! ```
//!
//! Directories are created 0700, files 0600.
//!
//! Synchronous: the runtime calls it on a blocking thread. Times are passed in.

pub mod budget;
mod denial;
mod holder;
pub mod lock;
pub mod owed;
mod short_lock;
mod window;

pub use budget::{Denied, Exhausted, Limits, Remaining, Spender, remaining, spend, spend_as};
pub use lock::{
    CLOCK_SKEW, HEARTBEAT_WINDOW, HeldLock, Holder, Refusal, Staleness, acquire, break_stale,
};

use std::collections::hash_map::RandomState;
use std::fs::{self, DirBuilder, File, OpenOptions};
use std::hash::BuildHasher;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The caller validates server names; a name that could leave the directory is refused anyway.
fn check_server(server: &str) -> Result<(), String> {
    if server.is_empty() || server.starts_with('.') || server.contains(['/', '\0']) {
        return Err(format!(
            "refusing the server name {server:?} for a state file: it is empty, starts with '.' \
             or contains '/'"
        ));
    }
    Ok(())
}

/// `<dir>/<name>`, created 0700 when missing (an existing directory keeps its mode).
fn state_subdir(dir: &Path, name: &str) -> Result<PathBuf, String> {
    let sub = dir.join(name);
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&sub)
        .map_err(|e| io_message(&sub, "create the directory", &e))?;
    Ok(sub)
}

/// What an engineer reads: the path, what failed, why.
fn io_message(path: &Path, what: &str, error: &io::Error) -> String {
    format!("{}: cannot {what}: {error}", path.display())
}

/// Unique across threads, processes and hosts: pid, a counter, and 64 bits of noise from the
/// standard library's randomly keyed hasher (no extra dependency, no clock read).
fn unique_token() -> String {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    let pid = std::process::id();
    let noise = RandomState::new().hash_one((pid, count));
    format!("{pid:x}-{count:x}-{noise:016x}")
}

/// A temporary name beside `path`. It starts with '.', which no server name may, so it never
/// collides with a state file.
fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "state".to_owned(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", unique_token()))
}

/// Creates `path` (which must not exist) mode 0600 with `bytes`, fsynced.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Links `from` to `to` only if `to` does not exist (atomic, also over NFS). NFS may report
/// a failure for a link that happened (a lost reply): then `from` has two links.
fn link_exclusive(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => match fs::metadata(from) {
            Ok(meta) if meta.nlink() == 2 => Ok(()),
            _ => Err(e),
        },
        done => done,
    }
}

/// Makes a new or removed name in `dir` survive a crash.
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// The most a guard file may hold: far beyond any real fleet's history, small enough that a
/// file planted in a shared state directory cannot exhaust memory
/// (ARCHITECTURE "Bounded loading").
pub const STATE_FILE_CAP: u64 = 16 * 1024 * 1024;

/// A guard file's bytes, refused (InvalidData) past `STATE_FILE_CAP`; callers name the file.
fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    File::open(path)?
        .take(STATE_FILE_CAP + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > STATE_FILE_CAP {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "larger than 16 MiB: not a file healthdeck wrote; move it away",
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn server_names_that_could_leave_the_directory_are_refused() {
        assert!(check_server("mbx-02.corp_1").is_ok());
        for bad in ["", ".", "..", ".hidden", "a/b", "../etc", "a\0b"] {
            assert!(check_server(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn tokens_are_unique() {
        let tokens: std::collections::HashSet<String> = (0..1000).map(|_| unique_token()).collect();
        assert_eq!(tokens.len(), 1000);
    }

    #[test]
    fn temp_names_never_look_like_a_state_file() {
        let temp = temp_beside(Path::new("/state/locks/mbx-02.lock"));
        let name = temp
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert!(name.starts_with(".mbx-02.lock."), "{name}");
        assert_eq!(temp.extension(), Some("tmp".as_ref()));
        assert_eq!(temp.parent(), Some(Path::new("/state/locks")));
    }
}
