//! The training fleet: scenarios and the simulator that plays them.

pub mod databases;
pub mod drill;
pub mod from_record;
pub mod random;
pub mod scenario;
pub mod simulator;

pub use scenario::Scenario;
pub use simulator::Simulator;

use crate::config::{ConfigError, Lookup, Named, read_named};
use crate::i18n::Said;

/// The scenarios built into the binary: (name, YAML). The first is the default.
pub const BUILT_IN: [(&str, &str); 4] = [
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
    (
        "imap-proxy-offline",
        include_str!("../../scenarios/imap-proxy-offline.yaml"),
    ),
];

pub const DEFAULT_SCENARIO: &str = BUILT_IN[0].0;

/// Why a `--scenario` could not be loaded.
#[derive(Debug)]
pub enum ScenarioError {
    /// Neither a built-in name nor a file.
    Unknown(Lookup),
    Invalid(ConfigError),
}

impl ScenarioError {
    /// What went wrong, as a message and its values.
    pub fn said(&self) -> Said {
        match self {
            ScenarioError::Unknown(lookup) => Said::new("finding-at")
                .text("place", "--scenario")
                .said("finding", lookup.said()),
            ScenarioError::Invalid(e) => e.said(),
        }
    }
}

/// In English.
impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.said().fmt(f)
    }
}

impl std::error::Error for ScenarioError {}

/// Loads a built-in scenario by name, or a scenario file by path.
pub fn load(name_or_file: &str) -> Result<Scenario, ScenarioError> {
    let (origin, text) =
        read_named(name_or_file, &BUILT_IN, Named::Scenario).map_err(|e| match e {
            Lookup::Unreadable(e) => ScenarioError::Invalid(e),
            unknown @ Lookup::Unknown { .. } => ScenarioError::Unknown(unknown),
        })?;
    Scenario::parse(&text, &origin).map_err(ScenarioError::Invalid)
}

/// The built-in scenarios with a `drill:` block, by name.
pub fn with_drill() -> Vec<&'static str> {
    BUILT_IN
        .iter()
        .filter(|(name, text)| Scenario::parse(text, name).is_ok_and(|s| s.drill.is_some()))
        .map(|(name, _)| *name)
        .collect()
}
