//! Henan: the general budget's 其中：财政拨款 is the same figure in every table that states it.

use super::is_carry_marker;
use crate::rules::support::lookup::{summary_line, summary_line_before};
use crate::rules::support::prelude::*;

declare_rule! {
    /// “其中：财政拨款”各表一致.
    pub FiscalPartAcrossTables => check,
    RuleDoc {
        code: "XT-013",
        family: Family::Cross,
        severity: Severity::Error,
        title: "“其中：财政拨款”各表一致",
        title_en: "\"Of which: fiscal appropriation\" agrees across tables",
        doc_en: "Henan template: the general-budget 'of which: fiscal appropriation' figure appears in the budget summary, the income summary, the fiscal appropriation summary and the economic summary; all must be equal. Example: Wen County 2024: 7856.45 in all four tables.",
        what: "河南模板在收支预算表、收入预算表、财政拨款收支预算表、支出经济分类汇总表中都列出一般公共预算“其中：财政拨款”，这些数应相等。",
        why: "同一个数在四张表里出现，任何一处不同都说明抄录错误。",
        example: "温县医疗保障局 2024：7856.45 在收支预算表、收入预算表、财政拨款收支预算表和支出经济分类汇总表中一致。",
        basis: "表格定义；勾稽关系目录 I-16、I-22。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let is_part = |l: &str| l.starts_with("其中") && l.contains("财政拨款");
    let mut figs: Vec<Fig> = Vec::new();
    if let Some(t1) = table(cx.unit, TableKind::BudgetSummary) {
        figs.extend(summary_line(t1, Scope::Income, &is_part));
    }
    if let Some(t4) = table(cx.unit, TableKind::FiscalSummary) {
        figs.extend(summary_line_before(
            t4,
            Scope::Income,
            &is_carry_marker,
            &is_part,
        ));
    }
    if let Some(t2) = table(cx.unit, TableKind::IncomeSummary) {
        figs.extend(table_total(t2, Scope::ThisYear, Role::GeneralBudgetFiscal));
    }
    if let Some(h1) = table(cx.unit, TableKind::EconomicSummary) {
        figs.extend(table_total(h1, Scope::Root, Role::GeneralBudgetFiscal));
    }
    let [first, others @ ..] = figs.as_slice() else {
        return Applies::No("“其中：财政拨款”不足两处".into());
    };
    if others.is_empty() {
        return Applies::No("“其中：财政拨款”不足两处".into());
    }
    for other in others {
        out.equal("“其中：财政拨款”", first, other);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::FiscalPartAcrossTables as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn the_same_figure_everywhere() {
        silent_on_seeds(&Rule);
        let row = "其中：财政拨款\t7,856.45\t二、外交";
        let text = edit(&seed("004"), row, "其中：财政拨款\t7,857.45\t二、外交");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "7,857.45"));
    }
}
