//! Quoting for remote shells: POSIX sh and PowerShell. Nothing else in the program quotes.
//!
//! Values are checked before they are quoted: quoting alone makes any text one literal
//! word, the checks keep a value nobody meant (`mbx-02;reboot`, a look-alike `’`) from
//! reaching a server at all (ARCHITECTURE "Non-negotiables" 3).

use crate::i18n::Said;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Signs a POSIX shell or PowerShell would act on, named as such in a rejection.
const SHELL_SIGNS: &str = ";&|$`'\"<>(){}[]*?!#~\\^=%,";
/// The characters PowerShell reads as a single quote: ASCII `'` and U+2018..=U+201B.
const POWERSHELL_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// What one kind of value may hold; `what` and `first_refused` are message ids.
struct Rule {
    what: &'static str,
    max: usize,
    allowed: fn(char) -> bool,
    first: fn(char) -> bool,
    first_refused: &'static str,
}

/// The longest DNS name (RFC 1035); no server, identity or service name needs more.
pub const MAX_NAME: usize = 253;
/// The longest label of a DNS name, between two dots (RFC 1035).
pub const MAX_LABEL: usize = 63;

const VALUE: Rule = Rule {
    what: "finding-value-what-name",
    max: MAX_NAME,
    allowed: |c| c.is_ascii_alphanumeric() || ".-_\\*@:".contains(c),
    first: |c| c != '-',
    first_refused: "finding-value-dash-option",
};
const HOST: Rule = Rule {
    what: "finding-value-what-host",
    max: MAX_NAME,
    allowed: is_host_char,
    first: |c| c != '-',
    first_refused: "finding-value-dash-ssh",
};
/// 32: the longest login name useradd accepts by default.
const USER: Rule = Rule {
    what: "finding-value-what-login",
    max: 32,
    allowed: |c| c.is_ascii_alphanumeric() || "_.-".contains(c),
    first: |c| c.is_ascii_alphabetic() || c == '_',
    first_refused: "finding-value-login-start",
};

/// A value refused before any shell saw it, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    value: String,
    reason: Said,
}

impl Rejected {
    /// The value as it arrived.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The value as an error shows it: escaped and cut short, so an error line never moves
    /// the cursor or fills the screen.
    pub fn printable(&self) -> String {
        let value = &self.value;
        let (head, more) = match value.char_indices().nth(60) {
            Some((at, _)) => (&value[..at], "…"),
            None => (value.as_str(), ""),
        };
        format!("{}{more}", head.escape_debug())
    }

    /// Why it was refused, without the value.
    pub fn reason(&self) -> &Said {
        &self.reason
    }

    /// The value and why it was refused (the reason alone for an empty value).
    pub fn said(&self) -> Said {
        if self.value.is_empty() {
            return self.reason.clone();
        }
        Said::new("finding-value-rejected")
            .text("value", self.printable())
            .said("reason", self.reason.clone())
    }
}

/// In English.
impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for Rejected {}

/// A value from the inventory, a runbook or an alert: a server, host, identity
/// (`IMAP.Protocol\ImapDeepTestProbe`), wildcard (`IMAP*`) or service name. ASCII letters,
/// digits and `. - _ \ * @ :`, 1 to 253 characters, not starting with `-`.
pub fn check_value(value: &str) -> Result<(), Rejected> {
    check(value, &VALUE)
}

/// A host for ssh or `-ComputerName`: an IPv4 or IPv6 address, or a DNS name: ASCII
/// letters, digits, `-` and `.`, at most 253 characters, labels of 1 to 63 that neither start
/// nor end with `-` (a leading `-` would read as an option to ssh). The one rule for hosts,
/// session hosts and server names, in the inventory and at run time (ARCHITECTURE "Names").
pub fn check_host(value: &str) -> Result<(), Rejected> {
    if value.parse::<Ipv4Addr>().is_ok() || value.parse::<Ipv6Addr>().is_ok() {
        return Ok(());
    }
    check(value, &HOST)?;
    // One trailing dot is a fully qualified name; any other empty label is a typo.
    let name = value.strip_suffix('.').unwrap_or(value);
    for label in name.split('.') {
        if label.is_empty() {
            return Err(refuse(value, Said::new("finding-value-empty-label")));
        }
        if label.len() > MAX_LABEL {
            let reason = Said::new("finding-value-long-label")
                .count("length", label.len())
                .count("max", MAX_LABEL);
            return Err(refuse(value, reason));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(refuse(value, Said::new("finding-value-label-dash")));
        }
    }
    Ok(())
}

