//! Final accounts: the fiscal appropriation summary against the summary, the general-budget
//! expenditure table and the basic expenditure table.

use super::{class_rows, need};
use crate::rules::support::lookup::{strip_ordinal, summary_line};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 财政拨款收入支出决算总表与其他决算表一致.
    pub FinalFiscalVsGeneralBudget => check,
    RuleDoc {
        code: "XT-015",
        family: Family::Cross,
        severity: Severity::Error,
        title: "财政拨款收入支出决算总表与其他决算表一致",
        title_en: "The final fiscal appropriation summary agrees with the other final tables",
        doc_en: "Final accounts: the general-budget appropriation income of the fiscal appropriation summary equals the same line of the summary; its general-budget column's total expenditure equals the general-budget expenditure table's total, and each class equals that table's class row; the general-budget table's basic expenditure equals the basic expenditure table's personnel plus public expenses. Example: Shanghai Putuo finance bureau 2024: basic expenditure 2336.91 = personnel 2152.26 + public expenses 184.65.",
        what: "部门决算：财政拨款收入支出决算总表的一般公共预算财政拨款收入等于收入支出决算总表的同一项；其“一般公共预算财政拨款”列的本年支出合计等于一般公共预算财政拨款支出决算表的合计，各类支出等于该表同名的类；一般公共预算财政拨款支出决算表的基本支出等于基本支出决算表的人员经费合计 + 公用经费合计。",
        why: "同一笔一般公共预算拨款在四张表里各出现一次，任何一处不同都说明表间抄录有误。",
        example: "上海市普陀区财政局 2024 年度决算：基本支出 2336.91 = 人员经费合计 2152.26 + 公用经费合计 184.65。",
        basis: "财政部部门决算公开表式（财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、一般公共预算财政拨款基本支出决算表）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [general] = match need(cx, [TableKind::FinalGeneralBudgetExpenditure]) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let fiscal = table(cx.unit, TableKind::FinalFiscalSummary);
    let basic = table(cx.unit, TableKind::FinalGeneralBudgetBasic);
    if fiscal.is_none() && basic.is_none() {
        return absent(cx.unit, TableKind::FinalFiscalSummary);
    }
    let mark = out.mark();
    let is_general = |l: &str| l.contains("一般公共预算") && !l.starts_with("其中");
    if let (Some(t4), Some(t1)) = (fiscal, table(cx.unit, TableKind::FinalSummary)) {
        if let (Some(a), Some(b)) = (
            summary_line(t1, Scope::Income, &is_general),
            summary_line(t4, Scope::Income, &is_general),
        ) {
            out.equal("一般公共预算财政拨款收入", &a, &b);
        }
    }
    if let Some(t4) = fiscal {
        if let (Some(name), Some(col)) = (
            t4.column(Scope::Expenditure, Role::Name),
            t4.column(Scope::Expenditure, Role::GeneralBudget),
        ) {
            let row =
                |p: &dyn Fn(&str) -> bool| t4.rows.iter().find(|r| p(&fold_punct(r.text(name))));
            if let (Some(r), Some(b)) = (
                row(&|l| l.contains("本年支出")),
                table_total(general, Scope::Root, Role::Total),
            ) {
                out.equal(
                    "一般公共预算财政拨款支出合计",
                    &cell(t4, r, col, "·本年支出合计·一般公共预算"),
                    &b,
                );
            }
            if let Some(total) = general.column(Scope::Root, Role::Total) {
                for (class, g) in class_rows(general) {
                    let hit = row(&|l| {
                        l.starts_with(|c: char| !c.is_ascii()) && strip_ordinal(l) == class
                    });
                    if let Some(r) = hit {
                        let a = cell(t4, r, col, &format!("·{class}·一般公共预算"));
                        out.equal(
                            &format!("{class}（类）"),
                            &a,
                            &cell(general, g, total, &format!("·{class}")),
                        );
                    }
                }
            }
        }
    }
    if let (Some(tb), Some(b)) = (basic, table_total(general, Scope::Root, Role::Basic)) {
        let parts: Vec<Fig> = ["人员经费", "公用经费"]
            .iter()
            .filter_map(|w| expense_total(tb, w))
            .collect();
        if parts.len() == 2 {
            out.sum("基本支出 = 人员经费合计 + 公用经费合计", &b, &parts);
        }
    }
    out.group_rounding(mark, "财政拨款收入支出决算总表与其他决算表");
    Applies::Yes
}

/// The basic expenditure table's `人员经费合计` / `公用经费合计` line.
pub(crate) fn expense_total(t: &Table, word: &str) -> Option<Fig> {
    let money = t.columns.iter().find(|c| c.role.is_money())?.index;
    let r = t.rows.iter().find(|r| {
        let n = compact(r.name.as_deref().unwrap_or(""));
        let first = r
            .cells
            .first()
            .map(|c| compact(&c.text))
            .unwrap_or_default();
        [n, first]
            .iter()
            .any(|l| l.starts_with(word) && l.ends_with("合计"))
    })?;
    Some(cell(t, r, money, &format!("·{word}合计")))
}

#[cfg(test)]
mod tests {
    use super::FinalFiscalVsGeneralBudget as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn appropriations_agree_across_tables() {
        let doc = corpus("13");
        assert_silent(&Rule, &doc);
        silent_on_seeds(&Rule);
        let text = edit(&doc, "公用经费合计\t\t\t184.65", "公用经费合计\t\t\t185.65");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "公用经费合计\t\t\t185.65"),
        );
        // A class of the fiscal summary's general-budget column.
        let marker = "财政拨款收入支出决算总表";
        let text = edit_after(
            &doc,
            marker,
            "卫生健康支出\t60.99\t60.99",
            "卫生健康支出\t60.99\t61.99",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_after(&text, marker, "卫生健康支出\t60.99\t61.99"),
        );
    }
}
