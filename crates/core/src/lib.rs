//! yusuan-core: read a Chinese budget disclosure (部门预算/单位预算信息公开) and rebuild its tables.
//!
//! Pipeline: bytes → [`decode`] → normalised lines → tables ([`table`]) → units and prose
//! facts ([`model`], [`facts`]) → rules → report.

pub mod amount;
pub mod decode;
pub mod facts;
pub mod header;
pub mod html;
pub mod kind;
pub mod layout;
pub mod model;
pub mod normalize;
pub mod report;
pub mod rules;
pub mod table;

pub use amount::{Amount, Interval};
pub use decode::{DecodeError, Encoding};
pub use header::{Column, Role, Scope};
pub use kind::TableKind;
pub use model::{Document, Template, Unit};
pub use report::{FileReport, Finding, Report, Severity};
pub use table::{Cell, Row, Table};

/// Reads a file's bytes: decodes, normalises and rebuilds the document.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, DecodeError> {
    let (text, encoding) = decode::decode(bytes)?;
    Ok(parse_text(&text, encoding))
}

/// Checks bytes and produces the report for one input. Never panics; unusable input is
/// reported with a message instead of units.
pub fn check_bytes(path: &str, bytes: &[u8]) -> FileReport {
    match parse_bytes(bytes) {
        Ok(doc) => FileReport::from_document(path, &doc),
        Err(e) => FileReport::unusable(path, e.to_string()),
    }
}

/// Rebuilds a document from already-decoded text.
pub fn parse_text(text: &str, encoding: Encoding) -> Document {
    // A saved web page or rich-text paste: rebuild the tab-separated text first.
    let converted;
    let text = if html::looks_like_html(text) {
        converted = html::to_text(text);
        converted.as_str()
    } else {
        text
    };
    let lines = normalize::normalize_text(text);
    model::build(lines, encoding)
}
