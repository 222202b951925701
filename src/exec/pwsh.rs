//! The PowerShell transport: one script per step for `pwsh -NoProfile -NonInteractive -Command`.
