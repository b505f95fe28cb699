//! Rows whose cells do not sit under their header labels (tables copied from unruled PDFs,
//! where merged cells leave a different number of tabs on every line): each non-empty cell is
//! assigned to a column of its kind — an amount to a money column, a label to a text column —
//! in order, as near to its own position as it can be. Only rows the header cannot place are
//! realigned; a row that fits stays as it is.

use super::header::{Column, Role};
use crate::layout;

/// What a cell holds, for deciding which columns may take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Decimals or thousands separators: money.
    Money,
    /// Digits only: a small amount, a count or a code.
    Digits,
    /// A dash or slash standing for nothing: fits anywhere.
    Nothing,
    Text,
}

fn content(cell: &str) -> Content {
    if layout::is_decimal_amount(cell) {
        Content::Money
    } else if cell.bytes().all(|b| b.is_ascii_digit()) {
        Content::Digits
    } else if cell
        .chars()
        .all(|c| matches!(c, '-' | '—' | '–' | '/' | '／' | '*' | '－'))
    {
        Content::Nothing
    } else {
        Content::Text
    }
}

/// Roles whose columns hold numbers that are no money.
fn numeric(role: Role) -> bool {
    matches!(
        role,
        Role::Quantity | Role::UnitPrice | Role::ProjectBudget | Role::Reserved
    )
}

fn code_like(role: Role) -> bool {
    matches!(
        role,
        Role::Code
            | Role::CodeClass
            | Role::CodeSection
            | Role::CodeItem
            | Role::GovCode
            | Role::GovCodeClass
            | Role::GovCodeSection
            | Role::UnitCode
            | Role::RowNo
            | Role::CatalogNo
    )
}

/// Whether a column may take this content when a row is realigned.
fn fits(c: Content, role: Role) -> bool {
    match c {
        Content::Money => role.is_money() || numeric(role),
        Content::Digits => role.is_money() || numeric(role) || code_like(role),
        Content::Nothing => true,
        Content::Text => !role.is_money() && !numeric(role) && !code_like(role),
    }
}

/// Whether the header places every cell of the row: no amount outside the header or under a
/// label that names no money, no label under a money label, no two amounts under one label.
/// Digits and dashes are taken where they stand (a count, a code, nothing).
pub(super) fn fits_header(cells: &[String], columns: &[Column]) -> bool {
    let mut seen: Vec<&Vec<String>> = Vec::new();
    for (i, cell) in cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty())
    {
        let kind = content(cell.trim());
        let Some(col) = columns.get(i) else {
            if kind == Content::Money {
                return false;
            }
            continue;
        };
        let misplaced = match kind {
            // Under a label we do not read is fine; under no label at all is not.
            Content::Money => {
                !(fits(kind, col.role) || (col.role == Role::Text && !col.path.is_empty()))
            }
            Content::Text => col.role.is_money(),
            Content::Digits | Content::Nothing => false,
        };
        if misplaced {
            return false;
        }
        if matches!(kind, Content::Money | Content::Digits) && col.role.is_money() {
            if seen.contains(&&col.path) {
                return false;
            }
            seen.push(&col.path);
        }
    }
    true
}

/// The columns a cell can be assigned to: where a header label starts (a label spanning
/// several cells gives one column).
fn targets(columns: &[Column]) -> Vec<&Column> {
    let mut out: Vec<&Column> = Vec::new();
    for c in columns {
        // A code label over 类|款|项 cells keeps each cell: the parts of a split code.
        let span = out.last().is_some_and(|p| p.path == c.path) && !code_like(c.role);
        if span || c.path.is_empty() {
            continue;
        }
        out.push(c);
    }
    out
}

/// The row's cells moved under the columns of their kind, in order, each as near to its own
/// position as possible; `None` when no such assignment exists. Returns the cells (one per
/// column) and, for each column, the position the cell came from.
pub(super) fn realign(cells: &[String], columns: &[Column]) -> Option<(Vec<String>, Vec<usize>)> {
    let items: Vec<(usize, &str, Content)> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.trim()))
        .filter(|(_, c)| !c.is_empty())
        .map(|(i, c)| (i, c, content(c)))
        .collect();
    let cols = targets(columns);
    let (n, m) = (items.len(), cols.len());
    if n == 0 || n > m {
        return None;
    }
    const NONE: usize = usize::MAX;
    // cost[i][j]: the least cost of placing the first i cells within the first j columns.
    let mut cost = vec![vec![NONE; m + 1]; n + 1];
    cost[0].fill(0);
    for i in 1..=n {
        let (pos, _, kind) = items[i - 1];
        for j in i..=m {
            let skip = cost[i][j - 1];
            let col = cols[j - 1];
            let take = if fits(kind, col.role) && cost[i - 1][j - 1] != NONE {
                cost[i - 1][j - 1] + pos.abs_diff(col.index)
            } else {
                NONE
            };
            cost[i][j] = skip.min(take);
        }
    }
    if cost[n][m] == NONE {
        return None;
    }
    // Walk back to the assignment.
    let width = columns.len();
    let mut out = vec![String::new(); width];
    let mut from = vec![usize::MAX; width];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if cost[i][j] == cost[i][j - 1] {
            j -= 1;
            continue;
        }
        let (pos, text, _) = items[i - 1];
        let col = cols[j - 1].index;
        out[col] = text.to_owned();
        from[col] = pos;
        i -= 1;
        j -= 1;
    }
    Some((out, from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::header::columns_from_header;

    fn header(rows: &[&str]) -> Vec<Column> {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.split('\t').map(str::to_owned).collect())
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        columns_from_header(&rows, width)
    }

    fn cells(line: &str) -> Vec<String> {
        line.split('\t').map(str::to_owned).collect()
    }

    #[test]
    fn a_ragged_row_moves_under_its_labels() {
        // Jiangsu 19: the header one cell to the right of its rows.
        let cols = header(&["\t科目编码\t\t\t科目名称\t\t\t金额\t"]);
        let row = cells("30101\t\t\t基本工资\t\t\t2,171.78\t\t");
        assert!(!fits_header(&row, &cols));
        let (out, from) = realign(&row, &cols).unwrap();
        assert_eq!(
            (out[1].as_str(), out[4].as_str(), out[7].as_str()),
            ("30101", "基本工资", "2,171.78")
        );
        assert_eq!((from[1], from[4], from[7]), (0, 3, 6));
        // A row that fits stays as it is.
        assert!(fits_header(
            &cells("\t30101\t\t\t基本工资\t\t\t2,171.78"),
            &cols
        ));
    }

    #[test]
    fn two_amounts_under_one_label_are_spread() {
        // Jiangsu 19's 三公 table: 会议费 and 培训费 printed one cell left of their labels.
        let cols = header(&[
            "合计\t\t“三公”经费\t\t\t\t\t会议费\t培训费",
            "\t\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t公务接待费\t\t",
            "\t\t\t\t小计\t运行维护费\t\t\t",
        ]);
        let row = cells("1276.7\t\t418.26\t80\t237\t237\t101.26\t158.44\t700");
        assert!(fits_header(&row, &cols));
        let row = cells("1276.7\t\t418.26\t80\t237\t237\t101.26\t158.44\t700\t");
        let shifted = cells("1276.7\t\t418.26\t80\t237\t237\t101.26\t158.44\t\t");
        assert!(fits_header(&shifted, &cols));
        let _ = row;
    }
}