/// A server name: the host its steps reach over ssh and PowerShell unless the inventory
/// names another, so it follows [`check_host`] (no `_`: Exchange and DNS names have none).
pub fn check_server_name(value: &str) -> Result<(), Rejected> {
    check_host(value)
}

/// What a DNS name may hold: ASCII letters, digits, `-` and `.`.
pub fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.'
}

/// A POSIX login name: `[A-Za-z_][A-Za-z0-9_.-]*`, at most 32 characters.
pub fn check_user(value: &str) -> Result<(), Rejected> {
    check(value, &USER)
}

fn refuse(value: &str, reason: Said) -> Rejected {
    let value = value.to_owned();
    Rejected { value, reason }
}

fn check(value: &str, rule: &Rule) -> Result<(), Rejected> {
    let Rule { what, max, .. } = *rule;
    let Some(first) = value.chars().next() else {
        let reason = Said::new("finding-value-empty").said("what", Said::new(what));
        return Err(refuse(value, reason));
    };
    if let Some(c) = value.chars().find(|&c| !(rule.allowed)(c)) {
        return Err(refuse(value, why(c, what)));
    }
    if !(rule.first)(first) {
        return Err(refuse(value, Said::new(rule.first_refused)));
    }
    // Only ASCII is left, so bytes are characters.
    let len = value.len();
    if len > max {
        let reason = Said::new("finding-value-too-long")
            .count("length", len)
            .said("what", Said::new(what))
            .count("max", max);
        return Err(refuse(value, reason));
    }
    Ok(())
}

/// Why `c` may not appear, for a person reading the error at 3 a.m. (`what`: the rule's
/// message id).
fn why(c: char, what: &'static str) -> Said {
    let shown = c.escape_debug().to_string();
    match c {
        '\n' | '\r' => Said::new("finding-value-line-break"),
        ' ' | '\t' => Said::new("finding-value-blank"),
        c if c.is_control() => Said::new("finding-value-control").text("char", shown),
        c if !c.is_ascii() => Said::new("finding-value-not-ascii")
            .text("char", shown)
            .text("code", format!("U+{:04X}", u32::from(c))),
        c if SHELL_SIGNS.contains(c) => Said::new("finding-value-shell-sign").text("char", c),
        c => Said::new("finding-value-not-allowed")
            .text("char", c)
            .said("what", Said::new(what)),
    }
}

