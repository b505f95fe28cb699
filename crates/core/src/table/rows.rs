//! Data rows: cells typed by their column's role, codes joined from split cells.

use super::header::{Column, Role};
use super::{Cell, Row};
use crate::amount::Amount;
use crate::layout;

/// A code split over 类|款|项 cells, joined; a 款 or 项 printed without its leading zero
/// (`2` for `02`) is padded.
pub(super) fn join_code(class: &str, section: &str, item: &str) -> Option<String> {
    let digits = |p: &str| -> Option<String> {
        let d: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        (!d.is_empty() && d.len() <= 3 && d.chars().all(|c| c.is_ascii_digit())).then_some(d)
    };
    let mut parts: Vec<String> = [class, section, item]
        .iter()
        .filter_map(|p| digits(p))
        .collect();
    let class_ok = parts.first().is_some_and(|c| c.len() == 3);
    for p in parts.iter_mut().skip(1) {
        if p.len() == 1 {
            p.insert(0, '0');
        }
    }
    (class_ok && parts.iter().skip(1).all(|p| p.len() == 2)).then(|| parts.concat())
}

/// Where each cell of a row came from on its source line.
#[derive(Debug, Clone, Copy)]
pub(super) enum Origin<'a> {
    /// Cell `i` is the line's cell `i`, shifted back by one after a blank re-inserted here.
    Inserted(Option<usize>),
    /// Cell `i` came from the line's cell `from[i]` (a realigned row).
    Moved(&'a [usize]),
}

impl Origin<'_> {
    fn raw(self, i: usize) -> usize {
        match self {
            Origin::Inserted(Some(k)) if i > k => i - 1,
            Origin::Inserted(_) => i,
            Origin::Moved(from) => from.get(i).copied().unwrap_or(i),
        }
    }
}

/// A code printed in the unlabelled column just left of the code column (Jiangsu's unruled
/// tables print a 类 code, a short one, a column further left than its 款 and 项).
fn code_left_of_its_column(cells: &[String], columns: &[Column]) -> Option<String> {
    let first = columns.iter().position(|c| c.role == Role::Code)?;
    let at = first.checked_sub(1)?;
    if !columns.get(at)?.path.is_empty() || cells.get(first).is_some_and(|t| !t.trim().is_empty()) {
        return None;
    }
    layout::code_digits(cells.get(at)?).filter(|d| matches!(d.len(), 3 | 5 | 7))
}

pub(super) fn build_row(
    line_no: usize,
    cells: &[String],
    columns: &[Column],
    origin: Origin<'_>,
) -> Row {
    let role_at = |i: usize| columns.get(i).map_or(Role::Text, |c| c.role);
    let out: Vec<Cell> = cells
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| {
            let role = role_at(i);
            let numeric = role.is_money()
                || matches!(
                    role,
                    Role::Quantity | Role::UnitPrice | Role::ProjectBudget | Role::Reserved
                )
                || (role == Role::Text && layout::is_decimal_amount(t));
            Cell {
                col: i,
                text: t.clone(),
                amount: if numeric { Amount::parse(t) } else { None },
                line: line_no,
                raw: origin.raw(i),
            }
        })
        .collect();
    let mut row = Row {
        line: line_no,
        continued: Vec::new(),
        cells: out,
        code: None,
        gov_code: None,
        unit_code: None,
        name: None,
    };
    identify_by(&mut row, columns, cells);
    row
}

/// A row joined from several lines (a row printed as a band, `bands`): its codes and name
/// read again from its joined cells (`302` on one line, its `01` on the next).
pub(super) fn identify(row: &mut Row, columns: &[Column]) {
    (row.code, row.gov_code, row.unit_code, row.name) = (None, None, None, None);
    let width = row.cells.iter().map(|c| c.col + 1).max().unwrap_or(0);
    let mut cells = vec![String::new(); width];
    for c in &row.cells {
        cells[c.col] = c.text.clone();
    }
    identify_by(row, columns, &cells);
}

