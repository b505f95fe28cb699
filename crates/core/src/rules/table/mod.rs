//! 表内勾稽: arithmetic inside one table — across each row, and down each column.

mod code_levels;
mod outline_levels;
mod procurement_lines;
mod row_totals;

pub use code_levels::CodeLevels;
pub use outline_levels::OutlineLevels;
pub use procurement_lines::ProcurementLines;
pub use row_totals::RowTotals;
