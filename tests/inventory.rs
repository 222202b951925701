//! The inventory as an engineer writes it: the shipped example loads and lints clean, each
//! kind of mistake is reported with its exact `file:line:column: message`, credentials are
//! read by reference only, and a password never reaches any output.
#![allow(clippy::unwrap_used)]

use healthdeck::command::transport::Transport;
use healthdeck::config::inventory::{
    CredentialSource, EndpointSpec, Inventory, ProbeTiming, TlsKind,
};
use healthdeck::health::{AlertValue, Monitor, MonitorPolicy, Role, Rule, Span};
use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PASSWORD: &str = "Pw-7c1f-NEVER-SHOWN";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/inventory/local-dovecot.yaml")
}

/// A small valid inventory the bad cases are edited from.
const BASE: &str = "\
name: lab
credentials:
  user: probe
  password: { env: HEALTHDECK_PROBE_PASSWORD }
servers:
  - name: cas-01
    role: cas
    site: LAB
    monitoring_mailbox: mbx-01
    imap:
      - { host: cas-01.lab.example, port: 143, tls: starttls }
  - name: mbx-01
    role: mailbox
    site: LAB
    pop3:
      - { host: 10.0.0.2, tls: implicit, server_name: mbx-01.lab.example }
";

fn parse(text: &str, dir: &Path) -> Result<Inventory, Vec<String>> {
    Inventory::parse(text, "inv.yaml", dir, Some("inv"))
        .map_err(|found| found.iter().map(ToString::to_string).collect())
}

/// The findings of BASE with `from` replaced by `to`.
fn findings(from: &str, to: &str) -> Vec<String> {
    assert!(BASE.contains(from), "{from}");
    parse(&BASE.replacen(from, to, 1), Path::new("/nonexistent")).unwrap_err()
}

