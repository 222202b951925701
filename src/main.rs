use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let _ = color_eyre::install();
    let cli = healthdeck::cli::Cli::parse();
    match healthdeck::launch::main(&cli) {
        Ok(code) => code,
        Err(report) => {
            eprintln!("healthdeck: {report:?}");
            ExitCode::FAILURE
        }
    }
}
