//! The operating costs (机关运行经费) the prose states against the table that defines them.

use crate::facts::{Fact, Subject};
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, no_facts, stated};

declare_rule! {
    /// 机关运行经费说明与表格一致.
    pub OperatingCostStatement => check,
    RuleDoc {
        code: "TXT-004",
        family: Family::Text,
        severity: Severity::Warning,
        title: "机关运行经费说明与表格一致",
        title_en: "The operating-cost statement agrees with the tables",
        doc_en: "Checks the operating costs stated in the text: in the Hebei template, whose glossary defines them as the unit's public expenses, they equal the public-expense total of the basic-expenditure table; in the Henan template with an operating-cost table, they equal that table's total. Example: Xingtai 2024: 125.98 = public expenses 125.98.",
        what: "河北模板的名词解释把机关运行经费定义为“各部门（单位）的公用经费”，说明中的机关运行经费应等于基本支出表公用经费合计；河南模板有机关（机构）运行经费表时，说明应等于该表合计。",
        why: "143号文要求说明机关运行经费；与表格口径不一致时读者无法核对，口径依模板约定，故为警告。",
        example: "邢台市医疗保障局 2024：运行经费 125.98 万元 = 基本支出表公用经费 125.98。",
        basis: "财预〔2016〕143号；河北名词解释第 10 条；勾稽关系目录 I-43。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let defined_as_public = cx.unit.conventions().operating_cost_is_public_expense;
    let target = match table(cx.unit, TableKind::OperatingCost) {
        Some(h4) => table_total(h4, Scope::Root, Role::Total),
        None if defined_as_public => table(cx.unit, TableKind::GeneralBudgetBasic)
            .and_then(|t6| table_total(t6, Scope::Root, Role::Public)),
        None => {
            return Applies::No(
                "没有机关运行经费表，模板也未把它定义为公用经费，口径无法核对".into(),
            )
        }
    };
    let Some(target) = target else {
        return Applies::No("找不到对应的表格合计".into());
    };
    let facts: Vec<&Fact> = amounts(cx.unit, &Subject::OperatingCost).collect();
    if facts.is_empty() {
        return no_facts("机关运行经费");
    }
    for f in facts {
        out.equal("机关运行经费说明与表格", &stated(f), &target);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::OperatingCostStatement as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn both_templates() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("000"),
            "运行经费共计安排125.98万元",
            "运行经费共计安排120.98万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "安排120.98万元"),
        );
        let text = edit(&seed("004"), "19.20万元", "19.70万元");
        assert_fires(&Rule, &text, Severity::Warning, line_of(&text, "19.70万元"));
    }
}
