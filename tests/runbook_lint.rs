//! Runbook files are checked: the shipped ones pass, and each kind of mistake is reported
//! with its exact message, file, line and column — by the library and by `healthdeck lint`.
#![allow(clippy::unwrap_used)]

use healthdeck::config::lang::{self, LANGUAGES};
use healthdeck::runbook::Library;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runbooks")
        .join(name)
}

fn lint(args: &[&str]) -> (i32, String, String) {
    lint_in(args, "C")
}

/// `healthdeck lint ARGS` under the locale `lang`.
fn lint_in(args: &[&str], lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .arg("lint")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HEALTHDECK_INVENTORY")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_shipped_runbooks_and_scenarios_pass() {
    assert!(Library::built_in().is_ok());
    let (code, out, _) = lint(&[]);
    assert_eq!((code, out.as_str()), (0, "12 files checked: no findings\n"));
    let (code, out, _) = lint(&["runbooks", "scenarios"]);
    assert_eq!((code, out.as_str()), (0, "7 files checked: no findings\n"));
    // The summary in the locale's language; a finding's file:line:column stays first.
    let tr = healthdeck::i18n::Tr::of("ja");
    let (code, out, _) = lint_in(&[], "ja_JP.UTF-8");
    let clean = tr.fmt("lint-clean", &[("files", 12_usize.into())]);
    assert_ne!(clean, "12 files checked: no findings");
    assert_eq!((code, out), (0, format!("{clean}\n")));
    // The console's `--lang` before the subcommand outranks the locale; a wrong one is
    // a usage error.
    let top = |code: &str| {
        Command::new(env!("CARGO_BIN_EXE_healthdeck"))
            .args(["--lang", code, "lint"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("HEALTHDECK_INVENTORY")
            // A locale that can show Japanese; `C` gets English whatever is asked.
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap()
    };
    let out = top("ja");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{clean}\n"));
    let out = top("xx");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--lang xx: unknown language"), "{stderr}");
    let catalogs = [
        "locales/en",
        "locales/ko",
        "locales/ja",
        "locales/zh-TW",
        "locales/pt-BR",
    ];
    let (code, out, _) = lint(&catalogs);
    assert_eq!((code, out.as_str()), (0, "5 files checked: no findings\n"));
    let (code, _, _) = lint(&["tests/fixtures/runbooks/good.yaml"]);
    assert_eq!(code, 0);
}

/// A translator's catalog: each mistake where it is, each missing message with its place in
/// the English catalog.
#[test]
fn a_broken_catalog_is_reported_where_it_is() {
    let (code, out, _) = lint(&["tests/fixtures/locales/ko/healthdeck.ftl"]);
    assert_eq!(code, 1, "{out}");
    let file = "tests/fixtures/locales/ko/healthdeck.ftl";
    for finding in [
        format!("{file}:5:1: not Fluent:"),
        format!(
            "{file}:3:1: message `grid-no-match` has placeholders $text where English has $filter"
        ),
        format!("{file}:4:1: message `grid-typo` is not in English"),
        format!("{file}:1:1: message `alert-unhealthy` is missing (locales/en/healthdeck.ftl:"),
    ] {
        assert!(out.contains(&finding), "{finding}\n{out}");
    }
}

/// Each bad fixture is good.yaml with one mistake, and yields exactly one finding.
#[test]
fn each_kind_of_mistake_is_reported_where_it_is() {
    let cases = [
        (
            "bad-unknown-action.yaml",
            "21:17: procedures[0].steps[2]: unknown action `reboot_server` (known: restart_service, rerun_probe, failover_databases, check_active_copies, set_protocol_logging, get_protocol_log_location, identify_mailbox_server, check_server_health, restart_server, wait_and_recheck, reenable_activation, rebalance_databases, check_component_state, set_component_active, escalate)",
        ),
        (
            "bad-missing-step.yaml",
            "17:24: compensation `logging-of` of step `logging-on`: no later step `logging-of` in procedure `drill`",
        ),
        (
            "bad-missing-procedure.yaml",
            "10:15: `call: verify-probes`: no procedure `verify-probes`",
        ),
        (
            "bad-missing-translation.yaml",
            "24:22: instruction of step `restart` of `drill` has no `ja` translation",
        ),
        (
            "bad-duplicate-id.yaml",
            "25:13: duplicate step id `restart` in procedure `drill`",
        ),
        (
            "bad-unconfirmed-destructive.yaml",
            "22:18: `confirm: false` on `restart_server`, a destructive action: it always asks for confirmation",
        ),
        (
            "bad-unconfirmed-component.yaml",
            "22:18: `confirm: false` on `set_component_active`, a destructive action: it always asks for confirmation",
        ),
        (
            "bad-unknown-condition.yaml",
            "11:18: procedures[0].steps[0]: unknown condition `transient_error`: expected `role == cas`, `role == mailbox`, or an expectation (probe_succeeded, no_active_copies, server_healthy, monitor_healthy, component_active) or a called procedure's ending (transient, resolved, completed, escalated), optionally after `not`",
        ),
        (
            "bad-unreported-fact.yaml",
            "32:22: `escalate_if: not no_active_copies`: no step of `drill` up to here reports `no_active_copies`",
        ),
        (
            "bad-unknown-monitor.yaml",
            "5:16: unknown IMAP monitor `ImapProxyMonitor` (known: ImapCTPMonitor, AverageCommandProcessingTimeGt60sMonitor, RequestsQueuedGt500Monitor, ImapProxyTestMonitor, ImapDeepTestMonitor, ImapSelfTestMonitor)",
        ),
        (
            "bad-missing-parameter.yaml",
            "15:17: `set_protocol_logging` needs `enabled`",
        ),
        (
            "bad-unknown-field.yaml",
            "22:9: procedures[0].steps[2]: unknown field `confirmed`, expected one of `id`, `action`, `call`, `service`, `enabled`, `wait`, `health_sets`, `on`, `only_if`, `stop_if`, `escalate_if`, `confirm`, `compensation`, `optional`, `title`, `instruction`",
        ),
        (
            "bad-no-escalate-step.yaml",
            "32:22: `escalate_if` needs an `escalate` step in procedure `drill`",
        ),
        (
            "bad-call-cycle.yaml",
            "10:15: call cycle: `drill` calls `loop`, which calls back into `drill`",
        ),
    ];
    for (file, expected) in cases {
        let path = fixture(file);
        let (_, findings) = healthdeck::lint::findings(std::slice::from_ref(&path)).unwrap();
        let messages: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [format!("{}:{expected}", path.display())],
            "{file}"
        );
        // The checks' own words are a catalog message, said in `lint`'s language, those made
        // while parsing too (an unknown action or condition); serde's own (an unknown
        // field) come as they are.
        let from_serde = expected.contains("unknown field");
        let as_is = findings[0].message.id() == "said-as-is";
        assert_eq!(as_is, from_serde, "{file}");
    }
    let dir = std::fs::read_dir(fixture("")).unwrap();
    let bad = dir.filter(|e| {
        e.as_ref()
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("bad-")
    });
    assert_eq!(bad.count(), cases.len(), "every bad fixture has a case");
}

#[test]
fn the_command_exits_1_on_findings_and_2_on_usage_errors() {
    let (code, out, _) = lint(&["tests/fixtures/runbooks/bad-duplicate-id.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "tests/fixtures/runbooks/bad-duplicate-id.yaml:25:13: duplicate step id `restart` in \
         procedure `drill`\n1 files checked: 1 finding\n"
    );
    // A folder is checked as one set: the fixtures all define `drill`, so ids and
    // monitors clash across files on top of each file's own mistake.
    let (code, out, _) = lint(&["tests/fixtures/runbooks"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(":3:9: duplicate procedure id `drill`\n"),
        "{out}"
    );
    assert!(out.ends_with("15 files checked: 25 findings\n"), "{out}");

    let (code, _, err) = lint(&["no/such/runbook.yaml"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "healthdeck lint: no/such/runbook.yaml: no such file or folder\n"
        )
    );
    let (code, _, err) = lint(&["--inventory", "fleet.yaml"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = lint(&["--no-such-flag"]);
    assert_eq!(code, 2);
}

#[test]
fn scenarios_and_unknown_files_are_linted_too() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("scenario.yaml");
    let text = std::fs::read_to_string("scenarios/imap-backend-down.yaml").unwrap();
    std::fs::write(
        &scenario,
        text.replace("  - server: mbx-02", "  - server: mbx-99"),
    )
    .unwrap();
    let other = dir.path().join("other.yaml");
    std::fs::write(&other, "servers: []\n").unwrap();
    let (code, out, _) = lint(&[scenario.to_str().unwrap(), other.to_str().unwrap()]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{}:", scenario.display())),
        "{out}"
    );
    assert!(lines[0].contains("mbx-99"), "{out}");
    assert_eq!(
        lines[1],
        format!(
            "{}:1:1: neither a runbook (`procedures:`) nor a scenario (`fleet:`, `faults:`)",
            other.display()
        )
    );
}

/// Besides lint: every procedure and step speaks all five languages, each its own words.
#[test]
fn every_procedure_has_all_five_languages() {
    let library = Library::built_in().unwrap();
    assert_eq!(library.procedures().len(), 10);
    for procedure in library.procedures() {
        let id = procedure.id();
        let mut texts = vec![(format!("{id} title"), &procedure.spec.title, false)];
        for step in &procedure.spec.steps {
            texts.push((format!("{id}/{} title", step.id), &step.title, false));
            texts.push((
                format!("{id}/{} instruction", step.id),
                &step.instruction,
                true,
            ));
        }
        for (what, text, translated) in texts {
            for language in LANGUAGES {
                let words = text.get(language).map_or("", |t| t.trim());
                assert!(!words.is_empty(), "{what}: no {language}");
                if translated && language != "en" {
                    assert_ne!(words, text["en"].trim(), "{what}: {language} is English");
                }
            }
        }
    }
}

#[test]
fn every_monitor_opens_a_procedure_on_every_role_it_runs_on() {
    use healthdeck::health::{Monitor, Role};
    let library = Library::built_in().unwrap();
    for monitor in Monitor::ALL {
        for role in [Role::Cas, Role::Mailbox, Role::Both] {
            if monitor.applies_to(role) {
                let found = library.for_monitor(monitor, role);
                assert!(found.is_some(), "{} on {role:?}", monitor.name());
            }
        }
    }
}

#[test]
fn the_language_comes_from_the_flag_then_each_locale_variable() {
    let r = lang::resolve;
    assert_eq!(r(Some("ja"), Some("ko_KR.UTF-8"), None, None), "ja");
    assert_eq!(
        r(None, Some("ko_KR.UTF-8"), Some("ja_JP"), Some("pt_BR")),
        "ko"
    );
    assert_eq!(r(None, None, Some("ja_JP.UTF-8"), Some("pt_BR")), "ja");
    assert_eq!(r(None, Some(""), None, Some("pt_BR.UTF-8")), "pt-BR");
    assert_eq!(r(None, None, None, Some("zh_TW.Big5")), "zh-TW");
    assert_eq!(r(None, None, None, Some("zh_HK.UTF-8")), "zh-TW");
    assert_eq!(r(None, None, None, Some("zh_CN.UTF-8")), "en");
    assert_eq!(r(None, None, None, Some("C")), "en");
    assert_eq!(r(None, None, None, None), "en");
    assert_eq!(r(Some("pt-BR"), None, None, None), "pt-BR");
    assert_eq!(r(Some("zh-TW"), None, None, None), "zh-TW");
    assert_eq!(r(Some("ko"), None, None, None), "ko");
}

#[test]
fn a_missing_translation_falls_back_to_english() {
    let mut text = healthdeck::runbook::spec::Text::new();
    text.insert("en".into(), "Restart".into());
    text.insert("ko".into(), "재시작".into());
    assert_eq!(healthdeck::runbook::localized(&text, "ko"), "재시작");
    assert_eq!(healthdeck::runbook::localized(&text, "ja"), "Restart");
}

#[test]
fn a_drill_block_must_name_a_runbook_that_recovers_its_monitor_and_a_step_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("drill.yaml");
    std::fs::write(
        &file,
        "name: x\ntitle: t\nfleet:\n  - { name: m1, role: mailbox, site: A }\ndrill:\n  \
         objective: { en: x }\n  budget: 5m\n  expected:\n    server: m1\n    \
         monitor: ImapSelfTestMonitor\n    runbook: imap-ctp\n    heals_at: reboot\n",
    )
    .unwrap();
    let path = file.display().to_string();
    let (code, out, _) = lint(&[&path]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("{path}:11:14: drill: runbook imap-ctp does not recover ImapSelfTestMonitor")
    );
    assert!(
        lines[1].starts_with(&format!(
            "{path}:12:15: drill: runbook imap-ctp has no step `reboot`"
        )),
        "{out}"
    );
}
