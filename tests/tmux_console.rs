//! The whole binary in tmux: keys in, screens out, as an on-call engineer would see them.
//! Every wait polls `capture-pane` until the text appears; nothing asserts on time.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // deadlines for polling the pane

#[path = "support/tmux.rs"]
#[allow(dead_code)] // the runbook readers serve other test files
mod tmux;

use std::process::Command;
use tmux::{Pen, Tmux, cursor_row, quote, row, server_of, styled_lines, text, wait_for_line};

const BIN: &str = env!("CARGO_BIN_EXE_healthdeck");
const HEADERS: &str = "SERVER ROLE SITE IMAP IMAP.Proxy IMAP.Protocol POP POP.Proxy POP.Protocol";
/// A faster training clock, so mbx-02's fault turns Unhealthy in seconds rather than ~30 s.
const FAST: &str = "--speed 60";

/// Runs the console from the pane's shell, which then prints the exit status.
fn launch(tmux: &Tmux, env: &str, args: &str) {
    tmux.shell(&format!("{env} {} {args}; echo EXIT=$?", quote(BIN)));
}

/// Words of a line with the column each starts at.
fn words(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut word: Option<(usize, String)> = None;
    for (col, ch) in line.chars().enumerate() {
        if ch == ' ' {
            out.extend(word.take());
        } else {
            word.get_or_insert_with(|| (col, String::new())).1.push(ch);
        }
    }
    out.extend(word);
    out
}

/// The column headers, with a name wrapped over two lines (`IMAP.` / `Proxy`) joined again.
fn headers(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(i) = lines
        .iter()
        .position(|l| l.trim_start().starts_with("SERVER "))
    else {
        return Vec::new();
    };
    let top = words(lines[i]);
    let below = lines.get(i + 1).map(|l| words(l)).unwrap_or_default();
    // The next line continues the header only if it leaves the server columns blank.
    let first_set = top.get(3).map_or(usize::MAX, |w| w.0);
    let wrapped = below.first().is_some_and(|w| w.0 >= first_set);
    top.into_iter()
        .map(
            |(col, word)| match below.iter().find(|w| wrapped && w.0 == col) {
                Some((_, tail)) => word + tail,
                None => word,
            },
        )
        .collect()
}

/// The pen of the first character of `needle` in the grid row of `server`.
fn pen_at(styled: &str, server: &str, needle: &str) -> Pen {
    let lines = styled_lines(styled);
    let line = lines
        .iter()
        .find(|l| server_of(&text(l)) == Some(server))
        .unwrap();
    let text = text(line);
    let at = text[..text.find(needle).unwrap()].chars().count();
    line[at].1
}

/// Asserts the pane's tty is back in cooked mode and off the alternate screen.
fn assert_terminal_restored(tmux: &Tmux) {
    assert!(!tmux.alternate_screen(), "still on the alternate screen");
    // Ctrl-J (a bare newline) ends the line even if the tty was left raw, so a failure shows
    // the flags rather than a hung prompt.
    tmux.type_text("stty -a");
    tmux.keys(&["C-j"]);
    let screen = tmux.wait_for("stty output", |s| {
        s.split_whitespace()
            .any(|w| w.trim_start_matches('-') == "icanon")
    });
    let flags: Vec<&str> = screen.split_whitespace().collect();
    for flag in ["icanon", "echo"] {
        assert!(flags.contains(&flag), "`{flag}` is not set:\n{screen}");
    }
}

#[test]
fn grid_shows_every_health_set_at_80_and_120_columns() {
    let tmux = Tmux::start("grid", 80, 24);
    launch(&tmux, "", "");
    let screen = tmux.wait_for("the grid", |s| row(s, "mbx-02").is_some());
    assert!(
        screen.lines().next().unwrap().contains("TRAINING ×10"),
        "{screen}"
    );
    assert!(row(&screen, "cas-01").is_some(), "{screen}");
    // Below 120 columns the dotted names wrap at the dot; together they still read whole.
    assert_eq!(headers(&screen).join(" "), HEADERS, "{screen}");

    // Growing the window redraws: whole names on one line, and whole words in the cells.
    tmux.resize(120, 36);
    let screen = tmux.wait_for("whole words at 120 columns", |s| {
        s.lines()
            .any(|l| server_of(l).is_some() && l.split(' ').any(|w| w == "Healthy"))
    });
    let header = screen.lines().find(|l| l.contains("SERVER ")).unwrap();
    assert!(
        header.contains("IMAP.Protocol") && header.contains("POP.Proxy"),
        "{screen}"
    );
    assert_eq!(headers(&screen).join(" "), HEADERS, "{screen}");
}

