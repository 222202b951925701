//! The runtime: tasks, timers and the fleet clock. It never touches the screen.

pub mod answered;
pub mod clock;
pub mod contained;
pub mod exchange;
pub mod guarded;
pub mod keeper;
pub mod ledger;
pub mod probe;
pub mod prober;
pub mod runner;
pub mod shared;
pub mod simulated;
pub mod simulator;
pub mod steps;

pub use clock::FleetClock;
