//! Finding the figures rules compare: a table's 合计 row, a labelled line of a summary table,
//! the rows of one economic code.

use super::arith::Fig;
use crate::amount::Amount;
use crate::model::Unit;
use crate::normalize::{compact, fold_punct};
use crate::rules::Applies;
use crate::table::TableKind;
use crate::table::{Role, Scope};
use crate::table::{Row, Table};
use rust_decimal::Decimal;

/// The 合计/总计 row (or, failing that, the first row).
pub fn total_row(t: &Table) -> Option<&Row> {
    t.rows
        .iter()
        .find(|r| {
            r.cells
                .iter()
                .any(|c| c.amount.is_none() && matches!(compact(&c.text).as_str(), "合计" | "总计"))
        })
        .or_else(|| t.rows.first())
}

/// The figure in a row's column, labelled `表名·列名`.
pub fn cell(t: &Table, r: &Row, col: usize, label: &str) -> Fig {
    let line = r.cell(col).map_or(r.line, |c| c.line);
    Fig::new(r.amount(col), line, format!("{}{label}", t.kind.zh()))
        .at(line, col)
        .of_table(t)
}

/// The 合计 row's figure in (scope, role).
pub fn table_total(t: &Table, scope: Scope, role: Role) -> Option<Fig> {
    let col = t.column(scope, role)?;
    let r = total_row(t)?;
    let label = t.columns.get(col).map(|c| c.label()).unwrap_or_default();
    Some(cell(t, r, col, &format!("·合计·{label}")))
}

/// The figure on a labelled line of a two-sided summary table (first money column of the side).
pub fn summary_line(t: &Table, scope: Scope, pred: &dyn Fn(&str) -> bool) -> Option<Fig> {
    summary_line_before(t, scope, &|_| false, pred)
}

/// The same, for a line above the first marker line of the side (Hebei 财政拨款表 lists the
/// 年初结转 parts under the same labels as the current-year parts).
pub fn summary_line_before(
    t: &Table,
    scope: Scope,
    marker: &dyn Fn(&str) -> bool,
    pred: &dyn Fn(&str) -> bool,
) -> Option<Fig> {
    let name_col = t.column(scope, Role::Name)?;
    let side_money: Vec<usize> = t
        .columns
        .iter()
        .filter(|c| c.scope == scope && c.role.is_money() && !c.role.is_part_of())
        .map(|c| c.index)
        .collect();
    let r = t
        .rows
        .iter()
        .take_while(|r| !marker(&fold_punct(r.text(name_col))))
        .find(|r| pred(&fold_punct(r.text(name_col))))?;
    // The line's first figure on its side (a side may print a total under its second list).
    let money = side_money
        .iter()
        .copied()
        .find(|&c| r.amount(c).is_some())
        .or_else(|| side_money.first().copied())?;
    Some(cell(
        t,
        r,
        money,
        &format!("·{}", compact(r.text(name_col))),
    ))
}

/// Σ of a column over the rows carrying an economic code (Henan repeats a code per 政府经济分类).
pub fn code_sum(t: &Table, code: &str, col: usize) -> Option<Fig> {
    let rows: Vec<&Row> = t
        .rows
        .iter()
        .filter(|r| r.code.as_deref() == Some(code))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let amounts: Vec<Amount> = rows.iter().filter_map(|r| r.amount(col)).collect();
    let amount = (!amounts.is_empty()).then(|| {
        let value: Decimal = amounts.iter().map(|a| a.value).sum();
        Amount::new(value, amounts.iter().map(|a| a.decimals).max().unwrap_or(2))
    });
    let name = rows[0].name.clone().unwrap_or_default();
    Some(
        Fig::new(
            amount,
            rows[0].line,
            format!("{}·{code} {name}", t.kind.zh()),
        )
        .at(rows[0].line, col),
    )
}

/// The understood table of this kind, with rows.
pub fn table(unit: &Unit, kind: TableKind) -> Option<&Table> {
    unit.table(kind).filter(|t| !t.rows.is_empty())
}

/// Why a rule that needs a table of this kind does not apply: the table is not published, it
/// was not understood, or it holds no data.
pub fn absent(unit: &Unit, kind: TableKind) -> Applies {
    Applies::No(match unit.published(kind) {
        None => format!("缺少{}", kind.zh()),
        Some(t) if !t.understood() => format!(
            "表格未能理解：《{}》{}",
            t.title.trim(),
            t.not_understood.as_deref().unwrap_or_default()
        ),
        Some(_) => format!("{}没有数据", kind.zh()),
    })
}

/// Strips an ordinal (`十、`, `（十）`, `(十九)`) from a summary-table label.
pub fn strip_ordinal(label: &str) -> String {
    let f = fold_punct(label);
    let f = f.trim_start_matches('(');
    let rest = f.trim_start_matches(crate::layout::is_cn_numeral);
    rest.trim_start_matches([')', '、']).to_owned()
}

/// The number an ordinal label carries (`二十一、…` → 21).
pub fn ordinal(label: &str) -> Option<u32> {
    let f = fold_punct(label);
    let digits: String = f
        .trim_start_matches('(')
        .chars()
        .take_while(|c| crate::layout::is_cn_numeral(*c))
        .collect();
    cn_number(&digits)
}

fn cn_number(s: &str) -> Option<u32> {
    let d = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['十'] => Some(10),
        ['十', u] => Some(10 + d(*u)?),
        [t, '十'] => Some(d(*t)? * 10),
        [t, '十', u] => Some(d(*t)? * 10 + d(*u)?),
        [u] => d(*u),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("十、卫生健康支出"), Some(10));
        assert_eq!(ordinal("二十一、住房保障支出"), Some(21));
        assert_eq!(ordinal("(十九) 援助其他地区支出"), Some(19));
        assert_eq!(ordinal("（三十四）抗疫特别国债安排的支出"), Some(34));
        assert_eq!(strip_ordinal("（十）卫生健康支出"), "卫生健康支出");
        assert_eq!(ordinal("本年收入合计"), None);
    }
}
