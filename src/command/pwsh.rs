//! The PowerShell transport: one script per step for `pwsh -NoProfile -NonInteractive -Command`.
//!
//! Exchange cmdlets arrive through `Import-PSSession`, not `Invoke-Command -Session`: the
//! Exchange endpoint runs in restricted language mode and refuses `Select-Object` and
//! `ConvertTo-Json`. Imported cmdlets run remotely; the rest of the pipeline runs here.

use crate::command::quote::{self, Rejected};
use crate::runbook::platform::exchange::{Arg, Command, RunsOn};

/// The PowerShell 7 executable, found on PATH.
pub const PWSH: &str = "pwsh";

/// PowerShell's own cmdlets that the Exchange platform puts at the head of a stage. A
/// pipeline made only of these (`Restart-Computer`) opens no Exchange session: a reboot
/// must not depend on the Exchange endpoint of a server that may be the broken one.
const POWERSHELL_CMDLETS: &[&str] = &[
    "Restart-Computer",
    "Select-Object",
    "Where-Object",
    "ConvertTo-Json",
];

/// The argv that runs `script`. The script is one element: no local shell ever reads it.
pub fn argv(script: &str) -> Vec<String> {
    [PWSH, "-NoProfile", "-NonInteractive", "-Command", script]
        .map(str::to_owned)
        .into()
}

/// The script for one step. Every value is checked before any text is built; words are
/// ours and go in as written. `session_host` is the Exchange server whose `/PowerShell`
/// endpoint serves the cmdlets.
pub fn script(command: &Command, session_host: &str) -> Result<String, Rejected> {
    check(command, session_host)?;
    let pipeline = pipeline(&command.pipeline);
    let body = match &command.runs_on {
        RunsOn::ExchangeShell => pipeline,
        // The remote runspace has its own preference: stop there too, at the first error.
        RunsOn::Server(server) => format!(
            "Invoke-Command -ComputerName {} -ScriptBlock {{ $ErrorActionPreference = 'Stop'; \
             {pipeline} }}",
            quote::powershell(server)
        ),
    };
    // `-Command` runs in the global scope, so the imported proxy functions see `Stop` too.
    // Progress bars (Import-PSSession, Restart-Computer -Wait) are for a terminal, not a log.
    let mut script = String::from(
        "$ErrorActionPreference = 'Stop'\n$ProgressPreference = 'SilentlyContinue'\ntry {\n",
    );
    let session = opens_session(command);
    if session {
        let uri = quote::powershell(&format!("http://{}/PowerShell", uri_host(session_host)));
        script.push_str(&format!(
            "  $session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri \
             {uri} -Authentication Kerberos\n  Import-PSSession $session -DisableNameChecking \
             -AllowClobber | Out-Null\n"
        ));
    }
    script.push_str(&format!(
        "  {body}\n}} catch {{\n  [Console]::Error.WriteLine($_.Exception.Message)\n  exit 1\n}}"
    ));
    if session {
        // Runs on `exit 1` too: Exchange caps open sessions per user.
        script.push_str(" finally {\n  if ($session) { Remove-PSSession $session }\n}");
    }
    script.push_str("\nexit 0\n");
    Ok(script)
}

fn check(command: &Command, session_host: &str) -> Result<(), Rejected> {
    quote::check_host(session_host)?;
    if let RunsOn::Server(server) = &command.runs_on {
        quote::check_host(server)?;
    }
    for arg in command.pipeline.iter().flatten() {
        match arg {
            Arg::Word(_) => {}
            Arg::Value(value) => quote::check_value(value)?,
            Arg::List(values) => values.iter().try_for_each(|v| quote::check_value(v))?,
        }
    }
    Ok(())
}

fn opens_session(command: &Command) -> bool {
    command.runs_on == RunsOn::ExchangeShell
        && command.pipeline.iter().any(|stage| {
            !matches!(stage.first(), Some(Arg::Word(head)) if POWERSHELL_CMDLETS.contains(head))
        })
}

/// Stages joined with ` | `, words with spaces, values quoted.
fn pipeline(stages: &[Vec<Arg>]) -> String {
    let stage = |args: &Vec<Arg>| args.iter().map(word).collect::<Vec<_>>().join(" ");
    stages.iter().map(stage).collect::<Vec<_>>().join(" | ")
}

