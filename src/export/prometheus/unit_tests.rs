//! `healthdeck-rules.test.yml`: `promtool test rules` unit tests whose expectations the
//! console's own rule engine gives (ARCHITECTURE "Prometheus export"): each case's results
//! become input series, and at chosen times the alert must be pending where the console
//! says Degraded, firing where it says Unhealthy, and absent otherwise.

use super::cases::{self, Case, Outcome};
use super::promql::{self, quoted};
use super::rules;
use super::timeline::{self, Expected};
use super::{ExportServer, PrometheusPlan, RULES_FILE, emit};
use crate::health::monitors::MonitorInput;
use crate::health::{Monitor, Probe, Role};
use chrono::TimeDelta;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct TestFile {
    rule_files: Vec<&'static str>,
    evaluation_interval: String,
    tests: Vec<TestGroup>,
}

#[derive(Serialize)]
struct TestGroup {
    name: String,
    interval: String,
    input_series: Vec<InputSeries>,
    alert_rule_test: Vec<AlertTest>,
    promql_expr_test: Vec<ExprTest>,
}

#[derive(Serialize)]
struct InputSeries {
    series: String,
    values: String,
}

#[derive(Serialize)]
struct AlertTest {
    eval_time: String,
    alertname: &'static str,
    exp_alerts: Vec<ExpectedAlert>,
}

#[derive(Serialize)]
struct ExpectedAlert {
    exp_labels: BTreeMap<String, String>,
    exp_annotations: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct ExprTest {
    expr: String,
    eval_time: String,
    exp_samples: Vec<ExpectedSample>,
}

#[derive(Serialize)]
struct ExpectedSample {
    labels: String,
    value: f64,
}

const HEADER: &str = "\
# Made by `healthdeck export prometheus`: run `promtool test rules healthdeck-rules.test.yml`.
# Every expectation is what the console's own rule engine said of the same results at
# the same times (less the rules' lag): Degraded = pending, Unhealthy = firing.
";

/// Tests of `rules`' alert rules with what `console`'s policies say.
pub fn tests_yml(rules: &PrometheusPlan, console: &PrometheusPlan) -> Result<String, String> {
    let mut tests = Vec::new();
    for monitor in Monitor::ALL {
        let policy = console.policies[monitor.index()];
        let (probes, judges_latency) = match monitor.input() {
            MonitorInput::Probe(probe) => (vec![probe], false),
            MonitorInput::CommandLatency(protocol) => {
                let role = server_for(console, monitor).role;
                let feeding = Probe::all()
                    .filter(|p| p.protocol == protocol && role.runs(p.role()))
                    .collect();
                (feeding, true)
            }
            MonitorInput::RequestsQueued(_) => continue,
        };
        let Some(&first) = probes.first() else {
            continue;
        };
        let interval = console.interval(first);
        // Cases step every probe together: feeds of several intervals are not made here.
        if probes.iter().any(|&p| console.interval(p) != interval)
            || rules::alert_rule(rules, monitor)?.is_none()
        {
            continue;
        }
        let lag = probes
            .iter()
            .map(|&p| rules.lag(p))
            .max()
            .unwrap_or_default();
        for case in cases::cases(&policy, interval, probes.len()) {
            let changes = timeline::verdicts(&policy, judges_latency, &case, interval);
            let checks = timeline::checks(
                &changes,
                interval,
                rules.evaluation_interval(),
                case.steps.len(),
            );
            let context = Context {
                plan: console,
                monitor,
                server: server_for(console, monitor),
                probes: &probes,
                judges_latency,
            };
            tests.push(context.group(&case, interval, lag, &checks)?);
        }
    }
    let file = TestFile {
        rule_files: vec![RULES_FILE],
        evaluation_interval: promql::duration(rules.evaluation_interval()),
        tests,
    };
    emit(HEADER, &file)
}

/// A server of the inventory that runs the monitor, else a made-up one of a fitting role.
fn server_for(plan: &PrometheusPlan, monitor: Monitor) -> ExportServer {
    plan.servers
        .iter()
        .find(|s| monitor.applies_to(s.role))
        .cloned()
        .unwrap_or_else(|| ExportServer {
            name: "healthdeck-test-server".to_owned(),
            role: Role::Both,
            site: "TEST".to_owned(),
        })
}

struct Context<'a> {
    plan: &'a PrometheusPlan,
    monitor: Monitor,
    server: ExportServer,
    probes: &'a [Probe],
    judges_latency: bool,
}

