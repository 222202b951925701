//! Names that lint accepts can run: one rule for server names, hosts and session hosts,
//! shared by the inventory checks and the ssh and pwsh transports (ARCHITECTURE "Names").
#![allow(clippy::unwrap_used)]

use healthdeck::command::pwsh;
use healthdeck::command::transport::Transport;
use healthdeck::config::inventory::Inventory;
use healthdeck::runbook::platform::exchange::{Arg, Command, RunsOn};
use std::path::Path;

/// Names an inventory might carry: fine, just over a limit, or what a shell would act on.
fn candidates() -> Vec<String> {
    let label = "a".repeat(63);
    let longest = [label.as_str(); 4].join(".")[..253].to_owned();
    let mut names: Vec<String> = [
        "mbx-01",
        "mbx_01",
        "MBX-01.corp.example",
        "mbx-01.",
        "x",
        "x-",
        "-x",
        "a..b",
        ".a",
        "10.0.0.1",
        "fe80::1",
        "mbx;id",
        "mbx\u{2019}",
        "mbx 01",
        "cas.lab_a",
        "mbx-01.-lab",
    ]
    .map(str::to_owned)
    .to_vec();
    names.extend([
        label.clone(),
        format!("{label}a"),
        format!("mbx.{label}a.example"),
        longest.clone(),
        format!("{}.b", &longest[..252]),
        "a".repeat(100_000),
    ]);
    names
}

/// An inventory with one server called `name`, reached over ssh (linux) or pwsh (Exchange).
fn inventory(name: &str, linux: bool) -> String {
    let quoted = serde_json::to_string(name).unwrap();
    let (platform, transport) = if linux {
        ("platform: linux\n", "    transport: ssh\n")
    } else {
        ("", "")
    };
    format!(
        "name: lab\n{platform}servers:\n  - name: {quoted}\n    role: both\n    site: LAB\n\
         {transport}    imap:\n      - {{ host: imap.lab.example, tls: starttls }}\n"
    )
}

/// Whether the server's own transport would take a step on it.
fn runs(inventory: &Inventory) -> Result<(), String> {
    let server = &inventory.servers[0];
    let name = server.server.name.clone();
    match &server.transport {
        Transport::Ssh(target) => target.argv(&["true".to_owned()]).map(drop),
        Transport::Pwsh(target) => {
            let command = Command {
                pipeline: vec![vec![
                    Arg::Word("Get-Service"),
                    Arg::Word("-Name"),
                    Arg::Value("MSExchangeIMAP4".to_owned()),
                ]],
                runs_on: RunsOn::Server(name),
            };
            pwsh::script(&command, &target.session_host).map(drop)
        }
        Transport::Local => Ok(()),
    }
    .map_err(|rejected| rejected.to_string())
}

#[test]
fn a_server_name_lint_accepts_runs_over_ssh_and_pwsh_and_one_it_refuses_would_not() {
    for linux in [true, false] {
        for name in candidates() {
            let text = inventory(&name, linux);
            let shown: String = name.chars().take(70).collect();
            match Inventory::parse(&text, "inv.yaml", Path::new("."), None) {
                Ok(inventory) => {
                    assert_eq!(runs(&inventory), Ok(()), "linted clean: {shown}");
                }
                Err(found) => {
                    assert!(found.iter().all(|f| f.line.is_some()), "{shown}: {found:?}");
                    // Lint refused it: so would the transport, had it got that far.
                    assert!(
                        healthdeck::command::quote::check_server_name(&name).is_err(),
                        "{shown}: refused by lint only: {found:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn names_over_the_dns_limits_are_refused_where_written() {
    let refused = |name: &str| {
        let found =
            Inventory::parse(&inventory(name, true), "inv.yaml", Path::new("."), None).unwrap_err();
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].to_string()
    };
    let huge = refused(&"a".repeat(100_000));
    assert!(
        huge.starts_with(&format!(
            "inv.yaml:4:11: servers[0].name: `{}…` is 100000 characters long; a host name \
             has at most 253",
            "a".repeat(60)
        )),
        "{huge}"
    );
    assert!(
        huge.len() < 400,
        "a finding stays readable: {} bytes",
        huge.len()
    );
    let label = refused(&format!("mbx.{}.example", "a".repeat(64)));
    assert!(
        label.contains("has a label of 64 characters; a DNS label has at most 63"),
        "{label}"
    );
    let underscore = refused("mbx_01");
    assert!(
        underscore.starts_with("inv.yaml:4:11: servers[0].name: `mbx_01` contains `_`"),
        "{underscore}"
    );
}
