//! Where steps meet shared state on disk: the per-server locks, restart budgets and owed
//! compensations shared by every console on one state directory (`guard`). What a command
//! is (quoting, scripts, transports) is pure and lives in `command`.

pub mod guardrails;
