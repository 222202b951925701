//! Runbooks as data: the YAML format and its lint, the library of procedures, the pure
//! engine that walks them, and the platforms that turn steps into commands.

pub mod debt;
pub mod frame;
pub mod library;
pub mod lint;
pub mod platform;
pub mod spec;
pub mod step;
pub mod titles;
pub mod vocabulary;
pub mod walk;

pub use debt::{Debt, Ledger};
pub use library::{Library, Procedure, Source};
pub use spec::localized;
pub use step::{
    Answer, Next, Outcome, Owed, SkipReason, StepCall, StepExit, StepRecord, StepStatus,
};
pub use vocabulary::{Condition, Ending, Expectation, RecoveryAction};
pub use walk::{Upcoming, Walk, WalkError};