#[test]
fn next_lands_on_the_unhealthy_cell_and_enter_drills_into_it() {
    let tmux = Tmux::start("next", 80, 24);
    launch(&tmux, "", FAST);
    // Not just any `UNHL`: the status bar counts monitors with the same word from the start.
    tmux.wait_for("mbx-02 Unhealthy", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains("UNHL"))
    });
    tmux.keys(&["n"]);
    let screen = tmux.wait_for("the cursor on an Unhealthy row", |s| {
        cursor_row(s).is_some_and(|r| r.contains("UNHL"))
    });
    let server = server_of(cursor_row(&screen).unwrap()).unwrap().to_owned();

    // The cursor cell and its column header are reverse video: together they name the cell.
    let styled = styled_lines(&tmux.styled_screen());
    let reversed = |line: &[(char, Pen)]| -> String {
        line.iter().filter(|c| c.1.reverse).map(|c| c.0).collect()
    };
    let at = styled
        .iter()
        .position(|l| text(l).contains("SERVER "))
        .unwrap();
    let health_set = format!(
        "{}{}",
        reversed(&styled[at]).trim(),
        reversed(&styled[at + 1]).trim()
    );
    let cursor = styled.iter().find(|l| text(l).starts_with('›')).unwrap();
    assert!(reversed(cursor).contains("UNHL"), "{screen}");

    tmux.keys(&["Enter"]);
    let drill = tmux.wait_for("the drill-down", |s| s.contains("related health sets"));
    let title = drill.lines().nth(1).unwrap();
    assert!(title.starts_with(&format!(" {server} (")), "{drill}");
    assert!(
        title.contains(&format!(" {health_set} ")),
        "not {health_set}:\n{drill}"
    );
    assert!(title.contains("Unhealthy"), "{drill}");
    assert!(
        drill
            .split_whitespace()
            .any(|w| w.len() > 7 && w.ends_with("Monitor"))
    );

    tmux.keys(&["Escape"]);
    // The whole grid, not the first rows of a frame still arriving.
    let screen = tmux.wait_for("the grid again", |s| {
        !headers(s).is_empty() && cursor_row(s).is_some()
    });
    assert_eq!(
        cursor_row(&screen).and_then(server_of),
        Some(server.as_str())
    );
}

/// `/mbx`: rows filter while typing, Enter applies, the banner says so, Esc clears it.
fn filter_by_typing(name: &str, width: u16, height: u16) {
    let tmux = Tmux::start(name, width, height);
    launch(&tmux, "", "");
    tmux.wait_for("the grid", |s| row(s, "cas-01").is_some());
    tmux.keys(&["/"]);
    tmux.wait_for("the filter prompt", |s| {
        s.lines().last().is_some_and(|l| l.starts_with(" /"))
    });
    tmux.type_text("mbx");
    tmux.wait_for("live filtering", |s| row(s, "cas-01").is_none());
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the filter in the banner", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("filter `mbx` 5/12"))
    });
    assert!(row(&screen, "cas-01").is_none(), "{screen}");
    assert!(row(&screen, "mbx-01").is_some(), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the filter cleared", |s| row(s, "cas-01").is_some());
}

#[test]
fn slash_filters_rows_by_name() {
    filter_by_typing("filter", 120, 36);
}

#[test]
fn slash_filter_shows_in_the_banner_at_80_columns() {
    filter_by_typing("filter80", 80, 24);
}

#[test]
fn a_non_utf8_locale_draws_in_ascii() {
    let tmux = Tmux::start("ascii", 80, 24);
    launch(&tmux, "LANG=C", FAST);
    let screen = tmux.wait_for("mbx-02 Unhealthy", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains("XUNHL"))
    });
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.starts_with(" TRAINING x60 "), "{screen}");
}

