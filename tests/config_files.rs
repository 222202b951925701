//! Themes and scenarios as a person writes them: every shipped file loads, and bad ones
//! fail with the file, line and column and what is wrong.
#![allow(clippy::unwrap_used, clippy::format_collect)]

use healthdeck::config::theme::{BUILT_IN, detect_depth, load_theme, parse_theme};
use healthdeck::training::{self, Scenario, ScenarioError};
use healthdeck::ui::theme::{ColorDepth, RolesSpec};
use ratatui::style::{Color, Modifier};
use std::path::Path;

#[test]
fn every_file_in_themes_loads_and_is_built_in() {
    let mut seen = 0;
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes")).unwrap() {
        let path = entry.unwrap().path();
        let theme = load_theme(path.to_str().unwrap(), ColorDepth::TrueColor).unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        assert_eq!(theme.name, stem, "a theme's name matches its file");
        assert!(
            BUILT_IN.iter().any(|(n, _)| *n == stem),
            "{stem} is embedded in the binary"
        );
        seen += 1;
    }
    assert!(seen >= 4, "default, light, high-contrast, monochrome");
}

#[test]
fn missing_roles_inherit_from_the_default() {
    let theme = parse_theme(
        "name: tiny\nroles:\n  health.healthy: { fg: blue }\n",
        "tiny.yaml",
        ColorDepth::Ansi16,
    )
    .unwrap();
    assert_eq!(theme.healthy.fg, Some(Color::Blue));
    assert_eq!(
        theme.unhealthy.bg,
        Some(Color::Red),
        "inherited from default"
    );
}

#[test]
fn an_unknown_role_names_file_line_and_column() {
    let text =
        "name: typo\nroles:\n  health.healthy: { fg: green }\n  health.unhealthyy: { fg: red }\n";
    let err = parse_theme(text, "typo.yaml", ColorDepth::Ansi16).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("typo.yaml:4:3: "), "{message}");
    assert!(
        message.contains("unknown field `health.unhealthyy`"),
        "{message}"
    );
}

#[test]
fn malformed_yaml_and_bad_colours_name_the_place() {
    let err = parse_theme("name: x\nroles: [\n", "broken.yaml", ColorDepth::Ansi16).unwrap_err();
    assert!(err.to_string().starts_with("broken.yaml:"), "{err}");
    assert!(err.line.is_some() && err.column.is_some());

    let text = "name: x\nroles:\n  health.healthy: { fg: grene }\n";
    let err = parse_theme(text, "colour.yaml", ColorDepth::Ansi16)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("colour.yaml:3:"), "{err}");
    assert!(err.contains("`grene` is not a colour"), "{err}");
}

#[test]
fn an_unknown_theme_name_lists_the_built_in_ones() {
    let err = load_theme("solarized-nope", ColorDepth::Ansi16)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("unknown theme") && err.contains("high-contrast"),
        "{err}"
    );
}

#[test]
fn rgb_colours_fall_back_to_the_sixteen_on_plain_terminals() {
    let text = "name: rgb\nroles:\n  health.unhealthy: { bg: \"#c00000\" }\n";
    let sixteen = parse_theme(text, "rgb.yaml", ColorDepth::Ansi16).unwrap();
    assert_eq!(sixteen.unhealthy.bg, Some(Color::Red));
    let truecolor = parse_theme(text, "rgb.yaml", ColorDepth::TrueColor).unwrap();
    assert_eq!(truecolor.unhealthy.bg, Some(Color::Rgb(0xc0, 0, 0)));
    assert_eq!(
        detect_depth(Some("truecolor"), Some("xterm")),
        ColorDepth::TrueColor
    );
    assert_eq!(
        detect_depth(None, Some("screen-256color")),
        ColorDepth::Indexed256
    );
    assert_eq!(detect_depth(None, Some("vt100")), ColorDepth::Ansi16);
}

#[test]
fn monochrome_strips_every_colour_and_keeps_styles() {
    let theme = load_theme("monochrome", ColorDepth::TrueColor).unwrap();
    assert!(theme.unhealthy.fg.is_none() && theme.unhealthy.bg.is_none());
    assert!(theme.unhealthy.add_modifier.contains(Modifier::REVERSED));
    assert!(
        theme.status.fg.is_none(),
        "roles it leaves out lose their colour too"
    );
}

#[test]
fn every_role_can_be_named_in_a_theme() {
    let roles: String = RolesSpec::NAMES
        .iter()
        .map(|r| format!("  {r}: {{ bold: true }}\n"))
        .collect();
    parse_theme(
        &format!("name: all\nroles:\n{roles}"),
        "all.yaml",
        ColorDepth::Ansi16,
    )
    .unwrap();
}

