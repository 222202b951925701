//! The pure health domain: no I/O, no clock. "Now" always arrives as an argument.

pub mod alert;
pub mod cadence;
pub mod calendar;
pub mod catalog;
pub mod deadline;
pub mod exchange;
pub mod fleet;
pub mod layout;
pub mod monitor;
pub mod monitors;
pub mod recent;
pub mod rules;
pub mod shared;
pub mod span;

pub use alert::AlertValue;
pub use cadence::Cadence;
pub use catalog::{HealthSet, Probe, ProbeKind, Protocol, Role};
pub use fleet::{
    Cell, ExchangeTransition, FleetState, MetricReport, PollChange, ProbeReport, Server, Transition,
};
pub use monitors::{Monitor, MonitorKind};
pub use rules::{MonitorPolicy, Rule};
pub use span::Span;
