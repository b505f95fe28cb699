//! Henan: the project table's total against the expenditure summary's project spending.

use super::need;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 项目支出预算表与支出总表一致.
    pub ProjectsVsExpenditure => check,
    RuleDoc {
        code: "XT-009",
        family: Family::Cross,
        severity: Severity::Error,
        title: "项目支出预算表与支出总表一致",
        title_en: "The project table agrees with the expenditure summary",
        doc_en: "Henan template: the project expenditure table's total equals the project expenditure in the departmental expenditure summary. Both list the same projects. Example: Wen County 2024: 7453.94 = 7453.94.",
        what: "河南模板的项目支出预算表合计 = 部门支出预算表的项目支出合计。",
        why: "项目支出表逐项列出全部项目，合计与支出表不一致说明项目漏列或重复。",
        example: "温县医疗保障局 2024：项目支出预算表合计 7453.94 = 支出预算表项目支出 7453.94。",
        basis: "勾稽关系目录 I-34。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [h3, t3] = match need(
        cx,
        [TableKind::ProjectExpenditure, TableKind::ExpenditureSummary],
    ) {
        Ok(v) => v,
        Err(a) => return a,
    };
    if let (Some(a), Some(b)) = (
        table_total(h3, Scope::Root, Role::Total),
        table_total(t3, Scope::Root, Role::Project),
    ) {
        out.equal("项目支出合计", &a, &b);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::ProjectsVsExpenditure as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn project_totals_agree() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("004"),
            "\t合计\t7,453.94\t7,453.94",
            "\t合计\t7,450.00\t7,450.00",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "合计\t7,450.00"),
        );
    }
}
