//! Property: whatever bytes a file holds, every loader returns (never panics), and every
//! finding it returns has a line and column inside the file.

#![allow(clippy::unwrap_used)]

use healthdeck::config::ConfigError;
use healthdeck::config::inventory::Inventory;
use healthdeck::config::theme::load_theme;
use healthdeck::ui::color::ColorDepth;
use proptest::prelude::*;
use std::path::Path;

/// Every finding of every loader for the file at `path`.
fn findings(path: &Path) -> Vec<(&'static str, ConfigError)> {
    let name = path.to_str().unwrap();
    let mut all = Vec::new();
    for e in Inventory::load(path).err().unwrap_or_default() {
        all.push(("inventory", e));
    }
    match healthdeck::training::load(name) {
        Err(healthdeck::training::ScenarioError::Invalid(e)) => all.push(("scenario", e)),
        Err(other) => panic!("{other}"),
        Ok(_) => {}
    }
    if let Err(e) = load_theme(name, ColorDepth::TrueColor) {
        all.push(("theme", e));
    }
    let (_, found) = healthdeck::lint::findings(&[path.to_owned()]).unwrap();
    all.extend(found.into_iter().map(|e| ("lint", e)));
    all
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.yaml");
    std::fs::write(&path, bytes).unwrap();
    // The parser counts YAML 1.1's line breaks (CR, NEL, LS, PS too) where an editor may
    // not: the bound takes the larger count.
    let breaks = String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
        .count();
    let lines = breaks + 1;
    for (loader, e) in findings(&path) {
        let (Some(line), Some(column)) = (e.line, e.column) else {
            return Err(TestCaseError::fail(format!("{loader}: no place: {e}")));
        };
        prop_assert!(
            line >= 1 && line <= lines + 1 && column >= 1,
            "{loader}: {line}:{column} outside a {lines}-line file: {e}"
        );
    }
    Ok(())
}

/// Pieces YAML is made of, and the ones that break it.
const PIECES: &[&str] = &[
    "\n",
    "\n",
    "\n",
    "  ",
    "  ",
    "    ",
    "- ",
    "-",
    ": ",
    ":",
    "? ",
    ", ",
    "[",
    "]",
    "{",
    "}",
    "#",
    " # c",
    "'",
    "\"",
    "\\",
    "|",
    ">",
    "|-\n",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "!!str ",
    "!x ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "\t",
    "\0",
    "\u{feff}",
    "\u{85}",
    "é",
    "😀",
    "\r\n",
    "name",
    "servers",
    "fleet",
    "faults",
    "procedures",
    "roles",
    "title",
    "steps",
    "id",
    "role",
    "site",
    "cas",
    "mailbox",
    "both",
    "imap",
    "host",
    "port",
    "tls",
    "none",
    "at",
    "1m",
    "99999999999999999999",
    "-1",
    "0x1F",
    "1e400",
    "~",
    "null",
    "true",
    "x",
    "cas-01",
    "health.healthy",
    "fg",
    "red",
    "#ff0000",
];

fn yaml_shaped() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_get_placed_findings(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes)?;
    }

    #[test]
    fn yaml_shaped_text_gets_placed_findings(text in yaml_shaped()) {
        check(text.as_bytes())?;
    }

    #[test]
    fn yaml_shaped_text_with_a_bad_byte_gets_placed_findings(
        text in yaml_shaped(),
        at in any::<prop::sample::Index>(),
        byte in 0x80u8..=0xff,
    ) {
        let mut bytes = text.into_bytes();
        let i = at.index(bytes.len() + 1);
        bytes.insert(i, byte);
        check(&bytes)?;
    }
}