fn run(args: &[&str], envs: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_healthdeck"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HEALTHDECK_INVENTORY")
        .env("HEALTHDECK_PROBE_USER", "probe")
        .env("HEALTHDECK_PROBE_PASSWORD", PASSWORD)
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("healthdeck-inventory-tests"),
        )
        .stdin(Stdio::null());
    for (key, value) in envs {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(
        !stdout.contains(PASSWORD) && !stderr.contains(PASSWORD),
        "the password leaked:\n{stdout}\n{stderr}"
    );
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

#[test]
fn the_example_loads_with_its_servers_endpoints_and_rules() {
    let inventory = Inventory::load(&example()).unwrap();
    assert_eq!(inventory.name, "local-dovecot");
    let names: Vec<(&str, Role, &str)> = inventory
        .servers
        .iter()
        .map(|s| {
            (
                s.server.name.as_str(),
                s.server.role,
                s.server.site.as_str(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("cas-01", Role::Cas, "LAB"),
            ("mbx-01", Role::Mailbox, "LAB")
        ]
    );
    let endpoint = |port, tls, server_name: Option<&str>| EndpointSpec {
        host: "127.0.0.1".to_owned(),
        port,
        tls,
        server_name: server_name.map(str::to_owned),
    };
    for server in &inventory.servers {
        assert_eq!(
            server.endpoints.imap,
            [
                endpoint(10143, TlsKind::None, None),
                endpoint(10993, TlsKind::Implicit, Some("localhost")),
            ]
        );
        assert_eq!(
            server.endpoints.pop3,
            [
                endpoint(10110, TlsKind::None, None),
                endpoint(10995, TlsKind::Implicit, Some("localhost")),
            ]
        );
    }
    assert_eq!(
        inventory.servers[0].monitoring_mailbox.as_deref(),
        Some("mbx-01")
    );
    assert_eq!(inventory.monitoring_mailboxes()[0], 1);
    assert_eq!(inventory.probes, ProbeTiming::default());
    assert_eq!(inventory.probes.interval, Span::seconds(60));
    assert_eq!(inventory.probes.timeout, Span::seconds(10));
    let credentials = inventory.credentials.as_ref().unwrap();
    assert_eq!(
        credentials.user.source,
        CredentialSource::Env("HEALTHDECK_PROBE_USER".to_owned())
    );
    assert_eq!(
        credentials.password.source,
        CredentialSource::Env("HEALTHDECK_PROBE_PASSWORD".to_owned())
    );
    assert_eq!(
        inventory.ca.as_ref().unwrap().source,
        CredentialSource::Env("HEALTHDECK_PROBE_CA".to_owned())
    );

    // The default rules everywhere but the one override.
    let policies = inventory.policies();
    for (monitor, policy) in Monitor::ALL.into_iter().zip(policies) {
        let mut expected = MonitorPolicy::default_for(monitor);
        if monitor.name() == "ImapCTPMonitor" {
            expected.interval = Span::seconds(30);
        }
        assert_eq!(policy, expected, "{}", monitor.name());
    }
    assert_eq!(
        policies[0].rule,
        Rule::ConsecutiveFailures { count: 3 },
        "ImapCTPMonitor"
    );
}

#[test]
fn defaults_fill_in_ports_policies_and_the_name() {
    let text = "\
servers:
  - name: ex-01
    role: both
    site: AMS
    imap: [{ host: ex-01.example.org, tls: starttls }]
    pop3:
      - { host: \"::1\", tls: implicit }
      - { host: ex-01.example.org, tls: none }
probes: { interval: 2m }
";
    let inventory = parse(text, Path::new("/nonexistent")).unwrap();
    assert_eq!(inventory.name, "inv", "the file name without extension");
    let server = &inventory.servers[0];
    assert_eq!(server.endpoints.imap[0].port, 143);
    let ports: Vec<u16> = server.endpoints.pop3.iter().map(|e| e.port).collect();
    assert_eq!(ports, [995, 110]);
    assert!(inventory.credentials.is_none() && inventory.ca.is_none());
    // The probe interval reaches every probe-fed monitor; windows keep their defaults.
    let policies = inventory.policies();
    for (monitor, policy) in Monitor::ALL.into_iter().zip(policies) {
        let fed = monitor.name() != "RequestsQueuedGt500Monitor";
        let expected = if fed {
            Span::minutes(2)
        } else {
            Span::seconds(60)
        };
        assert_eq!(policy.interval, expected, "{}", monitor.name());
        assert_eq!(policy.rule, MonitorPolicy::default_for(monitor).rule);
        let stale = if fed {
            Span::minutes(6)
        } else {
            Span::minutes(5)
        };
        assert_eq!(policy.stale_after, stale, "{}", monitor.name());
    }
    let plain = parse(BASE, Path::new("/nonexistent")).unwrap();
    assert_eq!(plain.policies(), MonitorPolicy::defaults());
    assert_eq!(plain.monitoring_mailboxes()[0], 1);
}

const NAME_RULE: &str = "(a server name is a host name: ASCII letters, digits, `-` and `.`, \
                         labels of at most 63 characters, at most 253 in all)";
const HOST_RULE: &str =
    "(a host is a DNS name of ASCII letters, digits, `-` and `.`, or an IPv4 or IPv6 address)";

#[test]
fn each_mistake_names_file_line_column_and_what_is_wrong() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "    role: cas\n",
            "    role: cas\n    rol: cas\n",
            "inv.yaml:8:5: servers[0]: unknown field `rol`, expected one of `name`, `role`, \
             `site`, `imap`, `pop3`, `monitoring_mailbox`, `commands`, `transport`, `ssh`",
        ),
        (
            "    role: cas\n",
            "    role: cas\n    commands: { restart_servic: [systemctl, restart, dovecot] }\n",
            "inv.yaml:8:33: servers[0].commands.restart_servic: unknown action `restart_servic`",
        ),
        (
            "    role: cas\n",
            "    role: cas\n    commands: { restart_service: [] }\n",
            "inv.yaml:8:34: servers[0].commands.restart_service: the command is empty: give \
             the program and its arguments",
        ),
        (
            "    role: cas\n",
            "    role: cas\n    commands: { restart_service: [\"systemctl\\trestart\"] }\n",
            "inv.yaml:8:34: servers[0].commands.restart_service: `systemctl\\trestart` carries a \
             control character",
        ),
        (
            "role: cas\n",
            "role: cass\n",
            "inv.yaml:7:11: servers[0].role: unknown variant `cass`, expected one of `cas`, \
             `mailbox`, `both`",
        ),
        (
            "tls: starttls",
            "tls: ssl",
            "inv.yaml:11:53: servers[0].imap[0].tls: unknown variant `ssl`, expected one of \
             `none`, `starttls`, `implicit`",
        ),
        (
            "port: 143",
            "port: 65536",
            "inv.yaml:11:43: servers[0].imap[0].port: port 65536 is out of range (1 to 65535)",
        ),
        (
            "port: 143",
            "port: 0",
            "inv.yaml:11:43: servers[0].imap[0].port: port 0 is out of range (1 to 65535)",
        ),
        (
            "password: { env: HEALTHDECK_PROBE_PASSWORD }",
            "password: hunter2",
            "inv.yaml:4:13: credentials.password: a password written in the inventory is \
             refused: write it in a file with mode 0600 ({ file: PATH }) or an environment \
             variable ({ env: NAME })",
        ),
        (
            "monitoring_mailbox: mbx-01",
            "monitoring_mailbox: mbx-09",
            "inv.yaml:9:25: servers[0].monitoring_mailbox: `mbx-09` is not a server of this \
             inventory",
        ),
        (
            "monitoring_mailbox: mbx-01",
            "monitoring_mailbox: cas-01",
            "inv.yaml:9:25: servers[0].monitoring_mailbox: `cas-01` is a cas server, not a \
             Mailbox server",
        ),
        (
            "    site: LAB\n    pop3",
            "    site: LAB\n    monitoring_mailbox: cas-01\n    pop3",
            "inv.yaml:15:25: servers[1].monitoring_mailbox: only a CAS server has a \
             monitoring mailbox",
        ),
        (
            "servers:\n",
            "probes: { ceiling: 0 }\nservers:\n",
            "inv.yaml:5:20: probes.ceiling: probes in flight at once must be 1 to 65536",
        ),
    ];
    for (from, to, expected) in cases {
        assert_eq!(findings(from, to), [*expected], "{to}");
    }
}

#[test]
fn transports_and_guardrails_are_checked_where_written() {
    let linux = |from: &str, to: &str| {
        let base = BASE.replace("servers:", "platform: linux\nservers:");
        let text = base.replace(from, to);
        assert_ne!(text, base, "{from} not found");
        parse(&text, Path::new(".")).unwrap_err()
    };
    let cases: &[(&str, &str, &str)] = &[
        (
            "    role: mailbox\n",
            "    role: mailbox\n    transport: ssh\n    ssh: { host: \"mbx;reboot\" }\n",
            "inv.yaml:16:18: servers[1].ssh.host: `mbx;reboot` contains `;`",
        ),
        (
            "    role: mailbox\n",
            "    role: mailbox\n    ssh: { user: \"root x\", port: 70000 }\n",
            "inv.yaml:15:18: servers[1].ssh.user: `root x` holds a blank, which would split it into two words",
        ),
        (
            "    role: mailbox\n",
            "    role: mailbox\n    transport: pwsh\n",
            "inv.yaml:15:16: servers[1].transport: `pwsh` runs Exchange cmdlets",
        ),
        (
            "    role: mailbox\n",
            "    role: mailbox\n    transport: local\n    ssh: { host: mbx-01 }\n",
            "inv.yaml:16:10: servers[1].ssh: `ssh:` is for `transport: ssh`",
        ),
        (
            "servers:",
            "guardrails: { restarts_per_hour: 5, restarts_per_day: 2 }\nservers:",
            "inv.yaml:6:34: guardrails.restarts_per_hour: 5 restarts an hour is more than the 2",
        ),
    ];
    for (from, to, expected) in cases {
        let found = linux(from, to);
        assert!(
            found.iter().any(|f| f.starts_with(expected)),
            "{to}: {found:#?}"
        );
    }
    let port = linux(
        "    role: mailbox\n",
        "    role: mailbox\n    ssh: { port: 70000 }\n",
    );
    assert!(
        port[0].contains("servers[1].ssh.port: port 70000 is out of range"),
        "{port:?}"
    );
    let session = findings("servers:", "pwsh: { session_host: \"ex;01\" }\nservers:");
    assert!(
        session[0].starts_with("inv.yaml:5:23: pwsh.session_host: `ex;01` contains `;`"),
        "{session:?}"
    );
    // Exchange steps go through PowerShell remoting, nothing else.
    let exchange = findings(
        "    role: mailbox\n",
        "    role: mailbox\n    transport: ssh\n",
    );
    assert!(
        exchange[0].starts_with("inv.yaml:14:16: servers[1].transport: Exchange steps are cmdlets"),
        "{exchange:?}"
    );
}

#[test]
fn a_server_reached_over_ssh_gets_its_target_and_the_defaults_hold() {
    let text = BASE
        .replace("servers:", "platform: linux\nservers:")
        .replace(
            "    role: mailbox\n",
            "    role: mailbox\n    ssh: { host: mbx-01.lab.example, user: ops, port: 2222 }\n",
        );
    let inventory = parse(&text, Path::new(".")).unwrap();
    assert_eq!(inventory.servers[0].transport, Transport::Local);
    let Transport::Ssh(target) = &inventory.servers[1].transport else {
        panic!("{:?}", inventory.servers[1].transport);
    };
    assert_eq!(target.host, "mbx-01.lab.example");
    assert_eq!(target.user.as_deref(), Some("ops"));
    assert_eq!(target.port, Some(2222));
    assert_eq!(inventory.guardrails.restarts.per_hour, 1);
    assert_eq!(inventory.guardrails.restarts.per_day, 4);
    // On Exchange every server goes through pwsh, its session opened on the server itself.
    let exchange = parse(BASE, Path::new(".")).unwrap();
    assert!(matches!(
        &exchange.servers[1].transport,
        Transport::Pwsh(p) if p.session_host == "mbx-01"
    ));
}

#[test]
fn names_and_hosts_that_a_shell_or_terminal_would_read_are_refused() {
    let name = |to: &str, shown: &str, what: &str| {
        let expected =
            format!("inv.yaml:6:11: servers[0].name: `{shown}` contains {what} {NAME_RULE}");
        assert_eq!(findings("name: cas-01", to), [expected], "{to}");
    };
    name("name: cas;01", "cas;01", "`;`");
    name("name: cas$(reboot)", "cas$(reboot)", "`$`");
    name("name: \"cas 01\"", "cas 01", "a space");
    name(
        "name: \"cas\\n01\"",
        "cas\\n01",
        "a control character (U+000A)",
    );
    // A Cyrillic `с`, which looks like the Latin one.
    name("name: саs-01", "саs-01", "`с` (U+0441, not ASCII)");
    // ssh and PowerShell would refuse it at run time: lint refuses it first.
    name("name: cas_01", "cas_01", "`_`");

    let host = |to: &str, shown: &str, what: &str| {
        let expected = format!(
            "inv.yaml:11:17: servers[0].imap[0].host: `{shown}` contains {what} {HOST_RULE}"
        );
        assert_eq!(findings("host: cas-01.lab.example", to), [expected], "{to}");
    };
    host("host: cas-01;reboot", "cas-01;reboot", "`;`");
    host("host: \"$(reboot)\"", "$(reboot)", "`$`");
    host("host: \"cas-01 .lab\"", "cas-01 .lab", "a space");
    host(
        "host: \"cas-01\\r\\nlab\"",
        "cas-01\\r\\nlab",
        "a control character (U+000D)",
    );
    host(
        "host: cas-01.lаb.example",
        "cas-01.lаb.example",
        "`а` (U+0430, not ASCII)",
    );
    assert_eq!(
        findings("host: cas-01.lab.example", "host: \"-oProxyCommand=x\""),
        [format!(
            "inv.yaml:11:17: servers[0].imap[0].host: `-oProxyCommand=x` starts with `-` \
             {HOST_RULE}"
        )]
    );
}

#[test]
fn every_finding_is_reported_at_once_in_file_order() {
    let found = findings("name: mbx-01", "name: CAS-01");
    assert_eq!(
        found,
        [
            "inv.yaml:9:25: servers[0].monitoring_mailbox: `mbx-01` is not a server of this \
             inventory",
            "inv.yaml:12:11: servers[1].name: server `CAS-01` is listed twice (as `cas-01` \
             before; names are compared without case)",
        ]
    );
    let text = format!(
        "{BASE}rules:\n  ImapCTPMonitr:\n    interval: 30s\n  \
         PopCTPMonitor: {{ rule: {{ queued_above: 5, for: 1m }} }}\n"
    )
    .replacen("port: 143", "port: 99999", 1);
    assert_eq!(
        parse(&text, Path::new("/nonexistent")).unwrap_err(),
        [
            "inv.yaml:11:43: servers[0].imap[0].port: port 99999 is out of range (1 to 65535)",
            "inv.yaml:18:3: rules.ImapCTPMonitr: unknown monitor `ImapCTPMonitr` (known: \
             ImapCTPMonitor, AverageCommandProcessingTimeGt60sMonitor, \
             RequestsQueuedGt500Monitor, ImapProxyTestMonitor, ImapDeepTestMonitor, \
             ImapSelfTestMonitor, PopCTPMonitor, PopProxyTestMonitor, PopDeepTestMonitor, \
             PopSelfTestMonitor)",
            "inv.yaml:20:26: rules.PopCTPMonitor.rule: `queued > 5 for 1m` does not fit \
             PopCTPMonitor: use { consecutive_failures: N } or { failures: N, within: SPAN }",
        ]
    );
}

/// A credentials file beside the inventory, with the given mode.
fn secret_file(dir: &Path, name: &str, content: &str, mode: u32) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

#[test]
fn a_password_file_readable_by_others_is_refused_with_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let file = secret_file(dir.path(), "probe.pw", &format!("{PASSWORD}\n"), 0o644);
    let text = BASE.replace(
        "password: { env: HEALTHDECK_PROBE_PASSWORD }",
        "password: { file: probe.pw }",
    );
    let found = parse(&text, dir.path()).unwrap_err();
    let shown = file.display();
    assert_eq!(
        found,
        [format!(
            "inv.yaml:4:21: credentials.password.file: {shown} has mode 0644: a credential file \
             must be 0600 or stricter (chmod 600 {shown})"
        )]
    );
    // 0600 and 0400 pass; the file is read only when asked, one trailing newline dropped.
    for mode in [0o600, 0o400] {
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        let inventory = parse(&text, dir.path()).unwrap();
        let credentials = inventory.credentials_with(&|_| None).unwrap();
        assert_eq!(credentials.user, "probe");
        assert_eq!(credentials.password.expose(), PASSWORD);
        let debug = format!("{credentials:?} {inventory:?}");
        assert!(!debug.contains(PASSWORD), "{debug}");
        assert!(debug.contains("Secret(<redacted>)"), "{debug}");
    }
    // Loosened after loading: refused when read, still without the value.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let inventory = parse(&text, dir.path()).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let error = inventory
        .credentials_with(&|_| None)
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        format!(
            "inv.yaml:4:21: credentials.password: {shown} has mode 0640: a credential file \
             must be 0600 or stricter (chmod 600 {shown})"
        )
    );
}