fn word(arg: &Arg) -> String {
    match arg {
        Arg::Word(word) => (*word).to_owned(),
        Arg::Value(value) => quote::powershell(value),
        Arg::List(values) if values.is_empty() => "@()".to_owned(),
        Arg::List(values) => values
            .iter()
            .map(|v| quote::powershell(v))
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// An IPv6 address goes in brackets inside a URI.
pub(crate) fn uri_host(host: &str) -> String {
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_owned()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use Arg::{List, Value, Word};

    fn shell(pipeline: Vec<Vec<Arg>>) -> Command {
        Command {
            pipeline,
            runs_on: RunsOn::ExchangeShell,
        }
    }

    /// The lines every script opens with when it needs the Exchange session on ex-01.
    const OPEN: &str = "$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {
  $session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri 'http://ex-01/PowerShell' -Authentication Kerberos
  Import-PSSession $session -DisableNameChecking -AllowClobber | Out-Null
";
    const CLOSE: &str = "} catch {
  [Console]::Error.WriteLine($_.Exception.Message)
  exit 1
} finally {
  if ($session) { Remove-PSSession $session }
}
exit 0
";

    #[test]
    fn argv_hands_the_script_over_as_one_element() {
        assert_eq!(
            argv("Get-Date; 'a b'"),
            [
                "pwsh",
                "-NoProfile",
                "-NonInteractive",
                "-Command",
                "Get-Date; 'a b'"
            ]
        );
    }

    #[test]
    fn a_service_restart_runs_on_the_server_without_an_exchange_session() {
        let command = Command {
            pipeline: vec![vec![
                Word("Restart-Service"),
                Word("-Name"),
                List(vec!["MSExchangeIMAP4BE".into(), "MSExchangeIMAP4".into()]),
            ]],
            runs_on: RunsOn::Server("mbx-02".into()),
        };
        let expected = "$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {
  Invoke-Command -ComputerName 'mbx-02' -ScriptBlock { $ErrorActionPreference = 'Stop'; Restart-Service -Name 'MSExchangeIMAP4BE','MSExchangeIMAP4' }
} catch {
  [Console]::Error.WriteLine($_.Exception.Message)
  exit 1
}
exit 0
";
        assert_eq!(script(&command, "ex-01").unwrap(), expected);
    }

    #[test]
    fn a_failover_runs_in_the_exchange_session() {
        let command = shell(vec![vec![
            Word("Set-MailboxServer"),
            Word("-Identity"),
            Value("mbx-02".into()),
            Word("-DatabaseCopyActivationDisabledAndMoveNow"),
            Word("$true"),
        ]]);
        let body = "  Set-MailboxServer -Identity 'mbx-02' -DatabaseCopyActivationDisabledAndMoveNow $true\n";
        assert_eq!(
            script(&command, "ex-01").unwrap(),
            format!("{OPEN}{body}{CLOSE}")
        );
    }

    #[test]
    fn a_health_query_pipes_imported_cmdlets_into_local_ones() {
        let command = shell(vec![
            vec![
                Word("Get-ServerHealth"),
                Word("-Identity"),
                Value("mbx-02".into()),
            ],
            vec![
                Word("Where-Object"),
                Word("-Property"),
                Word("HealthSetName"),
                Word("-Like"),
                Word("-Value"),
                Value("IMAP*".into()),
            ],
            vec![Word("Select-Object"), Word("Name,HealthSetName,AlertValue")],
            vec![Word("ConvertTo-Json"), Word("-EnumsAsStrings")],
        ]);
        let body = "  Get-ServerHealth -Identity 'mbx-02' \
            | Where-Object -Property HealthSetName -Like -Value 'IMAP*' \
            | Select-Object Name,HealthSetName,AlertValue | ConvertTo-Json -EnumsAsStrings\n";
        assert_eq!(
            script(&command, "ex-01").unwrap(),
            format!("{OPEN}{body}{CLOSE}")
        );
    }

    #[test]
    fn a_reboot_runs_here_and_needs_no_exchange_endpoint() {
        let command = shell(vec![vec![
            Word("Restart-Computer"),
            Word("-ComputerName"),
            Value("mbx-02".into()),
            Word("-Force"),
            Word("-Wait"),
            Word("-For"),
            Word("PowerShell"),
            Word("-Timeout"),
            Word("1800"),
        ]]);
        let expected = "$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {
  Restart-Computer -ComputerName 'mbx-02' -Force -Wait -For PowerShell -Timeout 1800
} catch {
  [Console]::Error.WriteLine($_.Exception.Message)
  exit 1
}
exit 0
";
        assert_eq!(script(&command, "mbx-02").unwrap(), expected);
    }

    #[test]
    fn an_ipv6_session_host_is_bracketed_in_the_uri() {
        let command = shell(vec![vec![Word("Get-MailboxDatabaseCopyStatus")]]);
        let script = script(&command, "fe80::1").unwrap();
        assert!(script.contains("-ConnectionUri 'http://[fe80::1]/PowerShell'"));
    }

    #[test]
    fn hostile_values_are_refused_before_a_script_exists() {
        let hostile = [
            "mbx-02'; Stop-Computer; '",
            "mbx-02;reboot",
            "$(Stop-Computer)",
            "mbx-02\nStop-Computer",
            "mbx-02\u{2019}; Stop-Computer",
        ];
        for bad in hostile {
            let value = shell(vec![vec![Word("Get-ServerHealth"), Value(bad.into())]]);
            assert_eq!(script(&value, "ex-01").unwrap_err().value(), bad);
            let list = Command {
                pipeline: vec![vec![
                    Word("Restart-Service"),
                    List(vec!["ok".into(), bad.into()]),
                ]],
                runs_on: RunsOn::Server("mbx-02".into()),
            };
            assert!(script(&list, "ex-01").is_err(), "{bad:?}");
            let fine = vec![vec![Word("Restart-Service"), List(vec!["ok".into()])]];
            let server = Command {
                pipeline: fine.clone(),
                runs_on: RunsOn::Server(bad.into()),
            };
            assert!(script(&server, "ex-01").is_err(), "{bad:?}");
            assert!(script(&shell(fine), bad).is_err(), "{bad:?}");
        }
    }
}
