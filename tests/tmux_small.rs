//! No key acts unseen: the real binary in tmux, the restart's confirmation open, the
//! terminal shrunk to 80x16. The name typed and Enter run nothing (the restart command
//! records every invocation); at 80x24 again the confirmation is back, empty, and works.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::{PROMPT, RESTART, row_state, up_to_the_restart};
use session::launch;
use tmux::Tmux;

#[test]
fn enter_behind_terminal_too_small_runs_nothing_and_the_confirmation_comes_back() {
    let tmux = Tmux::start("small", 80, 24);
    let ran = tmux.dir().join("ran");
    let restart = format!("echo restart >> '{}'", ran.display());
    let inventory = lab::fleet(tmux.dir(), &restart, "");
    launch(&tmux, &["--inventory", inventory.to_str().unwrap()]);
    up_to_the_restart(&tmux);

    tmux.resize(80, 16);
    tmux.wait_for("too small", |s| {
        s.contains("terminal too small") && s.contains("a question is waiting")
    });
    tmux.type_text("mbx-01");
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the refusal said", |s| s.contains("terminal too small"));
    assert!(!ran.exists(), "a step ran behind 'terminal too small'");

    tmux.resize(80, 24);
    let screen = tmux.wait_for("the confirmation back", |s| s.contains(PROMPT));
    assert!(
        screen.contains("> _"),
        "nothing was typed unseen:\n{screen}"
    );
    assert!(!ran.exists());
    tmux.type_text("mbx-01");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the restart done", |s| {
        row_state(s, RESTART).as_deref() == Some("done")
    });
    assert_eq!(std::fs::read_to_string(&ran).unwrap(), "restart\n");
}
