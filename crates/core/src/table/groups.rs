//! Group labels set back on their group's first row. A label whose cell spans several rows is
//! printed at the cell's middle by a text export, and by some copies (Jiangsu's 收入预算总表:
//! `一般公共预算资金` beside the row under its `小计`, `其他资金` on a line of its own between
//! two of its rows); a ruled copy puts it on the first row, the group's `小计`. Read either way,
//! the group is the same rows under the same label.

use super::header::{Column, Role};
use super::Row;

/// Moves each group label to its group's subtotal row. A group label stands in the column
/// left of the item names of a table that names its rows in two columns (group, item): a column
/// of text, not codes, that is sparse (filled in at most half the rows whose item is named) or
/// has a group's label on its subtotal row (`政府性基金 | 小计`). A label on a row that is not a
/// subtotal moves up to the nearest subtotal row above whose group column is empty, when no
/// other label stands between. A row left empty goes. Returns the lines whose label moved and
/// what was done.
pub(super) fn raise(columns: &[Column], rows: &mut Vec<Row>) -> Vec<(usize, String)> {
    let names: Vec<usize> = columns
        .iter()
        .filter(|c| c.role == Role::Name)
        .map(|c| c.index)
        .collect();
    let texts: Vec<usize> = columns
        .iter()
        .filter(|c| matches!(c.role, Role::Name | Role::Text))
        .map(|c| c.index)
        .collect();
    let Some(group) = group_column(&names, &texts, rows) else {
        return Vec::new();
    };
    let label = |r: &Row| r.cells.iter().position(|c| c.col == group);
    let subtotal = |r: &Row| is_subtotal(r, group, &names);
    let mut done = Vec::new();
    for k in 0..rows.len() {
        let Some(at) = label(&rows[k]) else { continue };
        if subtotal(&rows[k]) {
            continue;
        }
        let above = (0..k)
            .rev()
            .take_while(|&j| label(&rows[j]).is_none())
            .find(|&j| subtotal(&rows[j]));
        let Some(j) = above else { continue };
        let cell = rows[k].cells.remove(at);
        done.push((
            cell.line,
            format!(
                "第{}行的“{}”是其组的标签，移到该组的小计行（第{}行）",
                cell.line, cell.text, rows[j].line
            ),
        ));
        let head = &mut rows[j];
        head.name = Some(cell.text.clone());
        let pos = head.cells.partition_point(|c| c.col < cell.col);
        head.cells.insert(pos, cell);
        let rest = &mut rows[k];
        rest.name = rest
            .cells
            .iter()
            .find(|c| names.contains(&c.col))
            .map(|c| c.text.clone());
    }
    rows.retain(|r| !r.cells.is_empty());
    done
}

/// A row whose item (a name right of the group column) is a subtotal.
fn is_subtotal(r: &Row, group: usize, names: &[usize]) -> bool {
    r.cells
        .iter()
        .any(|c| c.col > group && names.contains(&c.col) && c.text.trim().ends_with("小计"))
}

/// The group column: the leftmost column of text (`texts`) filled in, when a name column right
/// of it holds a subtotal, no cell of it holds a digit, and it is sparse or labels a subtotal.
fn group_column(names: &[usize], texts: &[usize], rows: &[Row]) -> Option<usize> {
    let group = rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| texts.contains(&c.col))
        .map(|c| c.col)
        .min()?;
    let labelled = |r: &Row| r.cells.iter().any(|c| c.col == group);
    let items = |r: &Row| {
        r.cells
            .iter()
            .any(|c| c.col > group && names.contains(&c.col))
    };
    let text = rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| c.col == group)
        .all(|c| !c.text.chars().any(|ch| ch.is_ascii_digit()));
    let subtotals = rows.iter().any(|r| is_subtotal(r, group, names));
    let sparse =
        rows.iter().filter(|r| labelled(r)).count() * 2 <= rows.iter().filter(|r| items(r)).count();
    let labels_subtotal = rows
        .iter()
        .any(|r| labelled(r) && is_subtotal(r, group, names));
    (text && subtotals && (sparse || labels_subtotal)).then_some(group)
}
