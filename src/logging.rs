//! Tracing to a file under the XDG state directory — never to the screen, not even when the
//! file fails (ARCHITECTURE "Private files", "The terminal is the console's").

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The log file, until a write to it fails: then it is dropped, and logging goes nowhere.
static LOG: Mutex<Option<File>> = Mutex::new(None);
/// The one note about a dropped log, for the console to show.
static FAILURE: Mutex<Option<String>> = Mutex::new(None);

/// Starts file logging; returns the file's path, or `None` when it cannot be opened
/// (the console still runs).
pub fn init(path: &Path) -> Option<PathBuf> {
    crate::config::paths::private_dir(path.parent()?).ok()?;
    let file = open(path).ok()?;
    *LOG.lock().unwrap_or_else(PoisonError::into_inner) = Some(file);
    let filter = tracing_subscriber::EnvFilter::try_from_env("HEALTHDECK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(|| LogWriter)
        .with_ansi(false)
        .with_env_filter(filter)
        // Its own write errors would go to stderr: the console's screen.
        .log_internal_errors(false)
        .try_init()
        .ok()?;
    Some(path.to_path_buf())
}

/// Opens the log for appending: created 0600, never through a symbolic link (O_NOFOLLOW),
/// never a FIFO or device, and made 0600 if an older one was not.
pub fn open(path: &Path) -> io::Result<File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        // O_NONBLOCK: a FIFO planted there fails the open instead of hanging the start
        // (it changes nothing for a regular file).
        .custom_flags((nix::fcntl::OFlag::O_NOFOLLOW | nix::fcntl::OFlag::O_NONBLOCK).bits())
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other(format!(
            "{}: not a regular file",
            path.display()
        )));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

/// The note that the log was dropped, once.
pub fn take_failure() -> Option<String> {
    FAILURE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
}

/// Writes to `LOG`; the first failure drops the file and leaves one note (`take_failure`).
/// Never returns an error: tracing would print it.
struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut log = LOG.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(file) = log.as_mut()
            && let Err(error) = file.write_all(buf)
        {
            *log = None;
            let why = crate::incident::writer::reason(&error);
            *FAILURE.lock().unwrap_or_else(PoisonError::into_inner) =
                Some(format!("the log is not written any more: {why}"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
