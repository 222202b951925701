//! The proxy component on Exchange: the exact cmdlets that read it and set it Active, the
//! pwsh scripts they become, and how `component_active` is read from `ConvertTo-Json`
//! output. The expected text is written out from the cmdlet reference, not computed.
#![allow(clippy::unwrap_used)]

use healthdeck::command::pwsh;
use healthdeck::health::MonitorKind::{Ctp, ProxyTest};
use healthdeck::health::Protocol::{Imap, Pop};
use healthdeck::health::{Monitor, MonitorKind, Protocol, Role, Server};
use healthdeck::runbook::RecoveryAction::{CheckComponentState, SetComponentActive};
use healthdeck::runbook::platform::exchange;
use healthdeck::runbook::{Expectation, RecoveryAction, StepCall};

fn call(action: RecoveryAction, name: &str, protocol: Protocol, kind: MonitorKind) -> StepCall {
    let server = Server {
        name: name.to_owned(),
        role: Role::Cas,
        site: "AMS".to_owned(),
    };
    let monitor = Monitor { protocol, kind };
    StepCall::plain(("test-procedure", action.name()), server, monitor, action)
}

#[test]
fn component_state_active_inactive_or_no_fact() {
    let read = |protocol, out: &str| {
        let c = call(CheckComponentState, "cas-01", protocol, ProxyTest);
        exchange::read(&c, out)
            .map(|r| r.facts)
            .map_err(|e| e.to_string())
    };
    let state = |component: &str, state: &str| {
        format!(r#"{{ "Component": "{component}", "State": "{state}" }}"#)
    };
    let active = |yes| Ok(vec![(Expectation::ComponentActive, yes)]);
    assert_eq!(read(Imap, &state("ImapProxy", "Active")), active(true));
    assert_eq!(read(Imap, &state("ImapProxy", "Inactive")), active(false));
    assert_eq!(read(Pop, &state("PopProxy", "Inactive")), active(false));
    assert_eq!(
        read(Pop, &format!("[{}]", state("PopProxy", "Active"))),
        active(true)
    );
    // Draining is a documented state, and it is not Active.
    assert_eq!(read(Imap, &state("ImapProxy", "Draining")), active(false));
    // Unknown is never healthy: no answer, another component, a number (no document gives
    // the enum's values), a word Exchange does not use, garbage: no fact at all.
    let refused = [
        ("", "empty"),
        ("[]", "got 0 objects"),
        (
            &format!("[{a}, {a}]", a = state("ImapProxy", "Active")),
            "got 2 objects",
        ),
        (
            &state("PopProxy", "Active"),
            "expected the state of ImapProxy",
        ),
        (
            r#"{ "Component": "ImapProxy", "State": 1 }"#,
            "EnumsAsStrings",
        ),
        (r#"{ "Component": "ImapProxy" }"#, "no State"),
        (r#"{ "State": "Active" }"#, "no Component"),
        (
            &state("ImapProxy", "Unknown"),
            "not Active, Inactive or Draining",
        ),
        ("Component : ImapProxy\r\nState : Active", "not JSON"),
    ];
    for (out, why) in refused {
        let error = read(Imap, out).unwrap_err();
        assert!(error.contains(why), "{out:?}: {error}");
    }
}

#[test]
fn component_commands_as_an_engineer_types_them_and_as_pwsh_runs_them() {
    let check = exchange::command(&call(CheckComponentState, "cas-01", Imap, Ctp)).unwrap();
    assert_eq!(
        check.display(),
        "Get-ServerComponentState -Identity cas-01 -Component ImapProxy \
         | Select-Object Component,State | ConvertTo-Json -EnumsAsStrings"
    );
    let set = exchange::command(&call(SetComponentActive, "ex-03", Pop, ProxyTest)).unwrap();
    assert_eq!(
        set.display(),
        "Set-ServerComponentState -Identity ex-03 -Component PopProxy -State Active \
         -Requester HealthAPI"
    );
    let open = "$ErrorActionPreference = 'Stop'\n$ProgressPreference = 'SilentlyContinue'\n\
        try {\n  $session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri \
        'http://ex-01.contoso.com/PowerShell' -Authentication Kerberos\n  Import-PSSession \
        $session -DisableNameChecking -AllowClobber | Out-Null\n";
    let close = "\n} catch {\n  [Console]::Error.WriteLine($_.Exception.Message)\n  exit 1\n\
        } finally {\n  if ($session) { Remove-PSSession $session }\n}\nexit 0\n";
    assert_eq!(
        pwsh::script(&check, "ex-01.contoso.com").unwrap(),
        format!(
            "{open}  Get-ServerComponentState -Identity 'cas-01' -Component 'ImapProxy' \
             | Select-Object Component,State | ConvertTo-Json -EnumsAsStrings{close}"
        )
    );
    assert_eq!(
        pwsh::script(&set, "ex-01.contoso.com").unwrap(),
        format!(
            "{open}  Set-ServerComponentState -Identity 'ex-03' -Component 'PopProxy' \
             -State Active -Requester HealthAPI{close}"
        )
    );
}
