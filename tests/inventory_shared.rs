//! `health: { prometheus }` in the inventory: what it sets, its defaults, and each mistake
//! at its file, line and column.
#![allow(clippy::unwrap_used)]

use healthdeck::config::inventory::{Inventory, SharedSource};
use healthdeck::health::Span;
use std::path::Path;

const BASE: &str = "\
name: team
platform: linux
health:
  prometheus: { url: 'http://127.0.0.1:9090', alertmanager: 'http://127.0.0.1:9093', agent: '127.0.0.1:9141' }
servers:
  - name: cas-01
    role: cas
    site: LAB
    imap:
      - { host: 127.0.0.1, port: 10143, tls: none }
";

fn parse(text: &str) -> Result<Inventory, Vec<String>> {
    Inventory::parse(text, "inv.yaml", Path::new("."), Some("inv"))
        .map_err(|found| found.iter().map(ToString::to_string).collect())
}

#[test]
fn the_source_is_set_as_written_with_its_defaults() {
    let inventory = parse(BASE).unwrap();
    assert_eq!(
        inventory.shared,
        Some(SharedSource {
            prometheus: "http://127.0.0.1:9090".to_owned(),
            alertmanager: Some("http://127.0.0.1:9093".to_owned()),
            agent: Some("127.0.0.1:9141".to_owned()),
            refresh: Span::seconds(15),
            timeout: Span::seconds(10),
        })
    );
    let plain = parse(&BASE.replace("health:\n", "x-health:\n").replace("x-health:\n  prometheus: { url: 'http://127.0.0.1:9090', alertmanager: 'http://127.0.0.1:9093', agent: '127.0.0.1:9141' }\n", ""));
    assert_eq!(plain.unwrap().shared, None);
}

#[test]
fn each_mistake_is_named_at_its_place() {
    let cases = [
        (
            "{ url: 'https://prom:9090' }",
            "inv.yaml:4:22: health.prometheus.url: https is not yet supported",
        ),
        (
            "{ url: 'prom:9090' }",
            "inv.yaml:4:22: health.prometheus.url: not a URL: give http://host:port",
        ),
        (
            "{ url: 'http://probe:secret@prom:9090' }",
            "inv.yaml:4:22: health.prometheus.url: credentials in the URL are not supported",
        ),
        (
            "{ url: 'http://prom:9090', alertmanager: 'ftp://am:1' }",
            "inv.yaml:4:56: health.prometheus.alertmanager: `ftp` URLs are not supported",
        ),
        (
            "{ url: 'http://prom:9090', agent: 'agent' }",
            "inv.yaml:4:49: health.prometheus.agent: the agent `agent` is not HOST:PORT",
        ),
        (
            "{ url: 'http://prom:9090', refresh: 200ms }",
            "inv.yaml:4:51: health.prometheus.refresh: a refresh must be 1s or more",
        ),
        (
            "{ url: 'http://prom:9090', every: 1s }",
            "inv.yaml:4:42: health.prometheus: unknown field `every`",
        ),
    ];
    for (block, want) in cases {
        let text = BASE.replace(
            "{ url: 'http://127.0.0.1:9090', alertmanager: 'http://127.0.0.1:9093', agent: '127.0.0.1:9141' }",
            block,
        );
        let found = parse(&text).unwrap_err();
        assert!(
            !found.concat().contains("secret"),
            "a password said back: {found:?}"
        );
        assert!(
            found.iter().any(|f| f.starts_with(want)),
            "{block}: want {want}, found {found:?}"
        );
    }
}
