//! The script of one Managed Availability poll: a server's monitors of the six IMAP and
//! POP health sets (`Get-ServerHealth`) and its proxy components
//! (`Get-ServerComponentState`), in one pwsh run.
//!
//! It writes its own JSON, so Windows PowerShell 5.1 and pwsh 7 answer alike: enums cast
//! to their names, dates to ISO 8601 UTC, rows always in arrays (`-InputObject`, so one
//! row is not unrolled into an object, and no rows is `[]`, not nothing). 5.1 has no
//! `-EnumsAsStrings` and writes `/Date(ms)/`; the reader takes those forms too
//! (`health::exchange::read`).

use crate::command::quote::{self, Rejected};
use crate::health::HealthSet;
use crate::health::exchange::COMPONENTS;

/// The fields of a monitor the console reads, as Exchange names them.
const DATES: [&str; 3] = [
    "LastTransitionTime",
    "FirstAlertObservedTime",
    "LastExecutionTime",
];
const WORDS: [&str; 8] = [
    "Name",
    "HealthSetName",
    "AlertValue",
    "CurrentHealthSetState",
    "LastExecutionResult",
    "TargetResource",
    "Error",
    "Exception",
];

/// The poll of `server` through the Exchange session on `session_host`. Both names are
/// checked before any text is built: a hostile name never reaches pwsh.
pub fn script(server: &str, session_host: &str) -> Result<String, Rejected> {
    quote::check_host(server)?;
    quote::check_host(session_host)?;
    let server = quote::powershell(server);
    let uri = quote::powershell(&format!(
        "http://{}/PowerShell",
        super::pwsh::uri_host(session_host)
    ));
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|n| quote::powershell(n))
            .collect::<Vec<_>>()
            .join(",")
    };
    let sets = list(&HealthSet::ALL.map(HealthSet::name));
    let components = list(&COMPONENTS);
    let mut fields: Vec<String> = WORDS
        .iter()
        .map(|f| format!("{f} = [string]$_.{f}"))
        .collect();
    fields.extend(DATES.iter().map(|f| format!("{f} = Iso $_.{f}")));
    // Over remoting a bool may arrive as the string "False", which [bool] reads as true.
    fields.push("IsStale = ([string]$_.IsStale -eq 'True')".to_owned());
    let fields = fields.join("; ");
    Ok(format!(
        "$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {{
  $session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri {uri} -Authentication Kerberos
  Import-PSSession $session -DisableNameChecking -AllowClobber -CommandName Get-ServerHealth,Get-ServerComponentState | Out-Null
  function Iso($t) {{ if ($null -eq $t) {{ $null }} else {{ ([datetime]$t).ToUniversalTime().ToString('o') }} }}
  $sets = @({sets})
  $components = @({components})
  $health = @(Get-ServerHealth -Identity {server} | Where-Object {{ $sets -contains [string]$_.HealthSetName }} | ForEach-Object {{ [pscustomobject]@{{ {fields} }} }})
  $states = @(Get-ServerComponentState -Identity {server} | Where-Object {{ $components -contains [string]$_.Component }} | ForEach-Object {{ [pscustomobject]@{{ Component = [string]$_.Component; State = [string]$_.State; Requesters = @(@($_.LocalStates) + @($_.RemoteStates) | Where-Object {{ [string]$_.State -eq 'Inactive' }} | ForEach-Object {{ [string]$_.Requester }} | Select-Object -Unique) }} }})
  ConvertTo-Json -Compress -Depth 4 -InputObject ([pscustomobject]@{{ Server = {server}; Health = $health; Components = $states }})
}} catch {{
  [Console]::Error.WriteLine($_.Exception.Message)
  exit 1
}} finally {{
  if ($session) {{ Remove-PSSession $session }}
}}
exit 0
"
    ))
}
