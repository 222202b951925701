//! The runtime: tasks, timers and the fleet clock. It never touches the screen.

pub mod clock;
pub mod simulator;

pub use clock::FleetClock;
