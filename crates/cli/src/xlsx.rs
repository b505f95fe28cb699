//! The reviewers' checklist as a spreadsheet: the same rows as `checklist-csv`, a frozen header,
//! wrapped text and each verdict coloured.

use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook};
use yusuan_core::checklist::{header, rows, Item, UNIT_COLUMNS};
use yusuan_core::report::FileReport;

/// The checklist workbook's bytes; an error's text where the writer failed.
pub fn checklist(files: &[FileReport]) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("检查清单").map_err(|e| e.to_string())?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xEEEEEE));
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let fails = wrap.clone().set_font_color(Color::RGB(0xAA1111));
    for (c, title) in header().iter().enumerate() {
        sheet
            .write_with_format(0, col(c), *title, &bold)
            .map_err(|e| e.to_string())?;
    }
    for (r, row) in rows(files).iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|e| e.to_string())?;
        for (c, text) in row.iter().enumerate() {
            let format = if text.starts_with("不符合") {
                &fails
            } else {
                &wrap
            };
            sheet
                .write_with_format(r, col(c), text, format)
                .map_err(|e| e.to_string())?;
        }
    }
    for c in 0..UNIT_COLUMNS.len() {
        sheet
            .set_column_width(col(c), 16)
            .map_err(|e| e.to_string())?;
    }
    for c in UNIT_COLUMNS.len()..UNIT_COLUMNS.len() + Item::ALL.len() {
        sheet
            .set_column_width(col(c), 48)
            .map_err(|e| e.to_string())?;
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// A column index as the writer counts them (the layout has a dozen columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
