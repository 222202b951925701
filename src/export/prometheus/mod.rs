//! `healthdeck export prometheus`: from one inventory, what Prometheus and Alertmanager need
//! to run healthdeck's monitors themselves (ARCHITECTURE "Prometheus export"): the scrape
//! configuration driving `healthdeck agent`, the monitor rules as alert rules, their
//! `promtool test rules` unit tests made by the console's own rule engine, and a route.
//! Pure: the caller loads the inventory and writes the files.

mod alertmanager;
mod cases;
pub mod promql;
mod rules;
mod scrape;
mod timeline;
mod unit_tests;

use crate::health::{Monitor, MonitorPolicy, Probe, Role};
use chrono::TimeDelta;
use serde::Serialize;

/// The files written, by name.
pub const PROMETHEUS_FILE: &str = "prometheus.yml";
pub const RULES_FILE: &str = "healthdeck-rules.yml";
pub const ALERTMANAGER_FILE: &str = "alertmanager.yml";
pub const TESTS_FILE: &str = "healthdeck-rules.test.yml";

/// One server as its series are labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportServer {
    pub name: String,
    pub role: Role,
    pub site: String,
}

/// Everything the files are made of: the inventory's servers, the probes the agent serves
/// (the same `prober::prepare` decides for both), and the monitors' policies.
#[derive(Debug, Clone)]
pub struct PrometheusPlan {
    /// Where Prometheus reaches the agent, `host:port`.
    pub agent: String,
    pub alertmanager: Option<String>,
    pub servers: Vec<ExportServer>,
    /// (server index, probe): the pairs the agent serves.
    pub targets: Vec<(usize, Probe)>,
    pub policies: [MonitorPolicy; Monitor::COUNT],
    /// The inventory's probe timeout: the agent's bound on one probe.
    pub timeout: TimeDelta,
}

/// The four files' texts.
pub struct Exported {
    pub prometheus: String,
    pub rules: String,
    pub alertmanager: String,
    pub tests: String,
}

impl PrometheusPlan {
    pub fn render(&self) -> Result<Exported, String> {
        Ok(Exported {
            prometheus: scrape::prometheus_yml(self)?,
            rules: rules::rules_yml(self)?,
            alertmanager: alertmanager::alertmanager_yml()?,
            tests: unit_tests::tests_yml(self, self)?,
        })
    }

    /// Unit tests made from `console`'s policies for the rules of `self`: equal plans pass;
    /// a rule that differs from the console's must fail them.
    pub fn tests_against(&self, console: &PrometheusPlan) -> Result<String, String> {
        unit_tests::tests_yml(self, console)
    }

    pub fn rules_yml(&self) -> Result<String, String> {
        rules::rules_yml(self)
    }

    /// How often a probe runs: its monitor's interval (a zero one is 60 s, as the prober
    /// has it).
    pub fn interval(&self, probe: Probe) -> TimeDelta {
        let interval = self.policies[Monitor::judging(probe).index()].interval.0;
        if interval > TimeDelta::zero() {
            interval
        } else {
            TimeDelta::seconds(60)
        }
    }

    /// How long Prometheus waits for one `/probe`: the agent's own bound plus a second
    /// for its answer to arrive, within the interval.
    pub fn scrape_timeout(&self, probe: Probe) -> TimeDelta {
        (self.timeout + TimeDelta::seconds(1)).min(self.interval(probe))
    }

    /// How often rules run: a quarter of the shortest probe interval in whole seconds,
    /// between 1 s and 15 s, so `for:` and recovery are seen within a fraction of a result.
    pub fn evaluation_interval(&self) -> TimeDelta {
        let shortest = Probe::all()
            .map(|p| self.interval(p))
            .min()
            .unwrap_or(TimeDelta::seconds(60));
        let quarter = TimeDelta::seconds((shortest.num_milliseconds() / 4000).clamp(1, 15));
        quarter.min(TimeDelta::seconds(15))
    }

    /// How far behind now a rule reads a probe's samples: a scrape's sample carries its
    /// start time but lands when the probe ends, up to the scrape timeout later. Read any
    /// sooner, the previous sample would stand in for it and be counted twice. A whole
    /// number of evaluation intervals, so rules and their tests agree to the evaluation.
    pub fn lag(&self, probe: Probe) -> TimeDelta {
        let late = self.scrape_timeout(probe) + TimeDelta::seconds(1);
        let step = self.evaluation_interval().num_milliseconds().max(1);
        let steps = (late.num_milliseconds() + step - 1) / step;
        TimeDelta::milliseconds(steps * step)
    }

    /// The Prometheus job that scrapes probes of this interval.
    pub fn job(&self, probe: Probe) -> String {
        format!("healthdeck-{}", promql::duration(self.interval(probe)))
    }
}

/// YAML through serde, never pasted together: any name or site stays one scalar. Comments
/// (serde has none) are a fixed text put before the document.
fn emit<T: Serialize>(header: &str, value: &T) -> Result<String, String> {
    let body = serde_yaml::to_string(value).map_err(|e| format!("cannot write YAML: {e}"))?;
    Ok(format!("{header}{body}"))
}
