//! Henan: the economic-classification summary's grand total against the expenditure summary's.

use super::need;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 支出经济分类汇总表与支出总表一致.
    pub EconomicSummaryVsExpenditure => check,
    RuleDoc {
        code: "XT-010",
        family: Family::Cross,
        severity: Severity::Error,
        title: "支出经济分类汇总表与支出总表一致",
        title_en: "The economic summary agrees with the expenditure summary",
        doc_en: "Henan template: the economic-classification summary's grand total equals the departmental expenditure summary's grand total; the same spending is classified two ways. Example: Wen County 2024: 7895.93 = 7895.93.",
        what: "河南模板的支出经济分类汇总表总计 = 部门支出预算表总计。",
        why: "同一笔支出按功能分类和按经济分类各汇总一次，总数必须相同。",
        example: "温县医疗保障局 2024：7895.93 = 7895.93。",
        basis: "勾稽关系目录 I-36。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [h1, t3] = match need(
        cx,
        [TableKind::EconomicSummary, TableKind::ExpenditureSummary],
    ) {
        Ok(v) => v,
        Err(a) => return a,
    };
    if let (Some(a), Some(b)) = (
        table_total(h1, Scope::Root, Role::Total),
        table_total(t3, Scope::Root, Role::Total),
    ) {
        out.equal("支出总计", &a, &b);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::EconomicSummaryVsExpenditure as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn grand_totals_agree() {
        silent_on_seeds(&Rule);
        let row = "合计\t\t\t\t7,895.93\t7,895.93";
        let text = edit(&seed("004"), row, "合计\t\t\t\t7,895.00\t7,895.00");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "7,895.00\t7,895.00"),
        );
    }
}
