//! Understand or abstain: whether a rebuilt table is understood well enough to be checked. A
//! table is not understood when its header gave no money columns its kind needs, when amounts
//! sit where no money column is (outside the header, under a text column, two in one column),
//! or when its own sums fail wholesale (the columns are likely mapped wrong). Rules never check
//! such a table: their outcome is "not applicable: table not understood", never a finding.

use super::header::{identities, Role, Scope};
use super::{Table, TableKind};
use crate::amount::Interval;
use crate::layout;
use rust_decimal::Decimal;

/// Why the table is not understood; `None` when it is.
pub(super) fn assess(t: &Table) -> Option<String> {
    // Tables that hold no money (机构设置情况) or are read as key/value pairs are taken as read.
    if t.key_value || t.empty || t.kind == TableKind::OrgStructure {
        return None;
    }
    missing_columns(t)
        .or_else(|| misplaced_amount(t))
        .or_else(|| failing_sums(t))
}

/// The columns a kind cannot be read without.
fn missing_columns(t: &Table) -> Option<String> {
    let has = |scope: Scope, pred: &dyn Fn(Role) -> bool| {
        t.columns.iter().any(|c| c.scope == scope && pred(c.role))
    };
    let money = |r: Role| r.is_money();
    let named = |r: Role| matches!(r, Role::Name);
    if !t.columns.iter().any(|c| c.role.is_money()) {
        return Some("表头中没有认出金额列".into());
    }
    match t.kind {
        TableKind::BudgetSummary | TableKind::FiscalSummary => {
            for (scope, side) in [(Scope::Income, "收入"), (Scope::Expenditure, "支出")] {
                if !(has(scope, &named) && has(scope, &money)) {
                    return Some(format!("表头中没有认出{side}方的项目与金额列"));
                }
            }
            None
        }
        TableKind::ThreePublic => {
            let row_form = t.columns.iter().any(|c| c.role == Role::Name);
            let items = [Role::Abroad, Role::Reception]
                .iter()
                .all(|r| t.columns.iter().any(|c| c.role == *r));
            (!row_form && !items).then(|| "表头中没有认出“三公”各项的列".into())
        }
        _ => None,
    }
}

/// Roles whose columns hold numbers that are no money.
fn numeric(role: Role) -> bool {
    matches!(
        role,
        Role::Quantity
            | Role::UnitPrice
            | Role::ProjectBudget
            | Role::Reserved
            | Role::RowNo
            | Role::CatalogNo
            | Role::Indicator
    )
}

/// An amount the columns cannot place: outside the header, under a text label, or a second
/// amount under the same label in one row.
fn misplaced_amount(t: &Table) -> Option<String> {
    for r in &t.rows {
        let amounts: Vec<_> = r
            .cells
            .iter()
            .filter(|c| c.amount.is_some() && layout::is_decimal_amount(&c.text))
            .collect();
        for (k, c) in amounts.iter().enumerate() {
            let Some(col) = t.columns.get(c.col) else {
                return Some(format!("第{}行的金额 {} 落在表头之外", c.line, c.text));
            };
            if !col.role.is_money() && !numeric(col.role) && col.role != Role::Text {
                return Some(format!(
                    "第{}行的金额 {} 落在非金额列「{}」下",
                    c.line,
                    c.text,
                    col.label()
                ));
            }
            let twin = amounts[..k].iter().find(|o| {
                t.columns
                    .get(o.col)
                    .is_some_and(|oc| oc.path == col.path && col.role.is_money())
            });
            if let Some(o) = twin {
                return Some(format!(
                    "第{}行的金额 {} 与 {} 落在同一列「{}」下",
                    c.line,
                    o.text,
                    c.text,
                    col.label()
                ));
            }
        }
    }
    None
}

/// The header's sum identities failing on most rows: the columns are likely mapped wrong. A
/// row whose failures one wrong figure explains (one cell in every failing sum, each asking
/// the same value of it, in no sum that holds) is a data error, not doubt about the columns.
fn failing_sums(t: &Table) -> Option<String> {
    let ids = identities(&t.columns);
    let (mut checked, mut failed, mut unexplained) = (0usize, 0usize, 0usize);
    for r in &t.rows {
        let mut holding = Vec::new();
        let mut failing = Vec::new();
        for id in &ids {
            let Some(holds) = id.holds(|c| r.amount(c), blank()) else {
                continue;
            };
            checked += 1;
            if holds {
                holding.push(id);
            } else {
                failing.push(id);
            }
        }
        failed += failing.len();
        if !failing.is_empty() && !one_figure_explains(r, &failing, &holding) {
            unexplained += failing.len();
        }
    }
    // A table of no known kind is read on its header alone: one failing sum is doubt enough.
    if t.kind == TableKind::Other && failed > 0 {
        return Some(format!(
            "未知表种，表内 {checked} 处合计关系有 {failed} 处不成立，列的对应无法确认"
        ));
    }
    (unexplained >= 2 && unexplained * 2 > checked)
        .then(|| format!("表内 {checked} 处合计关系有 {failed} 处不成立，列的对应可能有误"))
}

/// A blank cell: zero, give or take half a cent.
fn blank() -> Interval {
    Interval {
        lo: Decimal::new(-5, 3),
        hi: Decimal::new(5, 3),
    }
}

/// Whether one cell of the row, set to one value, would make every failing sum hold.
fn one_figure_explains(
    r: &super::Row,
    failing: &[&super::Identity],
    holding: &[&super::Identity],
) -> bool {
    let value = |col: usize| r.amount(col).map_or(Decimal::ZERO, |a| a.value);
    // The value `col` would need for `id` to hold.
    let needed = |id: &super::Identity, col: usize| -> Decimal {
        let parts: Decimal = id.parts.iter().map(|&p| value(p)).sum();
        if id.total == col {
            parts
        } else {
            value(id.total) - (parts - value(col))
        }
    };
    let involves = |id: &super::Identity, col: usize| id.total == col || id.parts.contains(&col);
    let mut candidates: Vec<usize> = std::iter::once(failing[0].total)
        .chain(failing[0].parts.iter().copied())
        .collect();
    candidates.retain(|&c| failing.iter().all(|id| involves(id, c)));
    candidates.retain(|&c| !holding.iter().any(|id| involves(id, c)));
    candidates.into_iter().any(|c| {
        let want = needed(failing[0], c);
        let tolerance = Decimal::new(1, 2);
        failing
            .iter()
            .all(|id| (needed(id, c) - want).abs() <= tolerance)
    })
}
