//! 收支平衡: the balance identities of the two-sided summary tables, the row-wise 三公 table,
//! and the 其中 sub-lines of the income side.

mod budget_summary_balance;
mod fiscal_summary_balance;
mod part_lines;
mod three_public_rows;

pub use budget_summary_balance::BudgetSummaryBalance;
pub use fiscal_summary_balance::FiscalSummaryBalance;
pub use part_lines::PartLines;
pub use three_public_rows::ThreePublicRows;

use crate::rules::support::prelude::*;

/// What a label on one side of a summary table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Line {
    /// 本年收入合计 / 一、本年收入.
    ThisYear,
    /// 上年结转结余 / 年初财政拨款结转和结余 / 二、上年结转 (and the year-end ones on the right).
    Carry,
    /// 收入总计 / 支出总计 (Henan 财政拨款表: 收入合计 / 支出合计).
    Grand,
    /// 一、… / （一）…: a line that adds into the current block.
    Item,
    /// 其中 and unnumbered sub-lines: not added.
    Other,
}

pub(super) fn classify(label: &str) -> Line {
    let l = fold_punct(label).trim_end_matches(':').to_owned();
    let numbered = crate::layout::is_heading(&l);
    if l.contains("本年收入") || l.contains("本年支出") {
        return Line::ThisYear;
    }
    if l.contains("结转") || l.contains("结余") {
        return Line::Carry;
    }
    if l.contains("总计") || l == "收入合计" || l == "支出合计" {
        return Line::Grand;
    }
    if numbered && !l.starts_with("其中") {
        Line::Item
    } else {
        Line::Other
    }
}

/// One side of a summary table, read top to bottom.
struct Side<'a> {
    this_year: Option<&'a Row>,
    carry: Option<&'a Row>,
    grand: Option<&'a Row>,
    items: Vec<&'a Row>,
    carry_items: Vec<&'a Row>,
}

fn side<'a>(t: &'a Table, scope: Scope) -> Option<(Side<'a>, usize)> {
    let name_col = t.column(scope, Role::Name)?;
    let mut s = Side {
        this_year: None,
        carry: None,
        grand: None,
        items: Vec::new(),
        carry_items: Vec::new(),
    };
    let mut in_carry = false;
    for r in &t.rows {
        let label = r.text(name_col);
        if label.is_empty() {
            continue;
        }
        match classify(label) {
            Line::ThisYear => s.this_year = Some(r),
            Line::Carry => {
                s.carry = Some(r);
                in_carry = true;
            }
            Line::Grand => s.grand = Some(r),
            Line::Item if in_carry => s.carry_items.push(r),
            Line::Item => s.items.push(r),
            Line::Other => {}
        }
    }
    Some((s, name_col))
}

pub(super) fn fig(t: &Table, r: &Row, name_col: usize, col: usize) -> Fig {
    let line = r.cell(col).map_or(r.line, |c| c.line);
    let label = compact(r.text(name_col));
    let col_label = t.columns.get(col).map(|c| c.label()).unwrap_or_default();
    Fig::new(
        r.amount(col),
        line,
        if col_label.ends_with("合计")
            || col_label.ends_with("金额")
            || col_label.ends_with("预算数")
        {
            label
        } else {
            format!("{label}（{col_label}）")
        },
    )
    .at(line, col)
    .in_unit(t.unit)
}

fn check_side(t: &Table, scope: Scope, cols: &[usize], out: &mut Sink) -> Option<(Fig, usize)> {
    let (s, name_col) = side(t, scope)?;
    let side_zh = if scope == Scope::Income {
        "收入"
    } else {
        "支出"
    };
    let mut grand_fig = None;
    for &col in cols {
        let f = |r: &Row| fig(t, r, name_col, col);
        if let (Some(ty), false) = (s.this_year, s.items.is_empty()) {
            let parts: Vec<Fig> = s.items.iter().map(|r| f(r)).collect();
            out.sum(
                &format!("{}{side_zh}：本年合计 = 各项之和", t.title),
                &f(ty),
                &parts,
            );
        }
        if let (Some(c), false) = (s.carry, s.carry_items.is_empty()) {
            let parts: Vec<Fig> = s.carry_items.iter().map(|r| f(r)).collect();
            out.sum(
                &format!("{}{side_zh}：结转结余 = 各项之和", t.title),
                &f(c),
                &parts,
            );
        }
        if let (Some(g), Some(ty)) = (s.grand, s.this_year) {
            let mut parts = vec![f(ty)];
            parts.extend(s.carry.map(&f));
            out.sum(
                &format!("{}{side_zh}：总计 = 本年合计 + 结转结余", t.title),
                &f(g),
                &parts,
            );
        }
        if grand_fig.is_none() {
            grand_fig = s.grand.map(|g| (f(g), col));
        }
    }
    grand_fig
}

pub(super) fn money_cols(t: &Table, scope: Scope) -> Vec<usize> {
    t.columns
        .iter()
        .filter(|c| c.scope == scope && c.role.is_money())
        .map(|c| c.index)
        .collect()
}

/// Both sides of a two-sided summary table add up, and 收入总计 = 支出总计.
pub(super) fn balance(t: &Table, out: &mut Sink) -> Applies {
    let mark = out.mark();
    let income = check_side(t, Scope::Income, &money_cols(t, Scope::Income), out);
    let spend_cols = money_cols(t, Scope::Expenditure);
    let spending = check_side(t, Scope::Expenditure, &spend_cols, out);
    if let (Some((i, _)), Some((e, _))) = (&income, &spending) {
        out.equal(&format!("{}：收入总计 = 支出总计", t.title), i, e);
    }
    out.group_rounding(mark, &t.title);
    if income.is_none() && spending.is_none() {
        return Applies::No(format!("{}没有可识别的合计行", t.title));
    }
    Applies::Yes
}