impl Context<'_> {
    /// A probe series' labels, as the agent and the scrape give them.
    fn series_labels(&self, probe: Probe) -> BTreeMap<String, String> {
        BTreeMap::from([
            ("server".to_owned(), self.server.name.clone()),
            ("role".to_owned(), self.server.role.label().to_owned()),
            ("site".to_owned(), self.server.site.clone()),
            (
                "health_set".to_owned(),
                Monitor::judging(probe).health_set().name().to_owned(),
            ),
            ("probe".to_owned(), probe.name().to_owned()),
            ("job".to_owned(), self.plan.job(probe)),
            (
                "instance".to_owned(),
                format!("{}/{}", self.server.name, probe.name()),
            ),
        ])
    }

    /// The alert's labels: the series' that its expression keeps, then the rule's.
    fn alert_labels(&self) -> BTreeMap<String, String> {
        let mut labels = if self.judges_latency {
            let mut kept = self.series_labels(self.probes[0]);
            kept.retain(|k, _| ["server", "role", "site"].contains(&k.as_str()));
            kept
        } else {
            self.series_labels(self.probes[0])
        };
        for (k, v) in rules::labels(self.monitor) {
            labels.insert(k.to_owned(), v);
        }
        labels
    }

    fn group(
        &self,
        case: &Case,
        interval: TimeDelta,
        lag: TimeDelta,
        checks: &[(TimeDelta, Expected)],
    ) -> Result<TestGroup, String> {
        let mut input_series = Vec::new();
        for (i, &probe) in self.probes.iter().enumerate() {
            let labels = self.series_labels(probe);
            let outcomes: Vec<Outcome> = case.steps.iter().map(|step| step[i]).collect();
            let success = outcomes.iter().map(|o| match o {
                Outcome::Pass(_) => "1".to_owned(),
                Outcome::Fail(_) => "0".to_owned(),
            });
            input_series.push(InputSeries {
                series: selector("healthdeck_probe_success", &labels),
                values: success.collect::<Vec<_>>().join(" "),
            });
            if self.judges_latency {
                let took = outcomes.iter().map(|&o| match o {
                    Outcome::Pass(ms) | Outcome::Fail(ms) => (f64::from(ms) / 1000.0).to_string(),
                });
                input_series.push(InputSeries {
                    series: selector("healthdeck_probe_duration_seconds", &labels),
                    values: took.collect::<Vec<_>>().join(" "),
                });
            }
        }
        let name = self.monitor.name();
        let annotations =
            rules::annotations(self.monitor, &self.plan.policies[self.monitor.index()])?;
        let labels = self.alert_labels();
        let mut pending = labels.clone();
        pending.insert("alertname".to_owned(), name.to_owned());
        pending.insert("alertstate".to_owned(), "pending".to_owned());
        let mut alert_rule_test = Vec::new();
        let mut promql_expr_test = Vec::new();
        for &(at, shown) in checks {
            let eval_time = promql::duration(at + lag);
            let firing = ExpectedAlert {
                exp_labels: labels.clone(),
                exp_annotations: annotations.clone(),
            };
            alert_rule_test.push(AlertTest {
                eval_time: eval_time.clone(),
                alertname: name,
                exp_alerts: (shown == Expected::Firing)
                    .then_some(firing)
                    .into_iter()
                    .collect(),
            });
            promql_expr_test.push(ExprTest {
                expr: format!(
                    "ALERTS{{alertname={},alertstate=\"pending\"}}",
                    quoted(name)
                ),
                eval_time,
                exp_samples: (shown == Expected::Pending)
                    .then(|| ExpectedSample {
                        labels: selector("ALERTS", &pending),
                        value: 1.0,
                    })
                    .into_iter()
                    .collect(),
            });
        }
        Ok(TestGroup {
            name: format!("{name} on {}: {}", self.server.name, case.title),
            interval: promql::duration(interval),
            input_series,
            alert_rule_test,
            promql_expr_test,
        })
    }
}

/// `name{label="value",…}` with every value quoted for PromQL.
fn selector(name: &str, labels: &BTreeMap<String, String>) -> String {
    let pairs: Vec<String> = labels
        .iter()
        .map(|(k, v)| format!("{k}={}", quoted(v)))
        .collect();
    format!("{name}{{{}}}", pairs.join(","))
}
