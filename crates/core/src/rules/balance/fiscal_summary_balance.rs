//! The fiscal appropriation summary (财政拨款收支总表) balances, fund by fund.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 财政拨款收支总表收支平衡.
    pub FiscalSummaryBalance => check,
    RuleDoc {
        code: "BAL-002",
        family: Family::Balance,
        severity: Severity::Error,
        title: "财政拨款收支总表收支平衡",
        title_en: "The fiscal appropriation summary balances",
        doc_en: "Checks the fiscal appropriation summary's balance: current-year income = general budget + government funds + state capital; carry-over = its parts; income grand total = current-year income + carry-over; for every fund column, current-year expenditure = the sum of the classes and the grand total = current-year expenditure + year-end carry-over; income grand total = expenditure grand total. Example: Xingtai 2024: 1890.26 = 1539.63 + 350.63 = 1890.26.",
        what: "财政拨款收支总表中，收入方：本年收入 = 一般公共预算 + 政府性基金 + 国有资本经营拨款，年初结转结余 = 其下各项之和，收入总计 = 本年收入 + 年初结转；支出方每个资金列：本年支出合计 = 各类支出之和，支出总计 = 本年支出 + 年末结转；收入总计 = 支出总计。",
        why: "财政拨款是社会最关注的资金；这张表不平，说明财政拨款的来源与去向对不上。",
        example: "邢台市医疗保障局 2024：收入总计 1890.26 = 本年 1539.63 + 年初结转 350.63 = 支出总计 1890.26。",
        basis: "表格定义；勾稽关系目录 I-9～I-11（OBL-CROSS-FISCAL-TOTAL / D-004）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    match cx.unit.table(TableKind::FiscalSummary) {
        Some(t) if !t.empty => super::balance(t, out),
        Some(_) => Applies::No("财政拨款收支总表没有数据".into()),
        None => absent(cx.unit, TableKind::FiscalSummary),
    }
}

#[cfg(test)]
mod tests {
    use super::FiscalSummaryBalance as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn both_templates() {
        silent_on_seeds(&Rule);
        // Hebei: 年初结转 350.63 no longer equals its part 一般公共预算 350.00.
        let anchor = "34\t一、一般公共预算拨款\t350.63";
        let text = edit_line(&seed("000"), anchor, "350.63", "350.00");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "一般公共预算拨款\t350.00"),
        );
        // Henan: 支出合计 no longer equals 本年支出.
        let anchor = "收入合计：\t6,844.40";
        let text = edit_line(
            &seed("001"),
            anchor,
            "支出合计\t6,844.40",
            "支出合计\t6,944.40",
        );
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, anchor));
    }
}
