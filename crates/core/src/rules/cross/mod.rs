//! 表间核对: one table against another.

mod basic_vs_basic_detail;
mod basic_vs_three_public;
mod economic_vs_expenditure;
mod final_fiscal_vs_general_budget;
mod final_summary_vs_tables;
mod fiscal_part_across_tables;
mod fiscal_vs_general_budget;
mod general_budget_vs_basic;
mod income_vs_expenditure;
mod operating_cost_vs_basic;
mod procurement_vs_performance;
mod projects_vs_expenditure;
mod summary_vs_expenditure;
mod summary_vs_fiscal;
mod summary_vs_income;

pub use basic_vs_basic_detail::BasicVsBasicDetail;
pub use basic_vs_three_public::BasicVsThreePublic;
pub use economic_vs_expenditure::EconomicSummaryVsExpenditure;
pub(crate) use final_fiscal_vs_general_budget::expense_total;
pub use final_fiscal_vs_general_budget::FinalFiscalVsGeneralBudget;
pub use final_summary_vs_tables::FinalSummaryVsTables;
pub use fiscal_part_across_tables::FiscalPartAcrossTables;
pub use fiscal_vs_general_budget::FiscalVsGeneralBudget;
pub use general_budget_vs_basic::GeneralBudgetVsBasic;
pub use income_vs_expenditure::IncomeVsExpenditureByCode;
pub use operating_cost_vs_basic::OperatingCostVsBasic;
pub use procurement_vs_performance::ProcurementVsPerformance;
pub use projects_vs_expenditure::ProjectsVsExpenditure;
pub use summary_vs_expenditure::SummaryVsExpenditure;
pub use summary_vs_fiscal::SummaryVsFiscal;
pub use summary_vs_income::SummaryVsIncome;

use crate::rules::support::prelude::*;

/// The unit's tables of these kinds, each with data; or why the rule does not apply.
fn need<'a, const N: usize>(cx: &'a Cx, kinds: [TableKind; N]) -> Result<[&'a Table; N], Applies> {
    let mut out = Vec::with_capacity(N);
    for k in kinds {
        match table(cx.unit, k) {
            Some(t) => out.push(t),
            None => return Err(absent(cx.unit, k)),
        }
    }
    out.try_into()
        .map_err(|_| Applies::No("表格数目不符".into()))
}

/// A grand-total label of a summary table side.
fn is_grand(l: &str) -> bool {
    l.contains("总计") || l == "收入合计" || l == "支出合计" || l == "收入合计:" || l == "支出合计:"
}

/// Hebei 财政拨款表 lists the 年初结转 parts under the same labels as the current-year ones.
fn is_carry_marker(l: &str) -> bool {
    l.contains("结转")
}

/// The basic-spending total of the 基本支出表 (its 基本支出 column, else its 合计).
fn basic_total(t6: &Table) -> Option<Fig> {
    table_total(t6, Scope::Root, Role::Basic).or_else(|| table_total(t6, Scope::Root, Role::Total))
}

/// The class rows (three-digit functional codes) of a coded table, by name (`（类）` dropped).
fn class_rows(t: &Table) -> Vec<(String, &Row)> {
    t.rows
        .iter()
        .filter(|r| r.code.as_deref().is_some_and(|c| c.len() == 3))
        .filter_map(|r| {
            let name = fold_punct(r.name.as_deref()?);
            let name = name.trim_end_matches("(类)").trim().to_owned();
            (!name.is_empty()).then_some((name, r))
        })
        .collect()
}
