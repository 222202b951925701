//! Shell conventions from the same clap definition as the parser, so they cannot drift:
//! `healthdeck completions SHELL` and `healthdeck man`.

use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;
use std::process::ExitCode;

/// Sections the flags cannot tell: exit codes, environment and files (ARCHITECTURE
/// "Command line", "Incident record").
const EXTRA: &str = r#".SH "EXIT STATUS"
The console: 0 after a quit, 2 for a usage or configuration error (file, line and column
are named), 129 after a hang-up, 143 after SIGTERM.
.B check
exits 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN;
.B lint
0 clean, 1 findings, 2 usage.
.SH ENVIRONMENT
.TP
.B HEALTHDECK_INVENTORY
The inventory, as
.BR \-\-inventory .
.TP
.B HEALTHDECK_ON_HANGUP
What running steps do when the terminal hangs up, as
.BR \-\-on\-hangup .
.TP
.B HEALTHDECK_LOG
The log's level (error, warn, info, debug).
.TP
.B NO_COLOR
When set and not empty, monochrome unless
.B \-\-theme
is given.
.TP
.BR LC_ALL ", " LC_MESSAGES ", " LANG
The runbooks' language when
.B \-\-lang
is not given; a locale that is not UTF\-8 draws with ASCII.
.SH FILES
.TP
.I $XDG_STATE_HOME/healthdeck/incidents/
One incident record per console session (JSON lines, mode 0600); its path is printed on
exit.
.TP
.I $XDG_STATE_HOME/healthdeck/healthdeck.log
The console's log.
.TP
.I $XDG_CONFIG_HOME/healthdeck/keys.yaml
Key rebindings: a screen (grid, drill, runbook, help, everywhere), an action, its keys.
"#;

/// Writes `text` to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn emit(text: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut for_people(), "healthdeck", &mut script);
    emit(&script)
}

/// The command line without what is hidden (the step keeper): clap_complete offers hidden
/// subcommands, and a tired engineer pressing Tab must not be handed `keep-step`.
fn for_people() -> clap::Command {
    let full = Cli::command();
    clap::Command::new("healthdeck")
        .version(env!("CARGO_PKG_VERSION"))
        .args(full.get_arguments().filter(|a| !a.is_hide_set()).cloned())
        .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned())
}

pub fn man() -> ExitCode {
    match page() {
        Ok(page) => emit(&page),
        Err(_) => ExitCode::FAILURE,
    }
}

/// clap's page with our sections before its VERSION.
fn page() -> std::io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    let version = page
        .windows(VERSION.len())
        .position(|w| w == VERSION)
        .unwrap_or(page.len());
    page.splice(version..version, EXTRA.bytes());
    Ok(page)
}

const VERSION: &[u8] = b".SH VERSION";
