//! The general-budget expenditure table against the fiscal appropriation summary, per template.

use super::{is_carry_marker, is_grand, need};
use crate::rules::support::arith;
use crate::rules::support::lookup::summary_line_before;
use crate::rules::support::prelude::*;
use crate::template::GeneralBudgetCoverage;

declare_rule! {
    /// 一般公共预算支出表与财政拨款收支总表一致.
    pub FiscalVsGeneralBudget => check,
    RuleDoc {
        code: "XT-005",
        family: Family::Cross,
        severity: Severity::Error,
        title: "一般公共预算支出表与财政拨款收支总表一致",
        title_en: "General-budget expenditure agrees with the fiscal appropriation summary",
        doc_en: "Where the template spends carry-over through the table (Hebei, Shanghai): the general-budget expenditure table's total equals the general-budget column's current-year expenditure in the fiscal appropriation summary (including spending from carry-over). Where it covers this year's appropriations only (Henan): the general-budget table covers only current-year appropriations, so its total equals the current-year general-budget appropriation income. Where the template's convention is not known, either reading that holds is enough. Example: Jiyuan 2023 (Henan): 6536.40 = 6536.40, the 101.50 carried over being outside this table.",
        what: "含结转支出的模板（河北、上海）：一般公共预算支出表合计 = 财政拨款收支总表一般公共预算列的本年支出合计（无结转部分时为支出总计）；只含当年拨款的模板（河南）：一般公共预算支出表“仅含当年财政拨款安排的支出”，其合计 = 财政拨款收支总表本年一般公共预算拨款收入；模板口径不明时，两种口径之一成立即可。",
        why: "一般公共预算支出是财政拨款收支总表中一般公共预算资金的去向明细，口径按模板约定，不一致说明明细表漏列或多列。",
        example: "济源示范区医疗保障局 2023（河南）：一般公共预算支出表合计 6536.40 = 财政拨款本年一般公共预算拨款 6536.40（上年结转 101.50 不在此表）。",
        basis: "勾稽关系目录 I-27（OBL-CROSS-T4-T5 / D-005）；河南表注“本表仅含当年财政拨款安排的支出”。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t4, t5] = match need(
        cx,
        [
            TableKind::FiscalSummary,
            TableKind::GeneralBudgetExpenditure,
        ],
    ) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let Some(b) = table_total(t5, Scope::Root, Role::Total) else {
        return Applies::No("一般公共预算支出表没有合计".into());
    };
    let candidates: Vec<Fig> = match cx.unit.conventions().general_budget_coverage {
        GeneralBudgetCoverage::AllSpending => all_spending(t4).into_iter().collect(),
        GeneralBudgetCoverage::ThisYearAppropriation => this_year(t4).into_iter().collect(),
        GeneralBudgetCoverage::Either => {
            all_spending(t4).into_iter().chain(this_year(t4)).collect()
        }
    };
    if candidates.is_empty() {
        return Applies::No("财政拨款收支总表中找不到一般公共预算的合计".into());
    }
    // Where the template's convention is not known, either reading that holds is enough.
    let holds = candidates
        .iter()
        .find(|a| arith::equal(a, &b).is_some_and(|c| c.verdict != arith::Verdict::Broken));
    out.equal("一般公共预算支出", holds.unwrap_or(&candidates[0]), &b);
    Applies::Yes
}

/// The general-budget column of the expenditure side: this year's spending (本年支出合计), or
/// the side's grand total where the table has no carry-over part.
fn all_spending(t4: &Table) -> Option<Fig> {
    let name = t4.column(Scope::Expenditure, Role::Name)?;
    let gb = t4.column(Scope::Expenditure, Role::GeneralBudget)?;
    let label = |r: &&Row| fold_punct(r.text(name));
    let row = t4
        .rows
        .iter()
        .find(|r| label(r).contains("本年支出"))
        .or_else(|| t4.rows.iter().find(|r| is_grand(&label(r))))?;
    Some(cell(
        t4,
        row,
        gb,
        &format!("·{}·一般公共预算", compact(row.text(name))),
    ))
}

/// This year's general-budget appropriation on the income side (above any carry-over part).
fn this_year(t4: &Table) -> Option<Fig> {
    summary_line_before(t4, Scope::Income, &is_carry_marker, &|l| {
        l.contains("一般公共预算") && !l.starts_with("其中")
    })
}

#[cfg(test)]
mod tests {
    use super::FiscalVsGeneralBudget as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn respects_each_template() {
        // Hebei compares with 本年支出合计 (carry-over included); Henan with this year's appropriation.
        silent_on_seeds(&Rule);
        let title = "部门预算一般公共预算财政拨款支出表";
        let text = edit_after(&seed("000"), title, "合计\t1890.26", "合计\t1890.00");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "合计\t1890.00"),
        );
        let text = edit(
            &seed("001"),
            "合计\t6,536.40\t3,320.30",
            "合计\t6,537.40\t3,320.30",
        );
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "6,537.40"));
    }
}