#[test]
fn credentials_are_resolved_only_when_asked_and_errors_name_the_reference() {
    // Lint and load need neither the variable nor the file.
    let inventory = parse(BASE, Path::new("/nonexistent")).unwrap();
    let env = |name: &str| (name == "HEALTHDECK_PROBE_PASSWORD").then(|| OsString::from(PASSWORD));
    let credentials = inventory.credentials_with(&env).unwrap();
    assert_eq!(credentials.password.expose(), PASSWORD);
    assert!(!format!("{credentials:?}").contains(PASSWORD));
    assert_eq!(
        inventory
            .credentials_with(&|_| None)
            .unwrap_err()
            .to_string(),
        "inv.yaml:4:20: credentials.password: environment variable HEALTHDECK_PROBE_PASSWORD \
         is not set: export it before probing"
    );
    let empty = |_: &str| Some(OsString::new());
    assert_eq!(
        inventory.credentials_with(&empty).unwrap_err().to_string(),
        "inv.yaml:4:20: credentials.password: environment variable HEALTHDECK_PROBE_PASSWORD \
         is empty"
    );
    let injected = |_: &str| Some(OsString::from(format!("{PASSWORD}\r\nA1 DELETE INBOX")));
    let error = inventory
        .credentials_with(&injected)
        .unwrap_err()
        .to_string();
    assert!(error.contains("line break"), "{error}");
    assert!(!error.contains(PASSWORD), "{error}");
    // No credentials at all: the probes that log in cannot run.
    let none = parse(
        &BASE.replace(
            "credentials:\n  user: probe\n  password: { env: HEALTHDECK_PROBE_PASSWORD }\n",
            "",
        ),
        Path::new("/nonexistent"),
    )
    .unwrap();
    assert!(none.credentials_with(&|_| None).is_err());
    // The CA: an unset variable means the system's roots.
    let example = Inventory::load(&example()).unwrap();
    assert_eq!(example.ca_file_with(&|_| None).unwrap(), None);
    let ca = |_: &str| Some(OsString::from("/nonexistent/ca.pem"));
    assert!(
        example
            .ca_file_with(&ca)
            .unwrap_err()
            .to_string()
            .contains("no CA file")
    );
}

