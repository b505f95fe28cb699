//! Down an outline: a table whose rows are indented into levels (Jiangsu's 政府采购预算表: a
//! 品目大类, its 专项, their 采购物品, each a column further right) adds up level by level, and
//! its 合计 row adds up the top level.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 分级明细逐级相加.
    pub OutlineLevels => check,
    RuleDoc {
        code: "TAB-004",
        family: Family::Table,
        severity: Severity::Error,
        title: "分级明细逐级相加",
        title_en: "An indented outline adds up level by level",
        doc_en: "In a table whose rows are indented into levels without classification codes (each level's label a column further right: category, project, item), checks every amount column: each row = the rows one level below it, up to the next row of its level or above; the total row = the top-level rows. Example: Jiangsu procurement budget 2019: category A (goods) 84.00 = confidential e-government project 30.00 + office equipment project 54.00.",
        what: "没有科目编码、按缩进分级的表（各级名称依次右移一列：品目大类、专项、采购物品），每个金额列：每一行 = 其下一级各行之和（到下一个同级或更高级的行为止）；合计行 = 最上一级各行之和。",
        why: "分级明细不平，说明某一项漏计或重复计入上级，采购、项目等明细与其汇总对不上。",
        example: "江苏省政府采购预算表：一、货物A 84.00 = 机要及电子政务业务费 30.00 + 办公设备购置费 54.00。",
        basis: "表格定义（汇总行为其下明细之和）；规则参考 §2 表内勾稽。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut any = false;
    for t in cx
        .unit
        .understood_tables()
        .filter(|t| !t.key_value && !t.empty)
    {
        let Some(levels) = outline(t) else {
            continue;
        };
        any = true;
        for &col in &money_columns(t) {
            check_column(t, &levels, col, out);
        }
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有按缩进分级的明细表".into())
    }
}

/// Each row's level, or `None` for the total row; `None` overall when the table is no outline:
/// rows with codes, fewer than two levels, no total row first, or a first item that is not at
/// the top level. A row's level is the column of its last outline label: the outline columns
/// are those some row's first label sits in, and a row naming a 专项 and its 经济科目 on one
/// line (Jiangsu) stands at the 经济科目's level, its 专项 a heading without a figure.
fn outline(t: &Table) -> Option<Vec<Option<usize>>> {
    if t.rows
        .iter()
        .any(|r| r.code.is_some() || r.unit_code.is_some())
        || !is_total(t, t.rows.first()?)
    {
        return None;
    }
    let mut outline_cols: Vec<usize> = t
        .rows
        .iter()
        .filter(|r| !is_total(t, r) && !is_part_of(t, r))
        .filter_map(|r| labels(t, r).first().copied())
        .collect();
    outline_cols.sort_unstable();
    outline_cols.dedup();
    if outline_cols.len() < 2 {
        return None;
    }
    let levels: Vec<Option<usize>> = t
        .rows
        .iter()
        .map(|r| {
            if is_total(t, r) {
                return None;
            }
            // A `其中` part, or a `小计` without a label of its own (a group named on another
            // line), is shown for information and added nowhere.
            if is_part_of(t, r) {
                return Some(usize::MAX);
            }
            labels(t, r)
                .into_iter()
                .filter(|c| outline_cols.contains(c))
                .max()
                .or(Some(usize::MAX))
        })
        .collect();
    let first_item = levels.iter().flatten().next()?;
    (*first_item == outline_cols[0]).then_some(levels)
}

/// The grand total row: `合计`, `总计`, `收入总计`.
fn is_total(t: &Table, r: &Row) -> bool {
    r.cells.iter().any(|c| {
        let l = compact(&c.text);
        c.amount.is_none()
            && (l.ends_with("合计") || l.ends_with("总计"))
            && l.chars().count() <= 6
            && !l.starts_with("其中")
            && t.columns.get(c.col).is_none_or(|k| !k.role.is_money())
    })
}

/// A `其中` line: a part shown for information, never added up with its siblings.
fn is_part_of(t: &Table, r: &Row) -> bool {
    labels(t, r)
        .first()
        .is_some_and(|&c| compact(r.text(c)).starts_with("其中"))
}

