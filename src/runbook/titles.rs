//! Titles as a reader shows them. The record keeps English titles beside the ids, so that it
//! reads the same whatever language the console spoke (ARCHITECTURE "Languages"); the export,
//! the replay and the debrief name a runbook or a step in their own language by its id.
//! Records written before titles were English carry the console's language: any language
//! the library knows is recognised, and a title it does not know is shown as recorded.

use super::Library;
use super::spec::{Text, localized};
use crate::i18n::Tr;
use std::borrow::Cow;

/// The runbook title a record holds, in `tr`'s language: the procedure's own title, a walk
/// resumed, or a walk paying what is owed.
pub fn runbook<'t>(tr: Tr, procedure: &str, recorded: &'t str) -> Cow<'t, str> {
    let Some(title) = procedure_title(procedure) else {
        return Cow::Borrowed(recorded);
    };
    if is_one_of(title, recorded) {
        return Cow::Owned(localized(title, tr.code()).to_owned());
    }
    if let Some(plain) = recorded.strip_suffix(" (resumed)")
        && is_one_of(title, plain)
    {
        let args = [("title", localized(title, tr.code()).into())];
        return Cow::Owned(tr.fmt("title-resumed", &args));
    }
    if recorded == paying_title(procedure) {
        return Cow::Owned(tr.fmt("title-paying", &[("procedure", procedure.into())]));
    }
    Cow::Borrowed(recorded)
}

/// The step title a record holds (or the step's id, where it holds none), in `tr`'s
/// language.
pub fn step<'t>(tr: Tr, procedure: &str, step: &str, recorded: &'t str) -> Cow<'t, str> {
    match step_title(procedure, step) {
        Some(title) if recorded == step || is_one_of(title, recorded) => {
            Cow::Owned(localized(title, tr.code()).to_owned())
        }
        _ => Cow::Borrowed(recorded),
    }
}

/// The record's title of a walk that pays what `procedure` left owed.
pub fn paying_title(procedure: &str) -> String {
    format!("what is owed from {procedure}")
}

/// The record's title of a walk taken up again where it was left.
pub fn resumed_title(english: &str) -> String {
    format!("{english} (resumed)")
}

fn procedure_title(procedure: &str) -> Option<&'static Text> {
    let library = Library::shared().ok()?;
    Some(&library.procedure(procedure)?.spec.title)
}

fn step_title(procedure: &str, step: &str) -> Option<&'static Text> {
    Library::shared().ok()?.step_title(procedure, step)
}

/// Whether `recorded` is `title` in one of its languages.
fn is_one_of(title: &Text, recorded: &str) -> bool {
    title.values().any(|t| t == recorded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_english_title_reads_in_the_readers_language_and_an_unknown_one_as_recorded() {
        let ja = Tr::of("ja");
        let english = localized(procedure_title("imap-ctp").expect("imap-ctp"), "en");
        let japanese = localized(procedure_title("imap-ctp").expect("imap-ctp"), "ja");
        assert_ne!(english, japanese);
        assert_eq!(runbook(ja, "imap-ctp", english), japanese);
        assert_eq!(runbook(ja, "imap-ctp", "someone's own"), "someone's own");
        assert_eq!(runbook(ja, "no-such", english), english);
    }

    #[test]
    fn a_title_recorded_in_korean_reads_in_english_for_an_english_reader() {
        let text = procedure_title("imap-ctp").expect("imap-ctp");
        let korean = localized(text, "ko");
        assert_eq!(
            runbook(Tr::english(), "imap-ctp", korean),
            localized(text, "en")
        );
    }

    #[test]
    fn a_resumed_walk_and_a_paying_walk_keep_what_they_were() {
        let ko = Tr::of("ko");
        let text = procedure_title("imap-ctp").expect("imap-ctp");
        let recorded = resumed_title(localized(text, "en"));
        let resumed = runbook(ko, "imap-ctp", &recorded);
        assert!(resumed.contains(localized(text, "ko")), "{resumed}");
        assert_ne!(resumed, localized(text, "ko"));
        let recorded = paying_title("imap-ctp");
        let paying = runbook(ko, "imap-ctp", &recorded);
        assert!(
            paying.contains("imap-ctp") && !paying.contains("owed"),
            "{paying}"
        );
    }
}
