//! The budget summary (收支总表) balances: each side adds up and 收入总计 = 支出总计.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 收支总表收支平衡.
    pub BudgetSummaryBalance => check,
    RuleDoc {
        code: "BAL-001",
        family: Family::Balance,
        severity: Severity::Error,
        title: "收支总表收支平衡",
        title_en: "The budget summary balances",
        doc_en: "Checks the budget summary's balance: current-year income = the sum of the income lines ('of which' lines excluded); current-year expenditure = the sum of the classes; income grand total = current-year income + carry-over; expenditure grand total = current-year expenditure + year-end carry-over; and the two grand totals are equal. Example: Xingtai 2024: 1890.26 = 1539.63 + 350.63, equal to the expenditure grand total 1890.26.",
        what: "收支总表中：本年收入合计 = 各项收入之和（“其中”行不计入）；本年支出合计 = 各类支出之和；收入总计 = 本年收入合计 + 上年结转结余；支出总计 = 本年支出合计 + 年终结转结余；收入总计 = 支出总计。",
        why: "收支总表是整套公开表的总账，收支不平或合计不等于分项，其余各表都失去了核对的基准。",
        example: "邢台市医疗保障局 2024：收入总计 1890.26 = 本年收入合计 1539.63 + 上年结转结余 350.63，与支出总计 1890.26 相等。",
        basis: "表格定义；勾稽关系目录 I-1～I-5（GovBudgetChecker BUD-101）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    match cx.unit.table(TableKind::BudgetSummary) {
        Some(t) if !t.empty => super::balance(t, out),
        Some(_) => Applies::No("收支总表没有数据".into()),
        None => absent(cx.unit, TableKind::BudgetSummary),
    }
}

#[cfg(test)]
mod tests {
    use super::BudgetSummaryBalance as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn both_templates() {
        silent_on_seeds(&Rule);
        let anchor = "上年结转结余\t350.63\t年终结转结余";
        let text = edit_line(&seed("000"), anchor, "350.63", "350.60");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "上年结转结余\t350.60"),
        );
        // Henan: an expenditure class that no longer adds up to 本年支出合计.
        let text = edit(
            &seed("001"),
            "二十一、住房保障支出\t102.70",
            "二十一、住房保障支出\t112.70",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "本年收入合计\t6,742.90"),
        );
    }
}
