//! Hostile and clumsy input through every loader and through the binary: each corpus file
//! under `tests/fixtures/hostile/<kind>/` says on its first line what must come of it
//! (`# expect: LINE:COLUMN words of the message`, or `# expect: ok`). Huge files (deep
//! nesting, over the caps, a 100,000-character name) are made here, in a temporary folder.
//! Every finding has a place; nothing panics; exit codes are the documented ones.

#![allow(clippy::unwrap_used)]

mod hostile;

use healthdeck::config::inventory::Inventory;
use healthdeck::config::theme::load_theme;
use healthdeck::ui::color::ColorDepth;
use hostile::{Expect, Ran, corpus, run};
use std::path::{Path, PathBuf};

/// The first finding of a file through its loader: `(line, column, message)`, or None.
fn loaded(kind: &str, path: &Path) -> Option<(Option<usize>, Option<usize>, String)> {
    let name = path.to_str().unwrap();
    let first = |e: healthdeck::config::ConfigError| Some((e.line, e.column, e.message.english()));
    match kind {
        "inventory" => Inventory::load(path)
            .err()
            .and_then(|found| first(found.into_iter().next().unwrap())),
        "scenario" => match healthdeck::training::load(name) {
            Ok(_) => None,
            Err(healthdeck::training::ScenarioError::Invalid(e)) => first(e),
            Err(other) => panic!("{name}: {other}"),
        },
        "theme" => load_theme(name, ColorDepth::TrueColor)
            .err()
            .and_then(first),
        "runbook" => {
            let (_, found) = healthdeck::lint::findings(&[path.to_owned()]).unwrap();
            found.into_iter().next().and_then(first)
        }
        _ => unreachable!("{kind}"),
    }
}

#[test]
fn every_loader_places_every_corpus_finding() {
    for (kind, path, expect) in corpus() {
        let found = loaded(kind, &path);
        match (expect, found) {
            (Expect::Ok, None) => {}
            (Expect::At(line, column, words), Some((l, c, message))) => {
                assert_eq!(
                    (l, c),
                    (Some(line), Some(column)),
                    "{}: {message}",
                    path.display()
                );
                assert!(message.contains(&words), "{}: {message}", path.display());
            }
            (expect, found) => panic!("{}: expected {expect:?}, got {found:?}", path.display()),
        }
    }
}

/// The binary's commands that read a file of this kind, with the exit code of a finding.
fn commands(kind: &str, file: &str) -> Vec<(Vec<String>, u8)> {
    let argv = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
    match kind {
        "inventory" => vec![
            (argv(&["lint", "--inventory", file]), 1),
            (argv(&["--inventory", file]), 2),
        ],
        "scenario" => vec![(argv(&["lint", file]), 1), (argv(&["--scenario", file]), 2)],
        "theme" => vec![(argv(&["--theme", file]), 2)],
        "runbook" => vec![(argv(&["lint", file]), 1)],
        "record" => vec![(argv(&["incident", "export", file]), 2)],
        _ => unreachable!("{kind}"),
    }
}

fn assert_placed(ran: &Ran, file: &str, expect: &Expect, code: u8) {
    let all = format!("{}{}", ran.stdout, ran.stderr);
    assert!(!all.contains("panicked"), "{file}: {all}");
    match expect {
        Expect::Ok => assert_eq!(ran.code, Some(0), "{file}: {all}"),
        Expect::At(line, column, words) => {
            assert_eq!(ran.code, Some(code), "{file}: {all}");
            let placed = format!("{file}:{line}:{column}: ");
            let finding = all.lines().find(|l| l.contains(&placed));
            assert!(
                finding.is_some_and(|l| l.contains(words.as_str())),
                "{file}: no `{placed}… {words}` in\n{all}"
            );
        }
    }
}

#[test]
fn the_binary_places_every_corpus_finding() {
    for (kind, path, expect) in corpus() {
        let file = path.to_str().unwrap();
        for (argv, code) in commands(kind, file) {
            // An accepted file would start the console: only `lint` runs on those.
            if expect == Expect::Ok && argv[0] != "lint" {
                continue;
            }
            assert_placed(&run(&argv), file, &expect, code);
        }
    }
}

fn records() -> Vec<(&'static str, Expect)> {
    let at = |l, c, w: &str| Expect::At(l, c, w.to_owned());
    vec![
        ("empty.jsonl", at(1, 1, "no session header")),
        ("garbage-line.jsonl", at(3, 36, "EOF while parsing")),
        ("invalid-utf8.jsonl", at(2, 41, "invalid UTF-8 (byte 0xFF)")),
        ("no-header.jsonl", at(1, 1, "not the session header")),
        ("nul-in-line.jsonl", at(2, 1, "expected value")),
        ("torn-last-line.jsonl", Expect::Ok),
    ]
}

