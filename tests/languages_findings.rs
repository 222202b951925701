//! A bad file's findings in the engineer's language: `healthdeck lint` and the console's
//! start say what is wrong in ko, ja, zh-TW and pt-BR, at the same file, line and column as
//! in English, around the file's own names and values; the parser's own words stay.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

const LANGUAGES: [&str; 4] = ["ko", "ja", "zh-TW", "pt-BR"];

/// `healthdeck --lang LANG ARGS`: exit code, stdout, stderr.
fn healthdeck(lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_healthdeck"))
        .args(["--lang", lang])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("HEALTHDECK_INVENTORY")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The English catalog's finding messages: `id = text { $placeholder } text`.
fn english_findings() -> Vec<(String, String)> {
    let catalog = include_str!("../locales/en/healthdeck.ftl");
    catalog
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(id, _)| id.starts_with("finding-"))
        .map(|(id, text)| (id.to_owned(), text.to_owned()))
        .collect()
}

/// English framing in `text`: the runs of two words or more between the placeholders of
/// every finding message that are not also in that message's `language` text.
fn english_framing_left(text: &str, language: &str) -> Vec<String> {
    let tr = healthdeck::i18n::Tr::of(language);
    let mut left = Vec::new();
    for (id, english) in english_findings() {
        let own = tr.fmt(&id, &[]);
        for piece in english.split(['{', '}']).step_by(2) {
            let piece = piece.trim_matches(|c: char| !c.is_ascii_alphabetic());
            if piece.split_whitespace().count() >= 2 && !own.contains(piece) && text.contains(piece)
            {
                left.push(format!("{id}: {piece}"));
            }
        }
    }
    left
}

/// `file:line:column: ` of each finding line.
fn places(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(4, ':');
            let (file, line, column) = (parts.next()?, parts.next()?, parts.next()?);
            (line.parse::<u32>().is_ok() && column.parse::<u32>().is_ok())
                .then(|| format!("{file}:{line}:{column}"))
        })
        .collect()
}

/// Every bad runbook fixture, linted in each language: the same places as in English, no
/// English framing of ours left, and the summary in the language.
#[test]
fn lint_says_every_runbook_finding_in_the_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/runbooks");
    let mut bad: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("bad-"))
        .map(|name| format!("tests/fixtures/runbooks/{name}"))
        .collect();
    bad.sort();
    let args: Vec<&str> = std::iter::once("lint")
        .chain(bad.iter().map(String::as_str))
        .collect();
    let (code, english, _) = healthdeck("en", &args);
    assert_eq!(code, 1, "{english}");
    assert!(places(&english).len() >= bad.len(), "{english}");
    for language in LANGUAGES {
        let (code, out, err) = healthdeck(language, &args);
        assert_eq!(code, 1, "{language}: {err}");
        assert_eq!(places(&out), places(&english), "{language}\n{out}");
        // Only serde's own words come back as they were.
        for (line, in_english) in out.lines().zip(english.lines()) {
            let serdes = ["unknown field `"];
            let as_is = serdes.iter().any(|s| in_english.contains(s));
            assert_eq!(line == in_english, as_is, "{language}: {line}");
        }
        let ours: Vec<&str> = (out.lines().zip(english.lines()))
            .filter(|(line, in_english)| line != in_english)
            .map(|(line, _)| line)
            .collect();
        let out = ours.join("\n");
        let left = english_framing_left(&out, language);
        assert!(left.is_empty(), "{language}: {left:#?}\n{out}");
        // The file's own names stay as written.
        assert!(out.contains("`restart`"), "{language}\n{out}");
    }
}

/// The console refuses a bad inventory before it touches the terminal, in the language
/// asked for: each finding at its place, the values named as written.
#[test]
fn the_console_says_a_bad_inventorys_findings_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    // Three checks of ours: a host a shell would split, a site too long, a password
    // written in the file.
    let text = "\
name: lab
credentials:
  user: probe
  password: hunter2
servers:
  - name: cas-01
    role: cas
    site: LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB-LAB
    imap:
      - { host: \"cas-01 $(reboot)\", port: 143, tls: starttls }
";
    std::fs::write(&bad, text).unwrap();
    let bad = bad.to_str().unwrap();
    let (code, _, english) = healthdeck("en", &["--inventory", bad]);
    assert_eq!(code, 2, "{english}");
    for language in LANGUAGES {
        let (code, out, err) = healthdeck(language, &["--inventory", bad]);
        assert_eq!((code, out.as_str()), (2, ""), "{language}: {err}");
        assert_eq!(
            err.lines().count(),
            english.lines().count(),
            "{language}\n{err}"
        );
        for (line, in_english) in err.lines().zip(english.lines()) {
            let place = |l: &str| l.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
            assert_eq!(place(line), place(in_english), "{language}\n{err}");
            assert!(line.starts_with("healthdeck: "), "{language}\n{err}");
        }
        let left = english_framing_left(&err, language);
        assert!(left.is_empty(), "{language}: {left:#?}\n{err}");
        assert!(err.contains("cas-01 $(reboot)"), "{language}\n{err}");
        assert!(
            !err.contains("hunter2"),
            "{language}: a secret on screen\n{err}"
        );
    }
}

/// A refused command line is said in the language asked for too.
#[test]
fn a_refused_flag_is_said_in_the_language() {
    let (code, _, english) = healthdeck("en", &["--speed", "0"]);
    assert_eq!(code, 2, "{english}");
    for language in LANGUAGES {
        let (code, _, err) = healthdeck(language, &["--speed", "0"]);
        let tr = healthdeck::i18n::Tr::of(language);
        let said = tr.fmt("usage-speed", &[("speed", "0".into())]);
        assert_eq!(
            (code, err.as_str()),
            (2, format!("healthdeck: {said}\n").as_str())
        );
        assert_ne!(err, english, "{language}");
    }
}
