//! Where steps run: on this machine, over SSH, or through PowerShell remoting. The one
//! module that quotes what a remote shell receives (`quote`), the per-server locks and
//! restart budgets shared by every console on one state directory (`guard`).

pub mod guard;
pub mod pwsh;
pub mod quote;
pub mod transport;
