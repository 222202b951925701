//! From flags to a running console: load what the flags name, fail early and clearly.

use crate::app::{self, Console};
use crate::cli::Cli;
use crate::config::inventory::Inventory;
use crate::config::{lang, paths, theme};
use crate::effect::QuitReason;
use crate::event::Signal;
use crate::health::FleetState;
use crate::i18n::Tr;
use crate::incident::writer::{RecordClock, Recorder};
use crate::runtime::FleetClock;
use crate::runtime::prober;
use crate::training::{self, DEFAULT_SCENARIO};
use crate::ui::symbols::locale_is_utf8;
use crate::ui::{Symbols, Theme};
use crate::update::{AppState, Banner, Launch, Mode};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub mod exchange_source;
mod real_fleet;
pub mod shared_source;
mod training_fleet;

pub use real_fleet::RealFleet;
use training_fleet::{start_drill, training_fleet, training_mode};

/// Usage and configuration errors (ARCHITECTURE "Command line").
pub const EXIT_USAGE: u8 = 2;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// A configuration problem: printed as is, exit 2, before the terminal is touched.
pub struct UsageError(pub String);

/// The user's rebindings: a bad file stops the console before the terminal is touched.
fn keymap(tr: Tr) -> Result<crate::keymap::Keymap, UsageError> {
    match crate::config::keys::path() {
        Some(path) => crate::config::keys::load(&path).map_err(|e| UsageError(e.in_language(tr))),
        None => Ok(crate::keymap::Keymap::default()),
    }
}

/// Checks the flags and loads what they name. Nothing here touches the terminal.
/// What the status bar says first on a real fleet: probes that cannot run, or a ceiling the
/// open-file limit lowered.
fn first_words(probing: &prober::Probing) -> Option<String> {
    if let Some(first) = probing.not_runnable.first() {
        let count = probing.not_runnable.len();
        return Some(format!("{count} probes cannot run: {}", first.why));
    }
    probing.ceiling_note.clone()
}

pub fn prepare(cli: &Cli) -> Result<Console, UsageError> {
    // A bad file's findings are said in the engineer's language, like the console.
    let (language, locale_note) = language(cli.lang.as_deref());
    let tr = Tr::of(language);
    // The inventory first: its findings are what a person most needs to read.
    let inventory = (cli.inventory.as_deref())
        .map(|path| load_inventory(path, tr))
        .transpose()?;
    check_flags(cli, inventory.is_some(), tr)?;
    let theme = chosen_theme(cli, tr)?;
    let keymap = keymap(tr)?;
    // A broken built-in runbook is a bug, but it must read as a clear error, not a panic.
    crate::runbook::Library::built_in().map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(|f| f.in_language(tr)).collect();
        UsageError(lines.join("\n"))
    })?;
    // A real fleet: real time, no simulator, no queue metric; every monitor is Unknown
    // until the probes report.
    let mut probing = None;
    let mut real = None;
    let mut guardrails = None;
    let mut restart_limits = None;
    let (mut exchange, mut shared) = (None, None);
    let mut drill = None;
    let (mode, fleet, clock, simulator) = if let Some(inventory) = inventory {
        let mut fleet = FleetState::new(inventory.fleet(), inventory.policies(), false);
        let mut prepared = prober::prepare(&inventory).map_err(UsageError)?;
        exchange = exchange_source::watch(&inventory, &mut fleet, &mut prepared);
        real = Some(RealFleet::of(&inventory, &prepared));
        guardrails = Some(RealFleet::guardrails(&inventory));
        restart_limits = Some(inventory.guardrails.restarts);
        // Prometheus judges the fleet: nothing is probed from here.
        shared = shared_source::reader(&inventory, &mut fleet, &prepared).map_err(UsageError)?;
        probing = shared.is_none().then_some(prepared);
        crate::runtime::runner::hide_from_steps(inventory.secret_variables());
        let mode = Mode::Production {
            inventory: inventory.name,
        };
        (mode, fleet, FleetClock::new(1.0), None)
    } else {
        let (fleet, clock, simulator, facts) = training_fleet(cli, tr)?;
        let mode = training_mode(cli, &simulator, facts.is_some());
        drill = facts;
        (mode, fleet, clock, Some(simulator))
    };
    let symbols = chosen_symbols(cli);
    let banner = Banner {
        mode,
        dry_run: cli.dry_run,
        read_only: cli.read_only,
    };
    // Plain ASCII: window titles pass through tmux, screen and window managers that mangle
    // anything else (tmux shows `×` as `_`).
    let title = format!("healthdeck - {}", Symbols { ascii: true }.banner(&banner));
    // Debts this console owes carry its session; their ids are unique across consoles.
    let host = crate::incident::header::host();
    let mut launched = Launch {
        language,
        keymap,
        restart_limits,
        operator: crate::incident::header::operator(),
        session: format!("{host}-{}", std::process::id()),
        ..Launch::new(banner)
    };
    if let Some(real) = real {
        real.apply(&mut launched);
    }
    if let Some(simulator) = &simulator {
        launched.mailbox_of = simulator.mailbox_of();
    }
    let mut state = AppState::launched(fleet, launched, clock.start());
    if let Some((facts, scenario)) = drill {
        start_drill(&mut state, facts, scenario);
    }
    if let Some(words) = probing.as_ref().and_then(first_words) {
        state.view.flash = Some(words);
    }
    state.view.flash = (state.view.flash.take())
        .or_else(|| exchange.as_ref().and_then(|p| p.note.clone()))
        .or(locale_note);
    // Help keeps the last messages whole; the status bar may cut this one at 80 columns.
    state.view.messages.extend(state.view.flash.clone());
    Ok(Console {
        state,
        theme,
        symbols,
        title,
        log_path: None,
        clock,
        simulator,
        probing,
        exchange,
        shared,
        on_hangup: cli.on_hangup,
        guardrails,
    })
}