/// The row's codes and name, each where it has none yet, read from its cells' texts.
fn identify_by(row: &mut Row, columns: &[Column], cells: &[String]) {
    let text_of = |role: Role| -> &str {
        columns
            .iter()
            .find(|c| c.role == role)
            .and_then(|c| cells.get(c.index))
            .map_or("", String::as_str)
    };
    if row.code.is_none() {
        row.code = layout::code_digits(text_of(Role::Code))
            .or_else(|| {
                join_code(
                    text_of(Role::CodeClass),
                    text_of(Role::CodeSection),
                    text_of(Role::CodeItem),
                )
            })
            .or_else(|| code_left_of_its_column(cells, columns));
    }
    if row.gov_code.is_none() {
        row.gov_code = layout::code_digits(text_of(Role::GovCode)).or_else(|| {
            join_code(
                text_of(Role::GovCodeClass),
                text_of(Role::GovCodeSection),
                "",
            )
        });
    }
    if row.unit_code.is_none() {
        row.unit_code = layout::code_digits(text_of(Role::UnitCode));
    }
    if row.name.is_none() {
        row.name = columns
            .iter()
            .filter(|c| c.role == Role::Name)
            .filter_map(|c| cells.get(c.index))
            .find(|t| !t.is_empty())
            .cloned();
    }
}

/// A row whose name came on a line of its own (printed below its code line): named by its
/// name column's cell, when it has no name yet.
pub(super) fn fill_name(row: &mut Row, columns: &[Column]) {
    if row.name.is_some() {
        return;
    }
    row.name = columns
        .iter()
        .filter(|c| c.role == Role::Name)
        .filter_map(|c| row.cell(c.index))
        .map(|c| c.text.trim())
        .find(|t| !t.is_empty())
        .map(str::to_owned);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::header::columns_from_header;

    fn columns(header: &str) -> Vec<Column> {
        let cells: Vec<String> = header.split('\t').map(str::to_owned).collect();
        columns_from_header(std::slice::from_ref(&cells), cells.len())
    }

    fn cells(line: &str) -> Vec<String> {
        line.split('\t').map(str::to_owned).collect()
    }

    #[test]
    fn codes_split_over_columns_are_joined() {
        assert_eq!(join_code("208", "05", "05").as_deref(), Some("2080505"));
        assert_eq!(join_code("208", "", "").as_deref(), Some("208"));
        assert_eq!(join_code("2", "05", "05"), None, "a class has three digits");
        assert_eq!(
            join_code("201", "3", "01").as_deref(),
            Some("2010301"),
            "a 款 printed without its leading zero"
        );
        let cols = columns("类\t款\t项\t科目名称\t合计");
        let row = build_row(
            9,
            &cells("208\t05\t05\t机关养老\t4.57"),
            &cols,
            Origin::Inserted(None),
        );
        assert_eq!(row.code.as_deref(), Some("2080505"));
        assert_eq!(row.name.as_deref(), Some("机关养老"));
        assert_eq!(row.amount(4).map(|a| a.printed()).as_deref(), Some("4.57"));
    }

    #[test]
    fn cells_are_typed_by_their_column() {
        let cols = columns("科目编码\t科目名称\t合计");
        let row = build_row(
            3,
            &cells("2101501\t行政运行\t"),
            &cols,
            Origin::Inserted(None),
        );
        assert_eq!(row.code.as_deref(), Some("2101501"));
        // A blank cell is no cell: blank is not zero.
        assert_eq!(row.cells.len(), 2);
        assert!(row.amount(0).is_none(), "a code is not an amount");
        // A re-inserted blank shifts the raw positions of the cells after it.
        let row = build_row(
            3,
            &cells("2101501\t\t5.00"),
            &cols,
            Origin::Inserted(Some(1)),
        );
        assert_eq!(row.cell(2).map(|c| c.raw), Some(1));
    }
}
