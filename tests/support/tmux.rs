//! A private tmux server with one `sh` pane, for driving the real binary like a person would,
//! and a reader for the SGR sequences of its styled captures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// How long a screen may take to show what we wait for. Generous: CI machines are slow and
/// tests run in parallel; a passing test never waits this long.
const DEADLINE: Duration = Duration::from_secs(60);

/// One tmux server on its own socket (`-L`), killed on drop even when the test panics.
pub struct Tmux {
    socket: String,
    /// tmux leaves its socket file behind after `kill-server`; Drop removes it.
    socket_path: PathBuf,
    dir: TempDir,
}

impl Tmux {
    /// Starts `sh` in a detached `width`×`height` session. The environment is cleared so that
    /// the caller's `NO_COLOR`, `LC_ALL` or `TMUX` cannot leak in; HOME and XDG_STATE_HOME
    /// point into a temp dir so nothing is written to the user's home.
    pub fn start(name: &str, width: u16, height: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut tmux = Tmux {
            socket: format!("healthdeck-{name}-{}", std::process::id()),
            socket_path: PathBuf::new(),
            dir,
        };
        let state = tmux.dir.path().join("state");
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux
            .command(&["new-session", "-d", "-s", "main", "-x", &w, "-y", &h, "sh"])
            .env("HOME", tmux.dir.path())
            .env("XDG_STATE_HOME", &state)
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        assert!(out.status.success(), "tmux new-session: {out:?}");
        let path = tmux
            .run(&["display-message", "-p", "#{socket_path}"])
            .stdout;
        tmux.socket_path = PathBuf::from(String::from_utf8(path).unwrap().trim());
        tmux
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args);
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.command(args).output().unwrap();
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        out
    }

    /// A scratch directory that lives as long as the server.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Key names as tmux knows them: `Enter`, `Escape`, `n`, `C-c` …
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` literally (no key-name lookup).
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Types a shell command line and presses Enter.
    pub fn shell(&self, line: &str) {
        self.type_text(line);
        self.keys(&["Enter"]);
    }

    /// The visible screen as plain text.
    pub fn screen(&self) -> String {
        String::from_utf8(self.run(&["capture-pane", "-p", "-t", "main"]).stdout).unwrap()
    }

    /// The visible screen with lines the terminal wrapped joined again (`capture-pane -J`):
    /// a long path a program printed at 80 columns reads whole.
    #[allow(dead_code)] // not every test binary that includes this file reads it
    pub fn joined_screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-J", "-t", "main"]);
        String::from_utf8(out.stdout).unwrap()
    }

    /// The visible screen with its SGR escape sequences (`capture-pane -e`).
    pub fn styled_screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-e", "-t", "main"]);
        String::from_utf8(out.stdout).unwrap()
    }

    /// Whether the pane is showing the alternate screen (a full-screen program is up).
    pub fn alternate_screen(&self) -> bool {
        let out = self.run(&["display-message", "-p", "-t", "main", "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// Whether the pane shows its cursor (a full-screen program hides it).
    #[allow(dead_code)] // not every test binary that includes this file asks
    pub fn cursor_visible(&self) -> bool {
        let out = self.run(&["display-message", "-p", "-t", "main", "#{cursor_flag}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// The pane's title, as the program set it.
    pub fn title(&self) -> String {
        let out = self.run(&["display-message", "-p", "-t", "main", "#{pane_title}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Closes the pane as a dropped SSH link closes a pty: its processes get SIGHUP and
    /// the terminal is gone for good.
    pub fn kill_pane(&self) {
        self.run(&["kill-pane", "-t", "main"]);
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", "main", "-x", &w, "-y", &h]);
    }

    /// Polls the screen until `ready` holds and returns that screen; panics with `what` and
    /// the last screen at the deadline. The short poll interval is not an assertion on time.
    #[track_caller]
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; last screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command(&["kill-server"]).output();
        let _ = std::fs::remove_file(&self.socket_path);
    }
}

/// Quotes `s` for a POSIX shell.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Polls `path` until its text holds `needle` (a record entry written by the console).
#[allow(dead_code)] // only some of the test binaries that include this file wait on a record
pub fn wait_for_text(path: &Path, needle: &str) {
    let start = Instant::now();
    while !std::fs::read_to_string(path)
        .unwrap_or_default()
        .contains(needle)
    {
        assert!(
            start.elapsed() < DEADLINE,
            "no {needle} in {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until `path` holds a whole line (a pid, an exit status) and returns it.
#[track_caller]
pub fn wait_for_line(path: &Path) -> String {
    let start = Instant::now();
    loop {
        let pid = std::fs::read_to_string(path).unwrap_or_default();
        if pid.ends_with('\n') {
            return pid.trim().to_owned();
        }
        assert!(start.elapsed() < DEADLINE, "no line in {}", path.display());
        std::thread::sleep(Duration::from_millis(50));
    }
}

// Reading `capture-pane -e`: parse the SGR sequences, never grep for digits.

/// What an SGR-styled character is drawn with: ANSI/256 colour indices (256 = RGB).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Pen {
    pub fg: Option<u16>,
    pub bg: Option<u16>,
    pub reverse: bool,
}

impl Pen {
    /// Applies one SGR parameter list (`1;38;5;15;48;5;1`).
    fn apply(&mut self, params: &str) {
        let codes: Vec<u16> = params
            .split([';', ':'])
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let mut i = 0;
        while i < codes.len() {
            match codes[i] {
                0 => *self = Pen::default(),
                7 => self.reverse = true,
                27 => self.reverse = false,
                c @ 30..=37 => self.fg = Some(c - 30),
                c @ 90..=97 => self.fg = Some(c - 90 + 8),
                39 => self.fg = None,
                c @ 40..=47 => self.bg = Some(c - 40),
                c @ 100..=107 => self.bg = Some(c - 100 + 8),
                49 => self.bg = None,
                // Extended colours carry their own parameters: 5;N or 2;R;G;B.
                c @ (38 | 48 | 58) => {
                    let (colour, used) = match codes.get(i + 1) {
                        Some(5) => (codes.get(i + 2).copied(), 2),
                        Some(2) => (Some(256), 4),
                        _ => (None, 0),
                    };
                    match c {
                        38 => self.fg = colour,
                        48 => self.bg = colour,
                        _ => {}
                    }
                    i += used;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// Splits a `capture-pane -e` screen into lines of characters with their pen. The pen carries
/// over line ends, as tmux only emits changes.
pub fn styled_lines(screen: &str) -> Vec<Vec<(char, Pen)>> {
    let mut lines = vec![Vec::new()];
    let mut pen = Pen::default();
    let mut rest = screen;
    while let Some(ch) = rest.chars().next() {
        if let Some(seq) = rest.strip_prefix("\x1b[") {
            let end = seq
                .find(|c: char| ('@'..='~').contains(&c))
                .unwrap_or(seq.len());
            if seq[end..].starts_with('m') {
                pen.apply(&seq[..end]);
            }
            rest = &seq[(end + 1).min(seq.len())..];
            continue;
        }
        if ch == '\n' {
            lines.push(Vec::new());
        } else {
            lines.last_mut().unwrap().push((ch, pen));
        }
        rest = &rest[ch.len_utf8()..];
    }
    lines
}

/// The characters of a styled line, without their pens.
pub fn text(line: &[(char, Pen)]) -> String {
    line.iter().map(|c| c.0).collect()
}

// Reading the grid from a captured screen.

/// The server a grid row shows, if `line` is one (` mbx-02 MBX …`, or `›mbx-02 …` under the cursor).
#[allow(dead_code)] // not every test file reads the grid
pub fn server_of(line: &str) -> Option<&str> {
    let word = line.trim_start_matches(['›', '>', ' ']).split(' ').next()?;
    let (role, number) = word.split_once('-')?;
    let is_row =
        !role.is_empty() && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    is_row.then_some(word)
}

#[allow(dead_code)] // not every test file reads the grid
pub fn row<'a>(screen: &'a str, server: &str) -> Option<&'a str> {
    screen.lines().find(|l| server_of(l) == Some(server))
}

#[allow(dead_code)] // not every test file reads the grid
pub fn cursor_row(screen: &str) -> Option<&str> {
    screen
        .lines()
        .find(|l| l.starts_with('›') && server_of(l).is_some())
}

/// Whether a step of a narrow runbook pane runs or waits: a row's glyph, not its word (the
/// status bar's "a step is running" says the word too, and stays until the next key).
pub fn step_busy(screen: &str) -> bool {
    screen
        .lines()
        .any(|l| l.trim_start_matches(['›', ' ']).starts_with(['↻', '◷']))
}