#[test]
fn lint_checks_an_inventory_alone_or_with_runbooks() {
    let example = example();
    let example = example.to_str().unwrap();
    let (code, out, _) = run(&["lint", "--inventory", example], &[]);
    assert_eq!((code, out.as_str()), (0, "1 files checked: no findings\n"));
    // Without the secrets present, too.
    let (code, _, _) = run(
        &["lint", "--inventory", example],
        &[
            ("HEALTHDECK_PROBE_PASSWORD", ""),
            ("HEALTHDECK_PROBE_USER", ""),
        ],
    );
    assert_eq!(code, 0);
    let (code, out, _) = run(&["lint", "runbooks", "--inventory", example], &[]);
    assert_eq!((code, out.as_str()), (0, "4 files checked: no findings\n"));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    let text = BASE.replace("name: cas-01", "name: cas;01").replace(
        "password: { env: HEALTHDECK_PROBE_PASSWORD }",
        &format!("password: {PASSWORD}"),
    );
    std::fs::write(&bad, text).unwrap();
    let (code, out, _) = run(&["lint", "--inventory", bad.to_str().unwrap()], &[]);
    let b = bad.display();
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        format!(
            "{b}:4:13: credentials.password: a password written in the inventory is refused: \
             write it in a file with mode 0600 ({{ file: PATH }}) or an environment variable \
             ({{ env: NAME }})\n\
             {b}:6:11: servers[0].name: `cas;01` contains `;` {NAME_RULE}\n\
             1 files checked: 2 findings\n"
        )
    );
    let (code, _, err) = run(&["lint", "--inventory", "no/such/inventory.yaml"], &[]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "healthdeck lint: no/such/inventory.yaml: no such inventory file\n"
        )
    );
}

