//! `healthdeck lint [PATH…] [--inventory FILE]`: checks runbook and scenario files, message
//! catalogs (`.ftl`) and an inventory, and prints every finding as
//! `file:line:column: message`. Exit 0 clean, 1 findings, 2 usage.

use crate::cli::LintArgs;
use crate::config::inventory::Inventory;
use crate::config::{ConfigError, parse_yaml, read};
use crate::i18n::{SOURCES, Said};
use crate::runbook::{Library, Source, library};
use crate::training;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXIT_FINDINGS: u8 = 1;

/// What a YAML file is, by its top-level keys.
enum Kind {
    Runbook,
    Scenario,
}

/// The kind by a top-level key written in block style (`procedures:` at column 1): one
/// linear look instead of a second parse.
fn kind_by_keys(text: &str) -> Option<Kind> {
    text.lines().find_map(|line| {
        let key = line.split_once(':')?.0;
        match key.trim_matches(['"', '\'']) {
            "procedures" => Some(Kind::Runbook),
            "fleet" | "faults" => Some(Kind::Scenario),
            _ => None,
        }
    })
}

fn kind_of(text: &str, origin: &str) -> Result<Kind, ConfigError> {
    if let Some(kind) = kind_by_keys(text) {
        return Ok(kind);
    }
    // Flow style or no known key: the parse says which, or where the text is broken.
    let value: serde_yaml::Value = parse_yaml(text, origin)?;
    let has = |key: &str| value.as_mapping().is_some_and(|m| m.contains_key(key));
    if has("procedures") {
        Ok(Kind::Runbook)
    } else if has("fleet") || has("faults") {
        Ok(Kind::Scenario)
    } else {
        let mut e = ConfigError::new(origin, Said::new("finding-file-neither"));
        e.line = Some(1);
        e.column = Some(1);
        Err(e)
    }
}

/// The files a path names: itself, or the YAML files of a folder, sorted.
fn expand(path: &Path) -> Result<Vec<PathBuf>, Said> {
    if path.is_dir() {
        let entries =
            std::fs::read_dir(path).map_err(|e| Said::as_is(format!("{}: {e}", path.display())))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x == "yaml" || x == "yml" || x == "ftl")
            })
            .collect();
        files.sort();
        Ok(files)
    } else if path.exists() {
        Ok(vec![path.to_owned()])
    } else {
        Err(Said::new("usage-lint-no-path").text("path", path.display().to_string()))
    }
}

/// Every finding in the named files (or the built-ins), in file order.
pub fn findings(paths: &[PathBuf]) -> Result<(usize, Vec<ConfigError>), Said> {
    let mut texts: Vec<(String, String)> = Vec::new();
    if paths.is_empty() {
        for (name, text) in library::BUILT_IN {
            texts.push((format!("<built-in runbooks/{name}>"), text.to_owned()));
        }
        for (name, text) in training::BUILT_IN {
            texts.push((format!("<built-in scenario {name}>"), text.to_owned()));
        }
    }
    let mut findings = Vec::new();
    if paths.is_empty() {
        findings.extend(crate::i18n::check::built_in());
    }
    let mut files = texts.len() + if paths.is_empty() { SOURCES.len() } else { 0 };
    for path in paths {
        for file in expand(path)? {
            let origin = file.display().to_string();
            files += 1;
            // Unreadable, too large or not UTF-8: a finding with its place, not a stop.
            match read::read_capped(&file, &origin, read::FLEET_CAP) {
                Ok(text) if is_catalog(&file) => findings.extend(catalog_findings(&file, &text)),
                Ok(text) => texts.push((origin, text)),
                Err(e) => findings.push(e),
            }
        }
    }
    let mut runbooks = Vec::new();
    for (origin, text) in &texts {
        match kind_of(text, origin) {
            Err(e) => findings.push(e),
            Ok(Kind::Scenario) => match training::Scenario::parse(text, origin) {
                Err(e) => findings.push(e),
                Ok(scenario) => {
                    if let Ok(library) = Library::shared() {
                        findings.extend(training::drill::lint::findings(
                            &scenario, text, origin, library,
                        ));
                    }
                }
            },
            Ok(Kind::Runbook) if text.len() as u64 > read::SMALL_CAP => {
                let message = Said::new("finding-runbook-too-large")
                    .said("size", read::shown_size(read::SMALL_CAP));
                findings.push(read::error_at(
                    origin,
                    text.as_bytes(),
                    (0..=read::SMALL_CAP as usize)
                        .rev()
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(0),
                    message,
                ));
            }
            Ok(Kind::Runbook) => runbooks.push(Source {
                origin: origin.clone(),
                text,
            }),
        }
    }
    let built_in = Library::built_in().ok();
    let (_, runbook_findings) = Library::check(&runbooks, built_in.as_ref());
    findings.extend(runbook_findings);
    Ok((files, findings))
}

fn is_catalog(file: &Path) -> bool {
    file.extension().is_some_and(|x| x == "ftl")
}

/// A message catalog against the built-in English one, or alone when it is English (its
/// folder is `en`).
fn catalog_findings(file: &Path, text: &str) -> Vec<ConfigError> {
    let origin = file.display().to_string();
    let english = file
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|dir| dir == "en");
    let (_, reference_origin, reference) = SOURCES[0];
    let reference = (!english).then_some((reference_origin, reference));
    crate::i18n::check::findings(&origin, text, reference)
}

/// The findings of `--inventory FILE`. Its credentials are not read: lint runs where the
/// secrets are not.
pub fn inventory_findings(path: &Path) -> Result<Vec<ConfigError>, Said> {
    // Not `is_file`: a device or a fifo is read too, through the cap.
    if !path.exists() || path.is_dir() {
        let path = path.display().to_string();
        return Err(Said::new("usage-lint-no-inventory").text("path", path));
    }
    Ok(Inventory::load(path).err().unwrap_or_default())
}

/// What `lint` checks: the PATHs (the built-ins when none and no inventory), then the
/// inventory.
fn checked(args: &LintArgs) -> Result<(usize, Vec<ConfigError>), Said> {
    let Some(inventory) = &args.inventory else {
        return findings(&args.paths);
    };
    let (files, mut found) = if args.paths.is_empty() {
        (0, Vec::new())
    } else {
        findings(&args.paths)?
    };
    found.extend(inventory_findings(inventory)?);
    Ok((files + 1, found))
}

/// `lang` is the top-level `--lang`: the summary's language, else the locale's.
pub fn run(args: &LintArgs, lang: Option<&str>) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if let Some(why) = lang.and_then(crate::launch::unknown_language) {
        let _ = writeln!(std::io::stderr(), "healthdeck lint: {why}");
        return ExitCode::from(crate::launch::EXIT_USAGE);
    }
    // Findings and the summary speak the chosen language; names and values stay as written.
    let tr = crate::i18n::Tr::of(crate::launch::language(lang).0);
    match checked(args) {
        Err(message) => {
            let message = message.in_language(tr);
            let _ = writeln!(std::io::stderr(), "healthdeck lint: {message}");
            ExitCode::from(crate::launch::EXIT_USAGE)
        }
        Ok((files, found)) if found.is_empty() => {
            let _ = writeln!(out, "{}", tr.fmt("lint-clean", &[("files", files.into())]));
            ExitCode::SUCCESS
        }
        Ok((files, found)) => {
            for finding in &found {
                let _ = writeln!(out, "{}", finding.in_language(tr));
            }
            let args = [("files", files.into()), ("count", found.len().into())];
            let _ = writeln!(out, "{}", tr.fmt("lint-findings", &args));
            ExitCode::from(EXIT_FINDINGS)
        }
    }
}
