//! The reviewers' checklist as an Excel workbook (the CLI's `checklist-xlsx`, the page's Excel
//! export): the same rows as the CSV, a frozen bold header, wrapped text, each failing verdict in
//! red. SpreadsheetML written directly into a `zip` archive with stored entries: the page carries
//! no compressor and no spreadsheet library for one sheet of text (a full writer, with its deflate
//! and zopfli, added 550 KB to the page's module).

use super::{header, Item, UNIT_COLUMNS};
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Cell styles, by their index in `styles.xml`.
const PLAIN: u8 = 2;
const HEADER: u8 = 1;
const FAILS: u8 = 3;

/// The workbook's bytes for these checklist rows (cells in [`header`] order); the archive
/// writer's error as text where it fails.
pub fn workbook(rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let parts: [(&str, String); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("xl/workbook.xml", WORKBOOK.to_owned()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_owned()),
        ("xl/styles.xml", STYLES.to_owned()),
        ("xl/worksheets/sheet1.xml", sheet(rows)),
    ];
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}

/// The worksheet: column widths, the frozen header row, then one row per unit.
fn sheet(rows: &[Vec<String>]) -> String {
    let items = UNIT_COLUMNS.len() + Item::ALL.len();
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
    ));
    out.push_str(&format!(
        r#"<cols><col min="1" max="{}" width="16" customWidth="1"/><col min="{}" max="{items}" width="48" customWidth="1"/></cols><sheetData>"#,
        UNIT_COLUMNS.len(),
        UNIT_COLUMNS.len() + 1,
    ));
    let head: Vec<String> = header().iter().map(|h| (*h).to_owned()).collect();
    row(&mut out, 1, &head, |_| HEADER);
    for (r, cells) in rows.iter().enumerate() {
        row(&mut out, r + 2, cells, |text| {
            if text.starts_with("不符合") {
                FAILS
            } else {
                PLAIN
            }
        });
    }
    out.push_str("</sheetData></worksheet>");
    out
}

/// One row of inline-string cells, each styled by `style`.
fn row(out: &mut String, n: usize, cells: &[String], style: impl Fn(&str) -> u8) {
    out.push_str(&format!(r#"<row r="{n}">"#));
    for (c, text) in cells.iter().enumerate() {
        out.push_str(&format!(
            r#"<c r="{}{n}" s="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
            column_name(c),
            style(text),
            escape(text)
        ));
    }
    out.push_str("</row>");
}

/// `A`, `B`, … `Z`, `AA`: a 0-based column index as Excel names it.
fn column_name(mut c: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Text as XML character data; characters XML 1.0 cannot hold are left out.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    r#"</Types>"#,
);

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    r#"</Relationships>"#,
);

const WORKBOOK: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<sheets><sheet name="检查清单" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
);

const WORKBOOK_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"</Relationships>"#,
);

/// Fonts: plain, bold, red. Fills: none, gray125 (both required), light grey. Styles: 0 default,
/// 1 header (bold on grey), 2 wrapped at the top, 3 wrapped red.
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><sz val="11"/><color rgb="FFAA1111"/><name val="Calibri"/></font></fonts>"#,
    r#"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEEEEEE"/><bgColor indexed="64"/></patternFill></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
    r#"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    r#"</styleSheet>"#,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_and_escaping() {
        let names: Vec<String> = [0, 25, 26, 27, 51, 52, 701, 702].map(column_name).to_vec();
        assert_eq!(names, ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
        assert_eq!(escape("a<b & \"c\"\u{1}\n"), "a&lt;b &amp; &quot;c&quot;\n");
    }

    #[test]
    fn a_workbook_is_a_zip_of_its_parts() {
        let rows = vec![vec![
            "f.txt".to_owned(),
            "不符合：TXT-010 <占比>".to_owned(),
        ]];
        let bytes = workbook(&rows).unwrap();
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        let text = String::from_utf8_lossy(&bytes);
        for part in [
            "[Content_Types].xml",
            "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
        ] {
            assert!(text.contains(part), "{part}");
        }
        // Stored, not compressed: the escaped cell text is in the archive as written, in red.
        assert!(text.contains(
            r#"s="3" t="inlineStr"><is><t xml:space="preserve">不符合：TXT-010 &lt;占比&gt;</t>"#
        ));
    }
}
