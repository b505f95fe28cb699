//! yusuan-core: read a Chinese budget disclosure (部门预算/单位预算信息公开) and rebuild its tables.
//!
//! Pipeline: bytes → [`decode`] → normalised lines → tables ([`table`]) → units and prose
//! facts ([`model`], [`facts`]) → rules → report.

/// Developer tracing of the parser's decisions (which column mapping won, and why): printed to
/// stderr only in a build with the `trace` feature, e.g.
/// `cargo run -p yusuan-core --features trace --example inspect -- FILE`; compiled out otherwise.
macro_rules! trace {
    ($($arg:tt)*) => {
        #[cfg(feature = "trace")]
        {
            eprintln!($($arg)*);
        }
        // Compiled out, the arguments still count as used.
        #[cfg(not(feature = "trace"))]
        {
            if false {
                let _ = format_args!($($arg)*);
            }
        }
    };
}

pub mod aligned;
pub mod amount;
pub mod check;
pub mod checklist;
pub mod classification;
pub mod decode;
pub mod diagnostic;
pub mod facts;
pub mod html;
pub mod layout;
pub mod model;
pub mod normalize;
pub mod pdf;
pub mod report;
pub mod rules;
pub mod table;
pub mod template;

pub use amount::{Amount, Interval};
pub use check::check_bytes;
pub use decode::{DecodeError, Encoding};
pub use model::{DisclosureKind, DisclosureScope, Document, Unit};
pub use report::{FileReport, Finding, Report, Severity};
pub use table::{Cell, Column, Role, Row, Scope, Table, TableKind};
pub use template::{TemplateId, TemplateMatch};

/// Reads a file's bytes: decodes, normalises and rebuilds the document.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, DecodeError> {
    let (text, encoding) = decode::decode(bytes)?;
    Ok(parse_text(&text, encoding))
}

/// Rebuilds a document from already-decoded text.
pub fn parse_text(text: &str, encoding: Encoding) -> Document {
    let (lines, reading) = read_lines(text);
    model::build(lines, encoding, &reading)
}

/// Decoded text as the normalised source lines everything else reads: a saved web page or a
/// rich-text paste becomes tab-separated text first; line `n` stays source line `n`.
pub fn source_lines(text: &str) -> Vec<String> {
    read_lines(text).0
}

/// [`source_lines`], and what reading them found: whether their columns were inferred (text
/// whose columns are aligned with spaces has them inferred, [`aligned`]) and a PDF's blank pages.
pub fn read_lines(text: &str) -> (Vec<String>, model::Reading) {
    let mut lines = if html::looks_like_html(text) {
        normalize::normalize_text(&html::to_text(text))
    } else {
        normalize::normalize_text(text)
    };
    let paged = text.contains('\u{c}');
    let inferred = aligned::infers_columns(lines.iter().map(String::as_str), paged);
    if inferred {
        aligned::tabulate_text(&mut lines);
    }
    let reading = model::Reading {
        columns_inferred: inferred,
        blank_pages: pdf::blank_pages(text),
        paged,
    };
    (lines, reading)
}
