use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let _ = color_eyre::install();
    let cli = healthdeck::cli::Cli::parse();
    match healthdeck::launch::run(&cli) {
        Ok(code) => code,
        Err(report) => {
            // Not eprintln!: it panics when stderr is a tty that has gone away.
            let _ = writeln!(std::io::stderr(), "healthdeck: {report:?}");
            ExitCode::FAILURE
        }
    }
}
