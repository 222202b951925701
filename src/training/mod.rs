//! The training fleet: scenarios and the simulator that plays them.

pub mod databases;
pub mod drill;
pub mod from_record;
pub mod random;
pub mod scenario;
pub mod simulator;

pub use scenario::Scenario;
pub use simulator::Simulator;

use crate::config::{ConfigError, Lookup, read_named};

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

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Unknown(lookup) => write!(f, "--scenario: {lookup}"),
            ScenarioError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Loads a built-in scenario by name, or a scenario file by path.
pub fn load(name_or_file: &str) -> Result<Scenario, ScenarioError> {
    let (origin, text) = read_named(name_or_file, &BUILT_IN, "scenario").map_err(|e| match e {
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

/// `healthdeck scenario from-record RECORD`: the scenario on stdout (checked as any
/// scenario file is first), what was left out on stderr; 0 printed, 1 nothing to drill,
/// 2 an unreadable record.
pub fn run(args: &crate::cli::ScenarioArgs) -> std::process::ExitCode {
    use std::io::Write;
    let crate::cli::ScenarioCommand::FromRecord { record } = &args.command;
    let mut err = std::io::stderr().lock();
    let text = match std::fs::read_to_string(record) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(err, "healthdeck scenario: {}: {e}", record.display());
            return std::process::ExitCode::from(crate::launch::EXIT_USAGE);
        }
    };
    let (records, stopped) = read_records(&text);
    if let Some((line, why)) = stopped {
        let _ = writeln!(
            err,
            "healthdeck scenario: {}:{line}: stopped reading here ({why}); the lines before it are used",
            record.display()
        );
    }
    let made = crate::runbook::Library::shared()
        .map_err(|_| "the built-in runbooks do not load".to_owned())
        .and_then(|library| {
            let (yaml, notes) = from_record::scenario(&records, library)?;
            // Never print what `--scenario` would refuse.
            let scenario = Scenario::parse(&yaml, "from-record").map_err(|e| e.to_string())?;
            drill::DrillFacts::of(&scenario, library)?;
            Ok((yaml, notes))
        });
    match made {
        Ok((yaml, notes)) => {
            for note in notes {
                let _ = writeln!(err, "healthdeck scenario: {note}");
            }
            let _ = std::io::stdout().lock().write_all(yaml.as_bytes());
            std::process::ExitCode::SUCCESS
        }
        Err(why) => {
            let _ = writeln!(err, "healthdeck scenario: {}: {why}", record.display());
            std::process::ExitCode::FAILURE
        }
    }
}

/// A record's lines up to the first that is not a record line (torn, or not the
/// format): the lines before it, and where it stopped and why.
fn read_records(text: &str) -> (Vec<crate::incident::Record>, Option<(usize, String)>) {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match serde_json::from_str(line) {
            Ok(record) => records.push(record),
            Err(e) => return (records, Some((i + 1, e.to_string()))),
        }
    }
    (records, None)
}