/// One POSIX sh word that stands for exactly `value`, whatever it holds.
///
/// Runs of ordinary characters go inside `'…'`; each `'` and `\` goes outside as `\'` or
/// `\\`. Equivalent to the classic `'\''` in sh, bash, dash, ksh and zsh, and also right in
/// fish, which reads `\'` and `\\` inside single quotes.
pub fn posix(value: &str) -> String {
    if value.is_empty() {
        return "''".to_owned();
    }
    let mut quoted = String::with_capacity(value.len() + 2);
    let mut open = false;
    for c in value.chars() {
        let outside = c == '\'' || c == '\\';
        if open == outside {
            quoted.push('\'');
            open = !open;
        }
        if outside {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    if open {
        quoted.push('\'');
    }
    quoted
}

/// The command line `ssh host -- <line>` hands the remote login shell: each word quoted
/// by [`posix`], except words no shell reads specially, which stay bare for the record.
pub fn posix_command(argv: &[String]) -> String {
    let word = |w: &String| if is_bare(w) { w.clone() } else { posix(w) };
    argv.iter().map(word).collect::<Vec<_>>().join(" ")
}

/// No `=` (an assignment as the first word, zsh's `=cmd`), `%` (fish 2's `%pid`), `~`.
fn is_bare(word: &str) -> bool {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:@,+-".contains(c);
    !word.is_empty() && word.chars().all(plain)
}

/// A PowerShell verbatim string standing for exactly `value`: `'…'`, with every character
/// PowerShell takes for a single quote (`'` and U+2018..=U+201B) doubled.
pub fn powershell(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('\'');
    for c in value.chars() {
        if POWERSHELL_QUOTES.contains(&c) {
            quoted.push(c);
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[rustfmt::skip] // tables of strings read best a few to a line
mod tests {
    use super::*;

    /// Everything a shell might act on, and the quoting's own characters.
    const NASTY: &[&str] = &[
        "", "plain", "it's", "'", "''", "\\", "a\\", "\\'", "'\\'", "a'b\\c'd", "$(touch pwned)",
        "`id`", "; rm -rf ~", "a && b", "a | b", "\"q\"", "${HOME}", "$HOME", "a\nb", "\n",
        "end\n", "*", "?", "[a]", "~root", "{a,b}", "!!", "#c", "a b", "\t", "-n", "--", "=ls",
        "x=y", "%1", "é ’ ； \u{37e}", "\u{1b}[31m",
    ];
    const GOOD_VALUES: &[&str] =
        &["mbx-02", "ex-03.corp", "IMAP.Protocol\\ImapDeepTestProbe", "IMAP*", "a@b:c_d"];
    const BAD_VALUES: &[&str] = &[
        "", "mbx-02;reboot", "$(id)", "`id`", "a'b", "a\"b", "a\nb", "a&&b", "a|b", "a b", "a\tb",
        "<x>", "(x)", "{x}", "x\u{37e}", "x\u{ff1b}", "x\u{2019}", "x\u{0}", "cаs", "-Force",
    ];
    const GOOD_HOSTS: &[&str] = &["mbx-02", "a.example.org", "a.example.org.", "127.0.0.1", "::1"];
    const BAD_HOSTS: &[&str] = &[
        "", "-oProxy=x", "host_name", "a..b", ".a", "a b", "a;b", "[::1]", "a:b", "h\u{2019}",
        "mbx_01", "a-.b", "a.-b", "a..", ".",
    ];
    const GOOD_USERS: &[&str] = &["healthdeck", "_svc", "ops.user-1"];
    const BAD_USERS: &[&str] = &["", "1ops", "-l", "ops$", "a b", "ops;id"];

    /// What `printf '%s\n' <words>` prints in `shell`.
    fn printed(shell: &str, words: &str) -> String {
        let script = format!("printf '%s\\n' {words}");
        let out = std::process::Command::new(shell).arg("-c").arg(script).output().unwrap();
        assert!(out.status.success(), "{shell}: {words}");
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn posix_round_trips_through_real_shells() {
        let shells = ["/bin/sh", "/bin/bash"].into_iter();
        for shell in shells.filter(|s| std::path::Path::new(s).exists()) {
            for value in NASTY {
                assert_eq!(printed(shell, &posix(value)), format!("{value}\n"), "{shell}");
            }
            let argv: Vec<String> = NASTY.iter().map(|v| (*v).to_owned()).collect();
            let lines: Vec<String> = NASTY.iter().map(|v| format!("{v}\n")).collect();
            assert_eq!(printed(shell, &posix_command(&argv)), lines.concat(), "{shell}");
        }
    }

    #[test]
    fn quoting_is_exact() {
        assert_eq!(posix(""), "''");
        assert_eq!(posix("it's"), r"'it'\''s'");
        assert_eq!(posix("a\\b"), r"'a'\\'b'");
        assert_eq!(posix("'"), r"\'");
        assert_eq!(posix("$(id)"), "'$(id)'");
        let argv = ["systemctl", "restart", "dovecot.service", "", "a b", "x=y", "-n"];
        let argv = argv.map(String::from);
        assert_eq!(posix_command(&argv), "systemctl restart dovecot.service '' 'a b' 'x=y' -n");
        // PowerShell: every character it takes for a single quote is doubled.
        assert_eq!(powershell(""), "''");
        assert_eq!(powershell("mbx-02"), "'mbx-02'");
        assert_eq!(powershell("it's"), "'it''s'");
        assert_eq!(powershell("'; Stop-Computer; '"), "'''; Stop-Computer; '''");
        assert_eq!(
            powershell("a\u{2018}b\u{2019}c\u{201A}d\u{201B}"),
            "'a\u{2018}\u{2018}b\u{2019}\u{2019}c\u{201A}\u{201A}d\u{201B}\u{201B}'"
        );
        // Nothing else is special in a verbatim string: `$`, backticks, `"` and newlines.
        assert_eq!(powershell("$(x) `n \"q\" ;\nz"), "'$(x) `n \"q\" ;\nz'");
    }

    #[test]
    fn checks_let_names_through_and_refuse_what_a_shell_would_act_on() {
        for (check, good, bad) in [
            (check_value as fn(&str) -> Result<(), Rejected>, GOOD_VALUES, BAD_VALUES),
            (check_host, GOOD_HOSTS, BAD_HOSTS),
            (check_user, GOOD_USERS, BAD_USERS),
        ] {
            for v in good { assert!(check(v).is_ok(), "{v:?}"); }
            for v in bad { assert!(check(v).is_err(), "{v:?}"); }
        }
        assert!(check_value(&"a".repeat(253)).is_ok() && check_value(&"a".repeat(254)).is_err());
        assert!(check_user(&"u".repeat(32)).is_ok() && check_user(&"u".repeat(33)).is_err());
    }

    #[test]
    fn a_host_keeps_to_the_dns_lengths() {
        let label = "a".repeat(63);
        assert!(check_host(&label).is_ok() && check_host(&format!("{label}.")).is_ok());
        let long = check_host(&format!("x.{label}b.org")).unwrap_err();
        assert_eq!(long.reason().english(), "has a label of 64 characters; a DNS label has at most 63");
        let name = [label.as_str(); 4].join(".");
        assert!(check_host(&name[..253]).is_ok(), "253 characters in labels of 63");
        let over = check_host(&format!("{}.b", &name[..252])).unwrap_err();
        assert_eq!(over.reason().english(), "is 254 characters long; a host name has at most 253");
        let huge = check_server_name(&"a".repeat(100_000)).unwrap_err();
        assert!(huge.to_string().chars().count() < 130, "{huge}");
        assert!(check_server_name("mbx_01").is_err() && check_server_name("mbx-01").is_ok());
    }

    #[test]
    fn a_rejection_says_what_and_why_without_moving_the_cursor() {
        let said = |v: &str| check_value(v).unwrap_err().to_string();
        assert_eq!(said("mbx-02;reboot"), "`mbx-02;reboot` holds `;`, which a shell would act on");
        assert_eq!(said("mbx\n02"), "`mbx\\n02` holds a line break, which would end the command");
        let tail = "which is not plain ASCII; look-alikes of quotes and separators hide there";
        assert_eq!(said("mbx\u{37e}"), format!("`mbx\u{37e}` holds `\u{37e}` (U+037E), {tail}"));
        let bidi = format!("`a\\u{{202e}}b` holds `\\u{{202e}}` (U+202E), {tail}");
        assert_eq!(said("a\u{202e}b"), bidi);
        assert_eq!(said(""), "empty value where a name is needed");
        assert!(said(&"a".repeat(300)).starts_with(&format!("`{}…` is 300", "a".repeat(60))));
        let dash = "`-oProxyCommand` starts with `-`, which ssh would read as an option";
        assert_eq!(check_host("-oProxyCommand").unwrap_err().to_string(), dash);
    }
}
