//! What a server name, a host, a certificate name and an environment variable name may hold.
//! Inventory values reach remote shells (ssh, pwsh) and the terminal, so they are checked
//! here, at load, before anything quotes or draws them (ARCHITECTURE "Non-negotiables" 3 and 6).

use crate::command::quote::{self, Rejected};
use crate::i18n::Said;

/// The first character of `value` that `allowed` refuses, described for a person.
fn first_refused(value: &str, allowed: impl Fn(char) -> bool) -> Option<Said> {
    value.chars().find(|&c| !allowed(c)).map(describe)
}

/// `;` → "`;`", a space → "a space", U+000A → "a control character (U+000A)", a Cyrillic
/// `о` → "`о` (U+043E, not ASCII)": look-alikes are named by their code point.
fn describe(c: char) -> Said {
    let code = format!("U+{:04X}", u32::from(c));
    // What Rust would not print as itself (a direction override such as U+202E, which can
    // reorder the line it sits in) is named by its code point only, like a control character.
    let unprintable = c.escape_debug().ne(std::iter::once(c));
    if c == ' ' {
        Said::new("finding-char-space")
    } else if c.is_control() || (unprintable && !c.is_whitespace()) {
        Said::new("finding-char-control").text("code", code)
    } else if c.is_whitespace() {
        Said::new("finding-char-whitespace").text("code", code)
    } else if !c.is_ascii() {
        Said::new("finding-char-not-ascii")
            .text("char", c)
            .text("code", code)
    } else {
        Said::new("finding-char").text("char", c)
    }
}

/// The value as it may be printed: control characters escaped, so an error message never
/// moves the cursor or rings the bell.
pub(crate) fn printable(value: &str) -> String {
    value.escape_debug().to_string()
}

/// The rule's verdict (`command::quote`, the one the transports apply), worded for the
/// inventory: what is wrong, then the rule. `empty` and `rule` are message ids.
fn worded(
    value: &str,
    verdict: Result<(), Rejected>,
    empty: &'static str,
    rule: &'static str,
) -> Result<(), Said> {
    let Err(rejected) = verdict else {
        return Ok(());
    };
    let printed = rejected.printable();
    let wrong = if value.is_empty() {
        Said::new(empty)
    } else if value.starts_with('-') {
        // A leading dash reads as an option to ssh and friends.
        Said::new("finding-inventory-starts-with-dash").text("value", printed)
    } else if let Some(c) = first_refused(value, quote::is_host_char) {
        Said::new("finding-inventory-contains")
            .text("value", printed)
            .said("char", c)
    } else {
        rejected.said()
    };
    Err(Said::new("finding-inventory-with-rule")
        .said("finding", wrong)
        .said("rule", Said::new(rule)))
}

/// A server name: the host its steps reach unless `ssh.host` or `pwsh.session_host` names
/// another, so the host rule (ARCHITECTURE "Names").
pub(crate) fn check_server_name(value: &str) -> Result<(), Said> {
    worded(
        value,
        quote::check_server_name(value),
        "finding-inventory-server-name-empty",
        "finding-inventory-rule-server-name",
    )
}

/// A host or an expected certificate name: a DNS name (ASCII letters, digits, `-`, `.`),
/// an IPv4 address or an IPv6 address written without brackets.
pub(crate) fn check_host(value: &str) -> Result<(), Said> {
    if value.starts_with('[') && value.ends_with(']') {
        return Err(Said::new("finding-inventory-host-brackets").text("host", printable(value)));
    }
    worded(
        value,
        quote::check_host(value),
        "finding-inventory-host-empty",
        "finding-inventory-rule-host",
    )
}

/// A login name for ssh: the same rule as what reaches a remote shell (`command::quote`).
pub(crate) fn check_user(value: &str) -> Result<(), Said> {
    crate::command::quote::check_user(value).map_err(|rejected| rejected.said())
}

/// An environment variable name: ASCII letters, digits and `_`, not starting with a digit.
pub(crate) fn check_env_name(value: &str) -> Result<(), Said> {
    let mut chars = value.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(Said::new("finding-inventory-env-name").text("name", printable(value)))
    }
}

/// What a label names, as message ids: its findings when empty, holding a character it may
/// not, or too long.
pub(crate) struct Label {
    empty: &'static str,
    refused: &'static str,
    too_long: &'static str,
}

/// The inventory's name, in the banner.
pub(crate) const INVENTORY_NAME: Label = Label {
    empty: "finding-inventory-name-empty",
    refused: "finding-inventory-name-refused",
    too_long: "finding-inventory-name-too-long",
};

/// A server's site, in a grid column.
pub(crate) const SITE: Label = Label {
    empty: "finding-inventory-site-empty",
    refused: "finding-inventory-site-refused",
    too_long: "finding-inventory-site-too-long",
};

/// A label shown in the banner and the terminal title (the inventory's name, a site):
/// printable ASCII, so it can neither inject a terminal sequence nor misalign the grid.
pub(crate) fn check_label(value: &str, what: &Label, max: usize) -> Result<(), Said> {
    if value.trim().is_empty() {
        return Err(Said::new(what.empty));
    }
    if let Some(c) = first_refused(value, |c| c == ' ' || c.is_ascii_graphic()) {
        return Err(Said::new(what.refused)
            .text("value", printable(value))
            .said("char", c));
    }
    if value.chars().count() > max {
        return Err(Said::new(what.too_long).count("max", max));
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
        let said = |v: &str| check_server_name(v).unwrap_err().english();
        assert_eq!(
            said("cаs"),
            format!("`cаs` contains `а` (U+0430, not ASCII) {rule}")
        );
        assert_eq!(said("mbx_01"), format!("`mbx_01` contains `_` {rule}"));
        // A direction override is named, never printed: it would reorder the line.
        let reordered = said("mbx\u{202e}10");
        assert!(
            reordered.contains("U+202E") && !reordered.contains('\u{202e}'),
            "{reordered}"
        );
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
