//! Shell conventions: completion scripts and a man page made from the same clap definition
//! as the parser. Bash really completes with its script; groff formats the page with every
//! warning on and none printed.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");

fn healthdeck(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// What bash offers for the words typed so far (the last one being completed), with the
/// script `healthdeck completions bash` printed.
fn bash_offers(script: &str, words: &[&str]) -> Vec<String> {
    let words: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let last = words.len() - 1;
    let program = format!(
        "{script}\nCOMP_WORDS=({words}); COMP_CWORD={last}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; \
         COMP_POINT=${{#COMP_LINE}}; _healthdeck healthdeck \"${{COMP_WORDS[{last}]}}\" \
         \"${{COMP_WORDS[{prev}]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = words.join(" "),
        prev = last.saturating_sub(1),
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_flags_subcommands_and_values() {
    let script = healthdeck(&["completions", "bash"]);
    assert_eq!(
        bash_offers(&script, &["healthdeck", "--sce"]),
        ["--scenario"]
    );
    assert_eq!(bash_offers(&script, &["healthdeck", "inc"]), ["incident"]);
    let policies = bash_offers(&script, &["healthdeck", "--on-hangup", ""]);
    assert_eq!(policies, ["finish", "cancel"]);
    let shells = bash_offers(&script, &["healthdeck", "completions", "z"]);
    assert_eq!(shells, ["zsh"]);
    // The step keeper is not for people: never offered.
    let all = bash_offers(&script, &["healthdeck", ""]);
    assert!(all.contains(&"check".to_owned()), "{all:?}");
    assert!(!all.iter().any(|w| w.contains("keep")), "{all:?}");
}

#[test]
fn zsh_and_fish_scripts_are_for_healthdeck() {
    let zsh = healthdeck(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef healthdeck"), "{zsh}");
    let fish = healthdeck(&["completions", "fish"]);
    assert!(
        fish.contains("complete -c healthdeck") && fish.contains("on-hangup"),
        "{fish}"
    );
    let out = Command::new(BIN)
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn the_man_page_formats_cleanly_and_says_what_the_flags_cannot() {
    let page = healthdeck(&["man"]);
    let mut groff = Command::new("groff")
        .args(["-man", "-Tascii", "-P-cbou", "-ww"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = groff.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warned");
    // Plain ASCII text: no bold, underline or overstrike (`-P-cbou`).
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "--inventory",
        "--on-hangup",
        "EXIT STATUS",
        "3 UNKNOWN",
        "HEALTHDECK_INVENTORY",
        "incidents/",
        "completions",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}
