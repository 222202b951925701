//! Steps as real processes, driven through a console by events: the runner runs each
//! started job and its events go back into `update`, as the console's loop does.

use super::pane::Console;
use crossterm::event::KeyCode;
use healthdeck::event::Event;
use healthdeck::exec::guardrails::Limits;
use healthdeck::incident::Recorder;
use healthdeck::runbook::RecoveryAction;
use healthdeck::runbook::platform::{Platform, linux};
use healthdeck::runtime::FleetClock;
use healthdeck::runtime::guarded::Guardrails;
use healthdeck::runtime::steps::Steps;
use healthdeck::update::Prompt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use tokio::sync::mpsc;

/// A command that appends its arguments to `calls` and says it ran.
pub fn stand_in(dir: &Path) -> (PathBuf, PathBuf) {
    let calls = dir.join("calls");
    let script = dir.join("stand-in");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\necho \"stand-in ran: $*\"\n",
            calls.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, calls)
}

/// The incident on a Linux fleet whose every action is the stand-in `script`, called with
/// the action's name.
pub fn linux_console(script: &Path) -> Console {
    let mut console = Console::stubborn_incident(120, 36);
    console.state.launch.platform = Platform::Linux;
    let mut commands = linux::Commands::none();
    for action in RecoveryAction::ALL {
        let argv = vec![script.display().to_string(), action.name().to_owned()];
        commands.set(action, argv);
    }
    console.state.launch.commands = commands;
    console
}

/// Runs the started jobs through the real step runtime (processes by the runner), feeding
/// their events back (and their output to `recorder`, as the console's loop does).
pub fn run_processes(console: &mut Console, recorder: Option<&mut Recorder>) {
    // Destructive steps lock their server: in a directory of this call's own, with budgets
    // no walk through a runbook spends.
    let state = tempfile::tempdir().unwrap();
    let rails = Guardrails {
        dir: state.path().to_path_buf(),
        limits: Limits {
            per_hour: 100,
            per_day: 100,
        },
    };
    run_processes_with(console, recorder, &rails);
}

/// [`run_processes`], with the locks and budgets in `rails`.
pub fn run_processes_with(
    console: &mut Console,
    mut recorder: Option<&mut Recorder>,
    rails: &Guardrails,
) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for job in console.take_pending() {
        let (tx, mut rx) = mpsc::channel(64);
        let run = job.run;
        let rails = rails.clone();
        let events = runtime.block_on(async move {
            let mut steps = Steps::new(tx, FleetClock::new(1.0), None, None).with_guardrails(rails);
            steps.start(job);
            let mut events = Vec::new();
            while let Some(event) = rx.recv().await {
                let end = matches!(&event, Event::StepEnded { run: r, .. } if *r == run);
                events.push(event);
                if end {
                    break;
                }
            }
            // What comes after the end (a stale lock's offer), until the job's task is
            // done with its lock.
            drop(steps);
            while let Some(event) = rx.recv().await {
                events.push(event);
            }
            events
        });
        for event in events {
            if let (Some(recorder), Event::StepOutput { run, lines }) = (&mut recorder, &event) {
                recorder.output(*run, lines).unwrap();
            }
            console.event(event);
        }
    }
}

/// Enter on the next step, confirming a destructive one by name; a step that cannot run
/// here (a probe with no endpoint) is skipped, as an engineer would.
pub fn next_step(console: &mut Console) {
    let failed = console
        .state
        .runbook
        .as_ref()
        .is_some_and(|p| matches!(p.walk.next(), healthdeck::runbook::Next::Failed(..)));
    console.key(if failed {
        KeyCode::Char('s')
    } else {
        KeyCode::Enter
    });
    match console.state.view.prompt.clone() {
        Some(Prompt::Confirm { call, .. }) => {
            console.type_text(&call.server.name);
            console.key(KeyCode::Enter);
        }
        // The runbook's escalation asks why, as `e` does.
        Some(Prompt::Reason { .. }) => {
            console.type_text("the runbook escalates here");
            console.key(KeyCode::Enter);
        }
        _ => {}
    }
}

/// Enter through the whole runbook, confirming destructive steps by name.
pub fn walk_through(console: &mut Console) {
    for _ in 0..60 {
        if console.state.runbook.as_ref().is_some_and(|p| p.is_over()) {
            return;
        }
        next_step(console);
        run_processes(console, None);
    }
    panic!("the runbook did not end: {:?}", console.kinds());
}

pub fn calls(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}
