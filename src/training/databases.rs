//! The simulated mailbox databases: two per Mailbox server, with a copy on every Mailbox
//! server of the same site (the site is the DAG). A failover moves active copies to another
//! member whose activation is allowed; with no such member, they stay where they are.

use crate::health::{Role, Server};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Database {
    pub name: String,
    /// The server whose copy should be active (activation preference 1).
    pub preferred: usize,
    pub active_on: usize,
}

/// A database copy as `Get-MailboxDatabaseCopyStatus` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyStatus {
    /// The database's name (`DB01`); the platform shows the copy as `DB01\mbx-02`.
    pub name: String,
    pub status: &'static str,
}

#[derive(Debug, Clone)]
pub struct Databases {
    list: Vec<Database>,
    activation_disabled: Vec<bool>,
    sites: Vec<String>,
    mailbox: Vec<bool>,
}

impl Databases {
    pub fn new(fleet: &[Server]) -> Databases {
        let mut databases = Vec::new();
        for (i, server) in fleet.iter().enumerate() {
            if server.role.runs(Role::Mailbox) {
                for _ in 0..2 {
                    databases.push(Database {
                        name: format!("DB{:02}", databases.len() + 1),
                        preferred: i,
                        active_on: i,
                    });
                }
            }
        }
        Databases {
            list: databases,
            activation_disabled: vec![false; fleet.len()],
            sites: fleet.iter().map(|s| s.site.clone()).collect(),
            mailbox: fleet.iter().map(|s| s.role.runs(Role::Mailbox)).collect(),
        }
    }

    fn same_dag(&self, a: usize, b: usize) -> bool {
        self.mailbox[a] && self.mailbox[b] && self.sites[a] == self.sites[b]
    }

    /// Blocks activation on `server` and moves its active copies away. Returns the moves
    /// made as (database, new server).
    pub fn fail_over(&mut self, server: usize) -> Vec<(String, usize)> {
        self.activation_disabled[server] = true;
        let mut moves = Vec::new();
        for db in &mut self.list {
            if db.active_on != server {
                continue;
            }
            let target = (0..self.sites.len()).find(|&t| {
                t != server
                    && self.mailbox[t]
                    && self.mailbox[server]
                    && self.sites[t] == self.sites[server]
                    && !self.activation_disabled[t]
            });
            if let Some(target) = target {
                db.active_on = target;
                moves.push((db.name.clone(), target));
            }
        }
        moves
    }

    pub fn reenable(&mut self, server: usize) {
        self.activation_disabled[server] = false;
    }

    pub fn activation_disabled(&self, server: usize) -> bool {
        self.activation_disabled[server]
    }

    /// Moves every database of `server`'s DAG back to its preferred server where that is
    /// allowed. Returns the moves as (database, new server).
    pub fn rebalance(&mut self, server: usize) -> Vec<(String, usize)> {
        let mut moves = Vec::new();
        for i in 0..self.list.len() {
            let db = &self.list[i];
            let (preferred, active) = (db.preferred, db.active_on);
            if self.same_dag(server, preferred)
                && active != preferred
                && !self.activation_disabled[preferred]
            {
                self.list[i].active_on = preferred;
                moves.push((self.list[i].name.clone(), preferred));
            }
        }
        moves
    }

    /// The copies on `server`, with their status.
    pub fn copies(&self, server: usize) -> Vec<CopyStatus> {
        self.list
            .iter()
            .filter(|db| self.same_dag(server, db.preferred))
            .map(|db| CopyStatus {
                name: db.name.clone(),
                status: if db.active_on == server {
                    "Mounted"
                } else {
                    "Healthy"
                },
            })
            .collect()
    }

    pub fn active_count(&self, server: usize) -> usize {
        self.list.iter().filter(|db| db.active_on == server).count()
    }
}
