//! Per-server locks on destructive actions and restart budgets, in the state directory.
