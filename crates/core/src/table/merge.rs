//! Joining what a page break or a narrow column split: a table continued under its repeated
//! title on the next page, and a row wrapped over several lines.

use super::detect::Block;
use super::pages::is_ordinal_label;
use super::{Row, TableKind};
use crate::layout;
use crate::normalize::fold_punct;

/// The same title repeated on the next page, after nothing but blank lines, continues the table.
pub(super) fn merge_continuations(lines: &[String], blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for b in blocks {
        if let Some(prev) = out.last_mut() {
            let prev_end = prev.lines.last().copied().unwrap_or(prev.title_line);
            let gap_blank = lines
                .get(prev_end + 1..b.title_line)
                .is_some_and(|gap| gap.iter().all(|l| layout::is_blank(l)));
            if prev.kind == b.kind && fold_punct(&prev.title) == fold_punct(&b.title) && gap_blank {
                prev.lines.push(b.title_line);
                prev.lines.extend(b.lines);
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// A wrapped line: no figure, no code, no row number, no label of its own.
pub(super) fn is_continuation(row: &Row, kind: TableKind) -> bool {
    if matches!(
        kind,
        TableKind::BudgetSummary
            | TableKind::FiscalSummary
            | TableKind::Assets
            | TableKind::OrgStructure
            | TableKind::ThreePublic
    ) {
        return false;
    }
    let first = row
        .cells
        .first()
        .map(|c| fold_punct(&c.text))
        .unwrap_or_default();
    row.cells
        .iter()
        .all(|c| c.amount.is_none() && !layout::is_decimal_amount(&c.text))
        && row.code.is_none()
        && row.unit_code.is_none()
        && layout::code_digits(&first).is_none()
        && !is_ordinal_label(&first)
        && first != "合计"
}

pub(super) fn merge_into(prev: &mut Row, cont: Row) {
    prev.continued.push(cont.line);
    for cell in cont.cells {
        let target = match prev.cells.iter().position(|c| c.col == cell.col) {
            // A wrapped label that landed in an amount column belongs to the text cell on its left.
            Some(p) if prev.cells[p].amount.is_some() => {
                prev.cells[..p].iter().rposition(|c| c.amount.is_none())
            }
            other => other,
        };
        match target {
            Some(p) => {
                prev.cells[p].text.push_str(&cell.text);
                if prev
                    .name
                    .as_deref()
                    .is_some_and(|n| prev.cells[p].text.starts_with(n))
                {
                    prev.name = Some(prev.cells[p].text.clone());
                }
            }
            None => {
                let at = prev
                    .cells
                    .iter()
                    .position(|c| c.col > cell.col)
                    .unwrap_or(prev.cells.len());
                prev.cells.insert(at, cell);
            }
        }
    }
}
