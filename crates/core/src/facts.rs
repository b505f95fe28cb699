//! Figures stated in the 情况说明 prose.

use crate::table::Table;
use serde::Serialize;

/// A figure the prose states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub line: usize,
}

pub fn extract(_lines: &[String], _span: (usize, usize), _tables: &[Table]) -> Vec<Fact> {
    Vec::new()
}
