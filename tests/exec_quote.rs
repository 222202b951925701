//! The pwsh transport's argv reaches the program exactly: a stand-in `pwsh` records the
//! arguments it was given, and the script arrives as one argument, byte for byte.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use healthdeck::command::pwsh;
use healthdeck::runbook::platform::exchange::{self, Arg, RunsOn};

/// Writes the count, then each argument followed by NUL: a script holds newlines.
const STAND_IN: &str = "#!/bin/sh\n\
    out=\"$(dirname \"$0\")/argv\"\n\
    printf '%s\\n' \"$#\" > \"$out\"\n\
    for arg in \"$@\"; do printf '%s\\0' \"$arg\" >> \"$out\"; done\n";

#[test]
fn pwsh_receives_the_script_as_one_argument_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join(pwsh::PWSH);
    std::fs::write(&program, STAND_IN).unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();

    // Quotes, `$`, `\`, `|` and newlines: everything a local shell would have mangled.
    let command = exchange::Command {
        pipeline: vec![
            vec![
                Arg::Word("Invoke-MonitoringProbe"),
                Arg::Word("-Identity"),
                Arg::Value("IMAP.Protocol\\ImapDeepTestProbe".to_owned()),
                Arg::Word("-Server"),
                Arg::Value("mbx-02".to_owned()),
            ],
            vec![Arg::Word("Select-Object"), Arg::Word("ResultType,Error")],
            vec![Arg::Word("ConvertTo-Json"), Arg::Word("-EnumsAsStrings")],
        ],
        runs_on: RunsOn::ExchangeShell,
    };
    let script = pwsh::script(&command, "ex-01").unwrap();
    assert!(script.contains("'IMAP.Protocol\\ImapDeepTestProbe'") && script.contains('\n'));
    let argv = pwsh::argv(&script);

    let status = Command::new(&program).args(&argv[1..]).status().unwrap();
    assert!(status.success());

    let recorded = std::fs::read(dir.path().join("argv")).unwrap();
    let (count, args) = recorded.split_at(recorded.iter().position(|&b| b == b'\n').unwrap());
    assert_eq!(count, b"4");
    let args: Vec<&[u8]> = args[1..]
        .strip_suffix(&[0])
        .unwrap()
        .split(|&b| b == 0)
        .collect();
    let expected: Vec<&[u8]> = argv[1..].iter().map(String::as_bytes).collect();
    assert_eq!(args, expected);
    assert_eq!(args[3], script.as_bytes());
}
