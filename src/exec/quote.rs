//! Quoting for remote shells: POSIX sh and PowerShell. Nothing else in the program quotes.
