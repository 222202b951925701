//! Two engineers, two consoles, one server: the real binary twice in tmux, sharing a state
//! directory. Both confirm the same restart; it runs once, the second console says who
//! holds the server, and when it retries later the restart budget (1 an hour) refuses it.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::{PROMPT, RESTART, row_state, up_to_the_restart};
use session::launch_as;
use tmux::Tmux;

fn confirm(tmux: &Tmux) {
    tmux.type_text("mbx-01");
    tmux.keys(&["Enter"]);
}

/// The screen's text with the wrapped log lines and the status line joined.
fn flat(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The runbook pane's text (right of the grid's border), its wrapped rows joined.
fn pane_flat(screen: &str) -> String {
    let pane = screen
        .lines()
        .map(|row| row.rsplit('│').next().unwrap_or(row));
    flat(&pane.collect::<Vec<_>>().join("\n"))
}

#[test]
fn the_same_restart_from_two_consoles_runs_once_and_the_second_says_who_holds_it() {
    let alice = Tmux::start("alice", 120, 36);
    let bob = Tmux::start("bob", 120, 36);
    let shared = alice.dir().join("shared-state");
    let ran = alice.dir().join("ran");
    let gate = alice.dir().join("gate");
    // Each run of the restart leaves a line, then holds until the test opens the gate, so
    // bob meets alice's lock however slow the machine.
    let restart = format!(
        "echo restart >> '{}'; while [ ! -e '{}' ]; do sleep 0.05; done; echo restarted",
        ran.display(),
        gate.display()
    );
    let top = format!(
        "guardrails: {{ state_dir: {}, restarts_per_hour: 1 }}\n",
        shared.display()
    );
    let inventory = lab::fleet(alice.dir(), &restart, &top);
    let inventory = inventory.to_str().unwrap();
    launch_as(&alice, "alice", &["--inventory", inventory]);
    launch_as(&bob, "bob", &["--inventory", inventory]);
    up_to_the_restart(&alice);
    up_to_the_restart(&bob);

    confirm(&alice);
    alice.wait_for("alice's restart running", |s| {
        !s.contains(PROMPT) && row_state(s, RESTART).as_deref() == Some("running")
    });
    confirm(&bob);
    let screen = bob.wait_for("bob's restart refused", |s| {
        !s.contains(PROMPT) && row_state(s, RESTART).as_deref() == Some("failed")
    });
    assert!(
        flat(&screen).contains("mbx-01 is locked by alice on "),
        "{screen}"
    );
    // Wrapped, the log line says what alice is doing there.
    bob.keys(&["w"]);
    let screen = bob.wait_for("the log wrapped", |s| {
        pane_flat(s).contains("restart_service since")
    });
    assert!(flat(&screen).contains("(pid "), "{screen}");

    std::fs::write(&gate, "").unwrap();
    alice.wait_for("alice's restart done", |s| {
        row_state(s, RESTART).as_deref() == Some("done")
    });
    // Bob tries again once the lock is free: this hour's one restart is spent.
    bob.keys(&["Enter"]);
    bob.wait_for("the confirmation again", |s| s.contains(PROMPT));
    confirm(&bob);
    // Refused by the budget, bob is asked why he would go over it; he backs out.
    bob.wait_for("the over-budget question", |s| {
        s.contains("restart over budget")
    });
    bob.keys(&["Escape"]);
    let screen = bob.wait_for("the budget's refusal", |s| {
        !s.contains("restart over budget")
            && pane_flat(s).contains("restarted 1 time in the last hour")
    });
    assert_eq!(
        row_state(&screen, RESTART).as_deref(),
        Some("failed"),
        "{screen}"
    );
    let runs = std::fs::read_to_string(&ran).unwrap();
    assert_eq!(runs.lines().count(), 1, "the restart ran once: {runs}");
}
