//! A debt: a compensation owed on a server after a step changed it (activation blocked by a
//! failover, protocol logging left on). Unlike `Owed`, which lives in one walk, a debt
//! outlives the walk, the console and the engineer's session: it is kept in the shared
//! state directory (docs/ARCHITECTURE.md "Owed compensations") until it is run or written
//! off, and every console on that directory shows it.

use super::Library;
use super::spec::localized;
use crate::i18n::Tr;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debt {
    /// Unique across consoles and hosts: the session that owed it, the run, the step.
    pub id: String,
    pub server: String,
    /// The runbook (procedure id) the compensation step belongs to.
    pub procedure: String,
    /// The compensation step that pays it (`reenable-activation`).
    pub step: String,
    /// Its title, in English (the record and other consoles may use other languages).
    pub title: String,
    /// Its action (`reenable_activation`).
    pub action: String,
    /// The monitor the walk recovered: with procedure and step, enough to run it again.
    pub monitor: String,
    /// The exact command that undoes it, as the pane showed it.
    pub command: Option<String>,
    /// The step that made it owed (`failover`), and its title.
    pub caused_by: String,
    pub caused_by_title: String,
    /// Who ran that step, and from which console (`host pid`).
    pub by: String,
    #[serde(default)]
    pub console: String,
    /// Wall-clock UTC when it became owed (in training too: never the fleet clock).
    pub since: DateTime<Utc>,
    /// False while the step that owes it has started and not succeeded: it may have
    /// changed the server part-way (a failover that failed half-way still blocks
    /// activation). Never dropped for that: a person decides.
    pub certain: bool,
}

impl Debt {
    /// One line in English, for the record and the ledger: what is owed, where, since when
    /// and by whom.
    pub fn describe(&self) -> String {
        self.describe_in(Tr::english(), None)
    }

    /// [`Self::describe`] in the language of `tr`, the step's title as its runbook in
    /// `library` says it there. In English, and when the runbook is not known here, the
    /// ledger's own title: what was owed when it was written.
    pub fn describe_in(&self, tr: Tr, library: Option<&Library>) -> String {
        let library = library.filter(|_| tr != Tr::english());
        let title = library
            .and_then(|l| l.step_title(&self.procedure, &self.step))
            .map_or(self.title.as_str(), |title| localized(title, tr.code()));
        let id = if self.certain {
            "debt-line"
        } else {
            "debt-line-maybe"
        };
        tr.fmt(
            id,
            &[
                ("title", title.into()),
                ("server", self.server.as_str().into()),
                (
                    "since",
                    self.since.format("%Y-%m-%d %H:%M").to_string().into(),
                ),
                ("by", self.by.as_str().into()),
                ("procedure", self.procedure.as_str().into()),
                ("cause", self.caused_by.as_str().into()),
            ],
        )
    }
}

/// What the ledger holds right now, as one console read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub debts: Vec<Debt>,
    /// Ledger files that could not be read: something may be owed there (never taken as
    /// "nothing owed"). `path: why`.
    pub unreadable: Vec<String>,
}
