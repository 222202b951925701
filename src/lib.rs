//! healthdeck: a terminal operations console for on-call mail engineers.

pub mod action;
pub mod app;
pub mod check;
pub mod cli;
pub mod command;
pub mod config;
pub mod effect;
pub mod event;
pub mod exec;
pub mod guardrails;
pub mod health;
pub mod incident;
pub mod job;
pub mod keymap;
pub mod launch;
pub mod layout;
pub mod lint;
pub mod logging;
pub mod probe_plan;
pub mod runbook;
pub mod runtime;
pub mod shell;
pub mod terminal;
pub mod training;
pub mod ui;
pub mod update;
