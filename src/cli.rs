//! The command line (ARCHITECTURE "Command line").

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "healthdeck",
    version,
    about = "A terminal operations console for on-call mail engineers: IMAP and POP health \
             across a fleet, with runbooks. Without --inventory it opens the training fleet."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A real fleet's inventory (never picked up silently): the console opens on it in
    /// production mode instead of the training fleet.
    #[arg(long, env = "HEALTHDECK_INVENTORY", value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    /// Training scenario: a built-in name, a YAML file, or `list`.
    #[arg(long, value_name = "NAME|FILE")]
    pub scenario: Option<String>,
    /// Training clock speed: probe intervals, monitor windows and waits run this much faster.
    #[arg(long, default_value_t = 10.0, value_name = "N")]
    pub speed: f64,
    /// Theme: default, light, high-contrast, monochrome, or a YAML file.
    #[arg(long, value_name = "NAME|FILE")]
    pub theme: Option<String>,
    /// Language of runbooks: en, ko, ja, zh-TW, pt-BR (default from the locale).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Draw with ASCII only (also chosen when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,
    /// Show every command a step would run, and run none.
    #[arg(long)]
    pub dry_run: bool,
    /// Run probes and reading steps only (health, database copies, log location, the
    /// Mailbox server): nothing that changes a server.
    #[arg(long)]
    pub read_only: bool,
    /// When the terminal hangs up (an SSH drop) with steps running: let them finish
    /// headless, their output still recorded, or cancel them.
    #[arg(long, value_enum, env = "HEALTHDECK_ON_HANGUP", default_value_t = OnHangup::Finish)]
    pub on_hangup: OnHangup,
}

/// What happens to running steps when the terminal goes away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnHangup {
    Finish,
    Cancel,
}

