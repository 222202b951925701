//! Where healthdeck keeps its files (XDG base directories).

use std::path::PathBuf;

/// `$XDG_STATE_HOME/healthdeck`, else `~/.local/state/healthdeck`, else a temp directory.
pub fn state_dir() -> PathBuf {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|home| PathBuf::from(home).join(".local/state"))
        })
        .unwrap_or_else(std::env::temp_dir);
    base.join("healthdeck")
}

/// The tracing log: never the screen.
pub fn log_file() -> PathBuf {
    state_dir().join("healthdeck.log")
}

/// Incident records, one file per console session (DESIGN "Incident record").
pub fn default_dir() -> PathBuf {
    state_dir().join("incidents")
}

/// `~/.local/state/…` reads better in help than a long absolute path.
pub fn home_relative(path: &std::path::Path, home: Option<&str>) -> String {
    match home
        .filter(|h| !h.is_empty())
        .and_then(|h| path.strip_prefix(h).ok())
    {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// Creates `dir` (and its parents) readable by its owner only, when missing.
pub fn private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}
