//! Without a year-end carry-over, the income and expenditure summaries agree code by code.

use super::need;
use crate::rules::support::lookup::summary_line;
use crate::rules::support::prelude::*;
use std::collections::HashMap;

declare_rule! {
    /// 收入总表与支出总表逐科目一致.
    pub IncomeVsExpenditureByCode => check,
    RuleDoc {
        code: "XT-003",
        family: Family::Cross,
        severity: Severity::Error,
        title: "收入总表与支出总表逐科目一致",
        title_en: "Income and expenditure summaries agree code by code",
        doc_en: "When the budget year has no year-end carry-over, sources equal uses: the income and expenditure summaries have the same total and the same total for every functional code. A code that is funded but not spent (or spent but not funded) in a balanced budget is an error in one table. Example: Xingtai 2024: 2101599 other medical security management affairs, income 742.63 = expenditure 742.63.",
        what: "预算年度没有年终结转结余时，资金来源等于资金用途：收入总表与支出总表的合计相等，且每个功能分类科目的合计相等。",
        why: "同一科目的收入安排与支出安排对不上，说明某笔资金只列了来源或只列了用途。",
        example: "邢台市医疗保障局 2024：2101599 其他医疗保障管理事务支出，收入 742.63 = 支出 742.63。",
        basis: "勾稽关系目录 I-24。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t2, t3] = match need(
        cx,
        [TableKind::IncomeSummary, TableKind::ExpenditureSummary],
    ) {
        Ok(v) => v,
        Err(a) => return a,
    };
    if let Some(t1) = table(cx.unit, TableKind::BudgetSummary) {
        if summary_line(t1, Scope::Expenditure, &|l| {
            l.contains("年终结转") || l.contains("年末结转")
        })
        .is_some_and(|f| f.amount.is_some_and(|a| !a.is_zero()))
        {
            return Applies::No("有年终结转结余，收入与支出不必逐项相等".into());
        }
    }
    let mark = out.mark();
    if let (Some(a), Some(b)) = (
        table_total(t2, Scope::Root, Role::Total),
        table_total(t3, Scope::Root, Role::Total),
    ) {
        out.equal("收入总表合计与支出总表合计", &a, &b);
    }
    if let (Some(c2), Some(c3)) = (
        t2.column(Scope::Root, Role::Total),
        t3.column(Scope::Root, Role::Total),
    ) {
        // The first expenditure row of each code.
        let mut spent: HashMap<&str, &Row> = HashMap::new();
        for x in &t3.rows {
            if let Some(code) = x.code.as_deref() {
                spent.entry(code).or_insert(x);
            }
        }
        for r in t2
            .rows
            .iter()
            .filter(|r| r.code.as_ref().is_some_and(|c| c.starts_with('2')))
        {
            let code = r.code.as_deref().unwrap_or_default();
            if let Some(x) = spent.get(code) {
                let a = cell(t2, r, c2, &format!("·{code}"));
                let b = cell(t3, x, c3, &format!("·{code}"));
                let what = format!(
                    "科目 {code} {} 的收入与支出",
                    r.name.as_deref().unwrap_or("")
                );
                out.equal(&what, &a, &b);
            }
        }
    }
    out.group_rounding(mark, "收入总表与支出总表");
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::IncomeVsExpenditureByCode as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn code_by_code() {
        silent_on_seeds(&Rule);
        let anchor = "其他医疗保障管理事务支出\t742.63\t\t742.63\t";
        let text = edit_line(&seed("000"), anchor, "742.63\t\t742.63", "741.63\t\t741.63");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "741.63\t\t741.63"),
        );
    }
}
