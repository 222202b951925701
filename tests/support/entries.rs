//! Record entries the drill, replay and from-record tests write, in one place.
#![allow(dead_code)] // each test file uses its own few

use healthdeck::incident::Entry;

/// A monitor's alert value changed, as the console records it.
pub fn change(server: &str, monitor: &str, from: &str, to: &str) -> Entry {
    Entry::Transition {
        health_set: None,
        server: server.into(),
        monitor: monitor.into(),
        from: from.into(),
        to: to.into(),
        source: None,
    }
}

/// A step of `procedure` started as run `run` on `server`.
pub fn started(run: u64, procedure: &str, step: &str, title: &str, server: &str) -> Entry {
    Entry::StepStarted {
        run,
        procedure: procedure.into(),
        step: step.into(),
        title: title.into(),
        server: server.into(),
        action: "rerun_probe".into(),
        services: Vec::new(),
        command: None,
        by: "alice".into(),
        compensating: false,
    }
}

/// Run `run` ended with `exit` after `duration_ms`.
pub fn ended(run: u64, exit: &str, duration_ms: u64) -> Entry {
    Entry::StepEnded {
        run,
        exit: exit.into(),
        code: Some(i32::from(exit != "succeeded")),
        duration_ms,
        facts: std::collections::BTreeMap::new(),
        note: None,
        said: None,
    }
}

/// A line run `run` wrote on stdout.
pub fn output(run: u64, line: &str) -> Entry {
    Entry::Output {
        run,
        stream: "stdout".into(),
        line: line.into(),
    }
}
