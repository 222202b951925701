//! `prometheus.yml`: one job per probe interval driving the agent's `/probe` per server and
//! probe (blackbox_exporter's multi-target pattern: `__param_*` target labels become the
//! query), one job for the agent's own `/metrics`, the rules, and Alertmanager if named.

use super::{PrometheusPlan, RULES_FILE, emit, promql};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct PrometheusConfig {
    global: Global,
    rule_files: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alerting: Option<Alerting>,
    scrape_configs: Vec<ScrapeConfig>,
}

#[derive(Serialize)]
struct Global {
    scrape_interval: String,
    evaluation_interval: String,
}

#[derive(Serialize)]
struct Alerting {
    alertmanagers: Vec<Targets>,
}

#[derive(Serialize)]
struct Targets {
    static_configs: Vec<StaticConfig>,
}

#[derive(Serialize)]
struct StaticConfig {
    targets: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    labels: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct ScrapeConfig {
    job_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics_path: Option<&'static str>,
    scrape_interval: String,
    scrape_timeout: String,
    static_configs: Vec<StaticConfig>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relabel_configs: Vec<Relabel>,
}

#[derive(Serialize)]
struct Relabel {
    source_labels: Vec<&'static str>,
    separator: &'static str,
    target_label: &'static str,
}

const HEADER: &str = "\
# Made by `healthdeck export prometheus` from the inventory: change the inventory and export
# again rather than editing this file. Each probe job runs one probe per target at its
# monitor's interval through the agent's /probe; the instance is <server>/<probe>.
# Intervals over 5 minutes need Prometheus' --query.lookback-delta at least that long.
";

/// The scrape configuration for the plan's targets.
pub fn prometheus_yml(plan: &PrometheusPlan) -> Result<String, String> {
    let mut jobs: BTreeMap<i64, ScrapeConfig> = BTreeMap::new();
    for &(server, probe) in &plan.targets {
        let interval = plan.interval(probe);
        let job = jobs
            .entry(interval.num_milliseconds())
            .or_insert_with(|| ScrapeConfig {
                job_name: plan.job(probe),
                metrics_path: Some("/probe"),
                scrape_interval: promql::duration(interval),
                scrape_timeout: promql::duration(plan.scrape_timeout(probe)),
                static_configs: Vec::new(),
                relabel_configs: vec![Relabel {
                    source_labels: vec!["__param_server", "__param_probe"],
                    separator: "/",
                    target_label: "instance",
                }],
            });
        let labels = BTreeMap::from([
            ("__param_server", plan.servers[server].name.clone()),
            ("__param_probe", probe.name().to_owned()),
        ]);
        job.static_configs.push(StaticConfig {
            targets: vec![plan.agent.clone()],
            labels,
        });
    }
    let evaluation = promql::duration(plan.evaluation_interval());
    let mut scrape_configs: Vec<ScrapeConfig> = jobs.into_values().collect();
    scrape_configs.push(ScrapeConfig {
        job_name: "healthdeck-agent".to_owned(),
        metrics_path: None,
        scrape_interval: evaluation.clone(),
        scrape_timeout: evaluation.clone(),
        static_configs: vec![StaticConfig {
            targets: vec![plan.agent.clone()],
            labels: BTreeMap::new(),
        }],
        relabel_configs: Vec::new(),
    });
    let config = PrometheusConfig {
        global: Global {
            scrape_interval: "60s".to_owned(),
            evaluation_interval: evaluation,
        },
        rule_files: vec![RULES_FILE],
        alerting: plan.alertmanager.as_ref().map(|address| Alerting {
            alertmanagers: vec![Targets {
                static_configs: vec![StaticConfig {
                    targets: vec![address.clone()],
                    labels: BTreeMap::new(),
                }],
            }],
        }),
        scrape_configs,
    };
    emit(HEADER, &config)
}