impl OnHangup {
    pub fn name(self) -> &'static str {
        match self {
            OnHangup::Finish => "finish",
            OnHangup::Cancel => "cancel",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check runbooks, scenario files and an inventory: exit 0 clean, 1 findings, 2 usage.
    Lint(LintArgs),
    /// Work with incident records (one per console session).
    Incident(IncidentArgs),
    /// Probe every endpoint of an inventory once: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    Check(CheckArgs),
    /// Serve the inventory's probes to Prometheus: `/probe?server=NAME&probe=NAME` runs one
    /// now and answers its metrics, `/metrics` the agent's own. Stops on SIGTERM.
    Agent(AgentArgs),
    /// Write configuration for other tools from the inventory, one source of truth.
    Export(ExportToolArgs),
    /// Print a completion script for a shell to stdout, e.g.
    /// `healthdeck completions bash > ~/.local/share/bash-completion/completions/healthdeck`.
    Completions(CompletionsArgs),
    /// A drill on the training fleet: a fault you are not told about, scored from what you
    /// do, ending on a debrief (the monitor healed, the budget spent, or q).
    Drill(DrillArgs),
    /// Work with training scenarios: `scenario from-record RECORD` prints a drill made from
    /// an incident record (its faults inferred from the monitors it saw fail).
    Scenario(ScenarioArgs),
    /// Play an incident record back: the grid and the entries in order, read-only
    /// (space pause, l/h step, +/- speed, g/G start/end, q quit).
    Replay(ReplayArgs),
    /// Print the manual page (roff) to stdout: `healthdeck man | man -l -`.
    Man,
    /// Started by the console as it quits, for a step left running: records the rest of
    /// the step's output and its end. Not for people.
    #[command(hide = true)]
    KeepStep(KeepStepArgs),
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// The incident record (`.jsonl`).
    pub record: PathBuf,
    /// Record time played per wall second.
    #[arg(long, default_value_t = 10.0, value_name = "N")]
    pub speed: f64,
}

#[derive(Debug, Args)]
pub struct ScenarioArgs {
    #[command(subcommand)]
    pub command: ScenarioCommand,
}

#[derive(Debug, Subcommand)]
pub enum ScenarioCommand {
    /// Print a scenario with a drill, made from an incident record, to stdout.
    FromRecord {
        /// The incident record (`.jsonl`).
        record: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct DrillArgs {
    /// A scenario with a `drill:` block: a built-in name, a YAML file, or `random` (one
    /// fault drawn by seed on the default fleet).
    #[arg(long, value_name = "NAME|FILE|random")]
    pub scenario: Option<String>,
    /// The seed of a random drill: the same seed, the same fault (shown in the debrief).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish (elvish and powershell too).
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// A step left running, as its console hands it over: the step's pipes are the keeper's
/// stdout and stderr (read, not written); its stdin closes when the console is gone.
#[derive(Debug, Args)]
pub struct KeepStepArgs {
    /// The console's incident record, appended to.
    #[arg(long, value_name = "FILE")]
    pub record: PathBuf,
    /// The step's run number in that record.
    #[arg(long)]
    pub run: u64,
    /// The step's pid: it leads its session and process group.
    #[arg(long)]
    pub pid: u32,
    /// The step's time limit, and how much of it had passed.
    #[arg(long)]
    pub limit_ms: u64,
    #[arg(long)]
    pub elapsed_ms: u64,
    /// The lock a destructive step holds: state directory, server, and the claim's token.
    #[arg(long, value_name = "DIR", requires_all = ["server", "lock_token"])]
    pub lock_dir: Option<PathBuf>,
    #[arg(long)]
    pub server: Option<String>,
    #[arg(long)]
    pub lock_token: Option<String>,
}

#[derive(Debug, Args)]
pub struct AgentArgs {
    /// The fleet whose probes are served (never the simulator).
    #[arg(long, env = "HEALTHDECK_INVENTORY", value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    /// Where to listen, e.g. 127.0.0.1:9141 (port 0: any free port, said on stderr).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:9141")]
    pub listen: String,
    /// Probes running at once at most; more requests get 503.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub in_flight: usize,
}

#[derive(Debug, Args)]
pub struct ExportToolArgs {
    #[command(subcommand)]
    pub command: ExportTool,
}

#[derive(Debug, Subcommand)]
pub enum ExportTool {
    /// Prometheus' scrape configuration for `healthdeck agent`, the monitor rules as alert
    /// rules with their `promtool test rules` unit tests, and an Alertmanager route example.
    /// Exit 0, or 2 on a bad inventory or flag.
    Prometheus(PrometheusExportArgs),
}

#[derive(Debug, Args)]
pub struct PrometheusExportArgs {
    /// The fleet whose probes the agent serves.
    #[arg(long, env = "HEALTHDECK_INVENTORY", value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    /// Where Prometheus reaches `healthdeck agent`, e.g. 127.0.0.1:9141.
    #[arg(long, value_name = "HOST:PORT")]
    pub agent: String,
    /// Where Prometheus sends alerts (Alertmanager), e.g. 127.0.0.1:9093.
    #[arg(long, value_name = "HOST:PORT")]
    pub alertmanager: Option<String>,
    /// The folder written (created when missing).
    #[arg(long, value_name = "DIR", default_value = "healthdeck-prometheus")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The fleet to check (never the simulator).
    #[arg(long, env = "HEALTHDECK_INVENTORY", value_name = "FILE")]
    pub inventory: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// The Nagios line, then one line per probe.
    Text,
    /// One JSON document (the Nagios line is not printed).
    Json,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Runbook or scenario files, or folders of them (default, without --inventory: the
    /// built-in runbooks and scenarios).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Check an inventory file (its credentials are not read).
    #[arg(long, value_name = "FILE")]
    pub inventory: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IncidentArgs {
    #[command(subcommand)]
    pub command: IncidentCommand,
}

#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Print a record as a timeline for the postmortem (Markdown) or as one JSON document,
    /// to stdout. Exit 0, or 2 when the record cannot be read.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The record file (`…/healthdeck/incidents/<utc>-<host>-<pid>.jsonl`).
    #[arg(
        value_name = "RECORD",
        conflicts_with = "latest",
        required_unless_present = "latest"
    )]
    pub record: Option<PathBuf>,
    /// The newest record in `$XDG_STATE_HOME/healthdeck/incidents`.
    #[arg(long)]
    pub latest: bool,
    /// What to print.
    #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
    pub format: ExportFormat,
    /// The Markdown's language: en, ko, ja, zh-TW, pt-BR (default from the locale, as the
    /// console's). JSON is the record's own and has none.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A readable timeline, with each step's output after it.
    Markdown,
    /// One JSON document: the session header and every record.
    Json,
}
