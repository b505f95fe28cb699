//! The final accounts' summary (收入支出决算总表) balances: each side adds up and the two totals
//! agree.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 收入支出决算总表收支平衡.
    pub FinalSummaryBalance => check,
    RuleDoc {
        code: "BAL-005",
        family: Family::Balance,
        severity: Severity::Error,
        title: "收入支出决算总表收支平衡",
        title_en: "The final accounts summary balances",
        doc_en: "Final accounts: checks the summary of income and expenditure. This year's income = the sum of the income lines; this year's expenditure = the sum of the functional classes; the income grand total = this year's income + unspent non-appropriation balance used + balance brought forward; the expenditure grand total = this year's expenditure + balance allocated + balance carried forward; the two grand totals are equal. Example: Shanghai Putuo finance bureau 2024: 2946.25 + 49.14 = 2995.39 = 2940.05 + 55.34.",
        what: "部门决算的收入支出决算总表：本年收入合计 = 各项收入之和；本年支出合计 = 各类支出之和；收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；收入总计 = 支出总计。",
        why: "收入支出决算总表是决算的总账：收支不平或合计不等于分项，其余八张表都失去了核对的基准。",
        example: "上海市普陀区财政局 2024 年度决算：本年收入合计 2946.25 + 年初结转和结余 49.14 = 总计 2995.39 = 本年支出合计 2940.05 + 年末结转和结余 55.34。",
        basis: "财政部部门决算公开表式（收入支出决算总表）；《地方预决算公开操作规程》（财预〔2016〕143号）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    match cx.unit.table(TableKind::FinalSummary) {
        Some(t) if !t.empty => super::balance(t, out),
        Some(_) => Applies::No("收入支出决算总表没有数据".into()),
        None => absent(cx.unit, TableKind::FinalSummary),
    }
}

#[cfg(test)]
mod tests {
    use super::FinalSummaryBalance as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn both_sides_add_up() {
        let doc = corpus("13");
        assert_silent(&Rule, &doc);
        silent_on_seeds(&Rule);
        // An income line that no longer adds up to 本年收入合计.
        let text = edit(&doc, "八、其他收入\t6.20", "八、其他收入\t6.80");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "其他收入\t6.80"),
        );
        // The balance carried forward no longer closes the expenditure side.
        let text = edit(&doc, "年末结转和结余\t55.34", "年末结转和结余\t55.94");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "年末结转和结余\t55.94"),
        );
    }
}