#[test]
fn every_built_in_scenario_loads_and_the_first_is_the_default() {
    assert_eq!(training::DEFAULT_SCENARIO, "imap-backend-down");
    for (name, _) in training::BUILT_IN {
        let scenario = training::load(name).unwrap();
        assert_eq!(scenario.name, name);
        assert!(!scenario.faults.is_empty() && scenario.fleet.len() >= 10);
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("scenarios/{name}.yaml"));
        training::load(file.to_str().unwrap()).unwrap();
    }
}

#[test]
fn an_unknown_scenario_is_refused_with_the_names() {
    let err = training::load("no-such-scenario").unwrap_err();
    assert!(matches!(err, ScenarioError::Unknown(_)));
    assert!(err.to_string().contains("imap-backend-down"));
}

const FLEET: &str = "name: t\ntitle: t\nfleet:\n  - { name: cas-01, role: cas, site: AMS }\n  - { name: mbx-01, role: mailbox, site: AMS }\n";

#[test]
fn scenario_errors_name_the_line_and_column() {
    let cases = [
        // A fault on a server that is not in the fleet.
        (
            "faults:\n  - server: mbx-09\n    service: MSExchangeIMAP4BE\n    at: 20s\n    symptom: stops_answering\n    healed_by: restart_service\n",
            "s.yaml:7:13: fault on unknown server `mbx-09`",
        ),
        // A back-end service on a CAS server.
        (
            "faults:\n  - server: cas-01\n    service: MSExchangeIMAP4BE\n    at: 20s\n    symptom: stops_answering\n    healed_by: restart_service\n",
            "s.yaml:8:14: MSExchangeIMAP4BE does not run on cas-01 (cas server)",
        ),
        // A duration that is not one.
        (
            "faults:\n  - server: cas-01\n    service: MSExchangeIMAP4\n    at: soon\n    symptom: stops_answering\n    healed_by: restart_service\n",
            "s.yaml:9:9: faults[0].at: `soon` is not a duration",
        ),
        // A duration so long that date arithmetic would overflow.
        (
            "faults:\n  - server: cas-01\n    service: MSExchangeIMAP4\n    at: 99999999999999999\n    symptom: stops_answering\n    healed_by: restart_service\n",
            "s.yaml:9:9: faults[0].at: `99999999999999999s` is negative or longer than a year",
        ),
        // A symptom that needs a value it was not given.
        (
            "faults:\n  - server: cas-01\n    service: MSExchangePOP3\n    at: 20s\n    symptom: slow_commands\n    healed_by: restart_service\n",
            "needs `latency`",
        ),
    ];
    for (faults, expected) in cases {
        let err = Scenario::parse(&format!("{FLEET}{faults}"), "s.yaml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("s.yaml:"), "{err}");
        assert!(err.contains(expected), "expected `{expected}` in `{err}`");
    }
    let bad_role = FLEET.replace("role: cas", "role: frontend");
    let err = Scenario::parse(&bad_role, "r.yaml")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("r.yaml:4:") && err.contains("unknown variant `frontend`"),
        "{err}"
    );
}

#[test]
fn a_scenario_can_override_a_monitors_rule_and_keeps_the_rest() {
    use healthdeck::health::{Monitor, MonitorKind, MonitorPolicy, Protocol, Rule, Span};
    let text = format!(
        "{FLEET}rules:\n  ImapSelfTestMonitor:\n    rule: {{ consecutive_failures: 4 }}\n    interval: 5m\n"
    );
    let policies = Scenario::parse(&text, "r.yaml").unwrap().policies();
    let self_test = Monitor {
        protocol: Protocol::Imap,
        kind: MonitorKind::SelfTest,
    };
    let policy = policies[self_test.index()];
    assert_eq!(policy.rule, Rule::ConsecutiveFailures { count: 4 });
    assert_eq!(
        policy.degraded_for,
        Span::seconds(60),
        "untouched fields keep the defaults"
    );
    assert_eq!(
        policy.stale_after,
        Span::minutes(15),
        "three slow intervals before Unknown"
    );
    let ctp = Monitor {
        protocol: Protocol::Imap,
        kind: MonitorKind::Ctp,
    };
    assert_eq!(policies[ctp.index()], MonitorPolicy::default_for(ctp));
    let bad = format!("{FLEET}rules:\n  ImapSelfTestMonitr: {{ interval: 5m }}\n");
    let err = Scenario::parse(&bad, "r.yaml").unwrap_err().to_string();
    assert!(
        err.starts_with("r.yaml:7:") && err.contains("unknown monitor `ImapSelfTestMonitr`"),
        "{err}"
    );
}
