//! `healthdeck scenario from-record RECORD`: the command around the pure inference
//! (`training::from_record`): the record read, the scenario checked, printed, and why not.

use crate::training::Scenario;
use crate::training::drill::DrillFacts;
use crate::training::from_record;
use std::io::Write;

/// `healthdeck scenario from-record RECORD`: the scenario on stdout (checked as any
/// scenario file is first), what was left out on stderr; 0 printed, 1 nothing to drill,
/// 2 an unreadable record.
pub fn run(args: &crate::cli::ScenarioArgs) -> std::process::ExitCode {
    let crate::cli::ScenarioCommand::FromRecord { record } = &args.command;
    let mut err = std::io::stderr().lock();
    // A line cut inside a character is a torn line like any other: read what is whole.
    let text = match std::fs::read(record) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            let _ = writeln!(err, "healthdeck scenario: {}: {e}", record.display());
            return std::process::ExitCode::from(crate::launch::EXIT_USAGE);
        }
    };
    let (records, stopped) = crate::incident::read_back(&text);
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
            DrillFacts::of(&scenario, library)?;
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
