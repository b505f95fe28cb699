//! 河北: 部门预算收支总表 …, a 序号/栏次 column, `450 巨鹿县医疗保障局 / 预算年度：2026 / 单位：万元`
//! above every table; its glossary defines 机关运行经费 as the unit's 公用经费.

use super::{Conventions, GeneralBudgetCoverage, Profile, TemplateId};
use crate::table::TableKind::*;

pub(super) const PROFILE: Profile = Profile {
    id: TemplateId::Hebei,
    zh: "河北",
    en: "Hebei",
    titles: &[
        ("预算收支总表", BudgetSummary),
        ("预算收入总表", IncomeSummary),
        ("预算支出总表", ExpenditureSummary),
        ("预算财政拨款收支总表", FiscalSummary),
        ("预算一般公共预算财政拨款支出表", GeneralBudgetExpenditure),
        ("预算一般公共预算财政拨款基本支出表", GeneralBudgetBasic),
        ("预算政府性基金预算财政拨款支出表", GovFundExpenditure),
        (
            "预算国有资本经营预算财政拨款支出表",
            StateCapitalExpenditure,
        ),
        ("预算财政拨款“三公”经费支出表", ThreePublic),
        ("部门政府采购预算", Procurement),
        ("单位政府采购预算", Procurement),
        ("固定资产占用情况表", Assets),
    ],
    marks: &["预算年度", "栏次"],
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
        general_budget_coverage: GeneralBudgetCoverage::AllSpending,
        summary_ordinal_is_class: false,
        operating_cost_is_public_expense: true,
        every_project_has_targets: true,
    },
};