/// The columns of a row's labels (text cells under text columns), left to right. A `小计`
/// beside a label (Jiangsu: `一般公共预算资金 | 小计`) marks the row as its group's subtotal; it
/// is no label of a deeper level.
fn labels(t: &Table, r: &Row) -> Vec<usize> {
    let mut cols: Vec<usize> = r
        .cells
        .iter()
        .filter(|c| c.amount.is_none() && !c.text.trim().is_empty())
        .filter(|c| !matches!(compact(&c.text).as_str(), "小计" | "合计"))
        .filter(|c| t.columns.get(c.col).is_none_or(|k| !k.role.is_money()))
        .map(|c| c.col)
        .collect();
    cols.sort_unstable();
    cols
}

fn money_columns(t: &Table) -> Vec<usize> {
    let mut seen = Vec::new();
    t.columns
        .iter()
        .filter(|c| c.role.is_money() && !c.role.is_part_of())
        .filter(|c| {
            let fresh = !seen.contains(&c.path);
            seen.push(c.path.clone());
            fresh
        })
        .map(|c| c.index)
        .collect()
}

/// The rows directly below row `i`: the shallowest level among the rows after it, up to the
/// next row at its level or above.
fn children(levels: &[Option<usize>], i: usize) -> Vec<usize> {
    let own = levels[i];
    let below: Vec<usize> = (i + 1..levels.len())
        .take_while(|&j| match (own, levels[j]) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(a), Some(b)) => b > a,
        })
        .collect();
    // `其中` lines (level usize::MAX) are parts shown for information, never added.
    let below: Vec<usize> = below
        .into_iter()
        .filter(|&j| levels[j] != Some(usize::MAX))
        .collect();
    let Some(next) = below.iter().filter_map(|&j| levels[j]).min() else {
        return Vec::new();
    };
    below
        .into_iter()
        .filter(|&j| levels[j] == Some(next))
        .collect()
}

fn check_column(t: &Table, levels: &[Option<usize>], col: usize, out: &mut Sink) {
    for (i, r) in t.rows.iter().enumerate() {
        if r.amount(col).is_none() || levels[i] == Some(usize::MAX) {
            continue;
        }
        let below = children(levels, i);
        if below.is_empty() || below.iter().any(|&j| t.rows[j].amount(col).is_none()) {
            continue;
        }
        let name = |row: &Row| match labels(t, row).first() {
            Some(&c) if !is_total(t, row) => compact(row.text(c)),
            _ => "合计".to_owned(),
        };
        let label = |row: &Row| format!("·{}", name(row));
        let parts: Vec<Fig> = below
            .iter()
            .map(|&j| cell(t, &t.rows[j], col, &label(&t.rows[j])))
            .collect();
        out.sum(
            &format!("{}：{} = 下一级各行之和", t.title, name(r)),
            &cell(t, r, col, &label(r)),
            &parts,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::OutlineLevels as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn a_procurement_outline_adds_up() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Jiangsu 2019: 一、货物A 84.00 = 30.00 + 54.00; one item raised breaks its project.
        let text = corpus("16");
        let anchor = "交换设备\t分散自行组织\t9.00";
        let edited = edit_line(&text, anchor, "9.00", "10.00");
        let f = assert_fires(
            &Rule,
            &edited,
            Severity::Error,
            line_of(&edited, "交换设备"),
        );
        assert!(f.message.contains("机要及电子政务业务费"), "{}", f.message);
        // Jiangsu's 收入预算总表: 收入总计 = the groups' 小计 lines, each = its items.
        let edited = edit_line(&text, "一般公共预算资金\t小计", "27,664.22", "27,665.22");
        let f = assert_fires(
            &Rule,
            &edited,
            Severity::Error,
            line_of(&edited, "一般公共预算资金\t小计"),
        );
        assert!(f.message.contains("收入预算总表"), "{}", f.message);
        // The category's own figure.
        let edited = edit_line(&text, "一、货物A", "84.00", "85.00");
        assert_fires(
            &Rule,
            &edited,
            Severity::Error,
            line_of(&edited, "一、货物A"),
        );
    }
}
