//! The training fleet: scenarios and the simulator that plays them.

pub mod scenario;
pub mod simulator;

pub use scenario::Scenario;
pub use simulator::Simulator;

use crate::config::ConfigError;
use std::path::Path;

/// The scenarios built into the binary: (name, YAML). The first is the default.
pub const BUILT_IN: [(&str, &str); 3] = [
    (
        "imap-backend-down",
        include_str!("../../scenarios/imap-backend-down.yaml"),
    ),
    (
        "pop-slow-commands",
        include_str!("../../scenarios/pop-slow-commands.yaml"),
    ),
    (
        "imap-proxy-flapping",
        include_str!("../../scenarios/imap-proxy-flapping.yaml"),
    ),
];

pub const DEFAULT_SCENARIO: &str = BUILT_IN[0].0;

/// Why a `--scenario` could not be loaded.
#[derive(Debug)]
pub enum ScenarioError {
    /// Neither a built-in name nor a readable file.
    Unknown(String),
    Invalid(ConfigError),
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Unknown(name) => {
                let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
                write!(
                    f,
                    "unknown scenario `{name}`: not a built-in scenario ({}) nor a readable file",
                    names.join(", ")
                )
            }
            ScenarioError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Loads a built-in scenario by name, or a scenario file by path.
pub fn load(name_or_file: &str) -> Result<Scenario, ScenarioError> {
    if let Some((name, text)) = BUILT_IN.iter().find(|(n, _)| *n == name_or_file) {
        return Scenario::parse(text, &format!("<built-in scenario {name}>"))
            .map_err(ScenarioError::Invalid);
    }
    let path = Path::new(name_or_file);
    if !path.exists() {
        return Err(ScenarioError::Unknown(name_or_file.to_owned()));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        ScenarioError::Invalid(ConfigError::new(name_or_file, format!("cannot read: {e}")))
    })?;
    Scenario::parse(&text, name_or_file).map_err(ScenarioError::Invalid)
}
