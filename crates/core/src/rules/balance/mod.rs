//! 收支平衡: the balance identities of the two-sided summary tables, the row-wise 三公 table,
//! and the 其中 sub-lines of the income side.

mod budget_summary_balance;
mod carried_balances;
mod final_basic_totals;
mod final_fiscal_summary_balance;
mod final_summary_balance;
mod fiscal_summary_balance;
mod part_lines;
mod three_public_rows;

pub use budget_summary_balance::BudgetSummaryBalance;
pub use carried_balances::CarriedBalances;
pub use final_basic_totals::FinalBasicTotals;
pub use final_fiscal_summary_balance::FinalFiscalSummaryBalance;
pub use final_summary_balance::FinalSummaryBalance;
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
    // 本年收入合计, 当年收入小计 (Jiangsu): this year's money, before any carry-over.
    if ["本年收入", "本年支出", "当年收入", "当年支出"]
        .iter()
        .any(|k| l.contains(k))
    {
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

/// How senior a numbered label is: `一、` 1, `（一）` 2, `1.` 3, `(1)` 4.
fn level(label: &str) -> Option<u8> {
    let l = fold_punct(label);
    let mut chars = l.chars();
    let first = chars.next()?;
    let second = chars.next();
    if crate::layout::is_cn_numeral(first) {
        return crate::layout::is_heading(&l).then_some(1);
    }
    if first == '(' {
        return match second {
            Some(c) if crate::layout::is_cn_numeral(c) => Some(2),
            Some(c) if c.is_ascii_digit() => Some(4),
            _ => None,
        };
    }
    if first.is_ascii_digit() {
        let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
        return rest.starts_with(['.', '、', '．']).then_some(3);
    }
    None
}

/// One list on a side of a summary table: a name column and the money columns after it. A
/// side may hold two lists (Jiangsu: by function, and by use).
struct List<'a> {
    name_col: usize,
    money: Vec<usize>,
    items: Vec<&'a Row>,
    carry_items: Vec<&'a Row>,
}

/// One side of a summary table, read top to bottom.
struct Side<'a> {
    this_year: Option<&'a Row>,
    carry: Option<&'a Row>,
    grand: Option<&'a Row>,
    lists: Vec<List<'a>>,
    /// Every money column of the side.
    money: Vec<usize>,
}

impl Side<'_> {
    /// The label of a row on this side: the first name column that has one.
    fn label<'r>(&self, r: &'r Row) -> (&'r str, usize) {
        self.lists
            .iter()
            .map(|l| (r.text(l.name_col), l.name_col))
            .find(|(t, _)| !t.is_empty())
            .unwrap_or(("", self.lists.first().map_or(0, |l| l.name_col)))
    }
}

fn lists<'a>(t: &Table, scope: Scope) -> Vec<List<'a>> {
    crate::table::sides::lists(&t.columns, scope)
        .into_iter()
        .map(|l| List {
            name_col: l.name_col,
            money: l.money,
            items: Vec::new(),
            carry_items: Vec::new(),
        })
        .collect()
}

fn side<'a>(t: &'a Table, scope: Scope) -> Option<Side<'a>> {
    let lists = lists(t, scope);
    if lists.is_empty() {
        return None;
    }
    let mut s = Side {
        this_year: None,
        carry: None,
        grand: None,
        money: lists.iter().flat_map(|l| l.money.iter().copied()).collect(),
        lists,
    };
    // Each list adds up its most senior numbered lines (一、 over 1.).
    let tops: Vec<Option<u8>> = s
        .lists
        .iter()
        .map(|l| {
            t.rows
                .iter()
                .map(|r| r.text(l.name_col))
                .filter(|x| !x.is_empty() && classify(x) == Line::Item)
                .filter_map(level)
                .min()
        })
        .collect();
    let mut in_carry = false;
    for r in &t.rows {
        let (label, _) = s.label(r);
        match classify(label) {
            Line::ThisYear => s.this_year = Some(r),
            Line::Carry => {
                s.carry = Some(r);
                in_carry = true;
            }
            Line::Grand => s.grand = Some(r),
            _ => {}
        }
        for (l, top) in s.lists.iter_mut().zip(&tops) {
            let own = r.text(l.name_col);
            if own.is_empty() || classify(own) != Line::Item || level(own) != *top {
                continue;
            }
            if in_carry {
                l.carry_items.push(r);
            } else {
                l.items.push(r);
            }
        }
    }
    Some(s)
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
    .of_table(t)
}

fn check_side(t: &Table, scope: Scope, out: &mut Sink) -> Option<Fig> {
    let s = side(t, scope)?;
    let side_zh = if scope == Scope::Income {
        "收入"
    } else {
        "支出"
    };
    // A total line's figure in a list's column; where the line has none in the list's columns
    // (its total printed under the other list), the side's first figure on it.
    let total = |r: &Row, list: &List, col: usize| -> Fig {
        let (_, name_col) = s.label(r);
        let own = list.money.iter().any(|&c| r.amount(c).is_some());
        let at = match (own, col == list.money[0]) {
            (false, true) => s
                .money
                .iter()
                .copied()
                .find(|&c| r.amount(c).is_some())
                .unwrap_or(col),
            _ => col,
        };
        fig(t, r, name_col, at)
    };
    for (n, list) in s.lists.iter().enumerate() {
        for &col in &list.money {
            let f = |r: &Row| fig(t, r, list.name_col, col);
            let items: Vec<Fig> = list.items.iter().map(|r| f(r)).collect();
            let carry_items: Vec<Fig> = list.carry_items.iter().map(|r| f(r)).collect();
            match (s.this_year, s.carry, s.grand) {
                (Some(ty), _, _) if !items.is_empty() => {
                    out.sum(
                        &format!("{}{side_zh}：本年合计 = 各项之和", t.title),
                        &total(ty, list, col),
                        &items,
                    );
                }
                // No 本年 line and no carry-over: the items add up to the grand total.
                (None, None, Some(g)) if !items.is_empty() => {
                    out.sum(
                        &format!("{}{side_zh}：总计 = 各项之和", t.title),
                        &total(g, list, col),
                        &items,
                    );
                }
                _ => {}
            }
            if let (Some(c), false) = (s.carry, carry_items.is_empty()) {
                out.sum(
                    &format!("{}{side_zh}：结转结余 = 各项之和", t.title),
                    &total(c, list, col),
                    &carry_items,
                );
            }
            if let (Some(g), Some(ty), 0) = (s.grand, s.this_year, n) {
                let mut parts = vec![total(ty, list, col)];
                parts.extend(s.carry.map(|c| total(c, list, col)));
                out.sum(
                    &format!("{}{side_zh}：总计 = 本年合计 + 结转结余", t.title),
                    &total(g, list, col),
                    &parts,
                );
            }
        }
    }
    let first = s.lists.first()?;
    s.grand.map(|g| total(g, first, first.money[0]))
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
    let income = check_side(t, Scope::Income, out);
    let spending = check_side(t, Scope::Expenditure, out);
    if let (Some(i), Some(e)) = (&income, &spending) {
        out.equal(&format!("{}：收入总计 = 支出总计", t.title), i, e);
    }
    out.group_rounding(mark, &t.title);
    if income.is_none() && spending.is_none() {
        return Applies::No(format!("{}没有可识别的合计行", t.title));
    }
    Applies::Yes
}