/// The flags that stand alone: `--speed` and `--lang`.
fn check_flags(cli: &Cli, inventory: bool, tr: Tr) -> Result<(), UsageError> {
    if inventory && matches!(cli.command, Some(crate::cli::Command::Drill(_))) {
        return Err(UsageError(tr.text("usage-drill-inventory").to_owned()));
    }
    if inventory && cli.scenario.is_some() {
        return Err(UsageError(tr.text("usage-scenario-inventory").to_owned()));
    }
    if let Some(why) = speed_refused(cli.speed, tr) {
        return Err(UsageError(why));
    }
    if let Some(why) = cli.lang.as_deref().and_then(unknown_language) {
        return Err(UsageError(why));
    }
    Ok(())
}

/// `--inventory FILE` / `HEALTHDECK_INVENTORY`: every finding, one per line, each
/// `file:line:column: message` after the `healthdeck: ` that `run` puts in front.
fn load_inventory(path: &std::path::Path, tr: Tr) -> Result<Inventory, UsageError> {
    Inventory::load(path).map_err(|findings| {
        let lines: Vec<String> = findings.iter().map(|f| f.in_language(tr)).collect();
        UsageError(lines.join("\nhealthdeck: "))
    })
}

/// This session's incident record, created once the console is sure to start (no file
/// for a refused start). No record file, no console: what is done must be traceable. A full
/// disk still opens (the header waits in memory and the banner says the record is not written).
fn open_record(console: &Console) -> Result<Recorder, UsageError> {
    let state = &console.state;
    let header = crate::incident::session_header(
        Symbols { ascii: true }.banner(&state.launch.banner),
        state.launch.banner.dry_run,
        state.launch.banner.read_only,
        state.launch.language,
    );
    // Training stamps each entry with wall-clock UTC and the fleet clock's time; a real
    // fleet's clock is the wall clock.
    let clock = match state.launch.banner.mode {
        Mode::Training { .. } => RecordClock::training(&console.clock),
        Mode::Production { .. } => RecordClock::Wall,
    };
    let dir = paths::default_dir();
    Recorder::create_with(&dir, &header, console.clock.now(), clock).map_err(|e| {
        let args = [
            ("dir", dir.display().to_string().into()),
            ("error", e.to_string().into()),
        ];
        UsageError(state.tr().fmt("usage-record-dir", &args))
    })
}

