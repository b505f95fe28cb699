//! The income figures the prose states against the budget summary's income lines.

use crate::facts::Subject;
use crate::rules::support::lookup::summary_line;
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, no_facts, stated};

declare_rule! {
    /// 收入说明与收支总表一致.
    pub IncomeStatement => check,
    RuleDoc {
        code: "TXT-001",
        family: Family::Text,
        severity: Severity::Error,
        title: "收入说明与收支总表一致",
        title_en: "The income statement agrees with the budget summary",
        doc_en: "Checks that the income figures stated in the explanatory text (grand total, general budget, government funds, state capital, fiscal special account, unit funds, operating income, carry-over) equal the same lines of the budget summary, each judged at the precision it is printed with. Example: Qinglong County 2025: '265.8 (10k yuan)' stands for 265.75 to 265.85 and agrees with the table's 265.80.",
        what: "情况说明的收入部分所列的收入总计、一般公共预算、政府性基金、国有资本经营、财政专户、单位资金、事业收入等各项收入和上年结转结余，与收支总表收入栏的同项金额相等（按说明中数字的印刷精度判断）。",
        why: "说明是公众最先读的部分，说明里的收入数字与表格不一致，会让读者对整份公开失去信任。",
        example: "青龙县医疗保障局本级 2025：说明“预算收入 265.8 万元”（代表 265.75～265.85）与收支总表收入总计 265.80 一致。",
        basis: "财预〔2016〕143号要求解释收支情况；勾稽关系目录 I-40（BUD-107）。",
    }
}

/// Picks a labelled line of the budget summary.
type LinePick = dyn Fn(&str) -> bool;

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let Some(t1) = table(cx.unit, TableKind::BudgetSummary) else {
        return absent(cx.unit, TableKind::BudgetSummary);
    };
    use Subject::*;
    let pairs: [(Subject, &LinePick); 12] = [
        (IncomeTotal, &|l| l.contains("总计")),
        (GeneralBudgetIncome, &|l| {
            l.contains("一般公共预算") && crate::layout::is_heading(l)
        }),
        (GovFundIncome, &|l| {
            l.contains("政府性基金") && crate::layout::is_heading(l)
        }),
        (StateCapitalIncome, &|l| {
            l.contains("国有资本经营") && crate::layout::is_heading(l)
        }),
        (SpecialAccountIncome, &|l| l.contains("财政专户")),
        (UnitFundsIncome, &|l| l.contains("单位资金")),
        (BusinessIncome, &|l| l.contains("事业收入")),
        (OperatingIncome, &|l| l.contains("经营收入")),
        (SuperiorSubsidyIncome, &|l| l.contains("上级补助")),
        (AffiliatedRemitIncome, &|l| l.contains("附属单位")),
        (OtherIncome, &|l| l.contains("其他收入")),
        (CarryOverIncome, &|l| l.contains("上年结转")),
    ];
    let mut any = false;
    let mark = out.mark();
    for (subject, pick) in pairs {
        for f in amounts(cx.unit, &subject) {
            let Some(t) = summary_line(t1, Scope::Income, pick) else {
                continue;
            };
            any = true;
            out.equal("收入说明与收支总表", &stated(f), &t);
        }
    }
    out.group_rounding(mark, "收入说明与收支总表");
    if any {
        Applies::Yes
    } else {
        no_facts("收入")
    }
}

#[cfg(test)]
mod tests {
    use super::IncomeStatement as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn stated_income_agrees_at_its_printed_precision() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("000"),
            "一般公共预算收入1539.63万元",
            "一般公共预算收入1539.00万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "一般公共预算收入1539.00万元"),
        );
        // `265.8` stands for [265.75, 265.85]: agrees with 265.80, not with 265.90.
        let text = edit(&seed("002"), "预算收入 265.8 万元", "预算收入 265.9 万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "预算收入 265.9 万元"),
        );
    }
}
