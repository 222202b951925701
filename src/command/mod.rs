//! What a step's command is, before anything runs it: the one module that quotes what a
//! remote shell receives (`quote`), the PowerShell script of an Exchange step (`pwsh`), and
//! the local argv that carries a step to its server (`transport`). Pure: no process, no
//! file, no network; `exec` and `runtime` run what these build (ARCHITECTURE "Directions").

pub mod managed;
pub mod pwsh;
pub mod quote;
pub mod transport;