#[test]
fn too_small_says_so_and_comes_back_when_enlarged() {
    let tmux = Tmux::start("small", 40, 12);
    launch(&tmux, "", "");
    let screen = tmux.wait_for("the too-small notice", |s| s.contains("terminal too small"));
    assert!(screen.contains("40x12, need 80x24"), "{screen}");
    assert!(
        screen.contains("TRAINING"),
        "the mode stays visible: {screen}"
    );
    tmux.resize(80, 24);
    tmux.wait_for("the grid", |s| row(s, "cas-01").is_some());
    tmux.keys(&["q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "EXIT=0"));
}

#[test]
fn question_mark_shows_help_and_escape_closes_it() {
    let tmux = Tmux::start("help", 80, 24);
    launch(&tmux, "", "");
    tmux.wait_for("the grid", |s| row(s, "cas-01").is_some());
    tmux.keys(&["?"]);
    let help = tmux.wait_for("the help box", |s| s.contains(" Keys "));
    assert!(help.contains("suspend"), "{help}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help box closed", |s| {
        !s.contains(" Keys ") && !headers(s).is_empty()
    });
}

#[test]
fn q_quits_with_0_and_restores_the_terminal() {
    let tmux = Tmux::start("quit", 80, 24);
    launch(&tmux, "", "");
    tmux.wait_for("the grid", |s| row(s, "cas-01").is_some());
    assert!(tmux.alternate_screen());
    tmux.keys(&["q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "EXIT=0"));
    assert_terminal_restored(&tmux);
}

#[test]
fn ctrl_z_gives_the_shell_a_sane_terminal_and_fg_brings_the_console_back() {
    let tmux = Tmux::start("suspend", 80, 24);
    launch(&tmux, "", "");
    tmux.wait_for("the grid", |s| row(s, "cas-01").is_some());
    tmux.keys(&["C-z"]);
    tmux.wait_for("the shell's job notice", |s| s.contains("Stopped"));
    assert_terminal_restored(&tmux);
    // The launch line's `echo` already ran when the job stopped; `fg` reports the real exit.
    tmux.shell("fg; echo FG=$?");
    tmux.wait_for("the grid again", |s| {
        row(s, "cas-01").is_some() && !headers(s).is_empty()
    });
    assert!(tmux.alternate_screen(), "back on the alternate screen");
    tmux.keys(&["q"]);
    tmux.wait_for("exit status 0", |s| s.lines().any(|l| l.trim() == "FG=0"));
    assert_terminal_restored(&tmux);
}

/// The SSH link drops (HUP) or a supervisor stops us (TERM): exit 128+N, terminal restored.
fn killed_by(signal: &str, code: u8) {
    let tmux = Tmux::start(&format!("sig{signal}"), 80, 24);
    let pid_file = tmux.dir().join("pid");
    // `exec` keeps the pid the shell wrote down; the arguments avoid nested quoting.
    tmux.shell(&format!(
        "sh -c 'echo $$ > \"$1\"; exec \"$2\"' sh {} {}; echo EXIT=$?",
        quote(&pid_file.display().to_string()),
        quote(BIN)
    ));
    tmux.wait_for("the grid", |s| row(s, "cas-01").is_some());
    let pid = wait_for_line(&pid_file);
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status();
    assert!(status.unwrap().success());
    let exit = format!("EXIT={code}");
    tmux.wait_for(&exit, |s| s.lines().any(|l| l.trim() == exit));
    assert_terminal_restored(&tmux);
}

#[test]
fn a_vanished_terminal_ends_like_sighup_not_with_a_crash() {
    let tmux = Tmux::start("vanish", 80, 24);
    let status = tmux.dir().join("status");
    // The wrapper ignores HUP so it outlives the pane and can write down the exit status.
    tmux.shell(&format!(
        "sh -c 'trap \"\" HUP; \"$1\"; echo $? > \"$2\"' sh {} {}",
        quote(BIN),
        quote(&status.display().to_string())
    ));
    tmux.wait_for("the grid", |s| row(s, "cas-01").is_some());
    tmux.kill_pane();
    let code = wait_for_line(&status);
    assert_eq!(code.trim(), "129", "not a panic or an abort (134)");
}

#[test]
fn sighup_exits_129_and_restores_the_terminal() {
    killed_by("HUP", 129);
}

#[test]
fn sigterm_exits_143_and_restores_the_terminal() {
    killed_by("TERM", 143);
}

#[test]
fn an_unhealthy_cell_is_white_on_red_in_the_default_theme() {
    let tmux = Tmux::start("colour", 80, 24);
    launch(&tmux, "", FAST);
    tmux.wait_for("mbx-02 Unhealthy", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains("UNHL"))
    });
    let pen = pen_at(&tmux.styled_screen(), "mbx-02", "UNHL");
    assert!(
        matches!(pen.bg, Some(1 | 9)),
        "background is not red: {pen:?}"
    );
    assert!(
        matches!(pen.fg, Some(7 | 15)),
        "foreground is not white: {pen:?}"
    );
}

#[test]
fn no_color_draws_without_any_colour() {
    let tmux = Tmux::start("nocolor", 80, 24);
    launch(&tmux, "NO_COLOR=1", FAST);
    tmux.wait_for("mbx-02 Unhealthy", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains("UNHL"))
    });
    let styled = tmux.styled_screen();
    for line in styled_lines(&styled) {
        let coloured: String = line
            .iter()
            .filter(|c| c.1.fg.or(c.1.bg).is_some())
            .map(|c| c.0)
            .collect();
        assert!(
            coloured.is_empty(),
            "drawn in colour: {coloured:?} in {:?}",
            text(&line)
        );
    }
    // Meaning survives without colour: Unhealthy is reverse video.
    assert!(pen_at(&styled, "mbx-02", "UNHL").reverse);
}

