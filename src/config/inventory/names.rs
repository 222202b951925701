//! What a server name, a host, a certificate name and an environment variable name may hold.
//! Inventory values reach remote shells (ssh, pwsh) and the terminal, so they are checked
//! here, at load, before anything quotes or draws them (ARCHITECTURE "Non-negotiables" 3 and 6).

use crate::command::quote::{self, Rejected};

/// The first character of `value` that `allowed` refuses, described for a person.
fn first_refused(value: &str, allowed: impl Fn(char) -> bool) -> Option<String> {
    value.chars().find(|&c| !allowed(c)).map(describe)
}

/// `;` → "`;`", a space → "a space", U+000A → "a control character (U+000A)", a Cyrillic
/// `о` → "`о` (U+043E, not ASCII)": look-alikes are named by their code point.
fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    if c == ' ' {
        "a space".to_owned()
    } else if c.is_control() {
        format!("a control character ({code})")
    } else if c.is_whitespace() {
        format!("whitespace ({code})")
    } else if !c.is_ascii() {
        format!("`{c}` ({code}, not ASCII)")
    } else {
        format!("`{c}`")
    }
}

/// The value as it may be printed: control characters escaped, so an error message never
/// moves the cursor or rings the bell.
pub(crate) fn printable(value: &str) -> String {
    value.escape_debug().to_string()
}

/// The rule's verdict (`command::quote`, the one the transports apply), worded for the
/// inventory: what is wrong, then the rule.
fn worded(
    value: &str,
    verdict: Result<(), Rejected>,
    what: &str,
    rule: &str,
) -> Result<(), String> {
    let Err(rejected) = verdict else {
        return Ok(());
    };
    let printed = rejected.printable();
    Err(if value.is_empty() {
        format!("{what} is empty ({rule})")
    } else if value.starts_with('-') {
        // A leading dash reads as an option to ssh and friends.
        format!("`{printed}` starts with `-` ({rule})")
    } else if let Some(c) = first_refused(value, quote::is_host_char) {
        format!("`{printed}` contains {c} ({rule})")
    } else {
        format!("`{printed}` {} ({rule})", rejected.reason())
    })
}

/// A server name: the host its steps reach unless `ssh.host` or `pwsh.session_host` names
/// another, so the host rule (ARCHITECTURE "Names").
pub(crate) fn check_server_name(value: &str) -> Result<(), String> {
    const RULE: &str = "a server name is a host name: ASCII letters, digits, `-` and `.`, \
                        labels of at most 63 characters, at most 253 in all";
    worded(
        value,
        quote::check_server_name(value),
        "the server name",
        RULE,
    )
}

/// A host or an expected certificate name: a DNS name (ASCII letters, digits, `-`, `.`),
/// an IPv4 address or an IPv6 address written without brackets.
pub(crate) fn check_host(value: &str) -> Result<(), String> {
    const RULE: &str = "a host is a DNS name of ASCII letters, digits, `-` and `.`, or an \
                        IPv4 or IPv6 address";
    if value.starts_with('[') && value.ends_with(']') {
        return Err(format!(
            "`{}`: write an IPv6 address without brackets",
            printable(value)
        ));
    }
    worded(value, quote::check_host(value), "the host", RULE)
}

/// A login name for ssh: the same rule as what reaches a remote shell (`command::quote`).
pub(crate) fn check_user(value: &str) -> Result<(), String> {
    crate::command::quote::check_user(value).map_err(|rejected| rejected.to_string())
}

/// An environment variable name: ASCII letters, digits and `_`, not starting with a digit.
pub(crate) fn check_env_name(value: &str) -> Result<(), String> {
    let mut chars = value.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not an environment variable name (ASCII letters, digits and `_`, not \
             starting with a digit)",
            printable(value)
        ))
    }
}

/// A label shown in the banner and the terminal title (the inventory's name, a site):
/// printable ASCII, so it can neither inject a terminal sequence nor misalign the grid.
pub(crate) fn check_label(value: &str, what: &str, max: usize) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(format!("{what} is empty"));
    }
    if let Some(c) = first_refused(value, |c| c == ' ' || c.is_ascii_graphic()) {
        return Err(format!(
            "`{}` contains {c} ({what} is printable ASCII)",
            printable(value)
        ));
    }
    if value.chars().count() > max {
        return Err(format!("{what} is longer than {max} characters"));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{check_env_name, check_host, check_server_name};

    #[test]
    fn names_and_hosts_refuse_what_a_shell_or_a_terminal_would_read() {
        assert!(check_server_name("cas-01.lab-a").is_ok());
        for bad in [
            "cas;01", "cas$(id)", "cas 01", "cas\n01", "-x", "", "cаs", "mbx_01",
        ] {
            assert!(check_server_name(bad).is_err(), "{bad:?}");
        }
        for good in [
            "127.0.0.1",
            "::1",
            "fe80::1",
            "mail.example.org",
            "localhost",
        ] {
            assert!(check_host(good).is_ok(), "{good}");
        }
        for bad in ["[::1]", "a..b", "host_name", "a b", "-oProxyCommand=x"] {
            assert!(check_host(bad).is_err(), "{bad}");
        }
        let rule = "(a server name is a host name: ASCII letters, digits, `-` and `.`, labels \
                    of at most 63 characters, at most 253 in all)";
        let said = |v: &str| check_server_name(v).unwrap_err();
        assert_eq!(
            said("cаs"),
            format!("`cаs` contains `а` (U+0430, not ASCII) {rule}")
        );
        assert_eq!(said("mbx_01"), format!("`mbx_01` contains `_` {rule}"));
        let long = said(&"a".repeat(100_000));
        assert!(long.starts_with(&format!("`{}…` is 100000 characters long", "a".repeat(60))));
        assert!(long.len() < 300, "{long}");
        let label = format!("{}.lab", "a".repeat(64));
        let label_said = "has a label of 64 characters; a DNS label has at most 63";
        assert!(said(&label).contains(label_said), "{}", said(&label));
        assert!(check_env_name("HEALTHDECK_PROBE_USER").is_ok());
        assert!(check_env_name("1X").is_err() && check_env_name("A-B").is_err());
    }
}
