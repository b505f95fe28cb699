//! The check, end to end: decode → parse → rules → report, unit by unit. The CLI, the page's
//! worker and `window.yusuan.check` all go through here.

use crate::model::{Document, Unit};
use crate::report::{FileReport, UnitReport};

/// Checks bytes and produces the report for one input. Never panics; unusable input is
/// reported with a message instead of units.
pub fn check_bytes(path: &str, bytes: &[u8]) -> FileReport {
    match crate::parse_bytes(bytes) {
        Ok(doc) => check_document(path, &doc),
        Err(e) => FileReport::unusable(path, e.to_string()),
    }
}

/// Every rule on every unit of a parsed document.
pub fn check_document(path: &str, doc: &Document) -> FileReport {
    let units = doc
        .units
        .iter()
        .map(|u| check_unit(&doc.lines, u))
        .collect();
    FileReport::new(path, doc.encoding, units)
}

/// Every rule on one unit; `lines` are the document's normalised source lines.
pub fn check_unit(lines: &[String], unit: &Unit) -> UnitReport {
    let (findings, outcomes) = crate::rules::run(lines, unit);
    UnitReport::new(unit, findings, outcomes)
}
