//! The general-budget expenditure table's basic spending against the basic-spending table.

use super::{basic_total, need};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 一般公共预算基本支出两表一致.
    pub GeneralBudgetVsBasic => check,
    RuleDoc {
        code: "XT-006",
        family: Family::Cross,
        severity: Severity::Error,
        title: "一般公共预算基本支出两表一致",
        title_en: "Basic spending agrees between the general-budget tables",
        doc_en: "Checks that the basic expenditure on the total row of the general-budget expenditure table equals the total of the general-budget basic-expenditure table. The second table itemises the first table's basic expenditure. Example: Xingtai 2024: 987.63 = 987.63.",
        what: "一般公共预算支出表合计行的基本支出 = 一般公共预算基本支出表的合计。",
        why: "基本支出表是一般公共预算基本支出按经济分类的展开，总数必须与功能分类表一致。",
        example: "邢台市医疗保障局 2024：987.63 = 987.63。",
        basis: "勾稽关系目录 I-29（OBL-CROSS-T5-T6）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t5, t6] = match need(
        cx,
        [
            TableKind::GeneralBudgetExpenditure,
            TableKind::GeneralBudgetBasic,
        ],
    ) {
        Ok(v) => v,
        Err(a) => return a,
    };
    if let (Some(a), Some(b)) = (table_total(t5, Scope::Root, Role::Basic), basic_total(t6)) {
        out.equal("一般公共预算基本支出", &a, &b);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::GeneralBudgetVsBasic as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn basic_spending_agrees() {
        silent_on_seeds(&Rule);
        let text = edit(&seed("000"), "合计\t987.63\t861.65", "合计\t987.00\t861.65");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "合计\t987.00"),
        );
    }
}