#[test]
fn broken_records_are_refused_at_their_line_by_export() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/record");
    for (name, expect) in records() {
        let path = dir.join(name);
        let file = path.to_str().unwrap();
        for format in ["markdown", "json"] {
            let ran = run(&["incident", "export", "--format", format, file].map(String::from));
            assert_placed(&ran, file, &expect, 2);
        }
    }
}

/// Files too large to keep in the repository, made in a temporary folder.
fn generated(dir: &Path) -> Vec<(&'static str, PathBuf, Expect)> {
    let write = |name: &str, text: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let deep = |prefix: &str| {
        let mut text = prefix.as_bytes().to_vec();
        text.extend(std::iter::repeat_n(b'[', 100_000));
        text.extend(std::iter::repeat_n(b']', 100_000));
        text
    };
    let too_deep = |column| Expect::At(1, column, "nested deeper than 64".to_owned());
    let mut blocks = String::new();
    for depth in 0..200 {
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("k:\n");
    }
    vec![
        (
            "inventory",
            write("deep-inventory.yaml", &deep("servers: ")),
            too_deep("servers: ".len() + 64),
        ),
        (
            "scenario",
            write("deep-scenario.yaml", &deep("fleet: ")),
            too_deep("fleet: ".len() + 64),
        ),
        (
            "theme",
            write("deep-theme.yaml", &deep("roles: ")),
            too_deep("roles: ".len() + 64),
        ),
        (
            "runbook",
            write("deep-runbook.yaml", &deep("procedures: ")),
            too_deep("procedures: ".len() + 64),
        ),
        (
            "runbook",
            write(
                "deep-blocks.yaml",
                format!("procedures:\n{blocks}").as_bytes(),
            ),
            // `procedures:` and the first `k:` share column 1: the 65th level is line 66.
            Expect::At(66, 65, "nested deeper than 64".to_owned()),
        ),
    ]
}

#[test]
fn deep_nesting_is_refused_at_the_cap_by_every_loader_and_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, path, expect) in generated(dir.path()) {
        let Expect::At(line, column, _) = &expect else {
            unreachable!()
        };
        let found = loaded(kind, &path).unwrap();
        assert_eq!(
            (found.0, found.1),
            (Some(*line), Some(*column)),
            "{found:?}"
        );
        let file = path.to_str().unwrap();
        for (argv, code) in commands(kind, file) {
            assert_placed(&run(&argv), file, &expect, code);
        }
    }
}

#[test]
fn an_endless_file_fails_at_the_cap_in_every_reader() {
    let zero = "/dev/zero";
    let cap = |mib: usize| {
        Expect::At(
            1,
            mib * 1024 * 1024 + 1,
            "the file is larger than".to_owned(),
        )
    };
    for (kind, expect) in [
        ("inventory", cap(16)),
        ("scenario", cap(16)),
        ("theme", cap(1)),
        ("runbook", cap(16)),
        (
            "record",
            Expect::At(1, 1, "a line longer than 1 MiB".to_owned()),
        ),
    ] {
        for (argv, code) in commands(kind, zero) {
            assert_placed(&run(&argv), zero, &expect, code);
        }
    }
}

#[test]
fn a_record_line_over_the_cap_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let header = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile/record/torn-last-line.jsonl"),
    )
    .unwrap();
    let mut text = header.lines().next().unwrap().to_owned();
    text.push('\n');
    text.push_str(&"x".repeat(2 * 1024 * 1024));
    text.push('\n');
    let path = dir.path().join("long-line.jsonl");
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap();
    let expect = Expect::At(2, 1, "a line longer than 1 MiB".to_owned());
    assert_placed(
        &run(&["incident", "export", file].map(String::from)),
        file,
        &expect,
        2,
    );
}

#[test]
fn a_long_server_name_never_panics_and_any_finding_is_placed() {
    let dir = tempfile::tempdir().unwrap();
    let name = "s".repeat(100_000);
    let inventory = dir.path().join("long-name.yaml");
    std::fs::write(
        &inventory,
        format!("servers:\n  - {{ name: {name}, role: both, site: LAB, pop3: [{{ host: 127.0.0.1, tls: none }}] }}\n"),
    )
    .unwrap();
    let scenario = dir.path().join("long-name-scenario.yaml");
    std::fs::write(
        &scenario,
        format!("name: long\ntitle: Long\nfleet:\n  - {{ name: {name}, role: both, site: LAB }}\n"),
    )
    .unwrap();
    for (kind, path) in [("inventory", &inventory), ("scenario", &scenario)] {
        // Whether the name is refused is the name rule's to say; where is ours.
        if let Some((line, column, message)) = loaded(kind, path) {
            assert!(line.is_some() && column.is_some(), "{message}");
        }
        let file = path.to_str().unwrap();
        for (argv, _) in commands(kind, file)
            .into_iter()
            .filter(|(a, _)| a[0] == "lint")
        {
            let ran = run(&argv);
            assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
            assert!(matches!(ran.code, Some(0 | 1)), "{}", ran.stderr);
        }
    }
}