#[test]
fn the_console_refuses_a_bad_inventory_before_touching_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    let pw = secret_file(dir.path(), "probe.pw", PASSWORD, 0o644);
    let text = BASE
        .replace("host: cas-01.lab.example", "host: \"cas-01 $(reboot)\"")
        .replace(
            "password: { env: HEALTHDECK_PROBE_PASSWORD }",
            "password: { file: probe.pw }",
        );
    std::fs::write(&bad, text).unwrap();
    let b = bad.display();
    let expected = format!(
        "healthdeck: {b}:4:21: credentials.password.file: {p} has mode 0644: a credential file \
         must be 0600 or stricter (chmod 600 {p})\n\
         healthdeck: {b}:11:17: servers[0].imap[0].host: `cas-01 $(reboot)` contains a space \
         {HOST_RULE}\n",
        p = pw.display()
    );
    for (args, envs) in [
        (vec!["--inventory", bad.to_str().unwrap()], vec![]),
        (
            vec![],
            vec![("HEALTHDECK_INVENTORY", bad.to_str().unwrap())],
        ),
    ] {
        let (code, out, err) = run(&args, &envs);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (2, "", expected.as_str())
        );
    }
    // With the scenario flag, an inventory is refused rather than silently ignored.
    let (code, _, err) = run(
        &[
            "--inventory",
            example().to_str().unwrap(),
            "--scenario",
            "pop-slow-commands",
        ],
        &[],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot be combined with an inventory"),
        "{err}"
    );
}

