//! The budget summary (收支总表) against the income summary (收入总表): grand total, this year, carry-over.

use super::{is_grand, need};
use crate::rules::support::lookup::summary_line;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 收支总表与收入总表一致.
    pub SummaryVsIncome => check,
    RuleDoc {
        code: "XT-001",
        family: Family::Cross,
        severity: Severity::Error,
        title: "收支总表与收入总表一致",
        title_en: "Budget summary agrees with the income summary",
        doc_en: "Checks that the budget summary's income grand total equals the income summary's total, its current-year income equals the income summary's current-year subtotal, and its carry-over from last year equals the income summary's carry-over. The two tables present the same money and must agree. Example: Xingtai Medical Security Bureau 2024: grand total 1890.26 = 1890.26; carry-over 350.63 = 350.63.",
        what: "收支总表的收入总计 = 收入总表合计行的合计；本年收入合计 = 收入总表的本年收入小计；上年结转结余 = 收入总表的上年结转。",
        why: "两张表是同一笔收入的两种拆分（按来源、按功能科目），总数必须一致。",
        example: "邢台市医疗保障局 2024：收支总表收入总计 1890.26 = 收入总表合计 1890.26；上年结转 350.63 = 350.63。",
        basis: "勾稽关系目录 I-22（OBL-CROSS-T1-T2）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t1, t2] = match need(cx, [TableKind::BudgetSummary, TableKind::IncomeSummary]) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let mark = out.mark();
    if let (Some(a), Some(b)) = (
        summary_line(t1, Scope::Income, &|l| is_grand(l)),
        table_total(t2, Scope::Root, Role::Total),
    ) {
        out.equal("收入总计与收入总表合计", &a, &b);
    }
    if let (Some(a), Some(b)) = (
        summary_line(t1, Scope::Income, &|l| l.contains("本年收入")),
        table_total(t2, Scope::ThisYear, Role::Total),
    ) {
        out.equal("本年收入合计与收入总表本年收入", &a, &b);
    }
    let carry2 = table_total(t2, Scope::Root, Role::CarryOver)
        .or_else(|| table_total(t2, Scope::CarryOver, Role::Total));
    if let (Some(a), Some(b)) = (
        summary_line(t1, Scope::Income, &|l| l.contains("上年结转")),
        carry2,
    ) {
        out.equal("上年结转结余与收入总表上年结转", &a, &b);
    }
    out.group_rounding(mark, "收支总表与收入总表");
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::SummaryVsIncome as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn grand_totals_agree() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("000"),
            "\t合计\t1890.26\t1539.63",
            "\t合计\t1890.00\t1539.63",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "合计\t1890.00"),
        );
    }
}
