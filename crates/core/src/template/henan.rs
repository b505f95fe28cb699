//! 河南: 部门收支预算表 …, `部门名称：…` preambles, codes split over 类/款/项 and paired with a
//! 政府预算经济分类 code; the 收支预算表 lists every class by its ordinal; the general-budget
//! table "仅含当年财政拨款安排的支出".

use super::{Conventions, GeneralBudgetCoverage, Profile, TemplateId};
use crate::table::TableKind::*;

pub(super) const PROFILE: Profile = Profile {
    id: TemplateId::Henan,
    zh: "河南",
    en: "Henan",
    titles: &[
        ("部门收支预算表", BudgetSummary),
        ("部门收入预算表", IncomeSummary),
        ("部门支出预算表", ExpenditureSummary),
        ("财政拨款收支总体情况表", FiscalSummary),
        ("财政拨款收支预算表", FiscalSummary),
        ("一般公共预算支出预算表", GeneralBudgetExpenditure),
        ("一般公共预算基本支出预算表", GeneralBudgetBasic),
        ("一般公共预算基本支出明细表", BasicDetail),
        ("支出经济分类汇总表", EconomicSummary),
        ("一般公共预算“三公”经费预算表", ThreePublic),
        ("政府性基金支出预算表", GovFundExpenditure),
        ("国有资本经营支出预算表", StateCapitalExpenditure),
        ("国有资本经营预算支出预算表", StateCapitalExpenditure),
        ("项目支出预算表", ProjectExpenditure),
        ("机关(机构)运行经费", OperatingCost),
        ("部门预算项目绩效目标表", ProjectPerformance),
    ],
    marks: &["政府预算经济分类"],
    required: &[
        BudgetSummary,
        IncomeSummary,
        ExpenditureSummary,
        FiscalSummary,
        GeneralBudgetExpenditure,
        GeneralBudgetBasic,
        ThreePublic,
        GovFundExpenditure,
        StateCapitalExpenditure,
    ],
    conventions: Conventions {
        general_budget_coverage: GeneralBudgetCoverage::ThisYearAppropriation,
        summary_ordinal_is_class: true,
        operating_cost_is_public_expense: false,
        every_project_has_targets: true,
    },
};
