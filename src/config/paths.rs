//! Where healthdeck keeps its files (XDG base directories).

use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

/// `$XDG_STATE_HOME/healthdeck`, else `~/.local/state/healthdeck`, else the user's own
/// private directory in the temp directory (`fallback_dir`, ARCHITECTURE "Private files").
pub fn state_dir() -> PathBuf {
    match xdg_base("XDG_STATE_HOME", ".local/state") {
        Some(base) => base.join("healthdeck"),
        None => fallback_dir(),
    }
}

/// An XDG base directory: `$variable` when set and not empty, else `$HOME/<under_home>`.
pub fn xdg_base(variable: &str, under_home: &str) -> Option<PathBuf> {
    std::env::var_os(variable)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|home| PathBuf::from(home).join(under_home))
        })
}

/// `<temp>/healthdeck-<uid>`: a shared temp directory is never used as is.
pub fn fallback_dir() -> PathBuf {
    std::env::temp_dir().join(format!("healthdeck-{}", nix::unistd::getuid()))
}

/// The tracing log: never the screen.
pub fn log_file() -> PathBuf {
    state_dir().join("healthdeck.log")
}

/// Incident records, one file per console session (ARCHITECTURE "Incident record").
pub fn default_dir() -> PathBuf {
    state_dir().join("incidents")
}

/// `~/.local/state/…` reads better in help than a long absolute path.
pub fn home_relative(path: &Path, home: Option<&str>) -> String {
    match home
        .filter(|h| !h.is_empty())
        .and_then(|h| path.strip_prefix(h).ok())
    {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// Creates `dir` (and its parents) readable by its owner only, when missing. Under the
/// temp directory's fallback, that directory must be ours alone first (`ensure_private`).
pub fn private_dir(dir: &Path) -> io::Result<()> {
    let fallback = fallback_dir();
    if dir.starts_with(&fallback) {
        ensure_private(&fallback)?;
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Creates `dir` 0700 when missing; refuses it (with why) unless it is a real directory
/// (not a symlink), owned by this user, that nobody else may read or write.
pub fn ensure_private(dir: &Path) -> io::Result<()> {
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    let meta = std::fs::symlink_metadata(dir)?;
    let uid = nix::unistd::getuid().as_raw();
    let refuse = |why: String| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{}: {why}: refusing to keep files there", dir.display()),
        ))
    };
    if meta.file_type().is_symlink() {
        return refuse("a symbolic link, not a directory of ours".to_owned());
    }
    if !meta.is_dir() {
        return refuse("not a directory".to_owned());
    }
    if meta.uid() != uid {
        return refuse(format!(
            "owned by uid {}, not by us (uid {uid})",
            meta.uid()
        ));
    }
    if meta.mode() & 0o077 != 0 {
        return refuse(format!(
            "others may use it (mode {:o}, want 700)",
            meta.mode() & 0o777
        ));
    }
    Ok(())
}
