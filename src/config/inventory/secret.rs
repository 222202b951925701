//! Probe credentials by reference: an environment variable or a file of mode 0600 or
//! stricter, read only when probing (ARCHITECTURE "Non-negotiables" 4). A password never
//! appears in an error message or in Debug output: it lives in a [`Secret`].

use super::names::printable;
use crate::config::ConfigError;
use crate::i18n::Said;
use std::ffi::OsString;
use std::fmt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A value that must never be shown: Debug prints `Secret(<redacted>)` and there is no
/// Display, so it cannot slip into a message by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The value itself, for the one place that sends it (a probe's LOGIN / PASS).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// Where a credential comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    /// Written in the inventory. Only a user name may be (it is not secret); a loaded
    /// inventory never holds a password this way.
    Name(String),
    /// The value of an environment variable, read when probing.
    Env(String),
    /// The content of a file (one trailing newline dropped), read when probing.
    /// Relative paths were resolved against the inventory's folder at load.
    File(PathBuf),
}

/// A credential reference and where the inventory writes it, for errors found when it is
/// resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialRef {
    pub source: CredentialSource,
    /// `credentials.password`, `ca`: the field, as error messages name it.
    pub field: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The `credentials:` of an inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialRefs {
    pub user: CredentialRef,
    pub password: CredentialRef,
}

/// Credentials read from their references, for the probes that log in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedCredentials {
    pub user: String,
    pub password: Secret,
}

/// The largest credential file read: anything bigger is not a password.
const MAX_FILE: u64 = 64 * 1024;

/// Refuses a credential file that group or others may read or write.
pub(crate) fn check_mode(path: &Path) -> Result<(), Said> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    let mode = meta.permissions().mode() & 0o7777;
    let group_or_others = mode & 0o077;
    if group_or_others == 0 {
        Ok(())
    } else {
        Err(Said::new("finding-inventory-credential-mode")
            .text("path", printable(&path.display().to_string()))
            .text("mode", format!("{mode:04o}")))
    }
}

impl CredentialRef {
    /// A finding about this field, at its place in the inventory.
    pub(crate) fn error(&self, origin: &str, message: Said) -> ConfigError {
        let said = Said::new("finding-inventory-field")
            .text("field", &self.field)
            .said("finding", message);
        let mut e = ConfigError::new(origin, said);
        e.line = self.line;
        e.column = self.column;
        e
    }

    /// Reads the value. Errors name the variable or file, never the value.
    pub(crate) fn resolve(
        &self,
        origin: &str,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<String, ConfigError> {
        let value = match &self.source {
            CredentialSource::Name(name) => return Ok(name.clone()),
            CredentialSource::Env(var) => match env(var) {
                None => {
                    let said = Said::new("finding-inventory-env-unset").text("variable", var);
                    return Err(self.error(origin, said));
                }
                Some(value) => value.into_string().map_err(|_| {
                    let said = Said::new("finding-inventory-env-not-utf8").text("variable", var);
                    self.error(origin, said)
                })?,
            },
            CredentialSource::File(path) => {
                let shown_path = printable(&path.display().to_string());
                let unreadable = |e: std::io::Error| {
                    let said = Said::new("finding-inventory-credential-unreadable")
                        .text("path", &shown_path)
                        .text("error", e.to_string());
                    self.error(origin, said)
                };
                let meta = std::fs::metadata(path).map_err(unreadable)?;
                check_mode(path).map_err(|m| self.error(origin, m))?;
                if !meta.is_file() || meta.len() > MAX_FILE {
                    let said = Said::new("finding-inventory-not-credential-file")
                        .text("path", &shown_path);
                    return Err(self.error(origin, said));
                }
                let text = std::fs::read_to_string(path).map_err(unreadable)?;
                let value = text.strip_suffix('\n').unwrap_or(&text);
                value.strip_suffix('\r').unwrap_or(value).to_owned()
            }
        };
        if value.is_empty() {
            let said = match &self.source {
                CredentialSource::Env(var) => {
                    Said::new("finding-inventory-env-empty").text("variable", var)
                }
                _ => Said::new("finding-inventory-credential-file-empty"),
            };
            return Err(self.error(origin, said));
        }
        Ok(value)
    }
}
