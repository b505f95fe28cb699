//! 上海 (市/区): nine tables titled `2025年部门财务收支预算总表` … `“三公”经费和机关运行经费预算表`,
//! `编制部门：… 单位：元` preambles, tables in 元 (the 三公 table in 万元) and prose in 万元, codes
//! split over 类/款/项 columns.

use super::{Conventions, GeneralBudgetCoverage, Profile, TemplateId};
use crate::table::TableKind::*;

pub(super) const PROFILE: Profile = Profile {
    id: TemplateId::Shanghai,
    zh: "上海",
    en: "Shanghai",
    titles: &[
        ("财务收支预算总表", BudgetSummary),
        ("部门收入预算总表", IncomeSummary),
        ("单位收入预算总表", IncomeSummary),
        ("部门支出预算总表", ExpenditureSummary),
        ("单位支出预算总表", ExpenditureSummary),
        ("部门财政拨款收支预算总表", FiscalSummary),
        ("单位财政拨款收支预算总表", FiscalSummary),
        ("一般公共预算支出功能分类预算表", GeneralBudgetExpenditure),
        ("政府性基金预算支出功能分类预算表", GovFundExpenditure),
        (
            "国有资本经营预算支出功能分类预算表",
            StateCapitalExpenditure,
        ),
        (
            "一般公共预算基本支出部门预算经济分类预算表",
            GeneralBudgetBasic,
        ),
        ("“三公”经费和机关运行经费预算表", ThreePublic),
        ("项目支出绩效目标填报表", ProjectPerformance),
    ],
    marks: &["编制部门：", "编制单位："],
    required: &[
        BudgetSummary,
        IncomeSummary,
        ExpenditureSummary,
        FiscalSummary,
        GeneralBudgetExpenditure,
        GovFundExpenditure,
        StateCapitalExpenditure,
        GeneralBudgetBasic,
        ThreePublic,
    ],
    conventions: Conventions {
        general_budget_coverage: GeneralBudgetCoverage::AllSpending,
        summary_ordinal_is_class: false,
        operating_cost_is_public_expense: false,
        every_project_has_targets: false,
    },
};
