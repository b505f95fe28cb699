//! The reviewers' checklist as a spreadsheet: the same rows as `checklist-csv` (the writer is the
//! core's, shared with the page).

use yusuan_core::checklist::rows;
use yusuan_core::report::FileReport;

/// The checklist workbook's bytes; an error's text where the writer failed.
pub fn checklist(files: &[FileReport]) -> Result<Vec<u8>, String> {
    yusuan_core::checklist::xlsx::workbook(&rows(files))
}
