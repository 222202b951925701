//! Private files, end to end: with HOME and XDG_STATE_HOME unset, the console keeps its
//! files in `<temp>/healthdeck-<uid>`, created 0700 with a 0600 log, and refuses, saying
//! why, when that name is a symlink planted by someone else (ARCHITECTURE "Private files").
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/lab.rs"]
mod lab;
#[path = "support/session.rs"]
mod session;
#[path = "support/tmux.rs"]
#[allow(dead_code)] // the styled-screen readers serve other test files
mod tmux;

use lab::exit_status;
use session::BIN;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use tmux::{Tmux, quote};

/// Starts the console (training) without HOME or XDG_STATE_HOME, `TMPDIR` set to `temp`.
fn launch_homeless(tmux: &Tmux, temp: &Path) {
    tmux.shell(&format!(
        "clear; env -u HOME -u XDG_STATE_HOME TMPDIR={} {}; echo EXIT=$?",
        quote(&temp.display().to_string()),
        quote(BIN)
    ));
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn without_home_the_state_is_a_private_directory_of_ours_never_a_planted_link() {
    let tmux = Tmux::start("private", 100, 30);
    let temp = tmux.dir().join("tmp");
    let elsewhere = tmux.dir().join("elsewhere");
    std::fs::create_dir_all(&temp).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    let ours = temp.join(format!("healthdeck-{}", nix::unistd::getuid()));
    std::os::unix::fs::symlink(&elsewhere, &ours).unwrap();

    launch_homeless(&tmux, &temp);
    let screen = tmux.wait_for("the refusal", |s| exit_status(s).is_some());
    assert_eq!(exit_status(&screen), Some("2"), "{screen}");
    assert!(
        screen.contains("a symbolic link") && screen.contains("refusing"),
        "{screen}"
    );
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);

    std::fs::remove_file(&ours).unwrap();
    launch_homeless(&tmux, &temp);
    tmux.wait_for("the training grid", |s| s.contains("TRAINING"));
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the console to end", |s| exit_status(s).is_some());
    assert_eq!(exit_status(&screen), Some("0"), "{screen}");
    assert_eq!(mode(&ours), 0o700);
    let meta = std::fs::symlink_metadata(&ours).unwrap();
    assert!(meta.is_dir());
    assert_eq!(meta.uid(), nix::unistd::getuid().as_raw());
    assert_eq!(mode(&ours.join("healthdeck.log")), 0o600);
    assert_eq!(mode(&ours.join("incidents")), 0o700);
    assert_eq!(
        std::fs::read_dir(ours.join("incidents")).unwrap().count(),
        1
    );
}
