//! What rules share: interval arithmetic, finding the figures to compare, the sink findings go
//! into, and the helpers of each family.

pub mod arith;
pub mod lookup;
pub mod performance;
pub mod prose;
pub mod sink;
pub mod stated;

/// The imports nearly every rule file needs.
pub mod prelude {
    pub use super::arith::{Fig, Verdict};
    pub use super::lookup::{absent, cell, table, table_total, total_row};
    pub use super::sink::Sink;
    pub use crate::diagnostic::{Family, Severity};
    pub use crate::normalize::{compact, fold_punct};
    pub use crate::rules::{Applies, Cx, RuleDoc};
    pub use crate::table::{Role, Row, Scope, Table, TableKind};
}
