//! Steps left running as the console ends: each is handed to a keeper process (the
//! healthdeck binary under `keep-step`), which records the rest of it, and is recorded as
//! detached with its pid.

use super::{Sources, record};
use crate::incident::Entry;
use crate::incident::writer::Recorder;
use crate::job::RunId;
use crate::runtime::runner::{HandedOver, KeeperSetup};
use crate::update::AppState;
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use std::process::ChildStdin;
use std::time::Duration;

/// How long the console waits for its runners to hand their steps over (milliseconds,
/// unless the machine is stuck).
const HAND_OVER_GRACE: Duration = Duration::from_secs(5);

/// Hands every detached step still running to a keeper; returns the pipes the keepers
/// wait on: they write nothing until these close.
pub async fn hand_over(
    recorder: &mut Recorder,
    sources: &mut Sources,
    state: &mut AppState,
) -> Vec<ChildStdin> {
    let program = match std::env::current_exe() {
        Ok(program) => program,
        Err(error) => {
            tracing::error!(%error, "cannot find this program to keep the steps left running");
            return Vec::new();
        }
    };
    let keeper = KeeperSetup {
        program,
        record: recorder.path().to_path_buf(),
    };
    let mut replies: FuturesUnordered<_> = sources
        .steps
        .hand_over(&keeper)
        .into_iter()
        .map(|(run, reply)| async move { (run, reply.await) })
        .collect();
    let mut keepers = Vec::new();
    let handing = async {
        while !replies.is_empty() {
            tokio::select! {
                Some((run, reply)) = replies.next() => {
                    if let Ok(reply) = reply {
                        handed(recorder, sources, state, run, reply, &mut keepers);
                    }
                }
                // Their last output (and an end that beat the hand-over) comes meanwhile.
                Some(event) = sources.rx.recv() => record::step_event(recorder, sources, state, event),
            }
        }
    };
    if tokio::time::timeout(HAND_OVER_GRACE, handing)
        .await
        .is_err()
    {
        tracing::warn!("steps left running were not all handed over in time");
    }
    while let Ok(event) = sources.rx.try_recv() {
        record::step_event(recorder, sources, state, event);
    }
    keepers
}

fn handed(
    recorder: &mut Recorder,
    sources: &Sources,
    state: &mut AppState,
    run: RunId,
    reply: Result<HandedOver, String>,
    keepers: &mut Vec<ChildStdin>,
) {
    match reply {
        Ok(handed) => {
            tracing::info!(%run, pid = handed.pid, keeper = handed.keeper, "step left running");
            let entry = Entry::StepDetached {
                run: run.0,
                pid: Some(handed.pid),
                by: state.launch.operator.clone(),
            };
            record::write(recorder, sources.clock.now(), &entry, state);
            keepers.push(handed.console);
        }
        Err(why) => tracing::warn!(%run, why, "a step left running was not handed over"),
    }
}
