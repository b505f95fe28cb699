//! The page (crates/web) and the checker module (crates/check-web) are two wasm modules: the
//! page shows, the checker checks. This crate is what both know: the messages between them
//! ([`messages`]), what the page shows of a checked unit ([`shown`]), and the one function
//! that answers a request ([`answer`]), which only the checker module calls — so the page's
//! module carries the core's types but none of its checking.

pub mod messages;
pub mod shown;

pub use messages::*;
pub use shown::{CellShown, RowShown, TableShown, UnitShown};
