//! Tracing to a file under the XDG state directory — never to the screen.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Starts file logging; returns the file's path, or `None` when it cannot be opened
/// (the console still runs).
pub fn init(path: &Path) -> Option<PathBuf> {
    std::fs::create_dir_all(path.parent()?).ok()?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .ok()?;
    let filter = tracing_subscriber::EnvFilter::try_from_env("HEALTHDECK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(path.to_path_buf())
}