#[test]
fn a_good_inventory_opens_the_real_fleet_in_production_mode() {
    use clap::Parser;
    use healthdeck::runbook::platform::Platform;
    use healthdeck::update::Mode;
    let cli = healthdeck::cli::Cli::parse_from([
        "healthdeck",
        "--inventory",
        example().to_str().unwrap(),
    ]);
    let Ok(console) = healthdeck::launch::prepare(&cli) else {
        panic!("the example inventory is refused");
    };
    let state = &console.state;
    assert_eq!(
        state.launch.banner.mode,
        Mode::Production {
            inventory: "local-dovecot".to_owned()
        }
    );
    assert!(
        console.title.contains("PRODUCTION local-dovecot"),
        "{}",
        console.title
    );
    assert!(console.simulator.is_none(), "no simulator on a real fleet");
    assert_eq!(state.launch.platform, Platform::Exchange);
    let names: Vec<&str> = state
        .fleet
        .servers()
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["cas-01", "mbx-01"]);
    for server in 0..2 {
        for monitor in Monitor::ALL {
            let Some(m) = state.fleet.monitor(server, monitor) else {
                continue;
            };
            let expected = if monitor.name() == "RequestsQueuedGt500Monitor" {
                AlertValue::Disabled
            } else {
                AlertValue::Unknown
            };
            assert_eq!(m.alert, expected, "{server} {}", monitor.name());
        }
    }
    let ctp = Monitor::ALL[0];
    assert_eq!(state.fleet.policy(ctp).interval, Span::seconds(30));
}
