//! Reading a configuration file: bounded (a `/dev/zero` or a runaway generator fails after
//! the cap, not after gigabytes) and checked as UTF-8 with the position of the first bad
//! byte (ARCHITECTURE "Bounded loading").

use super::ConfigError;
use crate::i18n::Said;
use std::io::Read;
use std::path::Path;

/// The most read of an inventory or a scenario: fleets of 100,000 servers and more at
/// about 100 bytes each.
pub const FLEET_CAP: u64 = 16 * 1024 * 1024;

/// The most read of a runbook, theme or key file: hand-written files, far below this.
pub const SMALL_CAP: u64 = 1024 * 1024;

/// The cap for a kind of file, by the word messages use for it.
pub fn cap_for(kind: &str) -> u64 {
    match kind {
        "inventory" | "scenario" => FLEET_CAP,
        _ => SMALL_CAP,
    }
}

/// `1 MiB`, `16 MiB`, or bytes when not a whole number of MiB.
pub fn shown_size(bytes: u64) -> Said {
    if bytes.is_multiple_of(1024 * 1024) {
        Said::new("finding-size-mib").count("mib", bytes / (1024 * 1024))
    } else {
        Said::new("finding-size-bytes").count("bytes", bytes)
    }
}

/// 1-based line and column (in characters) of byte `at` of `bytes`, whose first `at`
/// bytes are valid UTF-8.
pub fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.split(|&b| b == b'\n').count();
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// An error at byte `at` of `bytes`.
pub(crate) fn error_at(
    origin: &str,
    bytes: &[u8],
    at: usize,
    message: impl Into<Said>,
) -> ConfigError {
    let (line, column) = position(bytes, at);
    let mut e = ConfigError::new(origin, message);
    (e.line, e.column) = (Some(line), Some(column));
    e
}

/// The text of `bytes`, or where the first byte that is not UTF-8 sits.
pub fn text_of(bytes: Vec<u8>, origin: &str) -> Result<String, ConfigError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        error_at(
            origin,
            bytes,
            at,
            Said::new("finding-file-not-utf8").text("byte", format!("0x{:02X}", bytes[at])),
        )
    })
}

/// Reads at most `cap` bytes of `path` as UTF-8 text; `origin` names it in errors.
pub fn read_capped(path: &Path, origin: &str, cap: u64) -> Result<String, ConfigError> {
    let unreadable = |e: std::io::Error| {
        let said = Said::new("finding-file-unreadable").text("error", e.to_string());
        ConfigError::new(origin, said)
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(ConfigError::new(origin, Said::new("finding-file-folder")));
    }
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > cap {
        let at = cap as usize;
        // Where the cap was crossed, counted over the valid prefix only.
        let valid = std::str::from_utf8(&bytes[..at]).map_or_else(|e| e.valid_up_to(), str::len);
        return Err(error_at(
            origin,
            &bytes,
            valid,
            Said::new("finding-file-too-large").said("size", shown_size(cap)),
        ));
    }
    text_of(bytes, origin)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{position, text_of};

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position(b"ab\ncd", 4), (2, 2));
        assert_eq!(position("é\né".as_bytes(), 5), (2, 2));
        assert_eq!(position(b"", 0), (1, 1));
    }

    #[test]
    fn invalid_utf8_is_placed_at_its_first_bad_byte() {
        let e = text_of(b"a: 1\n# caf\xe9 here\n".to_vec(), "f.yaml").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(6)));
        assert!(e.message.english().contains("0xE9"), "{e}");
    }
}
