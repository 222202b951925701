//! `healthdeck drill --scenario random [--seed N]`: one fault drawn from the simulator's
//! symptoms × the default fleet's servers × their services, the same for the same seed,
//! with the drill that heals it (ARCHITECTURE "Drills").

use super::drill::{DrillSpec, ExpectedPath};
use super::scenario::{Fault, Remedy, Scenario, Symptom};
use super::simulator::mix;
use crate::health::{Protocol, Role, Span};

/// What a drawn fault is, and the path that heals it.
struct Kind {
    symptom: Symptom,
    healed_by: Remedy,
    /// The services it may hit by protocol, and the role that runs them.
    back_end: bool,
    monitor: &'static str,
    runbook: &'static str,
    heals_at: &'static str,
}

const KINDS: [Kind; 3] = [
    Kind {
        symptom: Symptom::StopsAnswering,
        healed_by: Remedy::RestartService,
        back_end: true,
        monitor: "SelfTestMonitor",
        runbook: "deep-self",
        heals_at: "restart-back-end",
    },
    Kind {
        symptom: Symptom::StopsAnswering,
        healed_by: Remedy::RestartService,
        back_end: false,
        monitor: "ProxyTestMonitor",
        runbook: "proxy",
        heals_at: "restart-front-end",
    },
    Kind {
        symptom: Symptom::ComponentInactive,
        healed_by: Remedy::SetComponentActive,
        back_end: false,
        monitor: "ProxyTestMonitor",
        runbook: "proxy",
        heals_at: "set-component-active",
    },
];

/// The objective in every language.
pub(crate) fn objective() -> crate::runbook::spec::Text {
    OBJECTIVE
        .iter()
        .map(|(lang, text)| ((*lang).to_owned(), (*text).to_owned()))
        .collect()
}

/// The objective: nothing given away but that mail clients are failing.
const OBJECTIVE: [(&str, &str); 5] = [
    (
        "en",
        "Mail clients report errors. Find the failing monitor, walk its runbook and restore the service.",
    ),
    (
        "ko",
        "메일 클라이언트에서 오류가 보고됩니다. 실패한 모니터를 찾아 해당 런북을 진행하고 서비스를 복구하십시오.",
    ),
    (
        "ja",
        "メール クライアントでエラーが報告されています。失敗しているモニターを見つけ、その Runbook を進めてサービスを復旧してください。",
    ),
    (
        "zh-TW",
        "郵件用戶端回報錯誤。找出失敗的監視器，依照其 Runbook 執行並還原服務。",
    ),
    (
        "pt-BR",
        "Clientes de e-mail relatam erros. Encontre o monitor com falha, siga o runbook dele e restaure o serviço.",
    ),
];

/// The random drill of `seed` on `base`'s fleet (the default scenario's).
pub fn scenario(base: &Scenario, seed: u64) -> Scenario {
    let draw = |n: u64, of: usize| (mix(seed, n) % of as u64) as usize;
    let kind = &KINDS[draw(1, KINDS.len())];
    let protocol = [Protocol::Imap, Protocol::Pop][draw(2, 2)];
    let needed = if kind.back_end {
        Role::Mailbox
    } else {
        Role::Cas
    };
    let servers: Vec<_> = base.fleet.iter().filter(|s| s.role.runs(needed)).collect();
    let server = servers[draw(3, servers.len())].name.clone();
    let service = if kind.back_end {
        protocol.back_end_service()
    } else {
        protocol.front_end_service()
    };
    let prefix = match protocol {
        Protocol::Imap => "Imap",
        Protocol::Pop => "Pop",
    };
    let at = 20 + draw(4, 160) as i64;
    let fault = Fault {
        server: server.clone(),
        service: service.to_owned(),
        at: Span::seconds(at),
        symptom: kind.symptom,
        healed_by: kind.healed_by,
        latency: None,
        queued: None,
        period: None,
        clears_after: None,
    };
    Scenario {
        name: format!("random-{seed}"),
        title: format!("A random fault (seed {seed})"),
        briefing: String::new(),
        fleet: base.fleet.clone(),
        monitoring_mailboxes: base.monitoring_mailboxes.clone(),
        faults: vec![fault],
        rules: base.rules.clone(),
        drill: Some(DrillSpec {
            objective: objective(),
            budget: Span::minutes(15),
            expected: ExpectedPath {
                server,
                monitor: format!("{prefix}{}", kind.monitor),
                runbook: format!("{}-{}", prefix.to_lowercase(), kind.runbook),
                heals_at: kind.heals_at.to_owned(),
            },
        }),
    }
}