#[test]
fn an_explicit_theme_wins_over_no_color_and_the_title_names_the_mode() {
    let tmux = Tmux::start("theme", 80, 24);
    launch(
        &tmux,
        "NO_COLOR=1",
        &format!("{FAST} --theme high-contrast"),
    );
    tmux.wait_for("mbx-02 Unhealthy", |s| {
        row(s, "mbx-02").is_some_and(|r| r.contains("UNHL"))
    });
    let pen = pen_at(&tmux.styled_screen(), "mbx-02", "UNHL");
    assert!(
        matches!(pen.bg, Some(9)),
        "high-contrast's bright red: {pen:?}"
    );
    assert_eq!(tmux.title(), "healthdeck - TRAINING x60");
}

/// Runs the binary without a terminal: these all fail (or list) before touching it.
fn run(args: &[&str]) -> (i32, String, String) {
    let state = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(args)
        .env("XDG_STATE_HOME", state.path())
        .env_remove("NO_COLOR")
        .env_remove("HEALTHDECK_INVENTORY")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn scenario_flag_rejects_unknown_names_and_lists_built_ins() {
    let (code, _, stderr) = run(&["--scenario", "nope"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`nope`") && stderr.contains("imap-backend-down"),
        "{stderr}"
    );

    let (code, stdout, _) = run(&["--scenario", "list"]);
    assert_eq!(code, 0);
    assert!(
        stdout.lines().any(|l| l.starts_with("imap-backend-down ")),
        "{stdout}"
    );
}

#[test]
fn theme_flag_rejects_unknown_names_and_bad_files_with_line_and_column() {
    let (code, _, stderr) = run(&["--theme", "nope"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("nope"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.yaml");
    std::fs::write(
        &typo,
        "name: typo\nroles:\n  health.unhealthyy: { fg: red }\n",
    )
    .unwrap();
    let (code, _, stderr) = run(&["--theme", typo.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("{}:3:3: ", typo.display())),
        "{stderr}"
    );
    assert!(stderr.contains("health.unhealthyy"), "{stderr}");

    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "name: broken\nroles:\n  health.unhealthy: { fg: red\n",
    )
    .unwrap();
    let (code, _, stderr) = run(&["--theme", broken.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    // Some line and column of the file, whichever the parser blames.
    let after = stderr
        .split(&format!("{}:", broken.display()))
        .nth(1)
        .unwrap_or_default();
    let position: Vec<&str> = after.splitn(3, ':').take(2).collect();
    assert!(
        position.len() == 2 && position.iter().all(|n| n.parse::<u32>().is_ok()),
        "{stderr}"
    );
}
