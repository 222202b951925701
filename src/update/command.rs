//! The command line, as in k9s: `:` opens it; Tab completes, Up and Down recall earlier
//! lines, Enter runs, Esc (or Backspace on an empty line) closes it. Every printable key is
//! literal inside it.

use super::rows::{self, SortKey};
use super::state::{AppState, Prompt, View};
use crate::effect::Effect;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The commands, as completion offers them.
pub const COMMANDS: [&str; 9] = [
    "filter", "sort", "theme", "export", "owed", "ack", "unack", "help", "q",
];

/// Lines kept for Up to recall.
const HISTORY: usize = 50;

pub(super) fn open(state: &mut AppState) {
    state.view.prompt = Some(Prompt::Command {
        text: String::new(),
        recalled: None,
        offered: Vec::new(),
    });
}

pub(super) fn key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    if let Some(effects) = super::prompt::always_acts(state, key) {
        return effects;
    }
    let View {
        prompt,
        command_history: history,
        ..
    } = &mut state.view;
    let Some(Prompt::Command {
        text,
        recalled,
        offered,
    }) = prompt
    else {
        return Vec::new();
    };
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if control => text.clear(),
        KeyCode::Char(c) if !control => {
            text.push(c);
            offered.clear();
            *recalled = None;
        }
        KeyCode::Backspace if text.is_empty() => state.view.prompt = None,
        KeyCode::Backspace => {
            text.pop();
            offered.clear();
        }
        KeyCode::Esc => state.view.prompt = None,
        KeyCode::Up if !history.is_empty() => {
            let at = recalled.map_or(history.len() - 1, |i| i.saturating_sub(1));
            *recalled = Some(at);
            text.clone_from(&history[at]);
        }
        KeyCode::Down => match recalled.map(|i| i + 1) {
            Some(at) if at < history.len() => {
                *recalled = Some(at);
                text.clone_from(&history[at]);
            }
            _ => {
                *recalled = None;
                text.clear();
            }
        },
        KeyCode::Tab => {
            let typed = text.clone();
            let (completed, choices) = complete(state, &typed);
            if let Some(Prompt::Command { text, offered, .. }) = &mut state.view.prompt {
                *text = completed;
                *offered = choices;
            }
        }
        KeyCode::Enter => {
            let line = text.trim().to_owned();
            state.view.prompt = None;
            return run(state, &line);
        }
        _ => {}
    }
    Vec::new()
}

/// Completes the last word of `typed`: the command, or its argument. Returns the new text
/// and, when several fit, what they are.
pub fn complete(state: &AppState, typed: &str) -> (String, Vec<String>) {
    let (head, word) = typed.rsplit_once(' ').map_or(("", typed), |(h, w)| (h, w));
    let command = typed.split_whitespace().next().unwrap_or_default();
    let candidates: Vec<String> = if head.is_empty() && !typed.ends_with(' ') {
        COMMANDS.iter().map(|c| (*c).to_owned()).collect()
    } else {
        match command {
            "sort" => SortKey::ALL.iter().map(|k| k.name().to_owned()).collect(),
            "theme" => crate::config::theme::BUILT_IN
                .iter()
                .map(|(name, _)| (*name).to_owned())
                .collect(),
            "filter" => rows::filter_words(state),
            _ => Vec::new(),
        }
    };
    let fits: Vec<String> = candidates
        .into_iter()
        .filter(|c| c.starts_with(&word.to_lowercase()))
        .collect();
    let joined = |word: &str| {
        if head.is_empty() && !typed.contains(' ') {
            word.to_owned()
        } else {
            format!("{head} {word}")
        }
    };
    match fits.as_slice() {
        [] => (typed.to_owned(), Vec::new()),
        [one] => {
            // A command or a filter word may be followed by more; an argument ends the line.
            let more = (head.is_empty() && !typed.contains(' ')) || command == "filter";
            let end = if more { " " } else { "" };
            (format!("{}{end}", joined(one)), Vec::new())
        }
        many => {
            let common = many.iter().skip(1).fold(many[0].clone(), |common, c| {
                let n = common
                    .chars()
                    .zip(c.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                common.chars().take(n).collect()
            });
            (joined(&common), many.to_vec())
        }
    }
}

/// Runs one command line.
pub fn run(state: &mut AppState, line: &str) -> Vec<Effect> {
    if line.is_empty() {
        return Vec::new();
    }
    if state.view.command_history.last().map(String::as_str) != Some(line) {
        state.view.command_history.push(line.to_owned());
        if state.view.command_history.len() > HISTORY {
            state.view.command_history.remove(0);
        }
    }
    let (command, arg) = line.split_once(' ').unwrap_or((line, ""));
    let arg = arg.trim();
    match command {
        "filter" => {
            rows::set_filter(state, arg.to_owned());
            if state.view.rows.is_empty() {
                state.view.flash = Some(rows::no_match(state, arg));
            }
        }
        "sort" => match SortKey::named(arg) {
            Some(key) => {
                state.view.sort = key;
                let filter = state.view.filter.clone();
                rows::apply(state, &filter);
                let said = state
                    .tr()
                    .fmt("flash-sorted", &[("key", key.name().into())]);
                state.view.flash = Some(said);
            }
            None => state.view.flash = Some(state.tr().text("flash-sort-keys").to_owned()),
        },
        "theme" if !arg.is_empty() => return vec![Effect::Theme(arg.to_owned())],
        "theme" => {
            state.view.flash = Some(state.tr().text("flash-theme-usage").to_owned());
        }
        "export" => return vec![Effect::Export],
        "owed" if state.owed().is_empty() => {
            state.view.flash = Some(state.tr().text("flash-nothing-owed").to_owned());
        }
        "owed" => state.view.owed_box = true,
        // As `a`: the Unhealthy monitor under the cursor; typed here, what the prompt asks.
        "ack" => return super::shared::ack_command(state, arg),
        "unack" => return super::shared::unacknowledge(state),
        "help" => state.view.help = true,
        "q" | "quit" => return super::runbook::quit(state),
        other => {
            let known = COMMANDS.map(|c| format!(":{c}")).join(" ");
            let args = [("command", other.into()), ("known", known.into())];
            state.view.flash = Some(state.tr().fmt("flash-unknown-command", &args));
        }
    }
    Vec::new()
}

/// `:theme`'s outcome, from the runtime.
pub(super) fn theme_changed(state: &mut AppState, theme: Result<String, String>) {
    let tr = state.tr();
    state.view.flash = Some(match theme {
        Ok(name) => tr.fmt("flash-theme", &[("name", name.into())]),
        Err(why) => tr.fmt("flash-theme-not-changed", &[("why", why.into())]),
    });
}

/// `:export`'s outcome, from the runtime.
pub(super) fn exported(state: &mut AppState, path: Result<String, String>) {
    state.view.flash = Some(match path {
        // The file's name fits the status bar; it lies beside the record (help names it).
        Ok(path) => {
            let name = std::path::Path::new(&path)
                .file_name()
                .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
            state.tr().fmt("flash-exported", &[("name", name.into())])
        }
        Err(why) => state
            .tr()
            .fmt("flash-export-not-written", &[("why", why.into())]),
    });
}
