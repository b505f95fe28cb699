//! The final accounts' fiscal appropriation summary (财政拨款收入支出决算总表) balances.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 财政拨款收入支出决算总表收支平衡.
    pub FinalFiscalSummaryBalance => check,
    RuleDoc {
        code: "BAL-006",
        family: Family::Balance,
        severity: Severity::Error,
        title: "财政拨款收入支出决算总表收支平衡",
        title_en: "The final fiscal appropriation summary balances",
        doc_en: "Final accounts: checks the fiscal appropriation summary. This year's appropriation income = the sum of its fund lines; this year's expenditure = the sum of the classes; each grand total = this year's figure + the appropriation balance brought or carried forward; the two grand totals are equal. Each expenditure row's total = general budget + government fund + state capital is checked by TAB-001 from the header. Example: Shanghai Putuo finance bureau 2024: 2940.05 + 21.63 = 2961.68 on both sides.",
        what: "部门决算的财政拨款收入支出决算总表：本年收入合计 = 各项财政拨款收入之和；本年支出合计 = 各类支出之和；收入总计 = 本年收入合计 + 年初财政拨款结转和结余；支出总计 = 本年支出合计 + 年末财政拨款结转和结余；两边总计相等。每行“合计 = 一般公共预算 + 政府性基金 + 国有资本经营”由 TAB-001 按表头核对。",
        why: "财政拨款是决算公开的重点，这张表不平，财政拨款的来龙去脉就说不清。",
        example: "上海市普陀区财政局 2024 年度决算：本年收入合计 2940.05 + 年初财政拨款结转和结余 21.63 = 总计 2961.68，支出方同为 2961.68。",
        basis: "财政部部门决算公开表式（财政拨款收入支出决算总表）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    match cx.unit.table(TableKind::FinalFiscalSummary) {
        Some(t) if !t.empty => super::balance(t, out),
        Some(_) => Applies::No("财政拨款收入支出决算总表没有数据".into()),
        None => absent(cx.unit, TableKind::FinalFiscalSummary),
    }
}

#[cfg(test)]
mod tests {
    use super::FinalFiscalSummaryBalance as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn both_sides_add_up() {
        let doc = corpus("13");
        assert_silent(&Rule, &doc);
        silent_on_seeds(&Rule);
        let text = edit(
            &doc,
            "年初财政拨款结转和结余\t21.63",
            "年初财政拨款结转和结余\t22.63",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "年初财政拨款结转和结余\t22.63"),
        );
    }
}
