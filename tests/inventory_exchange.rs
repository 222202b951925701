//! `health: { managed_availability }` in the inventory: what it sets, that Exchange-watched
//! servers need no endpoints, and each mistake at its file, line and column.
#![allow(clippy::unwrap_used)]

use healthdeck::config::inventory::{Inventory, ManagedAvailability};
use healthdeck::health::Span;
use std::path::Path;

const BASE: &str = "\
name: ex
platform: exchange
health:
  managed_availability: { interval: 2m, timeout: 30s, in_flight: 20 }
servers:
  - { name: ex-01, role: both, site: DAG1 }
  - name: cas-02
    role: cas
    site: DAG1
    imap:
      - { host: cas-02, tls: implicit }
";

fn parse(text: &str) -> Result<Inventory, Vec<String>> {
    Inventory::parse(text, "inv.yaml", Path::new("."), Some("inv"))
        .map_err(|found| found.iter().map(ToString::to_string).collect())
}

#[test]
fn the_source_is_set_as_written_and_its_servers_need_no_endpoint() {
    let inventory = parse(BASE).unwrap();
    assert_eq!(
        inventory.managed_availability,
        Some(ManagedAvailability {
            interval: Span::minutes(2),
            timeout: Span::seconds(30),
            in_flight: 20,
        })
    );
    let defaults =
        parse(&BASE.replace("{ interval: 2m, timeout: 30s, in_flight: 20 }", "{}")).unwrap();
    assert_eq!(
        defaults.managed_availability,
        Some(ManagedAvailability::default())
    );
    let without = BASE.replace(
        "health:\n  managed_availability: { interval: 2m, timeout: 30s, in_flight: 20 }\n",
        "",
    );
    let found = parse(&without).unwrap_err();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("inv.yaml:4:5: servers[0]: server `ex-01` has no endpoint"),
        "{found:?}"
    );
}

#[test]
fn each_mistake_is_named_at_its_place() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "platform: exchange",
            "platform: linux",
            "inv.yaml:4:25: health.managed_availability: Managed Availability is Exchange's: it needs `platform: exchange`",
        ),
        (
            "interval: 2m",
            "interval: 0s",
            "inv.yaml:4:37: health.managed_availability.interval: a poll interval must be 1s or more",
        ),
        (
            "timeout: 30s",
            "timeout: 500ms",
            "inv.yaml:4:50: health.managed_availability.timeout: a poll timeout must be 1s or more",
        ),
        (
            "timeout: 30s",
            "timeout: 5m",
            "inv.yaml:4:50: health.managed_availability.timeout: 5m is longer than the poll interval 2m",
        ),
        (
            "in_flight: 20",
            "in_flight: 0",
            "inv.yaml:4:66: health.managed_availability.in_flight: polls in flight at once must be 1 to 256",
        ),
        (
            "in_flight: 20",
            "every: 20",
            "inv.yaml:4:55: health.managed_availability: unknown field `every`",
        ),
    ];
    for (from, to, expected) in cases {
        let found = parse(&BASE.replacen(from, to, 1)).unwrap_err();
        assert!(
            found.iter().any(|f| f.starts_with(expected)),
            "{to}: wanted {expected}\n got {found:#?}"
        );
    }
}