/// What the newest earlier record says ended while nobody watched (its terminal hung up,
/// or it left steps running).
fn previous_session_unwatched(tr: crate::i18n::Tr) -> Option<Vec<String>> {
    let path = crate::incident::latest(&paths::default_dir())?;
    let file = std::fs::File::open(&path).ok()?;
    let alive = crate::runtime::keeper::pid_alive;
    let unwatched = crate::incident::unwatched::read(std::io::BufReader::new(file), alive)?;
    let mut lines = unwatched.lines(tr);
    let home = env("HOME");
    let shown = paths::home_relative(&path, home.as_deref());
    lines.push(tr.fmt("hangup-record", &[("path", shown.into())]));
    Some(lines)
}

/// Why a `--speed` is refused: it must be above 0 and at most 1000 (a huge one is said in
/// short, not in its 309 digits).
fn speed_refused(speed: f64, tr: Tr) -> Option<String> {
    if speed.is_finite() && speed > 0.0 && speed <= 1_000.0 {
        return None;
    }
    let said = if speed.abs() < 1e6 {
        format!("{speed}")
    } else {
        format!("{speed:e}")
    };
    Some(tr.fmt("usage-speed", &[("speed", said.into())]))
}

/// `healthdeck replay`: the theme and glyphs as the console would choose them.
fn replay(cli: &Cli, args: &crate::cli::ReplayArgs) -> ExitCode {
    if let Some(why) = cli.lang.as_deref().and_then(unknown_language) {
        eprintln!("healthdeck: {why}");
        return ExitCode::from(EXIT_USAGE);
    }
    let (language, _) = language(cli.lang.as_deref());
    if let Some(why) = speed_refused(args.speed, Tr::of(language)) {
        eprintln!("healthdeck replay: {why}");
        return ExitCode::from(EXIT_USAGE);
    }
    match chosen_theme(cli, Tr::of(language)) {
        Ok(theme) => crate::app::replay::run(args, &theme, chosen_symbols(cli), language),
        Err(UsageError(message)) => {
            eprintln!("healthdeck: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// `--theme`, else monochrome under a non-empty `NO_COLOR`, else the default.
fn chosen_theme(cli: &Cli, tr: Tr) -> Result<Theme, UsageError> {
    let depth = theme::detect_depth(env("COLORTERM").as_deref(), env("TERM").as_deref());
    match (&cli.theme, env("NO_COLOR").filter(|v| !v.is_empty())) {
        (Some(name), _) => theme::load_theme(name, depth),
        (None, Some(_)) => theme::load_theme("monochrome", depth),
        (None, None) => theme::load_theme("default", depth),
    }
    .map_err(|e| UsageError(e.in_language(tr)))
}

/// ASCII when asked for, or when the locale is not UTF-8.
fn chosen_symbols(cli: &Cli) -> Symbols {
    Symbols {
        ascii: cli.ascii || !locale_utf8(),
    }
}

/// The language to speak: `flag` > LC_ALL > LC_MESSAGES > LANG, then English when the
/// locale's character set cannot show it (with the note that says so).
pub fn language(flag: Option<&str>) -> (&'static str, Option<String>) {
    let wanted = lang::resolve(
        flag,
        env("LC_ALL").as_deref(),
        env("LC_MESSAGES").as_deref(),
        env("LANG").as_deref(),
    );
    let locale = ctype_locale();
    lang::shown(wanted, locale_is_utf8(Some(&locale), None, None), &locale)
}

/// `--lang CODE` refused unless it names a known language: the message says which are.
pub fn unknown_language(code: &str) -> Option<String> {
    let known = lang::LANGUAGES.iter().any(|l| l.eq_ignore_ascii_case(code));
    (!known).then(|| {
        format!(
            "--lang {code}: unknown language (use one of {})",
            lang::LANGUAGES.join(", ")
        )
    })
}

/// Whether the terminal's character set is UTF-8 (see [`ctype_locale`]).
fn locale_utf8() -> bool {
    locale_is_utf8(Some(&ctype_locale()), None, None)
}

/// The locale that sets the character set, as C programs pick it (LC_ALL, LC_CTYPE, then
/// LANG, the first one set), as the user wrote it.
fn ctype_locale() -> String {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .filter_map(env)
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

/// `--scenario list`: name and title of each built-in scenario.
pub fn list_scenarios() -> String {
    let mut out = String::new();
    for (name, text) in training::BUILT_IN {
        let title = training::Scenario::parse(text, name)
            .map(|s| s.title)
            .unwrap_or_default();
        let default = if name == DEFAULT_SCENARIO {
            " (default)"
        } else {
            ""
        };
        out.push_str(&format!("{name:<22}{title}{default}\n"));
    }
    out
}

/// The whole program after flag parsing; returns the process exit code.
pub fn run(cli: &Cli) -> color_eyre::Result<ExitCode> {
    let lang = cli.lang.as_deref();
    if let Some(crate::cli::Command::Lint(args)) = &cli.command {
        return Ok(crate::lint::run(args, lang));
    }
    if let Some(crate::cli::Command::Incident(args)) = &cli.command {
        return Ok(crate::incident::run(args, lang));
    }
    if let Some(crate::cli::Command::Check(args)) = &cli.command {
        return Ok(crate::check::run(args, lang));
    }
    if let Some(crate::cli::Command::Agent(args)) = &cli.command {
        return Ok(crate::agent::run(args));
    }
    if let Some(crate::cli::Command::Export(args)) = &cli.command {
        return Ok(crate::export::run(args));
    }
    if let Some(crate::cli::Command::Replay(args)) = &cli.command {
        return Ok(replay(cli, args));
    }
    if let Some(crate::cli::Command::Scenario(args)) = &cli.command {
        return Ok(crate::scenario_command::run(args));
    }
    if let Some(crate::cli::Command::Completions(args)) = &cli.command {
        return Ok(crate::shell::completions(args.shell));
    }
    if let Some(crate::cli::Command::Man) = &cli.command {
        return Ok(crate::shell::man());
    }
    if let Some(crate::cli::Command::KeepStep(args)) = &cli.command {
        return Ok(crate::runtime::keeper::run(args));
    }
    if cli.scenario.as_deref() == Some("list") {
        print!("{}", list_scenarios());
        return Ok(ExitCode::SUCCESS);
    }
    let mut console = match prepare(cli) {
        Ok(console) => console,
        Err(UsageError(message)) => {
            eprintln!("healthdeck: {message}");
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    // crossterm drops every colour under NO_COLOR by itself; a theme the user named
    // explicitly wins over NO_COLOR, so tell crossterm so.
    if cli.theme.is_some() {
        crossterm::style::force_color_output(true);
    }
    // Raw mode on a file or a pipe would run an invisible console.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        let tr = console.state.tr();
        eprintln!("healthdeck: {}", tr.text("usage-no-terminal"));
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    console.state.view.unwatched = previous_session_unwatched(console.state.tr());
    let recorder = match open_record(&console) {
        Ok(recorder) => recorder,
        Err(UsageError(message)) => {
            eprintln!("healthdeck: {message}");
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    let log_path = crate::logging::init(&paths::log_file());
    tracing::info!(
        banner = %Symbols { ascii: true }.banner(&console.state.launch.banner),
        language = console.state.launch.language,
        theme = %console.theme.name,
        ascii = console.symbols.ascii,
        "console starting"
    );
    console.log_path = log_path.map(|p| paths::home_relative(&p, env("HOME").as_deref()));
    let tr = console.state.tr();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    // The loop's thread also runs the training simulator (`app::Sources::start`): its
    // results are applied where they were made, with no wake-up of another thread.
    let ended = tokio::task::LocalSet::new().block_on(&runtime, app::run(console, recorder))?;
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    // Not println!: it panics when the tty is gone (SSH drop); the path is in the log too.
    tracing::info!(record = %ended.record.display(), "incident record");
    let args = [("path", ended.record.display().to_string().into())];
    let said = tr.fmt("usage-record-at", &args);
    let _ = writeln!(std::io::stdout(), "healthdeck: {said}");
    Ok(match ended.reason {
        QuitReason::User => ExitCode::SUCCESS,
        QuitReason::Signal(Signal::Hangup) => ExitCode::from(129),
        QuitReason::Signal(Signal::Terminate) => ExitCode::from(143),
    })
}
